import type { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type { AccessReviewItem } from '@baton/plugin-sre-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SreApi, sreApiRef } from '../api/SreApi';
import { accessReviewsRouteRef } from '../routes';
import {
  ACCESS_USER,
  accessCampaignDetail,
  accessFailure,
  accessItems,
  closedCampaignDetail,
} from '../__testUtils__/accessFixtures';
import { AccessCampaignPage } from './AccessCampaignPage';

// Tables of chips and dialogs render slowly on two CPUs.
jest.setTimeout(30_000);

const user = (name: string, displayName: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { profile: { displayName } },
});

/** Renders campaign 3 for Aiko; returns the snackbar's messages. */
async function renderCampaign(sreApi: Partial<SreApi>) {
  const alertApi = mockApis.alert();
  await renderInTestApp(<AccessCampaignPage campaignId="3" />, {
    apis: [
      [sreApiRef, sreApi],
      alertApi,
      mockApis.identity({ userEntityRef: ACCESS_USER }),
      [
        catalogApiRef,
        catalogApiMock({
          entities: [
            user('aiko', 'Aiko Tanaka'),
            user('farid', 'Farid Haddad'),
          ],
        }),
      ],
    ],
    mountedRoutes: {
      '/catalog/:namespace/:kind/:name': entityRouteRef,
      '/access-reviews': accessReviewsRouteRef,
    },
  });
  return alertApi;
}

const itemsTable = () =>
  screen.getByRole('table', { name: 'Access-review items' });
const rowOf = (principal: string) =>
  within(itemsTable()).getByText(principal).closest('tr')!;
const PRINCIPALS = [
  'aiko-t',
  'farid-h',
  'old-contractor',
  'daniel@hanamori.example',
  'ci-deploy',
];
/** The principals of the rows shown, in order. */
const shownPrincipals = () => {
  const table = screen.queryByRole('table', { name: 'Access-review items' });
  if (!table) return [];
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row => PRINCIPALS.find(p => within(row).queryByText(p)));
};
const decideButtons = (principal: string) =>
  screen.queryByRole('group', {
    name: `Decide ${principal} on ${
      accessItems().find(i => i.principal === principal)!.resource
    }`,
  });
const decided = (item: AccessReviewItem, decision: 'keep' | 'revoke') => ({
  ...item,
  decision,
  decidedBy: ACCESS_USER,
  decidedAt: new Date().toISOString(),
});

