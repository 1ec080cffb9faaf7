import { Entity } from '@backstage/catalog-model';
import { ReadinessFacts, runReadinessChecks } from './checks';
import { DEFAULT_READINESS_POLICY, readinessPolicy } from './policy';
import { evaluateReadiness } from './score';
import { simulateLeave, soleCovers } from './simulation';
import type {
  KnowledgePerson,
  KnowledgeReport,
  ReadinessCheckId,
} from './types';

const NOW = '2026-11-24T00:00:00.000Z';
const daysAgo = (days: number) =>
  new Date(Date.parse(NOW) - days * 86_400_000).toISOString();

function person(
  name: string,
  files: number,
  lastCommitDaysAgo = 10,
): KnowledgePerson {
  return {
    name,
    emails: [`${name}@shop.example`],
    userRef: `user:default/${name}`,
    files,
    share: files / 10,
    commits: files,
    lastCommitAt: daysAgo(lastCommitDaysAgo),
  };
}

/** Knowledge where `people[i]` authors the files of the sets; truck factor as given. */
function knowledge(
  people: KnowledgePerson[],
  authorSets: KnowledgeReport['authorSets'],
  truckFactor: number,
  extra: Partial<KnowledgeReport> = {},
): KnowledgeReport {
  return {
    entityRef: 'component:default/x',
    computedAt: NOW,
    status: 'ok',
    repositories: [{ location: '/srv/git/x.git' }],
    truckFactor,
    fileCount: authorSets.reduce((sum, s) => sum + s.files, 0),
    filesWithoutAuthor: 0,
    mode: 'pairing',
    truckFactorAuthors: people.slice(0, truckFactor),
    people,
    authorSets,
    iacFiles: 0,
    rule: '',
    ...extra,
  };
}

function entity(
  name: string,
  annotations: Record<string, string> = {},
  links?: Entity['metadata']['links'],
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations, links },
    spec: { owner: 'group:default/team' },
  };
}

const wellCovered = {
  'baton.dev/runbook': 'https://runbooks.example/x',
  'baton.dev/iac': 'https://git.example/infra',
  'baton.dev/backups': 'cross-region,cross-account',
  'baton.dev/last-drill': daysAgo(30).slice(0, 10),
  'backstage.io/techdocs-ref': 'dir:.',
  'baton.dev/alert-selector': 'service=x',
};

function facts(overrides: Partial<ReadinessFacts> = {}): ReadinessFacts {
  return {
    now: NOW,
    entity: entity('x', wellCovered),
    owner: {
      ref: 'group:default/team',
      kind: 'group',
      members: ['user:default/ann', 'user:default/bo'],
    },
    knowledge: knowledge(
      [person('ann', 6), person('bo', 5)],
      [
        { people: [0], files: 5 },
        { people: [0, 1], files: 1 },
        { people: [1], files: 4 },
      ],
      2,
    ),
    accessResources: [],
    ...overrides,
  };
}

const statusOf = (f: ReadinessFacts, id: ReadinessCheckId) =>
  runReadinessChecks(f, DEFAULT_READINESS_POLICY).find(c => c.id === id)!;

