import {
  type ChangeItem,
  type ChangeListResponse,
  DEFAULT_CHANGE_POLICY,
  summarizeChanges,
  type TeamChangesResponse,
} from '@baton/plugin-sre-common';

const ENTITY_REF = 'component:default/inventory-sync';

/** A late-night Terraform apply on inventory-sync by Farid alone, no procedure, followed by an alert. */
export function soloChange(overrides: Partial<ChangeItem> = {}): ChangeItem {
  return {
    id: 'c1',
    source: 'cli',
    externalId: 'run-1',
    entityRefs: [ENTITY_REF],
    kind: 'terraform-apply',
    environment: 'production',
    title: 'Resize the inventory queue',
    startedAt: '2026-11-26T14:30:00.000Z',
    finishedAt: '2026-11-26T14:42:00.000Z',
    outcome: 'succeeded',
    operators: [
      { kind: 'name', value: 'farid', userRef: 'user:default/farid' },
    ],
    pairs: [],
    terraform: {
      workspace: 'acme/inventory-prod',
      plan: { add: 2, change: 1, destroy: 0 },
      applySeconds: 540,
    },
    links: [{ title: 'Terraform run', url: 'https://app.terraform.io/run-1' }],
    findings: [
      'solo',
      'unreviewed-procedure',
      'off-hours',
      'followed-by-alerts',
    ],
    alertsAfter: [
      {
        id: 'a1',
        title: 'Inventory sync lag high',
        startsAt: '2026-11-26T15:05:00.000Z',
        entityRef: ENTITY_REF,
      },
    ],
    ...overrides,
  };
}

/** A daytime deploy by Aiko with Bob (unknown to the catalog), its procedure reviewed by Chen. */
export function pairedChange(overrides: Partial<ChangeItem> = {}): ChangeItem {
  return {
    id: 'c2',
    source: 'github',
    externalId: 'run-2',
    entityRefs: [ENTITY_REF],
    kind: 'deploy',
    environment: 'production',
    title: 'Deploy v2.4.0',
    startedAt: '2026-11-20T02:00:00.000Z',
    finishedAt: '2026-11-20T02:10:00.000Z',
    outcome: 'failed',
    operators: [
      {
        kind: 'github-login',
        value: 'aiko-t',
        userRef: 'user:default/aiko.tanaka',
      },
    ],
    pairs: [{ kind: 'github-login', value: 'bob-ext', userRef: null }],
    procedure: {
      url: 'https://github.com/acme/inventory-sync/pull/42',
      authors: [
        {
          kind: 'github-login',
          value: 'aiko-t',
          userRef: 'user:default/aiko.tanaka',
        },
      ],
      reviewers: [
        { kind: 'github-login', value: 'chen', userRef: 'user:default/chen' },
      ],
    },
    findings: [],
    alertsAfter: [],
    ...overrides,
  };
}

/** The entity's changes, newest first, with the counts the backend makes of them and Tokyo's working hours. */
export function changeList(
  items: ChangeItem[] = [soloChange(), pairedChange()],
  overrides: Partial<ChangeListResponse> = {},
): ChangeListResponse {
  return {
    entityRef: ENTITY_REF,
    from: '2026-11-04T12:00:00.000Z',
    to: '2026-12-04T12:00:00.000Z',
    items,
    summary: summarizeChanges(items),
    policy: {
      workingHours: {
        timeZone: 'Asia/Tokyo',
        days: [1, 2, 3, 4, 5],
        start: '09:00',
        end: '18:00',
        holidays: ['2026-11-23'],
      },
      alertWindowMinutes: DEFAULT_CHANGE_POLICY.alertWindowMinutes,
    },
    ...overrides,
  };
}

/** The team's changes: Farid operated alone, Aiko with a pair, Bob unmatched; one workspace's applies getting slower. */
export function teamChanges(
  overrides: Partial<TeamChangesResponse> = {},
): TeamChangesResponse {
  const items = [soloChange(), pairedChange()];
  return {
    teamRef: 'group:default/team-inventory',
    from: '2026-11-04T12:00:00.000Z',
    to: '2026-12-04T12:00:00.000Z',
    summary: summarizeChanges(items),
    people: [
      {
        person: 'user:default/farid',
        userRef: 'user:default/farid',
        operated: 5,
        operatedPaired: 1,
        pairedOn: 0,
        offHours: 3,
      },
      {
        person: 'user:default/aiko.tanaka',
        userRef: 'user:default/aiko.tanaka',
        operated: 2,
        operatedPaired: 2,
        pairedOn: 4,
        offHours: 0,
      },
      {
        person: 'github-login:bob-ext',
        userRef: null,
        operated: 0,
        operatedPaired: 0,
        pairedOn: 1,
        offHours: 0,
      },
    ],
    solo: [soloChange()],
    applyTrends: [
      {
        workspace: 'acme/infra-prod',
        applies: [
          { startedAt: '2026-10-01T01:00:00.000Z', applySeconds: 300 },
          { startedAt: '2026-10-15T01:00:00.000Z', applySeconds: 320 },
          { startedAt: '2026-11-01T01:00:00.000Z', applySeconds: 420 },
          { startedAt: '2026-11-20T01:00:00.000Z', applySeconds: 480 },
        ],
        earlierMedianSeconds: 310,
        laterMedianSeconds: 450,
        risePercent: 45.2,
        rising: true,
      },
      {
        workspace: 'acme/inventory-prod',
        applies: [{ startedAt: '2026-11-26T14:30:00.000Z', applySeconds: 540 }],
        earlierMedianSeconds: null,
        laterMedianSeconds: null,
        risePercent: null,
        rising: false,
      },
    ],
    ...overrides,
  };
}
