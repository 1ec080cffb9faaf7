import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { ResponseError } from '@backstage/errors';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  AlertListResponse,
  alertNoise,
  DEFAULT_READINESS_POLICY,
  evaluateReadiness,
  KnowledgePerson,
  KnowledgeReport,
  ReadinessFacts,
  ReadinessReport,
  SloProblem,
  SloSummary,
  TeamReport,
} from '@baton/plugin-sre-common';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EntityAlertHistoryCard } from './alerts/EntityAlertHistoryCard';
import { SreApi, sreApiRef } from './api/SreApi';
import { EntityCostCard } from './cost/EntityCostCard';
import { EntityReadyForLeaveCard } from './readiness/EntityReadyForLeaveCard';
import { ServiceDuringAbsence } from './readiness/readinessText';
import { EntityTeamBusFactorContent } from './readiness/team/EntityTeamBusFactorContent';
import { TeamBusFactorPage } from './readiness/team/TeamBusFactorPage';
import { ReliabilityReviewContent } from './review/ReliabilityReviewContent';
import { ReliabilityReviewPage } from './review/ReliabilityReviewPage';
import { AccessCampaignList } from './access/AccessCampaignList';
import { AccessCampaignPage } from './access/AccessCampaignPage';
import { MyAccessReviews } from './access/MyAccessReviews';
import { accessReviewsRouteRef } from './routes';
import { EntitySloCard } from './slo/EntitySloCard';
import { sreDefaultMessages } from './translation';
import jaMessages from './translations/ja';
import { alertItem } from './__testUtils__/alertFixtures';
import {
  carriedOverItem,
  currentReview,
  pastReview,
  reviewActionItem,
  reviewAgenda,
  teamReview,
  teamReviewNotStarted,
} from './__testUtils__/reviewFixtures';
import {
  ACCESS_USER,
  accessCampaign,
  accessCampaignDetail,
  accessFailure,
  closedCampaignDetail,
} from './__testUtils__/accessFixtures';

const ja: Readonly<Record<string, string | null>> = jaMessages;

const placeholders = (message: string) =>
  [...message.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map(m => m[1]).sort();

describe('the Japanese messages', () => {
  it('translate every English message, with the same placeholders', () => {
    expect(Object.keys(ja).sort()).toEqual(
      Object.keys(sreDefaultMessages).sort(),
    );
    for (const [key, english] of Object.entries(sreDefaultMessages)) {
      const message = ja[key];
      expect({ key, message: typeof message }).toEqual({
        key,
        message: 'string',
      });
      expect({ key, placeholders: placeholders(message!) }).toEqual({
        key,
        placeholders: placeholders(english),
      });
    }
  });
});

/**
 * The words of each English message that its Japanese message does not
 * share: when one shows up in a Japanese page, some text bypassed the
 * translation ref. Messages that read the same in both languages, and parts
 * that are only placeholders, symbols or numbers, cannot tell.
 */
const wordPattern = (text: string) =>
  new RegExp(
    `(^|[^A-Za-z])${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z])`,
  );
const JAPANESE_TEXT = Object.values(ja).join('\n');
const ENGLISH_FRAGMENTS = Object.entries(sreDefaultMessages).flatMap(
  ([key, english]) => {
    if (english === ja[key]) return [];
    return (
      english
        .split(/\{\{[^}]*\}\}/)
        .map(part => part.trim())
        // Identifiers such as service=<name> or Runbook read the same in Japanese.
        .filter(
          part =>
            /[A-Za-z]{2,}/.test(part) && !wordPattern(part).test(JAPANESE_TEXT),
        )
        .map(part => ({ key, part, pattern: wordPattern(part) }))
    );
  },
);

/** What a user sees or hears: text, labels, tooltips. */
function shownText(): string {
  const texts = [document.body.textContent ?? ''];
  document.body.querySelectorAll('*').forEach(element => {
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = element.getAttribute(name);
      if (value) texts.push(value);
    }
  });
  return texts.join('\n');
}

function expectNoEnglish() {
  const shown = shownText();
  const english = ENGLISH_FRAGMENTS.filter(({ pattern }) =>
    pattern.test(shown),
  ).map(({ key, part }) => `${key}: "${part}"`);
  expect(english).toEqual([]);
}

const japanese = () =>
  mockApis.appLanguage({
    defaultLanguage: 'ja',
    availableLanguages: ['en', 'ja'],
  });

