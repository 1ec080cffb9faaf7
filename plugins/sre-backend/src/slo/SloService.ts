import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  ANNOTATION_MAINTENANCE,
  ANNOTATION_OPENSLO,
  counterValueAt,
  CumulativeCounts,
  evaluateSloObjective,
  normaliseIntervals,
  parseMaintenanceWindows,
  SloDefinition,
  SloInterval,
  SloMetricSource,
  SloObjective,
  SloPolicy,
  SloProblem,
  SloQuery,
  SloResponse,
  SloSample,
  SloStepCounts,
  SloSummary,
  sloEvaluationTimestamps,
  stepCountsOf,
  windowAt,
} from '@baton/plugin-sre-common';
import { createHash, randomUUID } from 'crypto';
import { setTimeout as sleep } from 'timers/promises';
import { SliSourceRegistry } from './SliSourceRegistry';
import { SloDefinitionReader } from './SloDefinitionReader';
import { SloBackfillClaim, SloSeries, SloStore } from './SloStore';

/** Data is read this long after a step ends, so that late scrapes are in. */
const INGESTION_DELAY_MS = 60_000;
/** The longest burn-rate window; snapshots this far back stay for it. */
const LONGEST_BURN_WINDOW_MS = 3 * 86400_000;

/** A backfill claim's life; its holder extends it while working, so only a dead holder's claim expires. */
const DEFAULT_CLAIM_MS = 5 * 60_000;
/** How long a first request waits for another replica's backfill before answering that it is in progress. */
const DEFAULT_BACKFILL_WAIT_MS = 15_000;
const DEFAULT_BACKFILL_POLL_MS = 250;

type QueryRole = SloQuery['role'];

/** The queries of an indicator, by role. */
function queriesOf(definition: SloDefinition): SloQuery[] {
  const indicator = definition.indicator;
  const query = (role: QueryRole, source: SloMetricSource): SloQuery => ({
    role,
    type: source.type,
    ...(source.sourceRef ? { sourceRef: source.sourceRef } : {}),
    spec: source.spec,
  });
  if (indicator.type === 'threshold')
    return [query('metric', indicator.metric)];
  return [
    ...(indicator.good ? [query('good', indicator.good)] : []),
    ...(indicator.bad ? [query('bad', indicator.bad)] : []),
    query('total', indicator.total),
  ];
}

/** What the series' snapshots depend on; a change starts the series again. */
function seriesHash(
  definition: SloDefinition,
  objective: SloObjective,
  stepSeconds: number,
): string {
  const indicator = definition.indicator;
  return createHash('sha256')
    .update(
      JSON.stringify({
        queries: queriesOf(definition),
        counter: indicator.type === 'ratio' ? indicator.counter : undefined,
        op: objective.op,
        value: objective.value,
        timeSliceTarget: objective.timeSliceTarget,
        stepSeconds,
      }),
    )
    .digest('hex');
}

/**
 * Reads each entity's OpenSLO files, stores SLI snapshots from the sources
 * (backfilling the whole window on first sight) and evaluates SLOs from the
 * stored snapshots only, so the card works while a source is down.
 */
export class SloService {
  readonly #stepMs: number;

  constructor(
    private readonly options: {
      store: SloStore;
      reader: SloDefinitionReader;
      sources: SliSourceRegistry;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      policy: SloPolicy;
      stepSeconds: number;
      /** Maintenance from config, for every SLO. */
      maintenance?: SloInterval[];
      now?: () => number;
      /** Names this replica in its backfill claims; random when not given. */
      replicaId?: string;
      backfill?: { claimMs?: number; waitMs?: number; pollMs?: number };
    },
  ) {
    this.#stepMs = options.stepSeconds * 1000;
    this.#replicaId = options.replicaId ?? randomUUID();
  }

  readonly #replicaId: string;

