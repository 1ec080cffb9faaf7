import type { CostRow } from '@baton/plugin-sre-node';
import { isAscii } from 'buffer';
import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';
import { CsvLayout, CsvRecordScanner } from './CsvRecordScanner';
import { ReadCache, SLOT, emptyRowValues, readRowValues } from './focusRow';

/** Chunk workers alive in this process: for tests that check they end. */
let liveWorkers = 0;

/** @internal */
export function liveChunkWorkers(): number {
  return liveWorkers;
}

/**
 * Chunks whose rows came from a worker, and chunks a worker read that the
 * reading thread read again: for tests that check which path ran.
 * @internal
 */
export const chunkCounts = { fromWorkers: 0, readAgain: 0 };

/**
 * The rows of one chunk of a FOCUS CSV file (whole records after the
 * header), read on a worker thread and sent to the reading thread as a few
 * arrays and one string instead of an object per row: received, they cost
 * the reading thread next to nothing, and it makes each row only when it
 * is asked for, so its heap holds one row at a time, not a chunk's.
 */
export interface ParsedChunk {
  /** Records and lines the chunk holds. */
  records: number;
  lines: number;
  /** Epoch milliseconds per row. */
  starts: Float64Array;
  ends: Float64Array;
  /**
   * Per row, REFS numbers: an index in `texts` for each of TEXT_FIELDS (-1
   * for no value); the Tags cell's index in `texts` times 2, plus 1 if its
   * quotes are still doubled (-1 for no Tags cell); 1 if the row has a
   * ResourceId, else 0.
   */
  refs: Int32Array;
  /** The distinct text cells of the chunk. */
  texts: string[];
  /** Per row: BilledCost, EffectiveCost and ResourceId (or nothing), one after the other. */
  values: string;
  /** Where each of `values` ends. */
  valueEnds: Int32Array;
}

const TEXT_FIELDS = [
  'billingCurrency',
  'chargeCategory',
  'serviceName',
  'serviceCategory',
  'subAccountId',
] as const;
const TAGS_REF = TEXT_FIELDS.length;
const RESOURCE_REF = TAGS_REF + 1;
const REFS = RESOURCE_REF + 1;
/** Strings per row in `values`. */
const VALUES = 3;

/**
 * A chunk's bytes as text. A chunk ends with a line end, so no character
 * is cut: this is the text the reading thread's StringDecoder makes of
 * them, invalid bytes included. ASCII (most files) is copied as it is,
 * several times faster than decoding.
 */
function textOf(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return isAscii(buffer) ? buffer.toString('latin1') : buffer.toString('utf8');
}

/**
 * Reads a chunk of whole records that follows the header of a file with
 * `layout`; undefined if it has a bad row or is not whole CSV records (e.g.
 * it ends inside a quoted field): the reading thread then reads it itself,
 * where the row and line numbers and the message of the error are known.
 */
export function parseChunk(
  bytes: Uint8Array,
  layout: CsvLayout,
  cache: ReadCache,
): ParsedChunk | undefined {
  const scanner = CsvRecordScanner.continuing(layout);
  scanner.append(textOf(bytes));
  const starts: number[] = [];
  const ends: number[] = [];
  const refs: number[] = [];
  const texts: string[] = [];
  const textIndex = new Map<string, number>();
  const values: string[] = [];
  const valueEnds: number[] = [];
  let valuesLength = 0;
  const addValue = (value: string) => {
    values.push(value);
    valuesLength += value.length;
    valueEnds.push(valuesLength);
  };
  const indexOf = (text: string | undefined) => {
    if (text === undefined) return -1;
    let index = textIndex.get(text);
    if (index === undefined) {
      index = texts.length;
      texts.push(text);
      textIndex.set(text, index);
    }
    return index;
  };
  const cells = scanner.cells;
  // The cell above's text and index: files repeat a cell on many rows.
  // Values come from the cache, so equal ones are mostly the same string.
  const lastText: Array<string | undefined> = new Array(TEXT_FIELDS.length);
  const lastRef: number[] = new Array(TEXT_FIELDS.length).fill(-1);
  const ref = (field: number, text: string | undefined) => {
    if (text !== lastText[field] || lastRef[field] === -1) {
      lastText[field] = text;
      lastRef[field] = indexOf(text);
    }
    return lastRef[field];
  };
  // Tags by the object the cache gives for equal cells.
  const tagsRefs = new Map<object, number>();
  const read = emptyRowValues();
  try {
    let row = 0;
    while (scanner.next(true)) {
      row += 1;
      readRowValues(cells, row, cache, scanner.escaped, read);
      starts.push(read.start);
      ends.push(read.end);
      refs.push(
        ref(0, read.billingCurrency),
        ref(1, read.chargeCategory),
        ref(2, read.serviceName),
        ref(3, read.serviceCategory),
        ref(4, read.subAccountId),
      );
      let tagsRef = tagsRefs.get(read.tags);
      if (tagsRef === undefined) {
        const text = cells[SLOT.Tags];
        tagsRef =
          text === undefined
            ? -1
            : indexOf(text) * 2 + (scanner.escaped ? 1 : 0);
        tagsRefs.set(read.tags, tagsRef);
      }
      refs.push(tagsRef, read.resourceId === undefined ? 0 : 1);
      addValue(read.billedCost);
      addValue(read.effectiveCost);
      addValue(read.resourceId ?? '');
    }
  } catch {
    return undefined;
  }
  return {
    records: scanner.records,
    lines: scanner.lines,
    starts: Float64Array.from(starts),
    ends: Float64Array.from(ends),
    refs: Int32Array.from(refs),
    texts,
    values: values.join(''),
    valueEnds: Int32Array.from(valueEnds),
  };
}