describe('readiness checks', () => {
  it.each<[ReadinessCheckId, Partial<ReadinessFacts>, string, RegExp]>([
    ['truck-factor', {}, 'pass', /Truck factor 2 over 10 files \(ann, bo\)/],
    [
      'truck-factor',
      {
        knowledge: knowledge(
          [person('ann', 10)],
          [{ people: [0], files: 10 }],
          1,
        ),
      },
      'fail',
      /Truck factor 1/,
    ],
    [
      'truck-factor',
      { knowledge: undefined },
      'unknown',
      /No repository history/,
    ],
    [
      'truck-factor',
      {
        knowledge: knowledge([], [], 0, {
          status: 'error',
          error: { message: 'clone failed' },
          truckFactor: null,
        }),
      },
      'unknown',
      /could not be read: clone failed/,
    ],
    ['recent-committers', {}, 'pass', /2 people committed in the last 90 days/],
    [
      'recent-committers',
      {
        knowledge: knowledge(
          [person('ann', 6), person('bo', 5, 200)],
          [{ people: [0, 1], files: 10 }],
          2,
        ),
      },
      'fail',
      /1 people committed in the last 90 days \(ann\)/,
    ],
    ['owner-group', {}, 'pass', /has 2 members/],
    [
      'owner-group',
      {
        owner: {
          ref: 'user:default/ann',
          kind: 'user',
          members: ['user:default/ann'],
        },
      },
      'fail',
      /Owned by one person/,
    ],
    [
      'owner-group',
      { owner: { ref: 'group:default/ghost', kind: 'missing', members: [] } },
      'fail',
      /not in the catalog/,
    ],
    ['alert-responders', {}, 'unknown', /No alert history/],
    [
      'alert-responders',
      {
        alerts: {
          acknowledgements: { 'user:default/ann': 3, 'user:default/bo': 3 },
          seenInWindow: 6,
          noisyShare: 0,
        },
      },
      'pass',
      /2 responders/,
    ],
    [
      'alert-responders',
      {
        alerts: {
          acknowledgements: { 'user:default/ann': 8, 'user:default/bo': 2 },
          seenInWindow: 10,
          noisyShare: 0,
        },
      },
      'fail',
      /took 80%/,
    ],
    ['techdocs', {}, 'pass', /techdocs-ref is set/],
    [
      'techdocs',
      { entity: entity('x') },
      'fail',
      /No backstage.io\/techdocs-ref/,
    ],
    ['runbook', {}, 'pass', /runbooks.example/],
    [
      'runbook',
      {
        entity: entity('x', {}, [
          { url: 'https://wiki.example/rb', type: 'runbook' },
        ]),
      },
      'pass',
      /wiki.example/,
    ],
    ['runbook', { entity: entity('x') }, 'fail', /No runbook/],
    ['iac', {}, 'pass', /baton.dev\/iac/],
    [
      'iac',
      {
        entity: entity('x'),
        knowledge: knowledge(
          [person('ann', 1)],
          [{ people: [0], files: 1 }],
          1,
          { iacFiles: 3 },
        ),
      },
      'pass',
      /3 Terraform files/,
    ],
    ['iac', { entity: entity('x') }, 'fail', /no Terraform files/],
    [
      'iac',
      { entity: entity('x'), knowledge: undefined },
      'unknown',
      /No repository history/,
    ],
    ['backups', {}, 'pass', /cross-region/],
    [
      'backups',
      { entity: entity('x', { 'baton.dev/backups': 'same-region' }) },
      'fail',
      /neither cross-region nor cross-account/,
    ],
    ['backups', { entity: entity('x') }, 'fail', /No baton.dev\/backups/],
    [
      'slo',
      { entity: entity('x', { 'baton.dev/openslo': 'slo.yaml' }) },
      'unknown',
      /not been read yet/,
    ],
    [
      'slo',
      {
        entity: entity('x', { 'baton.dev/openslo': 'slo.yaml' }),
        slos: { count: 2 },
      },
      'pass',
      /2 SLOs/,
    ],
    ['slo', { entity: entity('x') }, 'fail', /No baton.dev\/openslo/],
    ['alert-routing', {}, 'pass', /alert-selector/],
    ['alert-routing', { entity: entity('x') }, 'unknown', /No alert history/],
    [
      'alert-routing',
      {
        entity: entity('x'),
        alerts: { acknowledgements: {}, seenInWindow: 0, noisyShare: 0 },
      },
      'fail',
      /0 alerts labeled service=x/,
    ],
    ['access-holders', {}, 'pass', /Depends on no Resource/],
    [
      'access-holders',
      {
        accessResources: [
          { ref: 'resource:default/aws', source: 'aws-account:1' },
        ],
      },
      'unknown',
      /No access inventory yet for resource:default\/aws/,
    ],
    [
      'access-holders',
      {
        accessResources: [
          {
            ref: 'resource:default/aws',
            source: 'aws-account:1',
            admins: ['user:default/ann'],
          },
        ],
      },
      'fail',
      /1 admins/,
    ],
    [
      'access-holders',
      {
        accessResources: [
          {
            ref: 'resource:default/aws',
            source: 'aws-account:1',
            admins: ['user:default/ann', 'user:default/bo'],
          },
        ],
      },
      'pass',
      /2 admins/,
    ],
    [
      'access-review',
      {
        accessResources: [
          { ref: 'resource:default/aws', source: 'aws-account:1' },
        ],
      },
      'unknown',
      /No access-review record/,
    ],
    [
      'access-review',
      {
        accessResources: [
          {
            ref: 'resource:default/aws',
            source: 'aws-account:1',
            lastReviewCompletedAt: daysAgo(200),
          },
        ],
      },
      'fail',
      /Not reviewed within 120 days/,
    ],
    [
      'access-review',
      {
        accessResources: [
          {
            ref: 'resource:default/aws',
            source: 'aws-account:1',
            lastReviewCompletedAt: daysAgo(20),
          },
        ],
      },
      'pass',
      /All reviewed/,
    ],
    ['drill', {}, 'pass', /30 days ago/],
    [
      'drill',
      {
        entity: entity('x', {
          'baton.dev/last-drill': daysAgo(400).slice(0, 10),
        }),
      },
      'fail',
      /400 days ago/,
    ],
    [
      'drill',
      { entity: entity('x', { 'baton.dev/last-drill': 'last spring' }) },
      'fail',
      /is not a date/,
    ],
    ['alert-noise', {}, 'unknown', /No alert history/],
    [
      'alert-noise',
      { alerts: { acknowledgements: {}, seenInWindow: 10, noisyShare: 0.1 } },
      'pass',
      /10% of alerts/,
    ],
    [
      'alert-noise',
      { alerts: { acknowledgements: {}, seenInWindow: 10, noisyShare: 0.4 } },
      'fail',
      /40% of alerts/,
    ],
  ])('%s: %o → %s', (id, overrides, status, reason) => {
    const check = statusOf(facts(overrides), id);
    expect(check.status).toBe(status);
    expect(check.reason).toMatch(reason);
    expect(check.fix.length).toBeGreaterThan(10);
  });
});

