import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { ReviewAlertsSection } from '@baton/plugin-sre-common';
import { screen, within } from '@testing-library/react';
import { AlertsAgenda } from './AlertsAgenda';

const SINCE = '2026-11-11T12:00:00.000Z';

const section: ReviewAlertsSection = {
  total: 2,
  noisy: 1,
  services: [
    {
      entityRef: 'component:default/checkout-api',
      title: 'checkout-api',
      count: 2,
      noisy: 1,
      alerts: [
        {
          id: 'burn',
          title: 'Checkout availability burns its error budget 14× too fast',
          severity: 'critical',
          status: 'firing',
          // Before the agenda's start, and still firing.
          startsAt: '2026-11-09T08:00:00.000Z',
          acknowledgedBy: ['user:default/chihiro.mori'],
          noise: [],
        },
        {
          id: 'restart',
          title: 'A checkout pod restarted',
          severity: 'warning',
          status: 'firing',
          startsAt: '2026-11-20T08:00:00.000Z',
          acknowledgedBy: [],
          noise: [
            {
              flag: 'never-acknowledged',
              params: {},
              explanation: 'No one acknowledged it.',
            },
          ],
        },
      ],
    },
  ],
};

describe('AlertsAgenda', () => {
  it('lists an alert still firing from before the agenda, saying so, and the agenda’s own without the label', async () => {
    await renderInTestApp(<AlertsAgenda section={section} since={SINCE} />, {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    const table = await screen.findByRole('table', {
      name: 'Alerts of checkout-api',
    });
    const burn = within(table)
      .getByText('Checkout availability burns its error budget 14× too fast')
      .closest('tr')!;
    expect(
      within(burn).getByText('Firing since Nov 9, 2026, before this range'),
    ).toBeInTheDocument();
    const restart = within(table)
      .getByText('A checkout pod restarted')
      .closest('tr')!;
    expect(within(restart).queryByText(/before this range/)).toBeNull();
    expect(within(restart).getByText('Never acknowledged')).toBeInTheDocument();
  });
});
