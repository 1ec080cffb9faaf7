import type { AuthService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  Entity,
  RELATION_CHILD_OF,
  RELATION_HAS_MEMBER,
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
  RELATION_PARENT_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { isServiceKind, SERVICE_KINDS } from '@baton/plugin-sre-common';

/** The kinds the snapshot holds: services, and the groups and users that own them. */
const SNAPSHOT_KINDS = [...SERVICE_KINDS, 'group', 'user'];

/**
 * Only what Baton reads: ownership and the team tree (relations, spec.owner,
 * spec.parent/children), its annotations and runbook links, display names.
 * Annotation keys hold dots, so `metadata.annotations` is asked for whole.
 */
const SNAPSHOT_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'metadata.links',
  'spec.owner',
  'spec.parent',
  'spec.children',
  'spec.profile.displayName',
  'relations',
];

/** How long a snapshot serves by default (`sre.catalog.snapshotMaxAgeSeconds`). */
export const DEFAULT_CATALOG_SNAPSHOT_MAX_AGE_MS = 30_000;

/** `sre.catalog.snapshotMaxAgeSeconds` in milliseconds: 0 to 3600, 30 by default. */
export function catalogSnapshotMaxAgeMs(config: Config): number {
  const key = 'sre.catalog.snapshotMaxAgeSeconds';
  if (!config.has(key)) return DEFAULT_CATALOG_SNAPSHOT_MAX_AGE_MS;
  const seconds = config.getNumber(key);
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 3600) {
    throw new TypeError(`${key}: must be between 0 and 3600, not ${seconds}`);
  }
  return seconds * 1000;
}

/** How long after a failed catalog read the last snapshot is used without asking again. */
const RETRY_AFTER_FAILURE_MS = 10_000;

/** A snapshot that lacks a ref asked for is read anew if older than this. */
const MISSING_REF_REREAD_MS = 1_000;

/** Whether an entity is of a kind, in lower case (`resource`), as the catalog compares kinds. */
export const isKind = (entity: Entity, kind: string) =>
  entity.kind.toLocaleLowerCase('en-US') === kind;

/** The targets of an entity's relations of one type. */
export const relationTargets = (entity: Entity, type: string) =>
  (entity.relations ?? [])
    .filter(relation => relation.type === type)
    .map(relation => relation.targetRef);

/** A person's or group's display name: the profile's, the title, or the name. */
export function profileName(entity: Entity): string {
  const profile = entity.spec?.profile as { displayName?: string } | undefined;
  return profile?.displayName ?? entity.metadata.title ?? entity.metadata.name;
}

/**
 * One read of the catalog, indexed: the team tree, who owns what, display
 * names. Read with the plugin's own credentials, so it holds entities some
 * callers may not see: whatever it answers on a user's behalf goes through
 * that user's visibility filter first.
 */
export class CatalogIndex {
  /** Every entity by its ref. */
  readonly byRef = new Map<string, Entity>();
  /** Display names by ref, for the reasons the checks write. */
  readonly names: Record<string, string> = {};
  readonly #ownedBy = new Map<string, Entity[]>();

  constructor(entities: Entity[]) {
    for (const entity of entities) {
      const ref = stringifyEntityRef(entity);
      this.byRef.set(ref, entity);
      this.names[ref] = profileName(entity);
      for (const owner of relationTargets(entity, RELATION_OWNED_BY)) {
        const owned = this.#ownedBy.get(owner);
        if (owned) owned.push(entity);
        else this.#ownedBy.set(owner, [entity]);
      }
    }
  }

  /** The Components, Systems and Resources, in catalog order. */
  services(): Entity[] {
    return [...this.byRef.values()].filter(entity =>
      isServiceKind(entity.kind),
    );
  }

  nameOf(ref: string): string {
    return this.names[ref] ?? ref;
  }

  /** The Group of that ref, if the catalog has one. */
  group(ref: string): Entity | undefined {
    const entity = this.byRef.get(ref);
    return entity && isKind(entity, 'group') ? entity : undefined;
  }

  /** A group and every group below it; a cycle in parentOf stops at the seen set. */
  groupTree(groupRef: string): string[] {
    const refs: string[] = [];
    const seen = new Set<string>();
    const visit = (ref: string) => {
      if (seen.has(ref) || !this.byRef.has(ref)) return;
      seen.add(ref);
      refs.push(ref);
      relationTargets(this.byRef.get(ref)!, RELATION_PARENT_OF).forEach(visit);
    };
    visit(groupRef);
    return refs;
  }

  /** The Users of a group and its sub-groups, sorted. */
  members(groupRef: string): string[] {
    const members = new Set<string>();
    for (const ref of this.groupTree(groupRef)) {
      relationTargets(this.byRef.get(ref)!, RELATION_HAS_MEMBER).forEach(
        member => members.add(member),
      );
    }
    return [...members].sort();
  }

