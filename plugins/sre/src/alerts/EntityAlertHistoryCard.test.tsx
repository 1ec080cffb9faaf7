import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type {
  AlertListResponse,
  AlertNoiseFlag,
} from '@baton/plugin-sre-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SreApi, sreApiRef } from '../api/SreApi';
import {
  EntityAlertHistoryCard,
  isAlertHistoryAvailable,
} from './EntityAlertHistoryCard';
import { alertItem as alert } from '../__testUtils__/alertFixtures';

function entity(
  annotations: Record<string, string> = {},
  kind = 'Component',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'checkout-api', annotations },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

const neverAcknowledged = {
  flag: 'never-acknowledged' as const,
  params: {},
  explanation: 'No one acknowledged it.',
};

const firing = alert({
  noise: [
    neverAcknowledged,
    {
      // A flag a newer backend may send: shown with its English explanation.
      flag: 'slow-ack' as unknown as AlertNoiseFlag,
      params: {},
      explanation: 'Acknowledged late.',
    },
  ],
});
const flapping = alert({
  id: '2',
  source: 'mackerel',
  monitor: 'disk-usage',
  title: 'Disk almost full',
  severity: 'warning',
  status: 'resolved',
  startsAt: '2026-11-23T08:00:00.000Z',
  endsAt: '2026-11-23T08:03:00.000Z',
  resolvedBy: 'source',
  noise: [
    {
      flag: 'transient',
      params: { minutes: 3, limit: 5 },
      explanation: 'Resolved by the source after 3 min …',
    },
    {
      flag: 'flapping',
      params: { count: 4, hours: 24, monitor: 'disk-usage' },
      explanation: 'disk-usage fired 4 times within 24 h.',
    },
    neverAcknowledged,
  ],
});
const clean = alert({
  id: '3',
  source: 'cloudwatch',
  monitor: 'checkout-latency',
  title: 'Checkout latency p95',
  severity: 'info',
  status: 'resolved',
  startsAt: '2026-11-20T12:00:00.000Z',
  endsAt: '2026-11-20T14:00:00.000Z',
  resolvedBy: 'person',
  acknowledgedBy: ['user:default/aiko.tanaka'],
  acknowledgedAt: '2026-11-20T12:05:00.000Z',
  runbookUrl: 'https://runbooks.example/checkout-latency',
});

function response(
  overrides: Partial<AlertListResponse> = {},
): AlertListResponse {
  return {
    items: [firing, flapping, clean],
    summary: {
      count: 3,
      noisy: 1,
      mttaSeconds: 300,
      mttrSeconds: 3780,
      cryWolfScore: 1 / 3,
      responders: [
        { userRef: 'user:default/aiko.tanaka', count: 3, share: 0.75 },
        { userRef: 'user:default/farid', count: 1, share: 0.25 },
      ],
    },
    from: '2026-11-11T12:00:00.000Z',
    to: '2026-11-25T12:00:00.000Z',
    fromSource: 'default',
    ...overrides,
  };
}

async function renderCard(sreApi: Partial<SreApi>, target = entity()) {
  await renderInTestApp(
    <EntityProvider entity={target}>
      <EntityAlertHistoryCard />
    </EntityProvider>,
    { apis: [[sreApiRef, sreApi]] },
  );
}

const row = (title: string) => screen.getByText(title).closest('tr')!;

