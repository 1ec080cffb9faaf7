import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_COST_TAGS,
  CostAnomalyPolicy,
  CostExchangeRates,
  CostMetric,
  CostReport,
  costReport,
  DailyCost,
  decimalToNumber,
  formatDecimal,
  parseDecimal,
  parseDecimalUnits,
  splitEvenly,
  TeamCostReport,
} from '@baton/plugin-sre-common';
import type { CostBatch } from '@baton/plugin-sre-node';
import type { EntityVisibility } from '../catalog/entityVisibility';
import { teamEntityRefs } from '../catalog/teamEntities';
import {
  SelectorEntityMap,
  SelectorEntityMapper,
} from '../catalog/SelectorEntityMapper';
import type { SourceRunObserver } from '../sources/SourceStatusService';
import { CostAllocation, StoredTagSet, tagSetKey } from './CostAllocation';
import { CostDayWrite, CostImportResult, CostStore } from './CostStore';
import { CostSourceRegistry } from './CostSourceRegistry';

const DAY = 86_400_000;
/** Without `from`, a report covers this many days up to today. */
const DEFAULT_RANGE_DAYS = 30;
/** The anomaly rule's history before `from`, on top of the previous period. */
const TRAILING_DAYS = 28;
/** A source id: stored with every row. Uploads are `upload:<name>`, so that no upload can replace a pull source's rows. */
const SOURCE_ID = /^(upload:)?[A-Za-z0-9][A-Za-z0-9._-]{0,56}$/;

/** The prefix of every uploaded source's id. */
export const UPLOAD_SOURCE_PREFIX = 'upload:';

/** What one upload may do. */
export interface CostUploadLimits {
  /** Days one upload may replace, from its first to its last day; also the longest charge period of one row. */
  maxPeriodDays: number;
}

/** The documented defaults of `sre.cost.import`. */
export const DEFAULT_COST_UPLOAD_LIMITS = {
  maxPeriodDays: 400,
  /** 1 GiB. */
  maxBytes: 1024 ** 3,
};

const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);
const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** A report's query: [from, to) as YYYY-MM-DD days. */
export interface CostQuery {
  from?: string;
  to?: string;
  granularity: 'day' | 'month';
  currency?: string;
}

/**
 * Exact sums of scaled units, by slot: each a number while it stays an
 * exact integer (below 2^53), carried into a bigint only when it would
 * not (a bigint addition allocates, and most amounts of a bill are small).
 * The numbers share one Float64Array: adding a row's amounts touches one
 * place in memory, where an object per sum would be several.
 */
class ExactSums {
  #units = new Float64Array(1024);
  readonly #carried = new Map<number, bigint>();

