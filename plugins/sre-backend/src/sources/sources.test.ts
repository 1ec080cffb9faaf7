import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { SourceStatus } from '@baton/plugin-sre-common';
import request from 'supertest';
import { readSreAdmins } from '../policy/sreDefaultPolicy';
import { shippedPolicyPermissions } from '../__testUtils__/shippedPolicy';
import { startSreTestBackend } from '../__testUtils__/sreTestBackend';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const SECRET = 'sources-webhook-secret';
const ROOT = 'user:default/root'; // an sre admin
const JANE = 'user:default/jane';
const admins = readSreAdmins(new ConfigReader({ sre: { admins: ['root'] } }));

/** One cost row of yesterday, tagged for nobody in particular. */
const costRow = () => {
  const day = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 86_400_000;
  return {
    chargePeriodStart: new Date(day),
    chargePeriodEnd: new Date(day + 86_400_000),
    billedCost: '12.50',
    effectiveCost: '12.50',
    billingCurrency: 'USD',
    tags: { service: 'checkout' },
  };
};

/** A cost source from a module: fails with `state.failure`, else pulls `state.rows` rows. */
class FlakyCostSource {
  readonly id = 'billing-export';
  constructor(private readonly state: { failure: string | null }) {}
  async *pull() {
    if (this.state.failure) throw new Error(this.state.failure);
    const row = costRow();
    yield {
      origin: 'export.csv',
      rows: (async function* rows() {
        yield row;
        yield { ...row, billedCost: '1', effectiveCost: '1' };
      })(),
    };
  }
}

describe.each(databases.eachSupportedId())('GET /sources on %s', id => {
  async function startBackend() {
    const knex = await databases.init(id);
    const state: { failure: string | null } = {
      failure: 'GET https://reader:s3cret@billing.example/export failed: 500',
    };
    const { server, scheduler } = await startSreTestBackend({
      knex,
      config: {
        sre: {
          admins: ['root'],
          webhooks: { generic: { secret: SECRET } },
        },
      },
      permissions: shippedPolicyPermissions(admins),
      sources: {
        costSources: [new FlakyCostSource(state)],
        alertPollers: [
          {
            id: 'pager:main',
            poll: async () => [],
          },
        ],
      },
    });
    const sources = async (): Promise<Record<string, SourceStatus>> => {
      const res = await request(server)
        .get('/api/sre/sources')
        .set('Authorization', mockCredentials.user.header(ROOT));
      expect(res.status).toBe(200);
      return Object.fromEntries(
        res.body.items.map((item: SourceStatus) => [item.id, item]),
      );
    };
    const deliver = (body: unknown, secret = SECRET) =>
      request(server)
        .post('/api/sre/webhooks/generic')
        .set('Authorization', `Bearer ${secret}`)
        .send(body as object);
    return { server, scheduler, state, sources, deliver };
  }

  it('lists every configured source, never run at first, to admins only', async () => {
    const { server, sources } = await startBackend();
    const listed = await sources();
    expect(Object.keys(listed).sort()).toEqual([
      'alert-poller:pager:main',
      'cost:billing-export',
      'task:sre-access-reminders',
      'task:sre-alert-poll',
      'task:sre-backup-pull',
      'task:sre-change-pull',
      'task:sre-cost-pull',
      'task:sre-drill-import',
      'task:sre-knowledge-refresh',
      'task:sre-slo-evaluation',
      'webhook:generic',
    ]);
    expect(listed['cost:billing-export']).toEqual({
      id: 'cost:billing-export',
      kind: 'cost',
      trigger: 'schedule',
      provider: 'FlakyCostSource',
      lastSuccessAt: null,
      lastCounts: null,
      lastError: null,
      lastErrorAt: null,
    });
    expect(listed['webhook:generic']).toMatchObject({
      kind: 'alerts',
      trigger: 'webhook',
      provider: 'GenericAlertReceiver',
    });

    const jane = await request(server)
      .get('/api/sre/sources')
      .set('Authorization', mockCredentials.user.header(JANE));
    expect(jane.status).toBe(403);
    expect(jane.body.error.message).toContain('sre.source-status.read');
    const script = await request(server)
      .get('/api/sre/sources')
      .set('Authorization', mockCredentials.service.header());
    expect(script.status).toBe(403);
  });

  it('records a failing pull with its error, redacted, and keeps both times once it succeeds', async () => {
    const { scheduler, state, sources } = await startBackend();

    await scheduler.triggerTask('sre-cost-pull');
    const failed = await sources();
    expect(failed['cost:billing-export']).toMatchObject({
      lastSuccessAt: null,
      lastError: 'Error: GET https://***@billing.example/export failed: 500',
    });
    const failedAt = failed['cost:billing-export'].lastErrorAt!;
    expect(Date.parse(failedAt)).toBeGreaterThan(Date.now() - 60_000);
    // The task itself ran: one source failing does not stop the others.
    expect(failed['task:sre-cost-pull']).toMatchObject({
      lastCounts: { rows: 0 },
      lastError: null,
    });

    state.failure = null;
    await scheduler.triggerTask('sre-cost-pull');
    const recovered = (await sources())['cost:billing-export'];
    expect(recovered).toMatchObject({
      lastCounts: { rows: 2 },
      lastError: 'Error: GET https://***@billing.example/export failed: 500',
      lastErrorAt: failedAt,
    });
    expect(Date.parse(recovered.lastSuccessAt!)).toBeGreaterThanOrEqual(
      Date.parse(failedAt),
    );

    // Failing again: the last success stays with its counts.
    state.failure = 'quota exceeded';
    await scheduler.triggerTask('sre-cost-pull');
    const again = (await sources())['cost:billing-export'];
    expect(again).toMatchObject({
      lastSuccessAt: recovered.lastSuccessAt,
      lastCounts: { rows: 2 },
      lastError: 'Error: quota exceeded',
    });

    await scheduler.triggerTask('sre-alert-poll');
    expect((await sources())['alert-poller:pager:main']).toMatchObject({
      lastCounts: { received: 0, alerts: 0 },
      lastError: null,
    });
  });

  it('records each webhook delivery, and a refused secret not at all', async () => {
    const { sources, deliver } = await startBackend();
    const alert = {
      key: 'checkout-5xx',
      title: 'Checkout 5xx',
      status: 'firing',
      startsAt: new Date().toISOString(),
      labels: { service: 'checkout' },
    };

    expect((await deliver({ alerts: [alert] }, 'wrong')).status).toBe(401);
    expect((await sources())['webhook:generic'].lastErrorAt).toBeNull();

    expect((await deliver({ alerts: [alert] })).status).toBe(200);
    const delivered = (await sources())['webhook:generic'];
    expect(delivered).toMatchObject({
      lastCounts: { received: 1, alerts: 1 },
      lastError: null,
    });
    expect(delivered.lastSuccessAt).not.toBeNull();

    expect((await deliver({ alerts: [{ title: 'no key' }] })).status).toBe(400);
    const refused = (await sources())['webhook:generic'];
    expect(refused.lastError).toMatch(/^InputError: /);
    expect(refused.lastSuccessAt).toBe(delivered.lastSuccessAt);
  });
});
