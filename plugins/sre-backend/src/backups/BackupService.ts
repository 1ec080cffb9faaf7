import type { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, isError, NotFoundError } from '@backstage/errors';
import {
  ANNOTATION_BACKUP_RESOURCES,
  ANNOTATION_BACKUP_SELECTOR,
  backupCopyRule,
  backupCopyStatus,
  BackupCopyEvidence,
  EntityBackupHistoryResponse,
  EntityBackupResource,
  EntityBackupsResponse,
  ReadinessFacts,
} from '@baton/plugin-sre-common';
import type { CatalogIndex, CatalogSnapshot } from '../catalog/CatalogSnapshot';
import { SelectorEntityMap } from '../catalog/SelectorEntityMapper';
import type { SourceRunObserver } from '../sources/SourceStatusService';
import { parseBackupEvidence } from './backupEvidenceSchema';
import type { BackupSourceRegistry } from './BackupSourceRegistry';
import type { BackupStore, StoredBackupEvidence } from './BackupStore';

const DAY_MS = 86_400_000;
/** How long pulls are kept as history (a source's latest is always kept). */
export const HISTORY_DAYS = 400;

/** An entity's protected resources as the readiness check reads them. */
export type BackupReadinessFacts = NonNullable<ReadinessFacts['backups']>;

/** The ARNs an entity lists in `baton.dev/backup-resources`. */
function listedArns(entity: Entity): Set<string> {
  return new Set(
    (entity.metadata.annotations?.[ANNOTATION_BACKUP_RESOURCES] ?? '')
      .split(',')
      .map(arn => arn.trim())
      .filter(Boolean),
  );
}

/**
 * The backups domain: pulls the backup sources on the schedule (each pull
 * kept as history), and maps their protected resources to catalog entities
 * — by tag (`service=<entity name>`, or the entity's
 * `baton.dev/backup-selector`) or by the ARNs an entity lists in
 * `baton.dev/backup-resources` — for an entity's backups and its readiness.
 */
export class BackupService {
  constructor(
    private readonly options: {
      store: BackupStore;
      sources: BackupSourceRegistry;
      snapshot: CatalogSnapshot;
      logger: LoggerService;
      /** The readiness policy's `backupCopyMaxAgeDays`. */
      copyMaxAgeDays: number;
      sourceStatus?: SourceRunObserver;
      now?: () => number;
    },
  ) {}

  #cached?: { key: string; items: StoredBackupEvidence[] };

