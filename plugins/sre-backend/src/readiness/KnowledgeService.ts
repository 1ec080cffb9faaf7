import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  Entity,
  parseLocationRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DOA_COEFFICIENTS,
  FollowedFile,
  KnowledgePerson,
  KnowledgeRunbook,
  RunbookChanger,
  isRemoteLocation,
  KnowledgeFileFilter,
  loadLinguistRules,
  KnowledgeReport,
  RepoSpec,
  repoSpecsOf,
  runbookFileIn,
  runbookUrlOf,
  TruckFactorCalculator,
  redactCredentials,
  SERVICE_KINDS,
} from '@baton/plugin-sre-common';
import { Duration } from 'luxon';
import path from 'path';
import { PeopleDirectory } from '../catalog/PeopleDirectory';
import { KnowledgeSourceRegistry } from './KnowledgeSourceRegistry';
import { KnowledgeSnapshot, KnowledgeStore } from './KnowledgeStore';

/** The rule behind every knowledge report, shown as the card's "why". */
export const KNOWLEDGE_RULE =
  `Degree of authorship DOA = ${DOA_COEFFICIENTS.intercept} + ${DOA_COEFFICIENTS.firstAuthorship}·FA + ` +
  `${DOA_COEFFICIENTS.deliveries}·DL − ${DOA_COEFFICIENTS.acceptances}·ln(1 + AC) per file and person; ` +
  'a person authors a file when DOA / the file’s highest DOA > 0.75 and (DOA ≥ 3.293 or they created it). ' +
  'Truck factor: how many top authors must leave before fewer than 50% of the files have an author ' +
  '(Avelino et al., ICPC 2016). Vendored, generated and documentation files are not counted.';

/** How long reading one repository may take unless sre.knowledge.repositoryTimeout says otherwise. */
export const DEFAULT_REPOSITORY_TIMEOUT_MS = 10 * 60_000;

/** Terraform and Terragrunt files: the "infrastructure as code" a readiness check looks for. */
const IAC_FILE = /(\.tf|\.tf\.json|(^|\/)terragrunt\.hcl)$/;
/** Computes, stores and serves each entity's knowledge map and truck factor. */
export class KnowledgeService {
  constructor(
    private readonly options: {
      store: KnowledgeStore;
      sources: KnowledgeSourceRegistry;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      exclude?: string[];
      botPatterns?: string[];
      /** Reading one repository longer than this abandons it (default 10 minutes). */
      repositoryTimeoutMs?: number;
    },
  ) {}

  /** The stored report of an entity; NotFoundError before the first computation. */
  async getReport(entityRef: string): Promise<KnowledgeReport> {
    const report = await this.findReport(entityRef);
    if (!report) {
      throw new NotFoundError(
        `No knowledge has been computed for ${entityRef} yet`,
      );
    }
    return report;
  }

  /** The stored report of an entity, if any. */
  async findReport(entityRef: string): Promise<KnowledgeReport | undefined> {
    return (await this.findReports([entityRef])).get(entityRef);
  }

  /** The stored reports of many entities, read at once. */
  async findReports(
    entityRefs: string[],
  ): Promise<Map<string, KnowledgeReport>> {
    const snapshots = await this.options.store.getMany(entityRefs);
    return new Map(
      [...snapshots].map(([ref, snapshot]) => [
        ref,
        { ...snapshot, rule: KNOWLEDGE_RULE },
      ]),
    );
  }