  /**
   * The Components, Systems and Resources a team owns, the way the
   * bus-factor report and the review agenda count them: owned by the Group,
   * by any group below it, or by any of their members.
   */
  teamServices(teamRef: string): Entity[] {
    const owners = [...this.groupTree(teamRef), ...this.members(teamRef)];
    const found = new Map<string, Entity>();
    for (const owner of owners) {
      for (const entity of this.#ownedBy.get(owner) ?? []) {
        if (isServiceKind(entity.kind)) {
          found.set(stringifyEntityRef(entity), entity);
        }
      }
    }
    // By name, then by ref: a Component and a Resource may share a name.
    return [...found.entries()]
      .sort(
        ([refA, a], [refB, b]) =>
          a.metadata.name.localeCompare(b.metadata.name, 'en') ||
          refA.localeCompare(refB, 'en'),
      )
      .map(([, entity]) => entity);
  }

  /**
   * The teams whose review covers an entity: its owner, then up the tree
   * (a group's parent, a user owner's own groups), at most `maxDepth` steps.
   */
  ownerTeams(entityRef: string, maxDepth: number): string[] {
    const entity = this.byRef.get(entityRef);
    if (!entity) return [];
    const teams = new Set<string>();
    let next = relationTargets(entity, RELATION_OWNED_BY);
    for (let depth = 0; depth < maxDepth; depth++) {
      const fresh = next.filter(ref => !teams.has(ref));
      if (!fresh.length) break;
      fresh.forEach(ref => teams.add(ref));
      next = fresh.flatMap(ref => {
        const item = this.byRef.get(ref);
        if (!item) return [];
        return isKind(item, 'user')
          ? relationTargets(item, RELATION_MEMBER_OF)
          : relationTargets(item, RELATION_CHILD_OF);
      });
    }
    return [...teams];
  }
}

/**
 * The per-process catalog snapshot that team reports, readiness, the review
 * agenda and alert and cost mapping read: one catalog read serves every
 * request for `maxAgeMs`, and concurrent requests share one read. The
 * catalog publishes no entity-change events (only processing errors and
 * conflicts), so a change shows up when the snapshot expires, or at once
 * after `invalidate()`.
 */
export class CatalogSnapshot {
  #index?: CatalogIndex;
  #loadedAt = 0;
  #failedAt = 0;
  #generation = 0;
  #loading?: Promise<CatalogIndex>;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      /** How long one read serves; 30 s by default. */
      maxAgeMs?: number;
    },
  ) {}

  /** The snapshot, read anew when older than its maximum age (or `maxAgeMs`, if less); throws when the catalog does. */
  async current(options: { maxAgeMs?: number } = {}): Promise<CatalogIndex> {
    const maxAge = Math.min(
      options.maxAgeMs ?? Infinity,
      this.options.maxAgeMs ?? DEFAULT_CATALOG_SNAPSHOT_MAX_AGE_MS,
    );
    if (this.#index && Date.now() - this.#loadedAt < maxAge) return this.#index;
    if (!this.#loading) {
      const loading = this.#load().finally(() => {
        if (this.#loading === loading) this.#loading = undefined;
      });
      this.#loading = loading;
    }
    return this.#loading;
  }

  /**
   * The snapshot, read anew when it lacks `entityRef` and is older than a
   * second: an entity or team that the caller has just found in the catalog
   * (a new one) need not wait for the snapshot to expire. A ref of a kind
   * the snapshot does not hold costs at most one read a second.
   */
  async currentWith(entityRef: string): Promise<CatalogIndex> {
    const index = await this.current();
    if (index.byRef.has(entityRef)) return index;
    return this.current({ maxAgeMs: MISSING_REF_REREAD_MS });
  }

  /**
   * The current snapshot, or — while the catalog does not answer — the last
   * one read, or an empty one before any; the catalog is asked again at
   * most every 10 s meanwhile. For work that must not stop while the
   * catalog is down (storing alerts); not for work that would drop what it
   * cannot see (remapping).
   */
  async currentOrLast(
    onCatalogError: (error: unknown) => void,
  ): Promise<CatalogIndex> {
    if (Date.now() - this.#failedAt < RETRY_AFTER_FAILURE_MS) {
      return this.#index ?? new CatalogIndex([]);
    }
    try {
      return await this.current();
    } catch (error) {
      this.#failedAt = Date.now();
      onCatalogError(error);
      return this.#index ?? new CatalogIndex([]);
    }
  }

  /** Drops the snapshot: the next request reads the catalog (a read under way does not count). */
  invalidate(): void {
    this.#index = undefined;
    this.#loadedAt = 0;
    this.#generation++;
    this.#loading = undefined;
  }

  async #load(): Promise<CatalogIndex> {
    const generation = this.#generation;
    const { items } = await this.options.catalog.getEntities(
      { filter: { kind: SNAPSHOT_KINDS }, fields: SNAPSHOT_FIELDS },
      { credentials: await this.options.auth.getOwnServiceCredentials() },
    );
    const index = new CatalogIndex(items);
    // A read that started before an invalidation answers its own callers but is not kept.
    if (generation === this.#generation) {
      this.#index = index;
      this.#loadedAt = Date.now();
    }
    return index;
  }
}
