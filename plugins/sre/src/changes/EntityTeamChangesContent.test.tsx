import { Entity } from '@backstage/catalog-model';
import { screen, within } from '@testing-library/react';
import type { SreApi } from '../api/SreApi';
import { renderForEntity } from '../__testUtils__/renderForEntity';
import { teamChanges } from '../__testUtils__/changeFixtures';
import { EntityTeamChangesContent } from './EntityTeamChangesContent';

const team: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-inventory' },
  spec: { type: 'team', children: [] },
};

const renderTab = (sreApi: Partial<SreApi>, language = 'en') =>
  renderForEntity(<EntityTeamChangesContent />, {
    entity: team,
    sreApi,
    language,
  });

/** The cells of a person's row, their name first. */
const cells = (table: HTMLElement, name: string) =>
  [
    ...within(table).getByText(name).closest('tr')!.querySelectorAll('th, td'),
  ].map(cell => cell.textContent);

describe('EntityTeamChangesContent', () => {
  it('shows per person the changes operated, with a pair, paired on and off-hours', async () => {
    const getTeamChanges = jest.fn().mockResolvedValue(teamChanges());
    await renderTab({ getTeamChanges });

    const table = await screen.findByRole('table', {
      name: 'Changes per person',
    });
    expect(getTeamChanges).toHaveBeenCalledWith(
      'group:default/team-inventory',
      expect.objectContaining({ from: expect.any(String) }),
    );
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(header => header.textContent),
    ).toEqual([
      'Person',
      'Operated',
      'Operated with a pair',
      'Paired on',
      'Off-hours',
    ]);
    expect(cells(table, 'farid')).toEqual(['farid', '5', '1', '0', '3']);
    expect(cells(table, 'aiko.tanaka')).toEqual([
      'aiko.tanaka',
      '2',
      '2',
      '4',
      '0',
    ]);
    expect(cells(table, 'bob-ext')).toEqual([
      'bob-ext not in the catalog',
      '0',
      '0',
      '1',
      '0',
    ]);
    expect(
      screen.getByLabelText('Pairing rate', { selector: '[role=group]' }),
    ).toHaveTextContent('50% (1 of 2)');
  });

  it('lists the solo changes with their chips', async () => {
    await renderTab({
      getTeamChanges: jest.fn().mockResolvedValue(teamChanges()),
    });
    const solo = await screen.findByRole('list', { name: 'Solo changes' });
    const item = within(solo).getByRole('listitem', {
      name: 'Resize the inventory queue',
    });
    expect(within(item).getByText('Solo')).toBeInTheDocument();
    expect(within(item).getByText('Followed by 1 alert')).toBeInTheDocument();
  });

  it('charts the apply time of each workspace with its trend', async () => {
    await renderTab({
      getTeamChanges: jest.fn().mockResolvedValue(teamChanges()),
    });
    expect(
      await screen.findByRole('img', {
        name: 'Apply time of each apply of acme/infra-prod',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Rising: the median apply took 5 min in the earlier half of the window and 8 min in the later half (+45.2%). A growing state makes every apply slower; consider splitting it.',
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Rising')).toHaveLength(1);
    expect(
      screen.getByRole('img', {
        name: 'Apply time of each apply of acme/inventory-prod',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Too few applies in the window to tell a trend.'),
    ).toBeInTheDocument();
  });

  it('says when nobody changed anything and no workspace applied', async () => {
    await renderTab({
      getTeamChanges: jest.fn().mockResolvedValue(
        teamChanges({
          summary: {
            total: 0,
            paired: 0,
            pairedShare: null,
            solo: 0,
            offHours: 0,
            unreviewed: 0,
            failed: 0,
            followedByAlerts: 0,
          },
          people: [],
          solo: [],
          applyTrends: [],
        }),
      ),
    });
    expect(
      await screen.findByText('No changes since Nov 4, 2026'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Nobody operated or paired on a change in this range.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No solo changes in this range.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No Terraform applies with a duration in the window.'),
    ).toBeInTheDocument();
  });

  it('shows errors', async () => {
    await renderTab({
      getTeamChanges: jest.fn().mockRejectedValue(new Error('backend down')),
    });
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(
      0,
    );
  });

  it('speaks Japanese', async () => {
    await renderTab(
      { getTeamChanges: jest.fn().mockResolvedValue(teamChanges()) },
      'ja',
    );
    const table = await screen.findByRole('table', { name: '人ごとの変更' });
    expect(within(table).getByText('ペアありで実行')).toBeInTheDocument();
    expect(screen.getByText('チームの本番変更')).toBeInTheDocument();
  });
});
