import type { CostBatch, CostRow, CostSource } from '@baton/plugin-sre-node';

const DAY = 86_400_000;

/** How many UTC days up to and including today every pull replaces. */
export const DEMO_COST_DAYS = 120;

/** Bump when the demo's numbers change, so that a running portal re-imports them the same day. */
const VERSION = 1;

/** The demo's AWS account (the one in the demo alerts' ARNs). */
const ACCOUNT = '123456789012';

/** A line of a service's bill: one AWS service (or SaaS product) and its daily amount. */
interface Line {
  serviceName: string;
  /** FOCUS ServiceCategory. */
  serviceCategory: string;
  /** Amount of a weekday, in `currency`, before growth and noise. */
  daily: number;
  /** Saturdays and Sundays cost this fraction of a weekday. */
  weekend: number;
  /** Daily growth of traffic-driven lines (0.001 = +0.1% a day). */
  growth?: number;
  /** Amounts are written with this many decimals, as sources differ. */
  decimals: 4 | 5 | 6;
  /** Effective cost as a fraction of billed cost (a Savings Plan); 1 by default. */
  effective?: number;
  /** Multiplies the amount of days `daysAgo` before today (the story). */
  story?: (daysAgo: number) => number;
}

interface DemoService {
  /** The tags of its rows; `{}` is spend no entity claims. */
  tags: Record<string, string>;
  lines: Line[];
}

/** EC2 effective cost as a fraction of billed: the Savings Plan saves 20%. */
const SAVINGS_PLAN = 0.8;

const ec2 = (daily: number, decimals: Line['decimals'] = 6): Line => ({
  serviceName: 'Amazon Elastic Compute Cloud - Compute',
  serviceCategory: 'Compute',
  daily,
  weekend: 0.8,
  growth: 0.001,
  decimals,
  effective: SAVINGS_PLAN,
});
const s3 = (daily: number): Line => ({
  serviceName: 'Amazon Simple Storage Service',
  serviceCategory: 'Storage',
  daily,
  weekend: 1,
  growth: 0.0015,
  decimals: 5,
});
const lambda = (daily: number, weekend = 0.75): Line => ({
  serviceName: 'AWS Lambda',
  serviceCategory: 'Compute',
  daily,
  weekend,
  growth: 0.001,
  decimals: 6,
});
const cloudFront = (daily: number, story?: Line['story']): Line => ({
  serviceName: 'Amazon CloudFront',
  serviceCategory: 'Networking',
  daily,
  weekend: 0.72,
  growth: 0.001,
  decimals: 4,
  story,
});
const sqs = (daily: number): Line => ({
  serviceName: 'Amazon Simple Queue Service',
  serviceCategory: 'Integration',
  daily,
  weekend: 0.7,
  decimals: 6,
});

/** checkout-api's database instance was upsized 20 days ago: +35% on RDS from then on. */
export const DEMO_RDS_STEP = { daysAgo: 20, factor: 1.35 };
/** A product video went viral 6 days ago: CloudFront cost 5× a normal day. */
export const DEMO_CDN_SPIKE = { daysAgo: 6, factor: 5 };
/** payments-adapter's Mackerel plan in yen, charged per day (a flat line: no anomaly at month ends). */
export const DEMO_MACKEREL_JPY_PER_DAY = 1_200;

/**
 * The demo catalog's bill. Entity names are the demo catalog's
 * (`examples/entities.yaml`); catalog-search is tagged as its
 * `baton.dev/cost-tags` annotation asks (`service=search,env=production`).
 */
const SERVICES: DemoService[] = [
  {
    tags: { service: 'storefront', env: 'prod' },
    lines: [
      ec2(118),
      cloudFront(46),
      {
        serviceName: 'Amazon Elastic Load Balancing',
        serviceCategory: 'Networking',
        daily: 17.5,
        weekend: 0.9,
        growth: 0.0005,
        decimals: 5,
      },
      s3(8.4),
    ],
  },
  {
    tags: { service: 'checkout-api', env: 'prod' },
    lines: [
      ec2(84, 5),
      {
        serviceName: 'Amazon Relational Database Service',
        serviceCategory: 'Databases',
        daily: 62,
        weekend: 1,
        decimals: 6,
        story: daysAgo =>
          daysAgo <= DEMO_RDS_STEP.daysAgo ? DEMO_RDS_STEP.factor : 1,
      },
      {
        serviceName: 'Amazon ElastiCache',
        serviceCategory: 'Databases',
        daily: 21.6,
        weekend: 1,
        decimals: 4,
      },
    ],
  },
  {
    tags: { service: 'search', env: 'production' },
    lines: [
      {
        serviceName: 'Amazon OpenSearch Service',
        serviceCategory: 'Analytics',
        daily: 68,
        weekend: 1,
        decimals: 5,
      },
      ec2(29, 4),
      s3(2.9),
    ],
  },
  {
    tags: { service: 'admin-console', env: 'prod' },
    lines: [lambda(1.6, 0.3), s3(0.45)],
  },
  {
    tags: { service: 'media-streaming', env: 'prod' },
    lines: [
      cloudFront(94, daysAgo =>
        daysAgo === DEMO_CDN_SPIKE.daysAgo ? DEMO_CDN_SPIKE.factor : 1,
      ),
      s3(37),
      {
        serviceName: 'AWS Elemental MediaConvert',
        serviceCategory: 'Media',
        daily: 25,
        weekend: 0.5,
        decimals: 4,
      },
    ],
  },
  {
    tags: { service: 'order-batch', env: 'prod' },
    lines: [ec2(23.5), lambda(13.8, 0.6), sqs(3.9)],
  },
  {
    tags: { service: 'payments-adapter', env: 'prod' },
    lines: [
      lambda(6.2),
      {
        serviceName: 'Amazon API Gateway',
        serviceCategory: 'Web',
        daily: 8.9,
        weekend: 0.75,
        growth: 0.001,
        decimals: 5,
      },
      {
        serviceName: 'AWS Key Management Service',
        serviceCategory: 'Security',
        daily: 1.2,
        weekend: 1,
        decimals: 6,
      },
    ],
  },
  {
    tags: { service: 'inventory-sync', env: 'prod' },
    lines: [
      {
        serviceName: 'Amazon DynamoDB',
        serviceCategory: 'Databases',
        daily: 19,
        weekend: 0.85,
        decimals: 5,
      },
      lambda(10.8, 0.9),
      sqs(2.4),
    ],
  },
  {
    // Shared networking nobody tags: the backend shows it as unallocated.
    tags: {},
    lines: [
      {
        serviceName: 'Amazon Virtual Private Cloud',
        serviceCategory: 'Networking',
        daily: 26,
        weekend: 0.85,
        growth: 0.0005,
        decimals: 4,
      },
    ],
  },
];