beforeAll(() => {
  // jsdom has no ResizeObserver; the chart keeps its initial size.
  global.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

describe('EntityAlertHistoryCard', () => {
  it('shows the summary, the chart and every alert with its noise', async () => {
    const getAlerts = jest.fn().mockResolvedValue(response());
    await renderCard({ getAlerts });

    // Label and text queries: role queries are slow over a table this size.
    expect(await screen.findByText('Disk almost full')).toBeInTheDocument();
    expect(getAlerts).toHaveBeenCalledWith('component:default/checkout-api');
    expect(screen.getByText('Alert history')).toBeInTheDocument();
    expect(
      screen.getByText(
        /^Since Nov 11, 2026 · alerts labeled service=checkout-api$/,
      ),
    ).toBeInTheDocument();

    const figure = (label: string) =>
      screen.getByLabelText(label, { selector: '[role=group]' });
    expect(figure('Alerts')).toHaveTextContent(/^Alerts3$/);
    expect(figure('Noisy')).toHaveTextContent('1 (33% cry wolf)');
    expect(figure('MTTA')).toHaveTextContent('5 min');
    expect(figure('MTTR')).toHaveTextContent('1.1 h');
    const responders = screen.getByLabelText(
      'Responders and their share of acknowledgements',
    );
    expect(
      [...responders.querySelectorAll('[role=listitem]')].map(
        item => item.textContent,
      ),
    ).toEqual(['aiko.tanaka 75%', 'farid 25%']);
    expect(screen.getByLabelText('Alerts per day by severity')).toHaveAttribute(
      'role',
      'img',
    );
    expect(
      screen.getByLabelText('Alerts', { selector: 'table' }),
    ).toBeVisible();

    const disk = row('Disk almost full');
    expect(disk).toHaveTextContent(
      new Date('2026-11-23T08:00:00.000Z').toLocaleString(),
    );
    expect(within(disk).getByText('disk-usage')).toBeInTheDocument();
    expect(within(disk).getByText('Mackerel')).toBeInTheDocument();
    expect(within(disk).getByText('Warning')).toBeInTheDocument();
    expect(within(disk).getByText('Resolved')).toBeInTheDocument();
    expect(within(disk).getByText('3 min')).toBeInTheDocument();
    expect(within(disk).getByText('Transient')).toBeInTheDocument();
    expect(within(disk).getByText('Never acknowledged')).toBeInTheDocument();

    await userEvent.hover(within(disk).getByText('Flapping'));
    expect(
      await screen.findByText('disk-usage fired 4 times within 24 h.'),
    ).toBeInTheDocument();

    const checkout = row('Checkout 5xx rate high');
    expect(within(checkout).getByText('Ongoing')).toBeInTheDocument();
    expect(within(checkout).getByText('Critical')).toBeInTheDocument();
    expect(within(checkout).getByText('Alertmanager')).toBeInTheDocument();
    // A flag this UI does not know yet: its name and the backend's text.
    expect(within(checkout).getByTitle('Acknowledged late.')).toHaveTextContent(
      'slow-ack',
    );

    const latency = row('Checkout latency p95');
    expect(within(latency).getByText('aiko.tanaka')).toBeInTheDocument();
    expect(within(latency).getByText('2 h')).toBeInTheDocument();
    expect(within(latency).getByText('CloudWatch')).toBeInTheDocument();
    expect(within(latency).getByText('Runbook')).toHaveAttribute(
      'href',
      'https://runbooks.example/checkout-latency',
    );
    expect(latency.querySelector('button')).toBeNull();
  }, 15_000);

  it('says the list starts at the team’s last review when the backend started it there', async () => {
    await renderCard({
      getAlerts: jest.fn().mockResolvedValue(
        response({
          from: '2026-11-11T10:00:00.000Z',
          fromSource: 'last-review',
          lastReview: {
            id: '5',
            teamRef: 'group:default/team-checkout',
            finishedAt: '2026-11-11T10:00:00.000Z',
          },
        }),
      ),
    });
    expect(
      await screen.findByText(
        /^Since the last review of team-checkout \(Nov 11, 2026\) · alerts labeled service=checkout-api$/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/^Since Nov 11, 2026/)).toBeNull();
  });

  it('says only the day the list starts when it is not the last review', async () => {
    await renderCard({
      getAlerts: jest.fn().mockResolvedValue(response({ fromSource: 'query' })),
    });
    expect(
      await screen.findByText(
        /^Since Nov 11, 2026 · alerts labeled service=checkout-api$/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/last review/)).toBeNull();
  });

  it('acknowledges an alert and updates its row in place', async () => {
    const getAlerts = jest.fn().mockResolvedValue(response());
    const acknowledgeAlert = jest.fn().mockResolvedValue({
      ...firing,
      acknowledgedBy: ['user:default/farid'],
      acknowledgedAt: '2026-11-24T10:04:00.000Z',
      noise: [],
    });
    await renderCard({ getAlerts, acknowledgeAlert });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Acknowledge Checkout 5xx rate high',
      }),
    );

    expect(acknowledgeAlert).toHaveBeenCalledWith('1');
    const checkout = row('Checkout 5xx rate high');
    expect(await within(checkout).findByText('farid')).toBeInTheDocument();
    expect(within(checkout).queryByRole('button')).toBeNull();
    expect(within(checkout).queryByText('Never acknowledged')).toBeNull();
    // The other rows are as they were, and nothing was loaded again.
    expect(
      screen.getByRole('button', { name: 'Acknowledge Disk almost full' }),
    ).toBeEnabled();
    expect(getAlerts).toHaveBeenCalledTimes(1);
  });

  it('says when an acknowledgement fails and keeps the button', async () => {
    await renderCard({
      getAlerts: jest.fn().mockResolvedValue(response()),
      acknowledgeAlert: jest.fn().mockRejectedValue(new Error('forbidden')),
    });
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Acknowledge Checkout 5xx rate high',
      }),
    );
    expect(
      await screen.findByText(
        'Could not acknowledge “Checkout 5xx rate high”: forbidden',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: 'Acknowledge Checkout 5xx rate high',
      }),
    ).toBeEnabled();
  });

  it('filters the loaded alerts by severity, status and noise', async () => {
    await renderCard({ getAlerts: jest.fn().mockResolvedValue(response()) });
    await screen.findByRole('table', { name: 'Alerts' });

    await userEvent.click(screen.getByRole('checkbox', { name: 'Noisy only' }));
    expect(screen.queryByText('Checkout latency p95')).toBeNull();
    expect(screen.queryByText('Checkout 5xx rate high')).toBeNull();
    expect(screen.getByText('Disk almost full')).toBeInTheDocument();
    expect(screen.getByText('1 of 3 loaded alerts')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('checkbox', { name: 'Noisy only' }));
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Status' }),
      'firing',
    );
    expect(screen.getByText('Checkout 5xx rate high')).toBeInTheDocument();
    expect(screen.queryByText('Disk almost full')).toBeNull();

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Severity' }),
      'info',
    );
    expect(
      screen.getByText('No loaded alert matches the filters.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Alerts' })).toBeNull();
  });

  it('loads more alerts with the cursor, over the same range', async () => {
    const older = alert({
      id: '4',
      title: 'Payments queue backlog',
      startsAt: '2026-11-12T09:00:00.000Z',
      status: 'resolved',
      endsAt: '2026-11-12T10:00:00.000Z',
    });
    const getAlerts = jest
      .fn()
      .mockResolvedValueOnce(response({ nextCursor: 'page-2' }))
      .mockResolvedValueOnce(response({ items: [older, clean] }));
    await renderCard({ getAlerts });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Load more' }),
    );

    expect(getAlerts).toHaveBeenLastCalledWith(
      'component:default/checkout-api',
      {
        from: '2026-11-11T12:00:00.000Z',
        to: '2026-11-25T12:00:00.000Z',
        cursor: 'page-2',
      },
    );
    expect(
      await screen.findByText('Payments queue backlog'),
    ).toBeInTheDocument();
    // An alert on both pages is listed once.
    expect(screen.getAllByText('Checkout latency p95')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(screen.getByText('4 of 4 loaded alerts')).toBeInTheDocument();
  });

  it('says when there are no alerts since the start of the range, and how alerts get here', async () => {
    await renderCard({
      getAlerts: jest.fn().mockResolvedValue(
        response({
          items: [],
          summary: {
            count: 0,
            noisy: 0,
            mttaSeconds: null,
            mttrSeconds: null,
            cryWolfScore: null,
            responders: [],
          },
        }),
      ),
    });
    expect(
      await screen.findByText('No alerts since Nov 11, 2026'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /labels match service=checkout-api appear here .* Set baton\.dev\/alert-selector/,
      ),
    ).toBeInTheDocument();
  });

  it('shows errors', async () => {
    await renderCard({
      getAlerts: jest.fn().mockRejectedValue(new Error('backend down')),
    });
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(
      0,
    );
  });

  it('shows progress while loading', async () => {
    await renderCard({
      getAlerts: jest.fn().mockReturnValue(new Promise(() => {})),
    });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('asks for baton.dev/alert-selector on an entity no alert can reach', async () => {
    const getAlerts = jest.fn();
    await renderCard({ getAlerts }, entity({}, 'API'));
    expect(screen.getByText('Alert history')).toBeInTheDocument();
    expect(screen.getByText('Missing annotation')).toBeInTheDocument();
    expect(
      screen.getAllByText(/baton\.dev\/alert-selector/).length,
    ).toBeGreaterThan(0);
    expect(getAlerts).not.toHaveBeenCalled();
  });

  it('is available on service-like kinds and wherever the selector is set', () => {
    expect(isAlertHistoryAvailable(entity())).toBe(true);
    expect(isAlertHistoryAvailable(entity({}, 'Resource'))).toBe(true);
    expect(isAlertHistoryAvailable(entity({}, 'API'))).toBe(false);
    expect(
      isAlertHistoryAvailable(
        entity({ 'baton.dev/alert-selector': 'job=gateway' }, 'API'),
      ),
    ).toBe(true);
  });
});