async function renderInJapanese(
  element: JSX.Element,
  sreApi: Partial<SreApi> = {},
  entities: Entity[] = [],
) {
  await renderInTestApp(element, {
    apis: [
      japanese(),
      [sreApiRef, sreApi],
      [catalogApiRef, catalogApiMock({ entities })],
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

function entity(
  name: string,
  annotations: Record<string, string> = {},
  kind = 'Component',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

beforeAll(() => {
  // jsdom has no ResizeObserver; the charts keep their initial size.
  global.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

afterEach(cleanup);

// Alerts ------------------------------------------------------------------

/** Every noise flag, with the English explanation the backend sends. */
const noise = alertNoise(
  [
    ...[0, 1, 2].map(i =>
      alertItem({
        id: String(10 + i),
        monitor: 'disk-usage',
        status: 'resolved',
        startsAt: `2026-11-23T0${i}:00:00.000Z`,
        endsAt: `2026-11-23T0${i}:03:00.000Z`,
        resolvedBy: 'source',
      }),
    ),
  ],
  {},
)[2];

const alertList: AlertListResponse = {
  items: [
    alertItem({ noise: noise.filter(n => n.flag === 'never-acknowledged') }),
    alertItem({
      id: '2',
      source: 'generic',
      monitor: 'disk-usage',
      title: 'Disk almost full',
      severity: 'warning',
      status: 'resolved',
      startsAt: '2026-11-23T02:00:00.000Z',
      endsAt: '2026-11-23T02:03:00.000Z',
      resolvedBy: 'source',
      noise,
    }),
    alertItem({
      id: '3',
      source: 'mackerel',
      title: 'Checkout latency p95',
      severity: 'info',
      status: 'resolved',
      startsAt: '2026-11-20T12:00:00.000Z',
      endsAt: '2026-11-20T14:00:00.000Z',
      acknowledgedBy: ['user:default/aiko.tanaka'],
      acknowledgedAt: '2026-11-20T12:05:00.000Z',
      runbookUrl: 'https://runbooks.example/latency',
    }),
    alertItem({
      id: '4',
      title: 'Sentry issue spike',
      severity: 'unknown',
      source: 'sentry',
    }),
  ],
  summary: {
    count: 4,
    noisy: 1,
    mttaSeconds: 300,
    mttrSeconds: 3780,
    cryWolfScore: 0.25,
    responders: [{ userRef: 'user:default/aiko.tanaka', count: 1, share: 1 }],
  },
  from: '2026-11-11T12:00:00.000Z',
  to: '2026-11-25T12:00:00.000Z',
  fromSource: 'default',
  configured: true,
  nextCursor: 'page-2',
};

// SLOs --------------------------------------------------------------------

function slo(overrides: Partial<SloSummary> = {}): SloSummary {
  return {
    id: 'checkout-availability',
    name: 'checkout-availability',
    displayName: 'checkout-availability',
    file: './openslo/checkout.yaml',
    objective: 0.999,
    window: '28d',
    windowType: 'rolling',
    budgetingMethod: 'Occurrences',
    windowStart: '2026-10-28T12:00:00.000Z',
    windowEnd: '2026-11-25T12:00:00.000Z',
    sli: 0.99938,
    counts: { good: 999_380, bad: 620, total: 1_000_000 },
    errorBudget: { remaining: 0.38, consumed: 0.62, allowedBadEvents: 1000 },
    burnRates: {
      '5m': 20.1,
      '30m': 9.8,
      '1h': 14.2,
      '2h': 8.7,
      '6h': 3.1,
      '1d': 1.6,
      '3d': null,
    },
    alerting: 'page',
    alertRules: [
      {
        severity: 'page',
        longWindow: '1h',
        shortWindow: '5m',
        threshold: 13.44,
        longBurnRate: 14.2,
        shortBurnRate: 20.1,
        firing: true,
      },
      {
        severity: 'ticket',
        longWindow: '3d',
        shortWindow: '6h',
        threshold: 0.93,
        longBurnRate: null,
        shortBurnRate: 3.1,
        firing: false,
      },
    ],
    timeToExhaustion: { '1h': 65_000, '6h': 300_000 },
    lowTraffic: true,
    maintenance: [
      { start: '2026-11-10T02:00:00.000Z', end: '2026-11-10T04:00:00.000Z' },
    ],
    queries: (['good', 'bad', 'total', 'metric'] as const).map(role => ({
      role,
      type: 'Prometheus',
      sourceRef: 'prometheus-prod',
      spec: { query: 'sum(http_requests_total)' },
    })),
    stepSeconds: 300,
    lastEvaluatedAt: '2026-11-25T12:01:00.000Z',
    lastError: 'connect ECONNREFUSED 10.0.0.7:9090',
    history: [
      {
        timestamp: '2026-11-01T00:00:00.000Z',
        sli: 0.9999,
        budgetRemaining: 0.9,
      },
      {
        timestamp: '2026-11-25T12:00:00.000Z',
        sli: 0.99938,
        budgetRemaining: 0.38,
      },
    ],
    ...overrides,
  };
}

const PROBLEM_CODES: Array<[SloProblem['code'], SloProblem['params']]> = [
  ['unreadable', { reason: 'ENOENT' }],
  ['yaml', { line: 3, reason: 'bad indentation' }],
  ['required', { field: 'spec' }],
  ['invalid-type', { field: 'spec', expected: 'object' }],
  ['invalid-value', { field: 'spec', value: 1.5, expected: '(0, 1)' }],
  ['unsupported', { field: 'spec', value: 'Ratio' }],
  ['unknown-reference', { field: 'spec', value: 'errors' }],
  ['duplicate', { field: 'spec', value: 'checkout' }],
  ['no-source', { field: 'spec' }],
];

describe('the SLO and placeholder cards in Japanese', () => {
  it('shows the SLO card, its details and problems without English', async () => {
    await renderInJapanese(
      <EntityProvider
        entity={entity('checkout-api', {
          'baton.dev/openslo': './openslo/checkout.yaml',
        })}
      >
        <EntitySloCard />
      </EntityProvider>,
      {
        getSlos: jest.fn().mockResolvedValue({
          items: [
            slo(),
            slo({
              id: 'latency',
              name: 'latency',
              displayName: 'latency',
              window: '1M',
              windowType: 'calendar',
              budgetingMethod: 'Timeslices',
              timeSliceTarget: 0.95,
              timeSliceWindow: '5m',
              sli: null,
              alerting: 'unknown',
              errorBudget: {
                remaining: null,
                consumed: null,
                allowedBadEvents: null,
              },
              windowStart: null,
              windowEnd: null,
              maintenance: [],
              lastEvaluatedAt: null,
              history: [],
            }),
            slo({ id: 'ticket', alerting: 'ticket', lastError: null }),
            slo({
              id: 'spent',
              alerting: 'ok',
              errorBudget: {
                remaining: -0.34,
                consumed: 1.34,
                allowedBadEvents: 1000,
              },
            }),
            slo({
              id: 'zero',
              errorBudget: { remaining: 0, consumed: 1, allowedBadEvents: 0 },
            }),
          ],
          problems: PROBLEM_CODES.map(([code, params], index) => ({
            file: './openslo/checkout.yaml',
            slo: `slo-${index}`,
            field: index ? `spec.field${index}` : '',
            code,
            params,
            message: `English message ${index}`,
          })),
        }),
      },
    );
    expect(await screen.findByText('使用できなかった定義')).toBeInTheDocument();
    expect(screen.getByText('SLO（サービスレベル目標）')).toBeInTheDocument();
    for (const button of screen.getAllByRole('button', { expanded: false })) {
      await userEvent.click(button);
    }
    expect(screen.getAllByText('数値の根拠').length).toBeGreaterThan(0);
    expect(screen.queryByText(/English message/)).toBeNull();
    expectNoEnglish();
    // Five SLOs with their charts and tables, expanded one by one.
  }, 30_000);

  it.each([
    [
      'with no SLOs',
      { getSlos: jest.fn().mockResolvedValue({ items: [], problems: [] }) },
      'SLO が見つかりません',
    ],
    [
      'while loading',
      { getSlos: () => new Promise<never>(() => {}) },
      'SLO（サービスレベル目標）',
    ],
    [
      'on errors',
      { getSlos: jest.fn().mockRejectedValue(new Error('boom')) },
      /boom/,
    ],
  ])('shows the SLO card %s without English', async (_, api, title) => {
    await renderInJapanese(
      <EntityProvider
        entity={entity('checkout-api', { 'baton.dev/openslo': './slo.yaml' })}
      >
        <EntitySloCard />
      </EntityProvider>,
      api,
    );
    expect((await screen.findAllByText(title)).length).toBeGreaterThan(0);
    expectNoEnglish();
  });

  it('shows the SLO, alert and cost cards of an entity without annotations without English', async () => {
    await renderInJapanese(
      <EntityProvider entity={entity('checkout-api')}>
        <EntitySloCard />
        <EntityAlertHistoryCard />
        <EntityCostCard />
      </EntityProvider>,
      {
        getAlerts: jest.fn().mockResolvedValue({
          ...alertList,
          items: [],
          nextCursor: undefined,
          // No selector and no alert ever mapped: how to set a source up.
          configured: false,
          summary: {
            count: 0,
            noisy: 0,
            mttaSeconds: null,
            mttrSeconds: null,
            cryWolfScore: null,
            responders: [],
          },
        }),
      },
    );
    expect(
      await screen.findByText('SLO（サービスレベル目標）'),
    ).toBeInTheDocument();
    expect(screen.getByText('アラート履歴')).toBeInTheDocument();
    expect(screen.getByText('コスト')).toBeInTheDocument();
    expect(
      await screen.findByText(/service=checkout-api に一致するアラート/),
    ).toBeInTheDocument();
    expectNoEnglish();
  });
});

describe('the alert history card in Japanese', () => {
  it('shows the summary, chart, filters, rows and noise tooltips without English', async () => {
    const acknowledgeAlert = jest
      .fn()
      .mockRejectedValueOnce(new Error('boom'))
      .mockResolvedValue({
        ...alertList.items[0],
        acknowledgedBy: ['user:default/aiko.tanaka'],
      });
    await renderInJapanese(
      <EntityProvider entity={entity('checkout-api')}>
        <EntityAlertHistoryCard />
      </EntityProvider>,
      { getAlerts: jest.fn().mockResolvedValue(alertList), acknowledgeAlert },
    );
    expect(
      await screen.findByRole('table', { name: 'アラート一覧' }),
    ).toBeInTheDocument();
    expect(screen.getByText('アラート履歴')).toBeInTheDocument();
    expect(screen.getByText('フラッピング')).toBeInTheDocument();
    expect(screen.getByText('1 件（オオカミ少年率 25%）')).toBeInTheDocument();
    expect(screen.getByText('aiko.tanaka 100%')).toBeInTheDocument();
    expect(screen.getByText('さらに読み込む')).toBeInTheDocument();
    // Closed tooltips are the chips' titles, which expectNoEnglish reads too.
    expect(
      screen.getByTitle('disk-usage が 24 時間以内に 3 回発火しました。'),
    ).toBeInTheDocument();
    // The acknowledge button is in the row's details.
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Checkout 5xx rate high の詳細を表示',
      }),
    );
    const ack = screen.getByRole('button', {
      name: 'Checkout 5xx rate high を確認済みにする',
    });
    await userEvent.click(ack);
    expect(
      await screen.findByText(/を確認済みにできませんでした: boom/),
    ).toBeInTheDocument();
    expectNoEnglish();

    await userEvent.click(screen.getByRole('checkbox', { name: 'ノイズのみ' }));
    expect(
      screen.getByText('読み込み済み 4 件中 1 件を表示'),
    ).toBeInTheDocument();
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: '重大度' }),
      'info',
    );
    expect(
      screen.getByText(
        '読み込み済みのアラートに条件と一致するものはありません。',
      ),
    ).toBeInTheDocument();
    expectNoEnglish();
  }, 30_000);

  it.each([
    [
      'with no alerts',
      {
        getAlerts: jest.fn().mockResolvedValue({
          ...alertList,
          items: [],
          nextCursor: undefined,
        }),
      },
      /以降のアラートはありません/,
    ],
    [
      'with no alert source',
      {
        getAlerts: jest.fn().mockResolvedValue({
          ...alertList,
          items: [],
          nextCursor: undefined,
          configured: false,
        }),
      },
      'このエンティティにはまだアラートのソースがつながっていません',
    ],
    [
      'while loading',
      { getAlerts: () => new Promise<never>(() => {}) },
      'アラート履歴',
    ],
    [
      'on errors',
      { getAlerts: jest.fn().mockRejectedValue(new Error('boom')) },
      /boom/,
    ],
  ])('shows the alert card %s without English', async (_, api, text) => {
    await renderInJapanese(
      <EntityProvider entity={entity('checkout-api')}>
        <EntityAlertHistoryCard />
      </EntityProvider>,
      api,
    );
    expect((await screen.findAllByText(text)).length).toBeGreaterThan(0);
    expectNoEnglish();
  });

  it('asks for the alert selector on an entity no alert reaches without English', async () => {
    await renderInJapanese(
      <EntityProvider entity={entity('gateway', {}, 'API')}>
        <EntityAlertHistoryCard />
      </EntityProvider>,
    );
    expect(
      await screen.findByText('アノテーションがありません'),
    ).toBeInTheDocument();
    expectNoEnglish();
  });
});

// Readiness ---------------------------------------------------------------

const NOW = '2026-11-25T00:00:00.000Z';

function person(name: string, files: number, userRef: string | null) {
  return {
    name,
    emails: [`${name.toLowerCase()}@shop.example`],
    userRef,
    files,
    share: files / 20,
    commits: files,
    lastCommitAt: '2026-11-20T10:00:00.000Z',
  } satisfies KnowledgePerson;
}

const knowledge: KnowledgeReport = {
  entityRef: 'component:default/checkout-api',
  computedAt: '2026-11-24T12:00:00.000Z',
  status: 'ok',
  repositories: [
    { location: '/srv/git/checkout.git', revision: 'abcdef0123456789' },
    { location: '/srv/git/infra.git', subdir: 'checkout' },
  ],
  truckFactor: 1,
  fileCount: 20,
  filesWithoutAuthor: 2,
  mode: 'pairing',
  truckFactorAuthors: [person('Aiko', 14, 'user:default/aiko')],
  people: [
    person('Aiko', 14, 'user:default/aiko'),
    ...Array.from({ length: 10 }, (_, i) => person(`Dev${i}`, 1, null)),
  ],
  authorSets: [{ people: [0], files: 14 }],
  iacFiles: 3,
  rule: 'Degree of authorship …',
};

/** Facts that make most checks say something: a well-kept service with one person holding it up. */
const heldByOne: ReadinessFacts = {
  now: NOW,
  entity: entity('checkout-api', {
    'backstage.io/techdocs-ref': 'dir:.',
    'baton.dev/runbook': 'https://runbooks.example/checkout',
    'baton.dev/backups': 'same-account',
    'baton.dev/openslo': './openslo/checkout.yaml',
    'baton.dev/last-drill': '2026-10-01',
    'baton.dev/repos': '/srv/git/checkout.git',
  }),
  owner: {
    ref: 'group:default/team-a',
    kind: 'group',
    members: ['user:default/aiko'],
  },
  knowledge,
  alerts: {
    acknowledgements: { 'user:default/aiko': 9 },
    seenInWindow: 12,
    noisyShare: 0.4,
  },
  slos: { count: 2 },
  accessResources: [
    {
      ref: 'resource:default/aws',
      source: 'aws',
      admins: ['user:default/aiko'],
      lastReviewCompletedAt: '2026-01-01T00:00:00.000Z',
    },
    {
      ref: 'resource:default/github',
      source: 'github',
      admins: [],
      lastReviewCompletedAt: null,
    },
  ],
};

/** Facts with little known: the other reasons. */
const bare: ReadinessFacts = {
  now: NOW,
  entity: entity('admin-console', {
    'baton.dev/backups': 'cross-region',
    'baton.dev/openslo': './openslo/admin.yaml',
    'baton.dev/last-drill': 'last spring',
    'baton.dev/alert-selector': 'job=admin',
    'baton.dev/iac': 'terraform/admin',
  }),
  owner: { ref: 'user:default/aiko', kind: 'user', members: [] },
  accessResources: [{ ref: 'resource:default/aws', source: 'aws' }],
};

function report(facts: ReadinessFacts): ReadinessReport {
  return {
    ...evaluateReadiness(facts, DEFAULT_READINESS_POLICY),
    trend: [
      { day: '2026-11-20', score: 70, level: 'at-risk', truckFactor: 2 },
      {
        day: '2026-11-24',
        score: 60,
        level: 'single-point-of-failure',
        truckFactor: 1,
      },
    ],
  };
}

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

/** The runbook check's freshness reasons: a stale file from the history, and reviews by annotation. */
const staleRunbook: ReadinessFacts = {
  ...heldByOne,
  entity: entity('checkout-api', {
    ...heldByOne.entity.metadata.annotations,
    'baton.dev/runbook': '/srv/git/checkout.git/docs/runbook.md',
  }),
  knowledge: {
    ...knowledge,
    runbook: {
      url: '/srv/git/checkout.git/docs/runbook.md',
      repository: '/srv/git/checkout.git',
      path: 'docs/runbook.md',
      lastChangedAt: '2026-02-01T09:00:00.000Z',
      lastChangedBy: [
        { name: 'Aiko', userRef: 'user:default/aiko', changes: 2 },
      ],
      changedBy: [{ name: 'Aiko', userRef: 'user:default/aiko', changes: 2 }],
    },
  },
};
const reviewedRunbook = (reviewed: string, reviewer?: string) => ({
  ...bare,
  entity: entity('admin-console', {
    ...bare.entity.metadata.annotations,
    'baton.dev/runbook': 'https://wiki.example/admin',
    'baton.dev/runbook-reviewed': reviewed,
    ...(reviewer ? { 'baton.dev/runbook-reviewer': reviewer } : {}),
  }),
});

describe('the ready-for-leave card in Japanese', () => {
  it.each([
    ['held by one person', heldByOne, knowledge],
    ['with a stale runbook', staleRunbook, knowledge],
    [
      'with a runbook reviewed lately',
      reviewedRunbook('2026-11-01', 'user:default/aiko'),
      knowledge,
    ],
    [
      'with a runbook reviewed long ago',
      reviewedRunbook('2025-01-10'),
      knowledge,
    ],
    ['with a review date that is no date', reviewedRunbook('soon'), knowledge],
    [
      'with backups and drills as evidence',
      {
        ...heldByOne,
        backups: {
          resources: [
            {
              name: 'orders-db',
              crossRegionCopyAt: '2026-11-23T12:00:00.000Z',
              crossRegionCopyTo: {
                region: 'ap-northeast-3',
                accountId: '111111111111',
              },
              crossAccountCopyAt: null,
              failedCopyAt: '2026-11-22T12:00:00.000Z',
              lastRestore: null,
              viaEntityRef: 'resource:default/orders-db',
            },
          ],
        },
        drills: [
          {
            scenario: 'restore-from-backup',
            performedAt: '2026-11-20T12:00:00.000Z',
            participants: ['user:default/aiko'],
            outcome: 'succeeded',
            teamRef: 'group:default/team-a',
          },
        ],
      } satisfies ReadinessFacts,
      knowledge,
    ],
    [
      'with a runbook link to a missing file',
      {
        ...staleRunbook,
        knowledge: {
          ...staleRunbook.knowledge!,
          runbook: {
            ...staleRunbook.knowledge!.runbook!,
            missing: true,
            lastChangedAt: null,
          },
        },
      },
      knowledge,
    ],
    [
      'with little known',
      bare,
      {
        ...knowledge,
        status: 'error',
        error: { message: 'remote reads are off' },
      } as KnowledgeReport,
    ],
  ])(
    'shows the ready-for-leave card %s without English',
    async (_, facts, knowledgeReport) => {
      await renderInJapanese(
        <EntityProvider entity={heldByOne.entity}>
          <EntityReadyForLeaveCard />
        </EntityProvider>,
        {
          getReadiness: jest.fn().mockResolvedValue(report(facts)),
          getKnowledge: jest.fn().mockResolvedValue(knowledgeReport),
        },
      );
      expect(
        await screen.findByRole('list', { name: '備えのチェック項目' }),
      ).toBeInTheDocument();
      expect(screen.getByText('育休・休暇への備え')).toBeInTheDocument();
      expectNoEnglish();
    },
  );

  it('shows the ready-for-leave card before the knowledge is scored and without repositories without English', async () => {
    await renderInJapanese(
      <>
        <EntityProvider entity={heldByOne.entity}>
          <EntityReadyForLeaveCard />
        </EntityProvider>
        <EntityProvider entity={entity('no-repos')}>
          <EntityReadyForLeaveCard />
        </EntityProvider>
      </>,
      {
        getReadiness: jest
          .fn()
          .mockResolvedValue({ ...report(bare), trend: [] }),
        getKnowledge: jest.fn().mockImplementation(async () => {
          throw await notFound();
        }),
      },
    );
    expect(
      await screen.findByText(/まだ集計されていません/),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('アノテーションがありません'),
    ).toBeInTheDocument();
    expectNoEnglish();
  });
});

// Team report -------------------------------------------------------------

const during: ServiceDuringAbsence = {
  level: 'single-point-of-failure',
  score: 40,
  truckFactor: 0,
  affected: true,
  uncovered: [
    'No one left authors most of the code.',
    'No one left who has handled its alerts.',
    'No admin left for resource:default/aws.',
  ],
  uncoveredCodes: [
    { code: 'noAuthorLeft', params: {} },
    { code: 'noResponderLeft', params: {} },
    { code: 'noAdminLeft', params: { resource: 'resource:default/aws' } },
  ],
  flipped: [
    {
      id: 'alert-responders',
      title: 'Alerts are handled by more than one person',
      before: 'pass',
      after: 'fail',
      reason: 'No one acknowledged an alert in the last 90 days.',
      reasonCode: 'noAcknowledgements',
      reasonParams: { days: 90 },
    },
  ],
};

const teamReport: TeamReport = {
  team: { ref: 'group:default/fulfilment', title: 'fulfilment' },
  members: [
    { userRef: 'user:default/aiko', name: 'Aiko' },
    { userRef: 'user:default/farid', name: 'Farid' },
  ],
  absent: ['user:default/aiko'],
  days: 21,
  services: [
    {
      entityRef: 'component:default/checkout-api',
      kind: 'component',
      title: 'checkout-api',
      readiness: report(heldByOne),
      during,
    },
    {
      entityRef: 'component:default/admin-console',
      kind: 'component',
      title: 'admin-console',
      readiness: { ...report(bare), trend: [] },
      during: { ...during, affected: false },
    },
  ],
  soleCovers: [
    {
      userRef: 'user:default/aiko',
      name: 'Aiko',
      soleKnowledgeHolder: ['component:default/checkout-api'],
      soleResponder: ['component:default/checkout-api'],
      soleAdmin: ['resource:default/aws'],
      soleOperator: [],
    },
  ],
  knowledgeMap: [
    {
      userRef: 'user:default/aiko',
      name: 'Aiko',
      shares: { 'component:default/checkout-api': 0.7 },
      former: [],
    },
  ],
  knowledgeHolderDays: 180,
};

describe('the team report in Japanese', () => {
  it('shows the team report with a leave simulation, and exports it, without English', async () => {
    const blobs: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:report';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});

    await renderInJapanese(
      <EntityProvider entity={entity('fulfilment', {}, 'Group')}>
        <EntityTeamBusFactorContent />
      </EntityProvider>,
      { getTeamReport: jest.fn().mockResolvedValue(teamReport) },
    );
    expect(await screen.findByText('休暇シミュレーション')).toBeInTheDocument();
    expect(screen.getByText('休暇中')).toBeInTheDocument();
    expectNoEnglish();

    await userEvent.click(
      screen.getByRole('button', { name: 'CSV をエクスポート' }),
    );
    const csv = (await blobs[0].text()).replace(/^\uFEFF/, '');
    expect(csv.split('\n')[0]).toBe(
      'サービス,レベル,スコア,トラック係数,不合格のチェック,判定不能のチェック,休暇中のレベル,休暇中のトラック係数,誰もいなくなるもの',
    );
    expect(csv).toContain('コードの大部分を書いた人が誰も残りません。');
    expect(csv).not.toContain('No one left');
    click.mockRestore();
  });

  it('shows the bus-factor page without English', async () => {
    const group = {
      ...entity('fulfilment', {}, 'Group'),
      spec: { type: 'team', children: [] },
    };
    await renderInJapanese(
      <TeamBusFactorPage />,
      {
        getTeamReport: jest
          .fn()
          .mockResolvedValue({ ...teamReport, absent: [], days: 0 }),
      },
      [group],
    );
    expect(
      await screen.findByText('fulfilment のサービス'),
    ).toBeInTheDocument();
    expect(screen.getAllByText('チーム').length).toBeGreaterThan(0);
    expectNoEnglish();
  });
});

// Reliability review --------------------------------------------------------

/** The review fixtures with texts people write in Japanese. */
const japaneseReview = currentReview({
  notes: '## 決定事項\n\n- バーンレートだけで呼び出す',
  actionItems: [reviewActionItem({ title: '決済のリストア手順書を書く' })],
});
const japaneseItems = [
  { ...carriedOverItem, title: 'フラッピングするディスクのアラートを止める' },
  reviewActionItem({ title: '決済のリストア手順書を書く' }),
];

const reviewFailure = (status: number, message: string) =>
  ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'InputError', message },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ),
  );

