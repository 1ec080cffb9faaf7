import type { CostRow } from '@baton/plugin-sre-node';
import { CsvError, parse } from 'csv-parse';
import { Readable, finished, pipeline } from 'stream';
import { createGunzip } from 'zlib';
import {
  FocusColumn,
  ReadCache,
  inputError,
  readHeader,
  readRow,
} from './focusRow';

/**
 * The longest record csv-parse may hold before failing: one line (or quoted
 * field) without an end must not buffer a whole file. Real FOCUS rows are a
 * few kB, Tags included.
 */
const MAX_RECORD_CHARACTERS = 1024 * 1024;

function asBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) {
    return chunk;
  }
  if (typeof chunk === 'string') {
    return Buffer.from(chunk, 'utf8');
  }
  if (chunk instanceof Uint8Array) {
    return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
  throw new TypeError(
    `A FOCUS file body must stream bytes or strings, got ${typeof chunk}`,
  );
}

/**
 * At least the first `count` bytes of the body (fewer only if it is
 * shorter), to look for a magic number. Reads with 'data' events and leaves
 * the body paused; the caller puts the bytes back with `unshift`.
 */
export function readHead(body: Readable, count: number): Promise<Buffer> {
  if (body.readableEnded) {
    return Promise.resolve(Buffer.alloc(0));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    let stopWatching = () => {};
    const settle = (error?: Error | null) => {
      body.off('data', onData);
      stopWatching();
      body.pause();
      if (error) {
        reject(error);
      } else {
        resolve(Buffer.concat(chunks));
      }
    };
    function onData(chunk: unknown) {
      let bytes: Buffer;
      try {
        bytes = asBuffer(chunk);
      } catch (error) {
        settle(error as Error);
        return;
      }
      chunks.push(bytes);
      length += bytes.length;
      if (length >= count) {
        settle();
      }
    }
    // Settles at the end of a short body, or on its error or premature close.
    stopWatching = finished(body, { writable: false }, settle);
    body.on('data', onData);
    // A body paused by an earlier look at its head does not flow for a new
    // 'data' listener alone.
    body.resume();
  });
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

/**
 * The parser's records; csv-parse and gunzip errors become InputErrors
 * (the file is bad), errors of the body itself (a failed read, an aborted
 * upload) pass through unchanged.
 */
async function* recordsOf(
  parser: AsyncIterable<string[]>,
): AsyncGenerator<string[]> {
  try {
    yield* parser;
  } catch (error) {
    if (error instanceof CsvError) {
      // `records` counts the header, so it is the failing data row's number.
      const row = typeof error.records === 'number' ? error.records : undefined;
      const line = typeof error.lines === 'number' ? error.lines : undefined;
      throw inputError(
        `${row === undefined ? '' : `row ${row}, `}line ${
          line ?? '?'
        }: the file is not valid CSV: ${error.message}`,
        { row, line },
        error,
      );
    }
    if (isZlibError(error)) {
      throw inputError(
        `The file starts like gzip but is not valid gzip: ${
          (error as Error).message
        }`,
        {},
        error,
      );
    }
    throw error;
  }
}

/**
 * Reads a FOCUS 1.x cost file (CSV, or gzip-compressed CSV) as it streams
 * in, one CostRow per data row, in bounded memory whatever the file size.
 * Throws an InputError with `row` (1-based; the header is row 0) and
 * `column` for the first bad cell, and before any row for a header without
 * the required columns.
 * @public
 */
export async function* readFocusCsv(
  body: Readable,
): AsyncGenerator<CostRow, void, undefined> {
  // Between reading the head and pipeline() attaching its listeners, an
  // 'error' without a listener would crash the process; pipeline still sees
  // the error, as the body is then destroyed with it.
  const ignoreUntilPiped = () => {};
  body.on('error', ignoreUntilPiped);
  try {
    const head = await readHead(body, 2);
    const gzip = head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
    const parser = parse({
      bom: true,
      relax_column_count: false,
      skip_empty_lines: true,
      max_record_size: MAX_RECORD_CHARACTERS,
    });
    // The body is consumed through pipe(), never its async iterator: in
    // Node 24 that iterator keeps ~200 bytes per chunk until the stream ends.
    let bytes: Readable = body;
    if (body.readableEnded) {
      bytes = Readable.from(head.length > 0 ? [head] : []);
    } else if (head.length > 0 && !body.destroyed) {
      body.unshift(head);
    }
    // Errors reach us through the parser, which pipeline destroys with them;
    // the callback only keeps pipeline from treating them as unhandled.
    const done = () => {};
    if (gzip) {
      pipeline(bytes, createGunzip(), parser, done);
    } else {
      pipeline(bytes, parser, done);
    }
    body.off('error', ignoreUntilPiped);

    let positions: Map<FocusColumn, number> | undefined;
    let row = 0;
    const cache = new ReadCache();
    for await (const record of recordsOf(parser)) {
      if (!positions) {
        positions = readHeader(record);
        continue;
      }
      row += 1;
      const at = positions;
      yield readRow(column => record[at.get(column) ?? -1], row, cache);
    }
    if (!positions) {
      // An empty file has no header: every required column is missing.
      readHeader([]);
    }
  } finally {
    body.off('error', ignoreUntilPiped);
    // Stopped early (a bad row, or the caller stopped): close the body, so a
    // file's descriptor is released. An HTTP upload still gets its error
    // response; the server discards the rest of the request.
    if (!body.readableEnded) {
      body.destroy();
    }
  }
}
