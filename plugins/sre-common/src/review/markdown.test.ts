import { reviewMarkdown } from './markdown';
import type { Review, ReviewActionItem, ReviewAgenda } from './types';

const item = (overrides: Partial<ReviewActionItem>): ReviewActionItem => ({
  id: '1',
  reviewId: '7',
  title: 'Write the runbook',
  ownerRef: 'user:default/ada',
  due: '2026-12-01',
  link: null,
  status: 'open',
  createdAt: '2026-11-25T09:00:00Z',
  createdBy: 'user:default/ada',
  closedAt: null,
  closedBy: null,
  closedInReviewId: null,
  ...overrides,
});

const review: Review = {
  id: '7',
  teamRef: 'group:default/checkout',
  state: 'finished',
  since: '2026-11-11T09:00:00.000Z',
  startedAt: '2026-11-25T09:00:00.000Z',
  startedBy: 'user:default/ada',
  finishedAt: '2026-11-25T09:30:00.000Z',
  finishedBy: 'user:default/bo',
  attendees: ['user:default/ada', 'user:default/bo'],
  revision: 4,
  notes: '## Payments\n- retry storm on **Monday**',
  actionItems: [
    item({ title: 'Fix [retry] storm <now>', link: 'https://t.example/1' }),
    item({ id: '2', status: 'done', ownerRef: null, due: null }),
  ],
};

const agenda: ReviewAgenda = {
  since: review.since,
  until: review.finishedAt!,
  alerts: {
    total: 1,
    noisy: 1,
    services: [
      {
        entityRef: 'component:default/pay',
        title: 'pay',
        count: 1,
        noisy: 1,
        alerts: [
          {
            id: '9',
            title: 'Retry *storm*',
            severity: 'critical',
            status: 'resolved',
            startsAt: '2026-11-20T03:00:00.000Z',
            acknowledgedBy: [],
            noise: [{ flag: 'flapping', params: {}, explanation: '' }],
          },
        ],
      },
    ],
  },
  slos: { checked: 2, atRisk: [] },
  cost: {
    from: '2026-11-11',
    to: '2026-11-26',
    currency: 'USD',
    total: { amount: 1234.5, currency: 'USD' },
    previousTotal: { amount: 1000, currency: 'USD' },
    change: 0.2345,
    changeAmount: { amount: 234.5, currency: 'USD' },
    movers: [],
    anomalies: [],
    unallocatedShare: { amount: 10, currency: 'USD' },
  },
  readiness: { services: 1, changes: [] },
  access: {
    openItems: 0,
    campaigns: [],
    unavailable: { code: 'no-open-campaign', message: 'No open campaign' },
  },
  activity: {
    members: [
      {
        userRef: 'user:default/ada',
        name: 'Ada',
        commits: [],
        acknowledged: 1,
        decisions: null,
      },
    ],
  },
};

