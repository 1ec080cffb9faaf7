import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import request from 'supertest';
import { visibilityCatalogFactory } from '../__testUtils__/visibilityCatalog';
import { shippedPolicyPermissions } from '../__testUtils__/shippedPolicy';
import { readSreAdmins } from './sreDefaultPolicy';
import { startSreTestBackend } from '../__testUtils__/sreTestBackend';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const SECRET = 'shared-portal-secret';
const ANA = 'user:default/ana'; // in the payments squad
const LEE = 'user:default/lee'; // in the product team, above the squad
const SAM = 'user:default/sam'; // in the search squad
const ROOT = 'user:default/root'; // an sre admin
const relation = (type: string, targetRef: string) => ({ type, targetRef });
const group = (name: string, members: string[], parent?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
  relations: [
    ...members.map(member => relation('hasMember', member)),
    ...(parent ? [relation('childOf', parent)] : []),
  ],
});
const user = (name: string, team: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: {},
  relations: [relation('memberOf', team)],
});
const service = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', owner, lifecycle: 'production' },
  relations: [relation('ownedBy', owner)],
});

const entities: Entity[] = [
  group('product', [LEE]),
  group('payments', [ANA], 'group:default/product'),
  group('search', [SAM]),
  user('ana', 'group:default/payments'),
  user('lee', 'group:default/product'),
  user('sam', 'group:default/search'),
  user('root', 'group:default/search'),
  service('checkout', 'group:default/payments'),
  // Payments' ledger is restricted in the catalog: only its team sees it.
  service('ledger', 'group:default/payments'),
  service('indexer', 'group:default/search'),
];

const admins = readSreAdmins(new ConfigReader({ sre: { admins: [ROOT] } }));