  #now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /**
   * Reads and evaluates every entity with `baton.dev/openslo`; returns how
   * many, how many failed, and how many were skipped because another
   * replica is reading them from the sources right now.
   */
  async refreshAll(): Promise<{
    refreshed: number;
    failed: number;
    skipped: number;
  }> {
    const { items } = await this.options.catalog.getEntities(
      {
        filter: {
          [`metadata.annotations.${ANNOTATION_OPENSLO}`]: CATALOG_FILTER_EXISTS,
        },
      },
      { credentials: await this.options.auth.getOwnServiceCredentials() },
    );
    let failed = 0;
    let skipped = 0;
    for (const entity of items) {
      try {
        const done = await this.#withBackfillClaim(
          stringifyEntityRef(entity),
          () => this.#refreshEntity(entity),
        );
        if (!done) skipped += 1;
      } catch (error) {
        failed += 1;
        this.options.logger.warn(
          `SLO refresh of ${stringifyEntityRef(entity)} failed: ${error}`,
        );
      }
    }
    return { refreshed: items.length - failed - skipped, failed, skipped };
  }

  /**
   * Runs `work` holding the entity's backfill claim, extended while it runs,
   * so that one replica at a time reads the entity from the sources.
   * Returns false, without running it, while another holds the claim.
   */
  async #withBackfillClaim(
    entityRef: string,
    work: () => Promise<void>,
  ): Promise<boolean> {
    const claimMs = this.options.backfill?.claimMs ?? DEFAULT_CLAIM_MS;
    const store = this.options.store;
    // Claims expire in wall-clock time, whatever clock the data uses.
    const claim: SloBackfillClaim | undefined = await store.claimBackfill({
      entityRef,
      owner: this.#replicaId,
      now: new Date(),
      expiresAt: new Date(Date.now() + claimMs),
    });
    if (!claim) return false;
    const extend = setInterval(() => {
      store
        .extendBackfillClaim(claim, new Date(Date.now() + claimMs))
        .then(kept => {
          // Harmless but worth knowing: appendSteps stores each step once.
          if (!kept) {
            this.options.logger.warn(
              `SLO backfill claim of ${entityRef} expired and was taken over; two replicas may read its sources`,
            );
          }
        })
        .catch(error =>
          this.options.logger.warn(
            `SLO backfill claim of ${entityRef} not extended: ${error}`,
          ),
        );
    }, claimMs / 3);
    extend.unref?.();
    try {
      await work();
    } finally {
      clearInterval(extend);
      await store.releaseBackfillClaim(claim);
    }
    return true;
  }

  /**
   * Reads the entity's definitions and fetches the steps each series lacks.
   * The definitions are stored last: an entity with stored definitions has
   * been backfilled (a first request that finds them does not read sources).
   */
  async #refreshEntity(entity: Entity): Promise<void> {
    const entityRef = stringifyEntityRef(entity);
    const read = await this.options.reader.read(entity);
    const { definitions, problems } = this.#withSupportedSlices(read);
    const now = this.#now();
    const keep: number[] = [];
    for (const definition of definitions) {
      for (const [index, objective] of definition.objectives.entries()) {
        const series = await this.options.store.ensureSeries({
          entityRef,
          sloName: definition.name,
          objectiveIndex: index,
          definitionHash: seriesHash(
            definition,
            objective,
            this.options.stepSeconds,
          ),
        });
        keep.push(series.id);
        await this.#ingest(series, definition, objective, now);
      }
    }
    await this.options.store.removeSeriesExcept(entityRef, keep);
    await this.options.store.saveEntity({
      entityRef,
      definitions,
      problems,
      maintenance:
        entity.metadata.annotations?.[ANNOTATION_MAINTENANCE] ?? null,
      readAt: new Date(now),
    });
  }

  /**
   * Backfills an entity seen for the first time, once across replicas: the
   * claim's holder reads the sources; other requests wait for its result,
   * bounded, then say the backfill is in progress.
   */
  async #firstSight(
    entityRef: string,
  ): Promise<'read' | 'none' | 'backfilling'> {
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials: await this.options.auth.getOwnServiceCredentials(),
    });
    if (!entity) throw new NotFoundError(`No entity ${entityRef}`);
    if (!entity.metadata.annotations?.[ANNOTATION_OPENSLO]) return 'none';
    const deadline =
      Date.now() + (this.options.backfill?.waitMs ?? DEFAULT_BACKFILL_WAIT_MS);
    for (;;) {
      const claimed = await this.#withBackfillClaim(entityRef, async () => {
        // Another replica may have finished between our read and the claim.
        if (!(await this.options.store.getEntity(entityRef))) {
          await this.#refreshEntity(entity);
        }
      });
      if (claimed || (await this.options.store.getEntity(entityRef))) {
        return 'read';
      }
      if (Date.now() >= deadline) return 'backfilling';
      await sleep(this.options.backfill?.pollMs ?? DEFAULT_BACKFILL_POLL_MS);
    }
  }

  /** Time slices are evaluation steps: an SLO with other slices cannot be counted. */
  #withSupportedSlices(read: {
    definitions: SloDefinition[];
    problems: SloProblem[];
  }) {
    const step = this.options.stepSeconds;
    const problems = [...read.problems];
    const definitions = read.definitions.filter(definition => {
      const index = definition.objectives.findIndex(
        objective =>
          objective.timeSliceSeconds !== undefined &&
          objective.timeSliceSeconds !== step,
      );
      if (index < 0) return true;
      const field = `${definition.fieldPrefix}spec.objectives[${index}].timeSliceWindow`;
      const value = definition.objectives[index].timeSliceWindow ?? '';
      problems.push({
        file: definition.file,
        slo: definition.name,
        field,
        code: 'unsupported',
        params: { field, value, expected: `${step}s` },
        message: `${
          definition.file
        }: ${field}: time slices of ${value} are not supported; Baton's slices are its evaluation step (sre.slo.step, ${
          step / 60
        } min)`,
      });
      return false;
    });
    return { definitions, problems };
  }

  async #ingest(
    series: SloSeries,
    definition: SloDefinition,
    objective: SloObjective,
    now: number,
  ): Promise<void> {
    const stepMs = this.#stepMs;
    const lastEnd = Math.floor((now - INGESTION_DELAY_MS) / stepMs) * stepMs;
    const windowStart = windowAt(definition.window, lastEnd).start;
    // Backfill: the whole window, and at least the longest burn-rate window.
    const keepFrom =
      Math.floor(
        Math.min(windowStart, lastEnd - LONGEST_BURN_WINDOW_MS) / stepMs,
      ) * stepMs;
    const firstEnd =
      series.lastStep !== null && series.lastStep >= keepFrom
        ? series.lastStep + stepMs
        : keepFrom + stepMs;
    const stepEnds: number[] = [];
    for (let t = firstEnd; t <= lastEnd; t += stepMs) stepEnds.push(t);
    let steps: SloStepCounts[] = [];
    if (stepEnds.length) {
      try {
        steps = await this.#fetchSteps(definition, objective, stepEnds);
      } catch (error) {
        // Only the source's own message is kept: it is shown on the card.
        const message = (error as Error).message;
        this.options.logger.warn(
          `SLO ${series.entityRef} ${definition.name}: ${message}`,
        );
        await this.options.store.recordError(series.id, message, new Date(now));
        return;
      }
    }
    await this.options.store.appendSteps(series.id, steps, new Date(now));
    await this.options.store.prune(series.id, keepFrom - stepMs);
  }

  /** Asks the sources for the steps and turns their samples into good/total per step. */
  async #fetchSteps(
    definition: SloDefinition,
    objective: SloObjective,
    stepEnds: number[],
  ): Promise<SloStepCounts[]> {
    const stepMs = this.#stepMs;
    const firstEnd = stepEnds[0];
    const lastEnd = stepEnds[stepEnds.length - 1];
    const samples: Partial<Record<QueryRole, SloSample[]>> = {};
    const baselines: Partial<Record<'good' | 'bad' | 'total', number>> = {};
    for (const query of queriesOf(definition)) {
      const metricSource = {
        type: query.type,
        sourceRef: query.sourceRef,
        spec: query.spec,
      };
      const source = this.options.sources.get(metricSource);
      if (!source) {
        throw new Error(
          `no SLI source serves metricSource.type '${query.type}'; installed: ${
            this.options.sources.types().join(', ') || 'none'
          }`,
        );
      }
      // One step earlier than needed: a counter's value there is the baseline.
      const fetched = await source.queryRange({
        metricSource,
        range: {
          start: new Date(firstEnd - stepMs),
          end: new Date(lastEnd + stepMs),
        },
        stepSeconds: this.options.stepSeconds,
      });
      const roleSamples = fetched.map(sample => ({
        timestamp: sample.timestamp.getTime(),
        value: sample.value,
      }));
      samples[query.role] = roleSamples;
      if (query.role !== 'metric') {
        baselines[query.role] = counterValueAt(roleSamples, firstEnd - stepMs);
      }
    }
    return stepCountsOf({
      indicator: definition.indicator,
      objective,
      samples,
      baselines,
      stepEnds,
      stepMs,
    });
  }

  /**
   * The entity's SLOs evaluated from stored snapshots. An entity seen for the
   * first time is read (and backfilled, by one replica at a time) now; an
   * entity without `baton.dev/openslo` has none.
   */
  async getSlos(entityRef: string): Promise<SloResponse> {
    let record = await this.options.store.getEntity(entityRef);
    if (!record) {
      const outcome = await this.#firstSight(entityRef);
      if (outcome === 'backfilling') {
        return { items: [], problems: [], backfilling: true };
      }
      if (outcome === 'read') {
        record = await this.options.store.getEntity(entityRef);
      }
      if (!record) return { items: [], problems: [] };
    }

    const problems: SloProblem[] = [...record.problems];
    const annotated = parseMaintenanceWindows(record.maintenance ?? undefined);
    for (const entry of annotated.invalid) {
      problems.push({
        file: entityRef,
        field: `metadata.annotations.${ANNOTATION_MAINTENANCE}`,
        code: 'invalid-value',
        params: { field: ANNOTATION_MAINTENANCE, value: entry },
        message: `${entityRef}: ${ANNOTATION_MAINTENANCE}: '${entry}' is not an ISO 8601 interval such as 2026-11-20T01:00Z/PT2H`,
      });
    }
    const maintenance = normaliseIntervals(
      [...(this.options.maintenance ?? []), ...annotated.intervals],
      this.#stepMs,
    );
    const series = await this.options.store.listSeries(entityRef);
    const items: SloSummary[] = [];
    for (const definition of record.definitions) {
      for (const [index, objective] of definition.objectives.entries()) {
        const found = series.find(
          s => s.sloName === definition.name && s.objectiveIndex === index,
        );
        items.push(
          await this.#evaluate(
            definition,
            index,
            objective,
            found,
            maintenance,
          ),
        );
      }
    }
    return { items, problems };
  }

  async #evaluate(
    definition: SloDefinition,
    index: number,
    objective: SloObjective,
    series: SloSeries | undefined,
    maintenance: SloInterval[],
  ): Promise<SloSummary> {
    const asOf = series?.lastStep ?? null;
    let points: Awaited<ReturnType<SloStore['readPoints']>> = [];
    if (series && asOf !== null) {
      points = await this.options.store.readPoints(
        series.id,
        sloEvaluationTimestamps({
          window: definition.window,
          asOf,
          stepSeconds: this.options.stepSeconds,
          maintenance,
          policy: this.options.policy,
        }),
      );
    }
    const evaluation = evaluateSloObjective({
      window: definition.window,
      objective: objective.target,
      counts: new CumulativeCounts(points, maintenance),
      asOf,
      stepSeconds: this.options.stepSeconds,
      maintenance,
      policy: this.options.policy,
    });
    return {
      id:
        definition.objectives.length > 1
          ? `${definition.name}#${index}`
          : definition.name,
      name: definition.name,
      displayName: definition.displayName,
      objectiveDisplayName: objective.displayName,
      description: definition.description,
      file: definition.file,
      objective: objective.target,
      window: definition.window.duration,
      windowType: definition.window.type,
      budgetingMethod: definition.budgetingMethod,
      ...(objective.timeSliceTarget !== undefined
        ? {
            timeSliceTarget: objective.timeSliceTarget,
            timeSliceWindow: objective.timeSliceWindow,
          }
        : {}),
      ...evaluation,
      queries: queriesOf(definition),
      stepSeconds: this.options.stepSeconds,
      lastEvaluatedAt: series?.lastEvaluatedAt?.toISOString() ?? null,
      lastError: series?.lastError ?? null,
    };
  }
}
