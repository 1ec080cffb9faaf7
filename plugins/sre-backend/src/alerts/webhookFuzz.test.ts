import {
  coreServices,
  createServiceFactory,
  type LoggerService,
  type RootLoggerService,
} from '@backstage/backend-plugin-api';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import sreModuleAlertmanager from '@baton/plugin-sre-backend-module-alertmanager';
import sreModuleFocus from '@baton/plugin-sre-backend-module-focus';
import sreModuleMackerel from '@baton/plugin-sre-backend-module-mackerel';
import sreModuleSentry from '@baton/plugin-sre-backend-module-sentry';
import { createHmac } from 'crypto';
import fc from 'fast-check';
import fs from 'fs';
import type { Knex } from 'knex';
import path from 'path';
import request from 'supertest';
import { snsTestSigner } from './__testUtils__/snsTestSigner';
import { startSreTestBackend } from '../__testUtils__/sreTestBackend';

/**
 * Throws malformed deliveries at every webhook receiver and at the cost
 * import through the real plugin, on each database: random JSON, wrong
 * types, huge numbers, times outside 1970–9999, invalid UTF-8, oversized
 * fields, and mutations of each source's recorded payloads, always with
 * valid authentication so the parsers are reached. Nothing may answer 5xx,
 * nothing refused may change a table, and the backend must still be healthy.
 */

jest.setTimeout(600_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

/** Requests per target and database; six targets make 10,200 per database. */
const RUNS_PER_TARGET = 1_700;

/**
 * One seed, so that CI throws the same inputs every run; set
 * BATON_FUZZ_SEED to explore others (a failure prints its seed and path).
 */
const SEED = Number(process.env.BATON_FUZZ_SEED ?? 20261203);
const RUN = { numRuns: RUNS_PER_TARGET, seed: SEED };

const SECRETS = {
  generic: 'fuzz-generic-secret',
  alertmanager: 'fuzz-am-secret',
  mackerel: 'fuzz-mk-secret',
  cloudwatch: 'fuzz-cw-secret',
  sentry: 'fuzz-sentry-secret',
};

/** Every table a delivery or an import writes. */
const WRITTEN_TABLES = [
  'sre_alerts',
  'sre_alert_events',
  'sre_alert_entities',
  'sre_cost_daily',
  'sre_cost_imports',
  'sre_cost_tag_sets',
];

function moduleFile(module: string, name: string): string {
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
const fixture = (module: string, name: string): unknown =>
  JSON.parse(moduleFile(module, name));

const GENERIC_ALERT = {
  alerts: [
    {
      key: 'fuzz-1',
      monitor: 'Checkout5xx',
      title: 'Checkout 5xx above 1%',
      severity: 'critical',
      status: 'firing',
      startsAt: '2025-01-10T10:00:00Z',
      labels: { service: 'checkout' },
      url: 'https://grafana.example.com/d/checkout',
      runbookUrl: 'https://runbooks.example.com/checkout',
    },
  ],
};

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: {
    type: 'service',
    owner: 'group:default/team',
    lifecycle: 'production',
  },
});

// ---------------------------------------------------------------------------
// What the fuzzer throws

/** Values that broke or could break a parser: bounds, types, encodings, links. */
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .constantFrom<unknown>(
        null,
        true,
        false,
        0,
        -1,
        1.5,
        1e20,
        -1e20,
        1e308,
        -1e308,
        2 ** 53 + 1,
        '',
        ' ',
        '\u0000',
        'a\u0000b',
        '\ud800',
        // eslint-disable-next-line no-script-url -- the stored XSS the receivers keep out
        'javascript:alert(document.domain)',
        'data:text/html,<script>alert(1)</script>',
        '%E0%A4%A',
        '%',
        '0001-01-01T00:00:00Z',
        '1969-12-31T23:59:59Z',
        '9999-12-31T23:59:59Z',
        '+010000-01-01T00:00:00Z',
        '+275760-09-13T00:00:00.000Z',
        '2025-02-30T00:00:00Z',
        '2025-01-10T10:00:00',
        '253402300800',
        '99999999999999999999',
        'NaN',
        'Infinity',
        '__proto__',
        'constructor',
        [],
        {},
        [[]],
        JSON.parse('{"__proto__": {"polluted": true}}'),
        'critical',
        'resolved',
        'ALARM',
        'OK',
        // A fresh copy each time: a mutation may change the value it inserted.
      )
      .map(value => structuredClone(value)),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30, unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  // Oversized fields: past every column's width, within the body limit.
  {
    weight: 1,
    arbitrary: fc.integer({ min: 500, max: 80_000 }).map(n => 'x'.repeat(n)),
  },
);

type Mutation = {
  pick: number;
  op: 'replace' | 'delete' | 'insert';
  value: unknown;
  key: string;
};

