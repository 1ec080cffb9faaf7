import { Entity } from '@backstage/catalog-model';
import { ReadinessFacts, runReadinessChecks } from './checks';
import { DEFAULT_READINESS_POLICY, readinessPolicy } from './policy';
import { evaluateReadiness, readinessScore, withFormerHolders } from './score';
import { simulateLeave, soleCovers } from './simulation';
import type {
  KnowledgePerson,
  KnowledgeReport,
  ReadinessCheck,
  ReadinessCheckId,
  ReadinessCheckStatus,
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
    ['access-holders', {}, 'not-applicable', /Depends on no Resource/],
    ['access-review', {}, 'not-applicable', /Depends on no Resource/],
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
      { alerts: { acknowledgements: {}, seenInWindow: 0, noisyShare: 0 } },
      'not-applicable',
      /No alerts in the last 30 days/,
    ],
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
    // Total weight 29. Not applicable (no access-reviewed Resource):
    // access-holders (2), access-review (1) → 26 applicable. Unknown:
    // alert-responders (2), alert-noise (1), the change checks without
    // change facts (1 + 1 + 2) and restore-practised without drill facts (2)
    // → known 17.
    // Failed: slo (1, no annotation) → 16/17 = 94.
    expect(
      report.checks.filter(c => c.status === 'unknown').map(c => c.id),
    ).toEqual([
      'alert-responders',
      'alert-noise',
      'changes-paired',
      'procedures-reviewed',
      'change-operators',
      'restore-practised',
    ]);
    expect(
      report.checks.filter(c => c.status === 'not-applicable').map(c => c.id),
    ).toEqual(['access-holders', 'access-review']);
    expect(report.score).toBe(94);
    expect(report.known).toBeCloseTo(17 / 26, 6);
    expect(report.level).toBe('ready');
  });

  it('leaves not-applicable checks out of the score', () => {
    const check = (
      id: ReadinessCheckId,
      status: ReadinessCheckStatus,
      weight: number,
    ): ReadinessCheck => ({
      id,
      title: id,
      category: 'practice',
      status,
      reason: '',
      reasonCode: '',
      reasonParams: {},
      fix: '',
      weight,
      critical: false,
    });
    const judged = [
      check('truck-factor', 'pass', 3),
      check('runbook', 'fail', 1),
      check('slo', 'unknown', 2),
    ];
    // 3 of 4 known weight passed; 4 of 6 applicable weight known.
    expect(readinessScore(judged)).toEqual({ score: 75, known: 4 / 6 });
    // A not-applicable check, however heavy, changes neither number.
    expect(
      readinessScore([...judged, check('access-holders', 'not-applicable', 4)]),
    ).toEqual({ score: 75, known: 4 / 6 });
    // Had it passed, it would have counted: 7 of 8.
    expect(
      readinessScore([...judged, check('access-holders', 'pass', 4)]),
    ).toEqual({ score: 88, known: 8 / 10 });
    expect(readinessScore([check('drill', 'not-applicable', 1)])).toEqual({
      score: 0,
      known: 0,
    });
  });

  it('judges the access checks once a Resource with one admin is depended on', () => {
    const aws = {
      ref: 'resource:default/aws',
      source: 'aws-account:1',
      lastReviewCompletedAt: daysAgo(20),
    };
    const withoutAccess = evaluateReadiness(facts(), DEFAULT_READINESS_POLICY);
    const soleAdmin = evaluateReadiness(
      facts({
        accessResources: [{ ...aws, admins: ['user:default/ann'] }],
        names: {
          'resource:default/aws': 'AWS production',
          'user:default/ann': 'Ann Lee',
        },
      }),
      DEFAULT_READINESS_POLICY,
    );
    const holders = soleAdmin.checks.find(c => c.id === 'access-holders')!;
    expect(holders.status).toBe('fail');
    expect(holders.reason).toBe('AWS production: 1 admins');
    // Now applicable: access-holders (2) fails, access-review (1) passes.
    // Known 20 of 23; passed 20 − slo (1) − access-holders (2) = 17 → 85.
    expect(soleAdmin.score).toBe(85);
    expect(withoutAccess.score).toBe(94);
    expect(soleAdmin.level).toBe('single-point-of-failure');
    expect(soleAdmin.levelReasonParts).toEqual([
      {
        code: 'soleAdmin',
        params: { resource: 'AWS production', person: 'Ann Lee' },
      },
    ]);
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

    expect(soleCovers(team, DEFAULT_READINESS_POLICY)).toEqual([
      {
        userRef: 'user:default/kai',
        soleKnowledgeHolder: [
          'component:default/billing',
          'component:default/ledger',
        ],
        soleResponder: [],
        soleAdmin: ['component:default/billing', 'component:default/ledger'],
        soleOperator: [],
      },
    ]);
  });
});

