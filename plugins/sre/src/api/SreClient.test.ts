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