  /**
   * Recomputes every catalog entity that names repositories; run by the
   * scheduler. When `signal` aborts (the task ran out of time or was
   * cancelled), the repository being read is abandoned, nothing more is
   * stored and it rejects: each entity's snapshot is replaced whole or not at all.
   */
  async refreshAll(
    options: { signal?: AbortSignal } = {},
  ): Promise<{ refreshed: number; failed: number }> {
    const { signal } = options;
    throwIfRefreshAborted(signal, 'before it started');
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const [{ items: entities }, { items: users }] = await Promise.all([
      this.options.catalog.getEntities(
        { filter: { kind: [...SERVICE_KINDS] } },
        { credentials },
      ),
      this.options.catalog.getEntities(
        { filter: { kind: 'User' } },
        { credentials },
      ),
    ]);
    const people = new PeopleDirectory(users);
    let refreshed = 0;
    let failed = 0;
    for (const entity of entities) {
      if (repoSpecsOf(entity.metadata.annotations).length === 0) continue;
      throwIfRefreshAborted(signal, `after ${refreshed + failed} entities`);
      const snapshot = await this.refreshEntity(entity, people, { signal });
      // A failure that kept the last good numbers is still a failure.
      if (snapshot.status === 'ok' && !snapshot.refreshError) refreshed += 1;
      else failed += 1;
    }
    this.options.logger.info(
      `Knowledge refreshed for ${refreshed} entities, ${failed} failed`,
    );
    return { refreshed, failed };
  }

