import { Entity } from '@backstage/catalog-model';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { entityTeamCostCard } from '../alpha';
import { SreApi, sreApiRef } from '../api/SreApi';
import { teamCostReport } from '../__testUtils__/costFixtures';
import { TeamCostCard } from './TeamCostCard';

function group(kind = 'Group'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'team-a', namespace: 'default' },
    spec: { type: 'team', children: [] },
  };
}

async function renderCard(sreApi: Partial<SreApi>, target = group()) {
  await renderInTestApp(
    <EntityProvider entity={target}>
      <TeamCostCard />
    </EntityProvider>,
    {
      apis: [[sreApiRef, sreApi]],
      // Entity names link to their entity pages.
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

const GROUP_REF = 'group:default/team-a';
const row = (text: string) => screen.getByText(text).closest('tr')!;

describe('TeamCostCard', () => {
  it('shows the team total, its change, each entity and the unallocated share', async () => {
    const getTeamCosts = jest.fn().mockResolvedValue(teamCostReport());
    await renderCard({ getTeamCosts });

    expect(await screen.findByText('$4,480.50')).toBeInTheDocument();
    expect(getTeamCosts).toHaveBeenCalledWith(GROUP_REF, {
      granularity: 'day',
    });
    expect(screen.getByText('Team cost')).toBeInTheDocument();
    expect(
      screen.getByText('Spend of the entities team-a and its sub-teams own'),
    ).toBeInTheDocument();
    expect(
      within(
        screen.getByRole('group', { name: 'Vs previous period' }),
      ).getByText('+10% (+$413.42)'),
    ).toBeInTheDocument();

    const table = screen.getByRole('table', { name: 'Spend by entity' });
    expect(
      [...table.querySelectorAll('tbody tr')].map(tr => tr.textContent),
    ).toEqual([
      // Named as the catalog names them (checkout-api's title), not by ref.
      'Checkout API$3,280.50+20%',
      'orders-db$1,200.00-10%',
      'new-service$0.00no spend',
    ]);
    expect(within(row('orders-db')).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/resource/orders-db',
    );

    const unallocated = screen.getByRole('group', {
      name: 'Unallocated spend',
    });
    expect(
      within(unallocated).getByText('Spend no entity claims: $900.00'),
    ).toBeInTheDocument();
    expect(
      within(unallocated).getByText('This team’s share: $270.00 (30%)'),
    ).toBeInTheDocument();
    expect(
      within(unallocated).getByText(
        /^Unallocated spend is untagged, or carries tags no entity selects\. It is not in the team’s total above\./,
      ),
    ).toHaveTextContent('part of all allocated spend (30%).');
    // A team's spend is not charted per day: no granularity to pick.
    expect(screen.queryByRole('button', { name: 'Monthly' })).toBeNull();
  });

  it('switches the range and the currency on request', async () => {
    const getTeamCosts = jest
      .fn()
      .mockResolvedValue(teamCostReport({ currencies: ['USD', 'JPY'] }));
    await renderCard({ getTeamCosts });

    await userEvent.selectOptions(
      await screen.findByRole('combobox', { name: 'Currency' }),
      'JPY',
    );
    expect(getTeamCosts).toHaveBeenLastCalledWith(GROUP_REF, {
      granularity: 'day',
      currency: 'JPY',
    });

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Range' }),
      'last90',
    );
    expect(getTeamCosts).toHaveBeenLastCalledWith(GROUP_REF, {
      from: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      to: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      granularity: 'day',
      currency: 'JPY',
    });
  });

  it('tells the admin which module to install when cost is not set up', async () => {
    await renderCard({
      getTeamCosts: jest
        .fn()
        .mockResolvedValue(teamCostReport({ sources: [], currencies: [] })),
    });
    expect(
      await screen.findByText('Cost is not set up in this portal'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/@baton\/plugin-sre-backend-module-focus/),
    ).toBeInTheDocument();
  });

  it('says when the entities of the team have no spend', async () => {
    await renderCard({
      getTeamCosts: jest
        .fn()
        .mockResolvedValue(teamCostReport({ currencies: [], entities: [] })),
    });
    expect(
      await screen.findByText('No spend for the entities team-a owns'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/the annotation baton\.dev\/cost-tags sets other tags/),
    ).toBeInTheDocument();
  });

  it('shows errors', async () => {
    await renderCard({
      getTeamCosts: jest.fn().mockRejectedValue(new Error('backend down')),
    });
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(
      0,
    );
  });

  it('shows progress while loading', async () => {
    await renderCard({
      getTeamCosts: jest.fn().mockReturnValue(new Promise(() => {})),
    });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('asks for nothing on an entity that is not a group', async () => {
    const getTeamCosts = jest.fn();
    await renderCard({ getTeamCosts }, group('User'));
    expect(
      screen.getByText(
        'This card belongs on the page of a Group; a User owns no entities.',
      ),
    ).toBeInTheDocument();
    expect(getTeamCosts).not.toHaveBeenCalled();
  });
});

describe('the team-cost entity card extension', () => {
  it('shows on groups only', () => {
    const tester = createExtensionTester(entityTeamCostCard);
    expect(tester.get(EntityCardBlueprint.dataRefs.filterExpression)).toBe(
      'kind:group',
    );
  });

  it('renders its card', async () => {
    await renderInTestApp(
      <EntityProvider entity={group()}>
        {createExtensionTester(entityTeamCostCard).reactElement()}
      </EntityProvider>,
      {
        apis: [
          [sreApiRef, { getTeamCosts: () => new Promise<never>(() => {}) }],
        ],
      },
    );
    // The card's module loads lazily: allow for it on a cold run.
    expect(
      await screen.findByText('Team cost', undefined, { timeout: 10_000 }),
    ).toBeInTheDocument();
  });
});
