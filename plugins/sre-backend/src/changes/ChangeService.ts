import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InputError,
  isError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  alertsAfterChange,
  applyDurationTrend,
  ApplyDurationTrend,
  actualPairs,
  actualReviewers,
  changeFindings,
  ChangeIdentity,
  ChangeInput,
  ChangeItem,
  ChangeListResponse,
  ChangePerson,
  ChangePersonStats,
  ReadinessFacts,
  ReviewChangesSection,
  samePerson,
  summarizeChanges,
  TeamChangesResponse,
  WorkingHours,
} from '@baton/plugin-sre-common';
import type { CatalogSnapshot } from '../catalog/CatalogSnapshot';
import type { EntityVisibility } from '../catalog/entityVisibility';
import { PeopleDirectory } from '../catalog/PeopleDirectory';
import type { SourceRunObserver } from '../sources/SourceStatusService';
import {
  changeSourceId,
  MAX_CHANGES_PER_RECORD,
  parseChangeInputs,
} from './changeInputSchema';
import type { ChangesConfig } from './changesConfig';
import type { ChangeSourceRegistry } from './ChangeSourceRegistry';
import type { ChangeStore, MatchedChange, StoredChange } from './ChangeStore';

/** The sources `POST /changes` and the generic webhook store under; no module may take them. */
export const RECORD_SOURCE_IDS = ['api', 'cli', 'webhook'];

/** The alerts the rules read: those of some entities that started in [from, to) (AlertStore has it). */
export interface ChangeAlertReader {
  allForEntities(
    entityRefs: string[],
    from: Date,
    to: Date,
    cap: number,
  ): Promise<
    Array<{ id: string; title: string; startsAt: string; entityRefs: string[] }>
  >;
}

const DAY_MS = 86_400_000;

/** What a range defaults to: the last 30 days. */
const DEFAULT_RANGE_DAYS = 30;

/** How far a first pull looks back. */
const FIRST_PULL_DAYS = 30;

/** Most changes one entity's list reads. */
const ENTITY_CHANGE_CAP = 2_000;
/** Most changes a team's tab reads, its apply trends' window included. */
const TEAM_CHANGE_CAP = 20_000;
/** Most alerts the followed-by-alerts rule reads for one answer. */
const ALERT_CAP = 10_000;

/** Most notable changes a review agenda lists. */
const AGENDA_NOTABLE_CAP = 50;

/** A change worth talking about in a review: solo, off-hours, failed or rolled back, or followed by alerts. */
const isNotable = (item: ChangeItem) =>
  item.findings.some(finding => finding !== 'unreviewed-procedure') ||
  item.outcome === 'failed' ||
  item.outcome === 'rolled-back';

/** How many entities one readiness read asks the store about at a time. */
const READINESS_REF_BATCH = 200;
/** Changes per page when readiness reads every change of a window. */
const READINESS_PAGE = 5_000;

/** An entity's production changes as the readiness checks count them. */
export type ChangeReadinessFacts = NonNullable<ReadinessFacts['changes']>;

/** The time range of a request; `to` defaults to now, `from` to 30 days before it. */
export interface ChangeRange {
  from?: Date;
  to?: Date;
}

/** How a person is counted in a team's stats: their User, or their identity when unmatched. */
const personKey = (person: ChangePerson) =>
  person.userRef ?? `${person.kind}:${person.value.toLowerCase()}`;

/** Each change of a pulled batch once, as the source last handed it over; anything else is left to the input checks. */
function lastOfEachExternalId(batch: unknown[]): unknown[] {
  const keyOf = (item: unknown) =>
    typeof item === 'object' &&
    item !== null &&
    typeof (item as { externalId?: unknown }).externalId === 'string'
      ? (item as { externalId: string }).externalId
      : undefined;
  const last = new Map<string, number>();
  batch.forEach((item, index) => {
    const key = keyOf(item);
    if (key !== undefined) last.set(key, index);
  });
  return batch.filter((item, index) => {
    const key = keyOf(item);
    return key === undefined || last.get(key) === index;
  });
}

/** Each person once: a source may name the same operator twice. */
function distinctPeople(people: ChangePerson[]): ChangePerson[] {
  return people.filter(
    (person, index) =>
      people.findIndex(other => samePerson(person, other)) === index,
  );
}