/** A number in [0, 1) that depends only on the day and the salt. */
function unit(day: number, salt: number): number {
  let h =
    Math.imul(day ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}

/** AWS Business support: 10% of the first $10K of a month's usage, 7% of the next $70K (per day here). */
function businessSupport(usage: number): number {
  const tier = 10_000 / 30;
  return 0.1 * Math.min(usage, tier) + 0.07 * Math.max(0, usage - tier);
}

/**
 * Deterministic daily cost for the demo catalog, as AWS Cost Explorer and a
 * SaaS bill would give it: the last 120 UTC days, every pull the same for
 * the same day. The story: a weekly rhythm (weekends cost less), checkout-api
 * upsized its database 20 days ago (+35% on RDS), media-streaming had one
 * CloudFront spike 6 days ago (5×), payments-adapter pays Mackerel in yen,
 * and support and NAT spend is untagged. Today and yesterday are estimated,
 * as AWS marks unfinished days; EC2 is 20% cheaper effective than billed
 * (a Savings Plan).
 */
export class DemoCostSource implements CostSource {
  readonly id = 'demo';

  /** The demo is free to ask: every pull replaces all its days, whatever `finalDays` says. */
  async *pull({
    now,
  }: {
    finalDays: ReadonlySet<string>;
    now: Date;
  }): AsyncIterable<CostBatch> {
    const today = Math.floor(now.getTime() / DAY);
    const first = today - (DEMO_COST_DAYS - 1);
    yield {
      period: {
        start: new Date(first * DAY),
        end: new Date((today + 1) * DAY),
      },
      origin: 'demo',
      // The rows depend on the day only: the same day's pulls are skipped.
      fingerprint: `v${VERSION}:${new Date(today * DAY)
        .toISOString()
        .slice(0, 10)}`,
      rows: rowsOf(first, today),
    };
  }
}

async function* rowsOf(first: number, today: number): AsyncIterable<CostRow> {
  for (let day = first; day <= today; day++) {
    yield* dayRows(day, today);
  }
}

/** Every row of one day (`day` and `today` are days since the epoch). */
function dayRows(day: number, today: number): CostRow[] {
  const daysAgo = today - day;
  const start = new Date(day * DAY);
  const weekday = start.getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  const period = {
    chargePeriodStart: start,
    chargePeriodEnd: new Date((day + 1) * DAY),
    chargeCategory: 'Usage',
    ...(daysAgo <= 1 ? { estimated: true } : {}),
  };
  const rows: CostRow[] = [];
  let usage = 0;
  SERVICES.forEach((service, s) => {
    service.lines.forEach((line, l) => {
      const salt = s * 16 + l;
      const amount =
        line.daily *
        (weekend ? line.weekend : 1) *
        (1 + (line.growth ?? 0)) ** -daysAgo *
        (line.story?.(daysAgo) ?? 1) *
        // ±3%
        (0.97 + 0.06 * unit(day, salt));
      usage += amount;
      rows.push({
        ...period,
        serviceName: line.serviceName,
        serviceCategory: line.serviceCategory,
        subAccountId: ACCOUNT,
        billingCurrency: 'USD',
        billedCost: amount.toFixed(line.decimals),
        effectiveCost: (amount * (line.effective ?? 1)).toFixed(line.decimals),
        tags: { ...service.tags },
      });
    });
  });
  const support = businessSupport(usage).toFixed(6);
  rows.push({
    ...period,
    serviceName: 'AWS Support (Business)',
    serviceCategory: 'Other',
    subAccountId: ACCOUNT,
    billingCurrency: 'USD',
    billedCost: support,
    effectiveCost: support,
    tags: {},
  });
  const mackerel = DEMO_MACKEREL_JPY_PER_DAY.toFixed(4);
  rows.push({
    ...period,
    serviceName: 'Mackerel',
    serviceCategory: 'Management and Governance',
    billingCurrency: 'JPY',
    billedCost: mackerel,
    effectiveCost: mackerel,
    tags: { service: 'payments-adapter', env: 'prod' },
  });
  return rows;
}
