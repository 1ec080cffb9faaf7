import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { ReadinessReport, TeamReport } from '@baton/plugin-sre-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sreApiRef } from '../../api/SreApi';
import { sreTranslationRef } from '../../translation';
import { TeamBusFactorReport } from './TeamBusFactorReport';
import { teamReportCsv } from './teamReportCsv';

const readiness = (
  level: ReadinessReport['level'],
  truckFactor: number,
): ReadinessReport => ({
  entityRef: '',
  score: 80,
  level,
  levelReason: '',
  levelReasonCode: '',
  levelReasonParams: {},
  levelReasonParts: [],
  checks: [],
  known: 1,
  truckFactor,
  knowledge: [],
  knowledgeHolderDays: 180,
  trend: [],
  rule: '',
});

const baseReport: TeamReport = {
  team: { ref: 'group:default/fulfilment', title: 'Fulfilment squad' },
  members: [
    { userRef: 'user:default/daniel', name: 'Daniel' },
    { userRef: 'user:default/farid', name: 'Farid' },
  ],
  absent: [],
  days: 0,
  services: [
    {
      entityRef: 'component:default/inventory-sync',
      kind: 'component',
      title: 'inventory-sync',
      readiness: readiness('at-risk', 2),
    },
    {
      entityRef: 'resource:default/orders-db',
      kind: 'resource',
      title: 'Orders database',
      readiness: readiness('at-risk', 0),
    },
    {
      entityRef: 'component:default/payments',
      kind: 'component',
      title: 'Payments adapter',
      readiness: readiness('single-point-of-failure', 1),
    },
  ],
  soleCovers: [
    {
      userRef: 'user:default/farid',
      name: 'Farid Haddad',
      soleKnowledgeHolder: ['component:default/payments'],
      soleResponder: [],
      soleAdmin: [],
      soleOperator: ['component:default/payments'],
    },
  ],
  knowledgeMap: [
    {
      userRef: 'user:default/daniel',
      name: 'Daniel',
      shares: {
        'component:default/inventory-sync': 1,
        'component:default/payments': 0.2,
      },
      // Wrote part of payments long ago.
      former: ['component:default/payments'],
    },
    {
      userRef: 'user:default/farid',
      name: 'Farid',
      shares: {
        'component:default/inventory-sync': 1,
        'component:default/payments': 0.8,
      },
      former: [],
    },
  ],
  knowledgeHolderDays: 180,
};

const unaffected = {
  level: 'at-risk' as const,
  score: 80,
  truckFactor: 0,
  affected: false,
  uncovered: [],
  uncoveredCodes: [],
  flipped: [],
};

const faridAway: TeamReport = {
  ...baseReport,
  absent: ['user:default/farid'],
  days: 21,
  services: [
    {
      ...baseReport.services[0],
      during: {
        level: 'single-point-of-failure',
        score: 70,
        truckFactor: 1,
        affected: true,
        uncovered: [],
        uncoveredCodes: [],
        flipped: [
          {
            id: 'truck-factor',
            title: 'Truck factor',
            before: 'pass',
            after: 'fail',
            reason: 'Truck factor 1 over 10 files (Daniel).',
            reasonCode: 'truckFactor',
            reasonParams: { truckFactor: 1, files: 10, people: 'Daniel' },
          },
        ],
      },
    },
    { ...baseReport.services[1], during: { ...unaffected } },
    {
      ...baseReport.services[2],
      during: {
        level: 'single-point-of-failure',
        score: 60,
        truckFactor: 0,
        affected: true,
        uncovered: ['No one left authors most of the code.'],
        uncoveredCodes: [{ code: 'noAuthorLeft', params: {} }],
        flipped: [],
      },
    },
  ],
};

describe('TeamBusFactorReport', () => {
  it('shows services, the people the team cannot spare and the knowledge map, and simulates a leave', async () => {
    const getTeamReport = jest.fn(
      async (_ref: string, query?: { absent?: string[] }) =>
        query?.absent?.length ? faridAway : baseReport,
    );
    await renderInTestApp(
      <TeamBusFactorReport groupRef="group:default/fulfilment" />,
      {
        apis: [[sreApiRef, { getTeamReport }]],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );

    // Tables by their labels: role queries over the whole page are slow.
    const services = await screen.findByLabelText('services');
    // The Components only, by title; the database is listed apart.
    expect(within(services).getAllByRole('row')).toHaveLength(3);
    expect(within(services).getByText('Payments adapter')).toBeInTheDocument();
    expect(within(services).queryByText('Orders database')).toBeNull();
    const others = screen.getByLabelText('resources and systems');
    expect(within(others).getAllByRole('row')).toHaveLength(2);
    expect(within(others).getByText('Orders database')).toBeInTheDocument();
    expect(
      screen.getByText('Resources and systems of Fulfilment squad'),
    ).toBeInTheDocument();
    expect(within(services).queryByText('During the absence')).toBeNull();
    // The people the team cannot spare, by name, and their services by title.
    expect(screen.getByText('Farid Haddad')).toBeInTheDocument();
    expect(
      screen.getByText('only one who knows Payments adapter'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'only one who ran production changes of Payments adapter',
      ),
    ).toBeInTheDocument();

    // The knowledge map: a column per service someone authors, full names kept for the tooltip.
    const map = screen.getByLabelText('knowledge map');
    const headers = within(map)
      .getAllByRole('columnheader')
      .map(cell => cell.textContent);
    expect(headers).toEqual(['Person', 'inventory-sync', 'Payments adapter']);
    expect(within(map).getByText('80%')).toBeInTheDocument();
    // Daniel's 20% of payments is a former holder's: marked, and explained in its tooltip.
    expect(within(map).getByText('20%')).toHaveAttribute(
      'title',
      'Daniel authored 20% of Payments adapter but has not committed in 180 days: a former holder, not counted.',
    );
    expect(within(map).getByText('80%')).toHaveAttribute(
      'title',
      'Farid authors 80% of Payments adapter.',
    );
    expect(
      screen.getByText(
        'Grey, struck through: a former holder, no commit in the last 180 days (not counted).',
      ),
    ).toBeInTheDocument();
    // Each service's full name is in its header's tooltip.
    expect(within(map).getByText('Payments adapter')).toHaveAttribute(
      'title',
      'Payments adapter',
    );

    await userEvent.click(screen.getByLabelText('Farid'));
    expect(
      await within(services).findByText('During the absence'),
    ).toBeInTheDocument();
    expect(getTeamReport).toHaveBeenLastCalledWith('group:default/fulfilment', {
      absent: ['user:default/farid'],
      days: 21,
    });
    expect(
      within(services).getByText(/No one left authors most of the code/),
    ).toBeInTheDocument();
    expect(
      within(services).getByText(
        /now failing: Knowledge held by more than one person \(truck factor\)/,
      ),
    ).toBeInTheDocument();
  });
});

describe('teamReportCsv', () => {
  it('writes one row per service, with the simulated columns when people are away', () => {
    const { t } = mockApis.translation().getTranslation(sreTranslationRef);
    expect(teamReportCsv(baseReport, t).split('\n')[0]).toBe(
      'service,level,score,truck_factor,checks_failed,checks_unknown',
    );
    const csv = teamReportCsv(faridAway, t).trim().split('\n');
    expect(csv).toHaveLength(4);
    expect(csv[0]).toMatch(
      /,level_during_absence,truck_factor_during_absence,uncovered$/,
    );
    expect(csv[3]).toBe(
      'component:default/payments,single-point-of-failure,80,1,,,single-point-of-failure,0,No one left authors most of the code.',
    );
  });
});
