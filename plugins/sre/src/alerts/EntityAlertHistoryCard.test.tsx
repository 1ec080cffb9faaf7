import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type {
  AlertListResponse,
  AlertNoiseFlag,
} from '@baton/plugin-sre-common';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SreApi, sreApiRef } from '../api/SreApi';
import {
  EntityAlertHistoryCard,
  isAlertHistoryAvailable,
} from './EntityAlertHistoryCard';
import { alertItem as alert } from '../__testUtils__/alertFixtures';
import { backendError } from '../__testUtils__/backendError';

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
    expect(
      within(checkout).queryByRole('button', { name: /^Acknowledge/ }),
    ).toBeNull();
    expect(within(checkout).queryByText('Never acknowledged')).toBeNull();
    // The other rows are as they were, and nothing was loaded again.
    expect(
      within(row('Disk almost full')).getByRole('button', {
        name: 'Acknowledge Disk almost full',
      }),
    ).toBeInTheDocument();
    expect(
      within(row('Disk almost full')).getByText('Never acknowledged'),
    ).toBeInTheDocument();
    expect(getAlerts).toHaveBeenCalledTimes(1);
  });

  it('offers the one who acknowledged an undo, which sends DELETE and puts the row back', async () => {
    const acknowledgeAlert = jest.fn().mockResolvedValue({
      ...firing,
      acknowledgedBy: ['user:default/farid'],
      acknowledgedAt: '2026-11-24T10:04:00.000Z',
      noise: [],
    });
    const unacknowledgeAlert = jest.fn().mockResolvedValue({
      ...firing,
      acknowledgedBy: [],
      acknowledgedAt: null,
      noise: [],
    });
    await renderCard({
      getAlerts: jest.fn().mockResolvedValue(response()),
      acknowledgeAlert,
      unacknowledgeAlert,
    });
    // No undo before anyone acknowledged here, nor on others' acknowledgements.
    expect(
      await screen.findByRole('button', {
        name: 'Acknowledge Checkout 5xx rate high',
      }),
    ).toBeEnabled();
    expect(screen.queryByRole('button', { name: /^Undo/ })).toBeNull();

    await userEvent.click(
      screen.getByRole('button', {
        name: 'Acknowledge Checkout 5xx rate high',
      }),
    );
    const undo = await within(row('Checkout 5xx rate high')).findByRole(
      'button',
      { name: 'Undo the acknowledgement of Checkout 5xx rate high' },
    );
    expect(screen.getAllByRole('button', { name: /^Undo/ })).toHaveLength(1);
    expect(unacknowledgeAlert).not.toHaveBeenCalled();

    await userEvent.click(undo);

    expect(unacknowledgeAlert).toHaveBeenCalledWith('1');
    const checkout = row('Checkout 5xx rate high');
    expect(
      await within(checkout).findByRole('button', {
        name: 'Acknowledge Checkout 5xx rate high',
      }),
    ).toBeEnabled();
    expect(within(checkout).queryByText('farid')).toBeNull();
    // No one acknowledges it now: its flag is back, the undo gone.
    expect(
      within(checkout).getByText('Never acknowledged'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Undo/ })).toBeNull();
  });

  it('stops offering the undo 5 minutes after acknowledging', async () => {
    jest.useFakeTimers({ advanceTimers: true });
    try {
      const user = userEvent.setup({
        advanceTimers: jest.advanceTimersByTime,
      });
      await renderCard({
        getAlerts: jest.fn().mockResolvedValue(response()),
        acknowledgeAlert: jest.fn().mockResolvedValue({
          ...firing,
          acknowledgedBy: ['user:default/farid'],
        }),
      });
      await user.click(
        await screen.findByRole('button', {
          name: 'Acknowledge Checkout 5xx rate high',
        }),
      );
      const undoName = 'Undo the acknowledgement of Checkout 5xx rate high';
      expect(
        await screen.findByRole('button', { name: undoName }),
      ).toBeInTheDocument();

      act(() => jest.advanceTimersByTime(4 * 60_000));
      expect(
        screen.getByRole('button', { name: undoName }),
      ).toBeInTheDocument();

      act(() => jest.advanceTimersByTime(60_000));
      await waitFor(() =>
        expect(screen.queryByRole('button', { name: undoName })).toBeNull(),
      );
      expect(
        within(row('Checkout 5xx rate high')).getByText('farid'),
      ).toBeInTheDocument();
    } finally {
      jest.useRealTimers();
    }
  });

  it('shows the backend’s message when there is nothing to take back, and drops the undo', async () => {
    const message =
      'You have no acknowledgement of alert 1 from the last 5 minutes to take back';
    await renderCard({
      getAlerts: jest.fn().mockResolvedValue(response()),
      acknowledgeAlert: jest.fn().mockResolvedValue({
        ...firing,
        acknowledgedBy: ['user:default/farid'],
      }),
      unacknowledgeAlert: jest.fn(async () => {
        throw await backendError(409, 'ConflictError', message);
      }),
    });
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Acknowledge Checkout 5xx rate high',
      }),
    );
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Undo the acknowledgement of Checkout 5xx rate high',
      }),
    );

    expect(
      await screen.findByText(
        `Could not take back the acknowledgement of “Checkout 5xx rate high”: ${message}`,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Undo/ })).toBeNull();
    expect(
      within(row('Checkout 5xx rate high')).getByText('farid'),
    ).toBeInTheDocument();
  });

  it('says only the owners may acknowledge when the backend answers 403, in its words', async () => {
    const acknowledgeAlert = jest.fn(async () => {
      throw await backendError(
        403,
        'NotAllowedError',
        'You may not do this: permission sre.alert.acknowledge was denied',
      );
    });
    await renderCard({
      getAlerts: jest.fn().mockResolvedValue(response()),
      acknowledgeAlert,
    });
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Acknowledge Checkout 5xx rate high',
      }),
    );

    const alertBox = await screen.findByRole('alert');
    expect(alertBox).toHaveTextContent(
      'Could not acknowledge “Checkout 5xx rate high”: only the owners of its services can acknowledge it (You may not do this: permission sre.alert.acknowledge was denied).',
    );
    // Not the client's generic "Request failed with 403 …".
    expect(alertBox).not.toHaveTextContent(/Request failed/);
    expect(screen.queryByRole('button', { name: /^Undo/ })).toBeNull();

    await userEvent.click(
      within(alertBox).getByRole('button', { name: 'Dismiss' }),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the backend’s message when an acknowledgement comes too late (409)', async () => {
    const message =
      'Alert 1 resolved at 2026-11-24T10:00:00.000Z; it can be acknowledged up to 60 minutes after it resolved';
    await renderCard({
      getAlerts: jest.fn().mockResolvedValue(response()),
      acknowledgeAlert: jest.fn(async () => {
        throw await backendError(409, 'ConflictError', message);
      }),
    });
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Acknowledge Checkout 5xx rate high',
      }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      `Could not acknowledge “Checkout 5xx rate high”: ${message}`,
    );
  });

  it('no longer offers to acknowledge an alert resolved more than 60 minutes ago, and says why', async () => {
    const minutesAgo = (minutes: number) =>
      new Date(Date.now() - minutes * 60_000).toISOString();
    const resolved = (id: string, title: string, endsAt: string) =>
      alert({
        id,
        title,
        status: 'resolved',
        startsAt: minutesAgo(90),
        endsAt,
      });
    await renderCard({
      getAlerts: jest.fn().mockResolvedValue(
        response({
          items: [
            resolved('11', 'Resolved a moment ago', minutesAgo(10)),
            resolved('12', 'Resolved hours ago', minutesAgo(61)),
          ],
        }),
      ),
    });

    expect(
      await screen.findByRole('button', {
        name: 'Acknowledge Resolved a moment ago',
      }),
    ).toBeEnabled();
    const late = screen.getByRole('button', {
      name: 'Acknowledge Resolved hours ago',
    });
    expect(late).toBeDisabled();
    await userEvent.hover(late.parentElement!);
    expect(
      await screen.findByText(
        'It resolved more than 60 minutes ago; it can no longer be acknowledged.',
      ),
    ).toBeInTheDocument();
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
