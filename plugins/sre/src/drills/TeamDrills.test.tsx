import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type {
  Drill,
  TeamDrillsResponse,
  TeamReport,
} from '@baton/plugin-sre-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SreApi, sreApiRef } from '../api/SreApi';
import { backendError } from '../__testUtils__/backendError';
import { reviewActionItem } from '../__testUtils__/reviewFixtures';
import { EntityTeamDrillsContent } from './EntityTeamDrillsContent';
import { TeamDrills } from './TeamDrills';
import { TeamDrillsPage } from './TeamDrillsPage';

jest.setTimeout(20_000);

const TEAM = 'group:default/fulfilment-squad';
const FARID = 'user:default/farid.haddad';
const EMI = 'user:default/emi.sato';
const ORDERS_DB = 'resource:default/orders-db';
const ORDER_BATCH = 'component:default/order-batch';

function drill(overrides: Partial<Drill> = {}): Drill {
  return {
    id: '4',
    teamRef: TEAM,
    scenario: 'restore-from-backup',
    title: 'Restore orders-db into staging',
    entityRefs: [ORDERS_DB],
    plannedFor: null,
    performedAt: '2026-11-20T01:30:00.000Z',
    participants: [FARID],
    outcome: 'partly-succeeded',
    recoveryMinutes: 95,
    notes: 'The **snapshot** was in the wrong region.',
    createdAt: '2026-11-20T04:00:00.000Z',
    createdBy: FARID,
    recordedAt: '2026-11-20T04:00:00.000Z',
    recordedBy: FARID,
    actionItems: [
      reviewActionItem({
        id: '31',
        reviewId: null,
        drillId: '4',
        title: 'Copy snapshots to the other region',
        ownerRef: EMI,
        due: '2026-12-20',
        link: null,
      }),
    ],
    ...overrides,
  };
}

const plannedDrill = drill({
  id: '5',
  scenario: 'region-failover',
  title: 'Fail order-batch over to Osaka',
  entityRefs: [ORDER_BATCH],
  plannedFor: '2026-12-15',
  performedAt: null,
  participants: [],
  outcome: null,
  recoveryMinutes: null,
  notes: '',
  recordedAt: null,
  recordedBy: null,
  actionItems: [],
});

function drillsResponse(
  overrides: Partial<TeamDrillsResponse> = {},
): TeamDrillsResponse {
  return {
    teamRef: TEAM,
    drills: [plannedDrill, drill()],
    due: [
      {
        entityRef: ORDERS_DB,
        scenario: 'restore-from-backup',
        lastPerformedAt: '2026-03-01T02:00:00.000Z',
        dueSince: '2026-08-28',
      },
      {
        entityRef: ORDER_BATCH,
        scenario: 'restore-from-backup',
        lastPerformedAt: null,
        dueSince: null,
      },
    ],
    intervals: { 'restore-from-backup': 180 },
    ...overrides,
  };
}

const teamReport = (ref: string): TeamReport => ({
  team: { ref, title: 'Fulfilment squad' },
  members: [
    { userRef: EMI, name: 'Emi Sato' },
    { userRef: FARID, name: 'Farid Haddad' },
  ],
  absent: [],
  days: 0,
  services: [
    { entityRef: ORDER_BATCH, kind: 'component', title: 'order-batch' },
    { entityRef: ORDERS_DB, kind: 'resource', title: 'Orders database' },
  ] as TeamReport['services'],
  soleCovers: [],
  knowledgeMap: [],
  knowledgeHolderDays: 180,
});