describe('responders', () => {
  const withAcks = (acknowledgements: Record<string, number>) =>
    facts({ alerts: { acknowledgements, seenInWindow: 6, noisyShare: 0 } });
  const responders = (f: ReadinessFacts) =>
    evaluateReadiness(f, DEFAULT_READINESS_POLICY).checks.find(
      c => c.id === 'alert-responders',
    )!;

  it('counts only the owners’ acknowledgements', () => {
    const owners = withAcks({ 'user:default/ann': 3, 'user:default/bo': 3 });
    const plusGuest = withAcks({
      'user:default/ann': 3,
      'user:default/bo': 3,
      'user:default/guest': 5,
    });
    expect(responders(plusGuest)).toEqual(responders(owners));
    expect(responders(owners)).toMatchObject({
      status: 'pass',
      reasonParams: { count: 2, percent: 50 },
    });
    expect(evaluateReadiness(plusGuest, DEFAULT_READINESS_POLICY).score).toBe(
      evaluateReadiness(owners, DEFAULT_READINESS_POLICY).score,
    );
  });

  it('makes no one the sole responder by a stranger’s acknowledgements', () => {
    const guestOnly = withAcks({ 'user:default/guest': 1 });
    expect(responders(guestOnly)).toMatchObject({
      status: 'fail',
      reasonCode: 'noAcknowledgements',
    });
    const report = evaluateReadiness(guestOnly, DEFAULT_READINESS_POLICY);
    expect(report.levelReasonParts).toEqual([]);
    expect(soleCovers([guestOnly], DEFAULT_READINESS_POLICY)).toEqual([]);

    // One owner alone is the sole responder, named as the catalog names them.
    const annAlone = withAcks({
      'user:default/ann': 2,
      'user:default/guest': 4,
    });
    annAlone.names = { 'user:default/ann': 'Ann Lee' };
    const alone = evaluateReadiness(annAlone, DEFAULT_READINESS_POLICY);
    expect(alone.levelReasonParts).toEqual([
      { code: 'soleResponder', params: { person: 'Ann Lee' } },
    ]);
    expect(responders(annAlone).reason).toBe(
      '1 responders among the owners in 90 days; Ann Lee took 100%.',
    );
    expect(
      soleCovers([annAlone], DEFAULT_READINESS_POLICY).map(c => [
        c.userRef,
        c.soleResponder,
      ]),
    ).toEqual([['user:default/ann', ['component:default/x']]]);
  });
});

