import type {
  Review,
  ReviewActionItem,
  ReviewAgenda,
  ReviewSummary,
  TeamReviewResponse,
} from '@baton/plugin-sre-common';

/** The team of every review fixture. */
export const REVIEW_TEAM = 'group:default/team-checkout';

const usd = (amount: number) => ({ amount, currency: 'USD' });

/** An open item raised in the review in progress (7), with the given fields changed. */
export function reviewActionItem(
  overrides: Partial<ReviewActionItem> = {},
): ReviewActionItem {
  return {
    id: '21',
    reviewId: '7',
    title: 'Write the payments restore runbook',
    ownerRef: 'user:default/aiko',
    due: '2026-12-05',
    link: 'https://tracker.example/SRE-12',
    status: 'open',
    createdAt: '2026-11-25T10:20:00.000Z',
    createdBy: 'user:default/aiko',
    closedAt: null,
    closedBy: null,
    closedInReviewId: null,
    ...overrides,
  };
}

/** An item of the review of Nov 11 that is still open: it carries over. */
export const carriedOverItem = reviewActionItem({
  id: '15',
  reviewId: '5',
  title: 'Silence the flapping disk alert',
  ownerRef: null,
  due: null,
  link: null,
  createdAt: '2026-11-11T09:40:00.000Z',
});

/** The review of Nov 11, 2026, finished by Daniel with three attendees. */
export const pastReview: ReviewSummary = {
  id: '5',
  teamRef: REVIEW_TEAM,
  state: 'finished',
  since: '2026-10-28T10:00:00.000Z',
  startedAt: '2026-11-11T09:00:00.000Z',
  startedBy: 'user:default/daniel',
  finishedAt: '2026-11-11T10:00:00.000Z',
  finishedBy: 'user:default/daniel',
  attendees: ['user:default/aiko', 'user:default/farid', 'user:default/daniel'],
  revision: 9,
};

/** The review in progress (7), started by Aiko on Nov 25 at revision 3. */
export function currentReview(overrides: Partial<Review> = {}): Review {
  return {
    id: '7',
    teamRef: REVIEW_TEAM,
    state: 'in-progress',
    since: '2026-11-11T10:00:00.000Z',
    startedAt: '2026-11-25T10:00:00.000Z',
    startedBy: 'user:default/aiko',
    finishedAt: null,
    finishedBy: null,
    attendees: ['user:default/aiko', 'user:default/farid'],
    revision: 3,
    notes: '## Decisions\n\n- Page on **burn rate** only',
    actionItems: [reviewActionItem()],
    ...overrides,
  };
}

/**
 * The agenda since Nov 11: checkout-api with three noisy alerts of four
 * (three listed), a paging SLO, spend up 10% with two movers and an
 * anomaly, payments now a single point of failure, access reviews not
 * built, and two members.
 */
