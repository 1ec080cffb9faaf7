import { Entity } from '@backstage/catalog-model';
import { ReadinessFacts, runReadinessChecks } from './checks';
import { DEFAULT_READINESS_POLICY, readinessPolicy } from './policy';
import { simulateLeave } from './simulation';
import type { KnowledgeReport, KnowledgeRunbook } from './types';

const NOW = '2026-11-24T00:00:00.000Z';
const daysAgo = (days: number) =>
  new Date(Date.parse(NOW) - days * 86_400_000).toISOString();
const RUNBOOK = 'https://github.com/acme/shop/blob/main/docs/runbook.md';

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'shop', namespace: 'default', annotations },
    spec: { owner: 'group:default/team' },
  };
}

function runbook(changedDaysAgo: number): KnowledgeRunbook {
  const aiko = { name: 'Aiko T', userRef: 'user:default/aiko', changes: 3 };
  const ben = { name: 'ben', userRef: null, changes: 1 };
  return {
    url: RUNBOOK,
    repository: 'https://github.com/acme/shop.git',
    path: 'docs/runbook.md',
    lastChangedAt: daysAgo(changedDaysAgo),
    lastChangedBy: [aiko, ben],
    changedBy: [aiko, ben],
  };
}

function knowledge(extra: Partial<KnowledgeReport> = {}): KnowledgeReport {
  return {
    entityRef: 'component:default/shop',
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
    ...extra,
  };
}

function facts(
  annotations: Record<string, string>,
  history?: KnowledgeRunbook,
): ReadinessFacts {
  return {
    now: NOW,
    entity: entity(annotations),
    owner: {
      ref: 'group:default/team',
      kind: 'group',
      members: ['user:default/aiko', 'user:default/farid'],
    },
    names: {
      'user:default/aiko': 'Aiko Tanaka',
      'user:default/farid': 'Farid Haddad',
    },
    knowledge: knowledge(history ? { runbook: history } : {}),
    accessResources: [],
  };
}

const runbookCheck = (f: ReadinessFacts, policy = DEFAULT_READINESS_POLICY) =>
  runReadinessChecks(f, policy).find(c => c.id === 'runbook')!;

describe('the runbook check with freshness', () => {
  it('passes on a runbook the history shows changed within the window, naming when and who', () => {
    const check = runbookCheck(
      facts({ 'baton.dev/runbook': RUNBOOK }, runbook(40)),
    );
    expect(check).toMatchObject({
      status: 'pass',
      reasonCode: 'runbookFresh',
      reasonParams: {
        path: 'docs/runbook.md',
        date: daysAgo(40).slice(0, 10),
        days: 40,
        people: 'Aiko Tanaka, ben',
        maxAgeDays: 180,
      },
    });
    expect(check.reason).toBe(
      `Runbook docs/runbook.md last changed ${daysAgo(40).slice(
        0,
        10,
      )} (40 days ago) by Aiko Tanaka, ben.`,
    );
  });

  it('fails as stale past the policy’s runbookMaxAgeDays, and the threshold is the policy’s', () => {
    const old = facts({ 'baton.dev/runbook': RUNBOOK }, runbook(200));
    expect(runbookCheck(old)).toMatchObject({
      status: 'fail',
      reasonCode: 'runbookStale',
      reasonParams: { days: 200, people: 'Aiko Tanaka, ben' },
    });
    expect(runbookCheck(old).reason).toMatch(
      /last changed .* \(200 days ago, more than 180\) by Aiko Tanaka, ben/,
    );
    const lenient = readinessPolicy({ thresholds: { runbookMaxAgeDays: 365 } });
    expect(runbookCheck(old, lenient)).toMatchObject({
      status: 'pass',
      reasonCode: 'runbookFresh',
    });
  });

  it('ignores history recorded for another link (the annotation changed since the refresh)', () => {
    const check = runbookCheck(
      facts({ 'baton.dev/runbook': 'https://wiki.example/shop' }, runbook(400)),
    );
    expect(check).toMatchObject({
      status: 'pass',
      reasonCode: 'runbookLinked',
    });
  });

  it('reads baton.dev/runbook-reviewed and the reviewer for a runbook outside the repositories', () => {
    const wiki = 'https://wiki.example/shop';
    const reviewed = runbookCheck(
      facts({
        'baton.dev/runbook': wiki,
        'baton.dev/runbook-reviewed': daysAgo(30).slice(0, 10),
        'baton.dev/runbook-reviewer': 'user:default/farid',
      }),
    );
    expect(reviewed).toMatchObject({
      status: 'pass',
      reasonCode: 'runbookReviewed',
      reasonParams: { url: wiki, days: 30, people: 'Farid Haddad' },
    });
    const stale = runbookCheck(
      facts({
        'baton.dev/runbook': wiki,
        'baton.dev/runbook-reviewed': '2025-01-15',
        'baton.dev/runbook-reviewer': 'Someone Else',
      }),
    );
    expect(stale).toMatchObject({
      status: 'fail',
      reasonCode: 'runbookReviewStale',
      reasonParams: { date: '2025-01-15', people: 'Someone Else' },
    });
    expect(stale.reason).toMatch(/last reviewed 2025-01-15 .* by Someone Else/);
    // A short ref or a User's name finds the User; a full name is kept as written.
    for (const [reviewer, people] of [
      ['user:farid', 'Farid Haddad'],
      ['farid', 'Farid Haddad'],
      ['user:nobody', 'user:nobody'],
      ['group:default/ops', 'group:default/ops'],
    ]) {
      expect(
        runbookCheck(
          facts({
            'baton.dev/runbook': wiki,
            'baton.dev/runbook-reviewed': daysAgo(30).slice(0, 10),
            'baton.dev/runbook-reviewer': reviewer,
          }),
        ).reasonParams.people,
      ).toBe(people);
    }
    const unnamed = runbookCheck(
      facts({
        'baton.dev/runbook': wiki,
        'baton.dev/runbook-reviewed': daysAgo(2).slice(0, 10),
      }),
    );
    expect(unnamed).toMatchObject({
      status: 'pass',
      reasonCode: 'runbookReviewed',
      reasonParams: { people: '' },
    });
  });

  it('prefers the history over the review date, and fails on a review date that is no date', () => {
    const both = runbookCheck(
      facts(
        {
          'baton.dev/runbook': RUNBOOK,
          'baton.dev/runbook-reviewed': daysAgo(1).slice(0, 10),
        },
        runbook(300),
      ),
    );
    expect(both.reasonCode).toBe('runbookStale');
    expect(
      runbookCheck(
        facts({
          'baton.dev/runbook': 'https://wiki.example/shop',
          'baton.dev/runbook-reviewed': 'last spring',
        }),
      ),
    ).toMatchObject({
      status: 'fail',
      reasonCode: 'runbookReviewedInvalid',
      reasonParams: { value: 'last spring' },
    });
  });

  it('fails a link to a file the repository does not have, and reads no date from it', () => {
    const check = runbookCheck(
      facts(
        {
          'baton.dev/runbook': RUNBOOK,
          'baton.dev/runbook-reviewed': daysAgo(1).slice(0, 10),
        },
        {
          ...runbook(0),
          missing: true,
          lastChangedAt: null,
          lastChangedBy: [],
          changedBy: [],
        },
      ),
    );
    expect(check).toMatchObject({
      status: 'fail',
      reasonCode: 'runbookFileMissing',
      reasonParams: {
        path: 'docs/runbook.md',
        repository: 'https://github.com/acme/shop.git',
      },
    });
  });

  it('passes a link without any freshness evidence as declared, and says so', () => {
    const check = runbookCheck(facts({ 'baton.dev/runbook': RUNBOOK }));
    expect(check).toMatchObject({
      status: 'pass',
      reasonCode: 'runbookLinked',
    });
    expect(check.reason).toMatch(/declared, not verified/);
    expect(runbookCheck(facts({}))).toMatchObject({
      status: 'fail',
      reasonCode: 'runbookMissing',
    });
  });

  it('does not change in a leave simulation when everyone who changed the runbook is away, until the absence outlasts the window', () => {
    const fresh = facts({ 'baton.dev/runbook': RUNBOOK }, runbook(40));
    const [away] = simulateLeave(
      [fresh],
      ['user:default/aiko'],
      DEFAULT_READINESS_POLICY,
      21,
    );
    expect(away.flipped.map(f => f.id)).not.toContain('runbook');
    const [long] = simulateLeave(
      [fresh],
      ['user:default/aiko'],
      DEFAULT_READINESS_POLICY,
      150,
    );
    expect(long.flipped).toContainEqual(
      expect.objectContaining({
        id: 'runbook',
        before: 'pass',
        after: 'fail',
        reasonCode: 'runbookStale',
      }),
    );
  });
});

