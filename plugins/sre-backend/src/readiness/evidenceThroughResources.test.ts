import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type {
  ProtectedResourceEvidence,
  ReadinessCheck,
  ReadinessReport,
  TeamReport,
} from '@baton/plugin-sre-common';
import {
  type ImportedDrill,
  sreBackupSourcesExtensionPoint,
  sreDrillSourcesExtensionPoint,
} from '@baton/plugin-sre-node';
import request from 'supertest';
import {
  groupEntity,
  ownedEntity,
  userEntity,
} from '../__testUtils__/catalogEntities';
import { startSreTestBackend } from '../__testUtils__/sreTestBackend';
import { visibilityCatalogFactory } from '../__testUtils__/visibilityCatalog';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const PLATFORM = 'group:default/platform';
const FARID = 'user:default/farid';
const AIKO = 'user:default/aiko';
const CHIHIRO = 'user:default/chihiro';
/** A user whose catalog hides ledger-db. */
const SAM = 'user:default/sam';
const ORDERS_API = 'component:default/orders-api';
const ORDERS_DB = 'resource:default/orders-db';
const LEDGER_DB = 'resource:default/ledger-db';
const REPLICA_DB = 'resource:default/replica-db';

const APP = '111111111111';
const VAULT = '222222222222';
const DAY = 86_400_000;
const daysAgo = (days: number) =>
  new Date(Date.now() - days * DAY).toISOString();

const user = (name: string, displayName: string): Entity =>
  userEntity(name, {
    displayName,
    memberOf: name === 'sam' ? [] : [PLATFORM],
  });
const owned = (
  kind: 'Component' | 'Resource',
  name: string,
  dependsOn: string[] = [],
  annotations: Record<string, string> = {},
): Entity =>
  ownedEntity(kind, name, { owner: PLATFORM, dependsOn, annotations });
const entities: Entity[] = [
  groupEntity('platform', [FARID, AIKO, CHIHIRO]),
  user('farid', 'Farid'),
  user('aiko', 'Aiko'),
  user('chihiro', 'Chihiro'),
  user('sam', 'Sam'),
  // Its declaration gives way to the evidence of the databases it uses.
  owned(
    'Component',
    'orders-api',
    [ORDERS_DB, LEDGER_DB, 'component:default/web'],
    { 'baton.dev/backups': 'cross-region,cross-account' },
  ),
  owned('Component', 'web'),
  owned('Resource', 'orders-db'),
  // Also an access source, so the access checks name it to those who see it.
  owned('Resource', 'ledger-db', [], {
    'baton.dev/access-source': 'aws-account:111111111111',
  }),
  // A Resource that depends on another holds none of its data.
  owned('Resource', 'replica-db', [ORDERS_DB]),
];

const copy = (region: string, account: string) => ({
  jobId: `copy-${region}-${account}`,
  at: daysAgo(1),
  state: 'COMPLETED',
  destinationVaultArn: `arn:aws:backup:${region}:${account}:backup-vault:copies`,
  destinationAccountId: account,
  destinationRegion: region,
});
const database = (
  name: string,
  copies: ReturnType<typeof copy>[],
): ProtectedResourceEvidence => ({
  resourceArn: `arn:aws:rds:ap-northeast-1:${APP}:cluster:${name}`,
  resourceType: 'Aurora',
  resourceName: name,
  accountId: APP,
  region: 'ap-northeast-1',
  tags: { service: name },
  copies,
});
const drill = (
  entityRef: string,
  scenario: ImportedDrill['scenario'],
  days: number,
  participants: string[],
): ImportedDrill => ({
  teamRef: PLATFORM,
  scenario,
  title: `${scenario} of ${entityRef} ${days} days ago`,
  entityRefs: [entityRef],
  performedAt: daysAgo(days),
  participants,
  outcome: 'succeeded',
  recordedBy: FARID,
});