describe('former knowledge holders', () => {
  // ann alone authors 5 files, bo alone 4, both 1: truck factor 2 while both count.
  const sets = [
    { people: [0], files: 5 },
    { people: [0, 1], files: 1 },
    { people: [1], files: 4 },
  ];
  const boLastCommitted = (days: number) =>
    facts({
      knowledge: knowledge([person('ann', 6), person('bo', 5, days)], sets, 2),
    });

  it('leaves a holder without a commit in 180 days out of the truck factor, and shows them as former', () => {
    const current = evaluateReadiness(
      boLastCommitted(170),
      DEFAULT_READINESS_POLICY,
    );
    expect(current.truckFactor).toBe(2);
    expect(current.knowledge.map(p => [p.name, p.former])).toEqual([
      ['ann', false],
      ['bo', false],
    ]);

    const report = evaluateReadiness(
      boLastCommitted(200),
      DEFAULT_READINESS_POLICY,
    );
    // Without bo, ann alone covers 6 of 10 files: removing her leaves none.
    expect(report.truckFactor).toBe(1);
    expect(report.level).toBe('single-point-of-failure');
    expect(report.knowledge.map(p => [p.name, p.former])).toEqual([
      ['ann', false],
      ['bo', true],
    ]);
    const check = report.checks.find(c => c.id === 'truck-factor')!;
    expect(check.status).toBe('fail');
    expect(check.reason).toBe(
      'Truck factor 1 over 10 files (ann). Not counted, no commit in 180 days: bo.',
    );
    expect(check.reasonParams).toEqual({
      truckFactor: 1,
      files: 10,
      people: 'ann',
      former: 'bo',
      days: 180,
    });
    expect(
      soleCovers([boLastCommitted(200)], DEFAULT_READINESS_POLICY),
    ).toEqual([
      {
        userRef: 'user:default/ann',
        soleKnowledgeHolder: ['component:default/x'],
        soleResponder: [],
        soleAdmin: [],
        soleOperator: [],
      },
    ]);
  });

  it('takes the window from the policy', () => {
    const longMemory = readinessPolicy({
      thresholds: { knowledgeHolderDays: 365 },
    });
    expect(
      evaluateReadiness(boLastCommitted(200), longMemory).truckFactor,
    ).toBe(2);
  });

  it('marks holders without changing the stored authorship, so that it can be applied again', () => {
    const stored = boLastCommitted(200).knowledge!;
    const once = withFormerHolders(stored, NOW, 180);
    expect(once.people.map(p => p.former)).toEqual([false, true]);
    expect(once.knowledgeHolderDays).toBe(180);
    expect(once.authorSets).toEqual(stored.authorSets);
    expect(withFormerHolders(once, NOW, 180)).toEqual(once);
    // A year of grace brings bo back.
    expect(withFormerHolders(once, NOW, 365).truckFactor).toBe(2);
  });

  it('lets a holder become former during a simulated absence', () => {
    // bo last committed 170 days ago: after 21 days of anyone's absence it is 191.
    const [stillThere] = simulateLeave(
      [boLastCommitted(170)],
      [],
      DEFAULT_READINESS_POLICY,
      21,
    );
    expect([
      stillThere.before.truckFactor,
      stillThere.after.truckFactor,
    ]).toEqual([2, 1]);
    expect(stillThere.flipped.map(f => f.id)).toContain('truck-factor');

    // ann away while bo is former: no one left who counts.
    const [annAway] = simulateLeave(
      [boLastCommitted(200)],
      ['user:default/ann'],
      DEFAULT_READINESS_POLICY,
    );
    expect(annAway.after.truckFactor).toBe(0);
    expect(annAway.uncoveredCodes).toEqual([
      { code: 'noAuthorLeft', params: {} },
    ]);
  });
});

