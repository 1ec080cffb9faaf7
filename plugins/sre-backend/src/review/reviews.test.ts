import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import sreModuleDemo from '@baton/plugin-sre-backend-module-demo';
import { type SliSample, type SliSource } from '@baton/plugin-sre-node';
import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import { startSreTestBackend } from '../__testUtils__/sreTestBackend';

jest.setTimeout(90_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const DAY = 86_400_000;
const STEP = 300_000;
const SECRET = 'review-test-secret';
const TEAM = 'group:default/fulfilment';
const DANIEL = 'user:default/daniel.weiss';
const EMI = 'user:default/emi.sato';
const FARID = 'user:default/farid.haddad';

/** 100 events per 5-minute step, 5 bad in each: 95% good against a 99% objective. */
class BurningSource implements SliSource {
  readonly type = 'Scripted';
  async queryRange(options: Parameters<SliSource['queryRange']>[0]) {
    const samples: SliSample[] = [];
    for (
      let t = options.range.start.getTime();
      t < options.range.end.getTime();
      t += STEP
    ) {
      const good = options.metricSource.spec.count === 'good';
      samples.push({ timestamp: new Date(t), value: good ? 95 : 100 });
    }
    return samples;
  }
}

const OPENSLO = `
apiVersion: openslo/v1
kind: SLO
metadata:
  name: playback-availability
  displayName: Playback availability
spec:
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 1d
      isRolling: true
  indicator:
    spec:
      ratioMetric:
        counter: false
        good:
          metricSource: { type: Scripted, spec: { count: good } }
        total:
          metricSource: { type: Scripted, spec: { count: total } }
  objectives:
    - target: 0.99
`;

const relation = (type: string, targetRef: string) => ({ type, targetRef });
const user = (name: string, team?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: {
    profile: {
      email: `${name}@hanamori.example`,
      displayName: name
        .split('.')
        .map(part => part[0].toUpperCase() + part.slice(1))
        .join(' '),
    },
  },
  relations: team ? [relation('memberOf', team)] : [],
});

