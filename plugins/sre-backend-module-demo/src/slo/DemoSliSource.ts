import type {
  SliMetricSource,
  SliSample,
  SliSource,
  TimeRange,
} from '@baton/plugin-sre-node';
import { SloWindow, windowAt } from '@baton/plugin-sre-common';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;

/** A period of elevated errors, in minutes before the demo's "now" (or a function of it). */
interface Incident {
  minutesAgo: number | ((now: number) => number);
  /** Unset for an incident that goes on while the demo runs. */
  minutes?: number;
  /** Share of bad events while it lasts. */
  badShare: number;
}

/** The traffic of one demo SLI: events per minute with a daily rhythm. */
interface DemoStream {
  perMinute: number;
  /** Share of bad events outside incidents. */
  badShare: number;
  incidents: Incident[];
}

/** payments-adapter's SLO window (examples/openslo/payments-adapter.yaml): a calendar month in Tokyo. */
const PAYMENTS_MONTH: SloWindow = {
  type: 'calendar',
  duration: '1M',
  unit: 'months',
  count: 1,
  startTime: '2026-01-01 00:00:00',
  timeZone: 'Asia/Tokyo',
};

/** How long the payment provider's outage lasted. @internal */
export const PAYMENTS_OUTAGE_MINUTES = 120;

/**
 * When the payment provider's outage began, in minutes before `now`: three
 * days ago, or early this month when three days ago was last month, so that
 * it spends this month's budget whatever the day the demo starts on (but for
 * a month's first hours, when it cannot have ended yet). The demo's outage
 * alert (DemoAlertPoller) fires at the same time.
 * @internal
 */
export function paymentsOutageMinutesAgo(now: number): number {
  const monthStart = windowAt(PAYMENTS_MONTH, now).start;
  const minutesIntoMonth = Math.floor((now - monthStart) / MINUTE);
  return Math.max(
    Math.min(3 * 1440 + 400, minutesIntoMonth - 60),
    PAYMENTS_OUTAGE_MINUTES + 15,
  );
}

/**
 * The story of the demo SLOs, told as the demo's alerts (DemoAlertPoller)
 * tell it: checkout is in the middle of an incident that began an hour
 * before its error-budget burn alert fired and goes on while that alert
 * fires (the card pages), after a 5xx spike six days ago; checkout latency
 * had a slow afternoon twelve days ago; the storefront is calm but for two
 * short spells; and the payment provider's outage three days ago spent this
 * month's budget of payments-adapter.
 */
const STREAMS: Record<string, DemoStream> = {
  'checkout-requests': {
    perMinute: 600,
    badShare: 0.0003,
    incidents: [
      { minutesAgo: 6 * 1440 + 200, minutes: 45, badShare: 0.05 },
      // 18× the 99.9% objective's error rate: the 1h/5m page rule (×13.44
      // over 28 days) fires once most of an hour of it is in the 1h window.
      { minutesAgo: 140, badShare: 0.018 },
    ],
  },
  'checkout-latency': {
    perMinute: 600,
    badShare: 0.004,
    incidents: [{ minutesAgo: 12 * 1440 + 500, minutes: 180, badShare: 0.08 }],
  },
  'storefront-pages': {
    perMinute: 2400,
    badShare: 0.0008,
    incidents: [
      // The error-rate alert ten days ago, and the CDN's 5xx four days ago.
      { minutesAgo: 10 * 1440 - 120, minutes: 20, badShare: 0.015 },
      { minutesAgo: 4 * 1440 - 600, minutes: 35, badShare: 0.04 },
    ],
  },
  'payments-authorisations': {
    perMinute: 40,
    badShare: 0.0001,
    incidents: [
      {
        minutesAgo: paymentsOutageMinutesAgo,
        minutes: PAYMENTS_OUTAGE_MINUTES,
        badShare: 0.3,
      },
    ],
  },
};

/** The demo catalog's queries (examples/openslo): stream and what they count. */
const QUERIES: Record<
  string,
  { stream: string; count: 'good' | 'bad' | 'total'; counter: boolean }
> = {
  'sum(http_requests_total{service="checkout",code!~"5.."})': {
    stream: 'checkout-requests',
    count: 'good',
    counter: true,
  },
  'sum(http_requests_total{service="checkout"})': {
    stream: 'checkout-requests',
    count: 'total',
    counter: true,
  },
  'sum(http_request_duration_seconds_bucket{service="checkout",le="0.3"})': {
    stream: 'checkout-latency',
    count: 'good',
    counter: true,
  },
  'sum(http_request_duration_seconds_count{service="checkout"})': {
    stream: 'checkout-latency',
    count: 'total',
    counter: true,
  },
  'sum(http_requests_total{service="storefront",code!~"5.."})': {
    stream: 'storefront-pages',
    count: 'good',
    counter: true,
  },
  'sum(http_requests_total{service="storefront"})': {
    stream: 'storefront-pages',
    count: 'total',
    counter: true,
  },
  'payments/custom.payments.authorise.failed': {
    stream: 'payments-authorisations',
    count: 'bad',
    counter: false,
  },
  'payments/custom.payments.authorise.total': {
    stream: 'payments-authorisations',
    count: 'total',
    counter: false,
  },
};

