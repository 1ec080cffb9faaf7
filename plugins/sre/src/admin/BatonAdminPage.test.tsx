import {
  createExtensionTester,
  mockApis,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { ResponseError } from '@backstage/errors';
import type { SourceStatus } from '@baton/plugin-sre-common';
import { screen, within } from '@testing-library/react';
import { batonAdminPage } from '../alpha';
import { SreApi, sreApiRef } from '../api/SreApi';
import { batonAdminRouteRef } from '../routes';
import { BatonAdminPage } from './BatonAdminPage';

jest.setTimeout(30_000);

const MINUTE = 60_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

const source = (status: Partial<SourceStatus> & { id: string }) => ({
  kind: 'cost' as const,
  trigger: 'schedule' as const,
  provider: 'sre-backend',
  lastSuccessAt: null,
  lastCounts: null,
  lastError: null,
  lastErrorAt: null,
  ...status,
});

const SOURCES: SourceStatus[] = [
  source({
    id: 'cost:aws-main',
    provider: 'AwsCostExplorerSource',
    lastSuccessAt: ago(5 * MINUTE),
    lastCounts: { rows: 1 },
    lastError: 'Error: GET https://***@billing.example/export failed: 500',
    lastErrorAt: ago(3 * 60 * MINUTE),
  }),
  source({
    id: 'task:sre-slo-evaluation',
    kind: 'slo',
    lastSuccessAt: ago(2 * 86_400_000),
    lastCounts: { entities: 12 },
  }),
  source({
    id: 'webhook:alertmanager',
    kind: 'alerts',
    trigger: 'webhook',
    provider: 'AlertmanagerReceiver',
    lastError: 'InputError: The body is not JSON',
    lastErrorAt: ago(MINUTE),
  }),
  source({ id: 'alert-poller:mackerel:main', kind: 'alerts' }),
  source({
    id: 'task:sre-knowledge-refresh',
    kind: 'knowledge',
    lastSuccessAt: ago(10 * MINUTE),
    lastCounts: { entities: 5, failed: 2 },
  }),
];

async function renderPanel(sreApi: Partial<SreApi>, language = 'en') {
  await renderInTestApp(<BatonAdminPage />, {
    apis: [
      [sreApiRef, sreApi],
      mockApis.appLanguage({
        defaultLanguage: language,
        availableLanguages: ['en', 'ja'],
      }),
    ],
  });
}

const notAllowed = () =>
  ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: {
          name: 'NotAllowedError',
          message:
            'You may not do this: permission sre.source-status.read was denied',
        },
        response: { statusCode: 403 },
      }),
      {
        status: 403,
        statusText: 'Forbidden',
        headers: { 'Content-Type': 'application/json' },
      },
    ),
  );

