import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import type {
  KnowledgeReport,
  ReadinessReport,
} from '@baton/plugin-sre-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SreApi, sreApiRef } from './api/SreApi';
import { formats } from './language';
import type { SreTranslate } from './translation';
import { EntityAlertHistoryCard } from './alerts/EntityAlertHistoryCard';
import { EntityCostCard } from './cost/EntityCostCard';
import { EntityReadyForLeaveCard } from './readiness/EntityReadyForLeaveCard';
import { isReadyForLeaveAvailable } from './readiness/isReadyForLeaveAvailable';

const english = formats('en', (key => key) as SreTranslate);

function component(annotations: Record<string, string> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout-api', annotations },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

async function renderCard(
  card: JSX.Element,
  entity: Entity,
  sreApi: Partial<SreApi> = {},
) {
  await renderInTestApp(
    <EntityProvider entity={entity}>{card}</EntityProvider>,
    {
      apis: [[sreApiRef, sreApi]],
      // Person names link to their User entity pages.
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('EntityAlertHistoryCard', () => {
  const noAlerts: Partial<SreApi> = {
    getAlerts: jest.fn().mockResolvedValue({
      items: [],
      summary: {
        count: 0,
        noisy: 0,
        mttaSeconds: null,
        mttrSeconds: null,
        cryWolfScore: null,
        responders: [],
      },
      from: '2026-11-11T00:00:00.000Z',
      fromSource: 'default',
      to: '2026-11-25T00:00:00.000Z',
    }),
  };

  it('matches alerts by service=<name> by default', async () => {
    await renderCard(<EntityAlertHistoryCard />, component(), noAlerts);
    expect(
      await screen.findByText(/labels match service=checkout-api/),
    ).toBeInTheDocument();
  });

  it('uses baton.dev/alert-selector when set', async () => {
    await renderCard(
      <EntityAlertHistoryCard />,
      component({ 'baton.dev/alert-selector': 'job=checkout,env=prod' }),
      noAlerts,
    );
    expect(
      await screen.findByText(/labels match job=checkout,env=prod/),
    ).toBeInTheDocument();
  });
});

describe('EntityCostCard', () => {
  it('allocates spend by the service tag by default and by baton.dev/cost-tags when set', async () => {
    await renderCard(<EntityCostCard />, component());
    expect(
      screen.getByText(/Spend tagged service=checkout-api/),
    ).toBeInTheDocument();
  });

  it('uses baton.dev/cost-tags when set', async () => {
    await renderCard(
      <EntityCostCard />,
      component({ 'baton.dev/cost-tags': 'app=shop' }),
    );
    expect(screen.getByText(/Spend tagged app=shop/)).toBeInTheDocument();
  });
});

const person = (name: string, files: number, userRef: string | null) => ({
  name,
  emails: [`${name.toLowerCase()}@shop.example`],
  userRef,
  files,
  share: files / 4,
  commits: files,
  lastCommitAt: '2026-11-20T10:00:00.000Z',
});

const report: KnowledgeReport = {
  entityRef: 'component:default/checkout-api',
  computedAt: '2026-11-24T12:00:00.000Z',
  status: 'ok',
  repositories: [
    { location: '/srv/git/checkout.git', revision: 'abcdef0123456789' },
  ],
  truckFactor: 1,
  fileCount: 4,
  filesWithoutAuthor: 0,
  mode: 'pairing',
  truckFactorAuthors: [person('Aiko', 4, 'user:default/aiko.tanaka')],
  people: [
    person('Aiko', 4, 'user:default/aiko.tanaka'),
    person('Contractor', 1, null),
  ],
  authorSets: [{ people: [0], files: 4 }],
  iacFiles: 0,
  rule: 'Degree of authorship DOA = 3.293 + …',
};

const readiness: ReadinessReport = {
  entityRef: 'component:default/checkout-api',
  score: 88,
  level: 'single-point-of-failure',
  levelReason: 'One person is the only cover: truck factor 1 (Aiko).',
  levelReasonCode: 'singlePoint',
  levelReasonParams: { score: 88, readyScore: 80 },
  levelReasonParts: [{ code: 'truckFactorOne', params: { people: 'Aiko' } }],
  checks: [
    {
      id: 'truck-factor',
      title: 'Knowledge held by more than one person (truck factor)',
      category: 'knowledge',
      status: 'fail',
      reason: 'Truck factor 1 over 4 files (Aiko).',
      reasonCode: 'truckFactor',
      reasonParams: { truckFactor: 1, files: 4, people: 'Aiko' },
      fix: 'Pair on changes.',
      weight: 3,
      critical: true,
    },
    {
      id: 'runbook',
      title: 'A runbook',
      category: 'docs',
      status: 'pass',
      reason: 'Runbook: https://runbooks.example/checkout',
      reasonCode: 'runbookLinked',
      reasonParams: { url: 'https://runbooks.example/checkout' },
      fix: 'Write the runbook.',
      weight: 2,
      critical: true,
    },
    {
      id: 'alert-noise',
      title: 'Alerts that do not cry wolf',
      category: 'practice',
      status: 'unknown',
      reason: 'No alert history has been collected for this entity yet.',
      reasonCode: 'noAlertHistory',
      reasonParams: {},
      fix: 'Fix or delete noisy alerts.',
      weight: 1,
      critical: false,
    },
  ],
  known: 5 / 6,
  truckFactor: 1,
  knowledge: [
    {
      userRef: 'user:default/aiko.tanaka',
      name: 'Aiko',
      share: 1,
      former: false,
      lastCommitAt: '2026-11-20T10:00:00.000Z',
    },
  ],
  knowledgeHolderDays: 180,
  trend: [
    { day: '2026-11-20', score: 70, level: 'at-risk', truckFactor: 2 },
    {
      day: '2026-11-24',
      score: 88,
      level: 'single-point-of-failure',
      truckFactor: 1,
    },
  ],
  rule: 'Score = weighted share of passed checks …',
};

const notFound = () =>
  ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'NotFoundError', message: 'none' },
        response: { statusCode: 404 },
      }),
      { status: 404, headers: { 'Content-Type': 'application/json' } },
    ),
  );

