import { TestDatabases } from '@backstage/backend-test-utils';
import fs from 'fs';
import { SelectorEntityMap } from '../catalog/SelectorEntityMapper';
import { migrationsDir } from '../database/migrations';
import { CostAllocation, tagSetHash, tagSetKey } from './CostAllocation';
import { DatabaseCostStore } from './CostStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const TAG_SET_MIGRATION = '20261206_cost_tag_sets.js';
const migrationFiles = fs
  .readdirSync(migrationsDir)
  .filter(file => file.endsWith('.js'))
  .sort();

const row = (entityRef: string, serviceName: string, effective: string) => ({
  source: 'aws',
  day: '2026-11-20',
  entity_ref: entityRef,
  service_name: serviceName,
  currency: 'USD',
  billed: effective,
  effective,
  estimated: false,
});

// Rows as the store wrote them when it allocated at import time.
const ALLOCATED_AT_IMPORT = [
  row('component:default/checkout-api', 'Amazon EC2', '12.345678901234'),
  row('component:default/checkout-api', 'AWS Lambda', '0.5'),
  row('resource:default/payments-db', 'Amazon RDS', '99.99'),
  row('', 'Amazon EC2', '-1.25'),
];

describe('tagSetKey', () => {
  it('is one string for equal tag sets, keys sorted, integer-like keys too', () => {
    expect(tagSetKey({ b: '1', a: '2', 10: 'x', 9: 'y' })).toBe(
      '{"10":"x","9":"y","a":"2","b":"1"}',
    );
    expect(tagSetKey({ a: '2', b: '1' })).toBe(tagSetKey({ b: '1', a: '2' }));
    expect(tagSetKey({})).toBe('{}');
    expect(JSON.parse(tagSetKey({ 'x"y': 'a\nb' }))).toEqual({
      'x"y': 'a\nb',
    });
  });
});

describe.each(databases.eachSupportedId())(
  'cost tag-set migration on %s',
  id => {
    it('keeps every stored row with the entity it was allocated to, and goes back down exactly', async () => {
      const knex = await databases.init(id);
      for (const file of migrationFiles) {
        if (file === TAG_SET_MIGRATION) break;
        await knex.migrate.up({ directory: migrationsDir });
      }
      await knex('sre_cost_daily').insert(ALLOCATED_AT_IMPORT);
      await knex.migrate.up({ directory: migrationsDir });

      const store = DatabaseCostStore.create(knex);
      const sets = await store.tagSets();
      // The catalog now says checkout-api's rows are payments-db's: the old
      // rows kept no tags, so they stay where they were.
      const allocation = new CostAllocation(
        new SelectorEntityMap(
          [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: { name: 'checkout-api', namespace: 'default' },
            },
          ],
          'baton.dev/cost-tags',
        ),
        sets,
      );
      const stored = await store.days(
        sets.map(set => set.id),
        '2026-11-01',
        '2026-12-01',
      );
      expect(
        stored
          .map(day => [
            allocation.entityOf(day.tag_set_id),
            day.service_name,
            day.effective,
            day.billed,
          ])
          .sort(),
      ).toEqual(
        ALLOCATED_AT_IMPORT.map(old => [
          old.entity_ref,
          old.service_name,
          old.effective,
          old.billed,
        ]).sort(),
      );
      expect(allocation.tagSetsOf(['component:default/checkout-api'])).toEqual([
        sets.find(set => set.entityRef === 'component:default/checkout-api')!
          .id,
      ]);
      // The unallocated rows are the empty tag set's, which new imports share.
      const empty = sets.find(set => set.entityRef === null)!;
      expect(empty).toMatchObject({ tags: {} });
      await store.replacePeriod({
        source: 'aws',
        origin: 'test',
        period: { start: '2026-11-21', end: '2026-11-22' },
        rows: 2,
        tagSets: ['{}', tagSetKey({ service: 'search-api' })],
        days: [0, 1].map(tagSetIndex => ({
          ...row('', 'Amazon EC2', '2.000000000001'),
          day: '2026-11-21',
          tagSetIndex,
        })),
        now: new Date(),
      });
      expect(await store.tagSetCount()).toBe(sets.length + 1);
      expect(
        await knex('sre_cost_tag_sets')
          .where({ hash: tagSetHash('{"service":"search-api"}') })
          .first('tags'),
      ).toEqual({ tags: '{"service":"search-api"}' });

      // Down: spend stored since goes back unallocated, summed exactly.
      await knex.migrate.down({ directory: migrationsDir });
      const back = await knex('sre_cost_daily').select(
        'day',
        'entity_ref',
        'service_name',
        'effective',
      );
      expect(
        back
          .map(r => [r.day, r.entity_ref, r.service_name, r.effective])
          .sort(),
      ).toEqual(
        [
          ...ALLOCATED_AT_IMPORT.map(old => [
            old.day,
            old.entity_ref,
            old.service_name,
            old.effective,
          ]),
          ['2026-11-21', '', 'Amazon EC2', '4.000000000002'],
        ].sort(),
      );
      expect(await knex.schema.hasTable('sre_cost_tag_sets')).toBe(false);
    });
  },
);