describe('production change checks', () => {
  const FARID = 'user:default/farid';
  const AIKO = 'user:default/aiko';
  const changes = (
    overrides: Partial<NonNullable<ReadinessFacts['changes']>> = {},
  ): NonNullable<ReadinessFacts['changes']> => ({
    count: 10,
    paired: 9,
    reviewed: 8,
    operators: { [FARID]: 6, [AIKO]: 4 },
    pairs: { [AIKO]: 5, [FARID]: 4 },
    ...overrides,
  });
  const withChanges = (c?: NonNullable<ReadinessFacts['changes']>) =>
    facts({
      changes: c,
      names: { [FARID]: 'Farid', [AIKO]: 'Aiko' },
    });

  it.each<[ReadinessCheckId, ReadinessFacts, string, string, RegExp]>([
    [
      'changes-paired',
      withChanges(changes()),
      'pass',
      'pairedShare',
      /^9 of 10 production changes in the last 90 days were done with a pair \(90%\)\.$/,
    ],
    [
      'changes-paired',
      withChanges(changes({ paired: 7 })),
      'fail',
      'pairedShare',
      /7 of 10 .* \(70%\)/,
    ],
    [
      'procedures-reviewed',
      withChanges(changes()),
      'pass',
      'reviewedShare',
      /^8 of 10 production changes in the last 90 days followed a procedure someone else reviewed \(80%\)\.$/,
    ],
    [
      'procedures-reviewed',
      withChanges(changes({ reviewed: 3 })),
      'fail',
      'reviewedShare',
      /3 of 10/,
    ],
    [
      'change-operators',
      withChanges(changes()),
      'pass',
      'changeOperators',
      /^2 people ran production changes in the last 90 days \(Farid, Aiko\)\.$/,
    ],
    [
      'change-operators',
      withChanges(
        changes({ operators: { [FARID]: 9, 'github-login:ghost-bot': 1 } }),
      ),
      'pass',
      'changeOperators',
      /\(Farid, ghost-bot\)/,
    ],
    [
      'change-operators',
      withChanges(changes({ operators: { [FARID]: 10 } })),
      'fail',
      'changeOperators',
      /^1 person ran production changes in the last 90 days \(Farid\)\.$/,
    ],
    [
      'change-operators',
      withChanges(
        changes({ count: 0, paired: 0, reviewed: 0, operators: {}, pairs: {} }),
      ),
      'not-applicable',
      'noChangesToJudge',
      /No production change recorded in the last 90 days/,
    ],
    [
      'changes-paired',
      withChanges(undefined),
      'unknown',
      'noChangeRecords',
      /not collected/,
    ],
  ])('%s: %s → %s (%s)', (id, f, status, code, reason) => {
    const check = statusOf(f, id);
    expect(check.status).toBe(status);
    expect(check.reasonCode).toBe(code);
    expect(check.reason).toMatch(reason);
  });

  it('takes the shares and the number of operators from the policy', () => {
    const policy = readinessPolicy({
      thresholds: { minPairedShare: 0.95, minChangeOperators: 3 },
    });
    const checks = runReadinessChecks(withChanges(changes()), policy);
    const status = (id: ReadinessCheckId) =>
      checks.find(c => c.id === id)!.status;
    expect(status('changes-paired')).toBe('fail');
    expect(status('change-operators')).toBe('fail');
    expect(status('procedures-reviewed')).toBe('pass');
  });

  it('leaves the absent out of operators and pairs, and names the gap', () => {
    // Farid ran every change; Aiko paired on some.
    const faridOnly = withChanges(
      changes({ operators: { [FARID]: 10 }, pairs: { [AIKO]: 9 } }),
    );
    const [farid] = simulateLeave(
      [faridOnly],
      [FARID],
      DEFAULT_READINESS_POLICY,
    );
    expect(farid.uncoveredCodes).toContainEqual({
      code: 'noOperatorLeftOnlyPairs',
      params: { days: '90', people: 'Aiko' },
    });
    expect(farid.affected).toBe(true);
    const operators = farid.after.checks.find(
      c => c.id === 'change-operators',
    )!;
    expect(operators.reason).toMatch(/^0 people ran/);

    // With both away nobody ran or paired.
    const [both] = simulateLeave(
      [faridOnly],
      [FARID, AIKO],
      DEFAULT_READINESS_POLICY,
    );
    expect(both.uncoveredCodes).toContainEqual({
      code: 'noOperatorLeft',
      params: { days: '90' },
    });

    // Aiko away: Farid still runs changes, so no operator gap.
    const [aiko] = simulateLeave([faridOnly], [AIKO], DEFAULT_READINESS_POLICY);
    expect(aiko.uncoveredCodes.map(gap => gap.code)).not.toContain(
      'noOperatorLeftOnlyPairs',
    );
    expect(aiko.uncoveredCodes.map(gap => gap.code)).not.toContain(
      'noOperatorLeft',
    );
    // Farid alone ran the changes: the team cannot spare him; an unmatched identity is never a sole cover.
    expect(
      soleCovers([faridOnly], DEFAULT_READINESS_POLICY).find(
        cover => cover.userRef === FARID,
      )?.soleOperator,
    ).toEqual(['component:default/x']);
    const botOnly = withChanges(
      changes({ operators: { 'github-login:deploy-bot': 10 } }),
    );
    expect(
      soleCovers([botOnly], DEFAULT_READINESS_POLICY).flatMap(
        cover => cover.soleOperator,
      ),
    ).toEqual([]);
    // Past changes stay paired: the share is history, not cover.
    expect(aiko.after.checks.find(c => c.id === 'changes-paired')!.status).toBe(
      'pass',
    );
  });
});