describe('the reliability review in Japanese', () => {
  const group = entity('team-checkout', {}, 'Group');

  it('shows the agenda, notes, action items and history of a review in progress without English', async () => {
    await renderInJapanese(
      <EntityProvider entity={group}>
        <ReliabilityReviewContent />
      </EntityProvider>,
      {
        getTeamReview: jest.fn().mockResolvedValue(
          teamReview({
            current: japaneseReview,
            openActionItems: japaneseItems,
          }),
        ),
        updateReview: jest.fn(async () => {
          throw await reviewFailure(409, 'revision 3 != 4');
        }),
        addReviewAction: jest.fn(async () => {
          throw await reviewFailure(400, 'link: http(s) のみ');
        }),
        getReview: jest.fn().mockResolvedValue({
          review: {
            ...pastReview,
            notes: '### フォローアップ',
            actionItems: [
              {
                ...carriedOverItem,
                title: 'フラッピングするディスクのアラートを止める',
              },
            ],
          },
          agenda: reviewAgenda(),
        }),
      },
    );
    expect(
      await screen.findByText('Checkout squad の信頼性レビュー'),
    ).toBeInTheDocument();
    expect(screen.getByText(/（進行中のレビュー）$/)).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'checkout-api のアラート' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/^チームメンバーが判断すべき項目を含む/),
    ).toBeInTheDocument();
    expect(screen.getByText(/のレビューから引き継ぎ$/)).toBeInTheDocument();
    expect(screen.getByText('$4,480.50')).toBeInTheDocument();
    expectNoEnglish();

    // A conflicting save, a bad field, the finish dialog and a past review.
    const notes = screen.getByRole('textbox', { name: 'メモ（Markdown）' });
    await userEvent.type(notes, '。');
    await userEvent.click(screen.getByRole('button', { name: 'メモを保存' }));
    expect(
      await screen.findByText(/^メモは保存されませんでした: revision 3 != 4/),
    ).toBeInTheDocument();
    const form = screen.getByRole('form', { name: 'アクションアイテムを追加' });
    await userEvent.type(
      within(form).getByRole('textbox', { name: 'タイトル' }),
      '手順書',
    );
    await userEvent.click(within(form).getByRole('button', { name: '追加' }));
    expect(await within(form).findByText('http(s) のみ')).toBeInTheDocument();
    await userEvent.click(
      within(screen.getByRole('list', { name: '過去のレビュー' })).getByRole(
        'button',
      ),
    );
    expect(
      await screen.findByRole('heading', { name: 'フォローアップ' }),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'レビューを完了' }),
    );
    expect(
      screen.getByRole('dialog', { name: 'レビューを完了しますか？' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/保存していない変更があります/),
    ).toBeInTheDocument();
    expectNoEnglish();
  }, 30_000);

  it('shows the start dialog between reviews without English', async () => {
    await renderInJapanese(
      <EntityProvider entity={group}>
        <ReliabilityReviewContent />
      </EntityProvider>,
      {
        getTeamReview: jest.fn().mockResolvedValue(
          teamReviewNotStarted({
            sinceSource: 'chosen',
            openActionItems: [japaneseItems[0]],
          }),
        ),
        startReview: jest.fn(async () => {
          throw await reviewFailure(409, '409');
        }),
      },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'レビューを開始' }),
    );
    expect(
      screen.getByRole('dialog', { name: '信頼性レビューを開始' }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '開始' }));
    expect(
      await screen.findByText('レビューを開始できませんでした: 409'),
    ).toBeInTheDocument();
    expect(screen.getByText(/（指定した日付）$/)).toBeInTheDocument();
    expectNoEnglish();
  }, 20_000);

  it.each([
    [
      'with empty and unavailable sections',
      {
        getTeamReview: jest.fn().mockResolvedValue(
          teamReviewNotStarted({
            sinceSource: 'default',
            lastReview: null,
            history: [],
            openActionItems: [],
            agenda: reviewAgenda({
              alerts: {
                total: 0,
                noisy: 0,
                services: [],
                unavailable: { code: 'no-alerts', message: 'none' },
              },
              slos: { checked: 3, atRisk: [] },
              cost: {
                ...reviewAgenda().cost,
                unavailable: { code: 'no-cost-data', message: 'none' },
              },
              readiness: { services: 2, changes: [] },
              access: { openItems: 1, campaigns: [] },
              activity: { members: [] },
            }),
          }),
        ),
      },
      () => screen.findAllByText(/既定の 14 日間/),
    ],
    [
      'with nothing since the last review',
      {
        getTeamReview: jest.fn().mockResolvedValue(
          teamReviewNotStarted({
            agenda: reviewAgenda({
              alerts: { total: 0, noisy: 0, services: [] },
              slos: {
                checked: 0,
                atRisk: [],
                unavailable: { code: 'no-slos', message: 'none' },
              },
              cost: {
                ...reviewAgenda().cost,
                total: null,
                previousTotal: null,
                change: null,
                changeAmount: null,
                movers: [],
                anomalies: [],
                unallocatedShare: null,
              },
            }),
          }),
        ),
      },
      () => screen.findAllByText(/以降のアラートはありません。$/),
    ],
    [
      'for a team that owns no service',
      {
        getTeamReview: jest.fn().mockResolvedValue(
          teamReviewNotStarted({
            agenda: reviewAgenda({ readiness: { services: 0, changes: [] } }),
          }),
        ),
      },
      () =>
        screen.findAllByText('Checkout squad が所有するサービスはありません'),
    ],
    [
      'while loading',
      { getTeamReview: () => new Promise<never>(() => {}) },
      () => screen.findAllByTestId('progress'),
    ],
    [
      'on errors',
      { getTeamReview: jest.fn().mockRejectedValue(new Error('boom')) },
      () => screen.findAllByText(/boom/),
    ],
  ])('shows the review %s without English', async (_, api, shown) => {
    await renderInJapanese(
      <EntityProvider entity={group}>
        <ReliabilityReviewContent />
      </EntityProvider>,
      api,
    );
    expect((await shown()).length).toBeGreaterThan(0);
    expectNoEnglish();
  });

  it('says the review belongs on a Group without English', async () => {
    await renderInJapanese(
      <EntityProvider entity={entity('checkout-api')}>
        <ReliabilityReviewContent />
      </EntityProvider>,
    );
    expect(await screen.findByText('チームではありません')).toBeInTheDocument();
    expectNoEnglish();
  });

  it('shows the reliability-review page without English', async () => {
    await renderInJapanese(
      <ReliabilityReviewPage />,
      {
        getTeamReview: jest.fn().mockResolvedValue(
          teamReview({
            current: japaneseReview,
            openActionItems: japaneseItems,
          }),
        ),
      },
      [{ ...group, spec: { type: 'team', children: [] } }],
    );
    expect(
      await screen.findByText('Checkout squad の信頼性レビュー'),
    ).toBeInTheDocument();
    expect(screen.getAllByText('チーム').length).toBeGreaterThan(0);
    expectNoEnglish();
  });

  it('says the alert list starts at the last review without English', async () => {
    await renderInJapanese(
      <EntityProvider entity={entity('checkout-api')}>
        <EntityAlertHistoryCard />
      </EntityProvider>,
      {
        getAlerts: jest.fn().mockResolvedValue({
          ...alertList,
          fromSource: 'last-review',
          lastReview: {
            id: '5',
            teamRef: 'group:default/team-checkout',
            finishedAt: '2026-11-11T10:00:00.000Z',
          },
        }),
      },
    );
    expect(
      await screen.findByText(
        /^team-checkout の前回の信頼性レビュー（.+）以降 · ラベル service=checkout-api のアラート$/,
      ),
    ).toBeInTheDocument();
    expectNoEnglish();
  });
});

