import type { LoggerService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { isRemoteLocation } from '@baton/plugin-sre-common';
import type {
  KnowledgeSource,
  KnowledgeSourceReadOptions,
  RepositoryHistory,
} from '@baton/plugin-sre-node';
import { createHash } from 'crypto';
import fs from 'fs';
import path from 'path';
import { listFiles, readCommits, resolveRevision } from './gitHistory';
import { type GitProcessOptions, runGit } from './gitProcess';
import type { GitSourcePolicy } from './GitSourcePolicy';
import { redactCredentials } from '@baton/plugin-sre-common';

/**
 * Reads history with the git CLI: local repositories in place, remote ones
 * from bare partial clones (`--filter=blob:none`) kept in a cache folder and
 * fetched incrementally. Only what the GitSourcePolicy allows is read, and
 * every git process runs with the transports that source needs and a time limit.
 * @public
 */
export class GitKnowledgeSource implements KnowledgeSource {
  readonly #cacheDir: string;
  readonly #allowRemote: boolean;
  readonly #policy: GitSourcePolicy;
  readonly #timeoutMs: number;
  readonly #logger: LoggerService;

  constructor(options: {
    cacheDir: string;
    allowRemote: boolean;
    /** Which hosts and local folders may be read. */
    policy: GitSourcePolicy;
    /** The time limit of each git process. */
    timeoutMs: number;
    logger: LoggerService;
  }) {
    this.#cacheDir = options.cacheDir;
    this.#allowRemote = options.allowRemote;
    this.#policy = options.policy;
    this.#timeoutMs = options.timeoutMs;
    this.#logger = options.logger;
  }

  /**
   * Absolute paths, and remote URLs unless remote reading is switched off (so
   * another source may read them). Whether a location is allowed is decided
   * when it is read, so that a refusal is recorded with its reason.
   */
  supports(location: string): boolean {
    return isRemoteLocation(location)
      ? this.#allowRemote
      : path.isAbsolute(location);
  }

  /** Stops every git it started (their process groups) when `signal` aborts. */
  async readHistory(
    options: {
      location: string;
      subdir?: string;
      follow?: string[];
    },
    { signal }: KnowledgeSourceReadOptions = {},
  ): Promise<RepositoryHistory> {
    if (isRemoteLocation(options.location) && !this.#allowRemote) {
      throw new NotAllowedError(
        `Reading remote repositories is switched off (sre.knowledge.git.remote: false): ${redactCredentials(
          options.location,
        )}`,
      );
    }
    const source = await this.#policy.check(options.location);
    let repository: string;
    let processOptions: GitProcessOptions;
    if (source.kind === 'local') {
      repository = source.path;
      processOptions = {
        timeoutMs: this.#timeoutMs,
        signal,
        protocols: [],
        // A folder that is no repository does not borrow one from above its root.
        ceilingDirectories: [path.dirname(source.root)],
      };
    } else {
      // Reading a partial clone may fetch blobs (rename detection), over the clone's transport only.
      processOptions = {
        timeoutMs: this.#timeoutMs,
        signal,
        protocols: [source.protocol],
      };
      repository = await this.#syncClone(source.url, processOptions);
    }
    const scope = {
      repository,
      revision: await resolveRevision({ repository }, processOptions),
      subdir: options.subdir,
    };
    return {
      revision: scope.revision,
      files: await listFiles(scope, processOptions),
      commits: readCommits(scope, processOptions),
      // Each at the same revision, from the same clone: no second fetch.
      followed: await Promise.all(
        (options.follow ?? []).map(async file => ({
          path: file,
          present: (
            await listFiles({ ...scope, file }, processOptions)
          ).includes(file),
          commits: readCommits({ ...scope, file }, processOptions),
        })),
      ),
    };
  }

  /** The bare clone of a remote repository, cloned once and fetched after. */
  async #syncClone(
    url: string,
    processOptions: GitProcessOptions,
  ): Promise<string> {
    const name = createHash('sha256').update(url).digest('hex').slice(0, 16);
    const dir = path.join(this.#cacheDir, `${name}.git`);
    if (fs.existsSync(path.join(dir, 'HEAD'))) {
      this.#logger.debug(`Fetching ${redactCredentials(url)}`);
      await runGit(
        [
          '-C',
          dir,
          'fetch',
          '--quiet',
          '--prune',
          '--filter=blob:none',
          'origin',
          '+refs/heads/*:refs/heads/*',
        ],
        processOptions,
      );
    } else {
      this.#logger.info(
        `Cloning ${redactCredentials(url)} (bare, without blobs)`,
      );
      fs.mkdirSync(this.#cacheDir, { recursive: true });
      const partial = `${dir}.partial`;
      fs.rmSync(partial, { recursive: true, force: true });
      try {
        await runGit(
          [
            'clone',
            '--quiet',
            '--bare',
            '--filter=blob:none',
            '--',
            url,
            partial,
          ],
          processOptions,
        );
      } catch (error) {
        fs.rmSync(partial, { recursive: true, force: true });
        throw error;
      }
      // Only a finished clone takes the final name, so a crash leaves no half repository.
      fs.renameSync(partial, dir);
    }
    return dir;
  }
}