/**
 * The changes domain: records production changes (the API, the webhook and
 * the scheduled pulls of change sources), matching their people to catalog
 * Users, and reads them back with what sre-common's rules find — for an
 * entity's card and a team's tab.
 */
export class ChangeService {
  constructor(
    private readonly options: {
      store: ChangeStore;
      sources: ChangeSourceRegistry;
      snapshot: CatalogSnapshot;
      catalog: CatalogService;
      auth: AuthService;
      alerts: ChangeAlertReader;
      config: ChangesConfig;
      logger: LoggerService;
      sourceStatus?: SourceRunObserver;
      now?: () => number;
    },
  ) {}

  #now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /**
   * Checks every change (a 400 names the field, e.g. `changes[2].startedAt`),
   * matches its people to catalog Users and stores them all in one
   * transaction; nothing is stored when any change is wrong.
   */
  async record(changes: unknown[], source: string): Promise<{ ids: string[] }> {
    const sourceCheck = changeSourceId.safeParse(source);
    if (!sourceCheck.success) {
      throw new InputError(
        `source: '${source}' ${sourceCheck.error.issues[0].message}`,
      );
    }
    const inputs = parseChangeInputs(changes);
    return { ids: await this.#store(source, inputs) };
  }

  async #store(source: string, inputs: ChangeInput[]): Promise<string[]> {
    const people = await this.#peopleDirectory();
    const match = (identities: ChangeIdentity[]): ChangePerson[] =>
      identities.map(identity => ({
        kind: identity.kind,
        value: identity.value,
        userRef: people.matchPrincipal(identity.kind, identity.value),
      }));
    const matched = inputs.map(
      ({ procedure, ...input }): MatchedChange => ({
        ...input,
        operators: match(input.operators),
        pairs: match(input.pairs),
        ...(procedure
          ? {
              procedure: {
                url: procedure.url,
                authors: match(procedure.authors),
                reviewers: match(procedure.reviewers),
              },
            }
          : {}),
      }),
    );
    try {
      return await this.options.store.record(source, matched);
    } catch (error) {
      this.options.logger.error(`Storing ${source} changes failed: ${error}`);
      throw new ServiceUnavailableError(
        'The changes could not be stored; retry later',
      );
    }
  }

