import type { CostRow } from '@baton/plugin-sre-node';
import { Readable, finished, pipeline } from 'stream';
import { StringDecoder } from 'string_decoder';
import { createGunzip } from 'zlib';
import { CsvRecordScanner, CsvSyntaxError } from './CsvRecordScanner';
import {
  FOCUS_COLUMNS,
  ReadCache,
  SLOT,
  inputError,
  readHeader,
  readRow,
} from './focusRow';

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
 * Syntax and gzip errors become InputErrors (the file is bad); errors of the
 * body itself (a failed read, an aborted upload) pass through unchanged.
 */
function asFileError(error: unknown, row: number): unknown {
  if (error instanceof CsvSyntaxError) {
    // `row` counts the header, so it is the failing data row's number.
    return inputError(
      `row ${row}, line ${error.line}: the file is not valid CSV: ${error.message}`,
      { row, line: error.line },
      error,
    );
  }
  if (isZlibError(error)) {
    return inputError(
      `The file starts like gzip but is not valid gzip: ${
        (error as Error).message
      }`,
      {},
      error,
    );
  }
  return error;
}

/**
 * A readable stream's chunks, pulled one at a time. The stream is read
 * with `read()`, never its async iterator: in Node 24 that iterator keeps
 * ~200 bytes per chunk until the stream ends.
 */
class ChunkPuller {
  readonly #stream: Readable;
  #ended = false;
  #error: unknown;
  #wake: (() => void) | undefined;

  constructor(stream: Readable) {
    this.#stream = stream;
    const wake = () => {
      const resolve = this.#wake;
      this.#wake = undefined;
      resolve?.();
    };
    stream.on('readable', wake);
    // Its listeners stay: an error after the caller stopped must not go unhandled.
    finished(stream, { writable: false }, error => {
      if (error) this.#error = error;
      else this.#ended = true;
      wake();
    });
  }

  /** The next chunk, or undefined at the end; throws the stream's error. */
  async next(): Promise<Buffer | undefined> {
    for (;;) {
      if (this.#error) throw this.#error;
      const chunk: unknown = this.#stream.read();
      if (chunk !== null) return asBuffer(chunk);
      if (this.#ended) return undefined;
      await new Promise<void>(resolve => {
        this.#wake = resolve;
      });
    }
  }
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({
  done: true,
  value: undefined,
});

/**
 * The rows of a FOCUS CSV body. It reads a chunk at a time, turns every
 * complete record of the chunk into a CostRow, and hands them out one by
 * one, so most rows cost no waiting at all. A bad row (or bad CSV) fails
 * only after the rows before it are handed out.
 */
class FocusCsvRows implements AsyncIterableIterator<CostRow> {
  readonly #body: Readable;
  #chunks: ChunkPuller | undefined;
  readonly #decoder = new StringDecoder('utf8');
  readonly #scanner = new CsvRecordScanner();
  readonly #cache = new ReadCache();
  #rows: CostRow[] = [];
  #next = 0;
  #row = 0;
  #header = false;
  #ended = false;
  #failure: unknown;
  #closed = false;

  constructor(body: Readable) {
    this.#body = body;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<CostRow, undefined>> {
    if (this.#next < this.#rows.length) {
      return Promise.resolve({ done: false, value: this.#rows[this.#next++] });
    }
    return this.#read();
  }

  async return(): Promise<IteratorReturnResult<undefined>> {
    this.#close();
    return DONE;
  }

  async #read(): Promise<IteratorResult<CostRow, undefined>> {
    if (this.#closed) return DONE;
    try {
      this.#chunks ??= await this.#open();
      this.#rows = [];
      this.#next = 0;
      while (this.#rows.length === 0) {
        if (this.#failure !== undefined) throw this.#failure;
        if (this.#ended) {
          this.#close();
          return DONE;
        }
        const chunk = await this.#chunks.next();
        if (chunk === undefined) {
          this.#ended = true;
          this.#scanner.append(this.#decoder.end());
        } else {
          this.#scanner.append(this.#decoder.write(chunk));
        }
        this.#readRecords();
      }
      return { done: false, value: this.#rows[this.#next++] };
    } catch (error) {
      this.#close();
      throw asFileError(error, this.#scanner.records);
    }
  }

  /** Every complete record read so far as rows, up to the first failure. */
  #readRecords() {
    const scanner = this.#scanner;
    const cache = this.#cache;
    const rows = this.#rows;
    try {
      while (scanner.next(this.#ended)) {
        if (!this.#header) {
          this.#readHeader(scanner.cells as string[]);
          continue;
        }
        this.#row += 1;
        rows.push(readRow(scanner.cells, this.#row, cache, scanner.escaped));
      }
      if (this.#ended && !this.#header) {
        // An empty file has no header: every required column is missing.
        readHeader([]);
      }
    } catch (error) {
      this.#failure = error;
    }
  }

  #readHeader(names: string[]) {
    const positions = readHeader(names);
    const slots = names.map(() => -1);
    for (const [column, index] of positions) slots[index] = SLOT[column];
    this.#scanner.read(slots, FOCUS_COLUMNS.length, SLOT.Tags);
    this.#header = true;
  }

  /** The body's bytes, gunzipped if they start like gzip. */
  async #open(): Promise<ChunkPuller> {
    const body = this.#body;
    // Between reading the head and pipeline() attaching its listeners, an
    // 'error' without a listener would crash the process; pipeline still
    // sees the error, as the body is then destroyed with it.
    const ignoreUntilRead = () => {};
    body.on('error', ignoreUntilRead);
    try {
      const head = await readHead(body, 2);
      const gzip = head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
      let bytes: Readable = body;
      if (body.readableEnded) {
        bytes = Readable.from(head.length > 0 ? [head] : []);
      } else if (head.length > 0 && !body.destroyed) {
        body.unshift(head);
      }
      if (!gzip) return new ChunkPuller(bytes);
      // Errors reach us through the gunzip stream, which pipeline destroys
      // with them; the callback only keeps pipeline from treating them as
      // unhandled.
      return new ChunkPuller(pipeline(bytes, createGunzip(), () => {}));
    } finally {
      body.off('error', ignoreUntilRead);
    }
  }

  /** Stopped (the end, a bad row, or the caller stopped): a file's descriptor is released. */
  #close() {
    if (this.#closed) return;
    this.#closed = true;
    this.#rows = [];
    this.#next = 0;
    // An HTTP upload still gets its error response; the server discards
    // the rest of the request.
    if (!this.#body.readableEnded) this.#body.destroy();
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
export function readFocusCsv(body: Readable): AsyncIterableIterator<CostRow> {
  return new FocusCsvRows(body);
}