describe('reviewMarkdown', () => {
  it('writes the review, its items, carried-over ones and the agenda as Markdown', () => {
    const markdown = reviewMarkdown({
      team: { ref: review.teamRef, title: 'Checkout squad' },
      review,
      agenda,
      carriedOver: [item({ id: '3', reviewId: '5', title: 'Rotate keys' })],
      names: { 'user:default/ada': 'Ada Lovelace' },
    });

    expect(markdown).toBe(`# Reliability review: Checkout squad, 2026-11-25

- Since: 2026-11-11 09:00 UTC
- Started: 2026-11-25 09:00 UTC by Ada Lovelace
- Finished: 2026-11-25 09:30 UTC by user:default/bo
- Attendees: Ada Lovelace, user:default/bo

## Notes

## Payments
- retry storm on **Monday**

## Action items

- [ ] Fix \\[retry\\] storm \\<now\\>: Ada Lovelace, due 2026-12-01 (<https://t.example/1>)
- [x] Write the runbook: unassigned

Carried over from earlier reviews:

- [ ] Rotate keys: Ada Lovelace, due 2026-12-01

## Agenda: 2026-11-11 09:00 UTC to 2026-11-25 09:30 UTC

### Alerts

1 alert, 1 noisy.
- pay: 1 alert, 1 noisy
  - 2026-11-20 03:00 UTC critical: Retry \\*storm\\* (flapping)

### SLOs at risk

None of 2 SLOs is at risk.

### Cost

1,234.5 USD from 2026-11-11 to 2026-11-26 (exclusive), +234.5 USD (23%) vs the period before.

### Readiness changes

No level changed among 1 service.

### Access reviews

_No open campaign_

### Activity

- Ada: commits in no service; 1 alert acknowledged
`);
  });

  it('prints an SLO at risk with its status, an SLI told apart from its objective and the budget as the card does', () => {
    const atRisk = (
      overrides: Partial<ReviewAgenda['slos']['atRisk'][number]>,
    ): ReviewAgenda['slos']['atRisk'][number] => ({
      entityRef: 'component:default/payments-adapter',
      title: 'payments-adapter',
      sloId: 'payments-success',
      name: 'Payment authorisations',
      objective: 0.9995,
      sli: 0.993272,
      budgetRemaining: -12.4623,
      budgetSpentSince: 12.9,
      alerting: 'ok',
      reasons: ['budget-exhausted', 'below-objective'],
      ...overrides,
    });
    const markdown = reviewMarkdown({
      team: { ref: review.teamRef, title: 'Checkout squad' },
      review,
      agenda: {
        ...agenda,
        slos: {
          checked: 4,
          atRisk: [
            atRisk({}),
            atRisk({
              title: 'checkout-api',
              name: 'Checkout availability',
              objective: 0.999,
              // Rounded to the objective's digit it would read 99.9%.
              sli: 0.99896,
              budgetRemaining: 0.0004,
              alerting: 'page',
              reasons: ['below-objective', 'burning'],
            }),
            atRisk({
              title: 'storefront',
              name: 'Pages',
              objective: 0.999,
              sli: null,
              budgetRemaining: null,
              alerting: 'page',
              reasons: ['burning'],
            }),
          ],
        },
      },
    });
    expect(markdown).toContain(`### SLOs at risk

- payments-adapter / Payment authorisations: Budget exhausted; SLI 99.33% (objective 99.95%), budget overspent by 1,246%; also below objective
- checkout-api / Checkout availability: Below objective; SLI 99.896% (objective 99.9%), 0.04% of error budget left; also burning
- storefront / Pages: Burning; SLI n/a (objective 99.9%), error budget unknown
`);
  });

  it('says when a review has no notes or items, and leaves out an unknown agenda', () => {
    const markdown = reviewMarkdown({
      team: { ref: review.teamRef, title: 'Checkout squad' },
      review: {
        ...review,
        state: 'in-progress',
        finishedAt: null,
        finishedBy: null,
        attendees: [],
        notes: '  ',
        actionItems: [],
      },
      agenda: null,
    });
    expect(markdown).toContain('- In progress\n- Attendees: none recorded');
    expect(markdown).toContain('## Notes\n\n_No notes._');
    expect(markdown).toContain('## Action items\n\n_None._\n');
    expect(markdown).not.toContain('## Agenda');
  });

  it('says when the period before the review has less cost data, and not when it has as much', () => {
    const costLine = (coverage: ReviewAgenda['cost']['coverage']) =>
      reviewMarkdown({
        team: { ref: review.teamRef, title: 'Checkout squad' },
        review,
        agenda: { ...agenda, cost: { ...agenda.cost, coverage } },
        carriedOver: [],
        names: {},
      })
        .split('\n')
        .find(line => line.includes('vs the period before'));
    expect(
      costLine({
        periodDays: 15,
        days: 15,
        previousDays: 4,
        dataFrom: '2026-10-31',
      }),
    ).toBe(
      '1,234.5 USD from 2026-11-11 to 2026-11-26 (exclusive), +234.5 USD (23%) vs the period before. The period before has data for 4 of 15 days.',
    );
    expect(
      costLine({
        periodDays: 15,
        days: 15,
        previousDays: 15,
        dataFrom: '2026-09-01',
      }),
    ).toBe(
      '1,234.5 USD from 2026-11-11 to 2026-11-26 (exclusive), +234.5 USD (23%) vs the period before.',
    );
  });
});