/** Renders the drills of the team with the given API; returns the snackbar. */
async function renderDrills(
  sreApi: Partial<SreApi>,
  element: JSX.Element = <TeamDrills groupRef={TEAM} />,
  options: { entities?: Entity[]; url?: string } = {},
) {
  const alertApi = mockApis.alert();
  await renderInTestApp(element, {
    apis: [
      [
        sreApiRef,
        { getTeamReport: jest.fn(async ref => teamReport(ref)), ...sreApi },
      ],
      alertApi,
      [catalogApiRef, catalogApiMock({ entities: options.entities ?? [] })],
      mockApis.identity({ userEntityRef: FARID }),
    ],
    initialRouteEntries: [options.url ?? '/'],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
  return alertApi;
}

const snackbar = (alertApi: ReturnType<typeof mockApis.alert>) =>
  alertApi.getAlerts().map(alert => alert.message);

const dialog = () => screen.getByRole('dialog');

describe('TeamDrills', () => {
  it('shows what is due and the drills newest first, with services, people, outcome, recovery, notes and action items', async () => {
    const getTeamDrills = jest.fn().mockResolvedValue(drillsResponse());
    await renderDrills({ getTeamDrills });

    const due = await screen.findByRole('table', { name: 'Drills due' });
    expect(getTeamDrills).toHaveBeenCalledWith(TEAM);
    expect(
      [...due.querySelectorAll('tbody tr')].map(row => row.textContent),
    ).toEqual([
      'Orders databaseRestore from backupMar 1, 2026Aug 28, 2026',
      'order-batchRestore from backupNeverNow',
    ]);
    expect(
      screen.getByText(
        'Per service and scenario, by the intervals: Restore from backup every 180 days',
      ),
    ).toBeInTheDocument();

    const list = screen.getByRole('list', { name: 'Drills, newest first' });
    const entries = within(list).getAllByRole('heading', { level: 3 });
    expect(entries.map(heading => heading.textContent)).toEqual([
      'Fail order-batch over to Osaka',
      'Restore orders-db into staging',
    ]);
    expect(
      within(list).getByText('Planned for Dec 15, 2026'),
    ).toBeInTheDocument();
    const restore = entries[1].closest('li')!;
    expect(
      within(restore).getByRole('link', { name: 'Orders database' }),
    ).toHaveAttribute('href', '/catalog/default/resource/orders-db');
    expect(within(restore).getByText('Farid Haddad')).toBeInTheDocument();
    expect(within(restore).getByText('Partly succeeded')).toBeInTheDocument();
    expect(
      within(restore).getByText('Restore from backup'),
    ).toBeInTheDocument();
    expect(within(restore).getByText('1.6 h')).toBeInTheDocument();
    // The notes' Markdown renders after its renderer loads: wait for it.
    expect((await within(restore).findByText('snapshot')).tagName).toBe(
      'STRONG',
    );
    expect(
      within(restore).getByText('Copy snapshots to the other region'),
    ).toBeInTheDocument();
    expect(within(restore).getByText(/^Emi Sato/)).toBeInTheDocument();
    // Only the planned drill can be recorded.
    expect(
      screen.getByRole('button', {
        name: 'Record how “Fail order-batch over to Osaka” went',
      }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', {
        name: 'Record how “Restore orders-db into staging” went',
      }),
    ).not.toBeInTheDocument();
  });

  it('says when the team has no drill and nothing is due', async () => {
    await renderDrills({
      getTeamDrills: jest
        .fn()
        .mockResolvedValue(drillsResponse({ drills: [], due: [] })),
    });
    expect(await screen.findByText('No drill yet')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Nothing is due: every service was drilled within its interval.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows the backend’s error when the drills cannot be read', async () => {
    await renderDrills({
      getTeamDrills: jest
        .fn()
        .mockRejectedValue(
          await backendError(404, 'NotFoundError', 'No group fulfilment-squad'),
        ),
    });
    expect(
      await screen.findByText(/No group fulfilment-squad/),
    ).toBeInTheDocument();
    expect(screen.queryByText('Plan a drill')).not.toBeInTheDocument();
  });

  it('plans a drill with its scenario, title, services and day, then reloads', async () => {
    const getTeamDrills = jest.fn().mockResolvedValue(drillsResponse());
    const planDrill = jest.fn(async () => plannedDrill);
    const alertApi = await renderDrills({ getTeamDrills, planDrill });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Plan a drill' }),
    );
    expect(
      within(dialog()).queryByLabelText('Who took part'),
    ).not.toBeInTheDocument();
    await userEvent.selectOptions(
      within(dialog()).getByLabelText('Scenario'),
      'Region failover',
    );
    await userEvent.type(
      within(dialog()).getByLabelText(/^Title/),
      'Fail order-batch over to Osaka',
    );
    await userEvent.click(
      within(dialog()).getByRole('checkbox', { name: 'order-batch' }),
    );
    fireEvent.change(within(dialog()).getByLabelText('Day'), {
      target: { value: '2026-12-15' },
    });
    await userEvent.click(
      within(dialog()).getByRole('button', { name: 'Plan' }),
    );

    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(planDrill).toHaveBeenCalledWith(TEAM, {
      scenario: 'region-failover',
      title: 'Fail order-batch over to Osaka',
      entityRefs: [ORDER_BATCH],
      plannedFor: '2026-12-15',
    });
    expect(snackbar(alertApi)).toEqual([
      'Drill planned: Fail order-batch over to Osaka',
    ]);
    await waitFor(() => expect(getTeamDrills).toHaveBeenCalledTimes(2));
  });

  it('records how a planned drill went, with the members who took part', async () => {
    const getTeamDrills = jest.fn().mockResolvedValue(drillsResponse());
    const recordDrill = jest.fn(async () => drill({ id: '5' }));
    const alertApi = await renderDrills({ getTeamDrills, recordDrill });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Record how “Fail order-batch over to Osaka” went',
      }),
    );
    expect(
      within(dialog()).queryByLabelText('Scenario'),
    ).not.toBeInTheDocument();
    const people = within(dialog()).getByRole('group', {
      name: 'Who took part',
    });
    expect(
      within(people)
        .getAllByRole('checkbox')
        .map(box => box.closest('label')!.textContent),
    ).toEqual(['Emi Sato', 'Farid Haddad']);
    await userEvent.click(
      within(people).getByRole('checkbox', { name: 'Emi Sato' }),
    );
    await userEvent.click(
      within(people).getByRole('checkbox', { name: 'Farid Haddad' }),
    );
    fireEvent.change(within(dialog()).getByLabelText(/When it took place/), {
      target: { value: '2026-12-01T10:30' },
    });
    await userEvent.selectOptions(
      within(dialog()).getByLabelText('Outcome'),
      'Failed',
    );
    await userEvent.type(
      within(dialog()).getByLabelText('Minutes to recover'),
      '140',
    );
    await userEvent.type(
      within(dialog()).getByLabelText('What went wrong, what was learnt'),
      'DNS TTL too long',
    );
    await userEvent.click(
      within(dialog()).getByRole('button', { name: 'Record' }),
    );

    await waitFor(() => expect(recordDrill).toHaveBeenCalled());
    expect(recordDrill).toHaveBeenCalledWith(TEAM, '5', {
      performedAt: new Date('2026-12-01T10:30').toISOString(),
      participants: [EMI, FARID],
      outcome: 'failed',
      recoveryMinutes: 140,
      notes: 'DNS TTL too long',
    });
    await waitFor(() =>
      expect(snackbar(alertApi)).toEqual([
        'Drill recorded: Restore orders-db into staging',
      ]),
    );
    await waitFor(() => expect(getTeamDrills).toHaveBeenCalledTimes(2));
  });

  it('records a drill that took place, and shows a 400 under the field it names', async () => {
    const planDrill = jest
      .fn()
      .mockRejectedValueOnce(
        await backendError(
          400,
          'InputError',
          'record.participants: at least one person took part',
        ),
      )
      .mockRejectedValueOnce(
        await backendError(
          400,
          'InputError',
          'entityRefs[0]: resource:default/orders-db is not in the catalog',
        ),
      )
      .mockResolvedValueOnce(drill());
    await renderDrills({
      getTeamDrills: jest.fn().mockResolvedValue(drillsResponse()),
      planDrill,
    });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Record a drill that took place',
      }),
    );
    await userEvent.type(
      within(dialog()).getByLabelText(/^Title/),
      'Restore orders-db into staging',
    );
    await userEvent.click(
      within(dialog()).getByRole('checkbox', { name: 'Orders database' }),
    );
    await userEvent.click(
      within(dialog()).getByRole('button', { name: 'Record' }),
    );

    const people = within(dialog()).getByRole('group', {
      name: 'Who took part',
    });
    expect(
      await within(people).findByText('at least one person took part'),
    ).toBeInTheDocument();
    expect(planDrill).toHaveBeenLastCalledWith(
      TEAM,
      expect.objectContaining({
        scenario: 'restore-from-backup',
        entityRefs: [ORDERS_DB],
        record: expect.objectContaining({
          participants: [],
          outcome: 'succeeded',
          recoveryMinutes: null,
        }),
      }),
    );
    expect(
      screen.queryByText(/Could not save the drill/),
    ).not.toBeInTheDocument();

    // The next complaint moves to its own field: the services.
    await userEvent.click(
      within(people).getByRole('checkbox', { name: 'Farid Haddad' }),
    );
    await userEvent.click(
      within(dialog()).getByRole('button', { name: 'Record' }),
    );
    const services = within(dialog()).getByRole('group', {
      name: 'Services it practises on',
    });
    expect(
      await within(services).findByText(
        'resource:default/orders-db is not in the catalog',
      ),
    ).toBeInTheDocument();
    expect(
      within(people).queryByText('at least one person took part'),
    ).not.toBeInTheDocument();

    await userEvent.click(
      within(dialog()).getByRole('button', { name: 'Record' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(planDrill).toHaveBeenCalledTimes(3);
  });

  it('says that only the team’s members may change its drills when the backend refuses', async () => {
    await renderDrills({
      getTeamDrills: jest.fn().mockResolvedValue(drillsResponse()),
      planDrill: jest
        .fn()
        .mockRejectedValue(
          await backendError(
            403,
            'NotAllowedError',
            'You may not do this: permission sre.review.update was denied',
          ),
        ),
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Plan a drill' }),
    );
    await userEvent.type(within(dialog()).getByLabelText(/^Title/), 'Restore');
    await userEvent.click(
      within(dialog()).getByRole('button', { name: 'Plan' }),
    );
    expect(
      await within(dialog()).findByText(
        'Could not save the drill: only members of this team, or of a team above it, can change its drills, and you are not one (You may not do this: permission sre.review.update was denied)',
      ),
    ).toBeInTheDocument();
  });

  it('adds an action item to a drill and reloads', async () => {
    const getTeamDrills = jest.fn().mockResolvedValue(drillsResponse());
    const addDrillAction = jest.fn(async () =>
      reviewActionItem({ reviewId: null, drillId: '4', title: 'Fix DNS' }),
    );
    await renderDrills({ getTeamDrills, addDrillAction });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Add an action item to “Restore orders-db into staging”',
      }),
    );
    const form = screen.getByRole('form', {
      name: 'Add an action item to this drill',
    });
    await userEvent.type(within(form).getByLabelText(/^Title/), 'Fix DNS');
    await userEvent.selectOptions(
      within(form).getByLabelText('Owner'),
      'Emi Sato',
    );
    await userEvent.click(within(form).getByRole('button', { name: 'Add' }));

    await waitFor(() =>
      expect(addDrillAction).toHaveBeenCalledWith(TEAM, '4', {
        title: 'Fix DNS',
        ownerRef: EMI,
        due: null,
        link: null,
      }),
    );
    await waitFor(() => expect(getTeamDrills).toHaveBeenCalledTimes(2));
    expect(
      screen.queryByRole('form', { name: 'Add an action item to this drill' }),
    ).not.toBeInTheDocument();
  });
});