/**
 * The CostRows of a chunk a worker read, made one at a time, as the
 * reading thread's own reading of the chunk would give them.
 */
export class ChunkRows {
  readonly length: number;
  readonly #chunk: ParsedChunk;
  readonly #cache: ReadCache;
  readonly #tags = new Map<number, Readonly<Record<string, string>>>();

  constructor(chunk: ParsedChunk, cache: ReadCache) {
    chunkCounts.fromWorkers += 1;
    this.#chunk = chunk;
    this.#cache = cache;
    this.length = chunk.starts.length;
  }

  row(i: number): CostRow {
    const { starts, ends, refs, texts, values, valueEnds } = this.#chunk;
    const at = i * REFS;
    const tagsRef = refs[at + TAGS_REF];
    let tags = this.#tags.get(tagsRef);
    if (!tags) {
      // The worker read these tags: reading them again cannot fail.
      tags =
        tagsRef < 0
          ? this.#cache.tags(undefined, 0)
          : this.#cache.tags(texts[tagsRef >> 1], 0, (tagsRef & 1) === 1);
      this.#tags.set(tagsRef, tags);
    }
    const value = i * VALUES;
    const billedStart = value === 0 ? 0 : valueEnds[value - 1];
    const billedEnd = valueEnds[value];
    const effectiveEnd = valueEnds[value + 1];
    const text = (index: number) => (index < 0 ? undefined : texts[index]);
    // The same fields in the same order as readRow's rows.
    return {
      chargePeriodStart: new Date(starts[i]),
      chargePeriodEnd: new Date(ends[i]),
      billedCost: values.slice(billedStart, billedEnd),
      effectiveCost: values.slice(billedEnd, effectiveEnd),
      billingCurrency: texts[refs[at]],
      chargeCategory: text(refs[at + 1]),
      serviceName: text(refs[at + 2]),
      serviceCategory: text(refs[at + 3]),
      resourceId:
        refs[at + RESOURCE_REF] === 1
          ? values.slice(effectiveEnd, valueEnds[value + 2])
          : undefined,
      subAccountId: text(refs[at + 4]),
      tags,
    };
  }
}

/** What the reading thread sends a worker. */
interface ChunkRequest {
  id: number;
  bytes: Uint8Array;
  layout: CsvLayout;
}

/** What a worker sends back: the chunk's bytes, and its rows if it read them. */
export interface ChunkReply {
  id: number;
  bytes: Uint8Array;
  chunk?: ParsedChunk;
}

/** A worker's message once it has loaded this module. */
const READY = 'ready';

/** A worker thread's loop: reads each chunk it is sent. */
function serveCsvChunks(): void {
  const port = parentPort;
  if (!port) throw new Error('serveCsvChunks runs in a worker thread');
  // One cache for the worker's life: the chunks of a file repeat its values.
  const cache = new ReadCache();
  port.on('message', ({ id, bytes, layout }: ChunkRequest) => {
    const chunk = parseChunk(bytes, layout, cache);
    const reply: ChunkReply = { id, bytes, chunk };
    const transfer: ArrayBuffer[] = [bytes.buffer as ArrayBuffer];
    if (chunk) {
      transfer.push(
        chunk.starts.buffer as ArrayBuffer,
        chunk.ends.buffer as ArrayBuffer,
        chunk.refs.buffer as ArrayBuffer,
        chunk.valueEnds.buffer as ArrayBuffer,
      );
    }
    port.postMessage(reply, transfer);
  });
  port.postMessage(READY);
}

/** workerData that marks a thread as a chunk worker. */
const WORKER_MARK = 'batonFocusCsvChunks';

/**
 * A worker's first code: loads this module (the TypeScript source through
 * Backstage's transform when running from source, as in tests and `yarn
 * start`; the built JavaScript otherwise), which then serves chunks.
 */