// Access reviews ------------------------------------------------------------

async function renderAccessInJapanese(
  element: JSX.Element,
  sreApi: Partial<SreApi>,
) {
  await renderInTestApp(element, {
    apis: [
      japanese(),
      [sreApiRef, sreApi],
      mockApis.identity({ userEntityRef: ACCESS_USER }),
      [
        catalogApiRef,
        catalogApiMock({
          entities: [
            {
              ...entity('farid', {}, 'User'),
              spec: { profile: { displayName: 'ファリド' } },
            },
          ],
        }),
      ],
    ],
    mountedRoutes: {
      '/catalog/:namespace/:kind/:name': entityRouteRef,
      '/access-reviews': accessReviewsRouteRef,
    },
  });
}

/** Campaign 3 with every kind of audit entry, a failed source and texts people write in Japanese. */
function japaneseCampaign() {
  const detail = accessCampaignDetail({
    campaign: accessCampaign({
      title: '第4四半期のアクセス棚卸し',
      dueDate: '2020-01-31',
      resources: [
        ...accessCampaign().resources,
        {
          resourceRef: 'resource:default/monitoring-saas',
          source: 'file:monitoring-saas',
          generatedAt: null,
          error: 'ENOENT: monitoring-saas.csv',
        },
      ],
    }),
  });
  // A GitHub role named `member` reads like an English message (a team's member count).
  detail.items[1].privilege = 'maintain';
  detail.items[3].comment = '請求ダッシュボードの運用に必要';
  detail.items[4].flags.push('shared');
  detail.audit.push(
    {
      id: '3',
      campaignId: '3',
      at: '2026-11-22T10:00:00.000Z',
      actor: 'user:default/aiko',
      action: 'decision-changed',
      itemId: '43',
      details: {
        principal: 'old-contractor',
        resource: 'hanamori',
        from: 'keep',
        decision: 'transfer',
        transferTo: 'user:default/farid',
        comment: '契約終了のため',
      },
    },
    {
      id: '4',
      campaignId: '3',
      at: '2026-11-22T11:00:00.000Z',
      actor: 'external:audit-export',
      action: 'evidence-downloaded',
      itemId: null,
      details: { format: 'csv' },
    },
  );
  return detail;
}

