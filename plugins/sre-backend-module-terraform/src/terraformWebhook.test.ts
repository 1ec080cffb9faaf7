import type { ServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- the module is tested inside the plugin it extends
import sreBackendPlugin from '@baton/plugin-sre-backend';
import type {
  ChangeListResponse,
  SourceStatusList,
} from '@baton/plugin-sre-common';
import { createHmac } from 'crypto';
import type { Server } from 'http';
import request from 'supertest';
import { sreModuleTerraform } from './module';
import { terraformEntities } from './__testUtils__/catalog';
import { startFakeTerraformApi } from './__testUtils__/fakeTerraformApi';
import applying from './__fixtures__/notification-run-applying.json';
import completed from './__fixtures__/notification-run-completed.json';
import errored from './__fixtures__/notification-run-errored.json';
import verification from './__fixtures__/notification-verification.json';
import runApplied from './__fixtures__/run-applied.json';
import runApplying from './__fixtures__/run-applying.json';
import runErrored from './__fixtures__/run-errored.json';
import userBob from './__fixtures__/user-bob.json';
import workspace from './__fixtures__/workspace.json';
import page1 from './__fixtures__/workspace-runs-page1.json';
import page2 from './__fixtures__/workspace-runs-page2.json';
import unauthorized from './__fixtures__/error-unauthorized.json';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

/** What mockServices.scheduler() is at runtime, which its declared type hides: a test runs the tasks itself. */
interface TriggerableScheduler {
  factory(options: { skipTaskRunOnStartup?: boolean }): ServiceFactory;
  triggerTask(id: string): Promise<void>;
}

const API_TOKEN = 'atlasv1-integration-token-4711';
const NOTIFY_TOKEN = 'notify-token-new';
const OLD_NOTIFY_TOKEN = 'notify-token-old';
const CHECKOUT = 'component:default/checkout-api';
const RUN = 'run-CZcmD7eagjhyX0vN';

// The fixtures were recorded around 28 November 2026; every time in them is
// moved so that that day is today, for the first pull's 30-day look-back.
const SHIFT_MS = Date.now() - Date.parse('2026-11-28T00:00:00Z');
const ISO_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
function shifted<T>(value: T): T {
  if (typeof value === 'string' && ISO_TIME.test(value)) {
    return new Date(Date.parse(value) + SHIFT_MS).toISOString() as T;
  }
  if (Array.isArray(value)) return value.map(shifted) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, shifted(item)]),
    ) as T;
  }
  return value;
}

const user = (name: string, terraformUser: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'baton.dev/terraform-user': terraformUser },
  },
  spec: { profile: {} },
});
const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'product', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  user('alice', 'alice-tfc'),
  user('bob', 'bob-tfc'),
  ...terraformEntities,
];

const sign = (raw: string, secret: string) =>
  createHmac('sha512', secret).update(raw).digest('hex');