const sourcesModule = createBackendModule({
  pluginId: 'sre',
  moduleId: 'test-evidence-sources',
  register(env) {
    env.registerInit({
      deps: {
        backups: sreBackupSourcesExtensionPoint,
        drills: sreDrillSourcesExtensionPoint,
      },
      async init({ backups, drills }) {
        backups.addBackupSource({
          id: `aws-backup-${APP}`,
          async *pull() {
            // orders-db: copied to another region and another account.
            yield database('orders-db', [
              copy('ap-northeast-3', APP),
              copy('ap-northeast-1', VAULT),
            ]);
            // ledger-db: to another region only.
            yield database('ledger-db', [copy('ap-northeast-3', APP)]);
          },
        });
        drills.addDrillSource({
          id: 'game-days',
          readDrills: async () => [
            drill(ORDERS_DB, 'restore-from-backup', 20, [FARID, AIKO]),
            // Newer, but the database's failover is not a drill of the service.
            drill(ORDERS_DB, 'region-failover', 5, [CHIHIRO]),
            drill(LEDGER_DB, 'restore-from-backup', 10, [CHIHIRO]),
          ],
        });
      },
    });
  },
});

describe.each(databases.eachSupportedId())(
  'evidence through the Resources a service depends on, on %s',
  id => {
    it('shows the stored trend only to a caller who may read all the service depends on', async () => {
      const knex = await databases.init(id);
      const { server } = await startSreTestBackend({
        knex,
        catalog: visibilityCatalogFactory(
          entities,
          (userRef, entityRef) => userRef === SAM && entityRef === LEDGER_DB,
        ),
        features: [sourcesModule],
      });
      // Yesterday's snapshot counted ledger-db, which Sam may not read.
      const yesterday = new Date(Date.now() - DAY).toISOString().slice(0, 10);
      await knex('sre_readiness_history').insert({
        entity_ref: ORDERS_API,
        day: yesterday,
        score: 17,
        level: 'at-risk',
        truck_factor: 1,
      });
      const trendOf = async (path: string, userRef: string) => {
        const res = await request(server)
          .get(`/api/sre/${path}`)
          .set('Authorization', mockCredentials.user.header(userRef));
        expect(res.status).toBe(200);
        return res.body;
      };
      const today = new Date().toISOString().slice(0, 10);
      const entityPath = 'entities/component/default/orders-api/readiness';
      const farids = await trendOf(entityPath, FARID);
      expect(farids.trend.map((p: { day: string }) => p.day)).toEqual([
        yesterday,
        today,
      ]);
      expect(farids.trend[0].score).toBe(17);
      const sams = await trendOf(entityPath, SAM);
      expect(sams.trend).toEqual([
        expect.objectContaining({ day: today, score: sams.score }),
      ]);
      // The team report, alike.
      const teamTrend = async (userRef: string) =>
        (
          (await trendOf('teams/default/platform/report', userRef))
            .services as TeamReport['services']
        ).find(service => service.entityRef === ORDERS_API)!.readiness.trend;
      expect((await teamTrend(FARID)).map(p => p.day)).toEqual([
        yesterday,
        today,
      ]);
      expect((await teamTrend(SAM)).map(p => p.day)).toEqual([today]);
      // web depends on nothing hidden from Sam: its history is Sam's to see.
      await knex('sre_readiness_history').insert({
        entity_ref: 'component:default/web',
        day: yesterday,
        score: 40,
        level: 'at-risk',
        truck_factor: null,
      });
      expect(
        (
          await trendOf('entities/component/default/web/readiness', SAM)
        ).trend.map((p: { day: string }) => p.day),
      ).toEqual([yesterday, today]);
    });

    it('counts the backups and restore drills of the databases the caller may read', async () => {
      const { server, scheduler } = await startSreTestBackend({
        knex: await databases.init(id),
        catalog: visibilityCatalogFactory(
          entities,
          (userRef, entityRef) => userRef === SAM && entityRef === LEDGER_DB,
        ),
        features: [sourcesModule],
      });
      await scheduler.triggerTask('sre-backup-pull');
      await scheduler.triggerTask('sre-drill-import');

      const readiness = async (ref: string, userRef: string) => {
        const [kind, rest] = ref.split(':');
        const res = await request(server)
          .get(`/api/sre/entities/${kind}/${rest}/readiness`)
          .set('Authorization', mockCredentials.user.header(userRef));
        expect(res.status).toBe(200);
        return res.body as ReadinessReport;
      };
      const checks = (report: { checks: ReadinessCheck[] }) =>
        Object.fromEntries(report.checks.map(check => [check.id, check]));

      // Farid sees both databases: ledger-db lacks a copy to another account.
      const farids = await readiness(ORDERS_API, FARID);
      expect(checks(farids).backups).toMatchObject({
        status: 'fail',
        reasonCode: 'backupCrossAccountMissing',
        reasonParams: { count: 2, resources: 'ledger-db' },
        weight: 2,
      });
      // The newest restore drill, of ledger-db; the later failover does not count.
      expect(checks(farids).drill).toMatchObject({
        status: 'pass',
        reasonCode: 'drillRecorded',
        reasonParams: {
          scenario: 'restore-from-backup',
          days: 10,
          people: 'Chihiro',
        },
      });
      expect(checks(farids)['restore-practised']).toMatchObject({
        status: 'pass',
        reasonParams: { count: 3, people: 'Aiko, Chihiro, Farid' },
      });
      expect(JSON.stringify(farids)).toContain('ledger-db');
      // The evidence names the Resource each record comes through.
      expect(checks(farids).backups.evidence).toEqual([
        expect.objectContaining({ name: 'orders-db', viaEntityRef: ORDERS_DB }),
        expect.objectContaining({ name: 'ledger-db', viaEntityRef: LEDGER_DB }),
      ]);
      expect(checks(farids).drill.evidence).toEqual([
        expect.objectContaining({
          scenario: 'restore-from-backup',
          viaEntityRef: LEDGER_DB,
        }),
      ]);

      // Sam's catalog hides ledger-db: only orders-db counts, verified.
      const sams = await readiness(ORDERS_API, SAM);
      expect(checks(sams).backups).toMatchObject({
        status: 'pass',
        reasonCode: 'backupsVerified',
        reasonParams: { count: 1, resources: 'orders-db' },
        weight: 2,
      });
      expect(checks(sams).drill).toMatchObject({
        status: 'pass',
        reasonParams: { days: 20, people: 'Farid, Aiko' },
      });
      expect(checks(sams)['restore-practised']).toMatchObject({
        status: 'pass',
        reasonParams: { count: 2, people: 'Aiko, Farid' },
      });
      expect(checks(sams).backups.evidence).toEqual([
        expect.objectContaining({ name: 'orders-db', viaEntityRef: ORDERS_DB }),
      ]);
      // Nor is it named anywhere, the access checks included.
      expect(JSON.stringify(sams)).not.toContain('ledger-db');

      // The team report counts what its caller may read, the same way.
      const report = async (userRef: string, absent: string[]) => {
        const query = absent.map(ref => `absent=${ref}`).join('&');
        const res = await request(server)
          .get(`/api/sre/teams/default/platform/report?${query}`)
          .set('Authorization', mockCredentials.user.header(userRef));
        expect(res.status).toBe(200);
        const body = res.body as TeamReport;
        return body.services.find(s => s.entityRef === ORDERS_API)!;
      };
      expect((await report(FARID, [])).readiness.score).toBe(farids.score);
      expect((await report(SAM, [])).readiness.score).toBe(sams.score);
      expect(sams.score).toBeGreaterThan(farids.score);
      // With Farid and Aiko away, nobody at work has restored orders-db.
      expect(
        (await report(SAM, [FARID, AIKO])).during!.uncoveredCodes,
      ).toContainEqual({ code: 'noRestorerLeft', params: { days: '365' } });

      // The database's own checks read its own evidence alone.
      const ordersDb = checks(await readiness(ORDERS_DB, FARID));
      expect(ordersDb.backups).toMatchObject({ reasonCode: 'backupsVerified' });
      expect(ordersDb.drill).toMatchObject({
        reasonParams: { scenario: 'region-failover', days: 5 },
      });
      // A Resource depending on it, and a service depending on no Resource, get none of it.
      const replica = checks(await readiness(REPLICA_DB, FARID));
      expect(replica.backups).toMatchObject({
        status: 'fail',
        reasonCode: 'backupsMissing',
      });
      expect(replica.drill).toMatchObject({ reasonCode: 'drillMissing' });
      const web = checks(await readiness('component:default/web', FARID));
      expect(web.backups).toMatchObject({ reasonCode: 'backupsMissing' });
      expect(web['restore-practised']).toMatchObject({
        status: 'not-applicable',
      });
    });
  },
);
