import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import {
  CatalogCall,
  visibilityCatalogFactory,
} from '../__testUtils__/visibilityCatalog';
import { CatalogIndex, CatalogSnapshot } from './CatalogSnapshot';
import { startSreTestBackend } from '../__testUtils__/sreTestBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const DANIEL = 'user:default/daniel.weiss';
const FARID = 'user:default/farid.haddad';
/** May read the team but not its ledger. */
const OUTSIDER = 'user:default/outsider';
const LEDGER = 'component:default/secret-ledger';

const relation = (type: string, targetRef: string) => ({ type, targetRef });
const user = (name: string, groups: string[]): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { profile: { displayName: name.replace('.', ' ') } },
  relations: groups.map(group => relation('memberOf', group)),
});
const service = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', owner, lifecycle: 'production' },
  relations: [relation('ownedBy', owner)],
});
const team = (members: string[]): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'fulfilment', namespace: 'default' },
  spec: { type: 'squad', children: [] },
  relations: members.map(member => relation('hasMember', member)),
});

const initialEntities = (): Entity[] => [
  team([DANIEL]),
  user('daniel.weiss', ['group:default/fulfilment']),
  user('outsider', []),
  service('inventory-sync', 'group:default/fulfilment'),
  service('media-streaming', DANIEL),
  service('secret-ledger', 'group:default/fulfilment'),
];

describe('CatalogSnapshot', () => {
  function countingCatalog(entities: Entity[]) {
    const inner = catalogServiceMock({ entities });
    const calls: Array<() => void> = [];
    let failing = false;
    const catalog = {
      // Held until the test releases it, so that requests can pile up meanwhile.
      getEntities: jest.fn(
        (...args: Parameters<CatalogService['getEntities']>) =>
          new Promise<Awaited<ReturnType<CatalogService['getEntities']>>>(
            (resolve, reject) =>
              calls.push(() =>
                failing
                  ? reject(new Error('catalog down'))
                  : resolve(inner.getEntities(...args)),
              ),
          ),
      ),
    } as unknown as CatalogService;
    return {
      catalog,
      getEntities: (catalog.getEntities as jest.Mock).mock,
      release: () => calls.splice(0).forEach(call => call()),
      fail: (value: boolean) => {
        failing = value;
      },
    };
  }

  it('serves concurrent callers from one read, asks only for the fields it needs, and reads anew once invalidated', async () => {
    const source = countingCatalog(initialEntities());
    const snapshot = new CatalogSnapshot({
      catalog: source.catalog,
      auth: mockServices.auth(),
      maxAgeMs: 60_000,
    });
    const pending = Array.from({ length: 5 }, () => snapshot.current());
    await new Promise(resolve => setImmediate(resolve));
    source.release();
    const indexes = await Promise.all(pending);
    expect(source.getEntities.calls).toHaveLength(1);
    expect(new Set(indexes).size).toBe(1);
    expect(await snapshot.current()).toBe(indexes[0]);
    expect(source.getEntities.calls).toHaveLength(1);
    const [query] = source.getEntities.calls[0];
    expect(query.fields).toEqual(
      expect.arrayContaining(['kind', 'relations', 'spec.profile.displayName']),
    );
    expect(query.fields).not.toContain('metadata');
    expect(query.fields).not.toContain('spec');
    expect(
      indexes[0]
        .teamServices('group:default/fulfilment')
        .map(e => e.metadata.name),
    ).toEqual(['inventory-sync', 'media-streaming', 'secret-ledger']);

    // A read under way when invalidated answers its callers but is not kept.
    snapshot.invalidate();
    const during = snapshot.current();
    await new Promise(resolve => setImmediate(resolve));
    snapshot.invalidate();
    const after = snapshot.current();
    await new Promise(resolve => setImmediate(resolve));
    source.release();
    await Promise.all([during, after]);
    expect(source.getEntities.calls).toHaveLength(3);
    const next = snapshot.current();
    expect(await next).toBe(await after);
    expect(source.getEntities.calls).toHaveLength(3);
  });

  it("lists a team tree's services by name, then by ref, each once", () => {
    const index = new CatalogIndex([
      {
        ...team([DANIEL]),
        relations: [
          relation('hasMember', DANIEL),
          relation('parentOf', 'group:default/squad'),
        ],
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'squad', namespace: 'default' },
        spec: { type: 'squad', children: [] },
        relations: [relation('childOf', 'group:default/fulfilment')],
      },
      user('daniel.weiss', ['group:default/fulfilment']),
      {
        ...service('orders', 'group:default/squad'),
        kind: 'Resource',
      },
      service('orders', DANIEL),
      service('billing', 'group:default/other'),
      {
        ...service('orders-api', 'group:default/squad'),
        kind: 'API',
      },
    ]);
    expect(
      index
        .teamServices('group:default/fulfilment')
        .map(e => `${e.kind}:${e.metadata.name}`),
    ).toEqual(['Component:orders', 'Resource:orders']);
    expect(index.teamServices('group:default/squad').map(e => e.kind)).toEqual([
      'Resource',
    ]);
    expect(index.teamServices('group:default/missing')).toEqual([]);
  });

  it('keeps the last snapshot while the catalog fails, asking again at most every 10 s', async () => {
    const source = countingCatalog(initialEntities());
    const snapshot = new CatalogSnapshot({
      catalog: source.catalog,
      auth: mockServices.auth(),
      maxAgeMs: 0,
    });
    const first = snapshot.current();
    await new Promise(resolve => setImmediate(resolve));
    source.release();
    const last = await first;
    source.fail(true);
    const errors: unknown[] = [];
    const failed = snapshot.currentOrLast(error => errors.push(error));
    await new Promise(resolve => setImmediate(resolve));
    source.release();
    expect(await failed).toBe(last);
    expect(await snapshot.currentOrLast(error => errors.push(error))).toBe(
      last,
    );
    expect(errors).toHaveLength(1);
    expect(source.getEntities.calls).toHaveLength(2);
    await expect(
      (async () => {
        const pending = snapshot.current();
        await new Promise(resolve => setImmediate(resolve));
        source.release();
        return pending;
      })(),
    ).rejects.toThrow('catalog down');
  });
});