describe('the access reviews in Japanese', () => {
  it('shows the campaign list and the start dialog without English', async () => {
    await renderAccessInJapanese(<AccessCampaignList />, {
      listAccessCampaigns: jest.fn().mockResolvedValue([
        japaneseCampaign().campaign,
        accessCampaign({
          id: '2',
          title: '第3四半期のアクセス棚卸し',
          state: 'closed',
          dueDate: null,
          createdBy: 'plugin:sre',
        }),
      ]),
      createAccessCampaign: jest.fn(async () => {
        throw await accessFailure(
          400,
          'resourceRefs: アクセス元のある Resource がありません',
        );
      }),
    });
    expect(
      await screen.findByRole('link', { name: '第4四半期のアクセス棚卸し' }),
    ).toBeInTheDocument();
    expect(screen.getAllByText('5 件中 1 件判断済み')).toHaveLength(2);
    expect(screen.getByText('承認済み')).toBeInTheDocument();
    expect(screen.getByText('期限なし')).toBeInTheDocument();
    expect(screen.getByText(/^期限超過/)).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: '自分の判断待ち' }),
    ).toBeInTheDocument();
    expectNoEnglish();

    await userEvent.click(screen.getByRole('button', { name: '棚卸しを開始' }));
    const dialog = screen.getByRole('dialog', {
      name: 'アクセスレビューの棚卸しを開始',
    });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'タイトル' }),
      '第1四半期',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: '開始' }));
    expect(
      await within(dialog).findByText(/^棚卸しを開始できませんでした: /),
    ).toBeInTheDocument();
    expectNoEnglish();
  }, 30_000);

  it('shows a campaign, its filters, dialogs and audit log without English', async () => {
    await renderAccessInJapanese(<AccessCampaignPage campaignId="3" />, {
      getAccessCampaign: jest.fn().mockResolvedValue(japaneseCampaign()),
      decideAccessItem: jest.fn(async () => {
        throw await accessFailure(
          403,
          'あなたはこの項目のレビュアーではありません',
        );
      }),
      closeAccessCampaign: jest.fn(async () => {
        throw await accessFailure(409, '未判断の項目が 4 件あります');
      }),
    });
    expect(
      await screen.findByRole('heading', { name: '第4四半期のアクセス棚卸し' }),
    ).toBeInTheDocument();
    expect(screen.getByText('5 件中 1 件判断済み')).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'アクセスレビューの項目' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('table', { name: '監査ログ' })).toBeInTheDocument();
    expect(
      screen.getByText(/の取得に失敗しました: ENOENT/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'hanamori の old-contractor: 継続 → 移譲 移譲先: farid 「契約終了のため」',
      ),
    ).toBeInTheDocument();
    expectNoEnglish();

    // The filters, with nothing left to show.
    const filters = screen.getByRole('group', { name: '項目の絞り込み' });
    await userEvent.click(
      within(filters).getByRole('checkbox', { name: '管理者権限' }),
    );
    await userEvent.selectOptions(
      within(filters).getByRole('combobox', { name: '判断' }),
      'decided',
    );
    expect(
      screen.getByText('絞り込みに一致する項目はありません。'),
    ).toBeInTheDocument();
    expectNoEnglish();
    await userEvent.selectOptions(
      within(filters).getByRole('combobox', { name: '判断' }),
      'all',
    );
    await userEvent.click(
      within(filters).getByRole('checkbox', { name: '管理者権限' }),
    );

    // Keeping stale access without a comment, then a refusal.
    const farid = screen.getByRole('group', {
      name: 'hanamori の farid-h を判断',
    });
    await userEvent.click(within(farid).getByRole('button', { name: '継続' }));
    const keep = screen.getByRole('dialog', { name: 'アクセス権を継続' });
    await userEvent.click(
      within(keep).getByRole('button', { name: '判断を保存' }),
    );
    expect(
      within(keep).getByText(/^90 日を超えて使われていない/),
    ).toBeInTheDocument();
    expectNoEnglish();
    await userEvent.type(
      within(keep).getByRole('textbox', { name: 'コメント' }),
      '1 月から当番',
    );
    await userEvent.click(
      within(keep).getByRole('button', { name: '判断を保存' }),
    );
    expect(
      await within(keep).findByText(/^判断を保存できませんでした: /),
    ).toBeInTheDocument();
    expectNoEnglish();
    await userEvent.click(
      within(keep).getByRole('button', { name: 'キャンセル' }),
    );

    // A transfer with its user picker, and a bulk selection.
    await userEvent.click(
      screen.getByRole('checkbox', {
        name: '表示中の、自分が判断できる項目をすべて選択',
      }),
    );
    const bulk = screen.getByRole('toolbar', {
      name: '選択した項目をまとめて判断',
    });
    expect(within(bulk).getByText('3 件を選択中')).toBeInTheDocument();
    await userEvent.click(within(bulk).getByRole('button', { name: '移譲' }));
    const transfer = screen.getByRole('dialog', { name: 'アクセス権を移譲' });
    await userEvent.type(
      within(transfer).getByRole('textbox', { name: '移譲先' }),
      'ファ',
    );
    expect(
      await screen.findByRole('option', {
        name: 'ファリド (user:default/farid)',
      }),
    ).toBeInTheDocument();
    await userEvent.click(
      within(transfer).getByRole('button', { name: '判断を保存' }),
    );
    expect(
      within(transfer).getByText(/^移譲には、理由と引き継ぐ内容/),
    ).toBeInTheDocument();
    expectNoEnglish();
    await userEvent.click(
      within(transfer).getByRole('button', { name: 'キャンセル' }),
    );

    // The sign-off, refused.
    await userEvent.click(screen.getByRole('button', { name: '承認して完了' }));
    const signOff = screen.getByRole('dialog', {
      name: '棚卸しを承認して完了しますか？',
    });
    expect(
      within(signOff).getByText(/^未判断の項目が 4 件/),
    ).toBeInTheDocument();
    await userEvent.click(
      within(signOff).getByRole('button', { name: '承認して完了' }),
    );
    expect(
      await within(signOff).findByText(/^承認できませんでした: /),
    ).toBeInTheDocument();
    expectNoEnglish();
  }, 60_000);

  it('shows a signed-off campaign without English', async () => {
    await renderAccessInJapanese(<AccessCampaignPage campaignId="3" />, {
      getAccessCampaign: jest.fn().mockResolvedValue(closedCampaignDetail()),
      getAccessEvidence: jest.fn(async () => {
        throw await accessFailure(500, 'ストレージに接続できません');
      }),
    });
    expect(
      await screen.findByText(/判断は確定しており、変更できません。$/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('継続 1 件、剥奪 4 件、移譲 0 件'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'JSON をエクスポート' }),
    );
    expect(
      await screen.findByText(/^証跡をエクスポートできませんでした: /),
    ).toBeInTheDocument();
    expectNoEnglish();
  }, 30_000);

  it('shows the user’s items without English', async () => {
    const [, farid, contractor] = japaneseCampaign().items;
    await renderAccessInJapanese(<MyAccessReviews />, {
      getAccessTasks: jest.fn().mockResolvedValue([farid, contractor]),
      listAccessCampaigns: jest
        .fn()
        .mockResolvedValue([japaneseCampaign().campaign]),
    });
    expect(
      await screen.findByRole('region', {
        name: '第4四半期のアクセス棚卸し のあなたの項目',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'すべての棚卸し' }),
    ).toBeInTheDocument();
    expectNoEnglish();
  }, 30_000);

  const pending = () => new Promise<never>(() => {});
  it.each([
    [
      'the empty campaign list',
      <AccessCampaignList />,
      { listAccessCampaigns: jest.fn().mockResolvedValue([]) },
      () => screen.findAllByText('棚卸しはまだありません'),
    ],
    [
      'the loading campaign list',
      <AccessCampaignList />,
      { listAccessCampaigns: pending },
      () => screen.findAllByTestId('progress'),
    ],
    [
      'the campaign list on errors',
      <AccessCampaignList />,
      { listAccessCampaigns: jest.fn().mockRejectedValue(new Error('boom')) },
      () => screen.findAllByText(/boom/),
    ],
    [
      'a loading campaign',
      <AccessCampaignPage campaignId="3" />,
      { getAccessCampaign: pending },
      () => screen.findAllByTestId('progress'),
    ],
    [
      'a campaign that does not exist',
      <AccessCampaignPage campaignId="9" />,
      {
        getAccessCampaign: jest.fn(async () => {
          throw await accessFailure(404, 'No access-review campaign 9');
        }),
      },
      () => screen.findAllByText('棚卸しが見つかりません'),
    ],
    [
      'a campaign on errors',
      <AccessCampaignPage campaignId="3" />,
      { getAccessCampaign: jest.fn().mockRejectedValue(new Error('boom')) },
      () => screen.findAllByText(/boom/),
    ],
    [
      'a campaign without items',
      <AccessCampaignPage campaignId="3" />,
      {
        getAccessCampaign: jest
          .fn()
          .mockResolvedValue(accessCampaignDetail({ items: [], audit: [] })),
      },
      () => screen.findAllByText('この棚卸しには項目がありません。'),
    ],
    [
      'no items to review',
      <MyAccessReviews />,
      {
        getAccessTasks: jest.fn().mockResolvedValue([]),
        listAccessCampaigns: jest.fn().mockResolvedValue([]),
      },
      () => screen.findAllByText('判断待ちはありません'),
    ],
    [
      'the loading items to review',
      <MyAccessReviews />,
      { getAccessTasks: pending, listAccessCampaigns: pending },
      () => screen.findAllByTestId('progress'),
    ],
  ])('shows %s without English', async (_, element, api, shown) => {
    await renderAccessInJapanese(element, api);
    expect((await shown()).length).toBeGreaterThan(0);
    expectNoEnglish();
  });
});
