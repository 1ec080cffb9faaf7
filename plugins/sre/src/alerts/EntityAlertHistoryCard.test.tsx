import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type {
  AlertListResponse,
  AlertNoiseFlag,
} from '@baton/plugin-sre-common';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SreApi, sreApiRef } from '../api/SreApi';
import { formats } from '../language';
import type { SreTranslate } from '../translation';
import { EntityAlertHistoryCard } from './EntityAlertHistoryCard';
import { isAlertHistoryAvailable } from './isAlertHistoryAvailable';
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
    configured: true,
    from: '2026-11-11T12:00:00.000Z',
    to: '2026-11-25T12:00:00.000Z',
    fromSource: 'default',
    ...overrides,
  };
}

async function renderCard(sreApi: Partial<SreApi>, target = entity()) {
  const alertApi = mockApis.alert();
  await renderInTestApp(
    <EntityProvider entity={target}>
      <EntityAlertHistoryCard />
    </EntityProvider>,
    { apis: [[sreApiRef, sreApi], alertApi] },
  );
  return { alertApi };
}

/** The row of a monitor, by the title of its newest firing. */
const row = (title: string) => screen.getByText(title).closest('tr')!;
/** A row's details, once opened. */
const details = (title: string) =>
  screen.getByRole('region', { name: `Details of ${title}` });
