import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { summarizeChanges } from '@baton/plugin-sre-common';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReviewActionPatch, SreApi, sreApiRef } from '../api/SreApi';
import { backendError } from '../__testUtils__/backendError';
import { pairedChange, soloChange } from '../__testUtils__/changeFixtures';
import {
  carriedOverItem,
  currentReview,
  pastReview,
  REVIEW_TEAM,
  reviewActionItem,
  reviewAgenda,
  teamReview,
  teamReviewNotStarted,
} from '../__testUtils__/reviewFixtures';
import { ReliabilityReview } from './ReliabilityReview';
import { ReliabilityReviewContent } from './ReliabilityReviewContent';
import { ReliabilityReviewPage } from './ReliabilityReviewPage';

// Typing re-renders the Markdown preview on every key.
jest.setTimeout(20_000);

/** Renders the review; returns the snackbar's messages. `people` are the catalog's Users. */
async function renderReview(
  sreApi: Partial<SreApi>,
  element: JSX.Element = <ReliabilityReview groupRef={REVIEW_TEAM} />,
  people: Entity[] = [],
) {
  const alertApi = mockApis.alert();
  await renderInTestApp(element, {
    apis: [
      [sreApiRef, sreApi],
      alertApi,
      [catalogApiRef, catalogApiMock({ entities: people })],
    ],
    // Services and people link to their entity pages.
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
  return alertApi;
}

/** The snackbar's messages so far. */
const snackbar = (alertApi: ReturnType<typeof mockApis.alert>) =>
  alertApi.getAlerts().map(alert => alert.message);

/** A failed request as the client throws it, with the backend's message. */
const responseError = (status: number, message: string) =>
  ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'InputError', message },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ),
  );

const section = (name: RegExp) => screen.getByRole('region', { name });
const rowTexts = (table: HTMLElement) =>
  [...table.querySelectorAll('tbody tr')].map(row => row.textContent);