describe.each(databases.eachSupportedId())(
  'a portal where every engineer is signed in, on %s',
  id => {
    async function startBackend() {
      const knex = await databases.init(id);
      const { server } = await startSreTestBackend({
        knex,
        anonymousByDefault: true,
        config: { sre: { webhooks: { generic: { secret: SECRET } } } },
        permissions: shippedPolicyPermissions(admins),
        catalog: visibilityCatalogFactory(
          entities,
          (userRef, entityRef) =>
            entityRef === 'component:default/ledger' && userRef !== ANA,
        ),
      });
      const as = (userRef: string) => ({
        get: (url: string) =>
          request(server)
            .get(`/api/sre${url}`)
            .set('Authorization', mockCredentials.user.header(userRef)),
        post: (url: string, body: object = {}) =>
          request(server)
            .post(`/api/sre${url}`)
            .set('Authorization', mockCredentials.user.header(userRef))
            .send(body),
        delete: (url: string) =>
          request(server)
            .delete(`/api/sre${url}`)
            .set('Authorization', mockCredentials.user.header(userRef)),
      });
      const deliver = (alerts: object[]) =>
        request(server)
          .post('/api/sre/webhooks/generic')
          .set('Authorization', `Bearer ${SECRET}`)
          .send({ alerts });
      const deliverWithChanges = (changes: object[], alerts: object[]) =>
        request(server)
          .post('/api/sre/webhooks/generic')
          .set('Authorization', `Bearer ${SECRET}`)
          .send({ changes, alerts });
      return { as, deliver, deliverWithChanges };
    }

    it('lets only the team, the teams above it and admins change its review, and nobody lock it out', async () => {
      const { as } = await startBackend();
      const review = '/reviews/default/payments';

      // Someone from another team cannot start (or change) it.
      const foreign = await as(SAM).post(review, {
        since: '2000-01-01T00:00:00Z',
      });
      expect(foreign.status).toBe(403);
      expect(foreign.body.error.message).toContain('sre.review.update');
      expect((await as(SAM).get(review)).status).toBe(200);

      // A member cannot open a review that reaches back to 2000.
      const century = await as(ANA).post(review, {
        since: '2000-01-01T00:00:00Z',
      });
      expect(century.status).toBe(400);
      expect(century.body.error.message).toMatch(
        /^since: an agenda covers at most 366 days/,
      );

      // A review started by mistake is abandoned, by a member of the team above.
      const started = await as(ANA).post(review);
      expect(started.status).toBe(201);
      const again = await as(ANA).post(review);
      expect(again.status).toBe(409);
      const abandoned = await as(LEE).post(
        `${review}/${started.body.id}/abandon`,
      );
      expect(abandoned.status).toBe(200);
      expect(abandoned.body.state).toBe('abandoned');
      expect(
        (await as(SAM).post(`${review}/${started.body.id}/abandon`)).status,
      ).toBe(403);

      // It never becomes the last review; the team starts a new one.
      const page = await as(ANA).get(review);
      expect(page.status).toBe(200);
      expect(page.body.current).toBeNull();
      expect(page.body.lastReview).toBeNull();
      const fresh = await as(ANA).post(review);
      expect(fresh.status).toBe(201);
      const finished = await as(ROOT).post(`${review}/${fresh.body.id}/finish`);
      expect(finished.status).toBe(200);
      // What the last review looked at is done: a new one cannot start before its end.
      const before = await as(ANA).post(review, {
        since: new Date(Date.now() - 86_400_000).toISOString(),
      });
      expect(before.status).toBe(400);
      expect(before.body.error.message).toMatch(
        /^since: must not be before the end of the team's last review/,
      );
    });

    it('lets only the owners of an alert acknowledge it, while it fires or just after, and take it back within minutes', async () => {
      const { as, deliver } = await startBackend();
      const now = Date.now();
      expect(
        (
          await deliver([
            {
              key: 'checkout-5xx',
              title: 'Checkout 5xx',
              status: 'firing',
              startsAt: new Date(now - 600_000).toISOString(),
              labels: { service: 'checkout' },
            },
            {
              key: 'checkout-old',
              title: 'Checkout latency',
              status: 'resolved',
              startsAt: new Date(now - 5 * 3_600_000).toISOString(),
              endsAt: new Date(now - 3 * 3_600_000).toISOString(),
              labels: { service: 'checkout' },
            },
          ])
        ).status,
      ).toBe(200);
      const { items } = (
        await as(ANA).get('/entities/component/default/checkout/alerts')
      ).body;
      const firing = items.find(
        (a: { title: string }) => a.title === 'Checkout 5xx',
      );
      const old = items.find(
        (a: { title: string }) => a.title === 'Checkout latency',
      );

      const foreign = await as(SAM).post(`/alerts/${firing.id}/ack`);
      expect(foreign.status).toBe(403);
      expect(foreign.body.error.message).toContain('sre.alert.acknowledge');

      // The owning squad, and the team above it.
      const byAna = await as(ANA).post(`/alerts/${firing.id}/ack`);
      expect(byAna.status).toBe(200);
      expect(byAna.body.acknowledgedBy).toEqual([ANA]);
      expect(
        (await as(LEE).post(`/alerts/${firing.id}/ack`)).body.acknowledgedBy,
      ).toEqual([ANA, LEE]);

      // Undo: one's own, recent acknowledgement only.
      expect((await as(SAM).delete(`/alerts/${firing.id}/ack`)).status).toBe(
        403,
      );
      const undone = await as(ANA).delete(`/alerts/${firing.id}/ack`);
      expect(undone.status).toBe(200);
      expect(undone.body.acknowledgedBy).toEqual([LEE]);
      const twice = await as(ANA).delete(`/alerts/${firing.id}/ack`);
      expect(twice.status).toBe(409);

      // Resolved three hours ago: past the hour in which it can be acknowledged.
      const late = await as(ANA).post(`/alerts/${old.id}/ack`);
      expect(late.status).toBe(409);
      expect(late.body.error.message).toMatch(
        /up to 60 minutes after it resolved/,
      );
      const afterLate = await as(ANA).get(
        '/entities/component/default/checkout/alerts',
      );
      expect(
        afterLate.body.items.find((a: { id: string }) => a.id === old.id)
          .acknowledgedBy,
      ).toEqual([]);

      // An admin may acknowledge any firing alert.
      expect((await as(ROOT).post(`/alerts/${firing.id}/ack`)).status).toBe(
        200,
      );
    });

    it('answers 404 for what the caller cannot read in the catalog, and leaves it out of team reports', async () => {
      const { as } = await startBackend();
      for (const path of [
        'readiness',
        'alerts',
        'costs',
        'slos',
        'knowledge',
      ]) {
        const hidden = await as(LEE).get(
          `/entities/component/default/ledger/${path}`,
        );
        expect({ path, status: hidden.status }).toEqual({ path, status: 404 });
        expect(hidden.body.error.message).toBe(
          'No entity component:default/ledger in the catalog',
        );
      }
      expect(
        (await as(ANA).get('/entities/component/default/ledger/readiness'))
          .status,
      ).toBe(200);

      const services = async (userRef: string) =>
        (await as(userRef).get('/teams/default/payments/report')).body.services
          .map((s: { entityRef: string }) => s.entityRef)
          .sort();
      expect(await services(ANA)).toEqual([
        'component:default/checkout',
        'component:default/ledger',
      ]);
      expect(await services(LEE)).toEqual(['component:default/checkout']);
      const agendaServices = async (userRef: string) =>
        (await as(userRef).get('/reviews/default/payments')).body.agenda
          .readiness.services;
      expect(await agendaServices(ANA)).toBe(2);
      expect(await agendaServices(LEE)).toBe(1);
      const teamCost = (await as(LEE).get('/teams/default/payments/costs'))
        .body;
      expect(
        teamCost.entities.map((e: { entityRef: string }) => e.entityRef),
      ).toEqual(['component:default/checkout']);
    });

    it("shows a change's other entities and their alerts only to those who may read them", async () => {
      const { as, deliverWithChanges } = await startBackend();
      const started = Date.now() - 3 * 3_600_000;
      const at = (minutes: number) =>
        new Date(started + minutes * 60_000).toISOString();
      // One solo apply touched checkout and the restricted ledger; an alert fired on each after it.
      const delivered = await deliverWithChanges(
        [
          {
            externalId: 'apply-1',
            entityRefs: [
              'component:default/checkout',
              'component:default/ledger',
            ],
            kind: 'terraform-apply',
            environment: 'production',
            title: 'Rotate the payments database credentials',
            startedAt: at(0),
            finishedAt: at(10),
            outcome: 'succeeded',
            operators: [{ kind: 'name', value: 'ana' }],
          },
        ],
        [
          {
            key: 'ledger-drift',
            title: 'Ledger balance drift',
            status: 'firing',
            startsAt: at(20),
            labels: { service: 'ledger' },
          },
          {
            key: 'checkout-errors',
            title: 'Checkout 5xx',
            status: 'firing',
            startsAt: at(30),
            labels: { service: 'checkout' },
          },
        ],
      );
      expect(delivered.status).toBe(200);

      const entityView = async (userRef: string) => {
        const response = await as(userRef).get(
          '/changes?entityRef=component:default/checkout',
        );
        expect(response.status).toBe(200);
        const [item] = response.body.items;
        return {
          entityRefs: item.entityRefs,
          alertsAfter: item.alertsAfter.map((a: { title: string }) => a.title),
        };
      };
      expect(await entityView(ANA)).toEqual({
        entityRefs: ['component:default/checkout', 'component:default/ledger'],
        alertsAfter: ['Ledger balance drift', 'Checkout 5xx'],
      });
      expect(await entityView(LEE)).toEqual({
        entityRefs: ['component:default/checkout'],
        alertsAfter: ['Checkout 5xx'],
      });
      expect(
        JSON.stringify(
          (await as(LEE).get('/changes?entityRef=component:default/checkout'))
            .body,
        ),
      ).not.toContain('ledger');

      // The team tab: the same change, seen by someone above the team.
      const teamView = await as(LEE).get(
        '/changes/team?teamRef=group:default/payments',
      );
      expect(teamView.status).toBe(200);
      expect(JSON.stringify(teamView.body)).not.toContain('ledger');
      expect(
        teamView.body.solo.map((c: { externalId: string }) => c.externalId),
      ).toEqual(['apply-1']);
      expect(teamView.body.solo[0].alertsAfter).toHaveLength(1);
      const anaTeam = await as(ANA).get(
        '/changes/team?teamRef=group:default/payments',
      );
      expect(anaTeam.body.solo[0].alertsAfter).toHaveLength(2);
    });
  },
);
