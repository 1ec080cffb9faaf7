import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type {
  SliMetricSource,
  SliSample,
  SliSource,
  TimeRange,
} from '@baton/plugin-sre-node';
import type { PrometheusInstance } from './PrometheusInstance';

/**
 * Points per request. Prometheus refuses more than 11,000 points per series
 * in one query_range; this stays well under it.
 */
const MAX_POINTS_PER_REQUEST = 10_000;

/** Options of {@link PrometheusSliSource}. @public */
export interface PrometheusSliSourceOptions {
  /** The servers to query; the first answers metric sources without a `metricSourceRef`. */
  instances: PrometheusInstance[];
  /** Where Prometheus's query warnings go. */
  logger?: LoggerService;
  /** How long one HTTP request may take; 60 s by default. */
  requestTimeoutMs?: number;
}

/** The JSON envelope of the Prometheus HTTP API. */
interface PrometheusResponse {
  status?: 'success' | 'error';
  data?: {
    resultType?: string;
    result?: Array<{
      metric?: Record<string, string>;
      values?: Array<[number, string]>;
    }>;
  };
  errorType?: string;
  error?: string;
  warnings?: string[];
}

/**
 * Reads SLIs from Prometheus with `query_range`. An SLI query should
 * aggregate to one series with `sum()`; when it returns several, they are
 * added up per timestamp.
 *
 * @public
 */
export class PrometheusSliSource implements SliSource {
  readonly type = 'Prometheus';
  readonly #instances: PrometheusInstance[];
  readonly #logger?: LoggerService;
  readonly #requestTimeoutMs: number;

  constructor(options: PrometheusSliSourceOptions) {
    if (options.instances.length === 0) {
      throw new Error('PrometheusSliSource needs at least one instance');
    }
    this.#instances = options.instances;
    this.#logger = options.logger;
    this.#requestTimeoutMs = options.requestTimeoutMs ?? 60_000;
  }

  /**
   * The query's values at `range.start`, `range.start + step`, … strictly
   * before `range.end`, in time order; NaN and infinite values are left out.
   */
  async queryRange(options: {
    metricSource: SliMetricSource;
    range: TimeRange;
    stepSeconds: number;
  }): Promise<SliSample[]> {
    const { metricSource, range, stepSeconds } = options;
    const instance = this.#instanceFor(metricSource);
    const query = metricSource.spec.query;
    if (typeof query !== 'string' || query.trim() === '') {
      throw new InputError(
        'A Prometheus metricSource needs spec.query, a PromQL expression',
      );
    }
    if (!Number.isFinite(stepSeconds) || stepSeconds <= 0) {
      throw new InputError(`Invalid step of ${stepSeconds} seconds`);
    }

    // Milliseconds, in integers, so that chunk bounds do not drift.
    const stepMs = Math.round(stepSeconds * 1000);
    const startMs = range.start.getTime();
    const endMs = range.end.getTime();
    const points = Math.max(0, Math.ceil((endMs - startMs) / stepMs));
    const sums = new Map<number, number>();
    for (let first = 0; first < points; first += MAX_POINTS_PER_REQUEST) {
      const count = Math.min(MAX_POINTS_PER_REQUEST, points - first);
      const chunkStartMs = startMs + first * stepMs;
      // query_range includes its end.
      const chunkEndMs = chunkStartMs + (count - 1) * stepMs;
      const body = await this.#get(instance, '/api/v1/query_range', {
        query,
        start: String(chunkStartMs / 1000),
        end: String(chunkEndMs / 1000),
        step: String(stepMs / 1000),
      });
      if (body.data?.resultType !== 'matrix') {
        throw new Error(
          `Prometheus instance '${instance.name}' answered a ${body.data?.resultType} instead of a matrix to a range query`,
        );
      }
      for (const series of body.data.result ?? []) {
        for (const [timestamp, text] of series.values ?? []) {
          const value = Number(text);
          const ms = Math.round(timestamp * 1000);
          if (!Number.isFinite(value) || ms < startMs || ms >= endMs) continue;
          sums.set(ms, (sums.get(ms) ?? 0) + value);
        }
      }
    }
    return [...sums]
      .sort(([a], [b]) => a - b)
      .map(([ms, value]) => ({ timestamp: new Date(ms), value }));
  }

  #instanceFor(metricSource: SliMetricSource): PrometheusInstance {
    if (metricSource.sourceRef === undefined) return this.#instances[0];
    const instance = this.#instances.find(
      i => i.name === metricSource.sourceRef,
    );
    if (!instance) {
      throw new InputError(
        `Unknown Prometheus instance '${
          metricSource.sourceRef
        }' in metricSourceRef; configured instances: ${this.#instances
          .map(i => i.name)
          .join(', ')}`,
      );
    }
    return instance;
  }

  async #get(
    instance: PrometheusInstance,
    path: string,
    params: Record<string, string>,
  ): Promise<PrometheusResponse> {
    const url = new URL(`${instance.baseUrl.replace(/\/+$/, '')}${path}`);
    url.search = new URLSearchParams(params).toString();
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (instance.token) {
      headers.Authorization = `Bearer ${instance.token}`;
    } else if (instance.username) {
      headers.Authorization = `Basic ${Buffer.from(
        `${instance.username}:${instance.password ?? ''}`,
      ).toString('base64')}`;
    }

    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        headers,
        signal: AbortSignal.timeout(this.#requestTimeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw new Error(
        this.#redact(
          instance,
          `Prometheus instance '${instance.name}' is unreachable at ${
            url.origin
          }: ${this.#describe(error)}`,
        ),
      );
    }

    let body: PrometheusResponse | undefined;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!response.ok || body?.status !== 'success') {
      const detail = body?.error
        ? `${body.errorType ?? 'error'}: ${body.error}`
        : text.trim().slice(0, 200) || response.statusText;
      throw new Error(
        this.#redact(
          instance,
          `Prometheus instance '${instance.name}' answered HTTP ${response.status}: ${detail}`,
        ),
      );
    }
    for (const warning of body.warnings ?? []) {
      this.#logger?.warn(
        this.#redact(
          instance,
          `Prometheus instance '${instance.name}' warns: ${warning}`,
        ),
      );
    }
    return body;
  }

  #describe(error: unknown): string {
    if (error instanceof Error && error.name === 'TimeoutError') {
      return `no answer within ${this.#requestTimeoutMs / 1000} s`;
    }
    // Node's fetch fails with "fetch failed"; the cause says why.
    const cause = error instanceof Error ? error.cause : undefined;
    if (cause instanceof Error) {
      return (cause as NodeJS.ErrnoException).code ?? cause.message;
    }
    return error instanceof Error ? error.message : String(error);
  }

  /** Keeps secrets out of a message, should a server or proxy echo them. */
  #redact(instance: PrometheusInstance, message: string): string {
    const secrets = [instance.token, instance.password].filter(
      (s): s is string => !!s,
    );
    if (instance.username && instance.password) {
      secrets.push(
        Buffer.from(`${instance.username}:${instance.password}`).toString(
          'base64',
        ),
      );
    }
    return secrets.reduce((m, secret) => m.split(secret).join('***'), message);
  }
}
