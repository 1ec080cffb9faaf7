import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { SelectorEntityMapper } from '../catalog/SelectorEntityMapper';
import { startSreTestBackend } from '../__testUtils__/sreTestBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const SECRET = 'outage-secret';
const checkout: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: {
    type: 'service',
    owner: 'group:default/team',
    lifecycle: 'production',
  },
};

/** A catalog that can be switched off: every read then fails as an unreachable one does. */
function switchableCatalog(entities: Entity[]) {
  const inner = catalogServiceMock({ entities });
  const state = { down: false };
  const getEntities = jest.fn(
    async (...args: Parameters<typeof inner.getEntities>) => {
      if (state.down) throw new Error('connect ECONNREFUSED 10.0.0.9:7007');
      return inner.getEntities(...args);
    },
  );
  const catalog = new Proxy(inner, {
    get: (target, key) => {
      if (key === 'getEntities') return getEntities;
      const value = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { catalog, state, getEntities };
}

describe('SelectorEntityMapper.currentOrLast', () => {
  it('maps with the last snapshot while the catalog fails, and with none before any', async () => {
    const { catalog, state } = switchableCatalog([checkout]);
    const errors: unknown[] = [];
    const mapper = new SelectorEntityMapper({
      catalog,
      auth: mockServices.auth(),
      // Every call asks the catalog again, as an expired snapshot does.
      maxAgeMs: 0,
    });

    state.down = true;
    const before = await mapper.currentOrLast(error => errors.push(error));
    expect(before.entityRefsFor({ service: 'checkout' })).toEqual([]);
    expect(String(errors[0])).toMatch(/ECONNREFUSED/);
    await expect(mapper.current()).rejects.toThrow(/ECONNREFUSED/);
  });

  it('keeps the last good snapshot when a reload fails', async () => {
    const { catalog, state, getEntities } = switchableCatalog([checkout]);
    const mapper = new SelectorEntityMapper({
      catalog,
      auth: mockServices.auth(),
      maxAgeMs: 0,
    });
    const good = await mapper.currentOrLast(() => undefined);
    expect(good.entityRefsFor({ service: 'checkout' })).toEqual([
      'component:default/checkout',
    ]);
    state.down = true;
    const errors: unknown[] = [];
    const stale = await mapper.currentOrLast(error => errors.push(error));
    expect(stale.entityRefsFor({ service: 'checkout' })).toEqual([
      'component:default/checkout',
    ]);
    expect(errors).toHaveLength(1);
    // Right after a failure the last snapshot is used without asking again.
    const calls = getEntities.mock.calls.length;
    await mapper.currentOrLast(error => errors.push(error));
    expect(getEntities.mock.calls.length).toBe(calls);
    expect(errors).toHaveLength(1);
  });
});

describe.each(databases.eachSupportedId())(
  'alerts while the catalog is unreachable, on %s',
  id => {
    it('stores a webhook’s alert unmapped (200, not a retry loop) and maps it once the catalog answers', async () => {
      const knex = await databases.init(id);
      const { catalog, state } = switchableCatalog([checkout]);
      state.down = true;
      const { server, scheduler } = await startSreTestBackend({
        knex,
        config: { sre: { webhooks: { generic: { secret: SECRET } } } },
        catalog: createServiceFactory({
          service: catalogServiceRef,
          deps: {},
          factory: () => catalog,
        }),
      });
      const startsAt = new Date(Date.now() - 3_600_000).toISOString();
      const delivered = await request(server)
        .post('/api/sre/webhooks/generic')
        .set('Authorization', `Bearer ${SECRET}`)
        .set('Content-Type', 'application/json')
        .send(
          JSON.stringify({
            alerts: [
              {
                key: 'outage-1',
                monitor: 'Checkout5xx',
                title: 'Checkout 5xx above 1%',
                severity: 'critical',
                status: 'firing',
                startsAt,
                labels: { service: 'checkout' },
              },
            ],
          }),
        );
      expect(delivered.status).toBe(200);
      expect(delivered.body).toEqual({ received: 1, stored: 1 });
      const mapped = async () =>
        (await knex('sre_alert_entities').select('entity_ref')).map(
          row => row.entity_ref,
        );
      expect(await mapped()).toEqual([]);

      // The catalog is back: the scheduled pull maps recent alerts anew.
      state.down = false;
      await scheduler.triggerTask('sre-alert-poll');
      expect(await mapped()).toEqual(['component:default/checkout']);
      const history = await request(server)
        .get('/api/sre/entities/component/default/checkout/alerts')
        .set('Authorization', mockCredentials.user.header());
      expect(history.status).toBe(200);
      expect(history.body.items.map((a: { title: string }) => a.title)).toEqual(
        ['Checkout 5xx above 1%'],
      );
    });
  },
);