describe('EntityReadyForLeaveCard', () => {
  const withSource = component({
    'backstage.io/source-location': 'url:https://example.com/shop/checkout',
  });

  it('shows score, level and every check with its reason, failures with their fix', async () => {
    await renderCard(<EntityReadyForLeaveCard />, withSource, {
      getReadiness: jest.fn().mockResolvedValue(readiness),
      getKnowledge: jest.fn().mockResolvedValue(report),
    });
    expect(
      await screen.findByText('Single point of failure'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/only cover: truck factor 1 \(Aiko\)/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Knowledge held by more than one person (truck factor) (critical)',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Truck factor 1 over 4 files (Aiko).'),
    ).toBeInTheDocument();
    // Titles and fixes are the UI's own, by check id.
    expect(
      screen.getByText(/^Fix: Pair on changes and rotate/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/^Fix: Write the runbook/)).toBeNull();
    expect(screen.getByText(/1 of 3 checks unknown/)).toBeInTheDocument();
    expect(screen.getByLabelText('truck factor')).toHaveTextContent('1');
    expect(screen.getByLabelText('readiness trend')).toHaveTextContent(
      '70 → 88 (+18) since Nov 20, 2026',
    );
  });

  it('shows the recorded drill behind the drill check, with a link to the owning team’s drills', async () => {
    const owned: Entity = {
      ...withSource,
      relations: [{ type: 'ownedBy', targetRef: 'group:default/team-a' }],
    };
    const drill = {
      id: 'drill',
      title: 'A recent recovery drill',
      category: 'practice',
      status: 'pass' as const,
      reason:
        'Last drill 2026-11-20 (restore-from-backup), 14 days ago, with Farid Haddad.',
      reasonCode: 'drillRecorded',
      reasonParams: {
        date: '2026-11-20',
        days: 14,
        scenario: 'restore-from-backup',
        people: 'Farid Haddad',
      },
      fix: 'Run a drill.',
      weight: 1,
      critical: false,
    };
    await renderCard(<EntityReadyForLeaveCard />, owned, {
      getReadiness: jest.fn().mockResolvedValue({
        ...readiness,
        checks: [...readiness.checks, drill],
      }),
      getKnowledge: jest.fn().mockResolvedValue(report),
    });
    const item = (await screen.findByText('A recent recovery drill')).closest(
      'li',
    )!;
    expect(item).toHaveTextContent(
      'Last drill Nov 20, 2026, 14 days ago, with Farid Haddad.',
    );
    expect(
      within(item).getByRole('link', { name: 'The team’s drills' }),
    ).toHaveAttribute('href', '/catalog/default/group/team-a/drills');
    // Only the drill checks link there.
    expect(
      screen.getAllByRole('link', { name: 'The team’s drills' }),
    ).toHaveLength(1);
  });

  it('asks for baton.dev/repos for the knowledge part when it cannot find the code', async () => {
    const getKnowledge = jest.fn();
    await renderCard(<EntityReadyForLeaveCard />, component(), {
      getReadiness: jest.fn().mockResolvedValue(readiness),
      getKnowledge,
    });
    expect(
      (await screen.findAllByText(/baton\.dev\/repos/)).length,
    ).toBeGreaterThan(0);
    expect(getKnowledge).not.toHaveBeenCalled();
    expect(isReadyForLeaveAvailable(withSource)).toBe(true);
  });

  it('says the knowledge is not scored yet while the backend has nothing', async () => {
    await renderCard(<EntityReadyForLeaveCard />, withSource, {
      getReadiness: jest.fn().mockResolvedValue(readiness),
      getKnowledge: jest.fn().mockImplementation(async () => {
        throw await notFound();
      }),
    });
    expect(await screen.findByText(/Not scored yet/)).toBeInTheDocument();
  });

  it('shows errors', async () => {
    await renderCard(<EntityReadyForLeaveCard />, withSource, {
      getReadiness: jest.fn().mockRejectedValue(new Error('backend down')),
      getKnowledge: jest.fn().mockResolvedValue(report),
    });
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(
      0,
    );
  });

  it('shows who holds the knowledge, and why on demand', async () => {
    await renderCard(<EntityReadyForLeaveCard />, withSource, {
      getReadiness: jest.fn().mockResolvedValue(readiness),
      getKnowledge: jest.fn().mockResolvedValue(report),
    });
    expect(await screen.findByText('100% (4)')).toBeInTheDocument();
    expect(screen.getByText(/truck-factor author/)).toBeInTheDocument();
    expect(screen.getByText(/no catalog User/)).toBeInTheDocument();
    expect(screen.queryByText(/Degree of authorship/)).not.toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Why?' }));
    expect(screen.getByText(/Degree of authorship/)).toBeVisible();
    expect(screen.getByText(/4 files counted/)).toHaveTextContent(
      '/srv/git/checkout.git at abcdef012345',
    );
  });

  it('says why a repository could not be read', async () => {
    await renderCard(<EntityReadyForLeaveCard />, withSource, {
      getReadiness: jest.fn().mockResolvedValue(readiness),
      getKnowledge: jest.fn().mockResolvedValue({
        ...report,
        status: 'error',
        error: { message: 'Reading remote repositories is switched off' },
        truckFactor: null,
        people: [],
        truckFactorAuthors: [],
      }),
    });
    expect(
      await screen.findByText(
        /could not be read: Reading remote repositories is switched off/,
      ),
    ).toBeInTheDocument();
  });

  it('keeps the last good numbers after a failed refresh and says why they are old', async () => {
    await renderCard(<EntityReadyForLeaveCard />, withSource, {
      getReadiness: jest.fn().mockResolvedValue(readiness),
      getKnowledge: jest.fn().mockResolvedValue({
        ...report,
        refreshError: {
          message: 'git fetch failed (128): Connection reset by peer',
          at: '2026-11-25T03:00:00.000Z',
        },
      }),
    });
    expect(
      await screen.findByText(
        `The refresh of ${english.dateTime(
          '2026-11-25T03:00:00.000Z',
        )} failed: git fetch failed (128): Connection reset by peer. These numbers are from the last good read, ${english.dateTime(
          report.computedAt,
        )}.`,
      ),
    ).toBeInTheDocument();
    // The numbers are still there.
    expect(screen.getByLabelText('truck factor')).toHaveTextContent('1');
  });
});
