import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type {
  ChangeInput,
  ReadinessCheck,
  ReadinessReport,
  TeamReport,
} from '@baton/plugin-sre-common';
import request from 'supertest';
import {
  groupEntity,
  ownedEntity,
  userEntity,
} from '../__testUtils__/catalogEntities';
import { startSreTestBackend } from '../__testUtils__/sreTestBackend';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const PLATFORM = 'group:default/platform';
const FARID = 'user:default/farid';
const AIKO = 'user:default/aiko';
const BILLING = 'component:default/billing';
const WEB = 'component:default/web';

const user = (name: string, displayName: string): Entity =>
  userEntity(name, { displayName, memberOf: [PLATFORM] });
const service = (name: string): Entity =>
  ownedEntity('Component', name, { owner: PLATFORM });
const entities: Entity[] = [
  groupEntity('platform', [FARID, AIKO]),
  user('farid', 'Farid'),
  user('aiko', 'Aiko'),
  service('billing'),
  service('web'),
  service('busy'),
];

const DAY = 86_400_000;
const daysAgo = (days: number) =>
  new Date(Date.now() - days * DAY).toISOString();

/** A change on billing that Farid ran, with `overrides`. */
const change = (
  externalId: string,
  overrides: Partial<ChangeInput> = {},
): ChangeInput => ({
  externalId,
  entityRefs: [BILLING],
  kind: 'terraform-apply',
  environment: 'production',
  title: `Apply ${externalId}`,
  startedAt: daysAgo(10),
  outcome: 'succeeded',
  operators: [{ kind: 'name', value: 'farid' }],
  pairs: [],
  ...overrides,
});

const byId = (checks: ReadinessCheck[]) =>
  Object.fromEntries(checks.map(check => [check.id, check]));

