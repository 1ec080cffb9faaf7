import { Entity } from '@backstage/catalog-model';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SreApi } from '../api/SreApi';
import { renderForEntity } from '../__testUtils__/renderForEntity';
import {
  changeList,
  pairedChange,
  soloChange,
} from '../__testUtils__/changeFixtures';
import { EntityChangesCard } from './EntityChangesCard';
import { isChangesAvailable } from './isChangesAvailable';

const ENTITY_REF = 'component:default/inventory-sync';
const DAY_MS = 86_400_000;

function entity(
  annotations: Record<string, string> = {
    'baton.dev/iac': 'github.com/acme/infra',
  },
  kind = 'Component',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'inventory-sync', annotations },
    spec: { type: 'service', owner: 'team-inventory', lifecycle: 'production' },
  };
}

const renderCard = (
  sreApi: Partial<SreApi>,
  target = entity(),
  language = 'en',
) =>
  renderForEntity(<EntityChangesCard />, { entity: target, sreApi, language });

const figure = (label: string) =>
  screen.getByLabelText(label, { selector: '[role=group]' });
/** A change of the list, by its title. */
const change = (title: string) => screen.getByRole('listitem', { name: title });
/** The chips of a change, in order. */
const chips = (title: string, label = 'What the rules found') =>
  within(within(change(title)).getByRole('list', { name: label }))
    .getAllByRole('listitem')
    .map(chip => chip.textContent);
/** The hover text of a chip of a change. */
const chipHelp = (title: string, label: string) =>
  within(change(title))
    .getByText(label)
    .closest('[title]')
    ?.getAttribute('title');

