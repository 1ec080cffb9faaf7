import type { CostRow } from '@baton/plugin-sre-node';
import { createReadStream, createWriteStream } from 'fs';
import { mkdtemp, open, rm } from 'fs/promises';
import os from 'os';
import path from 'path';
import { Readable } from 'stream';
import { pipeline } from 'stream/promises';
import { FocusCsvReadOptions, readFocusCsv, readHead } from './FocusCsvReader';
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
 * Rows that `open` finds when the first row is asked for, handed out with
 * no extra step per row (an async generator's `yield*` would add one).
 */
function openedOnFirstRow(
  openRows: () => Promise<AsyncIterator<CostRow>>,
): AsyncIterableIterator<CostRow> {
  let opening: Promise<AsyncIterator<CostRow>> | undefined;
  let rows: AsyncIterator<CostRow> | undefined;
  let stopped = false;
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next() {
      if (rows) return rows.next();
      if (stopped) return Promise.resolve({ done: true, value: undefined });
      opening ??= openRows().then(opened => (rows = opened));
      return opening.then(opened => opened.next());
    },
    async return() {
      stopped = true;
      const opened = rows ?? (await opening?.catch(() => undefined));
      await opened?.return?.();
      return { done: true, value: undefined };
    },
  };
}

/**
 * Reads a FOCUS file from disk: Parquet, CSV or gzip-compressed CSV, told
 * apart by their first bytes, never by the file name. CSV streams; Parquet
 * is read in place, a row group at a time.
 * @public
 */
export function readFocusFilePath(
  file: string,
): AsyncIterableIterator<CostRow> {
  return openedOnFirstRow(() => openFocusFilePath(file));
}

async function openFocusFilePath(
  file: string,
): Promise<AsyncIterator<CostRow>> {
  const head = Buffer.alloc(4);
  const handle = await open(file, 'r');
  let length: number;
  try {
    ({ bytesRead: length } = await handle.read(head, 0, 4, 0));
  } finally {
    await handle.close();
  }
  return isParquet(head.subarray(0, length))
    ? readParquetFile(file)
    : readFocusCsv(createReadStream(file));
}

/**
 * Reads a FOCUS file as it arrives (an upload): Parquet, CSV or
 * gzip-compressed CSV, told apart by their first bytes. CSV is read as it
 * streams in. Parquet keeps its index at the end of the file, so an upload
 * of it is first written to a temporary file (bounded by the upload limit)
 * and read from there; the file is removed when reading ends. `options`
 * apply to CSV.
 * @public
 */
export function readFocusFile(
  body: Readable,
  options: FocusCsvReadOptions = {},
): AsyncIterableIterator<CostRow> {
  return openedOnFirstRow(() => openFocusFile(body, options));
}

async function openFocusFile(
  body: Readable,
  options: FocusCsvReadOptions,
): Promise<AsyncIterator<CostRow>> {
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
  if (!isParquet(head)) return readFocusCsv(rest, options);
  return readParquetUpload(body, rest);
}

/** A Parquet upload, written to a temporary file first and read from there. */
async function* readParquetUpload(
  body: Readable,
  rest: Readable,
): AsyncGenerator<CostRow> {
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
