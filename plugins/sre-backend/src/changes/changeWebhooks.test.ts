import { TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { ChangeInput, ChangeListResponse } from '@baton/plugin-sre-common';
import type {
  ChangeWebhookReceiver,
  ChangeWebhookRequest,
} from '@baton/plugin-sre-node';
import type { Server } from 'http';
import request from 'supertest';
import { startSreTestBackend } from '../__testUtils__/sreTestBackend';
import { ChangeReceiverRegistry } from './ChangeReceiverRegistry';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const CHECKOUT = 'component:default/checkout-api';
const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout-api', namespace: 'default' },
    spec: {
      type: 'service',
      owner: 'group:default/product',
      lifecycle: 'production',
    },
  },
];

const change = (externalId: string): ChangeInput => ({
  externalId,
  entityRefs: [CHECKOUT],
  kind: 'deploy',
  title: `Deploy ${externalId}`,
  startedAt: new Date(Date.now() - 3_600_000).toISOString(),
  outcome: 'succeeded',
  operators: [{ kind: 'name', value: 'alice' }],
  pairs: [],
});

/**
 * A change webhook of a test source: the secret itself in `X-Test-Signature`;
 * the body `{ "ids": [...] }` names the changes, `{ "boom": true }` trips a bug.
 */
class TestChangeReceiver implements ChangeWebhookReceiver {
  readonly source = 'pipeline';
  verifySignature(delivery: ChangeWebhookRequest, secrets: readonly string[]) {
    return secrets.includes(String(delivery.headers['x-test-signature']));
  }
  async parse(delivery: ChangeWebhookRequest): Promise<ChangeInput[]> {
    const body = delivery.body as {
      ids?: unknown;
      boom?: boolean;
      bad?: boolean;
    };
    if (body.boom) throw new TypeError('cannot read properties of undefined');
    if (body.bad) return [{ ...change('x'), startedAt: 'yesterday' }];
    if (!Array.isArray(body.ids)) throw new InputError('ids must be an array');
    return body.ids.map(id => change(String(id)));
  }
}

describe('ChangeReceiverRegistry', () => {
  it.each(['generic', 'sentry', 'api', 'cli', 'webhook', 'Not-An-Id'])(
    "refuses a receiver whose source is '%s'",
    source => {
      expect(() =>
        new ChangeReceiverRegistry().addChangeReceiver({
          ...new TestChangeReceiver(),
          source,
        } as ChangeWebhookReceiver),
      ).toThrow(source);
    },
  );

  it('refuses a second receiver of the same source', () => {
    const registry = new ChangeReceiverRegistry();
    registry.addChangeReceiver(new TestChangeReceiver());
    expect(() => registry.addChangeReceiver(new TestChangeReceiver())).toThrow(
      "A change receiver for 'pipeline' is already registered",
    );
  });
});

describe.each(databases.eachSupportedId())('change webhooks on %s', id => {
  let server: Server;

  const start = async (webhooks: object) => {
    ({ server } = await startSreTestBackend({
      knex: await databases.init(id),
      entities,
      config: { sre: { webhooks } },
      sources: { changeReceivers: [new TestChangeReceiver()] },
    }));
  };
  const send = (
    body: object,
    signature = 'pipeline-secret',
    source = 'pipeline',
  ) =>
    request(server)
      .post(`/api/sre/webhooks/${source}`)
      .set('X-Test-Signature', signature)
      .send(body);
  const stored = async () => {
    const response = await request(server)
      .get('/api/sre/changes')
      .query({ entityRef: CHECKOUT });
    return (response.body as ChangeListResponse).items.map(item => [
      item.source,
      item.externalId,
    ]);
  };

  it('stores a delivery under the receiver source once, beside the alert webhooks', async () => {
    await start({
      pipeline: { secret: 'pipeline-secret' },
      generic: { secret: 'generic-secret' },
    });
    expect((await send({ ids: ['d-1', 'd-2'] })).body).toEqual({
      received: 2,
      stored: 2,
    });
    expect((await send({ ids: ['d-1'] })).status).toBe(200);
    expect(await stored()).toEqual(
      expect.arrayContaining([
        ['pipeline', 'd-1'],
        ['pipeline', 'd-2'],
      ]),
    );
    expect(await stored()).toHaveLength(2);

    // The alert webhooks answer as before.
    const alert = await request(server)
      .post('/api/sre/webhooks/generic')
      .set('Authorization', 'Bearer generic-secret')
      .send({
        alerts: [
          {
            key: 'a-1',
            title: 'Checkout errors',
            status: 'firing',
            startsAt: new Date().toISOString(),
            labels: { service: 'checkout-api' },
          },
        ],
      });
    expect(alert.status).toBe(200);
    expect(alert.body).toMatchObject({ received: 1 });
  });

  it('answers 404 for an unknown or disabled source, 401 for a wrong signature', async () => {
    await start({});
    const unknown = await send({ ids: [] }, 'x', 'jenkins');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe(
      "No webhook for 'jenkins'; sources: alertmanager, mackerel, cloudwatch, sentry, generic, pipeline",
    );
    const disabled = await send({ ids: ['d-1'] });
    expect(disabled.status).toBe(404);
    expect(disabled.body.error.message).toBe(
      'The pipeline webhook is disabled: set sre.webhooks.pipeline.secret',
    );

    await start({ pipeline: { secrets: ['old', 'pipeline-secret'] } });
    expect((await send({ ids: ['d-1'] }, 'wrong')).status).toBe(401);
    expect((await send({ ids: ['d-1'] }, 'old')).status).toBe(200);
    expect(await stored()).toEqual([['pipeline', 'd-1']]);
  });

  it('answers bad deliveries 400 naming the field and stores nothing', async () => {
    await start({ pipeline: { secret: 'pipeline-secret' } });
    const cases: Array<[object, string]> = [
      [{ ids: 'd-1' }, 'ids must be an array'],
      [
        { bad: true },
        'changes[0].startedAt: must be an ISO 8601 time with a time zone',
      ],
      [{ boom: true }, 'The pipeline delivery could not be read'],
    ];
    for (const [body, message] of cases) {
      const response = await send(body);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(message);
    }
    expect(await stored()).toEqual([]);
  });
});
