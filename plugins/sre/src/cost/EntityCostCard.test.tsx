import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CostReport } from '@baton/plugin-sre-common';
import { SreApi, sreApiRef } from '../api/SreApi';
import { sreDefaultMessages } from '../translation';
import { costReport, costSeries } from '../__testUtils__/costFixtures';
import { EntityCostCard } from './EntityCostCard';
import { isCostAvailable } from './isCostAvailable';

function entity(
  annotations: Record<string, string> = {},
  kind = 'Component',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'checkout-api', annotations },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

async function renderCard(
  sreApi: Partial<SreApi>,
  target = entity(),
  language = 'en',
) {
  await renderInTestApp(
    <EntityProvider entity={target}>
      <EntityCostCard />
    </EntityProvider>,
    {
      apis: [
        [sreApiRef, sreApi],
        mockApis.appLanguage({
          defaultLanguage: language,
          availableLanguages: ['en', 'ja'],
        }),
      ],
    },
  );
}

const figure = (label: string | RegExp) =>
  screen.getByLabelText(label, { selector: '[role=group]' });
const row = (text: string) => screen.getByText(text).closest('tr')!;
const ENTITY_REF = 'component:default/checkout-api';
const DAY_MS = 86_400_000;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** A report in yen: Intl writes it without decimals. */
const inYen = costReport({
  currency: 'JPY',
  currencies: ['USD', 'JPY'],
  total: { amount: 123456, currency: 'JPY' },
  previousTotal: { amount: 130000, currency: 'JPY' },
  change: -6544 / 130000,
  changeAmount: { amount: -6544, currency: 'JPY' },
  series: costSeries().map(point => ({ ...point, amount: point.amount * 40 })),
  drivers: [
    {
      name: 'Compute Engine',
      amount: 123456,
      previousAmount: 130000,
      change: -6544 / 130000,
      changeAmount: -6544,
    },
  ],
  forecast: null,
  anomalies: [],
  estimated: false,
});

/** Parts only some reports have: an anomaly, a forecast, a driver without a name. */
const anomalous = {
  drivers: [...inYen.drivers, { ...costReport().drivers[2] }],
  anomalies: [
    {
      date: '2026-11-18',
      amount: 16820,
      expected: 4000,
      threshold: 6400,
      rule: 'sigma' as const,
    },
  ],
  forecast: {
    month: '2026-11',
    amount: 119220,
    actual: 99220,
    dailyRate: 4000,
    basisDays: 7,
    remainingDays: 5,
    excluded: [],
  },
  estimated: true,
};

beforeAll(() => {
  // jsdom has no ResizeObserver and lays nothing out: the chart's container
  // gets a size, so that it draws its bars and markers.
  global.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  const measure = HTMLElement.prototype.getBoundingClientRect;
  jest
    .spyOn(HTMLElement.prototype, 'getBoundingClientRect')
    .mockImplementation(function size(this: HTMLElement) {
      return this.classList.contains('recharts-responsive-container')
        ? ({ width: 480, height: 180 } as DOMRect)
        : measure.call(this);
    });
});

afterAll(() => jest.restoreAllMocks());

