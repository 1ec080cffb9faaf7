import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type {
  SliMetricSource,
  SliSample,
  SliSource,
  TimeRange,
} from '@baton/plugin-sre-node';
import { MackerelApiClient } from './MackerelApiClient';
import type { MackerelInstance } from './MackerelConfig';

/**
 * The longest period asked for in one request.
 *
 * Mackerel's support article on downloading metrics (support.mackerel.io,
 * "メトリックや監視ルールをダウンロードすることは出来ますか") says: "APIおよびmkrで
 * メトリックを取得する際、指定した期間に応じてメトリックの粒度が変化し、取得できる値も
 * その粒度での平均値になります" — when metrics are read through the API, their
 * granularity changes with the requested period, and each value is the
 * average at that granularity. The API reference pages (host-metrics,
 * service-metrics) state no threshold, and the part of the article that names
 * one could not be read. Averages would break per-interval counts (a 5-minute
 * point holds the mean of five 1-minute counts, not their sum), so each
 * request stays at 6 hours (360 one-minute points): a span chosen on the safe
 * side of any threshold we could expect, not one the docs state. Keep the
 * chunks short if you change this; fewer requests are not worth averaged data.
 */
const DEFAULT_CHUNK_SECONDS = 6 * 60 * 60;
/** Requests in flight at once for one query; few, to stay clear of rate limits. */
const CONCURRENCY = 4;

/** Options of {@link MackerelSliSource}. @public */
export interface MackerelSliSourceOptions {
  /** The organizations to ask; the first serves metric sources without a `metricSourceRef`. */
  instances: MackerelInstance[];
  logger?: LoggerService;
  /** The longest period asked for in one request, in seconds; 6 hours unless set. */
  chunkSeconds?: number;
  /** How long one request may take; 30 seconds unless set. */
  requestTimeoutMs?: number;
}

/** What a Mackerel `metricSource.spec` asks for. */
type MackerelQuery =
  | { kind: 'service'; service: string; metric: string }
  | { kind: 'host'; host: string; metric: string };

interface MackerelPoint {
  time: number;
  value: number;
}

const SPEC_FIELDS = new Set(['service', 'host', 'metric']);

/**
 * Reads SLIs from Mackerel service and host metrics through its REST API
 * (`GET /api/v0/services/<service>/metrics`, `GET /api/v0/hosts/<host>/metrics`).
 * Mackerel has no official JavaScript client, so this uses `fetch`.
 *
 * @public
 */
export class MackerelSliSource implements SliSource {
  readonly type = 'Mackerel';
  readonly #clients: MackerelApiClient[];
  readonly #logger?: LoggerService;
  readonly #chunkSeconds: number;

  constructor(options: MackerelSliSourceOptions) {
    if (options.instances.length === 0) {
      throw new Error('MackerelSliSource needs at least one instance');
    }
    this.#clients = options.instances.map(
      instance =>
        new MackerelApiClient(instance, {
          timeoutMs: options.requestTimeoutMs,
        }),
    );
    this.#logger = options.logger;
    this.#chunkSeconds = options.chunkSeconds ?? DEFAULT_CHUNK_SECONDS;
    if (!(this.#chunkSeconds >= 60)) {
      throw new Error('MackerelSliSource chunkSeconds must be at least 60');
    }
  }

