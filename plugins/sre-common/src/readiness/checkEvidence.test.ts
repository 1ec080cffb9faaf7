import { Entity } from '@backstage/catalog-model';
import { ReadinessFacts, runReadinessChecks } from './checks';
import { DEFAULT_READINESS_POLICY } from './policy';
import type { ReadinessCheckId } from './types';

const NOW = '2026-11-24T00:00:00.000Z';
const daysAgo = (days: number) =>
  new Date(Date.parse(NOW) - days * 86_400_000).toISOString();
const AIKO = 'user:default/aiko';
const FARID = 'user:default/farid';

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'shop', namespace: 'default', annotations },
    spec: { owner: 'group:default/team' },
  };
}

function facts(overrides: Partial<ReadinessFacts> = {}): ReadinessFacts {
  return {
    now: NOW,
    entity: entity({ 'baton.dev/backups': 'cross-region,cross-account' }),
    owner: { ref: 'group:default/team', kind: 'group', members: [AIKO] },
    names: { [AIKO]: 'Aiko Tanaka', [FARID]: 'Farid Haddad' },
    accessResources: [],
    ...overrides,
  };
}

const check = (f: ReadinessFacts, id: ReadinessCheckId) =>
  runReadinessChecks(f, DEFAULT_READINESS_POLICY).find(c => c.id === id)!;

const EVIDENCE_CHECKS: ReadinessCheckId[] = [
  'backups',
  'drill',
  'restore-practised',
  'runbook',
];

describe('the evidence behind the checks', () => {
  it('is absent when there is nothing recorded', () => {
    const checks = runReadinessChecks(facts(), DEFAULT_READINESS_POLICY);
    for (const id of EVIDENCE_CHECKS) {
      expect(checks.find(c => c.id === id)).not.toHaveProperty('evidence');
    }
    // (The runbook's evidence is tested with its freshness.)
    // Sources that have pulled and found nothing: still no evidence to show.
    const empty = facts({ backups: { resources: [] }, drills: [] });
    expect(check(empty, 'backups')).not.toHaveProperty('evidence');
    expect(check(empty, 'drill')).not.toHaveProperty('evidence');
    expect(check(empty, 'restore-practised')).not.toHaveProperty('evidence');
    // Checks that read no records never carry any.
    expect(
      runReadinessChecks(empty, DEFAULT_READINESS_POLICY)
        .filter(c => !EVIDENCE_CHECKS.includes(c.id))
        .every(c => c.evidence === undefined),
    ).toBe(true);
  });

  it('lists each protected resource with its copies, their destinations, a failed copy and the last restore', () => {
    const backups = check(
      facts({
        backups: {
          resources: [
            {
              name: 'orders-db',
              crossRegionCopyAt: daysAgo(1),
              crossRegionCopyTo: {
                region: 'ap-northeast-3',
                accountId: '111111111111',
              },
              crossAccountCopyAt: null,
              failedCopyAt: daysAgo(2),
              failedCopyTo: {
                region: 'ap-northeast-1',
                accountId: '222222222222',
              },
              pulledAt: daysAgo(0),
              lastRestore: {
                at: daysAgo(20),
                state: 'COMPLETED',
                restoreTesting: true,
              },
              viaEntityRef: 'resource:default/orders-db',
            },
            {
              name: 'media',
              crossRegionCopyAt: null,
              crossAccountCopyAt: null,
              failedCopyAt: null,
              lastRestore: null,
            },
          ],
        },
      }),
      'backups',
    );
    expect(backups.status).toBe('fail');
    expect(backups.evidence).toEqual([
      {
        kind: 'backup-resource',
        name: 'orders-db',
        crossRegionCopyAt: daysAgo(1),
        crossRegionCopyTo: {
          region: 'ap-northeast-3',
          accountId: '111111111111',
        },
        crossAccountCopyAt: null,
        failedCopyAt: daysAgo(2),
        failedCopyTo: { region: 'ap-northeast-1', accountId: '222222222222' },
        lastRestore: {
          at: daysAgo(20),
          state: 'COMPLETED',
          restoreTesting: true,
        },
        viaEntityRef: 'resource:default/orders-db',
      },
      {
        kind: 'backup-resource',
        name: 'media',
        crossRegionCopyAt: null,
        crossAccountCopyAt: null,
        failedCopyAt: null,
        lastRestore: null,
      },
    ]);
  });

  it('shows the last drill, and the restore drills the team practised within the window', () => {
    const drills: NonNullable<ReadinessFacts['drills']> = [
      {
        id: 'd3',
        title: 'Fail over to Osaka',
        scenario: 'region-failover',
        performedAt: daysAgo(5),
        participants: [AIKO],
        outcome: 'partly-succeeded',
        teamRef: 'group:default/team',
      },
      {
        id: 'd2',
        scenario: 'restore-from-backup',
        performedAt: daysAgo(30),
        participants: [FARID, 'user:default/nobody'],
        outcome: 'succeeded',
        teamRef: 'group:default/team',
        viaEntityRef: 'resource:default/orders-db',
      },
      {
        id: 'd1',
        scenario: 'restore-from-backup',
        performedAt: daysAgo(400),
        participants: [AIKO],
        outcome: 'failed',
      },
    ];
    const f = facts({ drills });
    expect(check(f, 'drill').evidence).toEqual([
      {
        kind: 'drill',
        drillId: 'd3',
        title: 'Fail over to Osaka',
        scenario: 'region-failover',
        at: daysAgo(5),
        participants: [{ userRef: AIKO, name: 'Aiko Tanaka' }],
        outcome: 'partly-succeeded',
        teamRef: 'group:default/team',
      },
    ]);
    // The failover is no restore, and 400 days is outside the window (365).
    const restore = check(f, 'restore-practised');
    expect(restore.status).toBe('fail');
    expect(restore.evidence).toEqual([
      {
        kind: 'drill',
        drillId: 'd2',
        scenario: 'restore-from-backup',
        at: daysAgo(30),
        // Someone the catalog does not name is shown by ref.
        participants: [
          { userRef: FARID, name: 'Farid Haddad' },
          { userRef: 'user:default/nobody', name: 'user:default/nobody' },
        ],
        outcome: 'succeeded',
        teamRef: 'group:default/team',
        viaEntityRef: 'resource:default/orders-db',
      },
    ]);
  });

  it('lists at most three restore drills, the newest', () => {
    const drills = [1, 2, 3, 4].map(days => ({
      id: `d${days}`,
      scenario: 'restore-from-backup' as const,
      performedAt: daysAgo(days),
      participants: [AIKO],
      outcome: 'succeeded' as const,
    }));
    const evidence = check(facts({ drills }), 'restore-practised').evidence!;
    expect(
      evidence.map(item => (item.kind === 'drill' ? item.drillId : '')),
    ).toEqual(['d1', 'd2', 'd3']);
  });
});
