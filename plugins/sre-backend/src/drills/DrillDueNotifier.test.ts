import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { DrillDue, TeamDrillsResponse } from '@baton/plugin-sre-common';
import { CatalogIndex, type CatalogSnapshot } from '../catalog/CatalogSnapshot';
import { applyDatabaseMigrations } from '../database/migrations';
import { DRILL_OVERDUE_AFTER_DAYS, DrillDueNotifier } from './DrillDueNotifier';
import { DrillNotificationStore } from './DrillNotificationStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const DAY = 86_400_000;
const TEAM = 'group:default/platform';
const ORDERS = 'component:default/orders';

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'platform', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'orders', namespace: 'default' },
    spec: { type: 'service', owner: TEAM, lifecycle: 'production' },
    relations: [{ type: 'ownedBy', targetRef: TEAM }],
  },
];

describe.each(databases.eachSupportedId())('DrillDueNotifier on %s', id => {
  it('tells a never-drilled service once as due, once more as overdue after the grace, then no more', async () => {
    const knex = await databases.init(id);
    await applyDatabaseMigrations(knex);
    let now = Date.parse('2026-12-01T09:00:00Z');
    const due: DrillDue[] = [
      {
        entityRef: ORDERS,
        scenario: 'restore-from-backup',
        lastPerformedAt: null,
        dueSince: null,
      },
    ];
    const sent: Array<{ severity?: string; scope?: string }> = [];
    const notifier = new DrillDueNotifier({
      drills: {
        teamDrills: async (teamRef: string): Promise<TeamDrillsResponse> => ({
          teamRef,
          drills: [],
          due,
          intervals: { 'restore-from-backup': 180 },
        }),
      },
      snapshot: {
        current: async () => new CatalogIndex(entities),
      } as unknown as CatalogSnapshot,
      store: DrillNotificationStore.create(knex),
      notifications: {
        send: async ({ payload }) => {
          sent.push({ severity: payload.severity, scope: payload.scope });
        },
      },
      logger: mockServices.logger.mock(),
      now: () => new Date(now),
    });
    const scope = `sre-drill-due:${ORDERS}:restore-from-backup:never`;

    expect(await notifier.notifyDue()).toEqual({ teams: 1, sent: 1 });
    now += (DRILL_OVERDUE_AFTER_DAYS - 1) * DAY;
    expect(await notifier.notifyDue()).toEqual({ teams: 1, sent: 0 });
    now += DAY;
    expect(await notifier.notifyDue()).toEqual({ teams: 1, sent: 1 });
    now += 100 * DAY;
    expect(await notifier.notifyDue()).toEqual({ teams: 1, sent: 0 });
    // Same scope: the notifications backend updates the one notification.
    expect(sent).toEqual([
      { severity: 'normal', scope },
      { severity: 'high', scope },
    ]);
    const [row] = await knex('sre_drill_notifications').select();
    expect(row).toMatchObject({ team_ref: TEAM, scope, level: 'overdue' });
    expect(new Date(row.first_sent_at).toISOString()).toBe(
      '2026-12-01T09:00:00.000Z',
    );
  });
});
