import {
  CostExplorerClient,
  GetCostAndUsageCommand,
  type GetCostAndUsageCommandInput,
  type GetCostAndUsageCommandOutput,
  type MetricValue,
  type ResultByTime,
} from '@aws-sdk/client-cost-explorer';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { CostBatch, CostRow, CostSource } from '@baton/plugin-sre-node';
import {
  DEFAULT_LOOKBACK_DAYS,
  DEFAULT_SOURCE_ID,
  DEFAULT_TAG_KEY,
  readAwsCostConfig,
} from './AwsCostConfig';

const DAY_MS = 24 * 60 * 60 * 1000;
/** billedCost and effectiveCost, in this order. */
const METRICS = ['UnblendedCost', 'AmortizedCost'] as const;

/** Options of {@link AwsCostExplorerSource}. @public */
export interface AwsCostExplorerSourceOptions {
  /** The client that sends GetCostAndUsage; its region and credentials are the caller's. */
  client: CostExplorerClient;
  /** The cost allocation tag whose value names a service; `service` unless set. */
  tagKey?: string;
  /** Days before today that are kept up to date (today included); 90 unless set. */
  lookbackDays?: number;
  /** The source's id; `aws-cost` unless set. */
  id?: string;
  logger?: LoggerService;
}

/** [start, end) of UTC days, as Cost Explorer's `TimePeriod` writes them. */
interface DayRange {
  start: string;
  end: string;
}

function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/**
 * The days in [today - lookbackDays, today] that are not final, joined into
 * contiguous ranges: each range is one request series, and requests cost money.
 */
function rangesToFetch(
  now: Date,
  lookbackDays: number,
  finalDays: ReadonlySet<string>,
): DayRange[] {
  const today = Date.UTC(
    now.getUTCFullYear(),
    now.getUTCMonth(),
    now.getUTCDate(),
  );
  const ranges: DayRange[] = [];
  let open: { start: number; last: number } | undefined;
  for (let day = today - lookbackDays * DAY_MS; day <= today; day += DAY_MS) {
    if (finalDays.has(utcDay(day))) {
      if (open) {
        ranges.push({
          start: utcDay(open.start),
          end: utcDay(open.last + DAY_MS),
        });
        open = undefined;
      }
    } else if (open) {
      open.last = day;
    } else {
      open = { start: day, last: day };
    }
  }
  if (open) {
    ranges.push({ start: utcDay(open.start), end: utcDay(open.last + DAY_MS) });
  }
  return ranges;
}

/** The row's money from a `Metrics` or `Total` map; `where` names it in errors. */
function costsOf(
  metrics: Record<string, MetricValue> | undefined,
  where: string,
): Pick<CostRow, 'billedCost' | 'effectiveCost' | 'billingCurrency'> {
  const [billed, effective] = METRICS.map(name => {
    const metric = metrics?.[name];
    if (metric?.Amount === undefined || metric.Unit === undefined) {
      throw new Error(
        `GetCostAndUsage answered ${where} without ${name} Amount and Unit`,
      );
    }
    return { amount: metric.Amount, unit: metric.Unit };
  });
  if (billed.unit !== effective.unit) {
    throw new Error(
      `GetCostAndUsage answered ${where} in two currencies: UnblendedCost in ${billed.unit}, AmortizedCost in ${effective.unit}`,
    );
  }
  return {
    billedCost: billed.amount,
    effectiveCost: effective.amount,
    billingCurrency: billed.unit,
  };
}

/** The rows of one day of a GetCostAndUsage answer grouped by [TAG, SERVICE]. */
function rowsOf(result: ResultByTime, tagKey: string): CostRow[] {
  const { Start, End } = result.TimePeriod ?? {};
  if (!Start || !End) {
    throw new Error('GetCostAndUsage answered a result without a TimePeriod');
  }
  const period = {
    chargePeriodStart: dayStart(Start),
    chargePeriodEnd: dayStart(End),
    // Only an explicit `Estimated: false` makes a day final: a day frozen too
    // early would never be fetched again.
    estimated: result.Estimated !== false,
  };
  const where = `${Start}..${End}`;
  const groups = result.Groups ?? [];
  if (groups.length === 0) {
    // Grouped answers leave `Total` empty; money there is spend no group carried.
    const total = result.Total ?? {};
    if (METRICS.every(name => Number(total[name]?.Amount ?? '0') === 0)) {
      return [];
    }
    return [
      { ...period, ...costsOf(total, `the Total of ${where}`), tags: {} },
    ];
  }
  const prefix = `${tagKey}$`;
  return groups.map(group => {
    // Keys come in the order of the request's GroupBy: the tag, then SERVICE.
    const [tagGroup, serviceName] = group.Keys ?? [];
    if (tagGroup === undefined || !tagGroup.startsWith(prefix)) {
      throw new Error(
        `GetCostAndUsage answered a group of ${where} keyed '${tagGroup}', not '${prefix}<value>'`,
      );
    }
    const tagValue = tagGroup.slice(prefix.length);
    return {
      ...period,
      ...costsOf(group.Metrics, `the group '${tagGroup}' of ${where}`),
      // `service$` is spend without the tag: kept, and shown as unallocated.
      tags: tagValue === '' ? {} : { [tagKey]: tagValue },
      ...(serviceName ? { serviceName } : {}),
    };
  });
}