describe('ReliabilityReview', () => {
  it('shows every section of the agenda, with a count in each header', async () => {
    const getTeamReview = jest.fn().mockResolvedValue(teamReview());
    await renderReview({ getTeamReview });

    expect(
      await screen.findByText('Reliability review of Checkout squad'),
    ).toBeInTheDocument();
    expect(getTeamReview).toHaveBeenCalledWith(REVIEW_TEAM, {});
    expect(
      screen.getByText('Since Nov 11, 2026 (in-progress review)'),
    ).toBeInTheDocument();

    // Alerts: per service, noisy ones first as the backend orders them.
    const alerts = section(/^Alerts 5 alerts, 3 noisy$/);
    const checkout = within(alerts).getByRole('table', {
      name: 'Alerts of checkout-api',
    });
    expect(
      within(checkout)
        .getAllByRole('row')
        .slice(1)
        .map(row => row.querySelectorAll('td')[1].textContent),
    ).toEqual(['Disk almost full', 'Checkout 5xx rate high', 'Queue depth']);
    expect(within(alerts).getByText('4 alerts, 3 noisy')).toBeInTheDocument();
    expect(within(alerts).getByText('and 1 more alert')).toBeInTheDocument();
    const disk = within(checkout).getByText('Disk almost full').closest('tr')!;
    expect(within(disk).getByText('Warning')).toBeInTheDocument();
    expect(within(disk).getByText('Flapping')).toBeInTheDocument();
    expect(within(disk).getByText('Transient')).toBeInTheDocument();
    expect(
      within(alerts).getByRole('link', { name: 'checkout-api' }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout-api');
    expect(
      within(alerts).getByRole('table', { name: 'Alerts of payments' }),
    ).toBeInTheDocument();

    // SLOs at risk: SLI vs objective, budget left and spent since.
    const slos = section(/^SLOs at risk 1 of 4 at risk$/);
    expect(rowTexts(within(slos).getByRole('table'))).toEqual([
      'checkout-apicheckout-availability99.7% vs 99.9%15%62%Below objectivePageBurning',
    ]);

    // Cost: money in its currency, movers either way, the anomaly.
    const cost = section(
      /^Cost Total \$4,480\.50, \+10% vs the period before$/,
    );
    expect(
      within(within(cost).getByRole('group', { name: 'Total' })).getByText(
        '$4,480.50',
      ),
    ).toBeInTheDocument();
    expect(
      within(cost).getByRole('group', { name: 'Vs the period before' }),
    ).toHaveTextContent(/^Vs the period before\+10% \(\+\$413\.42\)$/);
    expect(
      within(cost).getByRole('group', {
        name: 'Team’s share of unallocated spend',
      }),
    ).toHaveTextContent('$270.00');
    expect(
      rowTexts(
        within(cost).getByRole('table', { name: 'Largest changes by service' }),
      ),
    ).toEqual([
      'checkout-api$3,280.50$2,733.75+20% (+$546.75)',
      'payments$1,200.00$1,333.33-10% (-$133.33)',
    ]);
    expect(
      within(cost).getByText(
        'checkout-api: $420.50 on Nov 18, 2026 where $100.00 was expected (above the mean + σ)',
      ),
    ).toBeInTheDocument();
    expect(
      within(cost).getByText(/^Spend from Nov 11, 2026 to Nov 25, 2026/),
    ).toBeInTheDocument();

    // Readiness: before → after.
    const readiness = section(
      /^Readiness changes 1 of 2 services changed level$/,
    );
    expect(rowTexts(within(readiness).getByRole('table'))).toEqual([
      'paymentsAt risk→Single point of failureon Nov 11, 202672 → 64Worse',
    ]);

    // No open campaign has items for the team: the section says so.
    const access = section(/^Access reviews not available$/);
    expect(
      within(access).getByText(/^No open access-review campaign has items/),
    ).toBeInTheDocument();

    // Activity: decisions are not known until access reviews exist.
    const activity = section(/^Activity 2 members$/);
    expect(rowTexts(within(activity).getByRole('table'))).toEqual([
      'Aikocheckout-api4—',
      'Farid—0—',
    ]);
  }, 20_000);

  it('says when the period before the review has less cost data than the review’s own', async () => {
    const agenda = reviewAgenda();
    await renderReview({
      getTeamReview: jest.fn().mockResolvedValue(
        teamReview({
          agenda: {
            ...agenda,
            cost: {
              ...agenda.cost,
              coverage: {
                periodDays: 15,
                days: 15,
                previousDays: 4,
                dataFrom: '2026-10-31',
              },
            },
          },
        }),
      ),
    });
    const cost = await screen.findByRole('region', { name: /^Cost / });
    expect(
      within(cost).getByRole('group', { name: 'Vs the period before' }),
    ).toHaveTextContent(
      'Vs the period before+10% (+$413.42)Previous period has data for 4 of 15 days',
    );
  });

  it('says what each empty section has, and why a section has nothing', async () => {
    await renderReview({
      getTeamReview: jest.fn().mockResolvedValue(
        teamReviewNotStarted({
          agenda: reviewAgenda({
            alerts: { total: 0, noisy: 0, services: [] },
            slos: {
              checked: 0,
              atRisk: [],
              unavailable: { code: 'no-slos', message: 'No SLOs.' },
            },
            cost: {
              ...reviewAgenda().cost,
              unavailable: {
                code: 'budget-gone' as 'no-cost-data',
                message: 'A reason this UI does not know yet.',
              },
            },
            readiness: { services: 2, changes: [] },
            access: { openItems: 2, campaigns: [] },
            activity: { members: [] },
          }),
        }),
      ),
    });

    expect(
      await screen.findByText('No alerts since Nov 11, 2026.'),
    ).toBeInTheDocument();
    expect(section(/^Alerts 0 alerts, 0 noisy$/)).toBeInTheDocument();
    expect(
      within(section(/^SLOs at risk not available$/)).getByText(
        'None of the team’s services declares SLOs (baton.dev/openslo).',
      ),
    ).toBeInTheDocument();
    // An unknown code shows the backend's English.
    expect(
      within(section(/^Cost not available$/)).getByText(
        'A reason this UI does not know yet.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No readiness level changed since Nov 11, 2026.'),
    ).toBeInTheDocument();
    expect(
      within(section(/^Access reviews 2 open items$/)).getByText(
        '2 access-review items of the team’s members are still open.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The team has no members in the catalog.'),
    ).toBeInTheDocument();
  });

  it('lists the open access-review campaigns with the items the team still has to decide', async () => {
    const agenda = reviewAgenda();
    await renderReview({
      getTeamReview: jest.fn().mockResolvedValue(
        teamReview({
          agenda: {
            ...agenda,
            access: {
              openItems: 5,
              campaigns: [
                {
                  id: '3',
                  title: 'Quarterly access review',
                  dueDate: '2026-12-09',
                  openItems: 4,
                },
                { id: '4', title: 'Sandbox', dueDate: null, openItems: 1 },
              ],
            },
          },
        }),
      ),
    });
    const access = await screen.findByRole('region', {
      name: /^Access reviews 5 open items$/,
    });
    expect(
      within(access).getByText(
        'Quarterly access review: 4 items to decide, due Dec 9, 2026',
      ),
    ).toBeInTheDocument();
    expect(
      within(access).getByText('Sandbox: 1 item to decide'),
    ).toBeInTheDocument();
  });

  it('shows the production changes since the review, with the solo one and the alert that followed it', async () => {
    const agenda = reviewAgenda();
    const changes = [soloChange(), pairedChange()];
    await renderReview({
      getTeamReview: jest.fn().mockResolvedValue(
        teamReview({
          agenda: {
            ...agenda,
            changes: {
              summary: summarizeChanges(changes),
              notable: [soloChange()],
              moreNotable: 2,
            },
          },
        }),
      ),
    });
    const changesSection = await screen.findByRole('region', {
      name: /^Production changes 2 changes, 50% paired$/,
    });
    expect(
      within(changesSection).getByText('Resize the inventory queue'),
    ).toBeInTheDocument();
    expect(
      within(changesSection).getByText(/Inventory sync lag high/),
    ).toBeInTheDocument();
    expect(
      within(changesSection).queryByText(/Deploy/),
    ).not.toBeInTheDocument();
    expect(
      within(changesSection).getByText('and 2 more changes not listed'),
    ).toBeInTheDocument();
  });

  it('says so when no production change was recorded', async () => {
    const agenda = reviewAgenda();
    await renderReview({
      getTeamReview: jest.fn().mockResolvedValue(
        teamReview({
          agenda: {
            ...agenda,
            changes: {
              summary: summarizeChanges([]),
              notable: [],
              moreNotable: 0,
            },
          },
        }),
      ),
    });
    const changesSection = await screen.findByRole('region', {
      name: /^Production changes 0 changes/,
    });
    expect(
      within(changesSection).getByText(
        'No production change of the team’s services was recorded.',
      ),
    ).toBeInTheDocument();
  });

  it('lists the backups not verified, the drills done and those due', async () => {
    const agenda = reviewAgenda();
    await renderReview({
      getTeamReview: jest.fn().mockResolvedValue(
        teamReview({
          agenda: {
            ...agenda,
            backupsDrills: {
              backupGaps: [
                {
                  entityRef: 'component:default/orders',
                  title: 'Orders',
                  status: 'fail',
                  reason:
                    'Copied to another region, but not to another account within 7 days: orders-db.',
                  reasonCode: 'backupCrossAccountMissing',
                  reasonParams: { count: 1, days: 7, resources: 'orders-db' },
                },
              ],
              staleRunbooks: [
                {
                  entityRef: 'component:default/payments',
                  title: 'Payments',
                  reason:
                    'Runbook RUNBOOK.md last changed 330 days ago by Daniel Weiss.',
                  reasonCode: 'runbookStale',
                  reasonParams: {},
                },
              ],
              drillsDone: [
                {
                  id: '1',
                  teamRef: REVIEW_TEAM,
                  scenario: 'restore-from-backup',
                  title: 'Restore orders-db',
                  entityRefs: ['component:default/orders'],
                  plannedFor: null,
                  performedAt: '2026-11-20T10:00:00.000Z',
                  participants: ['user:default/farid'],
                  outcome: 'succeeded',
                  recoveryMinutes: 40,
                  notes: '',
                  createdAt: '2026-11-20T12:00:00.000Z',
                  createdBy: 'user:default/farid',
                  recordedAt: '2026-11-20T12:00:00.000Z',
                  recordedBy: 'user:default/farid',
                  actionItems: [],
                },
              ],
              drillsDue: [
                {
                  entityRef: 'component:default/ledger',
                  scenario: 'restore-from-backup',
                  lastPerformedAt: null,
                  dueSince: null,
                },
              ],
            },
          },
        }),
      ),
    });
    const backupsDrills = await screen.findByRole('region', {
      name: /^Backups and drills 1 services with backups not verified, 1 drills done, 1 due$/,
    });
    expect(within(backupsDrills).getByText('Orders')).toBeInTheDocument();
    expect(within(backupsDrills).getByText('Payments')).toBeInTheDocument();
    expect(
      within(backupsDrills).getByText(/not to another account within 7 days/),
    ).toBeInTheDocument();
    expect(
      within(backupsDrills).getByText(
        'Nov 20, 2026 · Restore from backup · 1 participant',
      ),
    ).toBeInTheDocument();
    expect(
      within(backupsDrills).getByText('Restore from backup: never drilled'),
    ).toBeInTheDocument();
  });

  it('collapses a section and keeps its count in the header', async () => {
    await renderReview({
      getTeamReview: jest.fn().mockResolvedValue(teamReview()),
    });
    const header = await screen.findByRole('button', {
      name: /^Alerts 5 alerts, 3 noisy$/,
    });
    expect(header).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(header);
    expect(header).toHaveAttribute('aria-expanded', 'false');
    expect(header).toHaveTextContent('5 alerts, 3 noisy');
  });

  it('starts a review with the attendees left checked', async () => {
    const getTeamReview = jest
      .fn()
      .mockResolvedValueOnce(teamReviewNotStarted())
      .mockResolvedValue(teamReview());
    const startReview = jest.fn().mockResolvedValue(currentReview());
    const alertApi = await renderReview({ getTeamReview, startReview });

    expect(
      await screen.findByText('Since Nov 11, 2026 (last review)'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Finish review' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Start review' }));
    const dialog = screen.getByRole('dialog', {
      name: 'Start the reliability review',
    });
    const boxes = within(dialog).getAllByRole('checkbox');
    expect(boxes.map(box => (box as HTMLInputElement).checked)).toEqual([
      true,
      true,
      true,
    ]);
    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: 'Farid' }),
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Start' }),
    );

    // No `since`: the backend starts the agenda where the page did.
    expect(startReview).toHaveBeenCalledWith(REVIEW_TEAM, {
      attendees: ['user:default/aiko', 'user:default/daniel'],
    });
    expect(
      await screen.findByRole('button', { name: 'Finish review' }),
    ).toBeInTheDocument();
    expect(getTeamReview).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('dialog')).toBeNull();
    // The day it started, written as every date on the page.
    expect(
      screen.getByText('In progress: started Nov 25, 2026 by Aiko'),
    ).toBeInTheDocument();
    expect(screen.getByText('Attendees: Aiko and Farid')).toBeInTheDocument();
    expect(snackbar(alertApi)).toEqual(['Review started']);
  });

  it('loads the agenda since a chosen day and starts the review from it', async () => {
    const chosenSince = new Date('2026-11-01T00:00:00').toISOString();
    const getTeamReview = jest.fn(
      async (_ref: string, query?: { since?: string }) =>
        query?.since
          ? teamReviewNotStarted({ since: query.since, sinceSource: 'chosen' })
          : teamReviewNotStarted(),
    );
    const startReview = jest.fn().mockResolvedValue(currentReview());
    await renderReview({ getTeamReview, startReview });

    const picker = await screen.findByLabelText('Agenda since');
    fireEvent.change(picker, { target: { value: '2026-11-01' } });

    expect(
      await screen.findByText('Since Nov 1, 2026 (chosen)'),
    ).toBeInTheDocument();
    expect(getTeamReview).toHaveBeenLastCalledWith(REVIEW_TEAM, {
      since: chosenSince,
    });
    await userEvent.click(screen.getByRole('button', { name: 'Start review' }));
    await userEvent.click(screen.getByRole('button', { name: 'Start' }));
    expect(startReview).toHaveBeenCalledWith(REVIEW_TEAM, {
      attendees: [
        'user:default/aiko',
        'user:default/farid',
        'user:default/daniel',
      ],
      since: chosenSince,
    });

    // Found once the start dialog has closed and the page is accessible again.
    await userEvent.click(
      await screen.findByRole('button', { name: 'Default start' }),
    );
    expect(getTeamReview).toHaveBeenLastCalledWith(REVIEW_TEAM, {});
  });

  it('says why a review could not start, and offers a reload when one already runs', async () => {
    const getTeamReview = jest.fn().mockResolvedValue(teamReviewNotStarted());
    const startReview = jest.fn(async () => {
      throw await responseError(409, 'A review of this team is in progress');
    });
    await renderReview({ getTeamReview, startReview });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Start review' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Start' }));

    expect(
      await screen.findByText(
        'Could not start the review: A review of this team is in progress',
      ),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(getTeamReview).toHaveBeenCalledTimes(2));
  });

  it('saves the notes with the revision they were based on, then the next one', async () => {
    const updateReview = jest.fn(
      async (
        _ref: string,
        _id: string,
        input: { notes?: string; revision: number },
      ) => currentReview({ notes: input.notes, revision: input.revision + 1 }),
    );
    const alertApi = await renderReview({
      getTeamReview: jest.fn().mockResolvedValue(teamReview()),
      updateReview,
    });

    const notes = await screen.findByRole('textbox', {
      name: 'Notes (Markdown)',
    });
    expect(notes).toHaveValue('## Decisions\n\n- Page on **burn rate** only');
    // The preview renders the Markdown.
    expect(
      screen.getByRole('heading', { name: 'Decisions' }),
    ).toBeInTheDocument();
    const save = screen.getByRole('button', { name: 'Save notes' });
    expect(save).toBeDisabled();

    await userEvent.type(notes, '\n- Fix');
    expect(screen.getByText('Not saved yet')).toBeInTheDocument();
    await userEvent.click(save);

    expect(updateReview).toHaveBeenCalledWith(REVIEW_TEAM, '7', {
      notes: '## Decisions\n\n- Page on **burn rate** only\n- Fix',
      revision: 3,
    });
    await waitFor(() => expect(screen.queryByText('Not saved yet')).toBeNull());
    expect(snackbar(alertApi)).toEqual(['Notes saved']);

    const saved = screen.getByRole('textbox', { name: 'Notes (Markdown)' });
    await userEvent.type(saved, '!');
    await userEvent.click(screen.getByRole('button', { name: 'Save notes' }));
    expect(updateReview).toHaveBeenLastCalledWith(
      REVIEW_TEAM,
      '7',
      expect.objectContaining({ revision: 4 }),
    );
  });

  it('shows the message of a conflicting save and reloads the notes someone else saved', async () => {
    const getTeamReview = jest
      .fn()
      .mockResolvedValueOnce(teamReview())
      .mockResolvedValue(
        teamReview({
          current: currentReview({ notes: 'Farid’s version', revision: 4 }),
        }),
      );
    const updateReview = jest.fn(async () => {
      throw await responseError(409, 'Revision 3 is not the latest (4)');
    });
    await renderReview({ getTeamReview, updateReview });

    await userEvent.type(
      await screen.findByRole('textbox', { name: 'Notes (Markdown)' }),
      ' mine',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save notes' }));

    expect(
      await screen.findByText(
        /^The notes were not saved: Revision 3 is not the latest \(4\)\. Reload/,
      ),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() =>
      expect(
        screen.getByRole('textbox', { name: 'Notes (Markdown)' }),
      ).toHaveValue('Farid’s version'),
    );
    expect(screen.queryByText(/not the latest/)).toBeNull();
  });

  it('adds an action item with its fields, and shows a 400 message under the field it names', async () => {
    const added = reviewActionItem({
      id: '22',
      title: 'Rehearse the payments failover',
      ownerRef: 'user:default/farid',
      due: '2026-12-10',
      link: null,
    });
    const addReviewAction = jest
      .fn()
      .mockImplementationOnce(async () => {
        throw await responseError(400, 'due: must be a date (YYYY-MM-DD)');
      })
      .mockResolvedValue(added);
    const alertApi = await renderReview({
      getTeamReview: jest.fn().mockResolvedValue(teamReview()),
      addReviewAction,
    });

    const form = await screen.findByRole('form', {
      name: 'Add an action item',
    });
    await userEvent.type(
      within(form).getByRole('textbox', { name: 'Title' }),
      'Rehearse the payments failover',
    );
    await userEvent.selectOptions(
      within(form).getByRole('combobox', { name: 'Owner' }),
      'Farid',
    );
    fireEvent.change(within(form).getByLabelText('Due date'), {
      target: { value: '2026-12-10' },
    });
    await userEvent.click(within(form).getByRole('button', { name: 'Add' }));

    expect(addReviewAction).toHaveBeenCalledWith(REVIEW_TEAM, '7', {
      title: 'Rehearse the payments failover',
      ownerRef: 'user:default/farid',
      due: '2026-12-10',
      link: null,
    });
    const due = within(form).getByLabelText('Due date');
    expect(
      await within(form).findByText('must be a date (YYYY-MM-DD)'),
    ).toBeInTheDocument();
    expect(due).toHaveAttribute('aria-invalid', 'true');
    // Only a write that went through is confirmed.
    expect(snackbar(alertApi)).toEqual([]);
    expect(
      within(form).getByRole('textbox', { name: 'Title' }),
    ).toHaveAttribute('aria-invalid', 'false');

    await userEvent.click(within(form).getByRole('button', { name: 'Add' }));
    const list = screen.getByRole('list', { name: 'Open action items' });
    expect(
      await within(list).findByText('Rehearse the payments failover'),
    ).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: 'Title' })).toHaveValue(
      '',
    );
    expect(within(form).queryByText(/must be a date/)).toBeNull();
    expect(snackbar(alertApi)).toEqual([
      'Action item added: Rehearse the payments failover',
    ]);
  });

  it('says an open item raised from a drill came from a drill, not from an unknown review', async () => {
    const fromDrill = reviewActionItem({
      id: '31',
      reviewId: null,
      drillId: '4',
      title: 'Copy snapshots to the other region',
    });
    await renderReview({
      getTeamReview: jest.fn().mockResolvedValue(
        teamReview({
          openActionItems: [carriedOverItem, fromDrill, reviewActionItem()],
        }),
      ),
    });

    const list = await screen.findByRole('list', { name: 'Open action items' });
    const items = within(list).getAllByRole('listitem');
    expect(items[1]).toHaveTextContent('Copy snapshots to the other region');
    expect(within(items[1]).getByText('from a drill')).toBeInTheDocument();
    expect(items[1]).not.toHaveTextContent(/review/);
    expect(items[0]).not.toHaveTextContent('from a drill');
    expect(items[2]).not.toHaveTextContent('from a drill');
  });

  it('marks carried-over action items with the review they came from, and closes items', async () => {
    const updateReviewAction = jest.fn(
      async (_ref: string, _id: string, patch: ReviewActionPatch) => ({
        ...carriedOverItem,
        status: patch.status ?? carriedOverItem.status,
      }),
    );
    const alertApi = await renderReview({
      getTeamReview: jest.fn().mockResolvedValue(teamReview()),
      updateReviewAction,
    });

    const list = await screen.findByRole('list', { name: 'Open action items' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Silence the flapping disk alert');
    expect(items[0]).toHaveTextContent('Unassigned');
    expect(items[0]).toHaveTextContent('from review of Nov 11, 2026');
    // Raised in the review in progress: not carried over.
    expect(items[1]).toHaveTextContent('Write the payments restore runbook');
    expect(items[1]).not.toHaveTextContent(/from review of/);
    expect(items[1]).toHaveTextContent(
      /^Write the payments restore runbookAiko; /,
    );
    expect(
      within(items[1]).getByRole('link', {
        name: 'Write the payments restore runbook',
      }),
    ).toHaveAttribute('href', 'https://tracker.example/SRE-12');

    await userEvent.click(
      within(list).getByRole('button', {
        name: 'Mark “Silence the flapping disk alert” done',
      }),
    );
    expect(updateReviewAction).toHaveBeenCalledWith(REVIEW_TEAM, '15', {
      status: 'done',
    });
    await waitFor(() =>
      expect(within(list).getAllByRole('listitem')).toHaveLength(1),
    );
    expect(
      within(list).queryByText('Silence the flapping disk alert'),
    ).toBeNull();
    expect(snackbar(alertApi)).toEqual([
      '“Silence the flapping disk alert”: Done',
    ]);
  });

  it('finishes the review after asking, warning about unsaved notes', async () => {
    const getTeamReview = jest
      .fn()
      .mockResolvedValueOnce(teamReview())
      .mockResolvedValue(
        teamReviewNotStarted({
          history: [
            {
              ...currentReview(),
              state: 'finished',
              finishedAt: '2026-11-25T11:00:00.000Z',
            },
            pastReview,
          ],
        }),
      );
    const finishReview = jest.fn().mockResolvedValue(currentReview());
    const alertApi = await renderReview({ getTeamReview, finishReview });

    await userEvent.type(
      await screen.findByRole('textbox', { name: 'Notes (Markdown)' }),
      ' draft',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Finish review' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Finish the review?' });
    expect(
      within(dialog).getByText(/The notes have changes that are not saved/),
    ).toBeInTheDocument();
    expect(finishReview).not.toHaveBeenCalled();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Finish review' }),
    );

    expect(finishReview).toHaveBeenCalledWith(REVIEW_TEAM, '7');
    expect(
      await screen.findByRole('button', { name: 'Start review' }),
    ).toBeInTheDocument();
    expect(snackbar(alertApi)).toEqual([
      'Review finished; its agenda and notes are kept as they are',
    ]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(
      screen.queryByRole('textbox', { name: 'Notes (Markdown)' }),
    ).toBeNull();
    expect(
      within(screen.getByRole('list', { name: 'Past reviews' })).getAllByRole(
        'button',
      ),
    ).toHaveLength(2);
  });

  it('exports the review in progress as Markdown', async () => {
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: jest.fn((blob: Blob) => {
        blobs.push(blob);
        return 'blob:review';
      }),
      revokeObjectURL: jest.fn(),
    });
    const names: string[] = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        names.push(this.download);
      });
    const getReviewMarkdown = jest
      .fn()
      .mockResolvedValue('# Reliability review: Checkout squad, 2026-11-25\n');
    await renderReview({
      getTeamReview: jest.fn().mockResolvedValue(teamReview()),
      getReviewMarkdown,
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Export Markdown' }),
    );

    expect(getReviewMarkdown).toHaveBeenCalledWith(REVIEW_TEAM, '7');
    await waitFor(() => expect(blobs).toHaveLength(1));
    expect(await blobs[0].text()).toBe(
      '# Reliability review: Checkout squad, 2026-11-25\n',
    );
    expect(names).toEqual(['review-team-checkout-2026-11-25.md']);
    click.mockRestore();
  });

  it('shows a past review with its notes, action items and export', async () => {
    const getReview = jest.fn().mockResolvedValue({
      review: {
        ...pastReview,
        notes: '### Follow-ups\n\nMove the disk alert to a ticket.',
        actionItems: [
          { ...carriedOverItem },
          reviewActionItem({
            id: '14',
            reviewId: '5',
            title: 'Rotate the on-call',
            status: 'done',
          }),
        ],
      },
      agenda: reviewAgenda(),
    });
    const getReviewMarkdown = jest.fn().mockResolvedValue('# old');
    Object.assign(URL, {
      createObjectURL: jest.fn(() => 'blob:old'),
      revokeObjectURL: jest.fn(),
    });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    await renderReview({
      getTeamReview: jest.fn().mockResolvedValue(teamReview()),
      getReview,
      getReviewMarkdown,
    });

    const history = await screen.findByRole('list', { name: 'Past reviews' });
    expect(history).toHaveTextContent('Nov 11, 20263 attendees');
    await userEvent.click(within(history).getByRole('button'));

    expect(getReview).toHaveBeenCalledWith(REVIEW_TEAM, '5');
    const past = await screen.findByRole('region', {
      name: 'Review of Nov 11, 2026',
    });
    expect(
      within(past).getByRole('heading', { name: 'Follow-ups' }),
    ).toBeInTheDocument();
    expect(
      within(past).getByText(/^Finished .* by Daniel$/),
    ).toBeInTheDocument();
    expect(
      within(past).getByText('Attendees: Aiko, Farid, and Daniel'),
    ).toBeInTheDocument();
    const rotate = within(past).getByText('Rotate the on-call').closest('li')!;
    expect(within(rotate).getByText('Done')).toBeInTheDocument();
    const silence = within(past)
      .getByText('Silence the flapping disk alert')
      .closest('li')!;
    expect(within(silence).getByText('Open')).toBeInTheDocument();

    await userEvent.click(
      within(past).getByRole('button', { name: 'Export Markdown' }),
    );
    expect(getReviewMarkdown).toHaveBeenLastCalledWith(REVIEW_TEAM, '5');
    click.mockRestore();
  });

  it('abandons the review after a confirmation that says what it does, then offers to start a new one', async () => {
    const getTeamReview = jest
      .fn()
      .mockResolvedValueOnce(teamReview())
      .mockResolvedValue(teamReviewNotStarted());
    const abandonReview = jest.fn().mockResolvedValue(
      currentReview({
        state: 'abandoned',
        finishedAt: '2026-11-25T10:30:00.000Z',
        finishedBy: 'user:default/aiko',
      }),
    );
    const alertApi = await renderReview({ getTeamReview, abandonReview });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Abandon review' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Abandon the review?' });
    expect(dialog).toHaveTextContent(
      /It is kept, with its notes, but it never becomes the team’s last review/,
    );
    expect(dialog).toHaveTextContent(/Its open action items carry over\./);
    expect(dialog).toHaveTextContent(/The team can then start a new review\./);
    // Cancelling asks nothing of the backend.
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );
    expect(abandonReview).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(snackbar(alertApi)).toEqual([]);

    await userEvent.click(
      screen.getByRole('button', { name: 'Abandon review' }),
    );
    await userEvent.click(
      within(
        screen.getByRole('dialog', { name: 'Abandon the review?' }),
      ).getByRole('button', { name: 'Abandon review' }),
    );

    expect(abandonReview).toHaveBeenCalledWith(REVIEW_TEAM, '7');
    expect(
      await screen.findByRole('button', { name: 'Start review' }),
    ).toBeEnabled();
    expect(snackbar(alertApi)).toEqual(['Review abandoned']);
    expect(getTeamReview).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(
      screen.getByText(
        'The review was abandoned. Start a new one when the team is ready.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Abandon review' })).toBeNull();
    expect(
      screen.queryByRole('textbox', { name: 'Notes (Markdown)' }),
    ).toBeNull();
    // Its open item is still open, carried over.
    expect(
      within(screen.getByRole('list', { name: 'Open action items' })).getByText(
        'Silence the flapping disk alert',
      ),
    ).toBeInTheDocument();
  });

  it('says the user is not a member of the team when abandoning is refused', async () => {
    const getTeamReview = jest.fn().mockResolvedValue(teamReview());
    await renderReview({
      getTeamReview,
      abandonReview: jest.fn(async () => {
        throw await backendError(
          403,
          'NotAllowedError',
          'You may not do this: permission sre.review.update was denied',
        );
      }),
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Abandon review' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Abandon the review?' });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Abandon review' }),
    );

    expect(
      await within(dialog).findByText(
        'Could not abandon the review: only members of this team, or of a team above it, can change its reviews, and you are not one (You may not do this: permission sre.review.update was denied)',
      ),
    ).toBeInTheDocument();
    expect(getTeamReview).toHaveBeenCalledTimes(1);
  });

  it('says the user is not a member of the team when starting is refused', async () => {
    const startReview = jest.fn(async () => {
      throw await backendError(
        403,
        'NotAllowedError',
        'You may not do this: permission sre.review.update was denied',
      );
    });
    await renderReview({
      getTeamReview: jest.fn().mockResolvedValue(teamReviewNotStarted()),
      startReview,
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Start review' }),
    );
    const dialog = screen.getByRole('dialog', {
      name: 'Start the reliability review',
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Start' }),
    );

    expect(startReview).toHaveBeenCalled();
    expect(
      await within(dialog).findByText(
        'Could not start the review: only members of this team, or of a team above it, can change its reviews, and you are not one (You may not do this: permission sre.review.update was denied)',
      ),
    ).toBeInTheDocument();
    // Not a conflict: nothing to reload.
    expect(within(dialog).queryByRole('button', { name: 'Reload' })).toBeNull();
  });

  it('says the user is not a member where a save or an item change was refused', async () => {
    const denied = async () => {
      throw await backendError(
        403,
        'NotAllowedError',
        'You may not do this: permission sre.review.update was denied',
      );
    };
    await renderReview({
      getTeamReview: jest.fn().mockResolvedValue(teamReview()),
      updateReview: jest.fn(denied),
      updateReviewAction: jest.fn(denied),
      addReviewAction: jest.fn(denied),
    });

    await userEvent.type(
      await screen.findByRole('textbox', { name: 'Notes (Markdown)' }),
      '!',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save notes' }));
    expect(
      await screen.findByText(
        /^Could not save the notes: only members of this team, or of a team above it, can change its reviews, and you are not one \(You may not do this/,
      ),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', {
        name: 'Mark “Silence the flapping disk alert” done',
      }),
    );
    expect(
      await screen.findByText(
        /^Could not update “Silence the flapping disk alert”: only members of this team/,
      ),
    ).toBeInTheDocument();

    const form = screen.getByRole('form', { name: 'Add an action item' });
    await userEvent.type(
      within(form).getByRole('textbox', { name: 'Title' }),
      'Rehearse the failover',
    );
    await userEvent.click(within(form).getByRole('button', { name: 'Add' }));
    expect(
      await within(form).findByText(
        /^Could not add the action item: only members of this team/,
      ),
    ).toBeInTheDocument();
  });

  it('shows a refused start of the agenda next to where the start dialog says it starts', async () => {
    const chosen = teamReviewNotStarted({
      since: '2026-11-01T00:00:00.000Z',
      sinceSource: 'chosen',
    });
    const startReview = jest.fn(async () => {
      throw await backendError(
        400,
        'InputError',
        "since: must not be before the end of the team's last review (2026-11-11T10:00:00.000Z)",
      );
    });
    await renderReview({
      getTeamReview: jest.fn().mockResolvedValue(chosen),
      startReview,
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Start review' }),
    );
    const dialog = screen.getByRole('dialog', {
      name: 'Start the reliability review',
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Start' }),
    );

    const problem = await within(dialog).findByRole('alert');
    expect(problem).toHaveTextContent(
      "The agenda cannot start then: must not be before the end of the team's last review (2026-11-11T10:00:00.000Z). Choose another “Agenda since” day on the page, or its default start.",
    );
    // Right under the line it is about, and not also as a general failure.
    expect(
      within(dialog).getByText('The agenda starts Nov 1, 2026.')
        .nextElementSibling,
    ).toBe(problem);
    expect(within(dialog).queryByText(/^Could not start/)).toBeNull();
  });

  it('keeps the page when the backend refuses a chosen start, and says why at the picker', async () => {
    const getTeamReview = jest.fn(
      async (_ref: string, query?: { since?: string }) => {
        if (query?.since) {
          throw await backendError(
            400,
            'InputError',
            'since: an agenda covers at most 366 days',
          );
        }
        return teamReviewNotStarted();
      },
    );
    await renderReview({ getTeamReview });

    const picker = await screen.findByLabelText('Agenda since');
    fireEvent.change(picker, { target: { value: '2020-01-01' } });

    expect(
      await screen.findByText('an agenda covers at most 366 days'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Agenda since')).toHaveValue('2020-01-01');
    expect(screen.getByLabelText('Agenda since')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    // The agenda as it was is still there.
    expect(
      screen.getByText('Since Nov 11, 2026 (last review)'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Start review' })).toBeEnabled();

    await userEvent.click(
      screen.getByRole('button', { name: 'Default start' }),
    );
    await waitFor(() =>
      expect(
        screen.queryByText('an agenda covers at most 366 days'),
      ).toBeNull(),
    );
    expect(getTeamReview).toHaveBeenLastCalledWith(REVIEW_TEAM, {});
    expect(screen.getByLabelText('Agenda since')).toHaveValue('2026-11-11');
  });

  it('names people who are not members by their catalog displayName, never by ref', async () => {
    const person = (name: string, displayName: string): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name, namespace: 'default' },
      spec: { profile: { displayName } },
    });
    const response = teamReview();
    response.current = {
      ...response.current!,
      // A portal admin from another team started it.
      startedBy: 'user:default/guest',
    };
    response.openActionItems = response.openActionItems.map(item => ({
      ...item,
      ownerRef: 'user:default/kenji',
    }));
    await renderReview(
      { getTeamReview: jest.fn().mockResolvedValue(response) },
      undefined,
      [person('guest', 'Guest Visitor'), person('kenji', 'Kenji Yamada')],
    );

    expect(
      await screen.findByText(
        'In progress: started Nov 25, 2026 by Guest Visitor',
      ),
    ).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Open action items' });
    expect(within(list).getAllByText(/^Kenji Yamada/)).toHaveLength(2);
    expect(screen.queryByText(/user:default\//)).toBeNull();
  });

  it('says a past review was abandoned, not finished', async () => {
    const abandoned = {
      ...pastReview,
      id: '6',
      state: 'abandoned' as const,
      startedAt: '2026-11-18T09:00:00.000Z',
      finishedAt: '2026-11-18T09:10:00.000Z',
      finishedBy: 'user:default/farid',
    };
    await renderReview({
      getTeamReview: jest
        .fn()
        .mockResolvedValue(teamReview({ history: [abandoned] })),
      getReview: jest.fn().mockResolvedValue({
        review: { ...abandoned, notes: '', actionItems: [] },
        agenda: null,
      }),
    });
    const history = await screen.findByRole('list', { name: 'Past reviews' });
    await userEvent.click(within(history).getByRole('button'));

    const past = await screen.findByRole('region', {
      name: 'Review of Nov 18, 2026',
    });
    expect(
      within(past).getByText(/^Abandoned .* by Farid$/),
    ).toBeInTheDocument();
    expect(within(past).queryByText(/^Finished/)).toBeNull();
  });

  it('shows progress while loading and the error when loading fails', async () => {
    await renderReview({
      getTeamReview: () => new Promise<never>(() => {}),
    });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error of a team the backend does not know', async () => {
    await renderReview({
      getTeamReview: jest.fn(async () => {
        throw await responseError(404, 'No group team-x');
      }),
    });
    expect(
      (await screen.findAllByText(/No group team-x/)).length,
    ).toBeGreaterThan(0);
  });

  it('tells a team that owns no service how to get an agenda', async () => {
    await renderReview({
      getTeamReview: jest.fn().mockResolvedValue(
        teamReviewNotStarted({
          agenda: reviewAgenda({
            readiness: { services: 0, changes: [] },
          }),
        }),
      ),
    });
    expect(
      await screen.findByText('Checkout squad owns no service'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /Set spec\.owner to team-checkout on the team’s Components/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /^Alerts/ })).toBeNull();
    // The rest of the review still works.
    expect(screen.getByRole('button', { name: 'Start review' })).toBeEnabled();
  });
});

describe('ReliabilityReviewContent', () => {
  const entity = (kind: string): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'team-checkout', namespace: 'default' },
    spec: {},
  });

  it('shows the review of the Group it is on', async () => {
    const getTeamReview = jest.fn().mockResolvedValue(teamReview());
    await renderReview(
      { getTeamReview },
      <EntityProvider entity={entity('Group')}>
        <ReliabilityReviewContent />
      </EntityProvider>,
    );
    expect(
      await screen.findByText('Reliability review of Checkout squad'),
    ).toBeInTheDocument();
    expect(getTeamReview).toHaveBeenCalledWith(REVIEW_TEAM, {});
  });

  it('says it belongs on a Group elsewhere', async () => {
    const getTeamReview = jest.fn();
    await renderReview(
      { getTeamReview },
      <EntityProvider entity={entity('Component')}>
        <ReliabilityReviewContent />
      </EntityProvider>,
    );
    expect(screen.getByText('Not a team')).toBeInTheDocument();
    expect(screen.getByText(/a Component is not a team/)).toBeInTheDocument();
    expect(getTeamReview).not.toHaveBeenCalled();
  });
});

describe('ReliabilityReviewPage', () => {
  it('opens on the group that owns the most', async () => {
    const group = (name: string, owns: number) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name, namespace: 'default' },
      spec: { type: 'team', children: [] },
      relations: Array.from({ length: owns }, (_, i) => ({
        type: 'ownerOf',
        targetRef: `component:default/${name}-${i}`,
      })),
    });
    const getTeamReview = jest.fn().mockResolvedValue(teamReview());
    await renderInTestApp(<ReliabilityReviewPage />, {
      apis: [
        [
          catalogApiRef,
          catalogApiMock({
            entities: [group('web', 1), group('team-checkout', 3)],
          }),
        ],
        [sreApiRef, { getTeamReview }],
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    expect(
      await screen.findByText('Reliability review of Checkout squad'),
    ).toBeInTheDocument();
    expect(getTeamReview).toHaveBeenCalledWith(REVIEW_TEAM, {});
    expect(
      screen.getByRole('button', { name: /team-checkout/ }),
    ).toBeInTheDocument();
  });
});
