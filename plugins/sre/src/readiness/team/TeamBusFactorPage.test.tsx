import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type { TeamReport } from '@baton/plugin-sre-common';
import { screen } from '@testing-library/react';
import { sreApiRef } from '../../api/SreApi';
import { TeamBusFactorPage } from './TeamBusFactorPage';

const group = (name: string, displayName: string, owns: number) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', profile: { displayName }, children: [] },
  relations: Array.from({ length: owns }, (_, i) => ({
    type: 'ownerOf',
    targetRef: `component:default/${name}-${i}`,
  })),
});

describe('TeamBusFactorPage', () => {
  it('opens on the group that owns the most', async () => {
    const getTeamReport = jest.fn(
      async (ref: string): Promise<TeamReport> => ({
        team: { ref, title: ref },
        members: [],
        absent: [],
        days: 0,
        services: [],
        soleCovers: [],
        knowledgeMap: [],
      }),
    );
    await renderInTestApp(<TeamBusFactorPage />, {
      apis: [
        [
          catalogApiRef,
          catalogApiMock({
            entities: [
              group('shop', 'Shop', 0),
              group('payments', 'Payments team', 3),
              group('web', 'Web team', 2),
            ],
          }),
        ],
        [sreApiRef, { getTeamReport }],
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });

    expect(
      await screen.findByText('Services of group:default/payments'),
    ).toBeInTheDocument();
    expect(getTeamReport).toHaveBeenCalledWith('group:default/payments', {});
    expect(screen.getByText('Payments team')).toBeInTheDocument();
    expect(screen.queryByText('Shop')).toBeNull();
  });
});