/** An SDK failure as an error that names the request and AWS's error, and carries nothing else. */
function requestFailed(error: unknown, range: DayRange): Error {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  const requestId = (error as { $metadata?: { requestId?: string } })?.$metadata
    ?.requestId;
  const failure = new Error(
    `AWS Cost Explorer GetCostAndUsage ${range.start}..${
      range.end
    } failed: ${name}: ${message}${
      requestId ? ` (request id ${requestId})` : ''
    }`,
  );
  failure.name = name;
  return failure;
}

async function* iterate<T>(items: T[]): AsyncIterable<T> {
  yield* items;
}

/**
 * Daily AWS cost from Cost Explorer's GetCostAndUsage, grouped by a cost
 * allocation tag and by service. Every request costs USD 0.01, so a pull asks
 * only for the days in its lookback that are not final yet.
 *
 * @public
 */
export class AwsCostExplorerSource implements CostSource {
  /** A source from `sre.awsCost`; without `credentials` the SDK's default chain signs the requests. */
  static fromConfig(
    config: Config,
    options: { logger?: LoggerService } = {},
  ): AwsCostExplorerSource {
    const awsCost = readAwsCostConfig(config);
    if (!awsCost) {
      throw new Error('sre.awsCost is not configured');
    }
    const client = new CostExplorerClient({
      region: awsCost.region,
      ...(awsCost.credentials && { credentials: awsCost.credentials }),
    });
    return new AwsCostExplorerSource({
      client,
      tagKey: awsCost.tagKey,
      lookbackDays: awsCost.lookbackDays,
      id: awsCost.sourceId,
      logger: options.logger,
    });
  }

  readonly id: string;
  readonly #client: CostExplorerClient;
  readonly #tagKey: string;
  readonly #lookbackDays: number;
  readonly #logger?: LoggerService;

  constructor(options: AwsCostExplorerSourceOptions) {
    this.id = options.id ?? DEFAULT_SOURCE_ID;
    this.#client = options.client;
    this.#tagKey = options.tagKey ?? DEFAULT_TAG_KEY;
    this.#lookbackDays = options.lookbackDays ?? DEFAULT_LOOKBACK_DAYS;
    this.#logger = options.logger;
  }

  /**
   * One batch per contiguous range of days that are not final, each holding
   * every page of its answer. A range is fetched in full before its batch is
   * handed over, so a failing request throws from this iterator and never
   * leaves a half-read range to be stored.
   */
  async *pull(context: {
    finalDays: ReadonlySet<string>;
    now: Date;
  }): AsyncIterable<CostBatch> {
    const ranges = rangesToFetch(
      context.now,
      this.#lookbackDays,
      context.finalDays,
    );
    this.#logger?.info(
      `AWS Cost Explorer source '${this.id}': ${
        ranges.length === 0
          ? 'every day of the lookback is final, nothing to request'
          : `requesting ${ranges.map(r => `${r.start}..${r.end}`).join(', ')}`
      }`,
    );
    for (const range of ranges) {
      const rows = await this.#fetch(range);
      yield {
        period: { start: dayStart(range.start), end: dayStart(range.end) },
        origin: `GetCostAndUsage ${range.start}..${range.end}`,
        rows: iterate(rows),
      };
    }
  }

  async #fetch(range: DayRange): Promise<CostRow[]> {
    const input: GetCostAndUsageCommandInput = {
      TimePeriod: { Start: range.start, End: range.end },
      Granularity: 'DAILY',
      Metrics: [...METRICS],
      GroupBy: [
        { Type: 'TAG', Key: this.#tagKey },
        { Type: 'DIMENSION', Key: 'SERVICE' },
      ],
    };
    const rows: CostRow[] = [];
    const tokens = new Set<string>();
    let nextPageToken: string | undefined;
    do {
      let response: GetCostAndUsageCommandOutput;
      try {
        response = await this.#client.send(
          new GetCostAndUsageCommand(
            nextPageToken ? { ...input, NextPageToken: nextPageToken } : input,
          ),
        );
      } catch (error) {
        throw requestFailed(error, range);
      }
      for (const result of response.ResultsByTime ?? []) {
        rows.push(...rowsOf(result, this.#tagKey));
      }
      nextPageToken = response.NextPageToken || undefined;
      if (nextPageToken !== undefined) {
        // A token seen before would loop forever, one paid request at a time.
        if (tokens.has(nextPageToken)) {
          throw new Error(
            `AWS Cost Explorer GetCostAndUsage ${range.start}..${range.end} returned a NextPageToken it had already returned; stopped paging`,
          );
        }
        tokens.add(nextPageToken);
      }
    } while (nextPageToken !== undefined);
    return rows;
  }
}
