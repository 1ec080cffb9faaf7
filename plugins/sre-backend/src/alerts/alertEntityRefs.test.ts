import { TestDatabases } from '@backstage/backend-test-utils';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseAlertStore } from './AlertStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const HOUR = 3_600_000;

describe.each(databases.eachSupportedId())(
  'stored alerts’ entities on %s',
  id => {
    it('gives each alert its own entities, sorted, and none to an unmapped one', async () => {
      const knex = await databases.init(id);
      await applyDatabaseMigrations(knex);
      const now = Date.now();
      const alert = (key: string, hoursAgo: number) => ({
        source: 'generic',
        source_key: key,
        monitor: key,
        title: key,
        severity: 'warning',
        status: 'firing',
        starts_at: new Date(now - hoursAgo * HOUR),
        acknowledged_by: '[]',
        labels: '{}',
        links: '[]',
        updated_at: new Date(now),
      });
      await knex('sre_alerts').insert([
        alert('two-entities', 1),
        alert('one-entity', 2),
        alert('unmapped', 3),
      ]);
      const ids = Object.fromEntries(
        (await knex('sre_alerts').select('id', 'source_key')).map(row => [
          row.source_key,
          Number(row.id),
        ]),
      );
      const link = (key: string, entityRef: string) => ({
        alert_id: ids[key],
        entity_ref: entityRef,
        starts_at: new Date(now),
      });
      // Out of order on purpose: the store sorts each alert's refs.
      await knex('sre_alert_entities').insert([
        link('two-entities', 'component:default/zeta'),
        link('one-entity', 'component:default/beta'),
        link('two-entities', 'component:default/alpha'),
      ]);

      const store = DatabaseAlertStore.create(knex);
      const alerts = await store.allForEntities(
        undefined,
        new Date(now - 4 * HOUR),
        new Date(now),
        10,
      );
      expect(alerts.map(a => [a.title, a.entityRefs])).toEqual([
        ['two-entities', ['component:default/alpha', 'component:default/zeta']],
        ['one-entity', ['component:default/beta']],
        ['unmapped', []],
      ]);
    });
  },
);
