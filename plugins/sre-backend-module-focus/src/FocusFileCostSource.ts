import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { CostBatch, CostRow, CostSource } from '@baton/plugin-sre-node';
import { createReadStream, type Stats } from 'fs';
import { readdir, stat } from 'fs/promises';
import { join, resolve } from 'path';
import { readFocusCsv } from './FocusCsvReader';

/** The source id when `sre.focus.sourceId` is not set. */
export const DEFAULT_FOCUS_SOURCE_ID = 'focus';

/** Options of {@link FocusFileCostSource}. @public */
export interface FocusFileCostSourceOptions {
  /** Stored with each row; defaults to `focus`. */
  id?: string;
  /** FOCUS files, or folders whose `*.csv` and `*.csv.gz` files are read; relative paths resolve from the working directory. */
  paths: string[];
  logger: LoggerService;
}

const FOCUS_FILE_NAME = /\.csv(\.gz)?$/i;

async function statIfExists(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}

/** The rows of a file, read when iterated (each time), not when the batch is made. */
function rowsOfFile(path: string): AsyncIterable<CostRow> {
  return {
    [Symbol.asyncIterator]: () => readFocusCsv(createReadStream(path)),
  };
}

/**
 * FOCUS cost files from configured files and folders: one batch per file,
 * which the sre backend skips while the file's size and mtime are unchanged.
 * @public
 */
export class FocusFileCostSource implements CostSource {
  readonly id: string;
  readonly #paths: string[];
  readonly #logger: LoggerService;

  /** Reads `sre.focus.paths` (required) and `sre.focus.sourceId`. */
  static fromConfig(
    config: Config,
    options: { logger: LoggerService },
  ): FocusFileCostSource {
    return new FocusFileCostSource({
      id: config.getOptionalString('sre.focus.sourceId'),
      paths: config.getStringArray('sre.focus.paths'),
      logger: options.logger,
    });
  }

  constructor(options: FocusFileCostSourceOptions) {
    this.id = options.id ?? DEFAULT_FOCUS_SOURCE_ID;
    this.#paths = options.paths.map(path => resolve(process.cwd(), path));
    this.#logger = options.logger;
  }

  /**
   * One batch per file, in the configured order and by name within a
   * folder; files are opened only when their rows are read. The context is
   * not needed: reading a file costs nothing, and an unchanged file is
   * skipped by its fingerprint.
   */
  async *pull(
    _context: Parameters<CostSource['pull']>[0],
  ): AsyncGenerator<CostBatch> {
    // A file named both directly and through its folder is read once.
    const seen = new Set<string>();
    for (const path of this.#paths) {
      const stats = await statIfExists(path);
      if (!stats) {
        this.#logger.warn(
          `FOCUS cost source '${this.id}': ${path} does not exist; skipped`,
        );
        continue;
      }
      if (stats.isFile()) {
        if (!seen.has(path)) {
          seen.add(path);
          yield this.#batch(path, stats);
        }
        continue;
      }
      if (!stats.isDirectory()) {
        this.#logger.warn(
          `FOCUS cost source '${this.id}': ${path} is neither a file nor a folder; skipped`,
        );
        continue;
      }
      const names = (await readdir(path))
        .filter(name => FOCUS_FILE_NAME.test(name))
        .sort();
      for (const name of names) {
        const file = join(path, name);
        // A folder named x.csv is not a file; a file deleted since readdir is gone.
        const fileStats = await statIfExists(file);
        if (fileStats?.isFile() && !seen.has(file)) {
          seen.add(file);
          yield this.#batch(file, fileStats);
        }
      }
    }
  }

  #batch(path: string, stats: Stats): CostBatch {
    return {
      origin: path,
      fingerprint: `${stats.size}:${stats.mtimeMs}`,
      rows: rowsOfFile(path),
    };
  }
}