describe('evaluateReadiness', () => {
  it('scores the weighted share of passed checks among the known ones', () => {
    const report = evaluateReadiness(facts(), DEFAULT_READINESS_POLICY);
    // Total weight 23. Unknown: alert-responders (2), alert-noise (1) → known 20.
    // Failed: slo (1, no annotation) → 19/20 = 95.
    expect(
      report.checks.filter(c => c.status === 'unknown').map(c => c.id),
    ).toEqual(['alert-responders', 'alert-noise']);
    expect(report.score).toBe(95);
    expect(report.known).toBeCloseTo(20 / 23, 6);
    expect(report.level).toBe('ready');
  });

  it('is a single point of failure with truck factor 1, whatever the score', () => {
    const report = evaluateReadiness(
      facts({
        knowledge: knowledge(
          [person('ann', 10)],
          [{ people: [0], files: 10 }],
          1,
        ),
      }),
      DEFAULT_READINESS_POLICY,
    );
    expect(report.level).toBe('single-point-of-failure');
    expect(report.levelReason).toMatch(/truck factor 1 \(ann\)/);
    // The same reason, coded for a UI to translate.
    expect(report.levelReasonCode).toBe('singlePoint');
    expect(report.levelReasonParts).toEqual([
      { code: 'truckFactorOne', params: { people: 'ann' } },
    ]);
    const truckFactor = report.checks.find(c => c.id === 'truck-factor')!;
    expect(truckFactor.reasonCode).toBe('truckFactor');
    expect(truckFactor.reasonParams).toEqual({
      truckFactor: 1,
      files: 10,
      people: 'ann',
    });
  });

  it('is at risk when a critical check fails or is unknown, even with a high score', () => {
    const noRunbook = { ...wellCovered };
    delete (noRunbook as Record<string, string>)['baton.dev/runbook'];
    const report = evaluateReadiness(
      facts({ entity: entity('x', noRunbook) }),
      DEFAULT_READINESS_POLICY,
    );
    expect(report.score).toBeGreaterThanOrEqual(80);
    expect(report.level).toBe('at-risk');
    expect(report.levelReason).toMatch(/A runbook \(fail\)/);
    expect(report.levelReasonCode).toBe('criticalGaps');
    expect(report.levelReasonParams.checks).toBe('runbook');
    expect(report.checks.find(c => c.id === 'runbook')).toMatchObject({
      reasonCode: 'runbookMissing',
      reasonParams: {},
    });

    const unknownKnowledge = evaluateReadiness(
      facts({ knowledge: undefined }),
      DEFAULT_READINESS_POLICY,
    );
    expect(unknownKnowledge.level).toBe('at-risk');
  });

  it('takes weights, critical checks and thresholds from the policy', () => {
    const strict = readinessPolicy({
      thresholds: { minTruckFactor: 3 },
      critical: ['truck-factor'],
    });
    expect(evaluateReadiness(facts(), strict).level).toBe('at-risk');
    const lenient = readinessPolicy({ critical: [], weights: { slo: 0 } });
    expect(evaluateReadiness(facts(), lenient).score).toBe(100);
  });
});