describe('drill checks', () => {
  const FARID = 'user:default/farid';
  const ANN = 'user:default/ann';
  const BO = 'user:default/bo';
  const drill = (
    scenario: 'restore-from-backup' | 'region-failover',
    days: number,
    participants: string[],
  ) => ({
    scenario,
    performedAt: daysAgo(days),
    participants,
    outcome: 'succeeded' as const,
  });

  it('reads the last recorded drill before the annotation', () => {
    const recent = statusOf(
      facts({
        drills: [drill('region-failover', 12, [ANN, FARID])],
        names: { [ANN]: 'Ann' },
      }),
      'drill',
    );
    expect(recent).toMatchObject({
      status: 'pass',
      reasonCode: 'drillRecorded',
      reasonParams: { days: 12, people: `Ann, ${FARID}` },
    });
    // The annotation says 30 days ago; the recorded drill, 200 days ago, wins.
    expect(
      statusOf(
        facts({ drills: [drill('restore-from-backup', 200, [ANN])] }),
        'drill',
      ).status,
    ).toBe('fail');
    // Without a recorded drill the annotation still counts.
    expect(statusOf(facts({ drills: [] }), 'drill')).toMatchObject({
      status: 'pass',
      reasonCode: 'drillAge',
    });
  });

  it('counts only current team members who restored within the window', () => {
    const check = (drills: NonNullable<ReadinessFacts['drills']>) =>
      statusOf(facts({ drills }), 'restore-practised');
    expect(check([drill('restore-from-backup', 10, [ANN, BO])]).status).toBe(
      'pass',
    );
    // Farid is no member of the owning team; a failover is no restore; 400 days is too long ago.
    expect(
      check([
        drill('restore-from-backup', 10, [ANN, FARID]),
        drill('region-failover', 5, [BO]),
        drill('restore-from-backup', 400, [BO]),
      ]),
    ).toMatchObject({
      status: 'fail',
      reasonParams: { count: 1, people: ANN },
    });
    expect(statusOf(facts(), 'restore-practised')).toMatchObject({
      status: 'unknown',
      reasonCode: 'noDrillRecords',
    });
    // Without the annotation it has nothing to restore, unless a backup source found its backups.
    const undeclared = entity('x', {});
    expect(
      statusOf(facts({ entity: undeclared, drills: [] }), 'restore-practised'),
    ).toMatchObject({
      status: 'not-applicable',
      reasonCode: 'noBackupsToRestore',
    });
    expect(
      statusOf(
        facts({
          entity: undeclared,
          drills: [],
          backups: {
            resources: [
              {
                name: 'orders-db',
                crossRegionCopyAt: null,
                crossAccountCopyAt: null,
                failedCopyAt: null,
                lastRestore: null,
              },
            ],
          },
        }),
        'restore-practised',
      ),
    ).toMatchObject({ status: 'fail', reasonCode: 'restorePractised' });
  });

  it('names the gap when nobody who restored is at work', () => {
    const restored = facts({
      drills: [drill('restore-from-backup', 10, [ANN, BO])],
    });
    const [both] = simulateLeave(
      [restored],
      [ANN, BO],
      DEFAULT_READINESS_POLICY,
    );
    expect(both.uncoveredCodes).toContainEqual({
      code: 'noRestorerLeft',
      params: { days: '365' },
    });
    const [one] = simulateLeave([restored], [ANN], DEFAULT_READINESS_POLICY);
    expect(one.uncoveredCodes.map(gap => gap.code)).not.toContain(
      'noRestorerLeft',
    );
    expect(
      one.after.checks.find(c => c.id === 'restore-practised')!.status,
    ).toBe('fail');
  });
});