describe.each(databases.eachSupportedId())(
  'HCP Terraform changes through the sre router on %p',
  databaseId => {
    let api: Awaited<ReturnType<typeof startFakeTerraformApi>>;
    let server: Server;
    let scheduler: TriggerableScheduler;

    beforeEach(async () => {
      api = await startFakeTerraformApi({
        [`/runs/${RUN}`]: { body: shifted(runApplied) },
        '/runs/run-8bEzDnNfVbAEuRmm': { body: shifted(runErrored) },
        '/users/user-Dx4gRq1aPhJnUy8s': { body: userBob },
        '/organizations/acme/workspaces/checkout-prod': { body: workspace },
        '/organizations/acme/workspaces/orders-db': {
          body: {
            data: {
              ...workspace.data,
              id: 'ws-ordersdb0000000',
              attributes: { name: 'orders-db' },
            },
          },
        },
        '/workspaces/ws-ordersdb0000000/runs': { body: { data: [] } },
        '/workspaces/ws-XdeUVMWShTesDMME/runs': query => ({
          body: shifted(query['page[number]'] === '2' ? page2 : page1),
        }),
      });
      const knex = await databases.init(databaseId);
      scheduler = mockServices.scheduler() as unknown as TriggerableScheduler;
      ({ server } = await startTestBackend({
        features: [
          sreBackendPlugin,
          sreModuleTerraform,
          mockServices.database.factory({ knex }),
          scheduler.factory({ skipTaskRunOnStartup: true }),
          mockServices.rootConfig.factory({
            data: {
              sre: {
                terraform: { baseUrl: api.baseUrl, token: API_TOKEN },
                webhooks: {
                  terraform: {
                    secret: NOTIFY_TOKEN,
                    secrets: [OLD_NOTIFY_TOKEN],
                  },
                },
              },
            },
          }),
          catalogServiceMock.factory({ entities }),
        ],
      }));
    });
    afterEach(() => api.close());

    const deliver = (
      payload: unknown,
      options: { secret?: string; signature?: string; query?: string } = {},
    ) => {
      const raw = JSON.stringify(shifted(payload));
      const post = request(server)
        .post(`/api/sre/webhooks/terraform${options.query ?? ''}`)
        .set('Content-Type', 'application/json');
      const signature =
        options.signature ?? sign(raw, options.secret ?? NOTIFY_TOKEN);
      return (
        signature ? post.set('X-TFE-Notification-Signature', signature) : post
      ).send(raw);
    };

    const changesOf = async (entityRef: string) => {
      const now = Date.now();
      const response = await request(server)
        .get('/api/sre/changes')
        .query({
          entityRef,
          from: new Date(now - 40 * 86_400_000).toISOString(),
          to: new Date(now + 86_400_000).toISOString(),
        });
      expect(response.status).toBe(200);
      return (response.body as ChangeListResponse).items;
    };

    const webhookStatus = async () => {
      const response = await request(server).get('/api/sre/sources');
      expect(response.status).toBe(200);
      return (response.body as SourceStatusList).items.find(
        item => item.id === 'webhook:terraform',
      );
    };

    it('answers the verification 200 and stores nothing', async () => {
      const response = await deliver(verification);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ received: 0, stored: 0 });
      expect(await changesOf(CHECKOUT)).toEqual([]);
      expect(api.requests).toEqual([]);
      expect(await webhookStatus()).toMatchObject({
        kind: 'changes',
        trigger: 'webhook',
        provider: 'TerraformNotificationReceiver',
        lastCounts: { received: 0 },
        lastError: null,
      });
    });

    it('stores a run once as it moves from applying to applied, its people matched', async () => {
      api.answers[`/runs/${RUN}`] = { body: shifted(runApplying) };
      expect((await deliver(applying)).body).toEqual({
        received: 1,
        stored: 1,
      });
      let [change] = await changesOf(CHECKOUT);
      expect(change).toMatchObject({
        source: 'terraform',
        externalId: RUN,
        outcome: 'in-progress',
      });

      api.answers[`/runs/${RUN}`] = { body: shifted(runApplied) };
      expect((await deliver(completed)).status).toBe(200);
      // The same delivery again, as HCP Terraform retries.
      expect((await deliver(completed)).status).toBe(200);

      const items = await changesOf(CHECKOUT);
      expect(items).toHaveLength(1);
      [change] = items;
      expect(change).toMatchObject({
        externalId: RUN,
        entityRefs: [CHECKOUT, 'component:default/orders-db'],
        kind: 'terraform-apply',
        outcome: 'succeeded',
        operators: [
          {
            kind: 'terraform-user',
            value: 'alice-tfc',
            userRef: 'user:default/alice',
          },
        ],
        pairs: [
          {
            kind: 'terraform-user',
            value: 'bob-tfc',
            userRef: 'user:default/bob',
          },
        ],
        terraform: {
          workspace: 'acme/checkout-prod',
          plan: { add: 1, change: 2, destroy: 0 },
          applySeconds: 312,
        },
      });
      expect(change.findings).not.toContain('solo');
      expect(
        api.requests.every(r => r.authorization === `Bearer ${API_TOKEN}`),
      ).toBe(true);
    });

    it('accepts the old token while it is rotated, and refuses a wrong, missing or ?token= proof with 401', async () => {
      expect(
        (await deliver(errored, { secret: OLD_NOTIFY_TOKEN })).status,
      ).toBe(200);
      expect((await changesOf(CHECKOUT)).map(c => c.externalId)).toEqual([
        'run-8bEzDnNfVbAEuRmm',
      ]);
      api.requests.length = 0;

      for (const options of [
        { secret: 'another-token' },
        { signature: '' },
        { signature: 'not-hex' },
        { query: `?token=${NOTIFY_TOKEN}` },
      ]) {
        const response = await deliver(completed, options);
        expect(response.status).toBe(401);
        expect(JSON.stringify(response.body)).not.toContain(NOTIFY_TOKEN);
      }
      // Nothing read, nothing more stored.
      expect(api.requests).toEqual([]);
      expect(await changesOf(CHECKOUT)).toHaveLength(1);
    });

    it('answers a bad payload 400 naming the field, with nothing stored', async () => {
      const { run_id: _, ...withoutRun } = completed;
      const response = await deliver(withoutRun);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(
        'run_id must be a non-empty string',
      );

      const notJson = 'payload_version=1';
      const raw = await request(server)
        .post('/api/sre/webhooks/terraform')
        .set('X-TFE-Notification-Signature', sign(notJson, NOTIFY_TOKEN))
        .send(notJson);
      expect(raw.status).toBe(400);
      expect(raw.body.error.message).toBe('The body is not JSON');

      expect(await changesOf(CHECKOUT)).toEqual([]);
      expect(await webhookStatus()).toMatchObject({
        lastError: expect.stringContaining('The body is not JSON'),
      });
    });

    it('answers 503 when the run API refuses the token, naming the status and never the token', async () => {
      api.answers[`/runs/${RUN}`] = { status: 401, body: unauthorized };
      const response = await deliver(completed);
      expect(response.status).toBe(503);
      expect(response.body.error.message).toContain(
        'HCP Terraform answered 401: unauthorized',
      );
      expect(JSON.stringify(response.body)).not.toContain(API_TOKEN);
      expect(await changesOf(CHECKOUT)).toEqual([]);
      const status = await webhookStatus();
      expect(status?.lastError).toContain('HCP Terraform answered 401');
      expect(status?.lastError).not.toContain(API_TOKEN);
    });

    it('keeps a 404 and a 429 of the run API from storing anything, and the webhook answers 503', async () => {
      api.answers[`/runs/${RUN}`] = {
        status: 404,
        body: { errors: [{ status: '404', title: 'not found' }] },
      };
      expect((await deliver(completed)).status).toBe(503);
      api.answers[`/runs/${RUN}`] = {
        status: 429,
        body: { errors: [{ status: '429', title: 'Too many requests' }] },
        // Longer than the client waits: the webhook answers at once.
        headers: { 'X-RateLimit-Reset': '120' },
      };
      const response = await deliver(completed);
      expect(response.status).toBe(503);
      expect(response.body.error.message).toContain(
        'HCP Terraform answered 429',
      );
      expect(await changesOf(CHECKOUT)).toEqual([]);
    });

    it('pulls the workspaces runs on schedule; a run the webhook stored is stored once', async () => {
      expect((await deliver(errored)).body).toEqual({ received: 1, stored: 1 });
      await scheduler.triggerTask('sre-change-pull');
      const items = await changesOf(CHECKOUT);
      expect(items.map(c => [c.externalId, c.outcome])).toEqual([
        ['run-4mJwuZPsTq1ZvL2y', 'succeeded'],
        ['run-8bEzDnNfVbAEuRmm', 'failed'],
      ]);
      expect(items[0].operators[0].userRef).toBe('user:default/bob');
      expect(items[0].pairs[0].userRef).toBe('user:default/alice');
      // The failed apply at 23:40 UTC on a weekday, by Alice alone.
      expect(items[1].findings).toContain('solo');
    });
  },
);