  #now(): Date {
    return new Date(this.options.now?.() ?? Date.now());
  }

  /**
   * Pulls every backup source and stores what each said, all or nothing per
   * source: one that fails (or hands over a bad resource) stores nothing and
   * is recorded as failed; its previous pull stays, and ages.
   */
  async pullAll(): Promise<{ resources: number; failed: number }> {
    let resources = 0;
    let failed = 0;
    for (const source of this.options.sources.list()) {
      const now = this.#now();
      let count: number;
      try {
        const items: unknown[] = [];
        for await (const item of source.pull({ now })) items.push(item);
        const evidence = parseBackupEvidence(source.id, items);
        await this.options.store.recordPull(source.id, now, evidence);
        count = evidence.length;
      } catch (error) {
        failed++;
        this.options.logger.warn(
          `Backup source ${source.id} failed: ${
            isError(error) ? error.message : error
          }`,
        );
        await this.options.sourceStatus?.failed(source.id, error);
        continue;
      }
      resources += count;
      await this.options.sourceStatus?.succeeded(source.id, {
        resources: count,
      });
    }
    await this.options.store.prune(
      new Date(this.#now().getTime() - HISTORY_DAYS * DAY_MS),
    );
    return { resources, failed };
  }

  /**
   * The registered sources' latest evidence; undefined before any of them
   * has pulled. Read again only when a source has pulled since: an entity
   * page does not parse every resource's evidence each time.
   */
  async #latest(): Promise<StoredBackupEvidence[] | undefined> {
    const ids = this.options.sources.list().map(source => source.id);
    const pulls = await this.options.store.latestPulls(ids);
    if (!pulls.length) return undefined;
    const key = pulls.map(pull => pull.id).join(',');
    if (this.#cached?.key !== key) {
      this.#cached = { key, items: await this.options.store.evidenceOf(pulls) };
    }
    return this.#cached.items;
  }

  /** Which stored resources belong to which of `entities`. */
  #resourcesOf(
    entities: Entity[],
    items: StoredBackupEvidence[],
    index: CatalogIndex,
  ): Map<string, Array<StoredBackupEvidence & { matchedBy: 'arn' | 'tags' }>> {
    // The selector map is built over every service, so a name means what it means in the catalog.
    const map = new SelectorEntityMap(
      index.services(),
      ANNOTATION_BACKUP_SELECTOR,
    );
    const refs = entities.map(entity => stringifyEntityRef(entity));
    const wanted = new Set(refs);
    const arns = new Map(
      entities.map((entity, i) => [refs[i], listedArns(entity)]),
    );
    const result = new Map<
      string,
      Array<StoredBackupEvidence & { matchedBy: 'arn' | 'tags' }>
    >(refs.map(ref => [ref, []]));
    for (const item of items) {
      const byTags = new Set(
        map.entityRefsFor(item.evidence.tags).filter(ref => wanted.has(ref)),
      );
      for (const ref of refs) {
        if (arns.get(ref)!.has(item.evidence.resourceArn)) {
          result.get(ref)!.push({ ...item, matchedBy: 'arn' });
        } else if (byTags.has(ref)) {
          result.get(ref)!.push({ ...item, matchedBy: 'tags' });
        }
      }
    }
    return result;
  }

  /** An entity's protected resources with their latest evidence and what their copies prove now. */
  async forEntity(entityRef: string): Promise<EntityBackupsResponse> {
    const index = await this.options.snapshot.currentWith(entityRef);
    const entity = index.byRef.get(entityRef);
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    const days = this.options.copyMaxAgeDays;
    const now = this.#now().toISOString();
    const latest = await this.#latest();
    const mine =
      this.#resourcesOf([entity], latest ?? [], index).get(entityRef) ?? [];
    const items: EntityBackupResource[] = mine.map(
      ({ sourceId, pulledAt, evidence, matchedBy }) => ({
        ...evidence,
        sourceId,
        pulledAt,
        matchedBy,
        ...backupCopyStatus(evidence, now, days),
      }),
    );
    return {
      entityRef,
      collected: this.options.sources.list().length > 0,
      copyMaxAgeDays: days,
      selector:
        entity.metadata.annotations?.[ANNOTATION_BACKUP_SELECTOR]?.trim() ||
        `service=${entity.metadata.name}`,
      items,
      rule: backupCopyRule(days),
    };
  }

  /**
   * One of the entity's protected resources (by name or ARN, mapped to it
   * now) over time: per pull in the last `days`, its copies and restores as
   * that pull saw them, newest first; `cursor` pages on to older pulls. A
   * resource that is not the entity's is a 400 naming `resource`.
   */
  async history(
    entityRef: string,
    query: { resource: string; days: number; limit: number; cursor?: string },
  ): Promise<EntityBackupHistoryResponse> {
    const index = await this.options.snapshot.currentWith(entityRef);
    const entity = index.byRef.get(entityRef);
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    const mine =
      this.#resourcesOf([entity], (await this.#latest()) ?? [], index).get(
        entityRef,
      ) ?? [];
    const found = mine.find(
      ({ evidence }) =>
        evidence.resourceArn === query.resource ||
        evidence.resourceName === query.resource,
    )?.evidence;
    if (!found) {
      throw new InputError(
        `resource: ${query.resource} is not a protected resource of ${entityRef}`,
      );
    }
    const days = this.options.copyMaxAgeDays;
    const rows = await this.options.store.resourceHistory({
      sourceIds: this.options.sources.list().map(source => source.id),
      resourceArn: found.resourceArn,
      since: new Date(this.#now().getTime() - query.days * DAY_MS),
      // One more than asked: whether there is a next page.
      limit: query.limit + 1,
      beforePullId: query.cursor ? Number(query.cursor) : undefined,
    });
    const page = rows.slice(0, query.limit);
    return {
      entityRef,
      resourceArn: found.resourceArn,
      ...(found.resourceName ? { resourceName: found.resourceName } : {}),
      days: query.days,
      copyMaxAgeDays: days,
      items: page.map(({ sourceId, pulledAt, evidence }) => {
        // Judged as the pull saw it, not as of today.
        const status = backupCopyStatus(evidence, pulledAt, days);
        return {
          sourceId,
          pulledAt,
          lastBackupAt: evidence.lastBackup?.at ?? null,
          crossRegion: {
            lastCopyAt: status.crossRegion.lastCopy?.at ?? null,
            verified: status.crossRegion.verified,
          },
          crossAccount: {
            lastCopyAt: status.crossAccount.lastCopy?.at ?? null,
            verified: status.crossAccount.verified,
          },
          failedCopies: status.failedCopies.length,
          lastRestore: evidence.lastRestore ?? null,
        };
      }),
      ...(rows.length > query.limit
        ? { nextCursor: String(page[page.length - 1].pullId) }
        : {}),
    };
  }

  /**
   * Each entity's protected resources as the backups check reads them;
   * undefined when no backup source has pulled yet (the check then reads
   * the declaration alone).
   */
  async readinessFacts(
    entities: Entity[],
    index: CatalogIndex,
  ): Promise<Map<string, BackupReadinessFacts> | undefined> {
    const latest = await this.#latest();
    if (!latest) return undefined;
    const now = this.#now().toISOString();
    const days = this.options.copyMaxAgeDays;
    const facts = new Map<string, BackupReadinessFacts>();
    for (const [ref, items] of this.#resourcesOf(entities, latest, index)) {
      facts.set(ref, {
        resources: items.map(({ evidence, pulledAt }) => {
          const status = backupCopyStatus(evidence, now, days);
          const failed = [...status.failedCopies]
            .sort((a, b) => a.at.localeCompare(b.at))
            .pop();
          // Where each copy went, for the card's evidence.
          const to = (copy?: BackupCopyEvidence) =>
            copy && {
              region: copy.destinationRegion,
              accountId: copy.destinationAccountId,
            };
          return {
            name: evidence.resourceName ?? evidence.resourceArn,
            crossRegionCopyAt: status.crossRegion.lastCopy?.at ?? null,
            crossRegionCopyTo: to(status.crossRegion.lastCopy),
            crossAccountCopyAt: status.crossAccount.lastCopy?.at ?? null,
            crossAccountCopyTo: to(status.crossAccount.lastCopy),
            failedCopyAt: failed?.at ?? null,
            failedCopyTo: to(failed),
            pulledAt,
            lastRestore: evidence.lastRestore
              ? {
                  at: evidence.lastRestore.at,
                  state: evidence.lastRestore.state,
                  restoreTesting: evidence.lastRestore.restoreTesting,
                  // A restore test that ran but failed validation is no passed test.
                  ...(evidence.lastRestore.validationStatus
                    ? {
                        validationStatus: evidence.lastRestore.validationStatus,
                      }
                    : {}),
                }
              : null,
          };
        }),
      });
    }
    return facts;
  }
}