export function reviewAgenda(
  overrides: Partial<ReviewAgenda> = {},
): ReviewAgenda {
  const noise = (flag: 'transient' | 'flapping' | 'never-acknowledged') => ({
    flag,
    params: { minutes: 3, limit: 5, count: 4, hours: 24, monitor: 'disk' },
    explanation: `${flag} explained`,
  });
  return {
    since: '2026-11-11T10:00:00.000Z',
    until: '2026-11-25T10:00:00.000Z',
    alerts: {
      total: 5,
      noisy: 3,
      services: [
        {
          entityRef: 'component:default/checkout-api',
          title: 'checkout-api',
          count: 4,
          noisy: 3,
          alerts: [
            {
              id: 'a1',
              title: 'Disk almost full',
              severity: 'warning',
              status: 'resolved',
              startsAt: '2026-11-20T08:00:00.000Z',
              endsAt: '2026-11-20T08:03:00.000Z',
              acknowledgedBy: [],
              noise: [noise('flapping'), noise('transient')],
            },
            {
              id: 'a2',
              title: 'Checkout 5xx rate high',
              severity: 'critical',
              status: 'firing',
              startsAt: '2026-11-24T10:00:00.000Z',
              acknowledgedBy: [],
              noise: [noise('never-acknowledged')],
            },
            {
              id: 'a3',
              title: 'Queue depth',
              severity: 'info',
              status: 'resolved',
              startsAt: '2026-11-22T10:00:00.000Z',
              endsAt: '2026-11-22T10:02:00.000Z',
              acknowledgedBy: [],
              noise: [noise('transient')],
            },
          ],
        },
        {
          entityRef: 'component:default/payments',
          title: 'payments',
          count: 1,
          noisy: 0,
          alerts: [
            {
              id: 'a5',
              title: 'Payments latency p95',
              severity: 'critical',
              status: 'resolved',
              startsAt: '2026-11-21T12:00:00.000Z',
              endsAt: '2026-11-21T13:00:00.000Z',
              acknowledgedBy: ['user:default/aiko'],
              noise: [],
            },
          ],
        },
      ],
    },
    slos: {
      checked: 4,
      atRisk: [
        {
          entityRef: 'component:default/checkout-api',
          title: 'checkout-api',
          sloId: 'availability',
          name: 'checkout-availability',
          objective: 0.999,
          sli: 0.99712,
          budgetRemaining: 0.15,
          budgetSpentSince: 0.62,
          alerting: 'page',
          reasons: ['burning', 'below-objective'],
        },
      ],
    },
    cost: {
      from: '2026-11-11',
      to: '2026-11-26',
      currency: 'USD',
      total: usd(4480.5),
      previousTotal: usd(4067.08),
      change: 413.42 / 4067.08,
      changeAmount: usd(413.42),
      coverage: {
        periodDays: 15,
        days: 15,
        previousDays: 15,
        dataFrom: '2026-08-01',
      },
      movers: [
        {
          entityRef: 'component:default/checkout-api',
          title: 'checkout-api',
          total: usd(3280.5),
          previousTotal: usd(2733.75),
          change: 0.2,
          changeAmount: usd(546.75),
        },
        {
          entityRef: 'component:default/payments',
          title: 'payments',
          total: usd(1200),
          previousTotal: usd(1333.33),
          change: -0.1,
          changeAmount: usd(-133.33),
        },
      ],
      anomalies: [
        {
          entityRef: 'component:default/checkout-api',
          title: 'checkout-api',
          date: '2026-11-18',
          amount: usd(420.5),
          expected: usd(100),
          rule: 'sigma',
        },
      ],
      unallocatedShare: usd(270),
    },
    readiness: {
      services: 2,
      changes: [
        {
          entityRef: 'component:default/payments',
          title: 'payments',
          before: { day: '2026-11-11', level: 'at-risk', score: 72 },
          after: { level: 'single-point-of-failure', score: 64 },
          direction: 'worse',
        },
      ],
    },
    access: {
      unavailable: {
        code: 'no-open-campaign',
        message:
          'No open access-review campaign has items for the team’s members to decide',
      },
      openItems: 0,
      campaigns: [],
    },
    activity: {
      members: [
        {
          userRef: 'user:default/aiko',
          name: 'Aiko',
          commits: [
            {
              entityRef: 'component:default/checkout-api',
              title: 'checkout-api',
              lastCommitAt: '2026-11-24T09:00:00.000Z',
            },
          ],
          acknowledged: 4,
          decisions: null,
        },
        {
          userRef: 'user:default/farid',
          name: 'Farid',
          commits: [],
          acknowledged: 0,
          decisions: null,
        },
      ],
    },
    ...overrides,
  };
}

/** The team's page with the review of Nov 25 in progress; the given fields changed. */
export function teamReview(
  overrides: Partial<TeamReviewResponse> = {},
): TeamReviewResponse {
  return {
    team: { ref: REVIEW_TEAM, title: 'Checkout squad' },
    members: [
      { userRef: 'user:default/aiko', name: 'Aiko' },
      { userRef: 'user:default/farid', name: 'Farid' },
      { userRef: 'user:default/daniel', name: 'Daniel' },
    ],
    since: '2026-11-11T10:00:00.000Z',
    sinceSource: 'current-review',
    current: currentReview(),
    lastReview: pastReview,
    openActionItems: [carriedOverItem, reviewActionItem()],
    agenda: reviewAgenda(),
    history: [pastReview],
    ...overrides,
  };
}

/** The same team between reviews: nothing in progress, the agenda since the last one. */
export function teamReviewNotStarted(
  overrides: Partial<TeamReviewResponse> = {},
): TeamReviewResponse {
  return teamReview({
    sinceSource: 'last-review',
    since: pastReview.finishedAt!,
    current: null,
    openActionItems: [carriedOverItem],
    ...overrides,
  });
}