describe('BatonAdminPage', () => {
  it('lists each source, failing and partly failing ones first, with its last success, counts and last error', async () => {
    await renderPanel({
      getSourceStatus: jest.fn().mockResolvedValue(SOURCES),
    });
    const table = await screen.findByRole('table', {
      name: 'Sources and scheduled pulls',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map(row => within(row).getAllByRole('cell')[0].textContent),
    ).toEqual([
      'alertmanager webhook',
      'Knowledge refresh',
      'Alert poller mackerel:main',
      'Cost source aws-main',
      'SLO evaluation',
    ]);

    const [webhook, knowledge, poller, cost, slo] = rows.map(row =>
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    );
    // Never succeeded, failed a minute ago.
    expect(webhook).toEqual([
      'alertmanager webhook',
      'Failing',
      'Alerts (webhook)',
      'AlertmanagerReceiver',
      'Never',
      '—',
      '1 minute agoInputError: The body is not JSON',
    ]);
    // Finished, with entities it could not refresh.
    expect(knowledge.slice(1, 7)).toEqual([
      'Partly failed',
      'Code knowledge (scheduled)',
      'sre-backend',
      '10 minutes ago',
      '5 entities; 2 failed',
      'None',
    ]);
    // Failed three hours ago, succeeded since: both are shown.
    expect(cost).toEqual([
      'Cost source aws-main',
      'Recovered',
      'Cost (scheduled)',
      'AwsCostExplorerSource',
      '5 minutes ago',
      '1 row',
      `3 hours ago${SOURCES[0].lastError}`,
    ]);
    expect(slo.slice(1, 7)).toEqual([
      'OK',
      'SLOs (scheduled)',
      'sre-backend',
      '2 days ago',
      '12 entities',
      'None',
    ]);
    expect(poller.slice(1, 2).concat(poller.slice(4, 7))).toEqual([
      'Never ran',
      'Never',
      '—',
      'None',
    ]);

    // The full date and time in the tooltip; the source's id on its name.
    const success = within(rows[3]).getByText('5 minutes ago');
    expect(success).toHaveAttribute('dateTime', SOURCES[0].lastSuccessAt);
    expect(success.getAttribute('title')).toMatch(/\d{4}/);
    expect(within(rows[3]).getByText('Cost source aws-main')).toHaveAttribute(
      'title',
      'cost:aws-main',
    );
  });

  it('names the production change pull and change sources, in English and Japanese', async () => {
    const changeSources = [
      source({
        id: 'task:sre-change-pull',
        kind: 'changes',
        lastSuccessAt: ago(MINUTE),
        lastCounts: { received: 3 },
      }),
      source({ id: 'change-source:github', kind: 'changes' }),
    ];
    await renderPanel({
      getSourceStatus: jest.fn().mockResolvedValue(changeSources),
    });
    expect(
      await screen.findByText('Production change pull'),
    ).toBeInTheDocument();
    expect(screen.getByText('Change source github')).toHaveAttribute(
      'title',
      'change-source:github',
    );
    expect(screen.getByText('3 received')).toBeInTheDocument();

    await renderPanel(
      { getSourceStatus: jest.fn().mockResolvedValue(changeSources) },
      'ja',
    );
    expect(await screen.findByText('本番変更の取得')).toBeInTheDocument();
    expect(screen.getByText('変更ソース github')).toBeInTheDocument();
  });

  it('tells a user outside sre.admins why there is nothing to see', async () => {
    await renderPanel({
      getSourceStatus: jest.fn().mockRejectedValue(await notAllowed()),
    });
    expect(
      await screen.findByText('Only Baton admins see the sources'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/to sre\.admins in the app configuration/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says when no source is configured, shows other errors, and loads', async () => {
    await renderPanel({ getSourceStatus: jest.fn().mockResolvedValue([]) });
    expect(await screen.findByText('No sources')).toBeInTheDocument();

    await renderPanel({
      getSourceStatus: jest
        .fn()
        .mockRejectedValue(new Error('backend unreachable')),
    });
    expect(
      await screen.findByText('Error: backend unreachable'),
    ).toBeInTheDocument();

    await renderPanel({
      getSourceStatus: jest.fn(() => new Promise<SourceStatus[]>(() => {})),
    });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('speaks Japanese', async () => {
    await renderPanel(
      { getSourceStatus: jest.fn().mockResolvedValue(SOURCES) },
      'ja',
    );
    expect(
      await screen.findByRole('table', { name: 'データソースと定期取得' }),
    ).toBeInTheDocument();
    expect(screen.getByText('コストソース aws-main')).toBeInTheDocument();
    expect(screen.getByText('復旧済み')).toBeInTheDocument();
    expect(screen.getByText('5 分前')).toBeInTheDocument();
    expect(screen.getByText('1 行')).toBeInTheDocument();
  });

  it('is the /baton page of the new frontend system', async () => {
    await renderInTestApp(
      createExtensionTester(batonAdminPage, {
        apis: [mockApis.translation()],
      }).reactElement(),
      {
        apis: [
          [
            sreApiRef,
            { getSourceStatus: jest.fn().mockResolvedValue(SOURCES) },
          ],
        ],
        mountPath: '/baton',
        initialRouteEntries: ['/baton'],
        mountedRoutes: { '/baton': batonAdminRouteRef },
      },
    );
    expect(
      await screen.findByRole('table', { name: 'Sources and scheduled pulls' }),
    ).toBeInTheDocument();
  });
});