const WORKER_SOURCE = `
const { workerData } = require('worker_threads');
const { createRequire } = require('module');
const load = createRequire(workerData.module);
if (workerData.module.endsWith('.ts') && !require.extensions['.ts']) {
  load('@backstage/cli/config/nodeTransform.cjs');
}
load(workerData.module);
`;

interface Job {
  id: number;
  bytes: Uint8Array;
  layout: CsvLayout;
  resolve: (reply: ChunkReply) => void;
  reject: (error: unknown) => void;
}

/** One worker thread, and the jobs sent to it or waiting until it is ready. */
class ChunkWorker {
  readonly #worker: Worker;
  #ready = false;
  #failed: unknown;
  /** Jobs not sent yet: the worker is still loading. Their bytes stay here until then. */
  readonly #waiting: Job[] = [];
  readonly #sent = new Map<number, Job>();

  constructor(private readonly onUnavailable: (jobs: Job[]) => void) {
    this.#worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { module: __filename, [WORKER_MARK]: true },
      resourceLimits: {
        maxYoungGenerationSizeMb: 8,
      },
    });
    liveWorkers += 1;
    this.#worker.unref();
    this.#worker.on('message', (message: ChunkReply | typeof READY) => {
      if (message === READY) {
        this.#ready = true;
        for (const job of this.#waiting.splice(0)) this.#send(job);
        return;
      }
      const job = this.#sent.get(message.id);
      this.#sent.delete(message.id);
      if (this.#sent.size === 0) this.#worker.unref();
      job?.resolve(message);
    });
    this.#worker.on('error', error => this.#fail(error));
    this.#worker.on('exit', code => {
      liveWorkers -= 1;
      this.#fail(new Error(`A FOCUS CSV worker thread exited with ${code}`));
    });
  }

  get jobs(): number {
    return this.#waiting.length + this.#sent.size;
  }

  get failed(): boolean {
    return this.#failed !== undefined;
  }

  parse(job: Job): void {
    if (this.#failed !== undefined) {
      this.onUnavailable([job]);
    } else if (this.#ready) {
      this.#send(job);
    } else {
      this.#waiting.push(job);
    }
  }

  #send(job: Job): void {
    this.#sent.set(job.id, job);
    // Kept alive while it has work: a caller awaiting a chunk is not left hanging.
    this.#worker.ref();
    const { id, bytes, layout } = job;
    const request: ChunkRequest = { id, bytes, layout };
    this.#worker.postMessage(request, [bytes.buffer as ArrayBuffer]);
  }

  #fail(error: unknown): void {
    if (this.#failed !== undefined) return;
    this.#failed = error;
    // Jobs that never reached the worker still have their bytes: the
    // caller reads them itself. Jobs it had are lost with it.
    this.onUnavailable(this.#waiting.splice(0));
    for (const job of this.#sent.values()) job.reject(error);
    this.#sent.clear();
  }

  close(): void {
    this.#fail(new Error('The FOCUS CSV reader stopped'));
    void this.#worker.terminate();
  }
}

/**
 * Worker threads that read chunks of FOCUS CSV files. A chunk's bytes are
 * moved to the worker and back, not copied. If a worker cannot start, the
 * chunks waiting for it come back unread.
 */
export class CsvChunkPool {
  readonly #workers: ChunkWorker[];
  #nextId = 0;

  constructor(workers: number) {
    const unread = (jobs: Job[]) => {
      for (const job of jobs) job.resolve({ id: job.id, bytes: job.bytes });
    };
    this.#workers = Array.from(
      { length: workers },
      () => new ChunkWorker(unread),
    );
  }

  /**
   * Reads a chunk on the least busy worker. The bytes must own their
   * ArrayBuffer (they move to the worker); the reply gives them back.
   */
  parse(bytes: Uint8Array, layout: CsvLayout): Promise<ChunkReply> {
    return new Promise((resolve, reject) => {
      const job = { id: this.#nextId++, bytes, layout, resolve, reject };
      let worker: ChunkWorker | undefined;
      for (const other of this.#workers) {
        if (!other.failed && (!worker || other.jobs < worker.jobs)) {
          worker = other;
        }
      }
      if (worker) worker.parse(job);
      else resolve({ id: job.id, bytes });
    });
  }

  /** Stops every worker: chunks not sent to one come back unread, the others fail. */
  close(): void {
    for (const worker of this.#workers) worker.close();
  }
}

// Loaded by a chunk worker's bootstrap (WORKER_SOURCE): serve. Here, not in
// the bootstrap, so that a build keeps the worker's code as this module's
// own effect.
if (!isMainThread && workerData?.[WORKER_MARK] === true) serveCsvChunks();