describe('AccessCampaignPage', () => {
  it('shows the campaign’s progress, items, decisions and audit log', async () => {
    await renderCampaign({
      getAccessCampaign: jest.fn().mockResolvedValue(accessCampaignDetail()),
    });

    expect(
      await screen.findByRole('heading', { name: 'Q4 access review' }),
    ).toBeInTheDocument();
    expect(screen.getByText('1 of 5 decided')).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', { name: 'Decided items' }),
    ).toHaveAttribute('aria-valuenow', '20');
    // People by their catalog displayName; Daniel is not in the catalog.
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Per reviewer' }))
          .getAllByRole('listitem')
          .map(item => item.textContent),
      ).toEqual([
        'Aiko Tanaka: 1 of 3',
        'daniel: 0 of 3',
        'Farid Haddad: 1 of 3',
      ]),
    );
    expect(screen.getByText('Due Dec 31, 2099')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign off' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Export JSON' })).toBeEnabled();
    expect(
      screen.getByRole('link', { name: 'My access reviews' }),
    ).toHaveAttribute('href', '/access-reviews/tasks');

    expect(shownPrincipals()).toEqual(PRINCIPALS);
    expect(screen.getByText('5 of 5 items')).toBeInTheDocument();
    const contractor = rowOf('old-contractor');
    expect(
      within(contractor).getByText('No person in the catalog'),
    ).toBeInTheDocument();
    expect(within(contractor).getByText('never')).toBeInTheDocument();
    expect(
      within(contractor).getByText('Outside collaborator'),
    ).toBeInTheDocument();
    expect(within(contractor).getByText('Undecided')).toBeInTheDocument();
    expect(
      within(rowOf('farid-h')).getByText('7 months ago'),
    ).toBeInTheDocument();
    expect(
      within(rowOf('farid-h')).getByRole('link', { name: 'Farid Haddad' }),
    ).toHaveAttribute('href', '/catalog/default/user/farid');
    expect(within(rowOf('aiko-t')).getByText('5 days ago')).toBeInTheDocument();
    const editor = rowOf('daniel@hanamori.example');
    expect(within(editor).getByText('unknown')).toBeInTheDocument();
    expect(within(editor).getByText('Kept')).toBeInTheDocument();
    expect(within(editor).getByText(/^by Farid Haddad, /)).toBeInTheDocument();
    expect(
      within(editor).getByText('Runs the billing dashboards'),
    ).toBeInTheDocument();
    expect(
      within(editor).getByText('Aiko Tanaka and Farid Haddad'),
    ).toBeInTheDocument();
    expect(
      within(rowOf('ci-deploy')).getByText('Admin privilege'),
    ).toBeInTheDocument();
    expect(
      within(rowOf('ci-deploy')).getByText('Active access key'),
    ).toBeInTheDocument();

    // Every date on the page is written one way: the day.
    expect(
      screen.getByText(
        'Started Nov 20, 2026 by daniel; Inventory frozen Nov 20, 2026',
      ),
    ).toBeInTheDocument();
    const audit = screen.getByRole('table', { name: 'Audit log' });
    expect(
      within(audit)
        .getAllByRole('row')
        .slice(1)
        .map(row => row.querySelector('td')!.textContent),
    ).toEqual(['Nov 20, 2026', 'Nov 21, 2026']);
    expect(
      within(audit)
        .getAllByRole('row')
        .slice(1)
        .map(row =>
          [...row.querySelectorAll('td')].slice(1).map(c => c.textContent),
        ),
    ).toEqual([
      [
        'daniel',
        'Campaign started',
        '“Q4 access review”: 5 items of github-hanamori',
      ],
      [
        'Farid Haddad',
        'Decision',
        'daniel@hanamori.example on monitoring: Kept “Runs the billing dashboards”',
      ],
    ]);
  });

  it('filters stale access, unmatched principals, admin privileges and decided items', async () => {
    await renderCampaign({
      getAccessCampaign: jest.fn().mockResolvedValue(accessCampaignDetail()),
    });
    await screen.findByRole('table', { name: 'Access-review items' });
    const filters = screen.getByRole('group', { name: 'Filter the items' });
    const stale = within(filters).getByRole('checkbox', {
      name: 'Stale access (unused for more than 90 days, or never)',
    });
    const unmatched = within(filters).getByRole('checkbox', {
      name: 'No person in the catalog',
    });
    const admin = within(filters).getByRole('checkbox', {
      name: 'Admin privileges',
    });
    const status = within(filters).getByRole('combobox', { name: 'Decision' });

    const flaggedStale = () =>
      shownPrincipals().filter(principal =>
        within(rowOf(principal!)).queryByText('Stale access'),
      );
    expect(flaggedStale()).toEqual(['farid-h', 'old-contractor']);
    await userEvent.click(stale);
    // Unknown last use (daniel@…) is not stale; never used is.
    expect(shownPrincipals()).toEqual(['farid-h', 'old-contractor']);
    expect(screen.getByText('2 of 5 items')).toBeInTheDocument();
    // Every item the filter finds says it is stale, by the same rule.
    expect(flaggedStale()).toEqual(shownPrincipals());
    await userEvent.click(unmatched);
    expect(shownPrincipals()).toEqual(['old-contractor']);
    await userEvent.click(stale);
    expect(shownPrincipals()).toEqual(['old-contractor', 'ci-deploy']);
    await userEvent.click(unmatched);
    await userEvent.click(admin);
    expect(shownPrincipals()).toEqual(['aiko-t', 'ci-deploy']);
    await userEvent.click(admin);

    await userEvent.selectOptions(status, 'undecided');
    expect(shownPrincipals()).toEqual([
      'aiko-t',
      'farid-h',
      'old-contractor',
      'ci-deploy',
    ]);
    await userEvent.selectOptions(status, 'decided');
    expect(shownPrincipals()).toEqual(['daniel@hanamori.example']);
    await userEvent.click(admin);
    expect(shownPrincipals()).toEqual([]);
    expect(
      screen.getByText('No item matches the filters.'),
    ).toBeInTheDocument();
  });

  it('offers decisions on the items the user reviews, never on their own access', async () => {
    // Even were Aiko listed as a reviewer of her own access.
    const detail = accessCampaignDetail();
    detail.items[0].reviewers.push(ACCESS_USER);
    await renderCampaign({
      getAccessCampaign: jest.fn().mockResolvedValue(detail),
    });
    await screen.findByRole('table', { name: 'Access-review items' });

    for (const principal of [
      'farid-h',
      'old-contractor',
      'daniel@hanamori.example',
    ]) {
      const group = decideButtons(principal)!;
      expect(group).not.toBeNull();
      expect(
        within(group)
          .getAllByRole('button')
          .map(button => button.textContent),
      ).toEqual(['Keep', 'Revoke', 'Transfer']);
    }
    // Aiko's own access: someone else decides it.
    expect(decideButtons('aiko-t')).toBeNull();
    expect(within(rowOf('aiko-t')).queryByRole('checkbox')).toBeNull();
    expect(
      within(rowOf('aiko-t')).getByText(
        'About your access: another reviewer decides',
      ),
    ).toBeInTheDocument();
    // Only Farid reviews the IAM user.
    expect(decideButtons('ci-deploy')).toBeNull();
    expect(within(rowOf('ci-deploy')).queryByRole('checkbox')).toBeNull();
  });

  it('asks for a comment before keeping stale access, then sends it', async () => {
    const detail = accessCampaignDetail();
    const getAccessCampaign = jest.fn().mockResolvedValue(detail);
    const decideAccessItem = jest.fn(
      async (_campaignId: string, itemId: string) =>
        decided(detail.items.find(item => item.id === itemId)!, 'keep'),
    );
    const alertApi = await renderCampaign({
      getAccessCampaign,
      decideAccessItem,
    });
    await screen.findByRole('table', { name: 'Access-review items' });

    await userEvent.click(
      within(decideButtons('farid-h')!).getByRole('button', { name: 'Keep' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Keep access' });
    expect(
      within(dialog).getByText('farid-h on hanamori (member)'),
    ).toBeInTheDocument();
    // The dialog says the comment is needed before anything is sent.
    const comment = within(dialog).getByRole('textbox', { name: /^Comment/ });
    expect(comment).toBeRequired();
    expect(comment).toHaveAccessibleDescription(
      'Keeping access unused for more than 90 days needs a comment saying why.',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save decision' }),
    );
    expect(
      within(dialog).getByText(
        'Keeping access unused for more than 90 days needs a comment saying why.',
      ),
    ).toBeInTheDocument();
    expect(decideAccessItem).not.toHaveBeenCalled();

    await userEvent.type(comment, 'On call from January');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save decision' }),
    );
    expect(decideAccessItem).toHaveBeenCalledWith('3', '42', {
      decision: 'keep',
      comment: 'On call from January',
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(within(rowOf('farid-h')).getByText('Kept')).toBeInTheDocument();
    expect(alertApi.getAlerts()).toEqual([
      expect.objectContaining({
        message: 'Kept: farid-h on hanamori',
        severity: 'success',
      }),
    ]);
    // The progress and the audit log are loaded again.
    await waitFor(() => expect(getAccessCampaign).toHaveBeenCalledTimes(2));
  });

  it('keeps fresh access without a comment', async () => {
    const decideAccessItem = jest.fn(async () =>
      decided(accessItems()[3], 'keep'),
    );
    await renderCampaign({
      getAccessCampaign: jest.fn().mockResolvedValue(accessCampaignDetail()),
      decideAccessItem,
    });
    await screen.findByRole('table', { name: 'Access-review items' });

    // Unknown last use: not stale, so no comment is asked for.
    await userEvent.click(
      within(decideButtons('daniel@hanamori.example')!).getByRole('button', {
        name: 'Keep',
      }),
    );
    expect(screen.getByRole('textbox', { name: 'Comment' })).not.toBeRequired();
    await userEvent.click(
      screen.getByRole('button', { name: 'Save decision' }),
    );
    expect(decideAccessItem).toHaveBeenCalledWith('3', '44', {
      decision: 'keep',
    });
  });

  it('transfers to a picked user with a comment', async () => {
    const decideAccessItem = jest.fn(async () => ({
      ...accessItems()[2],
      decision: 'transfer' as const,
      transferTo: 'user:default/farid',
      comment: 'Farid owns the vendor now',
      decidedBy: ACCESS_USER,
      decidedAt: new Date().toISOString(),
    }));
    await renderCampaign({
      getAccessCampaign: jest.fn().mockResolvedValue(accessCampaignDetail()),
      decideAccessItem,
    });
    await screen.findByRole('table', { name: 'Access-review items' });

    await userEvent.click(
      within(decideButtons('old-contractor')!).getByRole('button', {
        name: 'Transfer',
      }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Transfer access' });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save decision' }),
    );
    expect(
      within(dialog).getByText('Name the user who takes the access over.'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(
        'A transfer needs a comment saying why and what is handed over.',
      ),
    ).toBeInTheDocument();
    expect(decideAccessItem).not.toHaveBeenCalled();

    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Transfer to' }),
      'Haddad',
    );
    await userEvent.click(
      await screen.findByRole('option', {
        name: 'Farid Haddad (user:default/farid)',
      }),
    );
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /^Comment/ }),
      'Farid owns the vendor now',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save decision' }),
    );
    expect(decideAccessItem).toHaveBeenCalledWith('3', '43', {
      decision: 'transfer',
      transferTo: 'user:default/farid',
      comment: 'Farid owns the vendor now',
    });
    expect(
      await within(rowOf('old-contractor')).findByText('to Farid Haddad'),
    ).toBeInTheDocument();
  });

  it('shows the backend’s refusal: a 403 above the buttons, a 400 under its field', async () => {
    const decideAccessItem = jest
      .fn()
      .mockRejectedValueOnce(
        await accessFailure(
          403,
          'You are not a reviewer of item 42; its reviewers are user:default/daniel',
        ),
      )
      .mockRejectedValueOnce(
        await accessFailure(
          400,
          'comment: keeping access unused for more than 90 days needs a comment saying why',
        ),
      );
    await renderCampaign({
      getAccessCampaign: jest.fn().mockResolvedValue(accessCampaignDetail()),
      decideAccessItem,
    });
    await screen.findByRole('table', { name: 'Access-review items' });

    await userEvent.click(
      within(decideButtons('farid-h')!).getByRole('button', { name: 'Revoke' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Revoke access' });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save decision' }),
    );
    expect(
      await within(dialog).findByText(
        'Could not save the decision: You are not a reviewer of item 42; its reviewers are user:default/daniel',
      ),
    ).toBeInTheDocument();
    expect(decideAccessItem).toHaveBeenCalledWith('3', '42', {
      decision: 'revoke',
    });

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save decision' }),
    );
    expect(
      await within(dialog).findByText(
        'keeping access unused for more than 90 days needs a comment saying why',
      ),
    ).toBeInTheDocument();
    expect(within(dialog).queryByText(/^Could not save/)).toBeNull();
    expect(
      within(dialog).getByRole('textbox', { name: /^Comment/ }),
    ).toHaveAttribute('aria-invalid', 'true');
  });

  it('decides the selected rows at once', async () => {
    const decideAccessItems = jest.fn(
      async (_campaignId: string, itemIds: string[]) =>
        accessItems()
          .filter(item => itemIds.includes(item.id))
          .map(item => decided(item, 'revoke')),
    );
    const alertApi = await renderCampaign({
      getAccessCampaign: jest.fn().mockResolvedValue(accessCampaignDetail()),
      decideAccessItems,
    });
    await screen.findByRole('table', { name: 'Access-review items' });

    expect(screen.queryByRole('toolbar')).toBeNull();
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Select farid-h on hanamori' }),
    );
    await userEvent.click(
      screen.getByRole('checkbox', {
        name: 'Select old-contractor on hanamori',
      }),
    );
    const toolbar = screen.getByRole('toolbar', {
      name: 'Decide the selected items',
    });
    expect(within(toolbar).getByText('2 items selected')).toBeInTheDocument();
    await userEvent.click(
      within(toolbar).getByRole('button', { name: 'Revoke' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Revoke access' });
    expect(within(dialog).getByText('2 items')).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save decision' }),
    );

    expect(decideAccessItems).toHaveBeenCalledWith('3', ['42', '43'], {
      decision: 'revoke',
    });
    await waitFor(() => expect(screen.queryByRole('toolbar')).toBeNull());
    expect(within(rowOf('farid-h')).getByText('Revoked')).toBeInTheDocument();
    expect(
      within(rowOf('old-contractor')).getByText('Revoked'),
    ).toBeInTheDocument();
    expect(alertApi.getAlerts().map(alert => alert.message)).toEqual([
      'Revoked: 2 items',
    ]);
  });

  it('selects every row the user may decide from the header', async () => {
    await renderCampaign({
      getAccessCampaign: jest.fn().mockResolvedValue(accessCampaignDetail()),
    });
    await screen.findByRole('table', { name: 'Access-review items' });
    await userEvent.click(
      screen.getByRole('checkbox', {
        name: 'Select every item shown that you may decide',
      }),
    );
    expect(screen.getByText('3 items selected')).toBeInTheDocument();
  });

  it('shows why a sign-off is refused', async () => {
    const closeAccessCampaign = jest
      .fn()
      .mockRejectedValue(
        await accessFailure(
          409,
          'Campaign 3 has 4 undecided items; decide them before signing off',
        ),
      );
    await renderCampaign({
      getAccessCampaign: jest.fn().mockResolvedValue(accessCampaignDetail()),
      closeAccessCampaign,
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Sign off' }),
    );
    const dialog = screen.getByRole('dialog', {
      name: 'Sign off the campaign?',
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Sign off' }),
    );
    expect(closeAccessCampaign).toHaveBeenCalledWith('3');
    expect(
      await within(dialog).findByText(
        'Could not sign off: Campaign 3 has 4 undecided items; decide them before signing off',
      ),
    ).toBeInTheDocument();
  });

  it('signs off and shows the campaign read-only', async () => {
    const getAccessCampaign = jest
      .fn()
      .mockResolvedValueOnce(accessCampaignDetail())
      .mockResolvedValue(closedCampaignDetail());
    const alertApi = await renderCampaign({
      getAccessCampaign,
      closeAccessCampaign: jest.fn().mockResolvedValue(closedCampaignDetail()),
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Sign off' }),
    );
    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', {
        name: 'Sign off',
      }),
    );

    expect(
      await screen.findByText(
        /^Signed off .* by daniel; its decisions are locked$/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('5 of 5 decided')).toBeInTheDocument();
    expect(alertApi.getAlerts().map(alert => alert.message)).toEqual([
      'Signed off “Q4 access review”; its decisions are locked',
    ]);
    expect(screen.queryByRole('button', { name: 'Sign off' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Keep' })).toBeNull();
    expect(within(itemsTable()).queryByRole('checkbox')).toBeNull();
    expect(within(rowOf('farid-h')).getByText('Revoked')).toBeInTheDocument();
    expect(
      screen.getByText('Kept 1, revoked 4, transferred 0'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeEnabled();
  });

  it('downloads the evidence as the backend writes it', async () => {
    const blobs: Blob[] = [];
    const names: string[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:evidence';
    });
    URL.revokeObjectURL = jest.fn();
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function recordDownload(this: HTMLAnchorElement) {
        names.push(this.download);
      });
    const getAccessEvidence = jest
      .fn()
      .mockResolvedValue('campaign_id,principal\n3,farid-h\n');
    const getAccessCampaign = jest
      .fn()
      .mockResolvedValue(accessCampaignDetail());
    await renderCampaign({ getAccessCampaign, getAccessEvidence });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Export CSV' }),
    );

    expect(getAccessEvidence).toHaveBeenCalledWith('3', 'csv');
    await waitFor(() =>
      expect(names).toEqual(['access-review-3-evidence.csv']),
    );
    expect(await blobs[0].text()).toBe('campaign_id,principal\n3,farid-h\n');
    // The download is logged: the audit log is loaded again.
    await waitFor(() => expect(getAccessCampaign).toHaveBeenCalledTimes(2));
    click.mockRestore();
  });

  it('says when there is no such campaign', async () => {
    await renderCampaign({
      getAccessCampaign: jest
        .fn()
        .mockRejectedValue(
          await accessFailure(404, 'No access-review campaign 3'),
        ),
    });
    expect(await screen.findByText('No such campaign')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All campaigns' })).toHaveAttribute(
      'href',
      '/access-reviews',
    );
  });

  it('shows the backend’s message when the campaign cannot be read', async () => {
    await renderCampaign({
      getAccessCampaign: jest
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
});