  async queryRange(options: {
    metricSource: SliMetricSource;
    range: TimeRange;
    stepSeconds: number;
  }): Promise<SliSample[]> {
    const { metricSource, range } = options;
    const query = parseSpec(metricSource.spec);
    const client = this.#client(metricSource.sourceRef);

    const startMs = range.start.getTime();
    const endMs = range.end.getTime();
    const from = Math.floor(startMs / 1000);
    const to = Math.ceil(endMs / 1000);
    const chunks: Array<[number, number]> = [];
    for (
      let chunkFrom = from;
      chunkFrom < to;
      chunkFrom += this.#chunkSeconds
    ) {
      chunks.push([chunkFrom, Math.min(chunkFrom + this.#chunkSeconds, to)]);
    }
    this.#logger?.debug(
      `Mackerel '${client.instance.name}': ${describe(
        query,
      )} from ${from} to ${to} in ${chunks.length} request(s)`,
    );

    // Keyed by time: chunks meet at their edges, and Mackerel does not say
    // whether `to` is inclusive.
    const byTime = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < chunks.length) {
        const [chunkFrom, chunkTo] = chunks[next++];
        try {
          const points = await this.#fetch(client, query, chunkFrom, chunkTo);
          for (const point of points) byTime.set(point.time, point.value);
        } catch (error) {
          next = chunks.length; // one failure fails the query: ask no more
          throw error;
        }
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, chunks.length) }, worker),
    );

    return [...byTime]
      .map(([time, value]) => ({ timestamp: new Date(time * 1000), value }))
      .filter(s => {
        const t = s.timestamp.getTime();
        return t >= startMs && t < endMs;
      })
      .sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
  }

  #client(sourceRef: string | undefined): MackerelApiClient {
    if (sourceRef === undefined) return this.#clients[0];
    const client = this.#clients.find(c => c.instance.name === sourceRef);
    if (!client) {
      throw new InputError(
        `No Mackerel instance named '${sourceRef}' (metricSourceRef); configured in sre.mackerel.instances: ${this.#clients
          .map(c => `'${c.instance.name}'`)
          .join(', ')}`,
      );
    }
    return client;
  }

  async #fetch(
    client: MackerelApiClient,
    query: MackerelQuery,
    from: number,
    to: number,
  ): Promise<MackerelPoint[]> {
    const path =
      query.kind === 'service'
        ? `/api/v0/services/${encodeURIComponent(query.service)}/metrics`
        : `/api/v0/hosts/${encodeURIComponent(query.host)}/metrics`;
    const what = describe(query);
    const body = await client.get(path, {
      what,
      query: { name: query.metric, from: String(from), to: String(to) },
    });
    const metrics = (body as { metrics?: unknown } | null)?.metrics;
    if (!Array.isArray(metrics)) {
      throw client.error(what, 'the answer has no metrics list');
    }
    return metrics.filter(
      (p): p is MackerelPoint =>
        typeof p === 'object' &&
        p !== null &&
        Number.isFinite(p.time) &&
        Number.isFinite(p.value),
    );
  }
}

/** Validates an OpenSLO `metricSource.spec` for Mackerel. */
function parseSpec(spec: Record<string, unknown>): MackerelQuery {
  for (const key of Object.keys(spec)) {
    if (!SPEC_FIELDS.has(key)) {
      throw new InputError(
        `spec.${key} is not a Mackerel metricSource field: use service or host, and metric`,
      );
    }
  }
  const text = (field: string): string | undefined => {
    const value = spec[field];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      throw new InputError(`spec.${field} must be a non-empty string`);
    }
    return value;
  };
  const service = text('service');
  const host = text('host');
  const metric = text('metric');
  if (service !== undefined && host !== undefined) {
    throw new InputError(
      'spec.service and spec.host are both set: a Mackerel metric belongs to a service or to a host, not both',
    );
  }
  if (service === undefined && host === undefined) {
    throw new InputError(
      'spec.service or spec.host is required: the service name of a service metric, or the host id of a host metric',
    );
  }
  if (metric === undefined) {
    throw new InputError('spec.metric is required: the Mackerel metric name');
  }
  if (service !== undefined) return { kind: 'service', service, metric };
  return { kind: 'host', host: host as string, metric };
}

function describe(query: MackerelQuery): string {
  return query.kind === 'service'
    ? `service metric '${query.metric}' of service '${query.service}'`
    : `host metric '${query.metric}' of host '${query.host}'`;
}
