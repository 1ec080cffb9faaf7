import { TestDatabases } from '@backstage/backend-test-utils';
import { parseDecimal } from '@baton/plugin-sre-common';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseCostStore } from './CostStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

// Amounts as the store writes them (12 places at most): floats would not
// add these exactly, and some sums pass the 2^53 scaled units a number holds.
const AMOUNTS = [
  '0.1',
  '0.2',
  '0.000000000001',
  '9007.199254740993',
  '123456789012.123456789012',
  '-0.3',
  '4503.599627370496',
];

describe.each(databases.eachSupportedId())('CostStore.allDays on %s', id => {
  it('adds up to each tag set’s exact spend of one currency in the range', async () => {
    const knex = await databases.init(id);
    await applyDatabaseMigrations(knex);
    const store = DatabaseCostStore.create(knex);
    await knex('sre_cost_tag_sets').insert([
      { hash: 'a', tags: '{"service":"a"}', entity_ref: null },
      { hash: 'b', tags: '{"service":"b"}', entity_ref: null },
    ]);
    const ids = new Map<string, number>(
      (await knex('sre_cost_tag_sets').select('id', 'hash')).map(r => [
        r.hash,
        Number(r.id),
      ]),
    );
    const rows = [];
    const expected = new Map<number, { billed: bigint; effective: bigint }>();
    for (const [set, offset] of [
      ['a', 0],
      ['b', 3],
    ] as const) {
      const tagSetId = ids.get(set)!;
      const sum = { billed: 0n, effective: 0n };
      for (let day = 1; day <= 5; day++) {
        for (const serviceName of ['Compute', 'Storage']) {
          const effective = AMOUNTS[(day + offset) % AMOUNTS.length];
          const billed = AMOUNTS[(day * 2 + offset) % AMOUNTS.length];
          const inRange = day >= 2 && day < 5;
          for (const currency of ['USD', 'EUR']) {
            rows.push({
              source: 'test',
              day: `2025-01-0${day}`,
              tag_set_id: tagSetId,
              service_name: serviceName,
              currency,
              billed,
              effective,
              estimated: false,
            });
            if (inRange && currency === 'USD') {
              sum.billed += parseDecimal(billed)!;
              sum.effective += parseDecimal(effective)!;
            }
          }
        }
      }
      expected.set(tagSetId, sum);
    }
    await knex('sre_cost_daily').insert(rows);

    const found = await store.allDays('2025-01-02', '2025-01-05', 'USD');
    const totals = new Map<number, { billed: bigint; effective: bigint }>();
    for (const row of found) {
      const total = totals.get(Number(row.tag_set_id)) ?? {
        billed: 0n,
        effective: 0n,
      };
      total.billed += parseDecimal(row.billed)!;
      total.effective += parseDecimal(row.effective)!;
      totals.set(Number(row.tag_set_id), total);
    }
    expect(totals).toEqual(expected);
    // PostgreSQL sums in the database; SQLite hands over the 3 days × 2 services of each set.
    expect(found).toHaveLength(id === 'SQLITE_3' ? 12 : 2);
  });
});
