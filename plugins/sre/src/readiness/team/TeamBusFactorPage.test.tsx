import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type { TeamReport } from '@baton/plugin-sre-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { sreApiRef } from '../../api/SreApi';
import { TeamBusFactorPage } from './TeamBusFactorPage';

const group = (
  name: string,
  displayName: string,
  members: string[] = [],
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', profile: { displayName }, children: [] },
  relations: members.map(member => ({
    type: 'hasMember',
    targetRef: `user:default/${member}`,
  })),
});

// Alphabetically: Guests, Payments team, Web team.
const groups = [
  group('web', 'Web team', ['aiko']),
  group('payments', 'Payments team', ['farid', 'aiko']),
  group('guests', 'Guests', ['guest']),
];

/** Shows the URL's query, to read what a shared link would say. */
function Query() {
  return <output aria-label="query">{useLocation().search}</output>;
}

async function openPage(options: {
  user: string;
  ownershipEntityRefs?: string[];
  url?: string;
}) {
  const getTeamReport = jest.fn(
    async (ref: string): Promise<TeamReport> => ({
      team: { ref, title: ref },
      members: [],
      absent: [],
      days: 0,
      services: [],
      soleCovers: [],
      knowledgeMap: [],
      knowledgeHolderDays: 180,
    }),
  );
  const userEntityRef = `user:default/${options.user}`;
  await renderInTestApp(
    <>
      <TeamBusFactorPage />
      <Query />
    </>,
    {
      apis: [
        [catalogApiRef, catalogApiMock({ entities: groups })],
        [sreApiRef, { getTeamReport }],
        mockApis.identity({
          userEntityRef,
          ownershipEntityRefs: options.ownershipEntityRefs ?? [userEntityRef],
        }),
      ],
      initialRouteEntries: [options.url ?? '/'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
  return getTeamReport;
}

const query = () =>
  new URLSearchParams(screen.getByLabelText('query').textContent ?? '');

describe('TeamBusFactorPage', () => {
  it('opens on the signed-in user’s team and puts it in the URL', async () => {
    // Farid is a member of Payments team only (the catalog's memberOf).
    const getTeamReport = await openPage({ user: 'farid' });
    expect(
      await screen.findByText('Services of group:default/payments'),
    ).toBeInTheDocument();
    expect(getTeamReport).toHaveBeenCalledWith('group:default/payments', {});
    expect(getTeamReport).not.toHaveBeenCalledWith(
      'group:default/guests',
      expect.anything(),
    );
    await waitFor(() =>
      expect(query().get('team')).toBe('group:default/payments'),
    );
    expect(screen.getByText('Payments team')).toBeInTheDocument();
  });

  it('takes the first of the user’s teams alphabetically, from the sign-in’s ownership too', async () => {
    // Aiko is in Web team and Payments team: Payments team comes first.
    await openPage({ user: 'aiko' });
    expect(
      await screen.findByText('Services of group:default/payments'),
    ).toBeInTheDocument();
    // A sign-in that resolves to own as Web team only, with no catalog membership.
    await openPage({
      user: 'nobody',
      ownershipEntityRefs: ['user:default/nobody', 'group:default/web'],
    });
    expect(
      await screen.findByText('Services of group:default/web'),
    ).toBeInTheDocument();
  });

  it('falls back to the first team alphabetically for a user in none', async () => {
    const getTeamReport = await openPage({ user: 'stranger' });
    expect(
      await screen.findByText('Services of group:default/guests'),
    ).toBeInTheDocument();
    expect(getTeamReport).toHaveBeenCalledWith('group:default/guests', {});
  });

  it('opens on the team a shared link names, and keeps the one picked in the URL', async () => {
    const getTeamReport = await openPage({
      user: 'farid',
      url: '/?team=group%3Adefault%2Fweb',
    });
    expect(
      await screen.findByText('Services of group:default/web'),
    ).toBeInTheDocument();
    expect(getTeamReport).not.toHaveBeenCalledWith(
      'group:default/payments',
      expect.anything(),
    );

    await userEvent.click(screen.getByRole('button', { name: /Web team/ }));
    await userEvent.click(
      within(screen.getByRole('listbox')).getByText('Guests'),
    );
    expect(
      await screen.findByText('Services of group:default/guests'),
    ).toBeInTheDocument();
    expect(query().get('team')).toBe('group:default/guests');
  });

  it('reads a short team name, and says so when the link names no team', async () => {
    await openPage({ user: 'farid', url: '/?team=web' });
    expect(
      await screen.findByText('Services of group:default/web'),
    ).toBeInTheDocument();

    await openPage({ user: 'farid', url: '/?team=group:default/gone' });
    expect(
      await screen.findByText(
        'No team group:default/gone in the catalog; showing Payments team.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText('Services of group:default/payments').length,
    ).toBeGreaterThan(0);
  });
});
