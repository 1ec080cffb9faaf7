import type { CostRow } from '@baton/plugin-sre-node';
import { createReadStream, createWriteStream } from 'fs';
import { mkdtemp, open, rm } from 'fs/promises';
import os from 'os';
import path from 'path';
import { Readable } from 'stream';
import { pipeline } from 'stream/promises';
import { readFocusCsv, readHead } from './FocusCsvReader';
import {
  PARQUET_MAGIC,
  fileAsyncBuffer,
  readFocusParquet,
} from './FocusParquetReader';

const isParquet = (head: Buffer) =>
  head.length >= 4 && head.subarray(0, 4).equals(PARQUET_MAGIC);

/** A Parquet file on disk, read through one handle that is closed at the end. */
async function* readParquetFile(file: string): AsyncGenerator<CostRow> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    yield* readFocusParquet(fileAsyncBuffer(handle, size));
  } finally {
    await handle.close();
  }
}

/**
 * Reads a FOCUS file from disk: Parquet, CSV or gzip-compressed CSV, told
 * apart by their first bytes, never by the file name. CSV streams; Parquet
 * is read in place, a row group at a time.
 * @public
 */
export async function* readFocusFilePath(
  file: string,
): AsyncGenerator<CostRow, void, undefined> {
  const head = Buffer.alloc(4);
  const handle = await open(file, 'r');
  let length: number;
  try {
    ({ bytesRead: length } = await handle.read(head, 0, 4, 0));
  } finally {
    await handle.close();
  }
  if (isParquet(head.subarray(0, length))) {
    yield* readParquetFile(file);
  } else {
    yield* readFocusCsv(createReadStream(file));
  }
}

/**
 * Reads a FOCUS file as it arrives (an upload): Parquet, CSV or
 * gzip-compressed CSV, told apart by their first bytes. CSV is read as it
 * streams in. Parquet keeps its index at the end of the file, so an upload
 * of it is first written to a temporary file (bounded by the upload limit)
 * and read from there; the file is removed when reading ends.
 * @public
 */
export async function* readFocusFile(
  body: Readable,
): AsyncGenerator<CostRow, void, undefined> {
  // As in readFocusCsv: an 'error' before a listener is attached would crash.
  const ignoreUntilRead = () => {};
  body.on('error', ignoreUntilRead);
  let head: Buffer;
  try {
    head = await readHead(body, 4);
  } catch (error) {
    body.off('error', ignoreUntilRead);
    body.destroy();
    throw error;
  }
  // The body read whole (a tiny file) cannot take its head back.
  const rest: Readable = body.readableEnded
    ? Readable.from(head.length > 0 ? [head] : [])
    : body;
  if (rest === body && head.length > 0 && !body.destroyed) {
    body.unshift(head);
  }
  body.off('error', ignoreUntilRead);
  if (!isParquet(head)) {
    yield* readFocusCsv(rest);
    return;
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'baton-focus-'));
  try {
    const file = path.join(dir, 'upload.parquet');
    await pipeline(rest, createWriteStream(file));
    yield* readParquetFile(file);
  } finally {
    if (!body.readableEnded) body.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