describe('EntityCostCard', () => {
  it('shows the total, the change, the forecast, the chart and the drivers', async () => {
    const getCosts = jest.fn().mockResolvedValue(costReport());
    await renderCard({ getCosts });

    expect(await screen.findByText('$3,280.50')).toBeInTheDocument();
    // No range or currency: the backend's defaults, the last 30 days in the largest currency.
    expect(getCosts).toHaveBeenCalledWith(ENTITY_REF, { granularity: 'day' });
    expect(screen.getByText('Cost')).toBeInTheDocument();
    expect(
      screen.getByText('Spend tagged service=checkout-api'),
    ).toBeInTheDocument();

    expect(figure('Total')).toHaveTextContent(/^Total\$3,280\.50$/);
    const change = within(figure('Vs previous period')).getByText(
      '+20% (+$546.75)',
    );
    expect(change.closest('.MuiChip-root')).toHaveStyle({
      backgroundColor: '#c62828',
    });
    expect(figure('Forecast for Nov 2026')).toHaveTextContent('$2,980.50');
    expect(
      within(figure('Spend summary')).getByText('Estimated'),
    ).toBeInTheDocument();

    expect(screen.getByText('Spend per day')).toBeInTheDocument();
    const chart = screen.getByLabelText('Spend over the range');
    expect(chart).toHaveAttribute('role', 'img');
    expect(chart.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(30);
    // Nov 25, still estimated: lighter, with a dashed outline.
    const estimated = chart.querySelectorAll('path[stroke-dasharray]');
    expect(estimated).toHaveLength(1);
    expect(estimated[0]).toHaveAttribute('fill-opacity', '0.35');
    // The marker's SVG title: what a pointer on it shows.
    const marker = within(chart).getByText(
      'Nov 18, 2026: $420.50 is above the 28-day mean + 3σ threshold $160.00 (mean $100.00).',
    );
    expect(marker.tagName).toBe('title');
    expect(marker.parentElement!.querySelector('circle')).toHaveAttribute(
      'fill',
      '#c62828',
    );

    const table = screen.getByRole('table', { name: 'Spend by service' });
    expect(
      [...table.querySelectorAll('thead th')].map(cell => cell.textContent),
    ).toEqual(['Service', 'Spend', 'Change', 'Change amount']);
    expect(row('Amazon Elastic Compute Cloud')).toHaveTextContent(
      /\$2,100\.25\+24%\+\$400\.00$/,
    );
    expect(row('Amazon Relational Database Service')).toHaveTextContent(
      /\$980\.25-5\.2%-\$53\.25$/,
    );
    expect(
      within(row('Amazon Relational Database Service')).getByText('-5.2%'),
    ).toHaveStyle({ color: '#2e7d32' });
    expect(row('(no service name)')).toHaveTextContent(
      /\$200\.00new\+\$200\.00$/,
    );
  });

  it('explains each number under Why?', async () => {
    await renderCard({ getCosts: jest.fn().mockResolvedValue(costReport()) });
    const why = await screen.findByRole('button', { name: 'Why?' });
    expect(screen.getByText(/^Forecast for Nov 2026 =/)).not.toBeVisible();

    await userEvent.click(why);

    expect(screen.getByRole('button', { name: 'Hide why' })).toBeVisible();
    expect(
      screen.getByText(
        'Total: the effective cost (after discounts and commitments) of every cost row allocated to this entity from Oct 27, 2026 to Nov 25, 2026 (UTC days), in USD. Spend in another currency is never converted: pick it under Currency.',
      ),
    ).toBeVisible();
    expect(
      screen.getByText(
        'Change: compared with the previous period of the same length, Sep 27, 2026 to Oct 26, 2026: $2,733.75 → $3,280.50, +$546.75 (+20%).',
      ),
    ).toBeVisible();
    expect(
      screen.getByText(
        'Forecast for Nov 2026 = spend so far $2,480.50 + daily rate $100.00 × 5 days left = $2,980.50. The daily rate is the mean of the last 7 days.',
      ),
    ).toBeVisible();
    expect(
      screen.getByText(/^Anomaly: a day above the mean of the 28 days/),
    ).toHaveTextContent('plus 3 standard deviations (σ)');
    expect(
      within(screen.getByRole('list', { name: 'Anomalous days' })).getByText(
        /^Nov 18, 2026: \$420\.50 is above/,
      ),
    ).toBeVisible();
    expect(
      screen.getByText(
        'Allocation: spend on resources tagged service=checkout-api counts for this entity. That is the default for every service; the annotation baton.dev/cost-tags sets other tags.',
      ),
    ).toBeVisible();
    expect(screen.getByText('Cost data from: focus.')).toBeVisible();
    expect(screen.getByText(/^Days still estimated/)).toBeVisible();
  });

  it('writes yen without decimals and switches the currency on request', async () => {
    const getCosts = jest
      .fn()
      .mockResolvedValueOnce(inYen)
      .mockResolvedValueOnce(
        costReport({ currencies: ['USD', 'JPY'], estimated: false }),
      );
    await renderCard({ getCosts });

    expect(await screen.findAllByText('¥123,456')).toHaveLength(2);
    expect(figure('Total')).toHaveTextContent(/^Total¥123,456$/);
    expect(
      within(figure('Vs previous period')).getByText('-5% (-¥6,544)'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Forecast for/)).toBeNull();
    expect(screen.queryByText('Estimated')).toBeNull();
    const currency = screen.getByRole('combobox', { name: 'Currency' });
    expect(currency).toHaveValue('JPY');

    await userEvent.selectOptions(currency, 'USD');

    expect(getCosts).toHaveBeenLastCalledWith(ENTITY_REF, {
      granularity: 'day',
      currency: 'USD',
    });
    expect(await screen.findByText('$3,280.50')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Currency' })).toHaveValue(
      'USD',
    );
  });

  it('offers no currency choice with spend in one currency', async () => {
    await renderCard({ getCosts: jest.fn().mockResolvedValue(costReport()) });
    await screen.findByText('$3,280.50');
    expect(screen.queryByRole('combobox', { name: 'Currency' })).toBeNull();
  });

  it('asks for the range the user picks, with from and to', async () => {
    const getCosts = jest.fn().mockResolvedValue(costReport());
    await renderCard({ getCosts });
    const range = await screen.findByRole('combobox', { name: 'Range' });
    expect(range).toHaveValue('last30');

    const now = new Date();
    const tomorrow = Date.UTC(
      now.getUTCFullYear(),
      now.getUTCMonth(),
      now.getUTCDate() + 1,
    );
    await userEvent.selectOptions(range, 'last90');
    expect(getCosts).toHaveBeenLastCalledWith(ENTITY_REF, {
      from: isoDay(tomorrow - 90 * DAY_MS),
      to: isoDay(tomorrow),
      granularity: 'day',
    });

    await userEvent.selectOptions(range, 'previousMonth');
    expect(getCosts).toHaveBeenLastCalledWith(ENTITY_REF, {
      from: isoDay(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)),
      to: isoDay(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)),
      granularity: 'day',
    });

    await userEvent.selectOptions(range, 'thisMonth');
    expect(getCosts).toHaveBeenLastCalledWith(ENTITY_REF, {
      from: isoDay(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)),
      to: isoDay(tomorrow),
      granularity: 'day',
    });
  });

  it('charts months on request, without day markers', async () => {
    const getCosts = jest
      .fn()
      .mockResolvedValueOnce(costReport())
      .mockResolvedValueOnce(
        costReport({
          granularity: 'month',
          series: [
            { date: '2026-10', amount: 500, estimated: false },
            { date: '2026-11', amount: 2780.5, estimated: true },
          ],
        }),
      );
    await renderCard({ getCosts });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Monthly' }),
    );

    expect(getCosts).toHaveBeenLastCalledWith(ENTITY_REF, {
      granularity: 'month',
    });
    expect(await screen.findByText('Spend per month')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Monthly' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(
      within(screen.getByLabelText('Spend over the range')).queryByText(
        /28-day mean/,
      ),
    ).toBeNull();
  });

  it('keeps the last report and the controls when another selection fails', async () => {
    const getCosts = jest
      .fn()
      .mockResolvedValueOnce(costReport())
      .mockRejectedValueOnce(new Error('backend down'));
    await renderCard({ getCosts });
    await userEvent.selectOptions(
      await screen.findByRole('combobox', { name: 'Range' }),
      'last90',
    );

    expect(
      await screen.findByText(
        'Could not load the spend for this selection: backend down. Showing the previous one.',
      ),
    ).toBeInTheDocument();
    expect(figure('Total')).toHaveTextContent('$3,280.50');
    expect(screen.getByRole('combobox', { name: 'Range' })).toHaveValue(
      'last90',
    );
  });

  it('says when the previous period had no spend', async () => {
    await renderCard({
      getCosts: jest.fn().mockResolvedValue(
        costReport({
          previousTotal: { amount: 0, currency: 'USD' },
          change: null,
          changeAmount: { amount: 3280.5, currency: 'USD' },
        }),
      ),
    });
    const badge = within(
      await screen.findByRole('group', { name: 'Vs previous period' }),
    ).getByText('No spend before');
    expect(badge.closest('.MuiChip-root')).toHaveClass('MuiChip-outlined');
    await userEvent.click(screen.getByRole('button', { name: 'Why?' }));
    expect(
      screen.getByText(
        'Change: the previous period, Sep 27, 2026 to Oct 26, 2026, had no spend, so there is no percentage.',
      ),
    ).toBeVisible();
  });

  it('says when the previous period has less data than the range', async () => {
    await renderCard({
      getCosts: jest.fn().mockResolvedValue(
        costReport({
          previousTotal: { amount: 1093.5, currency: 'USD' },
          change: 2,
          changeAmount: { amount: 2187, currency: 'USD' },
          coverage: {
            periodDays: 30,
            days: 30,
            previousDays: 10,
            dataFrom: '2026-10-17',
          },
        }),
      ),
    });
    const change = await screen.findByRole('group', {
      name: 'Vs previous period',
    });
    expect(change).toHaveTextContent(
      '+200% (+$2,187.00)Previous period has data for 10 of 30 days',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Why?' }));
    expect(
      screen.getByText(
        /The previous period has cost data for only 10 of its 30 days \(the data starts on Oct 17, 2026\)/,
      ),
    ).toBeVisible();
  });

  it('says nothing of the data when the previous period has as many days of it', async () => {
    await renderCard({ getCosts: jest.fn().mockResolvedValue(costReport()) });
    expect(
      await screen.findByRole('group', { name: 'Vs previous period' }),
    ).toHaveTextContent(/^Vs previous period\+20% \(\+\$546\.75\)$/);
  });

  it('names the anomalous days the forecast left out, under Why?', async () => {
    await renderCard({
      getCosts: jest.fn().mockResolvedValue(
        costReport({
          forecast: {
            month: '2026-11',
            amount: 2980.5,
            actual: 2480.5,
            dailyRate: 100,
            basisDays: 6,
            remainingDays: 5,
            excluded: [{ date: '2026-11-22', amount: 512 }],
          },
        }),
      ),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Why?' }));
    expect(
      screen.getByText(
        'Forecast for Nov 2026 = spend so far $2,480.50 + daily rate $100.00 × 5 days left = $2,980.50. The daily rate is the mean of the last 7 days, leaving out the days the anomaly rule flags (see below), as a one-off is not the rest of the month: Nov 22, 2026 ($512.00).',
      ),
    ).toBeVisible();
  });

  /** checkout-api's USD report with ¥123,456 beside it. */
  const twoCurrencies = (
    converted: CostReport['allCurrencies']['converted'],
    missingRates: string[] = [],
  ) =>
    costReport({
      currencies: ['JPY', 'USD'],
      allCurrencies: {
        totals: [
          {
            currency: 'JPY',
            total: { amount: 123456, currency: 'JPY' },
            previousTotal: { amount: 130000, currency: 'JPY' },
          },
          {
            currency: 'USD',
            total: { amount: 3280.5, currency: 'USD' },
            previousTotal: { amount: 2733.75, currency: 'USD' },
          },
        ],
        converted,
        missingRates,
      },
    });

  it('shows each currency’s total side by side without exchange rates', async () => {
    await renderCard({
      getCosts: jest.fn().mockResolvedValue(twoCurrencies(null, ['JPY'])),
    });
    const each = await screen.findByRole('group', { name: 'Each currency' });
    expect(
      [...each.querySelectorAll('span')].map(span => span.textContent),
    ).toEqual(['¥123,456', '$3,280.50']);
    expect(each).toHaveTextContent(
      'sre.cost.exchangeRates has no rate for JPY: no converted total.',
    );
    expect(screen.queryByRole('group', { name: /^All currencies/ })).toBeNull();
  });

  it('shows one converted total with the configured rates', async () => {
    await renderCard({
      getCosts: jest.fn().mockResolvedValue(
        twoCurrencies({
          total: { amount: 4107.66, currency: 'USD' },
          previousTotal: { amount: 3604.75, currency: 'USD' },
          rates: { JPY: 0.0067, USD: 1 },
        }),
      ),
    });
    const all = await screen.findByRole('group', {
      name: 'All currencies in USD',
    });
    expect(all).toHaveTextContent(/^All currencies in USD\$4,107\.66$/);
    await userEvent.hover(within(all).getByText('All currencies in USD'));
    expect(
      await screen.findByText(
        'Each currency’s total converted at the rates of sre.cost.exchangeRates: 1 JPY = 0.0067 USD.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Each currency' })).toBeNull();
  });

  it('tells the admin which module to install when cost is not set up', async () => {
    await renderCard({
      getCosts: jest
        .fn()
        .mockResolvedValue(costReport({ sources: [], currencies: [] })),
    });
    expect(
      await screen.findByText('Cost is not set up in this portal'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /installs @baton\/plugin-sre-backend-module-focus \(FinOps FOCUS cost files\) or @baton\/plugin-sre-backend-module-aws-cost \(AWS Cost Explorer\)/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Range' })).toBeNull();
  });

  it('tells the user which tag their resources need when there is no spend', async () => {
    await renderCard({
      getCosts: jest.fn().mockResolvedValue(
        costReport({
          currencies: [],
          total: { amount: 0, currency: 'USD' },
          series: [],
          drivers: [],
          anomalies: [],
          forecast: null,
          sources: ['focus', 'aws-cost'],
        }),
      ),
    });
    expect(
      await screen.findByText('No spend tagged service=checkout-api'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'The cost data from focus and aws-cost has no spend on resources tagged service=checkout-api. Tag this service’s cloud resources with service=checkout-api, or set the annotation baton.dev/cost-tags to the tags they already carry (for example app=shop,env=prod).',
      ),
    ).toBeInTheDocument();
  });

  it('allocates by baton.dev/cost-tags when the entity sets it', async () => {
    await renderCard(
      {
        getCosts: jest
          .fn()
          .mockResolvedValue(costReport({ allocation: 'app=shop' })),
      },
      entity({ 'baton.dev/cost-tags': 'app=shop' }),
    );
    expect(
      await screen.findByText('Spend tagged app=shop'),
    ).toBeInTheDocument();
    await userEvent.click(await screen.findByRole('button', { name: 'Why?' }));
    expect(
      screen.getByText(
        'Allocation: spend on resources tagged app=shop counts for this entity, as its annotation baton.dev/cost-tags says.',
      ),
    ).toBeVisible();
  });

  it('shows errors', async () => {
    await renderCard({
      getCosts: jest.fn().mockRejectedValue(new Error('backend down')),
    });
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(
      0,
    );
    expect(
      screen.getByText('Spend tagged service=checkout-api'),
    ).toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    await renderCard({
      getCosts: jest.fn().mockReturnValue(new Promise(() => {})),
    });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('asks for nothing on a kind that has no spend', async () => {
    const getCosts = jest.fn();
    await renderCard({ getCosts }, entity({}, 'API'));
    expect(
      screen.getByText('No spend for this kind of entity'),
    ).toBeInTheDocument();
    expect(getCosts).not.toHaveBeenCalled();
  });

  it('is available on components, systems and resources without an annotation', () => {
    expect(isCostAvailable(entity())).toBe(true);
    expect(isCostAvailable(entity({}, 'System'))).toBe(true);
    expect(isCostAvailable(entity({}, 'Resource'))).toBe(true);
    expect(isCostAvailable(entity({}, 'API'))).toBe(false);
    expect(isCostAvailable(entity({}, 'Group'))).toBe(false);
  });

  it('shows every part in Japanese without the English messages', async () => {
    await renderCard(
      { getCosts: jest.fn().mockResolvedValue({ ...inYen, ...anomalous }) },
      entity(),
      'ja',
    );
    await userEvent.click(
      await screen.findByRole('button', { name: '根拠を表示' }),
    );
    expect(screen.getByText('コスト')).toBeInTheDocument();
    expect(figure('合計')).toHaveTextContent(/￥123,456$/);
    expect(screen.getByText('（サービス名なし）')).toBeInTheDocument();
    expect(
      within(screen.getByRole('img', { name: '期間中の支出の推移' })).getByText(
        /平均 \+ 3σ のしきい値/,
      ),
    ).toBeInTheDocument();

    const shown = [
      document.body.textContent,
      ...[...document.body.querySelectorAll('[aria-label],[title]')].map(
        element =>
          `${element.getAttribute('aria-label')} ${element.getAttribute(
            'title',
          )}`,
      ),
    ].join('\n');
    const english = Object.entries(sreDefaultMessages)
      .filter(([key]) => key.startsWith('cost.'))
      .flatMap(([key, message]) =>
        message
          .split(/\{\{[^}]*\}\}/)
          .map(part => part.trim())
          .filter(part => /[a-z]{3,}/.test(part) && shown.includes(part))
          .map(part => `${key}: ${part}`),
      );
    expect(english).toEqual([]);
  });
});
