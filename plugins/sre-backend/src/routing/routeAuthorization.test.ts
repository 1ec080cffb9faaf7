import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import { routeList } from '../__testUtils__/routeList';
import { visibilityCatalogFactory } from '../__testUtils__/visibilityCatalog';
import { createRouter } from '../router';
import { startSreTestBackend } from '../__testUtils__/sreTestBackend';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const SECRET = 'generic-route-table-secret';
const MEMBER = 'user:default/mock';
const OUTSIDER = 'user:default/outsider';
const relation = (type: string, targetRef: string) => ({ type, targetRef });
const user = (name: string, groups: string[] = []): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { profile: { email: `${name}@acme.example` } },
  relations: groups.map(group => relation('memberOf', group)),
});

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team', namespace: 'default' },
    spec: { type: 'team', children: [] },
    relations: [relation('hasMember', MEMBER)],
  },
  user('mock', ['group:default/team']),
  user('outsider'),
  user('bo'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', namespace: 'default' },
    spec: { type: 'service', owner: 'team', lifecycle: 'production' },
    relations: [relation('ownedBy', 'group:default/team')],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'tools',
      namespace: 'default',
      annotations: { 'baton.dev/access-source': 'file:tools' },
    },
    spec: { type: 'saas', owner: 'team' },
    relations: [relation('ownedBy', 'group:default/team')],
  },
];

type Access =
  /** No credentials needed. */
  | 'open'
  /** The source's shared secret instead of credentials. */
  | 'webhook'
  /** People only: a service principal gets 403. */
  | 'user'
  /** People and services (scripts, the CLI). */
  | 'user-or-service';

interface Context {
  server: Parameters<typeof request>[0];
  alertId: string;
  reviewId: string;
  revision: number;
  actionId: string;
  campaignId: string;
  itemIds: string[];
  drillId: string;
}

interface RouteRow {
  access: Access;
  /** The Baton permission a signed-in user needs; a user without it gets 403 naming it. */
  permission?: string;
  /** The route reads a catalog entity: a user who may not read it in the catalog gets 404. */
  catalogEntity?: boolean;
  path: (ctx: Context) => string;
  body?: (ctx: Context) => unknown;
  /** Brings the data into the state the call needs (the row's success case). */
  prepare?: (ctx: Context, as: Caller) => Promise<void>;
  /** Keeps what later rows need from the success's answer. */
  after?: (ctx: Context, body: any) => void;
  success: number;
}

type Caller = (method: string, url: string, header?: string) => request.Test;

/**
 * Every route of the plugin, `METHOD /path` as the routers declare it. A
 * route added without a row here fails the first test below.
 */