/** Opens a row's details: the source, durations, responders and buttons. */
async function expand(title: string): Promise<HTMLElement> {
  await userEvent.click(
    await screen.findByRole('button', { name: `Show details of ${title}` }),
  );
  return details(title);
}
/** The Acknowledge button of a row, its details opened first. */
async function acknowledgeButton(title: string): Promise<HTMLElement> {
  await screen.findByText(title);
  if (!screen.queryByRole('region', { name: `Details of ${title}` })) {
    await expand(title);
  }
  return within(details(title)).getByRole('button', {
    name: `Acknowledge ${title}`,
  });
}
/** Dates and times as the card writes them in English. */
const english = formats('en', (key => key) as SreTranslate);

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

    // The row: time, title, severity, status and noise.
    const disk = row('Disk almost full');
    expect(disk).toHaveTextContent(
      english.dateTime('2026-11-23T08:00:00.000Z'),
    );
    expect(within(disk).getByText('disk-usage')).toBeInTheDocument();
    expect(within(disk).getByText('Warning')).toBeInTheDocument();
    expect(within(disk).getByText('Resolved')).toBeInTheDocument();
    expect(within(disk).getByText('Transient')).toBeInTheDocument();
    expect(within(disk).getByText('Never acknowledged')).toBeInTheDocument();
    // The rest waits in its details.
    expect(within(disk).queryByText('Mackerel')).toBeNull();
    expect(
      within(disk).queryByRole('button', { name: /^Acknowledge/ }),
    ).toBeNull();

    await userEvent.hover(within(disk).getByText('Flapping'));
    expect(
      await screen.findByText('disk-usage fired 4 times within 24 h.'),
    ).toBeInTheDocument();

    const diskDetails = await expand('Disk almost full');
    expect(within(diskDetails).getByText('Mackerel')).toBeInTheDocument();
    expect(within(diskDetails).getByText('3 min')).toBeInTheDocument();
    expect(
      within(diskDetails).getByRole('button', {
        name: 'Acknowledge Disk almost full',
      }),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Hide details of Disk almost full' }),
    );
    await waitFor(() =>
      expect(
        screen.queryByRole('region', { name: 'Details of Disk almost full' }),
      ).toBeNull(),
    );

    const checkout = row('Checkout 5xx rate high');
    expect(within(checkout).getByText('Critical')).toBeInTheDocument();
    expect(within(checkout).getByText('Firing')).toBeInTheDocument();
    // A flag this UI does not know yet: its name and the backend's text.
    expect(within(checkout).getByTitle('Acknowledged late.')).toHaveTextContent(
      'slow-ack',
    );
    const checkoutDetails = await expand('Checkout 5xx rate high');
    expect(within(checkoutDetails).getByText('Ongoing')).toBeInTheDocument();
    expect(
      within(checkoutDetails).getByText('Alertmanager'),
    ).toBeInTheDocument();

    const latency = await expand('Checkout latency p95');
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

  it('acknowledges an alert, names the responder from the catalog, updates its row in place and confirms it', async () => {
    const getAlerts = jest.fn().mockResolvedValue(response());
    const acknowledgeAlert = jest.fn().mockResolvedValue({
      ...firing,
      acknowledgedBy: ['user:default/farid'],
      acknowledgedAt: '2026-11-24T10:04:00.000Z',
      responderNames: { 'user:default/farid': 'Farid Haddad' },
      noise: [],
    });
    const { alertApi } = await renderCard({ getAlerts, acknowledgeAlert });

    await userEvent.click(await acknowledgeButton('Checkout 5xx rate high'));

    expect(acknowledgeAlert).toHaveBeenCalledWith('1');
    const checkout = details('Checkout 5xx rate high');
    expect(
      await within(checkout).findByText('Farid Haddad'),
    ).toBeInTheDocument();
    expect(within(checkout).queryByText(/farid/)).toBeNull();
    expect(
      within(checkout).queryByRole('button', { name: /^Acknowledge/ }),
    ).toBeNull();
    expect(
      within(row('Checkout 5xx rate high')).queryByText('Never acknowledged'),
    ).toBeNull();
    // The portal's snackbar says it went through.
    expect(alertApi.getAlerts()).toEqual([
      expect.objectContaining({
        message: 'Acknowledged “Checkout 5xx rate high”.',
        severity: 'success',
      }),
    ]);
    // The other rows are as they were, and nothing was loaded again.
    expect(await acknowledgeButton('Disk almost full')).toBeInTheDocument();
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
    const { alertApi } = await renderCard({
      getAlerts: jest.fn().mockResolvedValue(response()),
      acknowledgeAlert,
      unacknowledgeAlert,
    });
    // No undo before anyone acknowledged here, nor on others' acknowledgements.
    expect(await acknowledgeButton('Checkout 5xx rate high')).toBeEnabled();
    expect(screen.queryByRole('button', { name: /^Undo/ })).toBeNull();

    await userEvent.click(await acknowledgeButton('Checkout 5xx rate high'));
    const undo = await within(details('Checkout 5xx rate high')).findByRole(
      'button',
      { name: 'Undo the acknowledgement of Checkout 5xx rate high' },
    );
    expect(screen.getAllByRole('button', { name: /^Undo/ })).toHaveLength(1);
    expect(unacknowledgeAlert).not.toHaveBeenCalled();

    await userEvent.click(undo);

    expect(unacknowledgeAlert).toHaveBeenCalledWith('1');
    const checkout = details('Checkout 5xx rate high');
    expect(
      await within(checkout).findByRole('button', {
        name: 'Acknowledge Checkout 5xx rate high',
      }),
    ).toBeEnabled();
    expect(within(checkout).queryByText('farid')).toBeNull();
    // No one acknowledges it now: its flag is back, the undo gone.
    expect(
      within(row('Checkout 5xx rate high')).getByText('Never acknowledged'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Undo/ })).toBeNull();
    expect(alertApi.getAlerts().map(a => a.message)).toEqual([
      'Acknowledged “Checkout 5xx rate high”.',
      'Took back your acknowledgement of “Checkout 5xx rate high”.',
    ]);
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
      await user.click(await acknowledgeButton('Checkout 5xx rate high'));
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
        within(details('Checkout 5xx rate high')).getByText('farid'),
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
    await userEvent.click(await acknowledgeButton('Checkout 5xx rate high'));
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
      within(details('Checkout 5xx rate high')).getByText('farid'),
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
    await userEvent.click(await acknowledgeButton('Checkout 5xx rate high'));

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
    await userEvent.click(await acknowledgeButton('Checkout 5xx rate high'));
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
        monitor: title,
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

    expect(await acknowledgeButton('Resolved a moment ago')).toBeEnabled();
    const late = await acknowledgeButton('Resolved hours ago');
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
    await userEvent.click(await acknowledgeButton('Checkout 5xx rate high'));
    expect(
      await screen.findByText(
        'Could not acknowledge “Checkout 5xx rate high”: forbidden',
      ),
    ).toBeInTheDocument();
    expect(await acknowledgeButton('Checkout 5xx rate high')).toBeEnabled();
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
      monitor: 'PaymentsQueueBacklog',
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

  const noAlerts = {
    count: 0,
    noisy: 0,
    mttaSeconds: null,
    mttrSeconds: null,
    cryWolfScore: null,
    responders: [],
  };

  it('says no alert started in the range, and when the last one did, when alerts reach the entity', async () => {
    await renderCard({
      getAlerts: jest.fn().mockResolvedValue(
        response({
          items: [],
          summary: noAlerts,
          configured: true,
          lastAlertAt: '2026-11-02T09:00:00.000Z',
        }),
      ),
    });
    expect(
      await screen.findByText('No alerts since Nov 11, 2026'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Alerts labeled service=checkout-api reach this card; none started in this range. The last one started Nov 2, 2026.',
      ),
    ).toBeInTheDocument();
    // Nothing suggests a setup problem.
    expect(screen.queryByText(/webhook source/)).toBeNull();
    expect(screen.queryByText(/baton\.dev\/alert-selector/)).toBeNull();
  });

  it('says how alerts get here when no source reaches the entity', async () => {
    await renderCard({
      getAlerts: jest
        .fn()
        .mockResolvedValue(
          response({ items: [], summary: noAlerts, configured: false }),
        ),
    });
    expect(
      await screen.findByText('No alert source reaches this entity yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /labels match service=checkout-api appear here .* Set baton\.dev\/alert-selector/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/No alerts since/)).toBeNull();
  });

  it('keeps an alert that fires since before the range in view, and says so', async () => {
    await renderCard({
      getAlerts: jest.fn().mockResolvedValue(
        response({
          items: [
            alert({
              title: 'Checkout availability burns its error budget',
              startsAt: '2026-11-09T08:00:00.000Z',
              firingSinceBeforeRange: true,
            }),
          ],
          summary: noAlerts,
          from: '2026-11-11T12:00:00.000Z',
          fromSource: 'last-review',
          lastReview: {
            id: '5',
            teamRef: 'group:default/team-checkout',
            finishedAt: '2026-11-11T12:00:00.000Z',
          },
        }),
      ),
    });
    await screen.findByText('Checkout availability burns its error budget');
    const burn = row('Checkout availability burns its error budget');
    expect(
      within(burn).getByText('Firing since Nov 9, 2026, before this range'),
    ).toBeInTheDocument();
    expect(within(burn).getByText('Firing')).toBeInTheDocument();
    expect(screen.queryByText(/^No alerts since/)).toBeNull();
  });

  it('shows a flapping CloudWatch alarm as one row with its count and span, its firings when expanded, and no made-up severity', async () => {
    const arn =
      'arn:aws:cloudwatch:ap-northeast-1:123456789012:alarm:order-batch-lag';
    const firings = [
      ['21', '2026-11-24T03:00:00.000Z', '2026-11-24T03:08:00.000Z'],
      ['22', '2026-11-20T01:00:00.000Z', '2026-11-20T01:02:00.000Z'],
      ['23', '2026-11-18T02:00:00.000Z', '2026-11-18T02:04:00.000Z'],
    ].map(([id, startsAt, endsAt]) =>
      alert({
        id,
        source: 'cloudwatch',
        monitor: arn,
        title: 'order-batch-lag',
        severity: 'unknown',
        status: 'resolved',
        startsAt,
        endsAt,
        resolvedBy: 'source',
        acknowledgedBy: id === '21' ? ['user:default/daniel.weiss'] : [],
        responderNames:
          id === '21' ? { 'user:default/daniel.weiss': 'Daniel Weiss' } : {},
        noise: [
          {
            flag: 'flapping',
            params: { count: 3, hours: 24, monitor: arn },
            explanation: `${arn} fired 3 times within 24 h.`,
          },
        ],
      }),
    );
    await renderCard({
      getAlerts: jest
        .fn()
        .mockResolvedValue(
          response({ items: [firings[0], ...firings.slice(1), clean] }),
        ),
    });

    expect(await screen.findAllByText('order-batch-lag')).toHaveLength(1);
    const lag = row('order-batch-lag');
    expect(
      within(lag).getByText('3 firings from Nov 18, 2026 to Nov 24, 2026'),
    ).toBeInTheDocument();
    expect(within(lag).getByText('Resolved')).toBeInTheDocument();
    // CloudWatch sends no severity: not a chip that reads like a judgement.
    expect(within(lag).queryByText('Unknown')).toBeNull();
    await userEvent.hover(within(lag).getByText('Not set'));
    expect(
      await screen.findByText(/The source sent no severity/),
    ).toBeInTheDocument();
    // The noise names the alarm, not its ARN.
    await userEvent.hover(within(lag).getByText('Flapping'));
    expect(
      await screen.findByText('order-batch-lag fired 3 times within 24 h.'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/arn:aws/)).toBeNull();

    const lagDetails = await expand('order-batch-lag');
    const table = within(lagDetails).getByRole('table', {
      name: 'Firings of order-batch-lag',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent(
      english.dateTime('2026-11-24T03:00:00.000Z'),
    );
    expect(within(rows[0]).getByText('Daniel Weiss')).toBeInTheDocument();
    expect(within(rows[1]).getByText('2 min')).toBeInTheDocument();
    expect(
      within(rows[2]).getByRole('button', {
        name: 'Acknowledge order-batch-lag',
      }),
    ).toBeDisabled();
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
