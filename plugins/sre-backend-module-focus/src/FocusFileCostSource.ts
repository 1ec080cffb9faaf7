import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { isError } from '@backstage/errors';
import type { CostBatch, CostRow, CostSource } from '@baton/plugin-sre-node';
import { createHash } from 'crypto';
import type { Stats } from 'fs';
import { readdir, stat } from 'fs/promises';
import { join, resolve } from 'path';
import { readFocusFilePath } from './readFocusFile';

/** The source id when `sre.focus.sourceId` is not set. */
export const DEFAULT_FOCUS_SOURCE_ID = 'focus';

/** Options of {@link FocusFileCostSource}. @public */
export interface FocusFileCostSourceOptions {
  /** Stored with each row; defaults to `focus`. */
  id?: string;
  /** FOCUS files, or folders whose `*.csv`, `*.csv.gz` and `*.parquet` files are read; relative paths resolve from the working directory. */
  paths: string[];
  logger: LoggerService;
}

/** The files of a folder that are read: what AWS, Azure, Google Cloud and OCI name their FOCUS files. Their content, not the name, tells the format. */
const FOCUS_FILE_NAME = /\.(csv|csv\.gz|parquet)$/i;

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

interface FocusFile {
  path: string;
  stats: Stats;
}

/**
 * The rows of every file in turn, read when iterated (each time). A bad
 * file's InputError names the file; its row and column stay.
 */
async function* rowsOfFiles(files: FocusFile[]): AsyncGenerator<CostRow> {
  for (const file of files) {
    try {
      yield* readFocusFilePath(file.path);
    } catch (error) {
      if (isError(error) && error.name === 'InputError') {
        throw Object.assign(error, {
          message: `${file.path}: ${error.message}`,
        });
      }
      throw error;
    }
  }
}

/**
 * FOCUS cost files from configured files and folders: all of them one
 * batch, which the sre backend skips while no file changed.
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
   * One batch of all the files, in the configured order and by name within
   * a folder: the source's days that the files cover hold exactly their
   * rows, so files with overlapping days (several exports, or one export in
   * parts) add up instead of replacing each other. The batch is skipped
   * while no file was added, removed or changed (its fingerprint); files
   * are opened only when its rows are read. The context is not needed.
   */
  async *pull(
    _context: Parameters<CostSource['pull']>[0],
  ): AsyncGenerator<CostBatch> {
    const files = await this.#files();
    if (files.length === 0) {
      return;
    }
    const fingerprint = createHash('sha256');
    for (const file of files) {
      fingerprint.update(
        `${file.path}\0${file.stats.size}\0${file.stats.mtimeMs}\n`,
      );
    }
    yield {
      origin: `FOCUS files in ${this.#paths.join(', ')}`,
      fingerprint: fingerprint.digest('hex'),
      rows: { [Symbol.asyncIterator]: () => rowsOfFiles(files) },
    };
  }

  /** The files to read; a file named both directly and through its folder is read once. */
  async #files(): Promise<FocusFile[]> {
    const files: FocusFile[] = [];
    const seen = new Set<string>();
    const add = (path: string, stats: Stats) => {
      if (!seen.has(path)) {
        seen.add(path);
        files.push({ path, stats });
      }
    };
    for (const path of this.#paths) {
      const stats = await statIfExists(path);
      if (!stats) {
        this.#logger.warn(
          `FOCUS cost source '${this.id}': ${path} does not exist; skipped`,
        );
        continue;
      }
      if (stats.isFile()) {
        add(path, stats);
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
        if (fileStats?.isFile()) add(file, fileStats);
      }
    }
    return files;
  }
}