const ROUTES: Record<string, RouteRow> = {
  'GET /health': { access: 'open', path: () => '/health', success: 200 },
  'POST /webhooks/:source': {
    access: 'webhook',
    path: () => '/webhooks/generic',
    body: () => ({
      alerts: [
        {
          key: 'route-table-webhook',
          title: 'Webhook row',
          status: 'firing',
          startsAt: new Date().toISOString(),
          labels: { service: 'checkout' },
        },
      ],
    }),
    success: 200,
  },
  'GET /entities/:kind/:namespace/:name/alerts': {
    access: 'user-or-service',
    catalogEntity: true,
    path: () => '/entities/component/default/checkout/alerts',
    success: 200,
  },
  'GET /teams/:namespace/:name/alerts': {
    access: 'user-or-service',
    catalogEntity: true,
    path: () => '/teams/default/team/alerts',
    success: 200,
  },
  'GET /alerts/noise': {
    access: 'user-or-service',
    path: () => '/alerts/noise',
    success: 200,
  },
  'POST /alerts/:id/ack': {
    access: 'user',
    permission: 'sre.alert.acknowledge',
    path: ctx => `/alerts/${ctx.alertId}/ack`,
    success: 200,
  },
  'DELETE /alerts/:id/ack': {
    access: 'user',
    permission: 'sre.alert.acknowledge',
    path: ctx => `/alerts/${ctx.alertId}/ack`,
    prepare: async (ctx, as) => {
      expect((await as('post', `/alerts/${ctx.alertId}/ack`)).status).toBe(200);
    },
    success: 200,
  },
  'GET /entities/:kind/:namespace/:name/slos': {
    access: 'user-or-service',
    catalogEntity: true,
    path: () => '/entities/component/default/checkout/slos',
    success: 200,
  },
  'GET /entities/:kind/:namespace/:name/costs': {
    access: 'user-or-service',
    catalogEntity: true,
    path: () => '/entities/component/default/checkout/costs',
    success: 200,
  },
  'GET /teams/:namespace/:name/costs': {
    access: 'user-or-service',
    catalogEntity: true,
    path: () => '/teams/default/team/costs',
    success: 200,
  },
  'POST /costs/import': {
    access: 'user-or-service',
    permission: 'sre.cost.import',
    path: () => '/costs/import?format=lines&source=route-table',
    body: () => '2026-11-02,1.50\n',
    success: 200,
  },
  'GET /changes': {
    access: 'user-or-service',
    catalogEntity: true,
    path: () => '/changes?entityRef=component:default/checkout',
    success: 200,
  },
  'GET /changes/team': {
    access: 'user-or-service',
    catalogEntity: true,
    path: () => '/changes/team?teamRef=group:default/team',
    success: 200,
  },
  'POST /changes': {
    access: 'user-or-service',
    permission: 'sre.change.record',
    path: () => '/changes',
    body: () => ({
      source: 'cli',
      changes: [
        {
          externalId: 'route-table-change',
          entityRefs: ['component:default/checkout'],
          kind: 'deploy',
          title: 'Route table change',
          startedAt: new Date().toISOString(),
          outcome: 'succeeded',
          operators: [{ kind: 'name', value: 'mock' }],
        },
      ],
    }),
    success: 200,
  },
  'GET /entities/:kind/:namespace/:name/knowledge': {
    access: 'user-or-service',
    catalogEntity: true,
    path: () => '/entities/component/default/checkout/knowledge',
    // No knowledge was computed for it: the report says so with a 404 of its own.
    success: 404,
  },
  'GET /entities/:kind/:namespace/:name/readiness': {
    access: 'user-or-service',
    catalogEntity: true,
    path: () => '/entities/component/default/checkout/readiness',
    success: 200,
  },
  'GET /entities/:kind/:namespace/:name/backups': {
    access: 'user-or-service',
    catalogEntity: true,
    path: () => '/entities/component/default/checkout/backups',
    success: 200,
  },
  'GET /entities/:kind/:namespace/:name/backups/history': {
    access: 'user-or-service',
    catalogEntity: true,
    path: () =>
      '/entities/component/default/checkout/backups/history?resource=orders',
    // No backup source here: the resource is not the entity's, a 400 naming it.
    success: 400,
  },
  'GET /teams/:namespace/:name/report': {
    access: 'user-or-service',
    catalogEntity: true,
    path: () => '/teams/default/team/report',
    success: 200,
  },
  'GET /reviews/:namespace/:team': {
    access: 'user-or-service',
    catalogEntity: true,
    path: () => '/reviews/default/team',
    success: 200,
  },
  'POST /reviews/:namespace/:team': {
    access: 'user',
    permission: 'sre.review.update',
    catalogEntity: true,
    path: () => '/reviews/default/team',
    body: () => ({}),
    prepare: async (ctx, as) => {
      // One review in progress at a time: the one from before goes.
      if (ctx.reviewId) {
        await as('post', `/reviews/default/team/${ctx.reviewId}/abandon`);
      }
    },
    after: (ctx, review) => {
      ctx.reviewId = review.id;
      ctx.revision = review.revision;
    },
    success: 201,
  },
  'GET /reviews/:namespace/:team/:id': {
    access: 'user-or-service',
    catalogEntity: true,
    path: ctx => `/reviews/default/team/${ctx.reviewId}`,
    success: 200,
  },
  'PATCH /reviews/:namespace/:team/:id': {
    access: 'user',
    permission: 'sre.review.update',
    catalogEntity: true,
    path: ctx => `/reviews/default/team/${ctx.reviewId}`,
    body: ctx => ({ notes: 'Route table notes', revision: ctx.revision }),
    after: (ctx, review) => {
      ctx.revision = review.revision;
    },
    success: 200,
  },
  'POST /reviews/:namespace/:team/:id/actions': {
    access: 'user',
    permission: 'sre.review.update',
    catalogEntity: true,
    path: ctx => `/reviews/default/team/${ctx.reviewId}/actions`,
    body: () => ({ title: 'Write the runbook' }),
    after: (ctx, item) => {
      ctx.actionId = item.id;
    },
    success: 201,
  },
  'PATCH /reviews/:namespace/:team/actions/:actionId': {
    access: 'user',
    permission: 'sre.review.update',
    catalogEntity: true,
    path: ctx => `/reviews/default/team/actions/${ctx.actionId}`,
    body: () => ({ status: 'done' }),
    success: 200,
  },
  'POST /reviews/:namespace/:team/:id/finish': {
    access: 'user',
    permission: 'sre.review.update',
    catalogEntity: true,
    path: ctx => `/reviews/default/team/${ctx.reviewId}/finish`,
    success: 200,
  },
  'POST /reviews/:namespace/:team/:id/abandon': {
    access: 'user',
    permission: 'sre.review.update',
    catalogEntity: true,
    path: ctx => `/reviews/default/team/${ctx.reviewId}/abandon`,
    prepare: async (ctx, as) => {
      const started = await as('post', '/reviews/default/team').send({});
      expect(started.status).toBe(201);
      ctx.reviewId = started.body.id;
    },
    success: 200,
  },
  'GET /drills/:namespace/:team': {
    access: 'user-or-service',
    catalogEntity: true,
    path: () => '/drills/default/team',
    success: 200,
  },
  'POST /drills/:namespace/:team': {
    access: 'user',
    permission: 'sre.review.update',
    catalogEntity: true,
    path: () => '/drills/default/team',
    body: () => ({
      scenario: 'restore-from-backup',
      title: 'Route table drill',
      entityRefs: ['component:default/checkout'],
    }),
    after: (ctx, drill) => {
      ctx.drillId = drill.id;
    },
    success: 201,
  },
  'POST /drills/:namespace/:team/:id/record': {
    access: 'user',
    permission: 'sre.review.update',
    catalogEntity: true,
    path: ctx => `/drills/default/team/${ctx.drillId}/record`,
    body: () => ({
      performedAt: new Date(Date.now() - 3_600_000).toISOString(),
      participants: ['user:default/mock'],
      outcome: 'succeeded',
    }),
    success: 200,
  },
  'POST /drills/:namespace/:team/:id/actions': {
    access: 'user',
    permission: 'sre.review.update',
    catalogEntity: true,
    path: ctx => `/drills/default/team/${ctx.drillId}/actions`,
    body: () => ({ title: 'Grant the restore role kms:Decrypt' }),
    success: 201,
  },
  'GET /entities/:kind/:namespace/:name/drills': {
    access: 'user-or-service',
    catalogEntity: true,
    path: () => '/entities/component/default/checkout/drills',
    success: 200,
  },
  'GET /access-reviews': {
    access: 'user-or-service',
    permission: 'sre.access-review.read',
    path: () => '/access-reviews',
    success: 200,
  },
  'POST /access-reviews': {
    access: 'user',
    permission: 'sre.access-review.create',
    path: () => '/access-reviews',
    body: () => ({ title: 'Route table review' }),
    success: 201,
  },
  'GET /access-reviews/:id': {
    access: 'user-or-service',
    permission: 'sre.access-review.read',
    path: ctx => `/access-reviews/${ctx.campaignId}`,
    success: 200,
  },
  'POST /access-reviews/:id/items/:itemId/decision': {
    access: 'user',
    permission: 'sre.access-review.decide',
    path: ctx =>
      `/access-reviews/${ctx.campaignId}/items/${ctx.itemIds[0]}/decision`,
    body: () => ({ decision: 'revoke' }),
    success: 200,
  },
  'POST /access-reviews/:id/decisions': {
    access: 'user',
    permission: 'sre.access-review.decide',
    path: ctx => `/access-reviews/${ctx.campaignId}/decisions`,
    body: ctx => ({ decision: 'revoke', itemIds: ctx.itemIds }),
    success: 200,
  },
  'POST /access-reviews/:id/close': {
    access: 'user',
    permission: 'sre.access-review.close',
    path: ctx => `/access-reviews/${ctx.campaignId}/close`,
    success: 200,
  },
  'GET /access-reviews/:id/evidence': {
    access: 'user-or-service',
    permission: 'sre.access-review.read',
    path: ctx => `/access-reviews/${ctx.campaignId}/evidence?format=json`,
    success: 200,
  },
  'GET /tasks': { access: 'user', path: () => '/tasks', success: 200 },
  'GET /sources': {
    access: 'user',
    permission: 'sre.source-status.read',
    path: () => '/sources',
    success: 200,
  },
};

