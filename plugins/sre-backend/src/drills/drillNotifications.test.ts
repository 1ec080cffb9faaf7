import { createBackendModule } from '@backstage/backend-plugin-api';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { notificationService } from '@backstage/plugin-notifications-node';
import type {
  ProtectedResourceEvidence,
  TeamDrillsResponse,
} from '@baton/plugin-sre-common';
import {
  type ImportedDrill,
  sreBackupSourcesExtensionPoint,
  sreDrillSourcesExtensionPoint,
} from '@baton/plugin-sre-node';
import type { Knex } from 'knex';
import request from 'supertest';
import {
  groupEntity,
  ownedEntity,
  userEntity,
} from '../__testUtils__/catalogEntities';
import { startSreTestBackend } from '../__testUtils__/sreTestBackend';
import type { TriggerableScheduler } from '../__testUtils__/triggerableScheduler';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const PLATFORM = 'group:default/platform';
const PAYMENTS = 'group:default/payments';
const FARID = 'user:default/farid';
const DAY = 86_400_000;
const daysAgo = (days: number) =>
  new Date(Date.now() - days * DAY).toISOString();

const service = (
  name: string,
  owner: string,
  annotations: Record<string, string> = {},
): Entity =>
  ownedEntity('Component', name, {
    owner,
    annotations,
    title: `${name} service`,
  });
const BACKUPS = { 'baton.dev/backups': 'cross-region,cross-account' };

const entities: Entity[] = [
  groupEntity('platform', [FARID]),
  groupEntity('payments'),
  userEntity('farid', { displayName: 'Farid', memberOf: [PLATFORM] }),
  // Restored 250 days ago, every 180 days: due for 70 days, overdue.
  service('orders', PLATFORM, BACKUPS),
  // Restored 190 days ago: due for 10 days.
  service('web', PLATFORM, BACKUPS),
  // No declaration: a backup source's evidence makes it keep backups.
  service('ledger', PLATFORM),
  // Neither: nothing to restore, never due.
  service('docs', PLATFORM),
  // Another team's service, never drilled.
  service('payments-db', PAYMENTS, BACKUPS),
];

const drill = (name: string, days: number): ImportedDrill => ({
  teamRef: PLATFORM,
  scenario: 'restore-from-backup',
  title: `Restore ${name}`,
  entityRefs: [`component:default/${name}`],
  performedAt: daysAgo(days),
  participants: [FARID],
  outcome: 'succeeded',
  recordedBy: FARID,
});
/** What the test's drill source returns on its next read. */
const imported: { drills: ImportedDrill[] } = { drills: [] };
/** What the test's backup source says on its next pull. */
const backups: { items: ProtectedResourceEvidence[] } = { items: [] };

const sourcesModule = createBackendModule({
  pluginId: 'sre',
  moduleId: 'test-drill-notification-sources',
  register(env) {
    env.registerInit({
      deps: {
        drills: sreDrillSourcesExtensionPoint,
        backupSources: sreBackupSourcesExtensionPoint,
      },
      async init({ drills, backupSources }) {
        drills.addDrillSource({
          id: 'game-days',
          readDrills: async () => imported.drills,
        });
        backupSources.addBackupSource({
          id: 'aws-backup-111111111111',
          async *pull() {
            yield* backups.items;
          },
        });
      },
    });
  },
});

interface Sent {
  recipients: { type: string; entityRef: string };
  payload: {
    title: string;
    description: string;
    link: string;
    severity: string;
    scope: string;
    topic: string;
  };
}