describe('EntityChangesCard', () => {
  it('asks for the last 30 days and shows the counts with the pairing rate', async () => {
    const getEntityChanges = jest.fn().mockResolvedValue(changeList());
    await renderCard({ getEntityChanges });

    await screen.findByText('Resize the inventory queue');
    expect(screen.getByText('Production changes')).toBeInTheDocument();
    expect(getEntityChanges).toHaveBeenCalledTimes(1);
    const [ref, query] = getEntityChanges.mock.calls[0];
    expect(ref).toBe(ENTITY_REF);
    expect(Date.parse(query.to) - Date.parse(query.from)).toBe(30 * DAY_MS);
    expect(Math.abs(Date.parse(query.to) - Date.now())).toBeLessThan(60_000);

    expect(
      screen.getByText('From Nov 4, 2026 to Dec 4, 2026'),
    ).toBeInTheDocument();
    expect(figure('Changes')).toHaveTextContent(/^Changes2$/);
    expect(figure('Pairing rate')).toHaveTextContent('50% (1 of 2)');
    expect(figure('Off-hours')).toHaveTextContent(/^Off-hours1$/);
    expect(figure('Unreviewed procedure')).toHaveTextContent(/1$/);
    expect(figure('Followed by alerts')).toHaveTextContent(/1$/);
    expect(figure('Failed')).toHaveTextContent(/1$/);
  });

  it('lists the changes newest first, a solo off-hours apply with the alert that followed it', async () => {
    await renderCard({
      getEntityChanges: jest.fn().mockResolvedValue(changeList()),
    });
    const list = await screen.findByRole('list', { name: 'Changes' });
    const titles = within(list)
      .getAllByRole('listitem')
      .map(item => item.getAttribute('aria-label'))
      .filter(Boolean);
    expect(titles).toEqual(['Resize the inventory queue', 'Deploy v2.4.0']);

    const solo = 'Resize the inventory queue';
    expect(chips(solo)).toEqual([
      'Solo',
      'Unreviewed procedure',
      'Off-hours',
      'Succeeded',
      'Followed by 1 alert',
    ]);
    expect(chipHelp(solo, 'Followed by 1 alert')).toBe(
      'This change may have caused: Inventory sync lag high.',
    );
    const item = change(solo);
    expect(item).toHaveTextContent('Terraform apply · in production');
    expect(item).toHaveTextContent(/Operators: farid/);
    expect(item).toHaveTextContent(/Pairs: nobody/);
    expect(item).toHaveTextContent(
      'Workspace acme/inventory-prod; Plan: 2 to add, 1 to change, 0 to destroy; Apply took 9 min',
    );
    expect(item).toHaveTextContent(
      /Alerts after this change: Inventory sync lag high \(/,
    );
    expect(
      within(item).getByRole('link', { name: 'Terraform run' }),
    ).toHaveAttribute('href', 'https://app.terraform.io/run-1');
  });

  it('shows a paired change with a reviewed procedure, and flags people the catalog does not know', async () => {
    await renderCard({
      getEntityChanges: jest.fn().mockResolvedValue(changeList()),
    });
    const title = 'Deploy v2.4.0';
    await screen.findByText(title);
    expect(chips(title)).toEqual(['Paired', 'Reviewed procedure', 'Failed']);
    expect(chipHelp(title, 'Paired')).toBe('With bob-ext.');
    expect(chipHelp(title, 'Reviewed procedure')).toBe(
      'The procedure was reviewed by chen.',
    );
    const item = change(title);
    expect(item).toHaveTextContent(/Operators: aiko\.tanaka/);
    expect(item).toHaveTextContent(/Pairs: bob-ext not in the catalog/);
    expect(
      within(item)
        .getByText('not in the catalog')
        .closest('[title]')
        ?.getAttribute('title'),
    ).toBe(
      'The source named this person as github-login: bob-ext, which matches no catalog user.',
    );
    expect(item).toHaveTextContent(
      /Procedure reviewed by: chen \(Procedure\)$/,
    );
    expect(
      within(item).getByRole('link', { name: 'Procedure' }),
    ).toHaveAttribute('href', 'https://github.com/acme/inventory-sync/pull/42');
    expect(item).not.toHaveTextContent('Off-hours');
    expect(item).not.toHaveTextContent('Workspace');
  });

  it('explains the rules with the team’s working hours and the alert window', async () => {
    await renderCard({
      getEntityChanges: jest.fn().mockResolvedValue(changeList()),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Why?' }));
    expect(
      screen.getByText(
        'Off-hours: the change started outside the owning team’s working hours: Mon–Fri, 09:00 to 18:00 (Asia/Tokyo). Its 1 holiday counts as off-hours too.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/fired within 120 minutes after it started/),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Solo: nobody but the operators/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Hide why' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
  });

  it('asks for another range when one is picked', async () => {
    const getEntityChanges = jest
      .fn()
      .mockResolvedValueOnce(changeList())
      .mockResolvedValueOnce(changeList([pairedChange()]));
    await renderCard({ getEntityChanges });
    await screen.findByText('Resize the inventory queue');

    await userEvent.selectOptions(screen.getByLabelText('Range'), '90');
    expect(getEntityChanges).toHaveBeenCalledTimes(2);
    const [, query] = getEntityChanges.mock.calls[1];
    expect(Date.parse(query.to) - Date.parse(query.from)).toBe(90 * DAY_MS);
    expect(
      await screen.findByText('100% (1 of 1)', { exact: false }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Resize the inventory queue')).toBeNull();
  });

  it('says no change was recorded in the range of an entity its sources can find', async () => {
    await renderCard({
      getEntityChanges: jest.fn().mockResolvedValue(changeList([])),
    });
    expect(
      await screen.findByText('No changes since Nov 4, 2026'),
    ).toBeInTheDocument();
    expect(screen.getByText(/baton record-change/)).toBeInTheDocument();
    expect(screen.queryByText(/No change source/)).toBeNull();
    // The range stays, to look further back.
    expect(screen.getByLabelText('Range')).toBeInTheDocument();
  });

  it('names the annotations to add when no source can find the entity and nothing was recorded', async () => {
    await renderCard(
      { getEntityChanges: jest.fn().mockResolvedValue(changeList([])) },
      entity({}),
    );
    expect(
      await screen.findByText('No change source reaches this entity yet'),
    ).toBeInTheDocument();
    const description = screen.getByText(/Add one of the annotations/);
    expect(description).toHaveTextContent('baton.dev/repos');
    expect(description).toHaveTextContent('baton.dev/iac');
    expect(description).toHaveTextContent('baton.dev/terraform-workspaces');
    expect(description).toHaveTextContent('baton record-change');
    expect(description).toHaveTextContent('webhook');
  });

  it('shows recorded changes of an entity without annotations', async () => {
    await renderCard(
      {
        getEntityChanges: jest
          .fn()
          .mockResolvedValue(changeList([soloChange({ source: 'cli' })])),
      },
      entity({}),
    );
    expect(
      await screen.findByText('Resize the inventory queue'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/No change source/)).toBeNull();
  });

  it('shows errors', async () => {
    await renderCard({
      getEntityChanges: jest.fn().mockRejectedValue(new Error('backend down')),
    });
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(
      0,
    );
  });

  it('shows progress while loading', async () => {
    await renderCard({
      getEntityChanges: jest.fn().mockReturnValue(new Promise(() => {})),
    });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('says a kind without changes of its own has none, without asking', async () => {
    const getEntityChanges = jest.fn();
    await renderCard({ getEntityChanges }, entity({}, 'API'));
    expect(
      screen.getByText('No changes for this kind of entity'),
    ).toBeInTheDocument();
    expect(getEntityChanges).not.toHaveBeenCalled();
  });

  it('speaks Japanese', async () => {
    await renderCard(
      { getEntityChanges: jest.fn().mockResolvedValue(changeList()) },
      entity(),
      'ja',
    );
    expect(
      await screen.findByLabelText('ペア率', { selector: '[role=group]' }),
    ).toHaveTextContent('50%（2 件中 1 件）');
    expect(screen.getByText('本番変更')).toBeInTheDocument();
    expect(chips('Resize the inventory queue', 'ルールの判定')).toEqual([
      '単独',
      '手順未レビュー',
      '時間外',
      '成功',
      '直後にアラート 1 件',
    ]);
  });

  it('is available on components, systems and resources', () => {
    expect(isChangesAvailable(entity({}))).toBe(true);
    expect(isChangesAvailable(entity({}, 'Resource'))).toBe(true);
    expect(isChangesAvailable(entity({}, 'Group'))).toBe(false);
  });
});