it('has a row for every route the routers declare, and none for a route that is gone', async () => {
  // The routers only register handlers here; nothing is called.
  const router = await createRouter(
    {} as unknown as Parameters<typeof createRouter>[0],
  );
  expect(routeList(router).sort()).toEqual(Object.keys(ROUTES).sort());
});

describe.each(databases.eachSupportedId())(
  'who may call each route, on %s',
  id => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-routes-'));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    /** Permissions the policy denies, by name; each case sets its own. */
    const denied = new Set<string>();
    const decide = (name: string) => ({
      result: denied.has(name) ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
    });

    async function startBackend() {
      fs.writeFileSync(
        path.join(dir, 'tools.csv'),
        [
          'principal,principal_kind,resource,privilege,last_used_at,flags',
          `bo@acme.example,email,saas:tools,member,${new Date().toISOString()},`,
          `gone@acme.example,email,saas:tools,admin,${new Date().toISOString()},`,
        ].join('\n'),
      );
      const knex = await databases.init(id);
      const { server } = await startSreTestBackend({
        knex,
        // A request without credentials is anonymous, as in a real backend.
        anonymousByDefault: true,
        config: {
          sre: {
            webhooks: { generic: { secret: SECRET } },
            accessReviews: {
              files: { tools: path.join(dir, 'tools.csv') },
              notifications: false,
            },
          },
        },
        permissions: mockServices.permissions.mock({
          authorize: async requests =>
            requests.map(r => decide(r.permission.name)),
          authorizeConditional: async requests =>
            requests.map(r => decide(r.permission.name)),
        }).factory,
        catalog: visibilityCatalogFactory(
          entities,
          userRef => userRef === OUTSIDER,
        ),
        sources: {
          // `day,amount` lines: enough of a file format to reach the route's success.
          costFileFormats: [
            {
              id: 'lines',
              async *read(body) {
                let text = '';
                for await (const chunk of body) text += chunk;
                for (const line of text.split('\n').filter(Boolean)) {
                  const [day, amount] = line.split(',');
                  yield {
                    chargePeriodStart: new Date(`${day}T00:00:00Z`),
                    chargePeriodEnd: new Date(
                      Date.parse(`${day}T00:00:00Z`) + 86_400_000,
                    ),
                    billedCost: amount,
                    effectiveCost: amount,
                    billingCurrency: 'USD',
                    tags: { service: 'checkout' },
                  };
                }
              },
            },
          ],
        },
      });
      return server;
    }

    const headers = {
      none: undefined,
      service: mockCredentials.service.header(),
      member: mockCredentials.user.header(MEMBER),
      outsider: mockCredentials.user.header(OUTSIDER),
      secret: `Bearer ${SECRET}`,
    };

    let ctx: Context;

    /** A request to the backend under test, by HTTP method. */
    const open = (verb: string, url: string): request.Test => {
      const agent = request(ctx.server);
      const methods = {
        get: () => agent.get(url),
        post: () => agent.post(url),
        patch: () => agent.patch(url),
        delete: () => agent.delete(url),
      };
      return methods[verb.toLowerCase() as keyof typeof methods]();
    };

    /** A set-up step that went wrong stops the suite with the answer it got. */
    const mustBe = (res: request.Response, status: number) => {
      if (res.status !== status) {
        throw new Error(
          `set-up: ${res.status} (not ${status}) ${JSON.stringify(res.body)}`,
        );
      }
    };

    beforeAll(async () => {
      const server = await startBackend();
      ctx = {
        server,
        alertId: '',
        reviewId: '',
        revision: 0,
        actionId: '',
        campaignId: '',
        itemIds: [],
        drillId: '',
      };
      const as: Caller = (verb, url, header = headers.member) =>
        open(verb, `/api/sre${url}`).set('Authorization', header);
      // What the stateful routes act on: a firing alert, a review in progress
      // with an action item, and an access-review campaign with its items.
      const webhook = await as('post', '/webhooks/generic', headers.secret)
        .set('Content-Type', 'application/json')
        .send({
          alerts: [
            {
              key: 'route-table-1',
              title: 'Checkout 5xx',
              status: 'firing',
              startsAt: new Date(Date.now() - 600_000).toISOString(),
              labels: { service: 'checkout' },
            },
          ],
        });
      mustBe(webhook, 200);
      const listed = await as(
        'get',
        '/entities/component/default/checkout/alerts',
      );
      ctx.alertId = listed.body.items[0].id;
      const review = await as('post', '/reviews/default/team').send({});
      mustBe(review, 201);
      ctx.reviewId = review.body.id;
      ctx.revision = review.body.revision;
      const action = await as(
        'post',
        `/reviews/default/team/${ctx.reviewId}/actions`,
      ).send({ title: 'First item' });
      ctx.actionId = action.body.id;
      const campaign = await as('post', '/access-reviews').send({
        title: 'Route table campaign',
      });
      mustBe(campaign, 201);
      ctx.campaignId = campaign.body.campaign.id;
      ctx.itemIds = campaign.body.items.map((item: { id: string }) => item.id);
    });
    afterEach(() => denied.clear());

    const call = (row: RouteRow, route: string, header?: string) => {
      const [verb] = route.split(' ');
      let test = open(verb, `/api/sre${row.path(ctx)}`);
      if (header) test = test.set('Authorization', header);
      const body = row.body?.(ctx);
      if (body === undefined) return test;
      return typeof body === 'string'
        ? test.set('Content-Type', 'text/plain').send(body)
        : test.send(body as object);
    };

    const status = async (row: RouteRow, route: string, header?: string) =>
      (await call(row, route, header)).status;

    it.each(Object.entries(ROUTES))('%s', async (route, row) => {
      // What each kind of caller gets, against what the row says they should.
      const observed: Record<string, unknown> = {};
      const expected: Record<string, unknown> = {};
      if (row.access !== 'open') {
        observed.anonymous = await status(row, route, headers.none);
        expected.anonymous = 401;
      }
      if (row.access === 'webhook') {
        // Backstage credentials are not the source's secret.
        observed.service = await status(row, route, headers.service);
        observed.member = await status(row, route, headers.member);
        Object.assign(expected, { service: 401, member: 401 });
      } else if (row.access !== 'open') {
        // A service principal on a people-only route: 403.
        observed.service = await status(row, route, headers.service);
        expected.service = row.access === 'user' ? 403 : row.success;
      }
      // A user the catalog hides the entity from: 404, as the catalog answers.
      if (row.catalogEntity) {
        observed.hidden = await status(row, route, headers.outsider);
        expected.hidden = 404;
      }
      // A user without the permission: 403 naming it.
      if (row.permission) {
        denied.add(row.permission);
        const refused = await call(row, route, headers.member);
        denied.clear();
        observed.denied = {
          status: refused.status,
          namesPermission: String(refused.body?.error?.message).includes(
            row.permission,
          ),
        };
        expected.denied = { status: 403, namesPermission: true };
      }
      // With it: the route does its work.
      const as: Caller = (verb, url, header = headers.member) =>
        open(verb, `/api/sre${url}`).set('Authorization', header);
      await row.prepare?.(ctx, as);
      const allowed = await call(
        row,
        route,
        row.access === 'webhook' ? headers.secret : headers.member,
      );
      observed.allowed = allowed.status;
      expected.allowed = row.success;
      expect({ route, ...observed }).toEqual({ route, ...expected });
      row.after?.(ctx, allowed.body);
    });
  },
);
