import { createBackend } from '@backstage/backend-defaults';
import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import {
  coreServices,
  createServiceFactory,
  type LoggerService,
  type RootLoggerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import sreModuleAlertmanager from '@baton/plugin-sre-backend-module-alertmanager';
import sreModuleMackerel from '@baton/plugin-sre-backend-module-mackerel';
import sreModuleSentry from '@baton/plugin-sre-backend-module-sentry';
import { createHmac } from 'crypto';
import fs from 'fs';
import type { Server } from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import request from 'supertest';
import { triggerableScheduler } from '../__testUtils__/triggerableScheduler';
import { sreBackendPlugin } from '../plugin';
import { snsTestSigner } from './__testUtils__/snsTestSigner';
import { startSreTestBackend } from '../__testUtils__/sreTestBackend';

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

// SNS's certificate is replaced by a throw-away one; everything else is the real module.
const sns = snsTestSigner();

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
    async function startBackend(
      webhooks: Record<string, object> = Object.fromEntries(
        Object.entries(SECRETS).map(([source, secret]) => [source, { secret }]),
      ),
    ) {
      const knex = await databases.init(id);
      const { server } = await startSreTestBackend({
        knex,
        config: { sre: { webhooks } },
        entities: [
          component('probes', 'job=http_checks'),
          component('web', 'alarm=web-1-network-out'),
          component('front-end', 'project=front-end'),
        ],
        features: [
          sreModuleAlertmanager,
          sns.module,
          sreModuleMackerel,
          sreModuleSentry,
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

    it('Alertmanager: a 5,000-character summary is stored cut with a marker, not refused on every retry', async () => {
      const { server, alertsOf, count } = await startBackend();
      const payload = JSON.parse(
        fixture('alertmanager', 'webhook-firing.json'),
      );
      const [first] = payload.alerts;
      const summary = `Probe failure: ${'slow backend '.repeat(400)}`.slice(
        0,
        5000,
      );
      payload.alerts = [
        {
          ...first,
          annotations: { ...first.annotations, summary },
        },
      ];
      const res = await request(server)
        .post('/api/sre/webhooks/alertmanager')
        .set('Authorization', `Bearer ${SECRETS.alertmanager}`)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(payload));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ received: 1, stored: 1 });
      expect(await count('sre_alerts')).toBe(1);
      const { items } = await alertsOf('probes');
      expect(items).toHaveLength(1);
      expect(items[0].title).toHaveLength(1024);
      expect(items[0].title).toBe(`${summary.slice(0, 1023)}…`);
    });

    it('CloudWatch through SNS (text/plain, Basic authentication, signed): ALARM then OK closes the same alert', async () => {
      const { server, alertsOf, count } = await startBackend();
      const signed = (name: string, version: '1' | '2' = '2') =>
        JSON.stringify(
          sns.sign(JSON.parse(fixture('cloudwatch', name)), version),
        );
      // SNS sends the user and password of the subscription URL (https://sns:<secret>@…) as Basic.
      const post = (body: string) =>
        request(server)
          .post('/api/sre/webhooks/cloudwatch')
          .auth('sns', SECRETS.cloudwatch)
          .set('Content-Type', 'text/plain; charset=UTF-8')
          .send(body);
      expect(
        (await post(signed('sns-notification-alarm.json', '1'))).status,
      ).toBe(200);
      expect((await post(signed('sns-notification-ok.json'))).status).toBe(200);
      expect(await count('sre_alerts')).toBe(1);
      const { items } = await alertsOf('web');
      expect(items).toEqual([
        expect.objectContaining({ source: 'cloudwatch', status: 'resolved' }),
      ]);
      // Confirmation is off by default: acknowledged with 200, nothing fetched or stored.
      const confirmation = await post(
        signed('sns-subscription-confirmation.json'),
      );
      expect(confirmation.status).toBe(200);
      expect(await count('sre_alerts')).toBe(1);
    });

    it('CloudWatch: refuses an unsigned or altered SNS message even with the secret, and ?token= even when signed', async () => {
      const { server, count } = await startBackend();
      const alarm = JSON.parse(
        fixture('cloudwatch', 'sns-notification-alarm.json'),
      );
      const post = (body: object) =>
        request(server)
          .post('/api/sre/webhooks/cloudwatch')
          .auth('sns', SECRETS.cloudwatch)
          .set('Content-Type', 'text/plain; charset=UTF-8')
          .send(JSON.stringify(body));
      // The recorded message carries AWS's placeholder signature.
      const unsigned = await post(alarm);
      expect(unsigned.status).toBe(401);
      expect(unsigned.body.error.message).toMatch(/signature does not match/);
      const altered = sns.sign(alarm);
      altered.Message = String(altered.Message).replace('ALARM', 'OK');
      expect((await post(altered)).status).toBe(401);
      const elsewhere = {
        ...sns.sign(alarm),
        SigningCertURL:
          'https://sns.us-east-1.amazonaws.com.evil.example/cert.pem',
      };
      expect((await post(elsewhere)).body.error.message).toMatch(
        /^SigningCertURL must be an https URL/,
      );
      const token = await request(server)
        .post(`/api/sre/webhooks/cloudwatch?token=${SECRETS.cloudwatch}`)
        .set('Content-Type', 'text/plain; charset=UTF-8')
        .send(JSON.stringify(sns.sign(alarm)));
      expect(token.status).toBe(401);
      expect(token.body.error.message).toMatch(
        /does not take its secret as \?token=.*Authorization/,
      );
      expect(JSON.stringify(token.body)).not.toContain(SECRETS.cloudwatch);
      // SNS sends its Basic credentials when the 401 asks for them.
      expect(token.headers['www-authenticate']).toMatch(/^Basic /);
      const wrong = await request(server)
        .post('/api/sre/webhooks/cloudwatch')
        .auth('sns', 'not-the-secret')
        .send(JSON.stringify(sns.sign(alarm)));
      expect(wrong.status).toBe(401);
      expect(await count('sre_alerts')).toBe(0);
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
          .set('Sentry-Hook-Timestamp', String(Math.floor(Date.now() / 1000)));
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

    it('Sentry: refuses a replayed delivery, a delivery without Sentry-Hook-Timestamp, and the secret as a bearer token', async () => {
      const { server, count } = await startBackend();
      const body = fixture('sentry', 'issue-created.json');
      const signature = createHmac('sha256', SECRETS.sentry)
        .update(body)
        .digest('hex');
      const post = (headers: Record<string, string>) =>
        request(server)
          .post('/api/sre/webhooks/sentry')
          .set('Content-Type', 'application/json')
          .set('Sentry-Hook-Resource', 'issue')
          .set(headers)
          .send(body);
      const now = Math.floor(Date.now() / 1000);
      const replayed = await post({
        'Sentry-Hook-Signature': signature,
        'Sentry-Hook-Timestamp': String(now - 600),
      });
      expect(replayed.status).toBe(401);
      expect(replayed.body.error.message).toMatch(/^Sentry-Hook-Timestamp/);
      const undated = await post({ 'Sentry-Hook-Signature': signature });
      expect(undated.status).toBe(400);
      expect(undated.body.error.message).toMatch(/Sentry-Hook-Timestamp/);
      const bearer = await post({
        Authorization: `Bearer ${SECRETS.sentry}`,
        'Sentry-Hook-Timestamp': String(now),
      });
      expect(bearer.status).toBe(401);
      expect(await count('sre_alerts')).toBe(0);
    });

    it('accepts every secret of a source while one is rotated (secret and secrets), and no other', async () => {
      const { server, count } = await startBackend({
        alertmanager: { secret: 'am-old', secrets: ['am-new', 'am-newer'] },
        sentry: { secrets: ['sentry-old', 'sentry-new'] },
        mackerel: { secrets: ['mk-old', 'mk-new'] },
      });
      const alertmanager = (secret: string) =>
        request(server)
          .post('/api/sre/webhooks/alertmanager')
          .set('Authorization', `Bearer ${secret}`)
          .set('Content-Type', 'application/json')
          .send(fixture('alertmanager', 'webhook-firing.json'));
      for (const secret of ['am-old', 'am-new', 'am-newer']) {
        expect((await alertmanager(secret)).status).toBe(200);
      }
      expect((await alertmanager('am-other')).status).toBe(401);
      // Basic with the secret as the password counts as the header too.
      const basic = await request(server)
        .post('/api/sre/webhooks/alertmanager')
        .auth('alertmanager', 'am-new')
        .set('Content-Type', 'application/json')
        .send(fixture('alertmanager', 'webhook-firing.json'));
      expect(basic.status).toBe(200);

      const body = fixture('sentry', 'issue-created.json');
      const sentry = (secret: string) =>
        request(server)
          .post('/api/sre/webhooks/sentry')
          .set('Content-Type', 'application/json')
          .set('Sentry-Hook-Resource', 'issue')
          .set('Sentry-Hook-Timestamp', String(Math.floor(Date.now() / 1000)))
          .set(
            'Sentry-Hook-Signature',
            createHmac('sha256', secret).update(body).digest('hex'),
          )
          .send(body);
      expect((await sentry('sentry-old')).status).toBe(200);
      expect((await sentry('sentry-new')).status).toBe(200);
      expect((await sentry('sentry-other')).status).toBe(401);

      const mackerel = (token: string) =>
        request(server)
          .post(`/api/sre/webhooks/mackerel?token=${token}`)
          .set('Content-Type', 'application/json')
          .send(fixture('mackerel', 'webhook-alert-host.json'));
      expect((await mackerel('mk-old')).status).toBe(200);
      expect((await mackerel('mk-new')).status).toBe(200);
      expect((await mackerel('mk-other')).status).toBe(401);
      expect(await count('sre_alerts')).toBe(4);
    });

    it('refuses ?token= for a source that can send a header, saying to use the header', async () => {
      const { server, count } = await startBackend();
      const res = await request(server)
        .post(`/api/sre/webhooks/alertmanager?token=${SECRETS.alertmanager}`)
        .set('Content-Type', 'application/json')
        .send(fixture('alertmanager', 'webhook-firing.json'));
      expect(res.status).toBe(401);
      expect(res.body.error.message).toMatch(
        /^The alertmanager webhook does not take its secret as \?token=.*Authorization: Bearer/,
      );
      // Not even beside the right header: the secret in the URL is to be noticed and moved.
      const both = await request(server)
        .post(`/api/sre/webhooks/alertmanager?token=${SECRETS.alertmanager}`)
        .set('Authorization', `Bearer ${SECRETS.alertmanager}`)
        .set('Content-Type', 'application/json')
        .send(fixture('alertmanager', 'webhook-firing.json'));
      expect(both.status).toBe(401);
      for (const answer of [res, both]) {
        expect(JSON.stringify(answer.body)).not.toContain(SECRETS.alertmanager);
      }
      expect(await count('sre_alerts')).toBe(0);
    });

    it.each<
      [string, string, Record<string, string>, (body: any) => void, RegExp]
    >([
      [
        'a Mackerel openedAt far past 9999',
        'mackerel',
        {},
        body => (body.alert.openedAt = 1e20),
        /^alert\.openedAt must be a time in epoch seconds between 1970 and 9999/,
      ],
      [
        'a Sentry event URL that is not valid percent-encoding',
        'sentry',
        { 'Sentry-Hook-Resource': 'event_alert' },
        body =>
          (body.data.event.url = body.data.event.url.replace(
            '/front-end/',
            '/%E0%A4%A/',
          )),
        /^data\.event\.url must name the project/,
      ],
      [
        'an Alertmanager startsAt before 1970',
        'alertmanager',
        {},
        body => (body.alerts[0].startsAt = '1969-07-20T20:17:40Z'),
        /^alerts\[0\]\.startsAt must be an RFC 3339 time between 1970 and 9999/,
      ],
    ])(
      'answers %s with a 400 naming the field',
      async (_, source, headers, bend, message) => {
        const { server, count } = await startBackend();
        const name = {
          mackerel: 'webhook-alert-host.json',
          sentry: 'event-alert.json',
          alertmanager: 'webhook-firing.json',
        }[source]!;
        const body = JSON.parse(fixture(source, name));
        bend(body);
        const raw = JSON.stringify(body);
        const pending = request(server)
          .post(
            source === 'mackerel'
              ? `/api/sre/webhooks/mackerel?token=${SECRETS.mackerel}`
              : `/api/sre/webhooks/${source}`,
          )
          .set('Content-Type', 'application/json')
          .set(headers);
        if (source === 'alertmanager') {
          pending.set('Authorization', `Bearer ${SECRETS.alertmanager}`);
        }
        if (source === 'sentry') {
          pending
            .set('Sentry-Hook-Timestamp', String(Math.floor(Date.now() / 1000)))
            .set(
              'Sentry-Hook-Signature',
              createHmac('sha256', SECRETS.sentry).update(raw).digest('hex'),
            );
        }
        const res = await pending.send(raw);
        expect({
          status: res.status,
          message: res.body.error?.message,
        }).toEqual({
          status: 400,
          message: expect.stringMatching(message),
        });
        expect(await count('sre_alerts')).toBe(0);
      },
    );

    describe('confirming an SNS subscription', () => {
      const snsEndpoint = setupServer();
      // Only the SubscribeURL is answered here; the test's own requests to the backend pass.
      beforeAll(() => snsEndpoint.listen({ onUnhandledRequest: 'bypass' }));
      afterEach(() => snsEndpoint.resetHandlers());
      afterAll(() => snsEndpoint.close());

      it('fetches the SubscribeURL of a signed, authenticated confirmation, and answers 503 when SNS does not answer in time', async () => {
        const { server } = await startBackend({
          cloudwatch: {
            secret: SECRETS.cloudwatch,
            confirmSubscriptions: true,
          },
        });
        const confirmation = JSON.parse(
          fixture('cloudwatch', 'sns-subscription-confirmation.json'),
        );
        const post = (body: object) =>
          request(server)
            .post('/api/sre/webhooks/cloudwatch')
            .auth('sns', SECRETS.cloudwatch)
            .set('Content-Type', 'text/plain; charset=UTF-8')
            .send(JSON.stringify(body));
        const fetched: string[] = [];
        snsEndpoint.use(
          http.get(
            'https://sns.us-west-2.amazonaws.com/',
            ({ request: req }) => {
              fetched.push(new URL(req.url).searchParams.get('Action') ?? '');
              return HttpResponse.text('<ConfirmSubscriptionResponse/>');
            },
          ),
        );
        // Unsigned: refused before anything is fetched.
        expect((await post(confirmation)).status).toBe(401);
        expect(fetched).toEqual([]);
        expect((await post(sns.sign(confirmation))).status).toBe(200);
        expect(fetched).toEqual(['ConfirmSubscription']);

        snsEndpoint.use(
          http.get('https://sns.us-west-2.amazonaws.com/', async () => {
            await delay('infinite');
            return HttpResponse.text('too late');
          }),
        );
        const started = Date.now();
        const slow = await post(sns.sign(confirmation));
        expect(slow.status).toBe(503);
        expect(slow.body.error.message).toMatch(/no answer within 5 s/);
        expect(Date.now() - started).toBeLessThan(15_000);
      });
    });
  },
);

describe.each(databases.eachSupportedId())(
  'what the backend logs of a webhook request on %s',
  id => {
    /** Every line the backend logs, with its metadata, as text. */
    const logged: string[] = [];
    class CapturingLogger implements RootLoggerService {
      constructor(private readonly fields: object = {}) {}
      #log(message: string, meta?: Error | JsonObject) {
        const extra =
          meta instanceof Error ? `${meta.message} ${meta.stack}` : meta;
        logged.push(`${message} ${JSON.stringify({ ...this.fields, extra })}`);
      }
      error(message: string, meta?: Error | JsonObject) {
        this.#log(message, meta);
      }
      warn(message: string, meta?: Error | JsonObject) {
        this.#log(message, meta);
      }
      info(message: string, meta?: Error | JsonObject) {
        this.#log(message, meta);
      }
      debug(message: string, meta?: Error | JsonObject) {
        this.#log(message, meta);
      }
      child(meta: JsonObject): LoggerService {
        return new CapturingLogger({ ...this.fields, ...meta });
      }
    }

    it('never shows the ?token= secret: the root router logs req.originalUrl, which the webhook route redacts', async () => {
      const knex = await databases.init(id);
      let httpServer: Server | undefined;
      // The production backend (its root router logs every request), with only what a test must fake replaced.
      const backend = createBackend();
      for (const feature of [
        sreBackendPlugin,
        sreModuleAlertmanager,
        sreModuleMackerel,
        mockServices.database.factory({ knex }),
        triggerableScheduler().factory({ skipTaskRunOnStartup: true }),
        mockServices.rootConfig.factory({
          data: {
            backend: {
              baseUrl: 'http://127.0.0.1',
              listen: { host: '127.0.0.1', port: 0 },
            },
            sre: {
              webhooks: {
                mackerel: { secret: SECRETS.mackerel },
                alertmanager: { secret: SECRETS.alertmanager },
              },
            },
          },
        }),
        catalogServiceMock.factory({ entities: [] }),
        mockServices.auth.factory(),
        mockServices.httpAuth.factory(),
        mockServices.userInfo.factory(),
        mockServices.permissions.factory(),
        mockServices.discovery.factory(),
        createServiceFactory({
          service: coreServices.rootLogger,
          deps: {},
          factory: () => new CapturingLogger(),
        }),
        rootHttpRouterServiceFactory({
          configure(context) {
            httpServer = context.server;
            context.applyDefaults();
          },
        }),
      ]) {
        backend.add(feature);
      }
      await backend.start();
      const base = `http://127.0.0.1:${
        (httpServer!.address() as AddressInfo).port
      }`;
      const hostAlert = fixture('mackerel', 'webhook-alert-host.json');
      const answers = [
        await request(base)
          .post(`/api/sre/webhooks/mackerel?token=${SECRETS.mackerel}`)
          .set('Content-Type', 'application/json')
          .send(hostAlert),
        await request(base)
          .post(`/api/sre/webhooks/mackerel?token=${SECRETS.mackerel}x`)
          .set('Content-Type', 'application/json')
          .send(hostAlert),
        await request(base)
          .post(`/api/sre/webhooks/mackerel?token=${SECRETS.mackerel}`)
          .set('Content-Type', 'application/json')
          .send('{"event": "alert", "alert": {"openedAt": 1e20}}'),
        // Too large: refused before the route's handler runs.
        await request(base)
          .post(`/api/sre/webhooks/mackerel?token=${SECRETS.mackerel}`)
          .set('Content-Type', 'application/json')
          .send(`"${'x'.repeat(2 * 1024 * 1024)}"`),
        await request(base).get(
          `/api/sre/webhooks/mackerel?foo=1&token=${SECRETS.mackerel}`,
        ),
        await request(base)
          .post(`/api/sre/webhooks/alertmanager?token=${SECRETS.alertmanager}`)
          .set('Content-Type', 'application/json')
          .send(fixture('alertmanager', 'webhook-firing.json')),
      ];
      expect(answers.map(res => res.status)).toEqual([
        200, 401, 400, 413, 404, 401,
      ]);
      const requests = logged.filter(line => line.includes('incomingRequest'));
      expect(requests).toHaveLength(answers.length);
      expect(requests[0]).toContain(
        '"POST /api/sre/webhooks/mackerel?token=redacted HTTP/1.1" 200',
      );
      expect(requests[4]).toContain(
        '/api/sre/webhooks/mackerel?foo=redacted&token=redacted',
      );
      for (const line of logged) {
        expect(line).not.toContain(SECRETS.mackerel);
        expect(line).not.toContain(SECRETS.alertmanager);
      }
      for (const res of answers) {
        expect(res.text).not.toContain(SECRETS.mackerel);
        expect(res.text).not.toContain(SECRETS.alertmanager);
      }
      await backend.stop();
    });
  },
);