  /** The catalog's Users, read now: a person added a minute ago is matched. */
  async #peopleDirectory(): Promise<PeopleDirectory> {
    try {
      return await this.#readPeopleDirectory();
    } catch (error) {
      // Stored unmatched, a person would stay flagged: the sender retries instead.
      this.options.logger.warn(`Reading the catalog's Users failed: ${error}`);
      throw new ServiceUnavailableError(
        "The catalog's Users could not be read to match the changes' people; retry later",
      );
    }
  }

  async #readPeopleDirectory(): Promise<PeopleDirectory> {
    const { items } = await this.options.catalog.getEntities(
      {
        filter: { kind: 'User' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
          'spec.profile.email',
        ],
      },
      { credentials: await this.options.auth.getOwnServiceCredentials() },
    );
    return new PeopleDirectory(items);
  }

  /**
   * Pulls every change source from where its last successful pull got to;
   * a source that fails (or hands over a bad change) stores nothing of that
   * batch, keeps its position and is recorded as failed.
   */
  async pullAll(): Promise<{ received: number; failed: number }> {
    let received = 0;
    let failed = 0;
    for (const source of this.options.sources.list()) {
      let count = 0;
      try {
        const now = new Date(this.#now());
        const since =
          (await this.options.store.pullPosition(source.id)) ??
          new Date(now.getTime() - FIRST_PULL_DAYS * DAY_MS);
        let batch: unknown[] = [];
        const flush = async () => {
          if (!batch.length) return;
          // A change a source hands over twice (a page that shifted under it) is stored once, as last seen.
          const inputs = parseChangeInputs(
            lastOfEachExternalId(batch),
            `${source.id} changes`,
          );
          await this.#store(source.id, inputs);
          count += batch.length;
          batch = [];
        };
        for await (const change of source.pull({ since, now })) {
          batch.push(change);
          if (batch.length >= MAX_CHANGES_PER_RECORD) await flush();
        }
        await flush();
        await this.options.store.savePullPosition(source.id, now);
      } catch (error) {
        failed++;
        this.options.logger.warn(
          `Change source ${source.id} failed: ${
            isError(error) ? error.message : error
          }`,
        );
        await this.options.sourceStatus?.failed(source.id, error);
        continue;
      }
      received += count;
      await this.options.sourceStatus?.succeeded(source.id, {
        received: count,
      });
    }
    return { received, failed };
  }

  /** The working hours of the team that owns an entity (its owner, then up the tree), or the default. */
  #workingHoursOf(
    index: Awaited<ReturnType<CatalogSnapshot['current']>>,
    entityRef: string,
  ): WorkingHours {
    for (const team of index.ownerTeams(entityRef, 10)) {
      const hours = this.options.config.teamWorkingHours.get(team);
      if (hours) return hours;
    }
    return this.options.config.policy.workingHours;
  }

  /**
   * The stored changes with what the rules find: hours per change, and the
   * alerts after each. With `visible`, a change names only the entities the
   * caller may read, and only their alerts count: another entity touched by
   * the same change, or its alerts, must not show through.
   */
  async #withFindings(
    stored: StoredChange[],
    hoursOf: (change: StoredChange) => WorkingHours,
    visible?: EntityVisibility,
  ): Promise<ChangeItem[]> {
    if (!stored.length) return [];
    let changes = stored;
    if (visible) {
      const readable = await visible([
        ...new Set(stored.flatMap(c => c.entityRefs)),
      ]);
      changes = stored.map(change => ({
        ...change,
        entityRefs: change.entityRefs.filter(ref => readable.has(ref)),
      }));
    }
    const { alertWindowMinutes } = this.options.config.policy;
    const windowMs = alertWindowMinutes * 60_000;
    const starts = changes.map(change => Date.parse(change.startedAt));
    const entityRefs = [...new Set(changes.flatMap(c => c.entityRefs))];
    const alerts = await this.options.alerts.allForEntities(
      entityRefs,
      new Date(Math.min(...starts)),
      // [from, to): an alert at the window's last millisecond still counts.
      new Date(Math.max(...starts) + windowMs + 1),
      ALERT_CAP,
    );
    // Sorted once by start: each change's rule then reads only the alerts of
    // its own window (thousands of changes × thousands of alerts otherwise).
    const byStart = alerts
      .map(alert => ({ alert, at: Date.parse(alert.startsAt) }))
      .sort((a, b) => a.at - b.at);
    const firstAtOrAfter = (time: number) => {
      let low = 0;
      let high = byStart.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (byStart[middle].at < time) low = middle + 1;
        else high = middle;
      }
      return low;
    };
    return changes.map((change, index) => {
      const inWindow = byStart
        .slice(
          firstAtOrAfter(starts[index]),
          firstAtOrAfter(starts[index] + windowMs + 1),
        )
        .map(entry => entry.alert);
      const alertsAfter = alertsAfterChange(change, inWindow, {
        alertWindowMinutes,
      });
      return {
        ...change,
        findings: changeFindings(change, {
          workingHours: hoursOf(change),
          alertsAfter,
        }),
        alertsAfter,
      };
    });
  }

  #range(range: ChangeRange): { from: Date; to: Date } {
    const to = range.to ?? new Date(this.#now());
    const from =
      range.from ?? new Date(to.getTime() - DEFAULT_RANGE_DAYS * DAY_MS);
    return { from, to };
  }

  /** An entity's changes that started in the range, newest first, with findings and a summary. */
  async listForEntity(
    entityRef: string,
    range: ChangeRange,
    options: { visible?: EntityVisibility } = {},
  ): Promise<ChangeListResponse> {
    const { from, to } = this.#range(range);
    const [index, stored] = await Promise.all([
      this.options.snapshot.currentWith(entityRef),
      this.options.store.listForEntities(
        [entityRef],
        from,
        to,
        ENTITY_CHANGE_CAP,
      ),
    ]);
    const workingHours = this.#workingHoursOf(index, entityRef);
    const items = await this.#withFindings(
      stored,
      () => workingHours,
      options.visible,
    );
    return {
      entityRef,
      from: from.toISOString(),
      to: to.toISOString(),
      items,
      summary: summarizeChanges(items),
      policy: {
        workingHours,
        alertWindowMinutes: this.options.config.policy.alertWindowMinutes,
      },
    };
  }

  /**
   * The Changes section of a team's review agenda: the changes of its
   * services (`entityRefs`) that started in [since, until), counted, and the
   * notable ones listed, newest first.
   */
  async reviewSection(
    entityRefs: string[],
    since: Date,
    until: Date,
    options: { visible?: EntityVisibility } = {},
  ): Promise<ReviewChangesSection> {
    const [index, stored] = await Promise.all([
      this.options.snapshot.current(),
      this.options.store.listForEntities(
        entityRefs,
        since,
        until,
        TEAM_CHANGE_CAP,
      ),
    ]);
    const inScope = new Set(entityRefs);
    const items = await this.#withFindings(
      stored,
      change =>
        this.#workingHoursOf(
          index,
          change.entityRefs.find(ref => inScope.has(ref)) ??
            change.entityRefs[0],
        ),
      options.visible,
    );
    const notable = items.filter(isNotable);
    return {
      summary: summarizeChanges(items),
      notable: notable.slice(0, AGENDA_NOTABLE_CAP),
      moreNotable: Math.max(0, notable.length - AGENDA_NOTABLE_CAP),
    };
  }

  /**
   * Each entity's production changes over the last `days`, as the readiness
   * checks count them: how many were paired and reviewed, and who ran and
   * paired on them (their User, or the identity when unmatched). Every
   * entity asked about has an entry, with zero changes when none started in
   * the window.
   */
  async readinessFacts(
    entityRefs: string[],
    days: number,
  ): Promise<Map<string, ChangeReadinessFacts>> {
    const to = new Date(this.#now());
    const from = new Date(to.getTime() - days * DAY_MS);
    const facts = new Map<string, ChangeReadinessFacts>(
      entityRefs.map(ref => [
        ref,
        { count: 0, paired: 0, reviewed: 0, operators: {}, pairs: {} },
      ]),
    );
    for (let at = 0; at < entityRefs.length; at += READINESS_REF_BATCH) {
      const changes = await this.#allForEntities(
        entityRefs.slice(at, at + READINESS_REF_BATCH),
        from,
        to,
      );
      for (const change of changes) {
        const pairs = distinctPeople(actualPairs(change)).map(personKey);
        const operators = distinctPeople(change.operators).map(personKey);
        const reviewed = actualReviewers(change).length > 0;
        for (const ref of change.entityRefs) {
          const entry = facts.get(ref);
          if (!entry) continue;
          entry.count++;
          if (pairs.length) entry.paired++;
          if (reviewed) entry.reviewed++;
          for (const key of operators) {
            entry.operators[key] = (entry.operators[key] ?? 0) + 1;
          }
          for (const key of pairs) {
            entry.pairs[key] = (entry.pairs[key] ?? 0) + 1;
          }
        }
      }
    }
    return facts;
  }

  /**
   * Every change of the entities in [from, to), read a page at a time from
   * the newest back: readiness counts them all, where a list shows a capped
   * number.
   */
  async #allForEntities(
    entityRefs: string[],
    from: Date,
    to: Date,
  ): Promise<StoredChange[]> {
    const all: StoredChange[] = [];
    const seen = new Set<string>();
    let end = to;
    for (;;) {
      const page = await this.options.store.listForEntities(
        entityRefs,
        from,
        end,
        READINESS_PAGE,
      );
      const fresh = page.filter(change => !seen.has(change.id));
      fresh.forEach(change => seen.add(change.id));
      all.push(...fresh);
      if (page.length < READINESS_PAGE) return all;
      // The next page ends just after this page's oldest start: changes that
      // share it may straddle the pages; those already read are skipped.
      const next = new Date(Date.parse(page[page.length - 1].startedAt) + 1);
      if (!fresh.length || next.getTime() >= end.getTime()) {
        // A full page of changes at one instant cannot be paged by time.
        this.options.logger.warn(
          `More than ${READINESS_PAGE} changes of one instant; readiness counts ${all.length} changes of ${entityRefs.length} entities`,
        );
        return all;
      }
      end = next;
    }
  }

  /**
   * A team's changes over the services it owns (those `visible` lets
   * through): the summary, each person's part, the solo changes, and the
   * apply-time trend of each Terraform workspace over the policy's window
   * before `to`.
   */
  async teamChanges(
    teamRef: string,
    range: ChangeRange,
    options: { visible?: EntityVisibility } = {},
  ): Promise<TeamChangesResponse> {
    const { from, to } = this.#range(range);
    const { slowApply } = this.options.config.policy;
    const index = await this.options.snapshot.currentWith(teamRef);
    let refs = index
      .teamServices(teamRef)
      .map(entity => stringifyEntityRef(entity));
    if (options.visible) {
      const visible = await options.visible(refs);
      refs = refs.filter(ref => visible.has(ref));
    }
    const trendFrom = new Date(to.getTime() - slowApply.windowDays * DAY_MS);
    const stored = await this.options.store.listForEntities(
      refs,
      new Date(Math.min(from.getTime(), trendFrom.getTime())),
      to,
      TEAM_CHANGE_CAP,
    );
    const inScope = new Set(refs);
    const inRange = stored.filter(
      change => Date.parse(change.startedAt) >= from.getTime(),
    );
    const items = await this.#withFindings(
      inRange,
      change =>
        this.#workingHoursOf(
          index,
          change.entityRefs.find(ref => inScope.has(ref)) ??
            change.entityRefs[0],
        ),
      options.visible,
    );
    return {
      teamRef,
      from: from.toISOString(),
      to: to.toISOString(),
      summary: summarizeChanges(items),
      people: personStats(items),
      solo: items.filter(item => item.findings.includes('solo')),
      applyTrends: applyTrends(stored, to, slowApply),
    };
  }
}

