import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import sreModuleAlertmanager from '@baton/plugin-sre-backend-module-alertmanager';
import sreModuleCloudWatch from '@baton/plugin-sre-backend-module-cloudwatch';
import sreModuleMackerel from '@baton/plugin-sre-backend-module-mackerel';
import sreModuleSentry from '@baton/plugin-sre-backend-module-sentry';
import { createHmac } from 'crypto';
import fs from 'fs';
import path from 'path';
import request from 'supertest';
import { triggerableScheduler } from '../__testUtils__/triggerableScheduler';
import { sreBackendPlugin } from '../plugin';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

/** The recorded, vendor-documented payloads of each receiver module. */
function fixture(module: string, name: string): string {
  return fs.readFileSync(
    path.join(
      path.dirname(
        require.resolve(
          `@baton/plugin-sre-backend-module-${module}/package.json`,
        ),
      ),
      'src/__fixtures__',
      name,
    ),
    'utf8',
  );
}

const SECRETS = {
  alertmanager: 'am-secret',
  mackerel: 'mk-secret',
  cloudwatch: 'cw-secret',
  sentry: 'sentry-client-secret',
};

const component = (name: string, selector: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'baton.dev/alert-selector': selector },
  },
  spec: {
    type: 'service',
    owner: 'group:default/team',
    lifecycle: 'production',
  },
});

describe.each(databases.eachSupportedId())(
  'alert sources through the real router on %s',
  id => {
    async function startBackend() {
      const knex = await databases.init(id);
      const { server } = await startTestBackend({
        features: [
          sreBackendPlugin,
          sreModuleAlertmanager,
          sreModuleCloudWatch,
          sreModuleMackerel,
          sreModuleSentry,
          mockServices.database.factory({ knex }),
          triggerableScheduler().factory({ skipTaskRunOnStartup: true }),
          mockServices.rootConfig.factory({
            data: {
              sre: {
                webhooks: Object.fromEntries(
                  Object.entries(SECRETS).map(([source, secret]) => [
                    source,
                    { secret },
                  ]),
                ),
              },
            },
          }),
          catalogServiceMock.factory({
            entities: [
              component('probes', 'job=http_checks'),
              component('web', 'alarm=web-1-network-out'),
              component('front-end', 'project=front-end'),
            ],
          }),
        ],
      });
      const alertsOf = async (name: string) =>
        (
          await request(server)
            .get(
              `/api/sre/entities/component/default/${name}/alerts?from=2000-01-01T00:00:00Z`,
            )
            .set('Authorization', mockCredentials.user.header())
        ).body;
      const count = async (table: string) =>
        Number((await knex(table).count({ n: '*' }))[0].n);
      return { server, alertsOf, count, knex };
    }

    it('Alertmanager (bearer): a firing group, re-sent, then resolved, stored as two alerts mapped by job', async () => {
      const { server, alertsOf, count } = await startBackend();
      const post = (body: string) =>
        request(server)
          .post('/api/sre/webhooks/alertmanager')
          .set('Authorization', `Bearer ${SECRETS.alertmanager}`)
          .set('Content-Type', 'application/json')
          .send(body);
      expect(
        (await post(fixture('alertmanager', 'webhook-firing.json'))).status,
      ).toBe(200);
      expect(
        (await post(fixture('alertmanager', 'webhook-firing.json'))).body
          .stored,
      ).toBe(0);
      expect(
        (await post(fixture('alertmanager', 'webhook-resolved.json'))).status,
      ).toBe(200);
      expect(await count('sre_alerts')).toBe(2);
      const { items } = await alertsOf('probes');
      expect(items.length).toBeGreaterThan(0);
      expect(
        items.every((a: { source: string }) => a.source === 'alertmanager'),
      ).toBe(true);
      expect(
        items.some((a: { status: string }) => a.status === 'resolved'),
      ).toBe(true);
    });

    it('CloudWatch through SNS (text/plain, ?token=): ALARM then OK closes the same alert', async () => {
      const { server, alertsOf, count } = await startBackend();
      const post = (body: string) =>
        request(server)
          .post(`/api/sre/webhooks/cloudwatch?token=${SECRETS.cloudwatch}`)
          .set('Content-Type', 'text/plain; charset=UTF-8')
          .send(body);
      expect(
        (await post(fixture('cloudwatch', 'sns-notification-alarm.json')))
          .status,
      ).toBe(200);
      expect(
        (await post(fixture('cloudwatch', 'sns-notification-ok.json'))).status,
      ).toBe(200);
      expect(await count('sre_alerts')).toBe(1);
      const { items } = await alertsOf('web');
      expect(items).toEqual([
        expect.objectContaining({ source: 'cloudwatch', status: 'resolved' }),
      ]);
      // Confirmation is off by default: acknowledged with 200, nothing fetched or stored.
      const confirmation = await post(
        fixture('cloudwatch', 'sns-subscription-confirmation.json'),
      );
      expect(confirmation.status).toBe(200);
      expect(await count('sre_alerts')).toBe(1);
    });

    it('Mackerel (?token=): the documented alert webhook is stored once', async () => {
      const { server, count } = await startBackend();
      const post = () =>
        request(server)
          .post(`/api/sre/webhooks/mackerel?token=${SECRETS.mackerel}`)
          .set('Content-Type', 'application/json')
          .send(fixture('mackerel', 'webhook-alert-host.json'));
      expect((await post()).status).toBe(200);
      expect((await post()).status).toBe(200);
      expect(await count('sre_alerts')).toBe(1);
      const wrong = await request(server)
        .post('/api/sre/webhooks/mackerel?token=nope')
        .send(fixture('mackerel', 'webhook-alert-host.json'));
      expect(wrong.status).toBe(401);
    });

    it('Sentry: accepted with a valid Sentry-Hook-Signature, refused without', async () => {
      const { server, alertsOf, count } = await startBackend();
      const body = fixture('sentry', 'issue-created.json');
      const signature = createHmac('sha256', SECRETS.sentry)
        .update(body)
        .digest('hex');
      const post = (sig?: string) => {
        const pending = request(server)
          .post('/api/sre/webhooks/sentry')
          .set('Content-Type', 'application/json')
          .set('Sentry-Hook-Resource', 'issue')
          .set('Sentry-Hook-Timestamp', '1700000000');
        return (sig ? pending.set('Sentry-Hook-Signature', sig) : pending).send(
          body,
        );
      };
      expect((await post()).status).toBe(401);
      expect((await post('0'.repeat(64))).status).toBe(401);
      expect(await count('sre_alerts')).toBe(0);
      expect((await post(signature)).status).toBe(200);
      const { items } = await alertsOf('front-end');
      expect(items).toEqual([
        expect.objectContaining({ source: 'sentry', status: 'firing' }),
      ]);
    });
  },
);
