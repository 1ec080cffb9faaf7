import { mockServices } from '@backstage/backend-test-utils';
import type { ChangeInput } from '@baton/plugin-sre-common';
import { TerraformApiClient } from './TerraformApiClient';
import { TerraformChangeSource } from './TerraformChangeSource';
import { testWorkspaceDirectory } from './__testUtils__/catalog';
import { startFakeTerraformApi } from './__testUtils__/fakeTerraformApi';
import workspace from './__fixtures__/workspace.json';
import page1 from './__fixtures__/workspace-runs-page1.json';
import page2 from './__fixtures__/workspace-runs-page2.json';
import notFound from './__fixtures__/error-not-found.json';

const TOKEN = 'atlasv1-pull-token';
const WSID = 'ws-XdeUVMWShTesDMME';

async function collect(source: TerraformChangeSource, since: string) {
  const changes: ChangeInput[] = [];
  for await (const change of source.pull({
    since: new Date(since),
    now: new Date('2026-11-28T00:00:00Z'),
  })) {
    changes.push(change);
  }
  return changes;
}

describe('TerraformChangeSource', () => {
  let api: Awaited<ReturnType<typeof startFakeTerraformApi>>;
  let source: TerraformChangeSource;

  beforeEach(async () => {
    api = await startFakeTerraformApi({
      '/organizations/acme/workspaces/checkout-prod': { body: workspace },
      // orders-db's own workspace has no runs.
      '/organizations/acme/workspaces/orders-db': {
        body: {
          data: {
            ...workspace.data,
            id: 'ws-ordersdb0000000',
            attributes: { ...workspace.data.attributes, name: 'orders-db' },
          },
        },
      },
      '/workspaces/ws-ordersdb0000000/runs': {
        body: { data: [], meta: { pagination: { 'next-page': null } } },
      },
      [`/workspaces/${WSID}/runs`]: query => ({
        body: query['page[number]'] === '2' ? page2 : page1,
      }),
    });
    source = new TerraformChangeSource({
      client: new TerraformApiClient({ baseUrl: api.baseUrl, token: TOKEN }),
      workspaces: testWorkspaceDirectory(),
      logger: mockServices.logger.mock(),
    });
  });
  afterEach(() => api.close());

  it('pulls the applies of each annotated workspace once, page by page, and stops at the window', async () => {
    const changes = await collect(source, '2026-11-20T00:00:00Z');
    expect(changes.map(c => [c.externalId, c.outcome])).toEqual([
      ['run-4mJwuZPsTq1ZvL2y', 'succeeded'],
      ['run-8bEzDnNfVbAEuRmm', 'failed'],
    ]);
    expect(changes[0]).toMatchObject({
      entityRefs: [
        'component:default/checkout-api',
        'component:default/orders-db',
      ],
      operators: [{ kind: 'terraform-user', value: 'bob-tfc' }],
      pairs: [{ kind: 'terraform-user', value: 'alice-tfc' }],
      terraform: {
        workspace: 'acme/checkout-prod',
        plan: { add: 2, change: 0, destroy: 0 },
        applySeconds: 272,
      },
    });
    const runs = api.requests.filter(
      r => r.path === `/workspaces/${WSID}/runs`,
    );
    expect(runs.map(r => r.query)).toEqual([
      {
        'page[number]': '1',
        'page[size]': '100',
        include: 'plan,apply,created_by',
      },
      {
        'page[number]': '2',
        'page[size]': '100',
        include: 'plan,apply,created_by',
      },
    ]);
    // Every user was included: none is read apart.
    expect(api.requests.some(r => r.path.startsWith('/users/'))).toBe(false);
    expect(api.requests.every(r => r.authorization === `Bearer ${TOKEN}`)).toBe(
      true,
    );
  });

  it('reads no further page once a run was created before the window', async () => {
    // 24 hours before since (the look-back) is 27 November 09:00: the second run of page 1 is older.
    const changes = await collect(source, '2026-11-28T09:00:00Z');
    expect(changes.map(c => c.externalId)).toEqual(['run-4mJwuZPsTq1ZvL2y']);
    expect(api.requests.filter(r => r.query['page[number]'] === '2')).toEqual(
      [],
    );
  });

  it('fails the pull, naming the workspace, when one cannot be read', async () => {
    api.answers['/organizations/acme/workspaces/orders-db'] = {
      status: 404,
      body: notFound,
    };
    await expect(collect(source, '2026-11-20T00:00:00Z')).rejects.toThrow(
      `Cannot read workspace acme/orders-db from HCP Terraform (${api.baseUrl}): HCP Terraform answered 404: not found`,
    );
  });
});