describe.each(databases.eachSupportedId())(
  'readiness from production changes on %s',
  id => {
    let server: Parameters<typeof request>[0];

    beforeAll(async () => {
      ({ server } = await startSreTestBackend({
        knex: await databases.init(id),
        entities,
      }));
      const recorded = await request(server)
        .post('/api/sre/changes')
        .set('Authorization', mockCredentials.service.header())
        .send({
          source: 'api',
          changes: [
            // Paired with Aiko, procedure written by Farid and reviewed by Aiko.
            change('paired-reviewed', {
              pairs: [{ kind: 'name', value: 'aiko' }],
              procedure: {
                url: 'https://git.example/infra/pull/1',
                authors: [{ kind: 'name', value: 'farid' }],
                reviewers: [{ kind: 'name', value: 'aiko' }],
              },
            }),
            // Solo, no procedure.
            change('solo', { startedAt: daysAgo(20) }),
            // Paired, but Farid "reviewed" his own procedure, and named himself as pair too.
            change('self-reviewed', {
              startedAt: daysAgo(30),
              pairs: [
                { kind: 'name', value: 'farid' },
                { kind: 'name', value: 'aiko' },
              ],
              procedure: {
                url: 'https://git.example/infra/pull/2',
                authors: [{ kind: 'name', value: 'farid' }],
                reviewers: [{ kind: 'name', value: 'farid' }],
              },
            }),
            // Aiko ran one, but 100 days ago: outside the 90-day window.
            change('long-ago', {
              startedAt: daysAgo(100),
              operators: [{ kind: 'name', value: 'aiko' }],
            }),
          ],
        });
      if (recorded.status !== 200) {
        throw new Error(
          `set-up: ${recorded.status} ${JSON.stringify(recorded.body)}`,
        );
      }
    });

    const readiness = async (entityRef: string) => {
      const [kind, rest] = entityRef.split(':');
      const res = await request(server)
        .get(`/api/sre/entities/${kind}/${rest}/readiness`)
        .set('Authorization', mockCredentials.user.header(FARID));
      expect(res.status).toBe(200);
      return res.body as ReadinessReport;
    };

    it('judges pairing, reviewed procedures and operators over the last 90 days', async () => {
      const checks = byId((await readiness(BILLING)).checks);
      expect(checks['changes-paired']).toMatchObject({
        status: 'fail',
        reasonCode: 'pairedShare',
        reasonParams: { count: 3, paired: 2, days: 90, percent: 67 },
      });
      expect(checks['procedures-reviewed']).toMatchObject({
        status: 'fail',
        reasonCode: 'reviewedShare',
        reasonParams: { count: 3, reviewed: 1, days: 90, percent: 33 },
      });
      expect(checks['change-operators']).toMatchObject({
        status: 'fail',
        reasonCode: 'changeOperators',
        reasonParams: { count: 1, days: 90, people: 'Farid' },
        reason: '1 person ran production changes in the last 90 days (Farid).',
      });
    });

    it('has nothing to judge for a service without a change in the window', async () => {
      const checks = byId((await readiness(WEB)).checks);
      for (const check of [
        'changes-paired',
        'procedures-reviewed',
        'change-operators',
      ]) {
        expect(checks[check]).toMatchObject({
          status: 'not-applicable',
          reasonCode: 'noChangesToJudge',
        });
      }
    });

    it('shows in the leave simulation that no one else has run a change', async () => {
      const report = async (absent: string) => {
        const res = await request(server)
          .get(`/api/sre/teams/default/platform/report?absent=${absent}`)
          .set('Authorization', mockCredentials.user.header(FARID));
        expect(res.status).toBe(200);
        const body = res.body as TeamReport;
        return body.services.find(s => s.entityRef === BILLING)!.during!;
      };
      const plain = await request(server)
        .get('/api/sre/teams/default/platform/report')
        .set('Authorization', mockCredentials.user.header(FARID));
      expect(
        (plain.body as TeamReport).soleCovers.find(c => c.userRef === FARID)
          ?.soleOperator,
      ).toEqual([BILLING]);
      const faridAway = await report(FARID);
      expect(faridAway.uncoveredCodes).toContainEqual({
        code: 'noOperatorLeftOnlyPairs',
        params: { days: '90', people: 'Aiko' },
      });
      expect(faridAway.uncovered).toContain(
        'No one left who has run a production change of it in the last 90 days; Aiko only paired.',
      );
      // With Aiko away, Farid still runs the changes: no such gap.
      const aikoAway = await report(AIKO);
      expect(aikoAway.uncoveredCodes.map(gap => gap.code)).not.toContain(
        'noOperatorLeftOnlyPairs',
      );
      expect(aikoAway.uncoveredCodes.map(gap => gap.code)).not.toContain(
        'noOperatorLeft',
      );
    });

    it('counts every change of a busy service, past any page of the store', async () => {
      // 5,050 changes in 80 days, the odd ones paired; 40 of them at one
      // instant, where a page of 5,000 (newest first) ends.
      const BUSY = 'component:default/busy';
      const total = 5_050;
      const now = Date.now();
      const startOf = (i: number) =>
        i >= 4_980 && i < 5_020
          ? now - 4_980 * 1_000_000
          : now - i * 1_000_000 - (i >= 5_020 ? 40_000 : 0);
      const changes = Array.from({ length: total }, (_, i) =>
        change(`busy-${i}`, {
          entityRefs: [BUSY],
          startedAt: new Date(startOf(i)).toISOString(),
          // Never paired with oneself: the pair is the other person.
          pairs:
            i % 2 ? [{ kind: 'name', value: i % 3 ? 'aiko' : 'farid' }] : [],
          operators: [{ kind: 'name', value: i % 3 ? 'farid' : 'aiko' }],
        }),
      );
      for (let at = 0; at < total; at += 1_000) {
        const res = await request(server)
          .post('/api/sre/changes')
          .set('Authorization', mockCredentials.service.header())
          .send({ source: 'api', changes: changes.slice(at, at + 1_000) });
        expect(res.status).toBe(200);
      }
      const checks = byId((await readiness(BUSY)).checks);
      expect(checks['changes-paired']).toMatchObject({
        reasonParams: { count: total, paired: total / 2 },
      });
      expect(checks['change-operators']).toMatchObject({
        status: 'pass',
        reasonParams: { count: 2 },
      });
    });

    it('refuses a change sent twice in one request, naming it, and stores neither', async () => {
      const sent = await request(server)
        .post('/api/sre/changes')
        .set('Authorization', mockCredentials.service.header())
        .send({
          source: 'api',
          changes: [
            change('twice', { entityRefs: [WEB], title: 'First' }),
            change('twice', { entityRefs: [WEB], title: 'Second' }),
          ],
        });
      expect(sent.status).toBe(400);
      expect(sent.body.error.message).toMatch(/^changes\[1\]\.externalId: /);
      const listed = await request(server)
        .get(`/api/sre/changes?entityRef=${WEB}`)
        .set('Authorization', mockCredentials.user.header(FARID));
      expect(
        listed.body.items.filter(
          (item: { externalId: string }) => item.externalId === 'twice',
        ),
      ).toEqual([]);
    });
  },
);