describe('simulateLeave', () => {
  // kai is the only author and the only admin of billing and ledger; the web service is shared by ann and bo.
  const kai = person('kai', 10);
  const lee = person('lee', 6);
  const awsSoleAdmin = [
    {
      ref: 'resource:default/aws',
      source: 'aws-account:1',
      admins: ['user:default/kai'],
    },
  ];
  const kaiMostly = (kaiOnly: number, shared: number) =>
    knowledge(
      [kai, lee],
      [
        { people: [0], files: kaiOnly },
        { people: [0, 1], files: shared },
      ],
      1,
    );
  const team = [
    facts({
      entity: entity('billing', wellCovered),
      knowledge: kaiMostly(6, 4),
      accessResources: awsSoleAdmin,
    }),
    facts({
      entity: entity('ledger', wellCovered),
      knowledge: kaiMostly(8, 2),
      accessResources: awsSoleAdmin,
    }),
    facts({ entity: entity('web', wellCovered) }),
  ];

  it('counts a service already a single point of failure as affected when its truck factor drops', () => {
    // kai and lee each alone on 3 files and together on 4: truck factor 2; ann alone answers alerts.
    const shared = facts({
      entity: entity('shared', wellCovered),
      knowledge: knowledge(
        [kai, lee],
        [
          { people: [0], files: 3 },
          { people: [1], files: 3 },
          { people: [0, 1], files: 4 },
        ],
        2,
      ),
      alerts: {
        acknowledgements: { 'user:default/ann': 3 },
        seenInWindow: 3,
        noisyShare: 0,
      },
    });
    const [leeAway] = simulateLeave(
      [shared],
      ['user:default/lee'],
      DEFAULT_READINESS_POLICY,
    );
    expect(leeAway.before.level).toBe('single-point-of-failure');
    expect(leeAway.after.level).toBe('single-point-of-failure');
    expect([leeAway.before.truckFactor, leeAway.after.truckFactor]).toEqual([
      2, 1,
    ]);
    expect(leeAway.drops).toBe(false);
    expect(leeAway.uncovered).toEqual([]);
    expect(leeAway.affected).toBe(true);
  });

  it('recomputes the truck factor without the absent and reports the checks that flip', () => {
    // lee away: nothing changes (billing and ledger were kai's already, web is ann's and bo's).
    const leeAway = simulateLeave(
      team,
      ['user:default/lee'],
      DEFAULT_READINESS_POLICY,
    );
    expect(leeAway.filter(s => s.affected)).toEqual([]);

    // ann away from web: bo alone covers 5/10 files → truck factor 1 → single point of failure.
    const annAway = simulateLeave(
      team,
      ['user:default/ann'],
      DEFAULT_READINESS_POLICY,
    );
    const web = annAway.find(s => s.entityRef === 'component:default/web')!;
    expect(web.before.level).toBe('ready');
    expect(web.after.level).toBe('single-point-of-failure');
    expect(web.after.truckFactor).toBe(1);
    expect(web.drops).toBe(true);
    expect(web.flipped.map(f => [f.id, f.before, f.after])).toEqual([
      ['truck-factor', 'pass', 'fail'],
      ['recent-committers', 'pass', 'fail'],
      ['owner-group', 'pass', 'fail'],
    ]);
    expect(annAway.filter(s => s.affected).map(s => s.entityRef)).toEqual([
      'component:default/web',
    ]);
  });

  it('lets deadlines run during the absence', () => {
    // web's drill was 30 days ago; 160 days away pushes it past 180.
    const [, , web] = simulateLeave(team, [], DEFAULT_READINESS_POLICY, 160);
    expect(web.flipped.map(f => [f.id, f.after])).toEqual([
      ['recent-committers', 'fail'],
      ['drill', 'fail'],
    ]);
    expect(web.flipped[1].reason).toMatch(/190 days ago/);
  });

  it('affects exactly the services whose sole author and sole admin is away', () => {
    const kaiAway = simulateLeave(
      team,
      ['user:default/kai'],
      DEFAULT_READINESS_POLICY,
    );
    expect(kaiAway.filter(s => s.affected).map(s => s.entityRef)).toEqual([
      'component:default/billing',
      'component:default/ledger',
    ]);
    const billing = kaiAway[0];
    // lee authors 4 of 10 files, under half: truck factor 0, still (at least) a single point of failure.
    expect(billing.after.truckFactor).toBe(0);
    expect(billing.after.level).toBe('single-point-of-failure');
    expect(billing.after.levelReason).toMatch(
      /truck factor 0.*no admin of resource:default\/aws/,
    );
    expect(billing.uncovered).toEqual([
      'No one left authors most of the code.',
      'No admin left for resource:default/aws.',
    ]);
    expect(billing.uncoveredCodes).toEqual([
      { code: 'noAuthorLeft', params: {} },
      { code: 'noAdminLeft', params: { resource: 'resource:default/aws' } },
    ]);
    expect(billing.after.levelReasonParts.map(part => part.code)).toEqual([
      'truckFactorZero',
      'noAdmin',
    ]);
    expect(
      billing.after.checks.find(c => c.id === 'access-holders')!.reason,
    ).toMatch(/0 admins/);
    expect(kaiAway[2].flipped).toEqual([]);

    expect(soleCovers(team)).toEqual([
      {
        userRef: 'user:default/kai',
        soleKnowledgeHolder: [
          'component:default/billing',
          'component:default/ledger',
        ],
        soleResponder: [],
        soleAdmin: ['component:default/billing', 'component:default/ledger'],
      },
    ]);
  });
});