describe('EntityTeamDrillsContent', () => {
  const entity = (kind: string, name: string): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default' },
    spec: {},
  });

  it('shows the drills of the Group whose page it is on', async () => {
    const getTeamDrills = jest.fn().mockResolvedValue(drillsResponse());
    await renderDrills(
      { getTeamDrills },
      <EntityProvider entity={entity('Group', 'fulfilment-squad')}>
        <EntityTeamDrillsContent />
      </EntityProvider>,
    );
    expect(
      await screen.findByText('Restore orders-db into staging'),
    ).toBeInTheDocument();
    expect(getTeamDrills).toHaveBeenCalledWith(TEAM);
  });

  it('says that drills belong to a team on any other page', async () => {
    const getTeamDrills = jest.fn();
    await renderDrills(
      { getTeamDrills },
      <EntityProvider entity={entity('Component', 'order-batch')}>
        <EntityTeamDrillsContent />
      </EntityProvider>,
    );
    expect(await screen.findByText('Not a team')).toBeInTheDocument();
    expect(getTeamDrills).not.toHaveBeenCalled();
  });
});

describe('TeamDrillsPage', () => {
  const group = (name: string, displayName: string): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', profile: { displayName }, children: [] },
  });

  it('shows the drills of the team in the URL', async () => {
    const getTeamDrills = jest.fn(async (ref: string) =>
      drillsResponse({ teamRef: ref, drills: [], due: [] }),
    );
    await renderDrills({ getTeamDrills }, <TeamDrillsPage />, {
      entities: [
        group('fulfilment-squad', 'Fulfilment squad'),
        group('storefront-squad', 'Storefront squad'),
      ],
      url: '/?team=storefront-squad',
    });
    expect(await screen.findByText('No drill yet')).toBeInTheDocument();
    expect(getTeamDrills).toHaveBeenCalledWith(
      'group:default/storefront-squad',
    );
    expect(getTeamDrills).not.toHaveBeenCalledWith(TEAM);
    expect(screen.getByText('Storefront squad')).toBeInTheDocument();
  });
});
