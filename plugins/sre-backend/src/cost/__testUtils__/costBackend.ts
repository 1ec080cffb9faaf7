import type { Entity } from '@backstage/catalog-model';
import { type CostRow, type CostSource } from '@baton/plugin-sre-node';
import type { Server } from 'http';
import type { Knex } from 'knex';
import { startSreTestBackend } from '../../__testUtils__/sreTestBackend';

export const DAY = 86_400_000;

/** YYYY-MM-DD of a time, UTC. */
export const dayOf = (time: number) =>
  new Date(time).toISOString().slice(0, 10);

/** 00:00 UTC today. */
export const todayStart = () => Math.floor(Date.now() / DAY) * DAY;

/** One row of a day's spend, `cents` in `currency`'s hundredths (yen included, for simplicity). */
export function dayRow(options: {
  daysAgo: number;
  cents: number;
  service?: string;
  currency?: string;
}): CostRow {
  const start = todayStart() - options.daysAgo * DAY;
  const amount = (options.cents / 100).toFixed(2);
  return {
    chargePeriodStart: new Date(start),
    chargePeriodEnd: new Date(start + DAY),
    billedCost: amount,
    effectiveCost: amount,
    billingCurrency: options.currency ?? 'USD',
    serviceName: 'Amazon EC2',
    tags: options.service ? { service: options.service } : {},
  };
}

/** A cost source that hands over the rows it was made with, as one batch. */
class ListCostSource implements CostSource {
  readonly id = 'test-billing';
  constructor(private readonly rows: () => CostRow[]) {}
  async *pull() {
    const rows = this.rows();
    yield {
      origin: 'test',
      rows: (async function* list() {
        yield* rows;
      })(),
    };
  }
}

/**
 * The sre backend with a catalog and a cost source holding `rows`, the
 * source pulled once. Resolves to the server.
 */
export async function startCostBackend(options: {
  knex: Knex;
  entities: Entity[];
  rows: () => CostRow[];
  config?: object;
}): Promise<Server> {
  const { server, scheduler } = await startSreTestBackend({
    knex: options.knex,
    config: options.config ?? {},
    entities: options.entities,
    sources: {
      costSources: [new ListCostSource(options.rows)],
    },
  });
  await scheduler.triggerTask('sre-cost-pull');
  return server;
}
