import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import {
  badFrom,
  HOUR,
  OPENSLO,
  ScriptedSource,
  sloFolder,
  STEP,
} from './__testUtils__/scriptedSli';
import { startSreTestBackend } from '../__testUtils__/sreTestBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())('SLO API on %s', id => {
  const { component, remove } = sloFolder();
  afterAll(remove);

  async function startBackend(entities: Entity[]) {
    const knex = await databases.init(id);
    const source = new ScriptedSource();
    const { server, scheduler } = await startSreTestBackend({
      knex,
      config: {},
      entities,
      sources: {
        sliSources: [source],
      },
    });
    const get = (url: string) =>
      request(server)
        .get(`/api/sre${url}`)
        .set('Authorization', mockCredentials.user.header());
    return { get, source, scheduler, server, knex };
  }

  it('backfills the window on first sight and returns SLI, budget and burn rates from the snapshots', async () => {
    const { get, knex } = await startBackend([
      component('api', { 'baton.dev/openslo': './slo.yaml' }),
    ]);
    const res = await get('/entities/component/default/api/slos');
    expect(res.status).toBe(200);

    const [slo] = res.body.items;
    const asOf = Date.parse(slo.windowEnd);
    // 1 day of 5-minute steps, 100 events each; 10 bad in each step after badFrom.
    const badSteps = (asOf - badFrom) / STEP;
    expect(badSteps).toBeGreaterThanOrEqual(12);
    const total = 288 * 100;
    const bad = badSteps * 10;
    expect(slo).toMatchObject({
      id: 'api-availability',
      displayName: 'API availability',
      objective: 0.99,
      window: '1d',
      counts: { total, bad, good: total - bad },
      stepSeconds: 300,
      lastError: null,
    });
    expect(Date.parse(slo.windowStart)).toBe(asOf - 86_400_000);
    expect(slo.sli).toBeCloseTo(1 - bad / total, 9);
    expect(slo.errorBudget.remaining).toBeCloseTo(1 - bad / (total * 0.01), 9);
    // The last hour: 12 steps, 10 of 100 bad in each → (0.1) / (1 − 0.99) = 10.
    expect(slo.burnRates['1h']).toBeCloseTo(10, 9);
    expect(slo.burnRates['5m']).toBeCloseTo(10, 9);
    expect(slo.burnRates['6h']).toBeCloseTo(bad / 7200 / 0.01, 9);
    // Backfill reaches 3 days back for the longest burn window.
    expect(slo.burnRates['3d']).toBeCloseTo(bad / (864 * 100) / 0.01, 9);
    // Thresholds scale to the 1-day window: 14.4 / 30 = 0.48 < 10.
    expect(slo.alerting).toBe('page');
    expect(slo.alertRules[0]).toMatchObject({ severity: 'page', firing: true });
    expect(slo.alertRules[0].threshold).toBeCloseTo(0.48, 9);
    expect(slo.queries).toEqual([
      { role: 'good', type: 'Scripted', spec: { count: 'good' } },
      { role: 'total', type: 'Scripted', spec: { count: 'total' } },
    ]);
    expect(slo.history.length).toBeGreaterThan(10);
    expect(slo.history[slo.history.length - 1].sli).toBeCloseTo(slo.sli, 9);

    // Time slices of 5 minutes: a step with 10 of 100 bad misses the 95% slice target.
    const slices = res.body.items[1];
    expect(slices).toMatchObject({
      id: 'api-slices',
      budgetingMethod: 'Timeslices',
      timeSliceTarget: 0.95,
      timeSliceWindow: '5m',
      counts: { total: 288, bad: badSteps, good: 288 - badSteps },
    });
    expect(slices.sli).toBeCloseTo(1 - badSteps / 288, 9);
    expect(slices.burnRates['1h']).toBeCloseTo(1 / (1 - 0.9), 9);

    // The invalid SLOs of the same file are reported with their field; the valid ones still count.
    expect(res.body.items).toHaveLength(2);
    expect(res.body.problems).toEqual([
      expect.objectContaining({
        file: './slo.yaml',
        slo: 'broken',
        field: '[1].spec.objectives[0].target',
        code: 'invalid-value',
      }),
      expect.objectContaining({
        file: './slo.yaml',
        slo: 'minute-slices',
        field: '[3].spec.objectives[0].timeSliceWindow',
        code: 'unsupported',
      }),
    ]);
    const rows = await knex('sre_sli_snapshots').count({ n: '*' });
    expect(Number(rows[0].n)).toBe(2 * 864);

    // The readiness check "At least one SLO" reads what was stored.
    const readiness = await get('/entities/component/default/api/readiness');
    expect(
      readiness.body.checks.find((check: { id: string }) => check.id === 'slo'),
    ).toMatchObject({ status: 'pass', reason: '2 SLOs in ./slo.yaml.' });
  });

  it('keeps serving stored numbers when the source is down, with the error, and catches up after', async () => {
    const { get, source, scheduler, knex } = await startBackend([
      component('api', { 'baton.dev/openslo': './slo.yaml' }),
    ]);
    await scheduler.triggerTask('sre-slo-evaluation');
    const before = (await get('/entities/component/default/api/slos')).body
      .items[0];
    expect(before.counts.total).toBe(28800);

    // The last hour was never fetched (say, the backend was stopped), and now the source is down.
    const lastStep = Date.parse(before.windowEnd);
    await knex('sre_sli_snapshots')
      .where('step_end', '>', lastStep - HOUR)
      .delete();
    await knex('sre_slo_series').update({ last_step: lastStep - HOUR });
    source.down = true;
    await scheduler.triggerTask('sre-slo-evaluation');
    const during = (await get('/entities/component/default/api/slos')).body
      .items[0];
    expect(during.lastError).toBe('scripted source is down');
    expect(Date.parse(during.windowEnd)).toBe(lastStep - HOUR);
    // Stored data still answers: 12 fewer bad steps than before in the window.
    expect(during.counts.total).toBe(28800);
    expect(during.counts.bad).toBe(before.counts.bad - 120);

    source.down = false;
    await scheduler.triggerTask('sre-slo-evaluation');
    const after = (await get('/entities/component/default/api/slos')).body
      .items[0];
    expect(after.lastError).toBeNull();
    expect(Date.parse(after.windowEnd)).toBeGreaterThanOrEqual(lastStep);
    expect(after.counts.total).toBe(28800);
  });

  it('leaves maintenance windows out of the budget', async () => {
    const maintenance = `${new Date(badFrom).toISOString()}/${new Date(
      badFrom + 10 * HOUR,
    ).toISOString()}`;
    const { get } = await startBackend([
      component('api', {
        'baton.dev/openslo': './slo.yaml',
        'baton.dev/maintenance': `${maintenance}, not-an-interval`,
      }),
    ]);
    const res = await get('/entities/component/default/api/slos');
    const [slo] = res.body.items;
    expect(slo.counts.bad).toBe(0);
    expect(slo.sli).toBe(1);
    expect(slo.burnRates['1h']).toBeNull();
    expect(slo.maintenance).toHaveLength(1);
    // The two invalid SLOs of the file, and the annotation.
    expect(res.body.problems).toHaveLength(3);
    expect(res.body.problems).toContainEqual(
      expect.objectContaining({
        field: 'metadata.annotations.baton.dev/maintenance',
        code: 'invalid-value',
        params: expect.objectContaining({ value: 'not-an-interval' }),
      }),
    );
  });

  it('answers an entity without SLOs, a missing file, an unknown entity and a caller without credentials', async () => {
    const { get, server } = await startBackend([
      component('plain', {}),
      component('lost', { 'baton.dev/openslo': './missing.yaml' }),
    ]);
    const plain = await get('/entities/component/default/plain/slos');
    expect(plain.status).toBe(200);
    expect(plain.body).toEqual({ items: [], problems: [] });

    const lost = await get('/entities/component/default/lost/slos');
    expect(lost.body.problems).toEqual([
      expect.objectContaining({ file: './missing.yaml', code: 'unreadable' }),
    ]);
    const lostReadiness = await get(
      '/entities/component/default/lost/readiness',
    );
    expect(
      lostReadiness.body.checks.find(
        (check: { id: string }) => check.id === 'slo',
      ),
    ).toMatchObject({ status: 'fail' });

    const unknown = await get('/entities/component/default/nobody/slos');
    expect(unknown.status).toBe(404);

    const bad = await get('/entities/component/default/Not%20a%20name/slos');
    expect(bad.status).toBe(400);

    const anonymous = await request(server)
      .get('/api/sre/entities/component/default/plain/slos')
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
  });

  it('shows why a file outside the folder of the catalog file is not read, and reads none of its SLOs', async () => {
    // A valid OpenSLO file in a folder beside the entity's.
    const outside = fs.mkdtempSync(
      path.join(os.tmpdir(), 'baton-slo-outside-'),
    );
    fs.writeFileSync(path.join(outside, 'slo.yaml'), OPENSLO);
    try {
      const escape = `../${path.basename(outside)}/slo.yaml`;
      const { get } = await startBackend([
        component('escaping', { 'baton.dev/openslo': `./slo.yaml, ${escape}` }),
      ]);
      const res = await get('/entities/component/default/escaping/slos');
      expect(res.status).toBe(200);
      expect(
        res.body.problems.filter(
          (problem: { file: string }) => problem.file === escape,
        ),
      ).toEqual([
        expect.objectContaining({
          code: 'unreadable',
          message: expect.stringMatching(
            /leads out of the folder of the entity's catalog file/,
          ),
        }),
      ]);
      // The SLOs of the file beside the catalog file, once each: none from the other.
      expect(res.body.items.map((item: { id: string }) => item.id)).toEqual([
        'api-availability',
        'api-slices',
      ]);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