/** Each person's part in the changes, most operated first. */
export function personStats(items: ChangeItem[]): ChangePersonStats[] {
  const stats = new Map<string, ChangePersonStats>();
  const of = (person: ChangePerson) => {
    const key = personKey(person);
    let entry = stats.get(key);
    if (!entry) {
      entry = {
        person: key,
        userRef: person.userRef,
        operated: 0,
        operatedPaired: 0,
        pairedOn: 0,
        offHours: 0,
      };
      stats.set(key, entry);
    }
    return entry;
  };
  for (const item of items) {
    const offHours = item.findings.includes('off-hours');
    const pairs = distinctPeople(actualPairs(item));
    const operators = distinctPeople(item.operators);
    const counted = new Set<string>();
    for (const operator of operators) {
      const entry = of(operator);
      entry.operated++;
      if (pairs.length) entry.operatedPaired++;
      if (offHours && !counted.has(entry.person)) entry.offHours++;
      counted.add(entry.person);
    }
    for (const pair of pairs) {
      const entry = of(pair);
      entry.pairedOn++;
      if (offHours && !counted.has(entry.person)) entry.offHours++;
      counted.add(entry.person);
    }
  }
  return [...stats.values()].sort(
    (a, b) =>
      b.operated - a.operated ||
      b.pairedOn - a.pairedOn ||
      a.person.localeCompare(b.person, 'en'),
  );
}

/** One trend per Terraform workspace that has applies with a duration in the window. */
function applyTrends(
  changes: StoredChange[],
  to: Date,
  policy: Parameters<typeof applyDurationTrend>[2]['policy'],
): ApplyDurationTrend[] {
  const byWorkspace = new Map<
    string,
    Array<{ startedAt: string; applySeconds?: number }>
  >();
  for (const change of changes) {
    if (!change.terraform || change.terraform.applySeconds === undefined) {
      continue;
    }
    const applies = byWorkspace.get(change.terraform.workspace) ?? [];
    applies.push({
      startedAt: change.startedAt,
      applySeconds: change.terraform.applySeconds,
    });
    byWorkspace.set(change.terraform.workspace, applies);
  }
  return [...byWorkspace.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en'))
    .map(([workspace, applies]) =>
      applyDurationTrend(workspace, applies, { now: to.getTime(), policy }),
    )
    .filter(trend => trend.applies.length > 0);
}
