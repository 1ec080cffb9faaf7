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
import type { ReadinessCheck, ReadinessReport } from '@baton/plugin-sre-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { entityBackupsCard } from '../alpha';
import { sreApiRef, type SreApi } from '../api/SreApi';
import { EntityReadyForLeaveCard } from '../readiness/EntityReadyForLeaveCard';
import { backendError } from '../__testUtils__/backendError';
import {
  backupsResponse,
  crossAccountMissingResource,
  neverRestoredResource,
  verifiedResource,
} from '../__testUtils__/backupFixtures';
import { renderForEntity } from '../__testUtils__/renderForEntity';
import { EntityBackupsCard } from './EntityBackupsCard';

function entity(kind = 'Resource', name = 'orders-db'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name },
    spec: { type: 'database', owner: 'team-a', lifecycle: 'production' },
  };
}

const renderCard = (
  sreApi: Partial<SreApi>,
  target = entity(),
  language = 'en',
) =>
  renderForEntity(<EntityBackupsCard />, { entity: target, sreApi, language });

/** A protected resource of the list, by its name. */
const resource = (name: string, label = 'Protected resources') =>
  within(screen.getByRole('list', { name: label })).getByRole('listitem', {
    name,
  });
/** The chips of a resource, in order. */
const chips = (
  name: string,
  label = 'What the evidence shows',
  listLabel?: string,
) =>
  within(within(resource(name, listLabel)).getByRole('list', { name: label }))
    .getAllByRole('listitem')
    .map(chip => chip.textContent);
/** The hover text of a chip of a resource. */
const chipHelp = (name: string, chip: string) =>
  within(resource(name))
    .getByText(chip)
    .closest('[title]')
    ?.getAttribute('title');
/** The text of an evidence line of a resource, by its label. */
const line = (name: string, label: string) =>
  within(resource(name)).getByText(`${label}:`, { exact: false }).closest('p')
    ?.textContent;

