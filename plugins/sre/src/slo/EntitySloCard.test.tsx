import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  alertStateOf,
  SloAlertRuleResult,
  SloResponse,
  SloSummary,
} from '@baton/plugin-sre-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SreApi, sreApiRef } from '../api/SreApi';
import { formats } from '../language';
import type { SreTranslate } from '../translation';
import { EntitySloCard } from './EntitySloCard';
import { isSloAvailable } from './isSloAvailable';

const english = formats('en', (key => key) as SreTranslate);

const FILE = './openslo/checkout.yaml';
const DAY = 86400;

function component(annotations: Record<string, string> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout-api', annotations },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

const withSlos = component({ 'baton.dev/openslo': FILE });

/** The default multiwindow rules as the backend evaluates them. */
function alertRules(
  windowSeconds: number,
  burnRates: SloSummary['burnRates'],
): SloAlertRuleResult[] {
  return alertStateOf(burnRates, windowSeconds).rules;
}

/** A 99.9% availability SLO over 28 days with 1M requests, 620 of them failed. */
function sloSummary(overrides: Partial<SloSummary> = {}): SloSummary {
  const burnRates: SloSummary['burnRates'] = {
    '5m': 20.1,
    '30m': 9.8,
    '1h': 14.2,
    '2h': 8.7,
    '6h': 3.1,
    '1d': 1.6,
    '3d': 0.9,
  };
  return {
    id: 'checkout-availability',
    name: 'checkout-availability',
    displayName: 'Checkout availability',
    objectiveDisplayName: 'Requests without a 5xx',
    description: 'Share of checkout API requests answered without a 5xx.',
    file: FILE,
    objective: 0.999,
    window: '28d',
    windowType: 'rolling',
    budgetingMethod: 'Occurrences',
    windowStart: '2026-10-28T12:00:00.000Z',
    windowEnd: '2026-11-25T12:00:00.000Z',
    sli: 0.99938,
    counts: { good: 999_380, bad: 620, total: 1_000_000 },
    errorBudget: { remaining: 0.38, consumed: 0.62, allowedBadEvents: 1000 },
    burnRates,
    alerting: 'page',
    alertRules: alertRules(28 * DAY, burnRates),
    timeToExhaustion: {
      '1h': (0.38 * 28 * DAY) / 14.2,
      '6h': (0.38 * 28 * DAY) / 3.1,
    },
    lowTraffic: false,
    maintenance: [
      { start: '2026-11-10T02:00:00.000Z', end: '2026-11-10T04:00:00.000Z' },
    ],
    queries: [
      {
        role: 'good',
        type: 'Prometheus',
        sourceRef: 'prometheus-prod',
        spec: {
          query: 'sum(http_requests_total{job="checkout",code!~"5.."})',
        },
      },
      {
        role: 'total',
        type: 'Prometheus',
        sourceRef: 'prometheus-prod',
        spec: { query: 'sum(http_requests_total{job="checkout"})' },
      },
    ],
    stepSeconds: 300,
    lastEvaluatedAt: '2026-11-25T12:01:00.000Z',
    lastError: null,
    history: [
      {
        timestamp: '2026-11-01T00:00:00.000Z',
        sli: 0.9999,
        budgetRemaining: 0.9,
      },
      {
        timestamp: '2026-11-15T00:00:00.000Z',
        sli: 0.9996,
        budgetRemaining: 0.6,
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

/** The same burn rate over every window. */
const rates = (rate: number | null): SloSummary['burnRates'] => ({
  '5m': rate,
  '30m': rate,
  '1h': rate,
  '2h': rate,
  '6h': rate,
  '1d': rate,
  '3d': rate,
});

/** A 99% latency SLO over a calendar month that is well within budget. */
function latencySlo(): SloSummary {
  const burnRates: SloSummary['burnRates'] = {
    '5m': 0.2,
    '30m': 0.4,
    '1h': 0.5,
    '2h': 0.45,
    '6h': 0.5,
    '1d': 0.48,
    '3d': 0.47,
  };
  return sloSummary({
    id: 'checkout-latency',
    name: 'checkout-latency',
    displayName: 'Checkout latency',
    objectiveDisplayName: 'p95 under 300 ms',
    objective: 0.99,
    window: '1M',
    windowType: 'calendar',
    windowStart: '2026-11-01T00:00:00.000Z',
    sli: 0.9952,
    counts: { good: 49_760, bad: 240, total: 50_000 },
    errorBudget: { remaining: 0.52, consumed: 0.48, allowedBadEvents: 500 },
    burnRates,
    alerting: 'ok',
    alertRules: alertRules(30 * DAY, burnRates),
    timeToExhaustion: { '1h': 2_700_000, '6h': 2_700_000 },
    queries: [
      {
        role: 'metric',
        type: 'Prometheus',
        spec: { query: 'histogram_quantile(0.95, checkout_latency_bucket)' },
      },
    ],
    maintenance: [],
  });
}

async function renderCard(entity: Entity, sreApi: Partial<SreApi>) {
  await renderInTestApp(
    <EntityProvider entity={entity}>
      <EntitySloCard />
    </EntityProvider>,
    { apis: [[sreApiRef, sreApi]] },
  );
}

const respond = (response: Partial<SloResponse>): Partial<SreApi> => ({
  getSlos: jest
    .fn()
    .mockResolvedValue({ items: [], problems: [], ...response }),
});

beforeAll(() => {
  // jsdom has no ResizeObserver; the chart keeps its initial size.
  global.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

describe('EntitySloCard', () => {
  it('shows each SLO with its SLI, budget, burn rates and alert state', async () => {
    const api = respond({ items: [sloSummary(), latencySlo()] });
    await renderCard(withSlos, api);

    expect(
      await screen.findByRole('heading', { name: 'Checkout availability' }),
    ).toBeInTheDocument();
    expect(api.getSlos).toHaveBeenCalledWith('component:default/checkout-api');
    expect(screen.getByText('Service level objectives')).toBeInTheDocument();
    expect(screen.getByText(`Declared in ${FILE}`)).toBeInTheDocument();

    const [paging, ok] = screen.getAllByRole('listitem');
    expect(within(paging).getByText('Requests without a 5xx')).toBeVisible();
    expect(
      within(paging).getByText('SLI 99.94% vs objective 99.9% · 28d rolling'),
    ).toBeInTheDocument();
    expect(
      within(paging).getByText('38% of error budget left'),
    ).toBeInTheDocument();
    // Within objective and budget, but a page rule fires: burning, and which severity.
    expect(within(paging).getByText('Burning')).toBeInTheDocument();
    expect(within(paging).getByText('Page')).toBeInTheDocument();
    expect(within(paging).queryByText('OK')).toBeNull();
    // 14.2 is above the fast page rule's 13.44 for a 28-day window.
    expect(
      within(paging).getByText('1h ×14.2').closest('.MuiChip-root'),
    ).toHaveStyle({ backgroundColor: '#c62828' });
    expect(
      within(paging).getByText('6h ×3.1').closest('.MuiChip-root'),
    ).toHaveClass('MuiChip-outlined');
    expect(within(paging).getByText('3d ×0.9')).toBeInTheDocument();
    expect(
      within(paging).getByText(
        'Budget gone in 18 h at the 1h rate or 3.4 d at the 6h rate',
      ),
    ).toBeInTheDocument();

    expect(
      within(ok).getByText('SLI 99.5% vs objective 99% · 1M calendar'),
    ).toBeInTheDocument();
    expect(
      within(ok).getByText('52% of error budget left'),
    ).toBeInTheDocument();
    expect(within(ok).getByText('OK').closest('.MuiChip-root')).toHaveStyle({
      backgroundColor: '#2e7d32',
    });
    expect(within(ok).queryByText('Page')).toBeNull();
    expect(within(ok).getByText('1h ×0.5')).toBeInTheDocument();
    expect(within(ok).queryByText(/Last evaluation failed/)).toBeNull();
    expect(screen.queryByText('Definitions that could not be used')).toBeNull();
  });

  it('shows the queries, counts and rules behind the numbers on demand', async () => {
    await renderCard(withSlos, respond({ items: [sloSummary()] }));
    const expand = await screen.findByRole('button', {
      name: 'Show details of Checkout availability',
    });
    expect(screen.queryByText(/code!~"5\.\."/)).toBeNull();

    await userEvent.click(expand);

    expect(
      screen.getByText(
        'query: sum(http_requests_total{job="checkout",code!~"5.."})',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Good events')).toBeInTheDocument();
    expect(screen.getAllByText('Prometheus (prometheus-prod)')).toHaveLength(2);
    const start = english.dateTime('2026-10-28T12:00:00.000Z');
    const end = english.dateTime('2026-11-25T12:00:00.000Z');
    expect(
      screen.getByText(
        `Over the 28d rolling window from ${start} to ${end}: 999,380 good, 620 bad, 1,000,000 total events.`,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'At this traffic the objective allows 1,000 bad events; 620 bad events spent 62% of the budget.',
      ),
    ).toBeInTheDocument();
    const rules = screen.getByRole('table', { name: 'Alert rules' });
    const fastPage = within(rules).getByText('Page: 1h and 5m').closest('tr')!;
    expect(fastPage).toHaveTextContent('×13.44');
    expect(fastPage).toHaveTextContent('Firing');
    expect(
      screen.getByText(
        `${english.dateTime('2026-11-10T02:00:00.000Z')} – ${english.dateTime(
          '2026-11-10T04:00:00.000Z',
        )}`,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'Error budget burn-down' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: 'Hide details of Checkout availability',
      }),
    ).toHaveAttribute('aria-expanded', 'true');
  });

  it('explains time-slice budgeting', async () => {
    await renderCard(
      withSlos,
      respond({
        items: [
          sloSummary({
            budgetingMethod: 'Timeslices',
            timeSliceTarget: 0.95,
            timeSliceWindow: '5m',
            counts: { good: 8050, bad: 14, total: 8064 },
            errorBudget: {
              remaining: 0.13,
              consumed: 0.87,
              allowedBadEvents: 16.128,
            },
          }),
        ],
      }),
    );
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Show details of Checkout availability',
      }),
    );
    expect(
      screen.getByText(
        'Budgeted by time slices: each 5m slice is good when at least 95% of its events are good.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'At this traffic the objective allows 16.1 bad time slices; 14 bad time slices spent 87% of the budget.',
      ),
    ).toBeInTheDocument();
  });

  it('says when there is no history to draw yet', async () => {
    await renderCard(
      withSlos,
      respond({
        items: [
          sloSummary({
            sli: null,
            counts: { good: 0, bad: 0, total: 0 },
            errorBudget: {
              remaining: null,
              consumed: null,
              allowedBadEvents: null,
            },
            burnRates: rates(null),
            alerting: 'unknown',
            alertRules: alertRules(28 * DAY, rates(null)),
            timeToExhaustion: { '1h': null, '6h': null },
            lowTraffic: true,
            history: [],
          }),
        ],
      }),
    );
    expect(
      await screen.findByText(
        'SLI: no traffic yet vs objective 99.9% · 28d rolling',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('No data')).toBeInTheDocument();
    expect(screen.getByText('Low traffic')).toBeInTheDocument();
    expect(
      screen.getByText('Error budget unknown: no traffic yet'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Show details of Checkout availability',
      }),
    );
    expect(screen.getByText(/No burn-down yet/)).toBeInTheDocument();
  });

  it('says by how much an overspent budget is overspent', async () => {
    await renderCard(
      withSlos,
      respond({
        items: [
          sloSummary({
            sli: 0.99866,
            counts: { good: 998_660, bad: 1340, total: 1_000_000 },
            errorBudget: {
              remaining: -0.34,
              consumed: 1.34,
              allowedBadEvents: 1000,
            },
            timeToExhaustion: { '1h': 0, '6h': 0 },
          }),
        ],
      }),
    );
    expect(
      await screen.findByText('Budget overspent by 34%'),
    ).toBeInTheDocument();
    // Spent is worse than burning; the page rule that still fires shows beside it.
    expect(screen.getByText('Budget exhausted')).toBeInTheDocument();
    expect(screen.getByText('Page')).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', { name: 'Error budget left' }),
    ).toHaveAttribute('aria-valuenow', '0');
    expect(screen.queryByText(/Budget gone in/)).toBeNull();
  });

  it('labels an overspent SLO below its objective "Budget exhausted", never OK, and says why', async () => {
    // payments-adapter in the demo: a provider outage spent the month's budget; no rule fires any more.
    const burnRates = rates(0.4);
    await renderCard(
      withSlos,
      respond({
        items: [
          sloSummary({
            displayName: 'Payment authorisations',
            objectiveDisplayName: undefined,
            objective: 0.9995,
            window: '1M',
            windowType: 'calendar',
            sli: 0.993272,
            counts: { good: 993_272, bad: 6728, total: 1_000_000 },
            errorBudget: {
              remaining: -12.456,
              consumed: 13.456,
              allowedBadEvents: 500,
            },
            burnRates,
            alerting: 'ok',
            alertRules: alertRules(30 * DAY, burnRates),
            timeToExhaustion: { '1h': 0, '6h': 0 },
          }),
        ],
      }),
    );
    const row = await screen.findByRole('listitem');
    expect(
      within(row).getByText('SLI 99.33% vs objective 99.95% · 1M calendar'),
    ).toBeInTheDocument();
    expect(
      within(row).getByText('Budget overspent by 1,246%'),
    ).toBeInTheDocument();
    const chip = within(row).getByText('Budget exhausted');
    expect(chip.closest('.MuiChip-root')).toHaveStyle({
      backgroundColor: '#c62828',
    });
    expect(within(row).queryByText('OK')).toBeNull();

    await userEvent.hover(chip);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'The error budget of the window is spent (-1,246% left).',
    );

    await userEvent.click(
      within(row).getByRole('button', {
        name: 'Show details of Payment authorisations',
      }),
    );
    expect(
      within(row).getByText(
        'Status: Budget exhausted. The error budget of the window is spent (-1,246% left).',
      ),
    ).toBeInTheDocument();
  });

  it('never shows an SLI just below its objective as the objective', async () => {
    await renderCard(
      withSlos,
      respond({
        items: [
          sloSummary({
            objective: 0.9995,
            sli: 0.999499,
            errorBudget: {
              remaining: 0.002,
              consumed: 0.998,
              allowedBadEvents: 500,
            },
            alerting: 'ok',
            alertRules: alertRules(28 * DAY, rates(0.4)),
            burnRates: rates(0.4),
          }),
        ],
      }),
    );
    const row = await screen.findByRole('listitem');
    expect(
      within(row).getByText('SLI 99.9499% vs objective 99.95% · 28d rolling'),
    ).toBeInTheDocument();
    expect(within(row).getByText('0.2% of error budget left')).toBeVisible();
    expect(within(row).getByText('Below objective')).toBeInTheDocument();
  });

  it('names the rule that fires when the SLO burns within its budget', async () => {
    await renderCard(withSlos, respond({ items: [sloSummary()] }));
    await userEvent.hover(await screen.findByText('Burning'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'A burn-rate alert rule fires: Page: 1h and 5m.',
    );
  });

  it('warns when the last evaluation failed and the numbers are stored ones', async () => {
    await renderCard(
      withSlos,
      respond({
        items: [
          sloSummary({
            lastError: 'connect ECONNREFUSED 10.0.0.7:9090',
          }),
        ],
      }),
    );
    const end = english.dateTime('2026-11-25T12:00:00.000Z');
    expect(
      await screen.findByText(
        `Last evaluation failed: connect ECONNREFUSED 10.0.0.7:9090 — numbers are from stored data up to ${end}`,
      ),
    ).toBeInTheDocument();
  });

  it('lists the definitions that could not be used, also without any SLO', async () => {
    await renderCard(
      withSlos,
      respond({
        problems: [
          {
            file: FILE,
            slo: 'checkout-latency',
            field: 'spec.objectives[0].target',
            code: 'invalid-value',
            params: { field: 'spec.objectives[0].target', value: 1.5 },
            message: 'target must be a number between 0 and 1',
          },
          {
            file: './openslo/payments.yaml',
            field: '',
            code: 'unreadable',
            params: { reason: 'ENOENT: no such file' },
            message: 'The file could not be read',
          },
        ],
      }),
    );
    const problems = await screen.findByRole('list', {
      name: 'Definitions that could not be used',
    });
    expect(
      within(problems).getByText(
        'spec.objectives[0].target has a value that cannot be used. Found: 1.5.',
      ),
    ).toBeInTheDocument();
    expect(
      within(problems).getByText(
        `${FILE} · spec.objectives[0].target · SLO checkout-latency`,
      ),
    ).toBeInTheDocument();
    expect(
      within(problems).getByText('./openslo/payments.yaml · whole file'),
    ).toBeInTheDocument();
    expect(
      within(problems).getByText(
        'The file could not be read: ENOENT: no such file',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('No SLOs found')).toBeNull();
  });

  it('shows the problems under the SLOs that could be used', async () => {
    await renderCard(
      withSlos,
      respond({
        items: [latencySlo()],
        problems: [
          {
            file: FILE,
            slo: 'checkout-errors',
            field: 'spec.indicatorRef',
            code: 'unknown-reference',
            params: { field: 'spec.indicatorRef', value: 'errors' },
            message: 'No SLI named errors',
          },
        ],
      }),
    );
    expect(await screen.findByText('Checkout latency')).toBeInTheDocument();
    expect(
      screen.getByText(
        'spec.indicatorRef names errors, which is not in this file.',
      ),
    ).toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    await renderCard(withSlos, {
      getSlos: jest.fn().mockReturnValue(new Promise(() => {})),
    });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows errors', async () => {
    await renderCard(withSlos, {
      getSlos: jest.fn().mockRejectedValue(new Error('backend down')),
    });
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(
      0,
    );
  });

  it('says no SLOs were found in the named file', async () => {
    await renderCard(withSlos, respond({}));
    expect(await screen.findByText('No SLOs found')).toBeInTheDocument();
    expect(
      screen.getByText(
        /No OpenSLO SLO definitions were found in \.\/openslo\/checkout\.yaml/,
      ),
    ).toBeInTheDocument();
  });

  it('says the SLI history is still being read, with no numbers, while another replica backfills it', async () => {
    await renderCard(withSlos, respond({ backfilling: true }));
    expect(await screen.findByText('Reading SLI history')).toBeInTheDocument();
    expect(
      screen.getByText(
        /The SLOs in \.\/openslo\/checkout\.yaml are being evaluated for the first time/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('No SLOs found')).toBeNull();
  });

  it('asks for baton.dev/openslo when the entity declares no SLOs', async () => {
    const getSlos = jest.fn();
    await renderCard(component(), { getSlos });
    expect(screen.getByText('Service level objectives')).toBeInTheDocument();
    expect(screen.getAllByText(/baton\.dev\/openslo/).length).toBeGreaterThan(
      0,
    );
    expect(getSlos).not.toHaveBeenCalled();
  });

  it('is available only with the annotation', () => {
    expect(isSloAvailable(component())).toBe(false);
    expect(isSloAvailable(withSlos)).toBe(true);
  });
});