describe.each(databases.eachSupportedId())(
  'team reports, readiness and review agendas on %s',
  databaseId => {
    async function startBackend(snapshotMaxAgeSeconds: number) {
      const knex = await databases.init(databaseId);
      let entities = initialEntities();
      const calls: CatalogCall[] = [];
      const { server } = await startSreTestBackend({
        knex,
        config: { sre: { catalog: { snapshotMaxAgeSeconds } } },
        catalog: visibilityCatalogFactory(
          () => entities,
          (userRef, entityRef) => userRef === OUTSIDER && entityRef === LEDGER,
          call => calls.push(call),
        ),
      });
      const get = (path: string, userRef = DANIEL) =>
        request(server)
          .get(`/api/sre${path}`)
          .set('Authorization', mockCredentials.user.header(userRef));
      /** Whole-catalog reads with the plugin's credentials since the last call. */
      const wholeCatalogReads = () => {
        const reads = calls.filter(
          call => call.method === 'getEntities' && call.principal === 'service',
        ).length;
        calls.splice(0);
        return reads;
      };
      const userReads = () =>
        calls.filter(call => call.principal === 'user').length;
      return {
        get,
        wholeCatalogReads,
        userReads,
        change: (next: Entity[]) => {
          entities = next;
        },
      };
    }

    const serviceRefs = (body: { services: Array<{ entityRef: string }> }) =>
      body.services.map(s => s.entityRef);

    it('read the whole catalog once for many concurrent requests, and still filter each caller', async () => {
      const backend = await startBackend(60);
      backend.wholeCatalogReads();
      const responses = await Promise.all([
        ...Array.from({ length: 4 }, () =>
          backend.get('/teams/default/fulfilment/report'),
        ),
        ...Array.from({ length: 2 }, () =>
          backend.get('/teams/default/fulfilment/report', OUTSIDER),
        ),
        ...Array.from({ length: 3 }, () =>
          backend.get('/entities/component/default/inventory-sync/readiness'),
        ),
        ...Array.from({ length: 2 }, () =>
          backend.get('/reviews/default/fulfilment'),
        ),
      ]);
      expect(responses.map(r => r.status)).toEqual(responses.map(() => 200));
      expect(serviceRefs(responses[0].body)).toEqual([
        'component:default/inventory-sync',
        'component:default/media-streaming',
        LEDGER,
      ]);
      // The outsider's report leaves out what their catalog hides.
      expect(serviceRefs(responses[4].body)).toEqual([
        'component:default/inventory-sync',
        'component:default/media-streaming',
      ]);
      expect(responses[6].body.entityRef).toBe(
        'component:default/inventory-sync',
      );
      expect(responses[9].body.agenda.readiness.services).toBe(3);
      // Each request still asked the catalog as its caller.
      expect(backend.userReads()).toBeGreaterThanOrEqual(responses.length);
      expect(backend.wholeCatalogReads()).toBe(1);

      // Later requests within the snapshot's age read nothing whole.
      const later = await backend.get('/teams/default/fulfilment/report');
      expect(later.status).toBe(200);
      const hidden = await backend.get(
        '/entities/component/default/secret-ledger/readiness',
        OUTSIDER,
      );
      expect(hidden.status).toBe(404);
      expect(backend.wholeCatalogReads()).toBe(0);
    });

    it('answer for an entity newer than the snapshot at once, reading anew at most once a second', async () => {
      const backend = await startBackend(60);
      expect(
        (await backend.get('/teams/default/fulfilment/report')).status,
      ).toBe(200);
      backend.wholeCatalogReads();
      backend.change([
        ...initialEntities(),
        service('payments-adapter', DANIEL),
        { ...service('orders-api', DANIEL), kind: 'API' },
      ]);
      await new Promise(resolve => setTimeout(resolve, 1_100));
      const fresh = await backend.get(
        '/entities/component/default/payments-adapter/readiness',
      );
      expect(fresh.status).toBe(200);
      expect(backend.wholeCatalogReads()).toBe(1);
      // A kind the snapshot does not hold: no readiness, and no read per request.
      const apis = await Promise.all(
        [1, 2, 3].map(() =>
          backend.get('/entities/api/default/orders-api/readiness'),
        ),
      );
      expect(apis.map(r => r.status)).toEqual([404, 404, 404]);
      expect(backend.wholeCatalogReads()).toBeLessThanOrEqual(1);
    });

    it('show a new member and a new service once the snapshot expires', async () => {
      const backend = await startBackend(2);
      const before = await backend.get('/teams/default/fulfilment/report');
      expect(before.status).toBe(200);
      expect(
        before.body.members.map((m: { userRef: string }) => m.userRef),
      ).toEqual([DANIEL]);
      backend.change([
        ...initialEntities().filter(e => e.kind !== 'Group'),
        team([DANIEL, FARID]),
        user('farid.haddad', ['group:default/fulfilment']),
        service('payments-adapter', FARID),
      ]);
      // Within the snapshot's age: what was read.
      const cached = await backend.get('/teams/default/fulfilment/report');
      expect(serviceRefs(cached.body)).not.toContain(
        'component:default/payments-adapter',
      );
      await new Promise(resolve => setTimeout(resolve, 2_100));
      const after = await backend.get('/teams/default/fulfilment/report');
      expect(after.status).toBe(200);
      expect(
        after.body.members.map((m: { userRef: string }) => m.userRef),
      ).toEqual([DANIEL, FARID]);
      expect(serviceRefs(after.body)).toEqual([
        'component:default/inventory-sync',
        'component:default/media-streaming',
        'component:default/payments-adapter',
        LEDGER,
      ]);
      expect(backend.wholeCatalogReads()).toBe(2);
    });
  },
);