/** How many days of history the demo can produce. */
const HISTORY_DAYS = 100;

/** A number in [0, 1) that depends only on its inputs. */
function noise(minute: number, salt: number): number {
  const x = Math.sin(minute * 12.9898 + salt * 78.233) * 43758.5453;
  return x - Math.floor(x);
}

function queryKey(metricSource: SliMetricSource): string | undefined {
  const spec = metricSource.spec;
  if (metricSource.type === 'Prometheus' && typeof spec.query === 'string') {
    return spec.query;
  }
  if (metricSource.type === 'Mackerel') {
    return `${spec.service}/${spec.metric}`;
  }
  return undefined;
}

/**
 * Deterministic SLI series for the demo catalog, answering its Prometheus
 * and Mackerel queries as those systems would: Prometheus queries as
 * counters at each step, Mackerel metrics as one value per minute. Times are
 * relative to when the source was made, so a fresh `npm start` always shows
 * the same story.
 */
export class DemoSliSource implements SliSource {
  readonly #origin: number;
  /** Each stream's incidents as minute numbers since the epoch, end exclusive. */
  readonly #incidents: Record<
    string,
    Array<{ start: number; end: number; badShare: number }>
  >;

  constructor(
    readonly type: 'Prometheus' | 'Mackerel',
    private readonly now: number = Date.now(),
  ) {
    const nowMinute = Math.floor(now / MINUTE);
    this.#origin = nowMinute - HISTORY_DAYS * 1440;
    this.#incidents = Object.fromEntries(
      Object.entries(STREAMS).map(([name, stream]) => [
        name,
        stream.incidents.map(incident => {
          const start =
            nowMinute -
            (typeof incident.minutesAgo === 'number'
              ? incident.minutesAgo
              : incident.minutesAgo(now));
          const end =
            incident.minutes === undefined
              ? Infinity
              : start + incident.minutes;
          return { start, end, badShare: incident.badShare };
        }),
      ]),
    );
  }

  handles(metricSource: SliMetricSource): boolean {
    const key = queryKey(metricSource);
    return key !== undefined && key in QUERIES;
  }

  /** Events of one minute (by minute number since the epoch). */
  #minute(name: string, minute: number) {
    const stream = STREAMS[name];
    const hourOfDay = (((minute % 1440) + 1440) % 1440) / 60;
    // Busiest in the Japanese evening (about 11:00 UTC), quietest before dawn.
    const daily = 1 + 0.6 * Math.sin(((hourOfDay - 5) / 24) * 2 * Math.PI);
    const total = Math.round(
      stream.perMinute * daily * (0.9 + 0.2 * noise(minute, 1)),
    );
    let share = stream.badShare * (0.5 + noise(minute, 2));
    for (const incident of this.#incidents[name]) {
      if (minute >= incident.start && minute < incident.end) {
        share = incident.badShare * (0.8 + 0.4 * noise(minute, 3));
      }
    }
    const bad = Math.min(
      total,
      Math.round(total * share + noise(minute, 4) - 0.5),
    );
    return { total, bad: Math.max(0, bad) };
  }

  async queryRange(options: {
    metricSource: SliMetricSource;
    range: TimeRange;
    stepSeconds: number;
  }): Promise<SliSample[]> {
    const query = QUERIES[queryKey(options.metricSource) ?? ''];
    if (!query) {
      throw new Error('the demo source has no series for this query');
    }
    const value = (minute: number) => {
      const events = this.#minute(query.stream, minute);
      if (query.count === 'total') return events.total;
      return query.count === 'bad' ? events.bad : events.total - events.bad;
    };
    const start = options.range.start.getTime();
    const end = Math.min(options.range.end.getTime(), this.#nowMs());
    const samples: SliSample[] = [];
    if (!query.counter) {
      // Mackerel: a value per minute, stamped at the minute's end.
      const first = Math.max(Math.ceil(start / MINUTE), this.#origin + 1);
      for (let minute = first; minute * MINUTE < end; minute++) {
        samples.push({
          timestamp: new Date(minute * MINUTE),
          value: value(minute - 1),
        });
      }
      return samples;
    }
    // Prometheus: the counter (events since the demo's origin) at each step.
    const stepMs = options.stepSeconds * 1000;
    let minute = this.#origin;
    let counter = 0;
    for (let t = Math.ceil(start / stepMs) * stepMs; t < end; t += stepMs) {
      const upTo = Math.floor(t / MINUTE);
      if (upTo < this.#origin) continue;
      while (minute < upTo) counter += value(minute++);
      samples.push({ timestamp: new Date(t), value: counter });
    }
    return samples;
  }

  #nowMs(): number {
    return Math.max(this.now, Date.now());
  }
}

/** The demo's days of history, for tests. */
export const DEMO_SLI_HISTORY_MS = HISTORY_DAYS * DAY;
