import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { SreClient } from './SreClient';

const server = setupServer();
registerMswTestHooks(server);

const baseUrl = 'http://backstage.test/api/sre';
const client = new SreClient({
  discoveryApi: { getBaseUrl: async () => baseUrl },
  fetchApi: new MockFetchApi(),
});

describe('SreClient', () => {
  it('reads an entity resource by its path-form ref', async () => {
    let seenUrl = '';
    server.use(
      http.get(
        `${baseUrl}/entities/:kind/:namespace/:name/readiness`,
        ({ request, params }) => {
          seenUrl = request.url;
          return HttpResponse.json({
            score: 40,
            level: 'at-risk',
            name: params.name,
          });
        },
      ),
    );

    const report = await client.getReadiness('Component:default/checkout-api');

    expect(seenUrl).toBe(
      `${baseUrl}/entities/component/default/checkout-api/readiness`,
    );
    expect(report).toMatchObject({ score: 40, name: 'checkout-api' });
  });

  it('reads the backups of an entity by its path-form ref', async () => {
    let seenUrl = '';
    server.use(
      http.get(
        `${baseUrl}/entities/:kind/:namespace/:name/backups`,
        ({ request, params }) => {
          seenUrl = request.url;
          return HttpResponse.json({
            entityRef: `resource:default/${params.name}`,
            collected: true,
            copyMaxAgeDays: 7,
            selector: `service=${params.name}`,
            items: [],
            rule: 'A copy counts when …',
          });
        },
      ),
    );

    const response = await client.getBackups('Resource:default/orders-db');

    expect(seenUrl).toBe(
      `${baseUrl}/entities/resource/default/orders-db/backups`,
    );
    expect(response).toMatchObject({
      entityRef: 'resource:default/orders-db',
      selector: 'service=orders-db',
      copyMaxAgeDays: 7,
    });
  });

  it('reads a resource’s backup history with its query, and turns a 400 into a ResponseError', async () => {
    let seenUrl = '';
    server.use(
      http.get(
        `${baseUrl}/entities/:kind/:namespace/:name/backups/history`,
        ({ request }) => {
          seenUrl = request.url;
          if (new URL(request.url).searchParams.get('days') === '0') {
            return HttpResponse.json(
              { error: { name: 'InputError', message: 'days: too small' } },
              { status: 400 },
            );
          }
          return HttpResponse.json({
            entityRef: 'resource:default/orders-db',
            resourceArn: 'arn:aws:rds:ap-northeast-1:111111111111:db:orders',
            days: 90,
            copyMaxAgeDays: 7,
            items: [],
          });
        },
      ),
    );

    const response = await client.getBackupHistory(
      'resource:default/orders-db',
      { resource: 'orders db', days: 30, cursor: '12' },
    );

    expect(seenUrl).toBe(
      `${baseUrl}/entities/resource/default/orders-db/backups/history?resource=orders+db&days=30&cursor=12`,
    );
    expect(response.resourceArn).toBe(
      'arn:aws:rds:ap-northeast-1:111111111111:db:orders',
    );
    await expect(
      client.getBackupHistory('resource:default/orders-db', {
        resource: 'orders',
        days: 0,
      }),
    ).rejects.toMatchObject({ name: 'ResponseError', statusCode: 400 });
  });

  it('reads the SLOs of an entity with the problems of its definitions', async () => {
    server.use(
      http.get(`${baseUrl}/entities/component/default/checkout-api/slos`, () =>
        HttpResponse.json({
          items: [{ id: 'availability', name: 'availability' }],
          problems: [{ file: 'slo.yaml', field: 'spec', message: 'bad' }],
        }),
      ),
    );

    const response = await client.getSlos('component:default/checkout-api');

    expect(response.items.map(item => item.id)).toEqual(['availability']);
    expect(response.problems).toHaveLength(1);
  });

  it('sends only the query parameters that are set', async () => {
    let search = '';
    server.use(
      http.get(
        `${baseUrl}/entities/component/default/storefront/alerts`,
        ({ request }) => {
          search = new URL(request.url).search;
          return HttpResponse.json({ items: [], summary: { count: 0 } });
        },
      ),
    );

    await client.getAlerts('component:default/storefront', {
      from: '2026-11-01T00:00:00Z',
      limit: 50,
      cursor: undefined,
    });

    expect(new URLSearchParams(search).get('from')).toBe(
      '2026-11-01T00:00:00Z',
    );
    expect(new URLSearchParams(search).get('limit')).toBe('50');
    expect(new URLSearchParams(search).has('cursor')).toBe(false);
  });

  it('reads a page of alerts with the cursor of the next one', async () => {
    server.use(
      http.get(
        `${baseUrl}/entities/component/default/storefront/alerts`,
        ({ request }) =>
          HttpResponse.json({
            items: [{ id: '7', title: 'Disk almost full' }],
            summary: { count: 1, noisy: 0, responders: [] },
            from: '2026-11-11T00:00:00.000Z',
            to: '2026-11-25T00:00:00.000Z',
            nextCursor: `after-${new URL(request.url).searchParams.get(
              'cursor',
            )}`,
          }),
      ),
    );

    const page = await client.getAlerts('component:default/storefront', {
      cursor: 'page-2',
    });

    expect(page.items.map(item => item.id)).toEqual(['7']);
    expect(page.from).toBe('2026-11-11T00:00:00.000Z');
    expect(page.nextCursor).toBe('after-page-2');
  });

  it('acknowledges an alert with a POST and returns the updated alert', async () => {
    let method = '';
    server.use(
      http.post(`${baseUrl}/alerts/:id/ack`, ({ request, params }) => {
        method = request.method;
        return HttpResponse.json({
          id: params.id,
          acknowledgedBy: ['user:default/aiko.tanaka'],
          acknowledgedAt: '2026-11-24T10:04:00.000Z',
        });
      }),
    );

    const alert = await client.acknowledgeAlert('42');

    expect(method).toBe('POST');
    expect(alert).toMatchObject({
      id: '42',
      acknowledgedBy: ['user:default/aiko.tanaka'],
    });
  });

  it('throws a ResponseError when an acknowledgement is refused', async () => {
    server.use(
      http.post(`${baseUrl}/alerts/:id/ack`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'No alert 404' },
            request: { method: 'POST', url: '/api/sre/alerts/404/ack' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );

    await expect(client.acknowledgeAlert('404')).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 404,
      body: { error: { message: 'No alert 404' } },
    });
  });

  it('takes an acknowledgement back with a DELETE on the same path and returns the updated alert', async () => {
    let seen = { method: '', path: '' };
    server.use(
      http.delete(`${baseUrl}/alerts/:id/ack`, ({ request, params }) => {
        seen = {
          method: request.method,
          path: new URL(request.url).pathname,
        };
        return HttpResponse.json({
          id: params.id,
          acknowledgedBy: [],
          acknowledgedAt: null,
        });
      }),
    );

    const alert = await client.unacknowledgeAlert('42');

    expect(seen).toEqual({ method: 'DELETE', path: '/api/sre/alerts/42/ack' });
    expect(alert).toMatchObject({ id: '42', acknowledgedBy: [] });
  });

  it('throws a ResponseError with the server message when there is nothing to take back', async () => {
    const message =
      'You have no acknowledgement of alert 42 from the last 5 minutes to take back';
    server.use(
      http.delete(`${baseUrl}/alerts/:id/ack`, () =>
        HttpResponse.json(
          {
            error: { name: 'ConflictError', message },
            request: { method: 'DELETE', url: '/api/sre/alerts/42/ack' },
            response: { statusCode: 409 },
          },
          { status: 409 },
        ),
      ),
    );

    await expect(client.unacknowledgeAlert('42')).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 409,
      body: { error: { name: 'ConflictError', message } },
    });
  });

  it('throws a ResponseError with the permission the backend denied', async () => {
    const message =
      'You may not do this: permission sre.alert.acknowledge was denied';
    server.use(
      http.post(`${baseUrl}/alerts/:id/ack`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotAllowedError', message },
            request: { method: 'POST', url: '/api/sre/alerts/42/ack' },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );

    await expect(client.acknowledgeAlert('42')).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
      body: { error: { name: 'NotAllowedError', message } },
    });
  });

  it('reads the costs of an entity with the range, granularity and currency asked for', async () => {
    let url = new URL(baseUrl);
    server.use(
      http.get(
        `${baseUrl}/entities/:kind/:namespace/:name/costs`,
        ({ request }) => {
          url = new URL(request.url);
          return HttpResponse.json({ currency: 'JPY', sources: ['focus'] });
        },
      ),
    );

    const report = await client.getCosts('component:default/checkout-api', {
      from: '2026-11-01',
      to: '2026-12-01',
      granularity: 'month',
      currency: 'JPY',
    });

    expect(url.pathname).toBe(
      '/api/sre/entities/component/default/checkout-api/costs',
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      from: '2026-11-01',
      to: '2026-12-01',
      granularity: 'month',
      currency: 'JPY',
    });
    expect(report).toMatchObject({ currency: 'JPY' });
  });

  it('reads the costs of a team by its namespace and name', async () => {
    let url = new URL(baseUrl);
    server.use(
      http.get(`${baseUrl}/teams/:namespace/:name/costs`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json({ entities: [], unallocated: {} });
      }),
    );

    await client.getTeamCosts('group:platform/team-a');
    expect(url.pathname).toBe('/api/sre/teams/platform/team-a/costs');
    expect(url.search).toBe('');

    // A bare name is a group in the default namespace.
    await client.getTeamCosts('team-b', { currency: 'USD' });
    expect(url.pathname).toBe('/api/sre/teams/default/team-b/costs');
    expect(url.searchParams.get('currency')).toBe('USD');
  });

  it('reads an entity’s changes by its ref and range as query parameters', async () => {
    let url = new URL(baseUrl);
    server.use(
      http.get(`${baseUrl}/changes`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json({ items: [], summary: { total: 0 } });
      }),
    );

    const response = await client.getEntityChanges(
      'component:default/inventory-sync',
      { from: '2026-11-04T12:00:00.000Z', to: '2026-12-04T12:00:00.000Z' },
    );
    expect(url.pathname).toBe('/api/sre/changes');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      entityRef: 'component:default/inventory-sync',
      from: '2026-11-04T12:00:00.000Z',
      to: '2026-12-04T12:00:00.000Z',
    });
    expect(response).toMatchObject({ summary: { total: 0 } });

    // Without a range, the backend's default.
    await client.getEntityChanges('component:default/inventory-sync');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      entityRef: 'component:default/inventory-sync',
    });
  });

  it('reads a team’s changes under /changes/team by its ref', async () => {
    let url = new URL(baseUrl);
    server.use(
      http.get(`${baseUrl}/changes/team`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json({ people: [] });
      }),
    );

    await client.getTeamChanges('group:default/team-inventory', {
      from: '2026-11-04T12:00:00.000Z',
    });
    expect(url.pathname).toBe('/api/sre/changes/team');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      teamRef: 'group:default/team-inventory',
      from: '2026-11-04T12:00:00.000Z',
    });
  });

  it('reads a team report under the same team path', async () => {
    let url = new URL(baseUrl);
    server.use(
      http.get(`${baseUrl}/teams/:namespace/:name/report`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json({ services: [] });
      }),
    );

    await client.getTeamReport('group:default/team-a', {
      absent: ['user:default/aiko', 'user:default/farid'],
      days: 14,
    });

    expect(url.pathname).toBe('/api/sre/teams/default/team-a/report');
    expect(url.searchParams.getAll('absent')).toEqual([
      'user:default/aiko',
      'user:default/farid',
    ]);
    expect(url.searchParams.get('days')).toBe('14');
  });

  it('reads a team review under /reviews, with the chosen start only when there is one', async () => {
    let url = new URL(baseUrl);
    server.use(
      http.get(`${baseUrl}/reviews/:namespace/:name`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json({ sinceSource: 'default' });
      }),
    );

    const response = await client.getTeamReview('group:default/team-checkout');
    expect(url.pathname).toBe('/api/sre/reviews/default/team-checkout');
    expect(url.search).toBe('');
    expect(response).toMatchObject({ sinceSource: 'default' });

    await client.getTeamReview('group:platform/team-a', {
      since: '2026-11-01T00:00:00.000Z',
    });
    expect(url.pathname).toBe('/api/sre/reviews/platform/team-a');
    expect(url.searchParams.get('since')).toBe('2026-11-01T00:00:00.000Z');
  });

  it('starts, saves, finishes and reads a review with JSON bodies', async () => {
    const calls: Array<{ method: string; path: string; body: unknown }> = [];
    const record = async ({ request }: { request: Request }) => {
      calls.push({
        method: request.method,
        path: new URL(request.url).pathname.replace('/api/sre', ''),
        body: request.method === 'GET' ? null : await request.text(),
      });
      return HttpResponse.json({ id: '7', revision: 2 });
    };
    server.use(
      http.post(`${baseUrl}/reviews/:namespace/:name`, record),
      http.get(`${baseUrl}/reviews/:namespace/:name/:id`, record),
      http.patch(`${baseUrl}/reviews/:namespace/:name/:id`, record),
      http.post(`${baseUrl}/reviews/:namespace/:name/:id/finish`, record),
      http.post(`${baseUrl}/reviews/:namespace/:name/:id/actions`, record),
      http.patch(`${baseUrl}/reviews/:namespace/:name/actions/:id`, record),
    );
    const team = 'group:default/team-checkout';

    await client.startReview(team, {
      attendees: ['user:default/aiko'],
      since: '2026-11-01T00:00:00.000Z',
    });
    await client.getReview(team, '7');
    await client.updateReview(team, '7', { notes: '# Hi', revision: 1 });
    await client.addReviewAction(team, '7', {
      title: 'Add a runbook',
      ownerRef: null,
      due: '2026-12-01',
    });
    await client.updateReviewAction(team, '12', { status: 'done' });
    const finished = await client.finishReview(team, '7');

    expect(finished).toEqual({ id: '7', revision: 2 });
    expect(calls).toEqual([
      {
        method: 'POST',
        path: '/reviews/default/team-checkout',
        body: JSON.stringify({
          attendees: ['user:default/aiko'],
          since: '2026-11-01T00:00:00.000Z',
        }),
      },
      { method: 'GET', path: '/reviews/default/team-checkout/7', body: null },
      {
        method: 'PATCH',
        path: '/reviews/default/team-checkout/7',
        body: JSON.stringify({ notes: '# Hi', revision: 1 }),
      },
      {
        method: 'POST',
        path: '/reviews/default/team-checkout/7/actions',
        body: JSON.stringify({
          title: 'Add a runbook',
          ownerRef: null,
          due: '2026-12-01',
        }),
      },
      {
        method: 'PATCH',
        path: '/reviews/default/team-checkout/actions/12',
        body: JSON.stringify({ status: 'done' }),
      },
      {
        method: 'POST',
        path: '/reviews/default/team-checkout/7/finish',
        body: '',
      },
    ]);
  });

  it('reads, plans, records and raises action items of drills under /drills with JSON bodies', async () => {
    const calls: Array<{ method: string; path: string; body: unknown }> = [];
    const record = async ({ request }: { request: Request }) => {
      calls.push({
        method: request.method,
        path: new URL(request.url).pathname.replace('/api/sre', ''),
        body: request.method === 'GET' ? null : await request.json(),
      });
      return HttpResponse.json({ id: '3', drills: [] });
    };
    server.use(
      http.get(`${baseUrl}/drills/:namespace/:name`, record),
      http.post(`${baseUrl}/drills/:namespace/:name`, record),
      http.post(`${baseUrl}/drills/:namespace/:name/:id/record`, record),
      http.post(`${baseUrl}/drills/:namespace/:name/:id/actions`, record),
      http.get(`${baseUrl}/entities/:kind/:namespace/:name/drills`, record),
    );
    const team = 'group:platform/fulfilment-squad';
    const took = {
      performedAt: '2026-11-20T09:00:00.000Z',
      participants: ['user:default/farid.haddad'],
      outcome: 'succeeded' as const,
      recoveryMinutes: 42,
      notes: 'The snapshot was in the wrong region.',
    };

    await client.getTeamDrills(team);
    await client.planDrill(team, {
      scenario: 'restore-from-backup',
      title: 'Restore orders-db',
      entityRefs: ['resource:default/orders-db'],
      plannedFor: '2026-12-10',
    });
    await client.planDrill(team, {
      scenario: 'region-failover',
      title: 'Fail over to Osaka',
      entityRefs: ['component:default/storefront'],
      record: took,
    });
    await client.recordDrill(team, '3', took);
    await client.addDrillAction(team, '3', {
      title: 'Copy snapshots to the other region',
      ownerRef: 'user:default/emi.sato',
    });
    const drills = await client.getEntityDrills('Resource:default/orders-db');

    expect(drills).toEqual({ id: '3', drills: [] });
    expect(calls).toEqual([
      { method: 'GET', path: '/drills/platform/fulfilment-squad', body: null },
      {
        method: 'POST',
        path: '/drills/platform/fulfilment-squad',
        body: {
          scenario: 'restore-from-backup',
          title: 'Restore orders-db',
          entityRefs: ['resource:default/orders-db'],
          plannedFor: '2026-12-10',
        },
      },
      {
        method: 'POST',
        path: '/drills/platform/fulfilment-squad',
        body: {
          scenario: 'region-failover',
          title: 'Fail over to Osaka',
          entityRefs: ['component:default/storefront'],
          record: took,
        },
      },
      {
        method: 'POST',
        path: '/drills/platform/fulfilment-squad/3/record',
        body: took,
      },
      {
        method: 'POST',
        path: '/drills/platform/fulfilment-squad/3/actions',
        body: {
          title: 'Copy snapshots to the other region',
          ownerRef: 'user:default/emi.sato',
        },
      },
      {
        method: 'GET',
        path: '/entities/resource/default/orders-db/drills',
        body: null,
      },
    ]);
  });

  it('throws a ResponseError naming the field when a drill is recorded without participants', async () => {
    const message = 'record.participants: at least one person took part';
    server.use(
      http.post(`${baseUrl}/drills/:namespace/:name`, () =>
        HttpResponse.json(
          {
            error: { name: 'InputError', message },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );

    await expect(
      client.planDrill('group:default/fulfilment-squad', {
        scenario: 'restore-from-backup',
        title: 'Restore orders-db',
        entityRefs: ['resource:default/orders-db'],
        record: {
          performedAt: '2026-11-20T09:00:00.000Z',
          participants: [],
          outcome: 'failed',
        },
      }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 400,
      body: { error: { message } },
    });
  });

  it('abandons a review with a POST to its abandon path, with no body', async () => {
    let seen = { method: '', path: '', body: 'unread' };
    server.use(
      http.post(
        `${baseUrl}/reviews/:namespace/:name/:id/abandon`,
        async ({ request, params }) => {
          seen = {
            method: request.method,
            path: new URL(request.url).pathname,
            body: await request.text(),
          };
          return HttpResponse.json({ id: params.id, state: 'abandoned' });
        },
      ),
    );

    const review = await client.abandonReview('group:platform/team-a', '7');

    expect(seen).toEqual({
      method: 'POST',
      path: '/api/sre/reviews/platform/team-a/7/abandon',
      body: '',
    });
    expect(review).toEqual({ id: '7', state: 'abandoned' });
  });

  it('throws a ResponseError with the server message when a non-member abandons a review', async () => {
    const message =
      'You may not do this: permission sre.review.update was denied';
    server.use(
      http.post(`${baseUrl}/reviews/:namespace/:name/:id/abandon`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotAllowedError', message },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );

    await expect(
      client.abandonReview('group:default/team-checkout', '7'),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
      body: { error: { message } },
    });
  });

  it('reads the Markdown export of a review as text', async () => {
    let format: string | null = null;
    server.use(
      http.get(`${baseUrl}/reviews/default/team-checkout/7`, ({ request }) => {
        format = new URL(request.url).searchParams.get('format');
        return new HttpResponse('# Reliability review\n', {
          headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
        });
      }),
    );

    const markdown = await client.getReviewMarkdown(
      'group:default/team-checkout',
      '7',
    );

    expect(format).toBe('markdown');
    expect(markdown).toBe('# Reliability review\n');
  });

  it('lists access-review campaigns and the caller’s tasks as arrays', async () => {
    server.use(
      http.get(`${baseUrl}/access-reviews`, () =>
        HttpResponse.json({ items: [{ id: '3', title: 'Q4' }] }),
      ),
      http.get(`${baseUrl}/tasks`, () =>
        HttpResponse.json({ items: [{ id: '41', campaignId: '3' }] }),
      ),
    );

    expect(await client.listAccessCampaigns()).toEqual([
      { id: '3', title: 'Q4' },
    ]);
    expect(await client.getAccessTasks()).toEqual([
      { id: '41', campaignId: '3' },
    ]);
  });

  it('lists the sources’ status as an array, and passes a refusal on as a 403 ResponseError', async () => {
    server.use(
      http.get(`${baseUrl}/sources`, () =>
        HttpResponse.json({
          items: [{ id: 'cost:aws', lastSuccessAt: null }],
        }),
      ),
    );
    expect(await client.getSourceStatus()).toEqual([
      { id: 'cost:aws', lastSuccessAt: null },
    ]);

    server.use(
      http.get(`${baseUrl}/sources`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message:
                'You may not do this: permission sre.source-status.read was denied',
            },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    await expect(client.getSourceStatus()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
    });
  });

  it('starts, reads, decides and signs off access reviews with JSON bodies', async () => {
    const calls: Array<{ method: string; path: string; body: unknown }> = [];
    const record =
      (response: object) =>
      async ({ request }: { request: Request }) => {
        calls.push({
          method: request.method,
          path: new URL(request.url).pathname.replace('/api/sre', ''),
          body: request.method === 'GET' ? null : await request.text(),
        });
        return HttpResponse.json(response);
      };
    server.use(
      http.post(`${baseUrl}/access-reviews`, record({ campaign: { id: '3' } })),
      http.get(`${baseUrl}/access-reviews/:id`, record({ items: [] })),
      http.post(
        `${baseUrl}/access-reviews/:id/items/:itemId/decision`,
        record({ id: '41', decision: 'keep' }),
      ),
      http.post(
        `${baseUrl}/access-reviews/:id/decisions`,
        record({ items: [{ id: '41' }, { id: '42' }] }),
      ),
      http.post(
        `${baseUrl}/access-reviews/:id/close`,
        record({ campaign: { id: '3', state: 'closed' } }),
      ),
    );

    await client.createAccessCampaign({ title: 'Q4', dueDate: '2026-12-31' });
    await client.getAccessCampaign('3');
    const item = await client.decideAccessItem('3', '41', {
      decision: 'keep',
      comment: 'on call',
    });
    const items = await client.decideAccessItems('3', ['41', '42'], {
      decision: 'transfer',
      transferTo: 'user:default/farid',
      comment: 'leave',
    });
    const closed = await client.closeAccessCampaign('3');

    expect(item).toEqual({ id: '41', decision: 'keep' });
    expect(items.map(i => i.id)).toEqual(['41', '42']);
    expect(closed.campaign.state).toBe('closed');
    expect(calls).toEqual([
      {
        method: 'POST',
        path: '/access-reviews',
        body: JSON.stringify({ title: 'Q4', dueDate: '2026-12-31' }),
      },
      { method: 'GET', path: '/access-reviews/3', body: null },
      {
        method: 'POST',
        path: '/access-reviews/3/items/41/decision',
        body: JSON.stringify({ decision: 'keep', comment: 'on call' }),
      },
      {
        method: 'POST',
        path: '/access-reviews/3/decisions',
        body: JSON.stringify({
          itemIds: ['41', '42'],
          decision: 'transfer',
          transferTo: 'user:default/farid',
          comment: 'leave',
        }),
      },
      { method: 'POST', path: '/access-reviews/3/close', body: '' },
    ]);
  });

  it('reads the evidence of a campaign as text in the format asked for', async () => {
    let format: string | null = null;
    server.use(
      http.get(`${baseUrl}/access-reviews/3/evidence`, ({ request }) => {
        format = new URL(request.url).searchParams.get('format');
        return new HttpResponse('campaign_id,principal\n3,aiko\n', {
          headers: { 'Content-Type': 'text/csv; charset=utf-8' },
        });
      }),
    );

    const csv = await client.getAccessEvidence('3', 'csv');

    expect(format).toBe('csv');
    expect(csv).toBe('campaign_id,principal\n3,aiko\n');
  });

  it('throws a ResponseError with the server message when a decision is refused', async () => {
    server.use(
      http.post(`${baseUrl}/access-reviews/:id/items/:itemId/decision`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message: 'You are not a reviewer of item 41',
            },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );

    await expect(
      client.decideAccessItem('3', '41', { decision: 'revoke' }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
      body: { error: { message: 'You are not a reviewer of item 41' } },
    });
  });

  it('throws a ResponseError with the server message when a save conflicts', async () => {
    server.use(
      http.patch(`${baseUrl}/reviews/:namespace/:name/:id`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'ConflictError',
              message: 'Revision 3 is not the latest (4)',
            },
            response: { statusCode: 409 },
          },
          { status: 409 },
        ),
      ),
    );

    await expect(
      client.updateReview('group:default/team-checkout', '7', {
        notes: '',
        revision: 3,
      }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 409,
      body: { error: { message: 'Revision 3 is not the latest (4)' } },
    });
  });

  it('throws a ResponseError when the costs cannot be read', async () => {
    server.use(
      http.get(`${baseUrl}/teams/:namespace/:name/costs`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'No group team-x' },
            request: { method: 'GET', url: '/api/sre/teams/default/team-x' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );

    await expect(client.getTeamCosts('team-x')).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 404,
      body: { error: { message: 'No group team-x' } },
    });
  });

  it('throws a ResponseError carrying the backend error', async () => {
    server.use(
      http.get(`${baseUrl}/health`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'AuthenticationError',
              message: 'Missing credentials',
            },
            request: { method: 'GET', url: '/api/sre/health' },
            response: { statusCode: 401 },
          },
          { status: 401 },
        ),
      ),
    );

    await expect(client.getHealth()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 401,
      body: { error: { name: 'AuthenticationError' } },
    });
  });
});