describe('the runbook check’s evidence', () => {
  const WIKI = 'https://wiki.example/shop-runbook';

  it('gives the runbook’s last change and who made it, from the repository history', () => {
    expect(
      runbookCheck(facts({ 'baton.dev/runbook': RUNBOOK }, runbook(40)))
        .evidence,
    ).toEqual([
      {
        kind: 'runbook',
        url: RUNBOOK,
        path: 'docs/runbook.md',
        lastChangedAt: daysAgo(40),
        lastChangedBy: [
          { userRef: 'user:default/aiko', name: 'Aiko Tanaka' },
          { userRef: null, name: 'ben' },
        ],
      },
    ]);
    // A link to a file the repository lacks: the link, no change.
    expect(
      runbookCheck(
        facts(
          { 'baton.dev/runbook': RUNBOOK },
          { ...runbook(40), missing: true },
        ),
      ),
    ).toMatchObject({
      status: 'fail',
      evidence: [
        {
          kind: 'runbook',
          url: RUNBOOK,
          path: 'docs/runbook.md',
          lastChangedAt: null,
          lastChangedBy: [],
        },
      ],
    });
  });

  it('gives the review date and reviewer of a runbook outside the repositories', () => {
    const evidence = (annotations: Record<string, string>) =>
      runbookCheck(facts({ 'baton.dev/runbook': WIKI, ...annotations }))
        .evidence;
    expect(
      evidence({
        'baton.dev/runbook-reviewed': '2026-10-01',
        'baton.dev/runbook-reviewer': 'aiko',
      }),
    ).toEqual([
      {
        kind: 'runbook',
        url: WIKI,
        lastChangedAt: null,
        lastChangedBy: [],
        reviewedAt: '2026-10-01',
        reviewer: { userRef: 'user:default/aiko', name: 'Aiko Tanaka' },
      },
    ]);
    // A reviewer who is no User is shown as written.
    expect(
      evidence({
        'baton.dev/runbook-reviewed': '2026-10-01',
        'baton.dev/runbook-reviewer': 'Ops contractor',
      })?.[0],
    ).toMatchObject({ reviewer: { userRef: null, name: 'Ops contractor' } });
    // No date, or no date that parses: the link alone.
    const linkOnly = [
      { kind: 'runbook', url: WIKI, lastChangedAt: null, lastChangedBy: [] },
    ];
    expect(evidence({})).toEqual(linkOnly);
    expect(evidence({ 'baton.dev/runbook-reviewed': 'last week' })).toEqual(
      linkOnly,
    );
    // No runbook linked: no evidence.
    expect(runbookCheck(facts({}))).not.toHaveProperty('evidence');
  });
});
