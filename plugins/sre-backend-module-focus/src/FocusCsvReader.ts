import type { CostRow } from '@baton/plugin-sre-node';
import { Readable, finished, pipeline } from 'stream';
import { StringDecoder } from 'string_decoder';
import { createGunzip } from 'zlib';
import {
  CsvLayout,
  CsvRecordScanner,
  CsvSyntaxError,
} from './CsvRecordScanner';
import {
  ChunkReply,
  ChunkRows,
  CsvChunkPool,
  chunkCounts,
} from './FocusCsvChunks';
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
  /** A chunk readAhead got. */
  #held: Buffer | undefined;

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

  /**
   * Lets the stream hold `bytes` read ahead: a Readable raises its high
   * water mark when asked for more than it. A file stream then reads
   * that much at once, so the body keeps up with readers on other
   * threads though its reads progress only when this thread's event loop
   * turns.
   */
  readAhead(bytes: number): void {
    const stream = this.#stream;
    if (stream.readableObjectMode || stream.readableHighWaterMark >= bytes) {
      return;
    }
    const chunk: unknown = stream.read(bytes);
    if (chunk !== null) this.#held = asBuffer(chunk);
  }

  /** The next chunk, or undefined at the end; throws the stream's error. */
  async next(): Promise<Buffer | undefined> {
    const held = this.#held;
    if (held) {
      this.#held = undefined;
      return held;
    }
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

/** Rows of a worker's chunk handed out between two turns of the event loop, less one. */
const YIELD_MASK = 256 - 1;

/**
 * Pieces read ahead, most of them sent to workers. More keep workers'
 * replies waiting long enough to outlive young-generation collections,
 * which grows this thread's heap.
 */
const MAX_PIECES = 4;

/** Bytes of the body read ahead while its rows are read, here or by workers. */
const READ_AHEAD_BYTES = 1024 * 1024;

/** Bytes of a piece decoded and scanned here at a time. */
const FEED_BYTES = 64 * 1024;

/** Rows read here at a time. */
const ROWS_PER_BATCH = 512;

/**
 * Bytes of CSV a worker reads at once by default: a worker's reply is
 * then small enough (under 128 kB of text) not to be a large object,
 * which only a full collection frees.
 */
const DEFAULT_CHUNK_BYTES = 256 * 1024;

/** Line ends as bytes. */
const LF = 0x0a;
const CR = 0x0d;

/** A piece of the body: whole records, unless a record (or the file) goes on past it. */
interface Piece {
  /** Undefined while a worker has them. */
  bytes: Uint8Array | undefined;
  /** The last bytes of the file. */
  final: boolean;
  /** A worker's reading, if one was asked. */
  parsed?: Promise<ChunkReply>;
}

/** The first line end of a file's bytes: LF (which ends CRLF lines too) or CR alone, as CsvRecordScanner finds it; undefined if not known yet. */
function firstLineEnd(bytes: Uint8Array): number | undefined {
  const lf = bytes.indexOf(LF);
  const cr = bytes.indexOf(CR);
  if (cr < 0 || (lf >= 0 && lf < cr)) return lf >= 0 ? LF : undefined;
  if (cr + 1 < bytes.length) return bytes[cr + 1] === LF ? LF : CR;
  return undefined;
}

/**
 * The rows of a FOCUS CSV body. It reads the body a piece (256 KiB) at a
 * time, cut after a line end. The first piece (with the header) is read on
 * the calling thread; with more to come, worker threads read the next
 * pieces, several at once, while the caller takes the rows of the earlier
 * ones. Rows come out in file order, as the calling thread alone would read
 * them: a piece a worker read is taken only if the piece before it ended at
 * a record boundary; otherwise (a quoted field with a line break across the
 * cut, a bad row, a worker that cannot start) the calling thread reads it
 * itself, which also gives a bad row's error its row and line numbers. A
 * bad row (or bad CSV) fails only after the rows before it are handed out.
 */
class FocusCsvRows implements AsyncIterableIterator<CostRow> {
  readonly #body: Readable;
  readonly #chunkBytes: number;
  readonly #workers: number;
  #input: ChunkPuller | undefined;
  readonly #decoder = new StringDecoder('utf8');
  readonly #scanner = new CsvRecordScanner();
  readonly #cache = new ReadCache();
  /** The rows being handed out: read here, or (#chunkRows) by a worker. */
  #rows: CostRow[] = [];
  #chunkRows: ChunkRows | undefined;
  #next = 0;
  #row = 0;
  #header = false;
  #ended = false;
  #failure: unknown;
  #closed = false;
  /** Bytes read and not yet in a piece. */
  #carry: Uint8Array[] = [];
  #carryBytes = 0;
  /** The piece being read here, and how far. */
  #feeding: { bytes: Uint8Array; at: number; final: boolean } | undefined;
  /**
   * Buffers of pieces already read, for the next pieces: without them each
   * piece is a new buffer, and the dead ones (outside the heap, moved
   * between threads) pile up faster than they are collected.
   */
  #spare: ArrayBuffer[] = [];
  #pieces: Piece[] = [];
  #cutPieces = 0;
  #inputDone = false;
  #inputError: unknown;
  #filling: Promise<void> | undefined;
  #pool: CsvChunkPool | undefined;
  /** The file's layout once the header is read: what a worker needs. */
  #layout: CsvLayout | undefined;
  /** The last byte of the pieces taken so far. */
  #lastByte = -1;
  /** The scanner holds records not read yet. */
  #moreRecords = false;

  constructor(body: Readable, options: FocusCsvReadOptions) {
    this.#body = body;
    this.#chunkBytes = Math.max(1, options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
    this.#workers = Math.max(0, options.workers ?? 0);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<CostRow, undefined>> {
    if (this.#next < this.#rows.length) {
      return Promise.resolve({ done: false, value: this.#rows[this.#next++] });
    }
    const chunk = this.#chunkRows;
    if (chunk && this.#next < chunk.length) {
      const value = chunk.row(this.#next++);
      if ((this.#next & YIELD_MASK) !== 0) {
        return Promise.resolve({ done: false, value });
      }
      // Every so many rows, a turn of the event loop: the body's reads and
      // the workers' replies progress only in one, and handing out rows
      // (promises already resolved) takes none.
      return new Promise(resolve =>
        setImmediate(() => resolve({ done: false, value })),
      );
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
      this.#rows = [];
      this.#chunkRows = undefined;
      this.#next = 0;
      while (this.#rows.length === 0 && !this.#chunkRows) {
        if (this.#failure !== undefined) throw this.#failure;
        if (this.#moreRecords) {
          this.#readRecords();
          continue;
        }
        if (this.#feeding) {
          this.#feed();
          continue;
        }
        if (this.#ended) {
          this.#close();
          return DONE;
        }
        await this.#fill();
        const piece = this.#pieces.shift();
        // The input ends with a final piece, unless reading it failed.
        if (!piece) throw this.#inputError;
        await this.#take(piece);
        // Workers get the next pieces while these rows are handed out.
        void this.#fill();
      }
      // Set by #take (the loop's narrowing does not see it).
      const chunkRows = this.#chunkRows as ChunkRows | undefined;
      const value = chunkRows
        ? chunkRows.row(this.#next++)
        : this.#rows[this.#next++];
      return { done: false, value };
    } catch (error) {
      this.#close();
      throw asFileError(error, this.#scanner.records);
    }
  }

  /** Reads the body until enough pieces wait (one, before workers can take any); never rejects. */
  #fill(): Promise<void> {
    this.#filling ??= this.#readPieces().finally(() => {
      this.#filling = undefined;
    });
    return this.#filling;
  }

  async #readPieces(): Promise<void> {
    try {
      if (!this.#input) {
        this.#input = await this.#open();
        // Reads overlap the reading of the rows: with only the stream's
        // default 64 KiB ahead, this thread waits for each next chunk.
        this.#input.readAhead(READ_AHEAD_BYTES);
      }
      while (!this.#inputDone && !this.#closed) {
        const reading = this.#pool && this.#layout;
        if (this.#pieces.length >= (reading ? MAX_PIECES : 1)) {
          return;
        }
        const bytes = await this.#input.next();
        if (this.#closed) return;
        if (bytes === undefined) {
          this.#inputDone = true;
          this.#addPiece(this.#carryBytes, true);
        } else if (bytes.length > 0) {
          this.#carry.push(bytes);
          this.#carryBytes += bytes.length;
          this.#cut();
        }
      }
    } catch (error) {
      // Thrown once the pieces read before it are taken.
      this.#inputDone = true;
      this.#inputError = error;
    }
  }

  /** The line end a piece is cut after, once known. */
  #lineEnd(): number | undefined {
    if (this.#layout) return this.#layout.eol === '\n' ? LF : CR;
    // Before the header is read, from the bytes of the file's start.
    if (this.#cutPieces > 0 || this.#carry.length === 0) return undefined;
    return firstLineEnd(this.#carry[0]);
  }

  /**
   * Pieces of about #chunkBytes of the bytes read so far, each cut after
   * the last line end in its first #chunkBytes (or the first after them).
   * Bytes without a line end become a piece as they are: read here, where
   * a record too long fails.
   */
  #cut(): void {
    while (this.#carryBytes >= this.#chunkBytes) {
      const lineEnd = this.#lineEnd();
      const cut = lineEnd === undefined ? -1 : this.#cutAt(lineEnd);
      this.#addPiece(cut < 0 ? this.#carryBytes : cut, false);
    }
  }

  /** Where a piece of the carry ends (after a `lineEnd` byte); -1 if the carry has none. */
  #cutAt(lineEnd: number): number {
    const limit = this.#chunkBytes;
    const carry = this.#carry;
    // The last line end in the first `limit` bytes.
    let offset = 0;
    let last = -1;
    for (const bytes of carry) {
      if (offset >= limit) break;
      const at = bytes.lastIndexOf(lineEnd, limit - offset - 1);
      if (at >= 0) last = offset + at;
      offset += bytes.length;
    }
    if (last >= 0) return last + 1;
    // A record longer than a piece: up to its end.
    offset = 0;
    for (const bytes of carry) {
      const from = Math.max(0, limit - offset);
      if (from < bytes.length) {
        const at = bytes.indexOf(lineEnd, from);
        if (at >= 0) return offset + at + 1;
      }
      offset += bytes.length;
    }
    return -1;
  }

  /** `size` bytes (not zeroed) with an ArrayBuffer of their own: a spare one if it fits. */
  #buffer(size: number): Uint8Array {
    const spare = this.#spare.pop();
    if (spare && spare.byteLength >= size)
      return new Uint8Array(spare, 0, size);
    const room = Math.max(size, this.#chunkBytes);
    return new Uint8Array(Buffer.allocUnsafeSlow(room).buffer, 0, size);
  }

  /** Keeps a piece's buffer, read now, for a later piece. */
  #recycle(bytes: Uint8Array): void {
    const buffer = bytes.buffer as ArrayBuffer;
    if (buffer.byteLength >= this.#chunkBytes && this.#spare.length < 4) {
      this.#spare.push(buffer);
    }
  }

  /**
   * Makes the first `length` bytes of the carry a piece: copied into a
   * buffer of its own, which can move to a worker whole.
   */
  #addPiece(length: number, final: boolean): void {
    const bytes = this.#buffer(length);
    let at = 0;
    while (at < length) {
      const head = this.#carry[0];
      const take = Math.min(head.length, length - at);
      bytes.set(take === head.length ? head : head.subarray(0, take), at);
      at += take;
      if (take === head.length) this.#carry.shift();
      else this.#carry[0] = head.subarray(take);
    }
    this.#carryBytes -= length;
    this.#cutPieces += 1;
    const piece: Piece = { bytes, final };
    this.#pieces.push(piece);
    if (!final && !this.#pool && this.#workers > 0) {
      // More than one piece: workers start now, while the first is read here.
      this.#pool = new CsvChunkPool(this.#workers);
    }
    this.#dispatch(piece);
  }

  /** Sends a piece to a worker if one can read it: whole records after the header. */
  #dispatch(piece: Piece): void {
    const { bytes } = piece;
    const layout = this.#layout;
    if (!this.#pool || !layout || !bytes || bytes.length === 0) return;
    if (piece.parsed) return;
    if (bytes[bytes.length - 1] !== (layout.eol === '\n' ? LF : CR)) return;
    const parsed = this.#pool.parse(bytes, layout);
    // Awaited when the piece's turn comes; never, if the reader stops first.
    parsed.catch(() => {});
    piece.parsed = parsed;
    piece.bytes = undefined;
  }

  /** The next piece: a worker's rows, or bytes to read here (#feeding). */
  async #take(piece: Piece): Promise<void> {
    let bytes = piece.bytes;
    if (piece.parsed) {
      const reply = await piece.parsed;
      if (reply.chunk && this.#atBoundary()) {
        const rows = new ChunkRows(reply.chunk, this.#cache);
        // A worker's chunk has at least one row: it ends with a record.
        if (rows.length > 0) this.#chunkRows = rows;
        this.#row += rows.length;
        this.#scanner.records += reply.chunk.records;
        this.#scanner.lines += reply.chunk.lines;
        this.#ended = piece.final;
        this.#lastByte = reply.bytes[reply.bytes.length - 1];
        this.#recycle(reply.bytes);
        return;
      }
      chunkCounts.readAgain += 1;
      bytes = reply.bytes;
    }
    this.#feeding = { bytes: bytes!, at: 0, final: piece.final };
  }

  /**
   * Gives the scanner the next FEED_BYTES of the piece being read here and
   * reads its records. Small texts, as the body's chunks are: the scanner
   * keeps a text, and its cells point into it, until its records are read;
   * texts over 128 kB would be large objects, freed only by a full
   * garbage collection.
   */
  #feed(): void {
    const feeding = this.#feeding!;
    const { bytes, final } = feeding;
    const end = Math.min(bytes.length, feeding.at + FEED_BYTES);
    const scanner = this.#scanner;
    scanner.append(this.#decoder.write(bytes.subarray(feeding.at, end)));
    feeding.at = end;
    if (end === bytes.length) {
      this.#feeding = undefined;
      if (bytes.length > 0) this.#lastByte = bytes[bytes.length - 1];
      this.#recycle(bytes);
      if (final) {
        this.#ended = true;
        scanner.append(this.#decoder.end());
      }
    }
    this.#readRecords();
    if (!this.#layout && this.#header) {
      this.#layout = scanner.layout();
      for (const waiting of this.#pieces) this.#dispatch(waiting);
    }
  }

  /** Whether the next piece starts with a record: the text read here so far ends with one, and a line end. */
  #atBoundary(): boolean {
    const layout = this.#layout;
    return (
      layout !== undefined &&
      !this.#scanner.pending &&
      this.#lastByte === (layout.eol === '\n' ? LF : CR)
    );
  }

  /**
   * The next complete records read so far as rows (at most
   * ROWS_PER_BATCH: a piece's rows are not all held at once), up to the
   * first failure.
   */
  #readRecords() {
    const scanner = this.#scanner;
    const cache = this.#cache;
    const rows = this.#rows;
    this.#moreRecords = false;
    try {
      for (;;) {
        if (rows.length === ROWS_PER_BATCH) {
          this.#moreRecords = true;
          return;
        }
        if (!scanner.next(this.#ended)) break;
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
      // No piece after a bad one is read.
      this.#stopWorkers();
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

  #stopWorkers() {
    this.#pool?.close();
    this.#pool = undefined;
    this.#pieces = [];
  }

  /** Stopped (the end, a bad row, or the caller stopped): a file's descriptor is released, the workers end. */
  #close() {
    if (this.#closed) return;
    this.#closed = true;
    this.#rows = [];
    this.#chunkRows = undefined;
    this.#next = 0;
    this.#carry = [];
    this.#feeding = undefined;
    this.#stopWorkers();
    // An HTTP upload still gets its error response; the server discards
    // the rest of the request.
    if (!this.#body.readableEnded) this.#body.destroy();
  }
}

/**
 * How readFocusCsv reads a file.
 * @public
 */
export interface FocusCsvReadOptions {
  /**
   * Bytes of CSV in a piece a worker thread reads at once (cut after a line
   * end); a file no longer than one piece is read on the calling thread.
   * 256 KiB by default.
   */
  chunkBytes?: number;
  /**
   * Worker threads reading pieces, for files over one piece; 0 (the
   * default) reads on the calling thread only. Each worker costs 25-60 MB
   * of memory; it saves wall-clock time only with CPUs to spare (on a
   * loaded 2-CPU machine it loses some).
   */
  workers?: number;
}

/**
 * Reads a FOCUS 1.x cost file (CSV, or gzip-compressed CSV) as it streams
 * in, one CostRow per data row, in bounded memory whatever the file size.
 * Throws an InputError with `row` (1-based; the header is row 0) and
 * `column` for the first bad cell, and before any row for a header without
 * the required columns.
 * @public
 */
export function readFocusCsv(
  body: Readable,
  options: FocusCsvReadOptions = {},
): AsyncIterableIterator<CostRow> {
  return new FocusCsvRows(body, options);
}
