import type { LoggerService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { isRemoteLocation } from '@baton/plugin-sre-common';
import type {
  KnowledgeSource,
  RepositoryHistory,
} from '@baton/plugin-sre-node';
import { execFile } from 'child_process';
import { createHash } from 'crypto';
import fs from 'fs';
import path from 'path';
import { promisify } from 'util';
import { listFiles, readCommits, resolveRevision } from './gitHistory';

const execFileAsync = promisify(execFile);

/**
 * Reads history with the git CLI: local repositories in place, remote ones
 * from bare partial clones (`--filter=blob:none`) kept in a cache folder and
 * fetched incrementally.
 */
export class GitKnowledgeSource implements KnowledgeSource {
  readonly #cacheDir: string;
  readonly #allowRemote: boolean;
  readonly #logger: LoggerService;

  constructor(options: {
    cacheDir: string;
    allowRemote: boolean;
    logger: LoggerService;
  }) {
    this.#cacheDir = options.cacheDir;
    this.#allowRemote = options.allowRemote;
    this.#logger = options.logger;
  }

  /** Absolute paths, and remote URLs unless remote reading is switched off (so another source may read them). */
  supports(location: string): boolean {
    return isRemoteLocation(location)
      ? this.#allowRemote
      : path.isAbsolute(location);
  }

  async readHistory(options: {
    location: string;
    subdir?: string;
  }): Promise<RepositoryHistory> {
    const repository = isRemoteLocation(options.location)
      ? await this.#syncClone(options.location)
      : options.location;
    const scope = {
      repository,
      revision: await resolveRevision({ repository }),
      subdir: options.subdir,
    };
    return {
      revision: scope.revision,
      files: await listFiles(scope),
      commits: readCommits(scope),
    };
  }

  /** The bare clone of a remote repository, cloned once and fetched after. */
  async #syncClone(url: string): Promise<string> {
    if (!this.#allowRemote) {
      throw new NotAllowedError(
        `Reading remote repositories is switched off (sre.knowledge.git.remote: false): ${url}`,
      );
    }
    const name = createHash('sha256').update(url).digest('hex').slice(0, 16);
    const dir = path.join(this.#cacheDir, `${name}.git`);
    if (fs.existsSync(path.join(dir, 'HEAD'))) {
      this.#logger.debug(`Fetching ${url}`);
      await execFileAsync('git', [
        '-C',
        dir,
        'fetch',
        '--quiet',
        '--prune',
        '--filter=blob:none',
        'origin',
        '+refs/heads/*:refs/heads/*',
      ]);
    } else {
      this.#logger.info(`Cloning ${url} (bare, without blobs)`);
      fs.mkdirSync(this.#cacheDir, { recursive: true });
      const partial = `${dir}.partial`;
      fs.rmSync(partial, { recursive: true, force: true });
      await execFileAsync('git', [
        'clone',
        '--quiet',
        '--bare',
        '--filter=blob:none',
        url,
        partial,
      ]);
      // Only a finished clone takes the final name, so a crash leaves no half repository.
      fs.renameSync(partial, dir);
    }
    return dir;
  }
}