  /**
   * Computes and stores one entity's knowledge; a failure (a repository that
   * took longer than its time included) is stored with its reason. When
   * `signal` aborts it stores nothing and rejects.
   */
  async refreshEntity(
    entity: Entity,
    people: PeopleDirectory,
    options: { signal?: AbortSignal } = {},
  ): Promise<KnowledgeSnapshot> {
    const { signal } = options;
    const entityRef = stringifyEntityRef(entity);
    const specs = repoSpecsOf(entity.metadata.annotations).map(spec =>
      this.#resolve(spec, entity),
    );
    // Stored and served as the card shows them: never with a URL's credentials.
    const repositories: KnowledgeSnapshot['repositories'] = specs.map(spec => ({
      ...spec,
      location: redactCredentials(spec.location),
    }));
    const calculator = new TruckFactorCalculator({
      botPatterns: this.options.botPatterns,
    });
    // The runbook's file, when it lies in a repository read here: followed in the same pass.
    const runbookFile = runbookFileOf(entity, specs);
    const runbookPath =
      runbookFile &&
      !runbookFile.outside &&
      (specs.length > 1 ? `${runbookFile.index}:` : '') + runbookFile.path;
    // One outside the folder read has its own history, which the knowledge map never counts.
    const outsideRunbook = runbookFile?.outside
      ? new TruckFactorCalculator({ botPatterns: this.options.botPatterns })
      : undefined;
    let outsideRunbookRead = false;
    const filter = new KnowledgeFileFilter(
      loadLinguistRules(),
      this.options.exclude,
    );
    let snapshot: KnowledgeSnapshot;
    try {
      const files: string[] = [];
      let iacFiles = 0;
      let runbookPresent = false;
      for (const [index, spec] of specs.entries()) {
        const source = this.options.sources.forLocation(spec.location);
        if (!source) {
          throw new Error(
            `No knowledge source reads ${redactCredentials(
              spec.location,
            )}; for a remote repository, check that sre.knowledge.git.remote is not false`,
          );
        }
        const read = repositoryRead(
          spec.location,
          this.options.repositoryTimeoutMs ?? DEFAULT_REPOSITORY_TIMEOUT_MS,
          signal,
        );
        const follow =
          outsideRunbook && runbookFile?.index === index
            ? [runbookFile.path]
            : undefined;
        try {
          const history = await untilAborted(
            source.readHistory(follow ? { ...spec, follow } : spec, {
              signal: read.signal,
            }),
            read.signal,
          );
          repositories[index].revision = history.revision;
          // Several repositories count as one body of files, kept apart by a prefix.
          const prefix = specs.length > 1 ? `${index}:` : '';
          if (runbookFile?.index === index && !runbookFile.outside) {
            runbookPresent = history.files.includes(runbookFile.path);
          }
          for (const file of history.files) {
            if (IAC_FILE.test(file)) iacFiles += 1;
            if (!filter.isExcluded(file)) files.push(prefix + file);
          }
          for await (const commit of eachUntilAborted(
            history.commits,
            read.signal,
          )) {
            calculator.addCommit(
              prefix
                ? {
                    ...commit,
                    changes: commit.changes.map(change => ({
                      ...change,
                      path: prefix + change.path,
                      previousPath:
                        change.previousPath && prefix + change.previousPath,
                    })),
                  }
                : commit,
            );
          }
          const followed = follow
            ? history.followed?.find(file => file.path === follow[0])
            : undefined;
          if (outsideRunbook && followed) {
            runbookPresent = followed.present;
            for await (const commit of eachUntilAborted(
              followed.commits,
              read.signal,
            )) {
              outsideRunbook.addCommit(commit);
            }
            outsideRunbookRead = true;
          }
        } finally {
          read.dispose();
        }
      }
      const result = calculator.compute(files, {
        follow: runbookPath ? [runbookPath] : [],
      });
      const matched = result.people.map(holder => people.match(holder));
      // The runbook as followed, with the people its indexes point at; none when no source could follow it.
      let runbookHistory:
        | { followed: FollowedFile | undefined; people: KnowledgePerson[] }
        | undefined;
      if (runbookFile && !runbookFile.outside) {
        runbookHistory = { followed: result.followed?.[0], people: matched };
      } else if (runbookFile && outsideRunbook && outsideRunbookRead) {
        const own = outsideRunbook.compute([], { follow: [runbookFile.path] });
        runbookHistory = {
          followed: own.followed?.[0],
          people: own.people.map(holder => people.match(holder)),
        };
      }
      snapshot = {
        entityRef,
        computedAt: new Date().toISOString(),
        status: 'ok',
        repositories,
        truckFactor: result.truckFactor,
        fileCount: result.fileCount,
        filesWithoutAuthor: result.filesWithoutAuthor,
        mode: result.mode,
        people: matched,
        truckFactorAuthors: result.truckFactorAuthors.map(holder =>
          people.match(holder),
        ),
        authorSets: result.authorSets,
        iacFiles,
        ...(runbookFile &&
          runbookHistory && {
            runbook: knowledgeRunbook(
              runbookPresent ? runbookHistory.followed : 'missing',
              runbookHistory.people,
              {
                url: runbookFile.url,
                repository: repositories[runbookFile.index].location,
                path: runbookFile.path,
              },
            ),
          }),
      };
    } catch (error) {
      // The whole refresh was stopped: this entity keeps what it had.
      throwIfRefreshAborted(
        signal,
        `while reading ${entityRef}, which keeps its last snapshot`,
      );
      this.options.logger.warn(
        `Knowledge of ${entityRef} could not be computed: ${error}`,
      );
      const message = redactCredentials((error as Error).message);
      const lastGood = await this.options.store.get(entityRef);
      // A transient failure (a fetch that timed out, a host that was down)
      // must not drop the score: keep the last good numbers, say why they are old.
      if (lastGood?.status === 'ok') {
        const kept: KnowledgeSnapshot = {
          ...lastGood,
          refreshError: { message, at: new Date().toISOString() },
        };
        await this.options.store.save(kept);
        return kept;
      }
      snapshot = {
        entityRef,
        computedAt: new Date().toISOString(),
        status: 'error',
        error: { message },
        repositories,
        truckFactor: null,
        fileCount: 0,
        filesWithoutAuthor: 0,
        mode: 'pairing',
        people: [],
        truckFactorAuthors: [],
        authorSets: [],
        iacFiles: 0,
      };
    }
    throwIfRefreshAborted(
      signal,
      `before storing ${entityRef}, which keeps its last snapshot`,
    );
    await this.options.store.save(snapshot);
    return snapshot;
  }

  /** A relative path is relative to the folder of the entity's catalog file. */
  #resolve(spec: RepoSpec, entity: Entity): RepoSpec {
    if (isRemoteLocation(spec.location) || path.isAbsolute(spec.location)) {
      return spec;
    }
    const managedBy = entity.metadata.annotations?.[ANNOTATION_LOCATION];
    const location = managedBy ? parseLocationRef(managedBy) : undefined;
    if (location?.type !== 'file') {
      // A relative path only means something next to a catalog file on disk.
      return spec;
    }
    const file = location.target;
    return {
      ...spec,
      location: path.resolve(path.dirname(file), spec.location),
    };
  }
}

