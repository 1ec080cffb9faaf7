import {
  createExtensionTester,
  mockApis,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { accessReviewsPage } from '../alpha';
import { SreApi, sreApiRef } from '../api/SreApi';
import { accessReviewsRouteRef } from '../routes';
import {
  ACCESS_USER,
  accessCampaign,
  accessCampaignDetail,
  accessFailure,
  accessItem,
  accessItems,
} from '../__testUtils__/accessFixtures';
import { AccessCampaignList } from './AccessCampaignList';
import { MyAccessReviews } from './MyAccessReviews';

// Tables of chips and dialogs render slowly on two CPUs.
jest.setTimeout(30_000);

const apisFor = (sreApi: Partial<SreApi>, alertApi = mockApis.alert()) =>
  [
    [sreApiRef, sreApi],
    alertApi,
    mockApis.identity({ userEntityRef: ACCESS_USER }),
    [catalogApiRef, catalogApiMock({ entities: [] })],
  ] as const;

const mountedRoutes = {
  '/catalog/:namespace/:kind/:name': entityRouteRef,
  '/access-reviews': accessReviewsRouteRef,
};

async function renderView(element: JSX.Element, sreApi: Partial<SreApi>) {
  await renderInTestApp(element, { apis: apisFor(sreApi), mountedRoutes });
}

/** The whole page as the app mounts it, at `path`; returns the snackbar's messages. */
async function renderPage(path: string, sreApi: Partial<SreApi>) {
  const alertApi = mockApis.alert();
  await renderInTestApp(
    createExtensionTester(accessReviewsPage, {
      apis: [mockApis.translation()],
    }).reactElement(),
    {
      apis: apisFor(sreApi, alertApi),
      mountPath: '/access-reviews',
      initialRouteEntries: [path],
      mountedRoutes,
    },
  );
  return alertApi;
}

/** Campaign 7: two items for Aiko, one decided. */
const secondCampaign = accessCampaign({
  id: '7',
  title: 'Sandbox review',
  dueDate: '2020-01-31',
  createdBy: 'plugin:sre',
  progress: {
    total: 2,
    decided: 0,
    byReviewer: [{ userRef: ACCESS_USER, total: 2, decided: 0 }],
  },
});

describe('AccessCampaignList', () => {
  it('lists the campaigns with their state, due date and progress', async () => {
    await renderView(<AccessCampaignList />, {
      listAccessCampaigns: jest.fn().mockResolvedValue([
        secondCampaign,
        accessCampaign({
          state: 'closed',
          progress: { ...accessCampaign().progress, decided: 5 },
        }),
      ]),
    });

    const table = await screen.findByRole('table', {
      name: 'Access-review campaigns',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(
      within(rows[0]).getByRole('link', { name: 'Sandbox review' }),
    ).toHaveAttribute('href', '/access-reviews/7');
    expect(within(rows[0]).getByText('Open')).toBeInTheDocument();
    // Past its due date and still open.
    expect(
      within(rows[0]).getByText('Overdue since Jan 31, 2020'),
    ).toBeInTheDocument();
    expect(within(rows[0]).getByText('0 of 2 decided')).toBeInTheDocument();
    expect(within(rows[0]).getByRole('progressbar')).toHaveAttribute(
      'aria-valuenow',
      '0',
    );
    // A scheduled campaign names Baton, not its service principal.
    expect(
      within(rows[0]).getByText(/ by Baton \(scheduled\)$/),
    ).toBeInTheDocument();
    expect(within(table).queryByText(/plugin:sre/)).toBeNull();
    expect(
      within(rows[1]).getByRole('link', { name: 'Q4 access review' }),
    ).toHaveAttribute('href', '/access-reviews/3');
    expect(within(rows[1]).getByText('Signed off')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Due Dec 31, 2099')).toBeInTheDocument();
    expect(within(rows[1]).getByText('5 of 5 decided')).toBeInTheDocument();
    expect(within(rows[1]).getByRole('progressbar')).toHaveAttribute(
      'aria-valuenow',
      '100',
    );
    expect(within(rows[1]).getByText(/ by daniel$/)).toBeInTheDocument();

    expect(
      screen.getByRole('link', { name: 'My access reviews' }),
    ).toHaveAttribute('href', '/access-reviews/tasks');
    expect(screen.queryByRole('link', { name: 'All campaigns' })).toBeNull();
  });

  it('says how to get a first campaign', async () => {
    await renderView(<AccessCampaignList />, {
      listAccessCampaigns: jest.fn().mockResolvedValue([]),
    });
    expect(await screen.findByText('No campaign yet')).toBeInTheDocument();
    expect(
      screen.getByText(/carry the baton\.dev\/access-source annotation/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Start campaign' }),
    ).toBeInTheDocument();
  });

  it('shows the backend’s message when the campaigns cannot be read', async () => {
    await renderView(<AccessCampaignList />, {
      listAccessCampaigns: jest
        .fn()
        .mockRejectedValue(
          await accessFailure(
            403,
            'You may not do this: permission sre.access-review.read was denied',
          ),
        ),
    });
    expect(
      await screen.findAllByText(
        /permission sre\.access-review\.read was denied/,
      ),
    ).not.toHaveLength(0);
  });

  it('shows a bad field under it when a campaign cannot start', async () => {
    const createAccessCampaign = jest
      .fn()
      .mockRejectedValueOnce(
        await accessFailure(400, 'dueDate: must be a date (YYYY-MM-DD)'),
      )
      .mockRejectedValueOnce(
        await accessFailure(
          400,
          'resourceRefs: no Resource in the catalog has the baton.dev/access-source annotation',
        ),
      );
    await renderView(<AccessCampaignList />, {
      listAccessCampaigns: jest.fn().mockResolvedValue([]),
      createAccessCampaign,
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Start campaign' }),
    );
    const dialog = screen.getByRole('dialog', {
      name: 'Start an access-review campaign',
    });
    const start = within(dialog).getByRole('button', { name: 'Start' });
    expect(start).toBeDisabled();
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Title' }),
      'Q1',
    );
    await userEvent.click(start);
    expect(
      await within(dialog).findByText('must be a date (YYYY-MM-DD)'),
    ).toBeInTheDocument();
    await userEvent.click(start);
    expect(
      await within(dialog).findByText(
        'Could not start the campaign: resourceRefs: no Resource in the catalog has the baton.dev/access-source annotation',
      ),
    ).toBeInTheDocument();
  });
});

describe('the access-review page', () => {
  it('starts a campaign with its title and due date and opens it', async () => {
    const createAccessCampaign = jest.fn().mockResolvedValue(
      accessCampaignDetail({
        campaign: accessCampaign({ title: 'Q1 access review' }),
      }),
    );
    const getAccessCampaign = jest.fn().mockResolvedValue(
      accessCampaignDetail({
        campaign: accessCampaign({ title: 'Q1 access review' }),
      }),
    );
    const alertApi = await renderPage('/access-reviews', {
      listAccessCampaigns: jest.fn().mockResolvedValue([secondCampaign]),
      createAccessCampaign,
      getAccessCampaign,
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Start campaign' }),
    );
    const dialog = screen.getByRole('dialog', {
      name: 'Start an access-review campaign',
    });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Title' }),
      '  Q1 access review ',
    );
    await userEvent.type(
      within(dialog).getByLabelText('Due date'),
      '2027-03-31',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Start' }),
    );

    expect(createAccessCampaign).toHaveBeenCalledWith({
      title: 'Q1 access review',
      dueDate: '2027-03-31',
    });
    expect(
      await screen.findByRole('heading', { name: 'Q1 access review' }),
    ).toBeInTheDocument();
    expect(getAccessCampaign).toHaveBeenCalledWith('3');
    expect(alertApi.getAlerts().map(alert => alert.message)).toEqual([
      'Started “Q1 access review” with 5 items',
    ]);
  });

  it('opens a campaign from the list and the user’s items from a campaign', async () => {
    const getAccessCampaign = jest
      .fn()
      .mockResolvedValue(accessCampaignDetail());
    const getAccessTasks = jest.fn().mockResolvedValue([]);
    await renderPage('/access-reviews', {
      listAccessCampaigns: jest.fn().mockResolvedValue([accessCampaign()]),
      getAccessCampaign,
      getAccessTasks,
    });

    await userEvent.click(
      await screen.findByRole('link', { name: 'Q4 access review' }),
    );
    expect(
      await screen.findByRole('heading', { name: 'Q4 access review' }),
    ).toBeInTheDocument();
    expect(getAccessCampaign).toHaveBeenCalledWith('3');

    await userEvent.click(
      screen.getByRole('link', { name: 'My access reviews' }),
    );
    expect(await screen.findByText('Nothing to review')).toBeInTheDocument();
    expect(getAccessTasks).toHaveBeenCalled();
  });

  it('opens the user’s items at /access-reviews/tasks', async () => {
    await renderPage('/access-reviews/tasks', {
      getAccessTasks: jest.fn().mockResolvedValue([accessItem()]),
      listAccessCampaigns: jest.fn().mockResolvedValue([accessCampaign()]),
    });
    expect(
      await screen.findByRole('region', {
        name: 'Your items in Q4 access review',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All campaigns' })).toHaveAttribute(
      'href',
      '/access-reviews',
    );
  });
});

describe('MyAccessReviews', () => {
  it('lists the user’s items by campaign with their own progress, and a decided one leaves the list', async () => {
    const [, farid, contractor] = accessItems();
    const sandbox = accessItem({
      id: '71',
      campaignId: '7',
      principal: 'sandbox-admin',
      resource: 'sandbox',
      lastUsedAt: new Date().toISOString(),
    });
    const listAccessCampaigns = jest
      .fn()
      .mockResolvedValueOnce([secondCampaign, accessCampaign()])
      .mockResolvedValue([
        secondCampaign,
        accessCampaign({
          progress: {
            ...accessCampaign().progress,
            decided: 2,
            byReviewer: accessCampaign().progress.byReviewer.map(reviewer =>
              reviewer.userRef === ACCESS_USER
                ? { ...reviewer, decided: 2 }
                : reviewer,
            ),
          },
        }),
      ]);
    const decideAccessItem = jest.fn(async () => ({
      ...farid,
      decision: 'revoke' as const,
      decidedBy: ACCESS_USER,
      decidedAt: new Date().toISOString(),
    }));
    await renderView(<MyAccessReviews />, {
      getAccessTasks: jest.fn().mockResolvedValue([farid, contractor, sandbox]),
      listAccessCampaigns,
      decideAccessItem,
    });

    const q4 = await screen.findByRole('region', {
      name: 'Your items in Q4 access review',
    });
    const sandboxSection = screen.getByRole('region', {
      name: 'Your items in Sandbox review',
    });
    // Aiko's own items: 1 of her 3 decided, not 1 of the campaign's 5.
    expect(within(q4).getByText('Your items')).toBeInTheDocument();
    expect(within(q4).getByText('1 of 3 decided')).toBeInTheDocument();
    expect(within(q4).queryByText('1 of 5 decided')).toBeNull();
    expect(
      within(sandboxSection).getByText('0 of 2 decided'),
    ).toBeInTheDocument();
    expect(
      within(q4).getByRole('link', { name: 'Q4 access review' }),
    ).toHaveAttribute('href', '/access-reviews/3');
    expect(within(q4).getByText('farid-h')).toBeInTheDocument();
    expect(within(q4).getByText('old-contractor')).toBeInTheDocument();
    expect(within(q4).queryByText('sandbox-admin')).toBeNull();
    expect(
      within(sandboxSection).getByText('sandbox-admin'),
    ).toBeInTheDocument();
    expect(
      within(sandboxSection).getByText('Overdue since Jan 31, 2020'),
    ).toBeInTheDocument();

    await userEvent.click(
      within(
        within(q4).getByRole('group', { name: 'Decide farid-h on hanamori' }),
      ).getByRole('button', { name: 'Revoke' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Save decision' }),
    );

    expect(decideAccessItem).toHaveBeenCalledWith('3', '42', {
      decision: 'revoke',
    });
    await waitFor(() => expect(within(q4).queryByText('farid-h')).toBeNull());
    expect(within(q4).getByText('old-contractor')).toBeInTheDocument();
    expect(await within(q4).findByText('2 of 3 decided')).toBeInTheDocument();
    expect(listAccessCampaigns).toHaveBeenCalledTimes(2);
  });

  it('says when nothing waits for the user', async () => {
    await renderView(<MyAccessReviews />, {
      getAccessTasks: jest.fn().mockResolvedValue([]),
      listAccessCampaigns: jest.fn().mockResolvedValue([accessCampaign()]),
    });
    expect(await screen.findByText('Nothing to review')).toBeInTheDocument();
    expect(
      screen.getByText(
        'No open campaign has an item waiting for your decision.',
      ),
    ).toBeInTheDocument();
  });

  it('shows the backend’s message when the items cannot be read', async () => {
    await renderView(<MyAccessReviews />, {
      getAccessTasks: jest
        .fn()
        .mockRejectedValue(await accessFailure(401, 'Missing credentials')),
      listAccessCampaigns: jest.fn().mockResolvedValue([]),
    });
    expect(await screen.findAllByText(/Missing credentials/)).not.toHaveLength(
      0,
    );
  });
});
