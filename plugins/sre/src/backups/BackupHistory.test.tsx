import type {
  BackupHistoryEntry,
  EntityBackupHistoryResponse,
} from '@baton/plugin-sre-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Entity } from '@backstage/catalog-model';
import {
  backupsResponse,
  crossAccountMissingResource,
} from '../__testUtils__/backupFixtures';
import { renderForEntity } from '../__testUtils__/renderForEntity';
import { backendError } from '../__testUtils__/backendError';
import { EntityBackupsCard } from './EntityBackupsCard';
import { historySpans } from './BackupHistory';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'orders-db' },
  spec: { type: 'database', owner: 'team-a' },
};

const pull = (
  pulledAt: string,
  accountCopyAt: string | null,
  failedCopies = 0,
): BackupHistoryEntry => ({
  sourceId: 'aws-backup-123456789012',
  pulledAt,
  lastBackupAt: null,
  crossRegion: { lastCopyAt: '2026-12-01T18:00:00.000Z', verified: true },
  crossAccount: { lastCopyAt: accountCopyAt, verified: false },
  failedCopies,
  lastRestore: null,
});

const page = (
  items: BackupHistoryEntry[],
  nextCursor?: string,
): EntityBackupHistoryResponse => ({
  entityRef: 'resource:default/orders-db',
  resourceArn: crossAccountMissingResource.resourceArn,
  resourceName: crossAccountMissingResource.resourceName,
  days: 90,
  copyMaxAgeDays: 7,
  items,
  ...(nextCursor ? { nextCursor } : {}),
});

/** The Backups card of orders-db, its history read by `getBackupHistory`. */
const renderCard = (getBackupHistory: jest.Mock, language = 'en') =>
  renderForEntity(<EntityBackupsCard />, {
    entity,
    language,
    sreApi: {
      getBackups: jest
        .fn()
        .mockResolvedValue(backupsResponse([crossAccountMissingResource])),
      getBackupHistory,
    },
  });

const openHistory = async () => {
  const item = await screen.findByRole('listitem', { name: 'orders-db' });
  await userEvent.click(
    within(item).getByRole('button', { name: 'Copy history' }),
  );
  return item;
};
const lines = async () =>
  within(await screen.findByRole('list', { name: 'Copy history' }))
    .getAllByRole('listitem')
    .map(line => line.textContent);

describe('the Backups card’s copy history', () => {
  it('reads nothing until opened, then folds pulls that saw the same and pages on to older ones', async () => {
    const getBackupHistory = jest
      .fn()
      .mockResolvedValueOnce(
        page(
          [
            pull('2026-12-04T06:00:00.000Z', null, 1),
            pull('2026-12-03T06:00:00.000Z', null, 1),
            pull('2026-12-02T06:00:00.000Z', null),
          ],
          '41',
        ),
      )
      .mockResolvedValueOnce(
        page([pull('2026-11-20T06:00:00.000Z', '2026-11-19T18:00:00.000Z')]),
      );
    await renderCard(getBackupHistory);
    await screen.findByRole('listitem', { name: 'orders-db' });
    expect(getBackupHistory).not.toHaveBeenCalled();

    await openHistory();
    const first = await lines();
    expect(getBackupHistory).toHaveBeenCalledWith(
      'resource:default/orders-db',
      {
        resource: crossAccountMissingResource.resourceArn,
        days: 90,
        limit: 100,
        cursor: undefined,
      },
    );
    expect(first).toHaveLength(2);
    expect(first[0]).toMatch(
      /^Dec 3, 2026, .+ – Dec 4, 2026, .+ \(2 pulls saw the same\)another region: Dec 1, 2026, within the window · another account: none · a copy failing · never restored$/,
    );
    expect(first[1]).toMatch(
      /^Dec 2, 2026, .+another region: Dec 1, 2026, within the window · another account: none · never restored$/,
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Show older pulls' }),
    );
    await screen.findByText(/another account: Nov 19, 2026, too old/);
    expect(getBackupHistory).toHaveBeenLastCalledWith(
      'resource:default/orders-db',
      expect.objectContaining({ cursor: '41' }),
    );
    expect(await lines()).toHaveLength(3);
    expect(
      screen.queryByRole('button', { name: 'Show older pulls' }),
    ).not.toBeInTheDocument();

    // Closing it hides the lines.
    await userEvent.click(
      screen.getByRole('button', { name: 'Hide copy history' }),
    );
    expect(
      screen.queryByRole('list', { name: 'Copy history' }),
    ).not.toBeInTheDocument();
  });

  it('says so when no pull saw the resource', async () => {
    const getBackupHistory = jest.fn().mockResolvedValue(page([]));
    await renderCard(getBackupHistory);
    await openHistory();
    expect(
      await screen.findByText('No pull of the last 90 days saw this resource.'),
    ).toBeInTheDocument();
  });

  it('shows a backend error in Japanese', async () => {
    const error = await backendError(400, 'InputError', 'resource: unknown');
    await renderCard(jest.fn().mockRejectedValue(error), 'ja');
    const item = await screen.findByRole('listitem', { name: 'orders-db' });
    await userEvent.click(
      within(item).getByRole('button', { name: 'コピーの履歴' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /^履歴を読めませんでした: /,
    );
  });
});

describe('historySpans', () => {
  it('folds only consecutive pulls that saw the same', () => {
    const spans = historySpans([
      pull('2026-12-04T00:00:00.000Z', null),
      pull('2026-12-03T00:00:00.000Z', '2026-12-02T00:00:00.000Z'),
      pull('2026-12-02T00:00:00.000Z', null),
      pull('2026-12-01T00:00:00.000Z', null),
    ]);
    expect(spans.map(span => [span.from, span.to, span.pulls])).toEqual([
      ['2026-12-04T00:00:00.000Z', '2026-12-04T00:00:00.000Z', 1],
      ['2026-12-03T00:00:00.000Z', '2026-12-03T00:00:00.000Z', 1],
      ['2026-12-01T00:00:00.000Z', '2026-12-02T00:00:00.000Z', 2],
    ]);
  });
});