/**
 * Where the entity's runbook lies in the repositories read: inside a
 * folder read (followed with the knowledge), or elsewhere in one of those
 * repositories (`outside`: a monorepo's shared docs/, followed apart).
 */
function runbookFileOf(
  entity: Entity,
  specs: RepoSpec[],
): { index: number; path: string; url: string; outside: boolean } | undefined {
  const url = runbookUrlOf(entity);
  if (!url) return undefined;
  const inside = runbookFileIn(url, specs);
  if (inside) return { ...inside, url, outside: false };
  const elsewhere = runbookFileIn(
    url,
    specs.map(({ location }) => ({ location })),
  );
  return elsewhere && { ...elsewhere, url, outside: true };
}

/** A runbook file as followed (or found missing), with its people as the knowledge map matched them to catalog Users. */
function knowledgeRunbook(
  followed: FollowedFile | 'missing' | undefined,
  people: KnowledgePerson[],
  where: { url: string; repository: string; path: string },
): KnowledgeRunbook {
  if (followed === 'missing' || !followed) {
    // Not at the revision read (a dead link), or never changed in the history seen.
    return {
      ...where,
      ...(followed === 'missing' ? { missing: true } : {}),
      lastChangedAt: null,
      lastChangedBy: [],
      changedBy: [],
    };
  }
  const changes = new Map(
    followed.changedBy.map(({ person, changes: count }) => [person, count]),
  );
  const changer = (index: number): RunbookChanger => ({
    name: people[index].name,
    userRef: people[index].userRef,
    changes: changes.get(index) ?? 0,
  });
  return {
    ...where,
    lastChangedAt: followed.lastChangedAt,
    lastChangedBy: followed.lastChangedBy.map(changer),
    changedBy: followed.changedBy.map(({ person }) => changer(person)),
  };
}

/** The refresh task's signal aborted: the refresh stopped and stored nothing half-done. */
export class KnowledgeRefreshAbortedError extends Error {
  name = 'KnowledgeRefreshAbortedError';
}

function throwIfRefreshAborted(signal: AbortSignal | undefined, when: string) {
  if (signal?.aborted) {
    throw new KnowledgeRefreshAbortedError(`Knowledge refresh aborted ${when}`);
  }
}

/**
 * The signal one repository's read runs under: aborted with the refresh, or
 * with its own error once it has taken `timeoutMs`.
 */
function repositoryRead(
  location: string,
  timeoutMs: number,
  refresh: AbortSignal | undefined,
): { signal: AbortSignal; dispose(): void } {
  const deadline = new AbortController();
  const timer = setTimeout(
    () =>
      deadline.abort(
        new Error(
          `Reading ${redactCredentials(
            location,
          )} took longer than ${Duration.fromMillis(timeoutMs)
            .rescale()
            .toHuman({
              unitDisplay: 'short',
            })} (sre.knowledge.repositoryTimeout) and was abandoned`,
        ),
      ),
    timeoutMs,
  );
  return {
    signal: refresh
      ? AbortSignal.any([refresh, deadline.signal])
      : deadline.signal,
    dispose: () => clearTimeout(timer),
  };
}

/**
 * Settles with `promise`, or rejects with the signal's reason as soon as it
 * aborts: a source that ignores the signal is abandoned, not waited for.
 */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  // An abandoned read's late failure is nobody's to handle.
  promise.catch(() => undefined);
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      value => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      error => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** The items of a stream until the signal aborts; then the stream is told to stop (its `return`). */
async function* eachUntilAborted<T>(
  items: AsyncIterable<T>,
  signal: AbortSignal,
): AsyncGenerator<T> {
  const iterator = items[Symbol.asyncIterator]();
  let done = false;
  try {
    while (!done) {
      const next = await untilAborted(iterator.next(), signal);
      done = next.done ?? false;
      if (!done) yield next.value;
    }
  } finally {
    // Not awaited: a stream busy in its own next() only stops after it.
    if (!done) iterator.return?.()?.catch(() => undefined);
  }
}