describe('EntityBackupsCard', () => {
  it('asks for the entity’s backups and shows a verified resource: both copies within the window and a restore test', async () => {
    const getBackups = jest
      .fn()
      .mockResolvedValue(backupsResponse([verifiedResource]));
    await renderCard({ getBackups });

    await screen.findByText('storefront-sessions');
    expect(getBackups).toHaveBeenCalledWith('resource:default/orders-db');
    expect(
      screen.getByText(
        'A copy counts within 7 days · resources tagged service=orders-db',
      ),
    ).toBeInTheDocument();
    const name = 'storefront-sessions';
    expect(resource(name)).toHaveTextContent(
      'DynamoDB · account 123456789012 · ap-northeast-1',
    );
    expect(chips(name)).toEqual([
      'Cross-region verified',
      'Cross-account verified',
      'Restore tested',
    ]);
    expect(chipHelp(name, 'Cross-account verified')).toBe(
      'A copy to account 210987654321 completed Dec 3, 2026, within 7 days.',
    );
    expect(line(name, 'Copy to another region')).toMatch(
      /^Copy to another region: Dec [34], 2026, .+ to ap-northeast-3, account 210987654321$/,
    );
    expect(line(name, 'Copy to another account')).toMatch(
      /to ap-northeast-3, account 210987654321$/,
    );
    expect(line(name, 'Last restore')).toMatch(
      /^Last restore: Nov 2[89], 2026, .+ · restore testing · completed, validation successful$/,
    );
    expect(within(resource(name)).queryByText(/Failing copy/)).toBeNull();
    expect(
      within(resource(name)).queryByText(/own account and region/),
    ).toBeNull();
    expect(resource(name)).toHaveTextContent(
      /Seen by aws-backup-123456789012 on Dec [34], 2026, .+; matched by its tags/,
    );
  });

  it('shows a resource copied to another region but not to another account, with its failing copy job and its message', async () => {
    await renderCard({
      getBackups: jest
        .fn()
        .mockResolvedValue(backupsResponse([crossAccountMissingResource])),
    });
    const name = 'orders-db';
    await screen.findByText(name);
    expect(chips(name)).toEqual([
      'Cross-region verified',
      'No cross-account copy',
      'Copy failing',
      'Restored by hand',
    ]);
    expect(chipHelp(name, 'No cross-account copy')).toBe(
      'No completed copy to a vault in another account is known.',
    );
    expect(chipHelp(name, 'Copy failing')).toBe(
      'The latest copy job to ap-northeast-1, account 210987654321 failed, and none completed since.',
    );
    expect(line(name, 'Copy to another region')).toMatch(
      /to ap-northeast-3, account 123456789012$/,
    );
    expect(line(name, 'Copy to another account')).toBe(
      'Copy to another account: none',
    );
    expect(line(name, 'Failing copy')).toMatch(
      /^Failing copy: to ap-northeast-1, account 210987654321, Dec [34], 2026, .+: failed — Access denied to the destination vault$/,
    );
    expect(line(name, 'Last restore')).toMatch(/ · by hand · completed$/);
    expect(resource(name)).toHaveTextContent(/; listed by ARN$/);
  });

  it('shows a bucket never restore-tested, copied only within its own account and region, with a failed backup after the last good one', async () => {
    await renderCard({
      getBackups: jest
        .fn()
        .mockResolvedValue(
          backupsResponse([verifiedResource, neverRestoredResource]),
        ),
    });
    // No resource name from the source: the ARN's last part, the ARN on hover.
    const name = 'hanamori-media';
    await screen.findByText(name);
    expect(
      screen
        .getAllByRole('listitem')
        .filter(item => item.getAttribute('aria-label'))
        .map(item => item.getAttribute('aria-label')),
    ).toEqual(['storefront-sessions', 'hanamori-media']);
    expect(
      within(resource(name)).getByText(name).closest('[title]'),
    ).toHaveAttribute('title', 'arn:aws:s3:::hanamori-media');
    expect(chips(name)).toEqual([
      'No cross-region copy',
      'No cross-account copy',
      'Never restore-tested',
    ]);
    expect(chipHelp(name, 'Never restore-tested')).toBe(
      'No restore of its recovery points is known: nothing shows these backups can be restored.',
    );
    expect(line(name, 'Last restore')).toBe('Last restore: never');
    // The copy to a vault beside it is shown, and why it does not count.
    expect(line(name, 'Copy within its own account and region')).toMatch(
      /^Copy within its own account and region: Nov 20, 2026, .+ to ap-northeast-1, account 123456789012 \(counts as neither\)$/,
    );
    expect(line(name, 'Last failed backup')).toMatch(
      /: failed — Bucket versioning is disabled$/,
    );
  });

  it('says a copy is too old when the last one is outside the window, and a failed restore test', async () => {
    const oldCopy = {
      ...verifiedResource.copies[0],
      at: '2026-11-01T18:31:00.000Z',
    };
    await renderCard({
      getBackups: jest.fn().mockResolvedValue(
        backupsResponse([
          {
            ...verifiedResource,
            crossRegion: { lastCopy: oldCopy, verified: false },
            crossAccount: { lastCopy: oldCopy, verified: false },
            lastRestore: {
              ...verifiedResource.lastRestore!,
              validationStatus: 'FAILED',
            },
          },
        ]),
      ),
    });
    const name = 'storefront-sessions';
    await screen.findByText(name);
    expect(chips(name)).toEqual([
      'Cross-region copy too old',
      'Cross-account copy too old',
      'Restore failed',
    ]);
    expect(chipHelp(name, 'Cross-region copy too old')).toBe(
      'The last copy to another region (ap-northeast-3) completed Nov 1, 2026, more than 7 days ago.',
    );
    expect(line(name, 'Last restore')).toMatch(/completed, validation failed$/);
  });

  it('explains the rule with the backend’s window', async () => {
    await renderCard({
      getBackups: jest
        .fn()
        .mockResolvedValue(
          backupsResponse([verifiedResource], { copyMaxAgeDays: 14 }),
        ),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Why?' }));
    expect(
      screen.getByText(
        /^A copy counts when its copy job completed within the last 14 days\./,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'This entity’s resources: tagged service=orders-db, or listed by ARN in baton.dev/backup-resources.',
      ),
    ).toBeInTheDocument();
  });

  it('says which module to install and which annotations map resources when no backup source is set up', async () => {
    await renderCard({
      getBackups: jest
        .fn()
        .mockResolvedValue(backupsResponse([], { collected: false })),
    });
    expect(
      await screen.findByText('No backup source is set up in this portal'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /such as @baton\/plugin-sre-backend-module-aws-backup\. It will find this entity’s resources by the tag service=orders-db \(other tags with the annotation baton\.dev\/backup-selector\) and by the ARNs listed in baton\.dev\/backup-resources\./,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/A copy counts within/)).toBeNull();
  });

  it('says no protected resource maps to the entity, and how to map one', async () => {
    await renderCard({
      getBackups: jest
        .fn()
        .mockResolvedValue(
          backupsResponse([], { selector: 'app=orders,env=production' }),
        ),
    });
    expect(
      await screen.findByText('No protected resource maps to this entity'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /^The backup sources protect no resource tagged app=orders,env=production or listed in baton\.dev\/backup-resources\./,
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('list', { name: 'Protected resources' }),
    ).toBeNull();
  });

  it('shows errors', async () => {
    await renderCard({
      getBackups: jest
        .fn()
        .mockImplementation(() =>
          backendError(
            404,
            'NotFoundError',
            'No entity resource:default/orders-db in the catalog',
          ).then(e => Promise.reject(e)),
        ),
    });
    expect(
      (await screen.findAllByText(/No entity resource:default\/orders-db/))
        .length,
    ).toBeGreaterThan(0);
  });

  it('shows progress while loading', async () => {
    await renderCard({
      getBackups: jest.fn().mockReturnValue(new Promise(() => {})),
    });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('says a kind without backups of its own has none, without asking', async () => {
    const getBackups = jest.fn();
    await renderCard({ getBackups }, entity('System', 'shop'));
    expect(
      await screen.findByText('No backups for this kind of entity'),
    ).toBeInTheDocument();
    expect(getBackups).not.toHaveBeenCalled();
  });

  it('speaks Japanese', async () => {
    await renderCard(
      {
        getBackups: jest
          .fn()
          .mockResolvedValue(backupsResponse([crossAccountMissingResource])),
      },
      entity(),
      'ja',
    );
    const name = 'orders-db';
    await screen.findByText(name);
    expect(chips(name, '証跡からわかること', '保護対象リソース')).toEqual([
      '別リージョン検証済み',
      '別アカウントのコピーなし',
      'コピー失敗中',
      '手動で復元済み',
    ]);
    expect(screen.getByText('バックアップ')).toBeInTheDocument();
  });
});

describe('the entity-card:sre/backups extension', () => {
  it('shows on components and resources only', () => {
    const filter = createExtensionTester(entityBackupsCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    );
    expect(filter).toBeDefined();
    expect(filter!(entity('Component'))).toBe(true);
    expect(filter!(entity('Resource'))).toBe(true);
    expect(filter!(entity('System'))).toBe(false);
    expect(filter!(entity('Group'))).toBe(false);
  });
});

describe('the Ready for leave card’s backups check', () => {
  const backupsCheck: ReadinessCheck = {
    id: 'backups',
    title: 'Backups copied to another region and another account',
    category: 'practice',
    status: 'fail',
    reason:
      'Copied to another region, but not to another account within 7 days: orders-db.',
    reasonCode: 'backupCrossAccountMissing',
    reasonParams: { count: 1, days: 7, resources: 'orders-db' },
    fix: 'Copy backups to another region and another account.',
    weight: 2,
    critical: true,
  };
  const readiness: ReadinessReport = {
    entityRef: 'resource:default/orders-db',
    score: 0,
    level: 'at-risk',
    levelReason: 'Critical checks not passing: backups.',
    levelReasonCode: 'criticalGaps',
    levelReasonParams: { score: 0, readyScore: 80, checks: 'backups' },
    levelReasonParts: [],
    checks: [backupsCheck],
    known: 1,
    truckFactor: null,
    knowledge: [],
    knowledgeHolderDays: 180,
    trend: [],
    rule: 'Score = weighted share of passed checks …',
  };

  it('links to the Backups card on the same page', async () => {
    await renderInTestApp(
      <EntityProvider entity={entity()}>
        <EntityReadyForLeaveCard />
      </EntityProvider>,
      {
        apis: [[sreApiRef, { getReadiness: async () => readiness }]],
        // The drill checks' link to the team needs the entity route.
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    const item = (
      await screen.findByText(
        'Backups copied to another region and another account (critical)',
      )
    ).closest('li')!;
    expect(item).toHaveTextContent(
      'Copied to another region, but not to another account within 7 days: orders-db.',
    );
    expect(
      within(item).getByRole('link', { name: 'See Backups' }),
    ).toHaveAttribute('href', '/#baton-backups');
  });
});