describe.each(databases.eachSupportedId())(
  'drill-due notifications on %s',
  id => {
    let knex: Knex;
    let server: Parameters<typeof request>[0];
    let scheduler: TriggerableScheduler;
    const sent: Sent[] = [];
    let failSending = false;

    const start = async (notifications: boolean) => {
      imported.drills = [drill('orders', 250), drill('web', 190)];
      backups.items = [];
      knex = await databases.init(id);
      ({ server, scheduler } = await startSreTestBackend({
        knex,
        entities,
        config: { sre: { drills: { notifications } } },
        features: [
          sourcesModule,
          createServiceFactory({
            service: notificationService,
            deps: {},
            factory: () => ({
              send: async (notification: unknown) => {
                if (failSending) throw new Error('no notifications backend');
                sent.push(notification as Sent);
              },
            }),
          }),
        ],
      }));
      await scheduler.triggerTask('sre-drill-import');
    };
    const teamDrills = async (): Promise<TeamDrillsResponse> => {
      const res = await request(server).get('/api/sre/drills/default/platform');
      expect(res.status).toBe(200);
      return res.body;
    };
    const summary = (items: Sent[]) =>
      items.map(n => [
        n.recipients.entityRef,
        n.payload.title,
        n.payload.severity,
        n.payload.scope,
      ]);

    describe('when on', () => {
      beforeAll(() => start(true));

      it('counts a service with a backup source’s evidence as due for restore drills', async () => {
        // Before any pull only the declarations count.
        expect(
          (await teamDrills()).due.map(due => due.entityRef).sort(),
        ).toEqual(['component:default/orders', 'component:default/web']);
        backups.items = [
          {
            resourceArn: 'arn:aws:rds:ap-northeast-1:111111111111:db:ledger',
            resourceType: 'RDS',
            resourceName: 'ledger',
            accountId: '111111111111',
            region: 'ap-northeast-1',
            tags: { service: 'ledger' },
            copies: [],
          },
        ];
        await scheduler.triggerTask('sre-backup-pull');
        const { due } = await teamDrills();
        expect(due.map(item => item.entityRef).sort()).toEqual([
          'component:default/ledger',
          'component:default/orders',
          'component:default/web',
        ]);
        expect(
          due.find(item => item.entityRef === 'component:default/ledger'),
        ).toEqual({
          entityRef: 'component:default/ledger',
          scenario: 'restore-from-backup',
          lastPerformedAt: null,
          dueSince: null,
        });
      });

      it('tells each owning team once per due drill, with high severity when overdue', async () => {
        sent.length = 0;
        await scheduler.triggerTask('sre-drill-notifications');
        const orders = (await teamDrills()).drills.find(
          d => d.title === 'Restore orders',
        )!;
        expect(summary(sent)).toEqual([
          [
            PAYMENTS,
            'Drill due: payments-db service (restore from backup)',
            'normal',
            'sre-drill-due:component:default/payments-db:restore-from-backup:never',
          ],
          [
            PLATFORM,
            'Drill due: ledger service (restore from backup)',
            'normal',
            'sre-drill-due:component:default/ledger:restore-from-backup:never',
          ],
          [
            PLATFORM,
            'Drill overdue: orders service (restore from backup)',
            'high',
            `sre-drill-due:component:default/orders:restore-from-backup:${orders.performedAt}`,
          ],
          [
            PLATFORM,
            'Drill due: web service (restore from backup)',
            'normal',
            expect.stringMatching(
              /^sre-drill-due:component:default\/web:restore-from-backup:\d{4}-/,
            ),
          ],
        ]);
        expect(sent[0].recipients.type).toBe('entity');
        expect(sent[0].payload.link).toBe(
          '/drills?team=group%3Adefault%2Fpayments',
        );
        expect(sent[2].payload.topic).toBe('drill-due');
        expect(sent[2].payload.description).toMatch(
          /^Last drilled \d{4}-\d{2}-\d{2}; due since \d{4}-\d{2}-\d{2}\. The policy is one every 180 days\.$/,
        );
        expect(sent[1].payload.description).toBe(
          'Never drilled. The policy is one every 180 days.',
        );
      });

      it('does not tell a team again on the next run', async () => {
        sent.length = 0;
        await scheduler.triggerTask('sre-drill-notifications');
        expect(sent).toEqual([]);
      });

      it('forgets a drill done since, and tells the team when it falls due again', async () => {
        // Web restored today: no longer due, and its record goes.
        imported.drills = [...imported.drills, drill('web', 0)];
        await scheduler.triggerTask('sre-drill-import');
        sent.length = 0;
        await scheduler.triggerTask('sre-drill-notifications');
        expect(sent).toEqual([]);
        const scopes = await knex('sre_drill_notifications')
          .where({ team_ref: PLATFORM })
          .orderBy('scope')
          .pluck('scope');
        expect(scopes).toEqual([
          'sre-drill-due:component:default/ledger:restore-from-backup:never',
          expect.stringContaining('component:default/orders'),
        ]);
      });

      it('records nothing when sending fails, and sends on the next run', async () => {
        await knex('sre_drill_notifications').delete();
        failSending = true;
        sent.length = 0;
        await scheduler.triggerTask('sre-drill-notifications');
        failSending = false;
        expect(sent).toEqual([]);
        expect(await knex('sre_drill_notifications').pluck('scope')).toEqual(
          [],
        );
        await scheduler.triggerTask('sre-drill-notifications');
        expect(sent).toHaveLength(3);
      });
    });

    describe('when off (the default)', () => {
      beforeAll(() => start(false));

      it('has no notification task and sends nothing', async () => {
        sent.length = 0;
        // Due drills are still shown on the page.
        expect((await teamDrills()).due).toHaveLength(2);
        await expect(
          scheduler.triggerTask('sre-drill-notifications'),
        ).rejects.toThrow();
        for (const task of ['sre-drill-import', 'sre-backup-pull']) {
          await scheduler.triggerTask(task);
        }
        expect(sent).toEqual([]);
      });
    });
  },
);