const mutations: fc.Arbitrary<Mutation[]> = fc.array(
  fc.record({
    pick: fc.nat(),
    op: fc.constantFrom<Mutation['op']>(
      'replace',
      'replace',
      'delete',
      'insert',
    ),
    value: nastyValue,
    key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__')),
  }),
  { minLength: 1, maxLength: 3 },
);

type Path = Array<string | number>;

/** Every path to a value inside a JSON document, the root's children first. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value)
    ? value.map((child, index) => [index, child] as const)
    : Object.entries(value as JsonObject);
  return entries.flatMap(([key, child]) => [
    [...prefix, key],
    ...pathsOf(child, [...prefix, key]),
  ]);
}

/** A copy of a document with the mutations applied at paths they pick. */
function mutate(document: unknown, changes: Mutation[]): unknown {
  const copy = structuredClone(document);
  for (const change of changes) {
    const paths = pathsOf(copy);
    if (!paths.length) return structuredClone(change.value);
    const target = paths[change.pick % paths.length];
    const parent = target
      .slice(0, -1)
      .reduce<any>((node, key) => node[key], copy);
    const key = target[target.length - 1];
    const value = structuredClone(change.value);
    if (change.op === 'replace') {
      parent[key] = value;
    } else if (change.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (Array.isArray(parent)) {
      parent.push(value);
    } else {
      Object.defineProperty(parent, change.key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return copy;
}

/** The bytes of a body: JSON as sent, or bent below JSON (invalid UTF-8, cut short). */
const rawBody = (documents: fc.Arbitrary<unknown>): fc.Arbitrary<Buffer> =>
  fc.oneof(
    {
      weight: 12,
      arbitrary: documents.map(document =>
        Buffer.from(JSON.stringify(document) ?? 'null'),
      ),
    },
    {
      weight: 2,
      arbitrary: fc
        .jsonValue({ maxDepth: 4 })
        .map(value => Buffer.from(JSON.stringify(value) ?? 'null')),
    },
    {
      weight: 1,
      arbitrary: fc
        .uint8Array({ maxLength: 300 })
        .map(bytes => Buffer.from(bytes)),
    },
    {
      weight: 2,
      // A valid document with bytes replaced by ones that are not UTF-8, or cut off.
      arbitrary: fc
        .tuple(documents, fc.nat(), fc.constantFrom(0xff, 0xc3, 0x80, 0xed, -1))
        .map(([document, at, byte]) => {
          const bytes = Buffer.from(JSON.stringify(document) ?? 'null');
          const index = at % Math.max(bytes.length, 1);
          if (byte < 0) return bytes.subarray(0, index);
          bytes[index] = byte;
          return bytes;
        }),
    },
  );

const fixtureBodies = (...documents: unknown[]) =>
  fc
    .tuple(fc.constantFrom(...documents), mutations)
    .map(([document, changes]) => mutate(document, changes));

// ---------------------------------------------------------------------------

/** Lines the backend logged, to find a receiver's bug that the 400 safety net hid. */
const warnings: string[] = [];
class CapturingLogger implements RootLoggerService {
  error(message: string, meta?: Error | JsonObject) {
    warnings.push(meta instanceof Error ? `${message}: ${meta}` : message);
  }
  warn(message: string, meta?: Error | JsonObject) {
    warnings.push(meta instanceof Error ? `${message}: ${meta}` : message);
  }
  info() {}
  debug() {}
  child(_meta: JsonObject): LoggerService {
    return this;
  }
}

describe.each(databases.eachSupportedId())(
  'malformed webhook deliveries and cost files on %s',
  id => {
    const sns = snsTestSigner();
    let server: Parameters<typeof request>[0];
    let knex: Knex;
    /** The row counts of the written tables after the last request. */
    let counts: Record<string, number>;
    /** Answers per target and status, to show the parsers were reached. */
    const statuses: Record<string, Record<number, number>> = {};

    const countRows = async (): Promise<Record<string, number>> => {
      const row = await knex
        .select(
          Object.fromEntries(
            WRITTEN_TABLES.map(table => [table, knex(table).count('*')]),
          ),
        )
        .first();
      return Object.fromEntries(
        WRITTEN_TABLES.map(table => [table, Number(row[table])]),
      );
    };

    /** Sends one request and checks what the fuzz test promises of its answer. */
    async function check(target: string, pending: request.Test, body: Buffer) {
      // The bytes as they are: superagent would serialise a Buffer as JSON.
      const res = await pending.serialize(bytes => bytes).send(body);
      statuses[target] ??= {};
      statuses[target][res.status] = (statuses[target][res.status] ?? 0) + 1;
      if (res.status >= 500) {
        throw new Error(
          `${target} answered ${res.status} ${res.text.slice(0, 400)} to ${body
            .toString('utf8')
            .slice(0, 600)}`,
        );
      }
      const after = await countRows();
      if (res.status >= 300) {
        // Refused: not a row written, not a row removed.
        expect(after).toEqual(counts);
      }
      counts = after;
    }

    beforeAll(async () => {
      knex = await databases.init(id);
      const backend = await startSreTestBackend({
        knex,
        config: {
          sre: {
            webhooks: Object.fromEntries(
              Object.entries(SECRETS).map(([source, secret]) => [
                source,
                { secret },
              ]),
            ),
          },
        },
        entities: [component('checkout'), component('probes')],
        features: [
          sreModuleAlertmanager,
          sns.module,
          sreModuleMackerel,
          sreModuleSentry,
          sreModuleFocus,
          createServiceFactory({
            service: coreServices.rootLogger,
            deps: {},
            factory: () => new CapturingLogger(),
          }),
        ],
      });
      server = backend.server;
      counts = await countRows();
    });

    /** How many requests a target got; shrinking a failure would add more. */
    const answered = (target: string) =>
      Object.values(statuses[target] ?? {}).reduce((a, b) => a + b, 0);

    const webhook = (source: string, query = '') =>
      request(server).post(`/api/sre/webhooks/${source}${query}`);

    it('generic: answers no 5xx and writes nothing it refuses', async () => {
      await fc.assert(
        fc.asyncProperty(
          rawBody(
            fc.oneof(
              fixtureBodies(GENERIC_ALERT),
              fc.record({
                alerts: fc.array(
                  fc.dictionary(
                    fc.constantFrom(
                      'key',
                      'monitor',
                      'title',
                      'severity',
                      'status',
                      'startsAt',
                      'endsAt',
                      'at',
                      'labels',
                      'url',
                      'runbookUrl',
                      'resolvedBy',
                    ),
                    nastyValue,
                  ),
                  { maxLength: 3 },
                ),
              }),
            ),
          ),
          async body => {
            await check(
              'generic',
              webhook('generic')
                .set('Authorization', `Bearer ${SECRETS.generic}`)
                .set('Content-Type', 'application/json'),
              body,
            );
          },
        ),
        RUN,
      );
      expect(answered('generic')).toBe(RUNS_PER_TARGET);
    });

    it('alertmanager: answers no 5xx and writes nothing it refuses', async () => {
      await fc.assert(
        fc.asyncProperty(
          rawBody(
            fixtureBodies(
              fixture('alertmanager', 'webhook-firing.json'),
              fixture('alertmanager', 'webhook-resolved.json'),
            ),
          ),
          async body => {
            await check(
              'alertmanager',
              webhook('alertmanager')
                .set('Authorization', `Bearer ${SECRETS.alertmanager}`)
                .set('Content-Type', 'application/json'),
              body,
            );
          },
        ),
        RUN,
      );
      expect(answered('alertmanager')).toBe(RUNS_PER_TARGET);
    });

    it('mackerel: answers no 5xx and writes nothing it refuses', async () => {
      await fc.assert(
        fc.asyncProperty(
          rawBody(
            fixtureBodies(
              fixture('mackerel', 'webhook-alert-host.json'),
              fixture('mackerel', 'webhook-alert-service-closed.json'),
            ),
          ),
          async body => {
            await check(
              'mackerel',
              webhook('mackerel', `?token=${SECRETS.mackerel}`).set(
                'Content-Type',
                'application/json',
              ),
              body,
            );
          },
        ),
        RUN,
      );
      expect(answered('mackerel')).toBe(RUNS_PER_TARGET);
    });

    it('cloudwatch (SNS, signed): answers no 5xx and writes nothing it refuses', async () => {
      const envelopes = [
        fixture('cloudwatch', 'sns-notification-alarm.json'),
        fixture('cloudwatch', 'sns-notification-ok.json'),
        fixture('cloudwatch', 'sns-subscription-confirmation.json'),
      ] as JsonObject[];
      // The alarm inside Message is mutated as often as the envelope around it.
      const alarmBent = fc
        .tuple(fc.constantFrom(...envelopes.slice(0, 2)), mutations)
        .map(([envelope, changes]) => ({
          ...envelope,
          Message: JSON.stringify(
            mutate(JSON.parse(String(envelope.Message)), changes),
          ),
        }));
      const signed = fc
        .tuple(
          fc.oneof(alarmBent, fixtureBodies(...envelopes)),
          fc.constantFrom<'1' | '2'>('1', '2'),
        )
        .map(([envelope, version]) => {
          try {
            return sns.sign(envelope as Record<string, unknown>, version);
          } catch {
            // Not an object with signable fields: sent as it is.
            return envelope;
          }
        });
      await fc.assert(
        fc.asyncProperty(rawBody(signed), async body => {
          await check(
            'cloudwatch',
            webhook('cloudwatch')
              .auth('sns', SECRETS.cloudwatch)
              .set('Content-Type', 'text/plain; charset=UTF-8'),
            body,
          );
        }),
        RUN,
      );
      expect(answered('cloudwatch')).toBe(RUNS_PER_TARGET);
    });

    it('sentry (signed, fresh): answers no 5xx and writes nothing it refuses', async () => {
      await fc.assert(
        fc.asyncProperty(
          rawBody(
            fixtureBodies(
              fixture('sentry', 'issue-created.json'),
              fixture('sentry', 'issue-resolved.json'),
              fixture('sentry', 'event-alert.json'),
            ),
          ),
          fc.constantFrom('issue', 'event_alert', 'metric_alert', ''),
          fc.oneof(
            { weight: 9, arbitrary: fc.constant(0) },
            { weight: 1, arbitrary: fc.integer() },
          ),
          async (body, resource, skewSeconds) => {
            const pending = webhook('sentry')
              .set('Content-Type', 'application/json')
              .set(
                'Sentry-Hook-Timestamp',
                String(Math.floor(Date.now() / 1000) + skewSeconds),
              )
              .set(
                'Sentry-Hook-Signature',
                createHmac('sha256', SECRETS.sentry).update(body).digest('hex'),
              );
            await check(
              'sentry',
              resource
                ? pending.set('Sentry-Hook-Resource', resource)
                : pending,
              body,
            );
          },
        ),
        RUN,
      );
      expect(answered('sentry')).toBe(RUNS_PER_TARGET);
    });

    it('cost import (FOCUS): answers no 5xx and writes nothing it refuses', async () => {
      const csv = moduleFile('focus', 'focus-1.0-aws-mackerel-2025-01.csv');
      const [header, ...rows] = csv.trimEnd().split('\n');
      const columns = header.split(',').length;
      // A few rows keep the run short; the whole file comes now and then.
      const files = fc.oneof(
        { weight: 9, arbitrary: fc.constant([header, ...rows.slice(0, 4)]) },
        { weight: 1, arbitrary: fc.constant([header, ...rows]) },
      );
      const cell = fc.oneof(
        nastyValue.map(value =>
          typeof value === 'string' ? value : JSON.stringify(value) ?? '',
        ),
        fc.constantFrom(
          '"unclosed',
          '""',
          '"a""b"',
          '1.5E-7',
          '-0',
          '1e999',
          '12345678901234567890.123456789',
          'USD',
          'usd',
          '2025-01-01 00:00:00+09:00',
          '{"service": "checkout"}',
          '{not json',
          '\r',
          ',',
        ),
      );
      const bent = fc
        .tuple(
          files,
          fc.array(
            fc.record({ row: fc.nat(), column: fc.nat(columns), value: cell }),
            { minLength: 1, maxLength: 4 },
          ),
        )
        .map(([lines, changes]) => {
          const table = lines.map(line => line.split(','));
          for (const change of changes) {
            const row = table[change.row % table.length];
            row[change.column % row.length] = change.value;
          }
          return Buffer.from(table.map(row => row.join(',')).join('\n'));
        });
      const body = fc.oneof(
        { weight: 10, arbitrary: bent },
        {
          weight: 1,
          arbitrary: fc.uint8Array({ maxLength: 400 }).map(b => Buffer.from(b)),
        },
        {
          weight: 1,
          arbitrary: fc
            .tuple(files, fc.nat())
            .map(([lines, at]) =>
              Buffer.from(lines.join('\n')).subarray(0, at % 4000),
            ),
        },
      );
      await fc.assert(
        fc.asyncProperty(body, async file => {
          await check(
            'cost import',
            request(server)
              .post('/api/sre/costs/import?format=focus&source=upload:fuzz')
              .set('Authorization', mockCredentials.user.header())
              .set('Content-Type', 'text/csv'),
            file,
          );
        }),
        RUN,
      );
      expect(answered('cost import')).toBe(RUNS_PER_TARGET);
    });

    it('reached every parser, logged no receiver bug, and is healthy at the end', async () => {
      // Some deliveries got through authentication to be stored, and some were refused by a parser.
      for (const target of [
        'generic',
        'alertmanager',
        'mackerel',
        'cloudwatch',
        'sentry',
        'cost import',
      ]) {
        const answers = statuses[target] ?? {};
        expect({ target, stored: (answers[200] ?? 0) > 0 }).toEqual({
          target,
          stored: true,
        });
        expect({ target, refused: (answers[400] ?? 0) > 0 }).toEqual({
          target,
          refused: true,
        });
      }
      expect(
        warnings.filter(line => /should have refused|failed/i.test(line)),
      ).toEqual([]);
      const health = await request(server).get('/api/sre/health');
      expect(health.status).toBe(200);
    });
  },
);