  /** Makes room for slots 0 to count - 1; a new slot's sum is 0. */
  reserve(count: number): void {
    if (count <= this.#units.length) return;
    const units = new Float64Array(Math.max(count, this.#units.length * 2));
    units.set(this.#units);
    this.#units = units;
  }

  /** Adds scaled units (a safe integer) to a slot's sum, exactly. */
  add(slot: number, units: number): void {
    const sum = this.#units[slot];
    const next = sum + units;
    // Both are safe integers: a safe result is exact; any other goes to the bigint.
    if (Number.isSafeInteger(next)) {
      this.#units[slot] = next;
    } else {
      this.addBig(slot, BigInt(sum) + BigInt(units));
      this.#units[slot] = 0;
    }
  }

  addBig(slot: number, amount: bigint): void {
    this.#carried.set(slot, (this.#carried.get(slot) ?? 0n) + amount);
  }

  total(slot: number): bigint {
    return (this.#carried.get(slot) ?? 0n) + BigInt(this.#units[slot]);
  }
}

/**
 * One stored row being summed: its key fields; its amounts are the sums
 * of ExactSums' slots 2 × id (billed) and 2 × id + 1 (effective).
 */
type Bucket = Omit<CostDayWrite, 'billed' | 'effective'> & {
  id: number;
  /** Days since 1970: orders the buckets as `day` does. */
  dayIndex: number;
};

/**
 * Day, then tag set: the order of the daily table's primary key and its
 * day index, so the store's inserts append to them rather than land all
 * over them (a third faster on SQLite). A new tag set's id grows with its
 * index.
 */
const inKeyOrder = (a: Bucket, b: Bucket) =>
  a.dayIndex - b.dayIndex || a.tagSetIndex - b.tagSetIndex;

/** Small numbers for strings a batch repeats. */
class Interned {
  readonly #ids = new Map<string, number>();

  id(value: string): number {
    let id = this.#ids.get(value);
    if (id === undefined) {
      id = this.#ids.size;
      this.#ids.set(value, id);
    }
    return id;
  }

  /** Every value, in the order of their ids. */
  values(): string[] {
    return [...this.#ids.keys()];
  }
}

/**
 * The buckets of one (service name, currency) group: their ids by tag set
 * and day (bucketKey). Found through maps keyed by the reader's shared
 * strings, whose hashes V8 keeps, so no key string is built per row; the
 * few groups' maps stay in the CPU's cache, where a map per tag set would
 * not.
 */
type BucketIds = Map<number, number>;

/** Days a bucket key holds as a small integer, around the batch's first day. */
const NEAR_DAYS = 2048;
/** Tag set indexes a bucket key holds as a small integer (below 2^30 with NEAR_DAYS). */
const NEAR_TAG_SETS = 2 ** 19;
/** Past 2^25 tag sets, a far key would not be exact. */
const MAX_TAG_SETS = 2 ** 25;

/**
 * A tag set and a day (days since 1970) as one number, unique within a
 * group: a small integer, the fastest map key, for days near the batch's
 * first (`baseDay`); otherwise a negative number, exact for any Date
 * (within ±10^8 days, under 2^27).
 */
function bucketKey(tagSetIndex: number, dayIndex: number, baseDay: number) {
  const near = dayIndex - baseDay + NEAR_DAYS / 2;
  if (near >= 0 && near < NEAR_DAYS && tagSetIndex < NEAR_TAG_SETS) {
    return tagSetIndex * NEAR_DAYS + near;
  }
  if (tagSetIndex >= MAX_TAG_SETS) {
    throw new InputError(
      `one batch holds at most ${MAX_TAG_SETS} distinct tag sets`,
    );
  }
  return -1 - (tagSetIndex * 2 ** 28 + dayIndex + 2 ** 27);
}

/** Stores cost batches from sources and uploads, and reports spend per entity and team. */
export class CostService {
  constructor(
    private readonly options: {
      store: CostStore;
      sources: CostSourceRegistry;
      /**
       * Maps stored tag sets to entities when reports are read, so that a
       * changed annotation moves the whole history: `service=<name>`, or the
       * entity's `baton.dev/cost-tags`. Its catalog snapshot is cached.
       */
      mapper: SelectorEntityMapper;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      metric: CostMetric;
      anomalyPolicy?: Partial<CostAnomalyPolicy>;
      /** `sre.cost.exchangeRates`: converts a report's currencies into one total. */
      exchangeRates?: CostExchangeRates;
      /** Told each source's pull: its rows, or its error. */
      sourceStatus?: SourceRunObserver;
      now?: () => Date;
    },
  ) {}

  /** The stored tag sets, read again when their count changes (they are only ever added). */
  #tagSets?: { count: number; sets: StoredTagSet[] };

  /** The last allocation, kept while neither the catalog snapshot nor the stored tag sets changed. */
  #allocation?: {
    map: SelectorEntityMap;
    sets: StoredTagSet[];
    allocation: CostAllocation;
  };

  #now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /**
   * Stores one batch: every row is kept with its tag set (allocated to
   * entities only when read), split evenly over the days it covers and
   * summed exactly. The source's days in the batch's period are replaced in
   * one transaction, after the whole batch was read: a bad row anywhere
   * writes nothing.
   */
  async importBatch(
    source: string,
    batch: CostBatch,
    limits?: CostUploadLimits,
  ): Promise<CostImportResult> {
    if (!SOURCE_ID.test(source)) {
      throw new InputError(
        `source: '${source}' is not a source id (letters, digits, '.', '_', '-'; at most 64)`,
      );
    }
    // Sums held for the whole batch, one per stored row, in the order
    // they were first seen; found by tag set, service name, currency, day.
    const buckets: Bucket[] = [];
    const sums = new ExactSums();
    const groups = new Map<string, Map<string, BucketIds>>();
    let baseDay: number | undefined;
    const tagSetIds = new Interned();
    // Sources often hand many rows the same tags object (the FOCUS reader
    // does for equal Tags): each is made canonical once.
    const tagSetOfTags = new WeakMap<object, number>();
    // A file has few distinct days: their names are made once.
    const dayNames = new Map<number, string>();
    let rows = 0;
    let first: number | undefined;
    let last: number | undefined;
    for await (const row of batch.rows) {
      rows += 1;
      const billedUnits = parseDecimalUnits(row.billedCost);
      const effectiveUnits = parseDecimalUnits(row.effectiveCost);
      let billed: bigint | undefined;
      let effective: bigint | undefined;
      if (billedUnits === undefined) {
        billed = parseDecimal(row.billedCost);
        if (billed === undefined) {
          throw new InputError(`row ${rows}, column BilledCost: not a number`);
        }
      }
      if (effectiveUnits === undefined) {
        effective = parseDecimal(row.effectiveCost);
        if (effective === undefined) {
          throw new InputError(
            `row ${rows}, column EffectiveCost: not a number`,
          );
        }
      }
      const start = Math.floor(row.chargePeriodStart.getTime() / DAY) * DAY;
      const days = Math.max(
        1,
        Math.ceil((row.chargePeriodEnd.getTime() - start) / DAY),
      );
      first = Math.min(first ?? start, start);
      last = Math.max(last ?? start, start + (days - 1) * DAY);
      // Checked before the row is split into days: one row may not make millions of buckets.
      if (limits && days > limits.maxPeriodDays) {
        throw new InputError(
          `row ${rows}, column ChargePeriodEnd: one row covers at most ${limits.maxPeriodDays} days (this one ${days})`,
        );
      }
      if (limits && (last - first) / DAY + 1 > limits.maxPeriodDays) {
        throw new InputError(
          `row ${rows}, column ChargePeriodStart: one upload replaces at most ${limits.maxPeriodDays} days, from its first to its last day`,
        );
      }
      let tagSetIndex = tagSetOfTags.get(row.tags);
      if (tagSetIndex === undefined) {
        tagSetIndex = tagSetIds.id(tagSetKey(row.tags));
        tagSetOfTags.set(row.tags, tagSetIndex);
      }
      const serviceName = row.serviceName ?? '';
      const currency = row.billingCurrency;
      let byCurrency = groups.get(serviceName);
      if (!byCurrency) {
        byCurrency = new Map();
        groups.set(serviceName, byCurrency);
      }
      let ids = byCurrency.get(currency);
      if (!ids) {
        ids = new Map();
        byCurrency.set(currency, ids);
      }
      baseDay ??= start / DAY;
      // Most rows are one day: summed as numbers where they can be. A row
      // over several days is split exactly, as bigints.
      const billedParts =
        days === 1
          ? undefined
          : splitEvenly(billed ?? BigInt(billedUnits!), days);
      const effectiveParts =
        days === 1
          ? undefined
          : splitEvenly(effective ?? BigInt(effectiveUnits!), days);
      for (let i = 0; i < days; i++) {
        // Days since 1970.
        const dayIndex = start / DAY + i;
        const key = bucketKey(tagSetIndex, dayIndex, baseDay);
        let id = ids.get(key);
        if (id === undefined) {
          const dayStartMs = dayIndex * DAY;
          let day = dayNames.get(dayStartMs);
          if (day === undefined) {
            day = dayOf(dayStartMs);
            dayNames.set(dayStartMs, day);
          }
          id = buckets.length;
          buckets.push({
            id,
            source,
            day,
            dayIndex,
            tagSetIndex,
            service_name: serviceName.slice(0, 255),
            currency,
            estimated: false,
          });
          ids.set(key, id);
          sums.reserve(2 * id + 2);
        }
        const billedSlot = 2 * id;
        const effectiveSlot = billedSlot + 1;
        if (billedParts) sums.addBig(billedSlot, billedParts[i]);
        else if (billedUnits === undefined) sums.addBig(billedSlot, billed!);
        else sums.add(billedSlot, billedUnits);
        if (effectiveParts) sums.addBig(effectiveSlot, effectiveParts[i]);
        else if (effectiveUnits === undefined)
          sums.addBig(effectiveSlot, effective!);
        else sums.add(effectiveSlot, effectiveUnits);
        if (row.estimated) buckets[id].estimated = true;
      }
    }
    let period: { start: string; end: string } | null = null;
    if (batch.period) {
      period = {
        start: dayOf(batch.period.start.getTime()),
        end: dayOf(Math.ceil(batch.period.end.getTime() / DAY) * DAY),
      };
    } else if (first !== undefined && last !== undefined) {
      // Without a period, the batch replaces the days its rows cover.
      period = { start: dayOf(first), end: dayOf(last + DAY) };
    }
    if (period && period.start >= period.end) {
      throw new InputError('period: its start must be before its end');
    }
    if (period) {
      buckets.sort(inKeyOrder);
      await this.options.store.replacePeriod({
        source,
        origin: batch.origin,
        fingerprint: batch.fingerprint,
        period,
        rows,
        tagSets: tagSetIds.values(),
        // Formatted batch by batch as they are written, not all at once.
        days: mapIterable(buckets, bucket => ({
          source: bucket.source,
          day: bucket.day,
          tagSetIndex: bucket.tagSetIndex,
          service_name: bucket.service_name,
          currency: bucket.currency,
          estimated: bucket.estimated,
          billed: formatDecimal(sums.total(2 * bucket.id)),
          effective: formatDecimal(sums.total(2 * bucket.id + 1)),
        })),
        now: this.#now(),
      });
    }
    return {
      source,
      origin: batch.origin,
      rows,
      days: new Set(mapIterable(buckets, b => b.day)).size,
      period,
    };
  }

  /**
   * Stores an uploaded file as the source `upload:<name>`: it replaces the
   * days it covers of that upload source only, never a pull source's, and
   * at most `limits.maxPeriodDays` of them.
   */
  async importUpload(
    name: string,
    batch: CostBatch,
    limits: CostUploadLimits,
  ): Promise<CostImportResult> {
    const source = name.startsWith(UPLOAD_SOURCE_PREFIX)
      ? name
      : `${UPLOAD_SOURCE_PREFIX}${name}`;
    if (!SOURCE_ID.test(source)) {
      throw new InputError(
        `source: '${name}' is not an upload source name (letters, digits, '.', '_', '-', at most 57; optionally prefixed upload:)`,
      );
    }
    return this.importBatch(source, batch, limits);
  }

  /** Pulls every registered source; a failing source does not stop the others. Returns the rows stored. */
  async pullAll(): Promise<number> {
    let stored = 0;
    for (const source of this.options.sources.list()) {
      let rows = 0;
      try {
        const finalDays = await this.options.store.finalDays(source.id);
        for await (const batch of source.pull({
          finalDays,
          now: this.#now(),
        })) {
          if (
            batch.fingerprint &&
            batch.fingerprint ===
              (await this.options.store.lastFingerprint(
                source.id,
                batch.origin,
              ))
          ) {
            continue;
          }
          const imported = await this.importBatch(source.id, batch);
          rows += imported.rows;
          stored += imported.rows;
        }
      } catch (error) {
        this.options.logger.warn(`Cost source ${source.id} failed: ${error}`);
        await this.options.sourceStatus?.failed(source.id, error);
        continue;
      }
      await this.options.sourceStatus?.succeeded(source.id, { rows });
    }
    return stored;
  }

  /** An entity's spend in one currency, with the previous period, drivers, forecast and anomalies. */
  async report(entityRef: string, query: CostQuery): Promise<CostReport> {
    const [entity, allocation] = await Promise.all([
      this.#entity(entityRef),
      this.#currentAllocation(),
    ]);
    return this.#report([entityRef], query, allocationOf(entity), allocation);
  }

  /**
   * A team's spend over the entities its whole tree owns (sub-teams and
   * members too, as the bus-factor report and the agenda count them; or
   * over `entityRefs`), with its share of the unallocated spend kept apart.
   */
  async teamReport(
    teamRef: string,
    query: CostQuery,
    options: { entityRefs?: string[]; visible?: EntityVisibility } = {},
  ): Promise<TeamCostReport> {
    const [, allocation] = await Promise.all([
      this.#entity(teamRef),
      this.#currentAllocation(),
    ]);
    let refs = [
      ...(options.entityRefs ?? (await teamEntityRefs(this.options, teamRef))),
    ].sort();
    if (options.visible) {
      const visible = await options.visible(refs);
      refs = refs.filter(ref => visible.has(ref));
    }
    const report = await this.#report(
      refs,
      query,
      `the entities ${teamRef} owns`,
      allocation,
    );
    const { currency } = report;
    const { from, to } = report;
    const all = await this.options.store.allDays(from, to, currency);
    const metric = this.options.metric;
    let allocated = 0n;
    let unallocated = 0n;
    const teamTotals = new Map<string, bigint>(refs.map(ref => [ref, 0n]));
    for (const row of all) {
      const amount = parseDecimal(row[metric]) ?? 0n;
      const entityRef = allocation.entityOf(row.tag_set_id);
      if (entityRef === '') unallocated += amount;
      else allocated += amount;
      const teamTotal = teamTotals.get(entityRef);
      if (teamTotal !== undefined)
        teamTotals.set(entityRef, teamTotal + amount);
    }
    const team = [...teamTotals.values()].reduce((a, b) => a + b, 0n);
    // The team's part of untagged spend, in proportion to its part of tagged spend.
    const fraction =
      allocated > 0n ? Number((team * 1_000_000n) / allocated) / 1_000_000 : 0;
    const share = allocated > 0n ? (unallocated * team) / allocated : 0n;
    const [perEntity, titles] = await Promise.all([
      Promise.all(
        refs.map(ref =>
          this.#report([ref], { ...query, currency }, '', allocation),
        ),
      ),
      this.#titles(refs),
    ]);
    return {
      ...report,
      entities: refs
        .map((entityRef, index) => ({
          entityRef,
          title: titles[index],
          total: perEntity[index].total,
          previousTotal: perEntity[index].previousTotal,
          change: perEntity[index].change,
          changeAmount: perEntity[index].changeAmount,
          anomalies: perEntity[index].anomalies,
        }))
        .sort((a, b) => b.total.amount - a.total.amount),
      unallocated: {
        total: { amount: decimalToNumber(unallocated), currency },
        share: { amount: decimalToNumber(share), currency },
        fraction,
      },
    };
  }

  /**
   * The stored tag sets resolved with the current catalog snapshot (cached
   * by the mapper): an annotation changed since an import moves the
   * entity's whole history on the next read after the snapshot refreshes.
   */
  async #currentAllocation(): Promise<CostAllocation> {
    const [map, count] = await Promise.all([
      this.options.mapper.current(),
      this.options.store.tagSetCount(),
    ]);
    if (this.#tagSets?.count !== count) {
      // Counted before reading: a set stored meanwhile is read again next time.
      this.#tagSets = { count, sets: await this.options.store.tagSets() };
    }
    const { sets } = this.#tagSets;
    const cached = this.#allocation;
    if (cached?.map === map && cached.sets === sets) return cached.allocation;
    const allocation = new CostAllocation(map, sets);
    this.#allocation = { map, sets, allocation };
    return allocation;
  }

  async #report(
    entityRefs: string[],
    query: CostQuery,
    allocationRule: string,
    allocation: CostAllocation,
  ): Promise<CostReport> {
    const tagSetIds = allocation.tagSetsOf(entityRefs);
    const { from, to } = this.#range(query);
    const span = dayStart(to) - dayStart(from);
    const historyFrom = dayOf(dayStart(from) - span - TRAILING_DAYS * DAY);
    // The forecast reads the whole month the range ends in.
    const monthStart = `${dayOf(dayStart(to) - DAY).slice(0, 7)}-01`;
    const rows = await this.options.store.days(
      tagSetIds,
      historyFrom < monthStart ? historyFrom : monthStart,
      to,
    );
    const [stored, spans] = await Promise.all([
      this.options.store.sources(),
      this.options.store.dataSpans(),
    ]);
    const sources = [
      ...new Set([
        ...stored,
        ...this.options.sources.list().map(source => source.id),
      ]),
    ].sort();
    const lines = new Map<string, number>();
    for (const row of rows) {
      if (row.day >= from) {
        lines.set(row.currency, (lines.get(row.currency) ?? 0) + 1);
      }
    }
    const currencies = await this.options.store.currencies(tagSetIds);
    // Amounts in two currencies do not compare, so the main one is the one most spend lines are in.
    const currency =
      query.currency ??
      [...lines.entries()].sort(
        (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
      )[0]?.[0] ??
      currencies[0] ??
      'USD';
    // Every currency: the report's amounts take `currency`'s rows, its
    // per-currency totals all of them.
    const daily: DailyCost[] = rows.map(row => ({
      date: row.day,
      driver: row.service_name,
      amount: parseDecimal(row[this.options.metric]) ?? 0n,
      estimated: row.estimated,
      currency: row.currency,
    }));
    // The days the sources of these rows imported (all sources without
    // rows): a day they imported without spend is a day with data.
    const rowSources = new Set(rows.map(row => row.source));
    const dataSpans = spans
      .filter(imported => !rowSources.size || rowSources.has(imported.source))
      .map(imported => ({ from: imported.start, to: imported.end }));
    return costReport({
      currency,
      currencies,
      sources,
      allocation: allocationRule,
      metric: this.options.metric,
      from,
      to,
      granularity: query.granularity,
      rows: daily,
      today: dayOf(this.#now().getTime()),
      policy: this.options.anomalyPolicy,
      dataSpans,
      exchangeRates: this.options.exchangeRates,
    });
  }

  #range(query: CostQuery): { from: string; to: string } {
    const to =
      query.to ?? dayOf(Math.floor(this.#now().getTime() / DAY) * DAY + DAY);
    const from = query.from ?? dayOf(dayStart(to) - DEFAULT_RANGE_DAYS * DAY);
    if (from >= to) throw new InputError('from must be before to');
    if (dayStart(to) - dayStart(from) > 366 * 3 * DAY) {
      throw new InputError('from: a report covers at most three years');
    }
    return { from, to };
  }

  /** Each entity's name as the catalog shows it: its title, else its name. */
  async #titles(entityRefs: string[]): Promise<string[]> {
    if (!entityRefs.length) return [];
    const { items } = await this.options.catalog.getEntitiesByRefs(
      { entityRefs, fields: ['metadata.name', 'metadata.title'] },
      { credentials: await this.options.auth.getOwnServiceCredentials() },
    );
    return entityRefs.map(
      (ref, index) =>
        items[index]?.metadata.title ??
        items[index]?.metadata.name ??
        parseEntityRef(ref).name,
    );
  }

  async #entity(entityRef: string): Promise<Entity> {
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials: await this.options.auth.getOwnServiceCredentials(),
    });
    if (!entity) throw new NotFoundError(`No entity ${entityRef}`);
    return entity;
  }
}

function* mapIterable<T, U>(items: Iterable<T>, fn: (item: T) => U) {
  for (const item of items) yield fn(item);
}

/** The allocation rule of an entity as the card explains it. */
function allocationOf(entity: Entity): string {
  return (
    entity.metadata.annotations?.[ANNOTATION_COST_TAGS]?.trim() ||
    `service=${entity.metadata.name}`
  );
}
