import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  DEFAULT_READINESS_POLICY,
  evaluateReadiness,
  ReadinessFacts,
} from '@baton/plugin-sre-common';
import { screen, within } from '@testing-library/react';
import { sreApiRef } from '../api/SreApi';
import { EntityReadyForLeaveCard } from './EntityReadyForLeaveCard';

const NOW = '2026-12-04T12:00:00.000Z';
const RUNBOOK = 'https://github.com/acme/shop/blob/main/docs/runbook.md';
const AIKO = 'user:default/aiko';
const FARID = 'user:default/farid';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'orders',
    namespace: 'default',
    annotations: { 'baton.dev/runbook': RUNBOOK },
  },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/team-a' }],
};

/** orders-db copied cross-region but not cross-account, its copy to the other account failing; one restore drill, by Farid; a runbook kept in git. */
const facts: ReadinessFacts = {
  now: NOW,
  entity,
  owner: { ref: 'group:default/team-a', kind: 'group', members: [AIKO] },
  names: { [AIKO]: 'Aiko Tanaka', [FARID]: 'Farid Haddad' },
  accessResources: [],
  backups: {
    resources: [
      {
        name: 'orders-db',
        crossRegionCopyAt: '2026-12-03T12:00:00.000Z',
        crossRegionCopyTo: {
          region: 'ap-northeast-3',
          accountId: '111111111111',
        },
        crossAccountCopyAt: null,
        failedCopyAt: '2026-12-02T12:00:00.000Z',
        failedCopyTo: { region: 'ap-northeast-1', accountId: '222222222222' },
        pulledAt: NOW,
        lastRestore: {
          at: '2026-11-10T12:00:00.000Z',
          state: 'COMPLETED',
          restoreTesting: true,
        },
        viaEntityRef: 'resource:default/orders-db',
      },
    ],
  },
  drills: [
    {
      id: 'd1',
      title: 'Restore orders-db into staging',
      scenario: 'restore-from-backup',
      performedAt: '2026-11-20T12:00:00.000Z',
      participants: [FARID],
      outcome: 'partly-succeeded',
      teamRef: 'group:default/team-b',
    },
  ],
  knowledge: {
    entityRef: 'component:default/orders',
    computedAt: NOW,
    status: 'ok',
    repositories: [{ location: 'https://github.com/acme/shop.git' }],
    truckFactor: 1,
    fileCount: 1,
    filesWithoutAuthor: 0,
    mode: 'pairing',
    truckFactorAuthors: [],
    people: [],
    authorSets: [],
    iacFiles: 0,
    rule: '',
    runbook: {
      url: RUNBOOK,
      repository: 'https://github.com/acme/shop.git',
      path: 'docs/runbook.md',
      lastChangedAt: '2026-10-01T12:00:00.000Z',
      lastChangedBy: [
        { name: 'Aiko T', userRef: AIKO, changes: 3 },
        { name: 'ben', userRef: null, changes: 1 },
      ],
      changedBy: [],
    },
  },
};

async function renderCard(
  language: 'en' | 'ja',
  cardFacts: ReadinessFacts = facts,
) {
  await renderInTestApp(
    <EntityProvider entity={entity}>
      <EntityReadyForLeaveCard />
    </EntityProvider>,
    {
      apis: [
        [
          sreApiRef,
          {
            getReadiness: async () => ({
              ...evaluateReadiness(cardFacts, DEFAULT_READINESS_POLICY),
              trend: [],
            }),
          },
        ],
        mockApis.appLanguage({
          defaultLanguage: language,
          availableLanguages: ['en', 'ja'],
        }),
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

/** The list item of a check, found by its title. */
async function checkItem(title: string | RegExp) {
  return (await screen.findByText(title)).closest('li')!;
}

describe('the evidence under the Ready for leave card’s checks', () => {
  it('shows each protected resource’s copies with their destinations, the failing copy and the last restore', async () => {
    await renderCard('en');
    const item = await checkItem(
      'Backups copied to another region and another account (critical)',
    );
    const evidence = within(item).getByRole('list', { name: 'Evidence' });
    expect(evidence).toHaveTextContent(
      'Copy to another region: Dec 3, 2026 to ap-northeast-3, account 111111111111',
    );
    expect(evidence).toHaveTextContent('Copy to another account: none');
    expect(evidence).toHaveTextContent(
      'Failing copy: Dec 2, 2026 to ap-northeast-1, account 222222222222',
    );
    expect(evidence).toHaveTextContent(
      'Last restore: Nov 10, 2026 · restore testing · completed',
    );
    // The evidence comes through the database's Resource entity: a link to it.
    expect(
      within(evidence).getByRole('link', { name: 'via orders-db' }),
    ).toHaveAttribute('href', '/catalog/default/resource/orders-db');
  });

  it('says so when the last restore test completed but failed its validation', async () => {
    const [resource] = facts.backups!.resources;
    await renderCard('en', {
      ...facts,
      backups: {
        resources: [
          {
            ...resource,
            lastRestore: {
              ...resource.lastRestore!,
              validationStatus: 'FAILED',
            },
          },
        ],
      },
    });
    const item = await checkItem(
      'Backups copied to another region and another account (critical)',
    );
    expect(
      within(item).getByRole('list', { name: 'Evidence' }),
    ).toHaveTextContent(
      'Last restore: Nov 10, 2026 · restore testing · completed, validation failed',
    );
  });

  it('shows the drills with who took part, linked to the team that recorded them', async () => {
    await renderCard('en');
    for (const title of [
      'A recent recovery drill',
      'Restores practised by the team',
    ]) {
      const evidence = within(await checkItem(title)).getByRole('list', {
        name: 'Evidence',
      });
      expect(evidence).toHaveTextContent(
        'Restore from backup, Nov 20, 2026: Partly succeeded',
      );
      expect(evidence).toHaveTextContent('Took part: Farid Haddad');
      expect(
        within(evidence).getByRole('link', {
          name: 'Restore orders-db into staging',
        }),
      ).toHaveAttribute('href', '/catalog/default/group/team-b/drills');
    }
  });

  it('shows the runbook’s last change and who made it, with a link to the runbook', async () => {
    await renderCard('en');
    const evidence = within(await checkItem(/^A runbook/)).getByRole('list', {
      name: 'Evidence',
    });
    expect(evidence).toHaveTextContent(
      'Last changed Oct 1, 2026 by Aiko Tanaka and ben',
    );
    const link = within(evidence).getByRole('link', {
      name: 'docs/runbook.md',
    });
    expect(link).toHaveAttribute('href', RUNBOOK);
    expect(link).toHaveAttribute('target', '_blank');
  });

  it('shows the evidence in Japanese', async () => {
    await renderCard('ja');
    const lists = await screen.findAllByRole('list', { name: '根拠' });
    // Backups, the drill, restores practised, the runbook.
    expect(lists).toHaveLength(4);
    const text = lists.map(list => list.textContent).join('\n');
    expect(text).toContain('orders-db 経由');
    expect(text).toContain('最終更新');
    expect(text).not.toMatch(/\bvia\b|Last changed|Took part|Copy to another/);
  });

  it('shows no evidence list under checks that read no records', async () => {
    await renderCard('en');
    const item = await checkItem(/^Owned by a team/);
    expect(within(item).queryByRole('list', { name: 'Evidence' })).toBeNull();
  });
});