describe.each(databases.eachSupportedId())(
  'reliability review API on %s',
  id => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-review-'));
    fs.writeFileSync(path.join(dir, 'slo.yaml'), OPENSLO);
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    const service = (
      name: string,
      annotations: Record<string, string> = {},
    ): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        namespace: 'default',
        annotations: {
          'backstage.io/source-location': `url:https://github.com/hanamori-market/${name}`,
          'backstage.io/managed-by-location': `file:${path.join(
            dir,
            'catalog-info.yaml',
          )}`,
          ...annotations,
        },
      },
      spec: { type: 'service', owner: 'fulfilment', lifecycle: 'production' },
      relations: [relation('ownedBy', TEAM)],
    });

    const entities: Entity[] = [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'fulfilment', namespace: 'default' },
        spec: {
          type: 'squad',
          children: [],
          profile: { displayName: 'Fulfilment squad' },
        },
        relations: [
          ...[DANIEL, EMI, FARID].map(ref => relation('hasMember', ref)),
          relation('childOf', 'group:default/product'),
        ],
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'product', namespace: 'default' },
        spec: { type: 'team', children: ['fulfilment'] },
        relations: [relation('parentOf', TEAM)],
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'search', namespace: 'default' },
        spec: { type: 'squad', children: [] },
      },
      user('daniel.weiss', TEAM),
      user('emi.sato', TEAM),
      user('farid.haddad', TEAM),
      user('zoe.outsider'),
      service('media-streaming', {
        'baton.dev/runbook': 'https://runbooks.example/media',
        'baton.dev/openslo': './slo.yaml',
      }),
      service('inventory-sync', {
        'baton.dev/runbook': 'https://runbooks.example/inventory',
        'baton.dev/runbook-reviewed': '2025-03-01',
        'baton.dev/runbook-reviewer': DANIEL,
      }),
      service('payments-adapter'),
    ];

    async function startBackend() {
      const knex = await databases.init(id);
      const { server, scheduler } = await startSreTestBackend({
        knex,
        // A request without credentials is anonymous, as in a real backend.
        anonymousByDefault: true,
        config: {
          sre: {
            demo: true,
            webhooks: { generic: { secret: SECRET } },
            // The scripted alerts resolved days ago; the activity section counts their acknowledgements.
            alerts: {
              acknowledge: { afterResolutionMinutes: 30 * 24 * 60 },
            },
          },
        },
        entities,
        sources: {
          sliSources: [new BurningSource()],
        },
        features: [sreModuleDemo],
      });
      const header = (userRef: string) => mockCredentials.user.header(userRef);
      const api = {
        get: (url: string, userRef = DANIEL) =>
          request(server)
            .get(`/api/sre${url}`)
            .set('Authorization', header(userRef)),
        post: (url: string, body?: object, userRef = DANIEL) =>
          request(server)
            .post(`/api/sre${url}`)
            .set('Authorization', header(userRef))
            .send(body),
        patch: (url: string, body: object, userRef = DANIEL) =>
          request(server)
            .patch(`/api/sre${url}`)
            .set('Authorization', header(userRef))
            .send(body),
        sendAlerts: (alerts: object[]) =>
          request(server)
            .post('/api/sre/webhooks/generic')
            .set('Authorization', `Bearer ${SECRET}`)
            .send({ alerts }),
      };
      return { server, knex, scheduler, ...api };
    }

    const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

    it('assembles the agenda since a time from stored alerts, SLOs, cost, readiness and knowledge', async () => {
      const { get, sendAlerts, scheduler, knex, server } = await startBackend();
      await scheduler.triggerTask('sre-knowledge-refresh');
      await scheduler.triggerTask('sre-cost-pull');
      // inventory-sync: one long alert acknowledged by Emi; media-streaming:
      // a flapping monitor (three short firings) and one older than the range.
      const alert = (key: string, serviceName: string, extra: object) => ({
        key,
        monitor: key.replace(/-\d+$/, ''),
        title: `${key} on ${serviceName}`,
        severity: 'warning',
        labels: { service: serviceName },
        ...extra,
      });
      const delivered = await sendAlerts([
        alert('queue-lag-1', 'inventory-sync', {
          status: 'resolved',
          startsAt: ago(3 * DAY),
          endsAt: ago(3 * DAY - 2 * 3_600_000),
        }),
        ...[1, 2, 3].map(n =>
          alert(`buffering-${n}`, 'media-streaming', {
            status: 'resolved',
            startsAt: ago(2 * DAY - n * 600_000),
            endsAt: ago(2 * DAY - n * 600_000 - 60_000),
          }),
        ),
        alert('old-1', 'media-streaming', {
          status: 'resolved',
          startsAt: ago(20 * DAY),
          endsAt: ago(20 * DAY - 60_000),
        }),
      ]);
      expect(delivered.status).toBe(200);
      const [queueLag] = (
        await get('/entities/component/default/inventory-sync/alerts')
      ).body.items;
      expect(
        (
          await request(server)
            .post(`/api/sre/alerts/${queueLag.id}/ack`)
            .set('Authorization', mockCredentials.user.header(EMI))
        ).status,
      ).toBe(200);

      // The live readiness level, and a snapshot 20 days ago with another one.
      const live = (
        await get('/entities/component/default/payments-adapter/readiness')
      ).body;
      const earlier = live.level === 'ready' ? 'at-risk' : 'ready';
      const twentyDaysAgo = ago(20 * DAY).slice(0, 10);
      await knex('sre_readiness_history').insert({
        entity_ref: 'component:default/payments-adapter',
        day: twentyDaysAgo,
        score: 50,
        level: earlier,
        truck_factor: 1,
      });

      const res = await get('/reviews/default/fulfilment');
      expect(res.status).toBe(200);
      const body = res.body;
      expect(body.team).toEqual({ ref: TEAM, title: 'Fulfilment squad' });
      expect(body.sinceSource).toBe('default');
      expect(Date.now() - Date.parse(body.since)).toBeGreaterThanOrEqual(
        14 * DAY - 60_000,
      );
      expect(body.current).toBeNull();
      expect(body.lastReview).toBeNull();
      expect(body.history).toEqual([]);

      // Alerts: media-streaming's flapping ones first, the 20-day-old one left out.
      const { alerts } = body.agenda;
      expect(alerts.total).toBe(4);
      expect(alerts.services.map((s: { title: string }) => s.title)).toEqual([
        'media-streaming',
        'inventory-sync',
      ]);
      expect(alerts.services[0]).toMatchObject({ count: 3, noisy: 3 });
      expect(
        alerts.services[0].alerts.every((a: { noise: unknown[] }) =>
          a.noise.some(n => (n as { flag: string }).flag === 'flapping'),
        ),
      ).toBe(true);
      expect(alerts.services[1]).toMatchObject({ count: 1, noisy: 0 });
      expect(alerts.services[1].alerts[0].acknowledgedBy).toEqual([EMI]);

      // SLOs: playback availability is at 95% against 99%, and burning.
      const { slos } = body.agenda;
      expect(slos.checked).toBe(1);
      expect(slos.atRisk).toEqual([
        expect.objectContaining({
          entityRef: 'component:default/media-streaming',
          name: 'Playback availability',
          objective: 0.99,
          alerting: 'page',
          reasons: ['budget-exhausted', 'below-objective', 'burning'],
        }),
      ]);
      expect(slos.atRisk[0].sli).toBeCloseTo(0.95, 9);

      // Cost: the same numbers as the team cost report over the same days.
      const { cost } = body.agenda;
      const teamCost = (
        await get(
          `/teams/default/fulfilment/costs?from=${cost.from}&to=${cost.to}`,
        )
      ).body;
      expect(cost.total).toEqual(teamCost.total);
      expect(cost.changeAmount).toEqual(teamCost.changeAmount);
      const biggestMove = [...teamCost.entities]
        .filter(
          (e: { changeAmount: { amount: number } }) => e.changeAmount.amount,
        )
        .sort(
          (
            a: { changeAmount: { amount: number } },
            b: { changeAmount: { amount: number } },
          ) =>
            Math.abs(b.changeAmount.amount) - Math.abs(a.changeAmount.amount),
        )[0];
      expect(cost.movers[0]).toMatchObject({
        entityRef: biggestMove.entityRef,
        changeAmount: biggestMove.changeAmount,
      });
      // The demo's CloudFront spike on media-streaming, 6 days ago.
      expect(cost.anomalies).toEqual([
        expect.objectContaining({
          entityRef: 'component:default/media-streaming',
          date: ago(6 * DAY).slice(0, 10),
        }),
      ]);

      // Readiness: payments-adapter's level differs from its snapshot of 20 days ago.
      expect(body.agenda.readiness.services).toBe(3);
      expect(body.agenda.readiness.changes).toEqual([
        {
          entityRef: 'component:default/payments-adapter',
          title: 'payments-adapter',
          before: { day: twentyDaysAgo, level: earlier, score: 50 },
          after: { level: live.level, score: live.score },
          direction: live.level === 'ready' ? 'better' : 'worse',
        },
      ]);

      expect(body.agenda.access).toMatchObject({
        unavailable: { code: 'no-open-campaign' },
      });

      // Activity: commits since the start per the knowledge data, and acknowledgements.
      const knowledge = (
        await get('/entities/component/default/payments-adapter/knowledge')
      ).body;
      const emi = body.agenda.activity.members.find(
        (m: { userRef: string }) => m.userRef === EMI,
      );
      expect(emi.acknowledged).toBe(1);
      expect(emi.decisions).toBe(0);
      const emiInPayments = knowledge.people.find(
        (p: { userRef: string }) => p.userRef === EMI,
      );
      const expectPayments =
        emiInPayments?.lastCommitAt &&
        Date.parse(emiInPayments.lastCommitAt) >= Date.parse(body.since);
      expect(
        emi.commits.some(
          (c: { entityRef: string }) =>
            c.entityRef === 'component:default/payments-adapter',
        ),
      ).toBe(Boolean(expectPayments));

      // A chosen start an hour ago (or today's midnight, just after it, so
      // that the start is today): no alert, commit or readiness change is
      // that recent.
      const recentStart = new Date(
        Math.max(
          Date.now() - 3_600_000,
          Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`),
        ),
      ).toISOString();
      const recent = (
        await get(
          `/reviews/default/fulfilment?since=${encodeURIComponent(
            recentStart,
          )}`,
        )
      ).body;
      expect(recent.sinceSource).toBe('chosen');
      expect(recent.agenda.alerts.total).toBe(0);
      // The baseline is the snapshot of that day, not the one of 20 days ago.
      expect(
        recent.agenda.readiness.changes.map(
          (change: { before: { day: string } }) => change.before.day,
        ),
      ).not.toContain(twentyDaysAgo);
    });

    it('starts, annotates and finishes a review; its end becomes the last review and the alert history starts there', async () => {
      const { get, post, patch, sendAlerts } = await startBackend();
      const delivered = await sendAlerts([
        {
          key: 'sync-stuck-1',
          monitor: 'sync-stuck',
          title: 'Sync stuck',
          severity: 'critical',
          status: 'firing',
          labels: { service: 'inventory-sync' },
          startsAt: ago(2 * DAY),
        },
      ]);
      expect(delivered.body).toEqual({ received: 1, stored: 1 });

      const started = await post('/reviews/default/fulfilment', {
        attendees: [DANIEL, 'emi.sato'],
      });
      expect(started.status).toBe(201);
      expect(started.body).toMatchObject({
        teamRef: TEAM,
        state: 'in-progress',
        startedBy: DANIEL,
        attendees: [DANIEL, EMI],
        notes: '',
        revision: 1,
        finishedAt: null,
        actionItems: [],
      });
      const reviewId = started.body.id;
      // No review before: the agenda starts 14 days back.
      expect(
        Math.abs(Date.now() - 14 * DAY - Date.parse(started.body.since)),
      ).toBeLessThan(60_000);

      // One review in progress per team.
      const again = await post('/reviews/default/fulfilment', {
        attendees: [],
      });
      expect(again.status).toBe(409);
      expect(again.body.error.message).toContain('has a review in progress');

      const page = (await get('/reviews/default/fulfilment')).body;
      expect(page.sinceSource).toBe('current-review');
      expect(page.current.id).toBe(reviewId);

      const saved = await patch(`/reviews/default/fulfilment/${reviewId}`, {
        notes: '## Sync\nThe stuck sync needs a runbook.',
        revision: 1,
      });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({
        notes: '## Sync\nThe stuck sync needs a runbook.',
        revision: 2,
      });
      // A save based on revision 1 would overwrite the one above.
      const stale = await patch(
        `/reviews/default/fulfilment/${reviewId}`,
        { notes: 'older text', revision: 1 },
        EMI,
      );
      expect(stale.status).toBe(409);
      expect(stale.body.error.message).toMatch(
        /^revision: .*revision 2, not 1/,
      );

      const added = await post(
        `/reviews/default/fulfilment/${reviewId}/actions`,
        {
          title: 'Write the inventory-sync runbook',
          ownerRef: 'farid.haddad',
          due: '2030-01-15',
          link: 'https://tracker.example/BATON-12',
        },
      );
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({
        reviewId,
        title: 'Write the inventory-sync runbook',
        ownerRef: FARID,
        due: '2030-01-15',
        link: 'https://tracker.example/BATON-12',
        status: 'open',
        createdBy: DANIEL,
      });

      const finished = await post(
        `/reviews/default/fulfilment/${reviewId}/finish`,
      );
      expect(finished.status).toBe(200);
      expect(finished.body).toMatchObject({
        state: 'finished',
        finishedBy: DANIEL,
        revision: 3,
      });
      const finishedAt = finished.body.finishedAt;

      // A finished review no longer changes.
      expect(
        (await post(`/reviews/default/fulfilment/${reviewId}/finish`)).status,
      ).toBe(409);
      expect(
        (
          await patch(`/reviews/default/fulfilment/${reviewId}`, {
            notes: 'late',
            revision: 3,
          })
        ).status,
      ).toBe(409);
      expect(
        (
          await post(`/reviews/default/fulfilment/${reviewId}/actions`, {
            title: 'Too late',
          })
        ).status,
      ).toBe(409);

      // The finished review kept the agenda it looked at, with the stuck sync.
      const stored = (await get(`/reviews/default/fulfilment/${reviewId}`))
        .body;
      expect(stored.review.notes).toBe(
        '## Sync\nThe stuck sync needs a runbook.',
      );
      expect(stored.agenda.alerts.total).toBe(1);
      expect(stored.agenda.until).toBe(finishedAt);

      // The next agenda starts at the end of that review; its action item carries over.
      const next = (await get('/reviews/default/fulfilment')).body;
      expect(next).toMatchObject({
        sinceSource: 'last-review',
        since: finishedAt,
        current: null,
        lastReview: { id: reviewId, finishedAt },
        history: [{ id: reviewId, state: 'finished' }],
      });
      expect(next.openActionItems).toEqual([
        expect.objectContaining({ id: added.body.id, status: 'open' }),
      ]);
      // The stuck sync still fires: the next agenda lists it again.
      expect(next.agenda.alerts.total).toBe(1);

      // The alert history of the team's services now starts at that review.
      const history = (
        await get('/entities/component/default/inventory-sync/alerts')
      ).body;
      expect(history).toMatchObject({
        from: finishedAt,
        fromSource: 'last-review',
        lastReview: { id: reviewId, teamRef: TEAM, finishedAt },
      });
      // Only the stuck sync, which started before and still fires.
      expect(history.items).toEqual([
        expect.objectContaining({
          title: 'Sync stuck',
          status: 'firing',
          firingSinceBeforeRange: true,
        }),
      ]);
      // A chosen range still wins.
      const chosen = (
        await get(
          `/entities/component/default/inventory-sync/alerts?from=${encodeURIComponent(
            ago(3 * DAY),
          )}`,
        )
      ).body;
      expect(chosen.fromSource).toBe('query');
      expect(chosen.items).toHaveLength(1);

      // The second review starts where the first ended and closes the carried item.
      const second = await post('/reviews/default/fulfilment', {
        attendees: [FARID],
      });
      expect(second.body.since).toBe(finishedAt);
      const done = await patch(
        `/reviews/default/fulfilment/actions/${added.body.id}`,
        { status: 'done' },
        FARID,
      );
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({
        status: 'done',
        closedBy: FARID,
        closedInReviewId: second.body.id,
      });
      expect(
        (await get('/reviews/default/fulfilment')).body.openActionItems,
      ).toEqual([]);

      // The export: notes as written, the item with its owner's name, the agenda.
      const markdown = await get(
        `/reviews/default/fulfilment/${reviewId}?format=markdown`,
      );
      expect(markdown.status).toBe(200);
      expect(markdown.headers['content-type']).toMatch(/^text\/markdown/);
      expect(markdown.text).toContain(
        '## Notes\n\n## Sync\nThe stuck sync needs a runbook.',
      );
      expect(markdown.text).toContain(
        '- [x] Write the inventory-sync runbook: Farid Haddad, due 2030-01-15 (<https://tracker.example/BATON-12>)',
      );
      expect(markdown.text).toContain('- Attendees: Daniel Weiss, Emi Sato');
      // The stuck sync fires still and nobody acknowledged it: noisy.
      expect(markdown.text).toContain('1 alert, 1 noisy.');
    });

    it('reviews a parent team over its sub-teams’ services, and its end starts their alert history', async () => {
      const { get, post, sendAlerts } = await startBackend();
      await sendAlerts([
        {
          key: 'sync-stuck-1',
          monitor: 'sync-stuck',
          title: 'Sync stuck',
          severity: 'critical',
          status: 'firing',
          labels: { service: 'inventory-sync' },
          startsAt: ago(2 * DAY),
        },
      ]);
      const agenda = (await get('/reviews/default/product')).body;
      expect(agenda.members.map((m: { userRef: string }) => m.userRef)).toEqual(
        [DANIEL, EMI, FARID],
      );
      expect(agenda.agenda.alerts.services).toEqual([
        expect.objectContaining({
          entityRef: 'component:default/inventory-sync',
          count: 1,
        }),
      ]);

      const review = await post('/reviews/default/product', { attendees: [] });
      // An owner from outside the team: the export names them as the catalog does.
      const outsiders = await post(
        `/reviews/default/product/${review.body.id}/actions`,
        { title: 'Share the sync runbook', ownerRef: 'zoe.outsider' },
      );
      expect(outsiders.status).toBe(201);
      const finished = await post(
        `/reviews/default/product/${review.body.id}/finish`,
      );
      const exported = (
        await get(`/reviews/default/product/${review.body.id}?format=markdown`)
      ).text;
      expect(exported).toContain('- [ ] Share the sync runbook: Zoe Outsider');
      expect(exported).not.toContain('user:default/');
      const history = (
        await get('/entities/component/default/inventory-sync/alerts')
      ).body;
      expect(history).toMatchObject({
        from: finished.body.finishedAt,
        fromSource: 'last-review',
        lastReview: { teamRef: 'group:default/product' },
      });
      // The squad's own reviews stay apart from the parent's.
      expect(
        (await get('/reviews/default/fulfilment')).body.lastReview,
      ).toBeNull();
    });

    it('answers bad input with a 4xx naming the field, and writes nothing', async () => {
      const { get, post, patch, server, knex } = await startBackend();
      const count = async (table: string) =>
        Number((await knex(table).count({ n: '*' }))[0].n);

      expect((await get('/reviews/default/nobody')).status).toBe(404);
      expect(
        (await post('/reviews/default/nobody', { attendees: [] })).status,
      ).toBe(404);
      // A User is not a team.
      expect((await get('/reviews/default/daniel.weiss')).status).toBe(404);

      const bad = async (
        call: Promise<request.Response>,
        status: number,
        message: RegExp,
      ) => {
        const res = await call;
        expect({
          status: res.status,
          message: res.body.error?.message,
        }).toEqual({
          status,
          message: expect.stringMatching(message),
        });
      };
      await bad(
        get('/reviews/default/fulfilment?since=yesterday'),
        400,
        /^since: must be an ISO 8601 time/,
      );
      await bad(
        post('/reviews/default/fulfilment', { attendees: [DANIEL, 'nobody'] }),
        400,
        /^attendees\[1\]: no user user:default\/nobody in the catalog/,
      );
      await bad(
        post('/reviews/default/fulfilment', {
          attendees: ['group:default/search'],
        }),
        400,
        /^attendees\[0\]: .*not a user/,
      );
      await bad(
        post('/reviews/default/fulfilment', {
          since: new Date(Date.now() + DAY).toISOString(),
        }),
        400,
        /^since: must be in the past/,
      );
      await bad(
        post('/reviews/default/fulfilment', { attendees: [], agenda: 'x' }),
        400,
        /agenda/,
      );
      expect(await count('sre_reviews')).toBe(0);

      // Two people press "Start" at once: one review starts, the other is told.
      const [first, second] = await Promise.all([
        post('/reviews/default/fulfilment', { attendees: [] }),
        post('/reviews/default/fulfilment', { attendees: [] }, FARID),
      ]);
      expect([first.status, second.status].sort()).toEqual([201, 409]);
      expect(await count('sre_reviews')).toBe(1);
      const reviewId = (first.status === 201 ? first : second).body.id;
      await bad(
        get('/reviews/default/fulfilment/abc'),
        400,
        /^id: must be a review id/,
      );
      await bad(get('/reviews/default/fulfilment/999999'), 404, /no review/);
      // Another team's review is not found through this team.
      await bad(get(`/reviews/default/search/${reviewId}`), 404, /no review/);
      await bad(
        patch(`/reviews/default/fulfilment/${reviewId}`, { notes: 'x' }),
        400,
        /^revision: /,
      );
      await bad(
        patch(`/reviews/default/fulfilment/${reviewId}`, {
          notes: 'x'.repeat(100_001),
          revision: 1,
        }),
        400,
        /^notes: must be at most 100000 characters/,
      );
      const actions = `/reviews/default/fulfilment/${reviewId}/actions`;
      await bad(
        post(actions, { title: '  ' }),
        400,
        /^title: must not be empty/,
      );
      await bad(
        post(actions, { title: 'Fix', due: '2030-02-30' }),
        400,
        /^due: must be a date \(YYYY-MM-DD\)/,
      );
      await bad(
        // A script URL in a link would run when someone clicks it.
        // eslint-disable-next-line no-script-url
        post(actions, { title: 'Fix', link: 'javascript:alert(1)' }),
        400,
        /^link: must be an http or https URL/,
      );
      await bad(
        post(actions, { title: 'Fix', ownerRef: 'zoe.nobody' }),
        400,
        /^ownerRef: no user user:default\/zoe.nobody in the catalog/,
      );
      await bad(
        patch('/reviews/default/fulfilment/actions/12', { status: 'maybe' }),
        400,
        /^status: /,
      );
      await bad(
        patch('/reviews/default/fulfilment/actions/12', { status: 'done' }),
        404,
        /no action item 12/,
      );
      const malformed = await request(server)
        .post(`/api/sre${actions}`)
        .set('Authorization', mockCredentials.user.header())
        .set('Content-Type', 'application/json')
        .send('{"title":');
      expect(malformed.status).toBe(400);
      expect(await count('sre_review_actions')).toBe(0);

      // Credentials: none → 401; a service cannot act as a person → 403.
      expect(
        (await request(server).get('/api/sre/reviews/default/fulfilment'))
          .status,
      ).toBe(401);
      expect(
        (
          await request(server)
            .post('/api/sre/reviews/default/fulfilment')
            .send({ attendees: [] })
        ).status,
      ).toBe(401);
      const byService = await request(server)
        .post(`/api/sre/reviews/default/fulfilment/${reviewId}/finish`)
        .set('Authorization', mockCredentials.service.header());
      expect(byService.status).toBe(403);
      expect(
        (await get(`/reviews/default/fulfilment/${reviewId}`)).body.review
          .state,
      ).toBe('in-progress');
    });

    it('puts the production changes since the review on the agenda and in the export', async () => {
      const { server, get, post, sendAlerts } = await startBackend();
      // A Wednesday 2 to 8 days ago, at midnight UTC; the default working hours are 09:00–18:00 UTC.
      const wednesday = new Date(Math.floor(Date.now() / DAY) * DAY - 2 * DAY);
      while (wednesday.getUTCDay() !== 3) {
        wednesday.setTime(wednesday.getTime() - DAY);
      }
      const at = (hours: number) =>
        new Date(wednesday.getTime() + hours * 3_600_000).toISOString();
      const change = (externalId: string, extra: object) => ({
        externalId,
        kind: 'terraform-apply',
        environment: 'production',
        outcome: 'succeeded',
        operators: [{ kind: 'email', value: 'farid.haddad@hanamori.example' }],
        ...extra,
      });
      const recorded = await request(server)
        .post('/api/sre/changes')
        .set('Authorization', mockCredentials.service.header())
        .send({
          source: 'api',
          changes: [
            // Solo at 02:00, and the sync stalled 20 minutes later.
            change('late-apply', {
              entityRefs: ['component:default/inventory-sync'],
              title: 'Resize the inventory queue',
              startedAt: at(2),
            }),
            // Paired, reviewed, at 10:00: nothing to talk about.
            change('paired-apply', {
              entityRefs: ['component:default/payments-adapter'],
              title: 'Rotate the adapter credentials',
              startedAt: at(10),
              pairs: [{ kind: 'name', value: 'daniel.weiss' }],
              procedure: {
                url: 'https://github.com/hanamori-market/infra/pull/7',
                authors: [{ kind: 'name', value: 'farid.haddad' }],
                reviewers: [{ kind: 'name', value: 'emi.sato' }],
              },
            }),
            // A failed deploy at 11:00, paired.
            change('failed-deploy', {
              entityRefs: ['component:default/media-streaming'],
              kind: 'deploy',
              title: 'Deploy media-streaming 4.2',
              startedAt: at(11),
              outcome: 'failed',
              pairs: [{ kind: 'name', value: 'emi.sato' }],
            }),
            // Before the agenda's 14 days: not on it.
            change('old-apply', {
              entityRefs: ['component:default/inventory-sync'],
              title: 'An apply of last month',
              startedAt: new Date(Date.now() - 30 * DAY).toISOString(),
            }),
          ],
        });
      expect(recorded.status).toBe(200);
      const delivered = await sendAlerts([
        {
          key: 'inventory-stall',
          title: 'Inventory sync stalled',
          severity: 'critical',
          status: 'firing',
          startsAt: at(2.33),
          labels: { service: 'inventory-sync' },
        },
      ]);
      expect(delivered.status).toBe(200);

      const { changes, backupsDrills } = (
        await get('/reviews/default/fulfilment')
      ).body.agenda;
      // Stale runbooks: inventory-sync's was last reviewed in March 2025; media-streaming's passes as declared.
      expect(backupsDrills.staleRunbooks).toEqual([
        expect.objectContaining({
          entityRef: 'component:default/inventory-sync',
          title: 'inventory-sync',
          reasonCode: 'runbookReviewStale',
          reasonParams: expect.objectContaining({
            date: '2025-03-01',
            people: 'Daniel Weiss',
          }),
        }),
      ]);
      expect(changes.summary).toMatchObject({
        total: 3,
        paired: 2,
        solo: 1,
        offHours: 1,
        unreviewed: 2,
        failed: 1,
        followedByAlerts: 1,
      });
      expect(
        changes.notable.map((c: { externalId: string }) => c.externalId),
      ).toEqual(['failed-deploy', 'late-apply']);
      expect(changes.notable[1].findings).toEqual([
        'solo',
        'unreviewed-procedure',
        'off-hours',
        'followed-by-alerts',
      ]);
      expect(changes.notable[1].alertsAfter).toEqual([
        expect.objectContaining({ title: 'Inventory sync stalled' }),
      ]);
      expect(changes.moreNotable).toBe(0);

      // The export lists the same, with the operator's catalog name.
      const started = await post('/reviews/default/fulfilment', {
        attendees: [DANIEL],
      });
      expect(started.status).toBe(201);
      const markdown = await get(
        `/reviews/default/fulfilment/${started.body.id}?format=markdown`,
      );
      expect(markdown.text).toContain(
        '### Production changes\n\n3 changes, 2 paired (67%), 1 solo, 1 off-hours, 2 with an unreviewed procedure, 1 failed or rolled back, 1 followed by alerts.',
      );
      expect(markdown.text).toContain(
        `- ${at(2)
          .slice(0, 16)
          .replace(
            'T',
            ' ',
          )} UTC terraform-apply: Resize the inventory queue by Farid Haddad (solo, procedure not reviewed, off-hours, followed by alerts)`,
      );
      expect(markdown.text).toContain('Inventory sync stalled');
      expect(markdown.text).toContain(
        'Deploy media-streaming 4.2 by Farid Haddad (failed, procedure not reviewed)',
      );
      expect(markdown.text).not.toContain('An apply of last month');
      // Backups and drills: payments-adapter declares no backups; no drill took place.
      expect(markdown.text).toContain('### Backups and drills');
      expect(markdown.text).toContain(
        '- Backups of payments-adapter (fail): No baton.dev/backups annotation.',
      );
      expect(markdown.text).toMatch(
        /- Stale runbook of inventory-sync: Runbook last reviewed 2025-03-01 \(\d+ days ago, more than 180\) by Daniel Weiss: https:\/\/runbooks.example\/inventory/,
      );
    });
  },
);
