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
