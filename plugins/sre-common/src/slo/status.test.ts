import { alertStateOf } from './math';
import { compareSloStatus, sloStatus, SloStatusInput } from './status';
import type { SloSummary } from './types';

const DAY = 86400;

const rates = (rate: number | null): SloSummary['burnRates'] => ({
  '5m': rate,
  '30m': rate,
  '1h': rate,
  '2h': rate,
  '6h': rate,
  '1d': rate,
  '3d': rate,
});

/** A 99.9% SLO over 28 days, evaluated with the default rules at the given burn rates. */
function slo(
  overrides: Partial<SloStatusInput> & { burnRates?: SloSummary['burnRates'] },
): SloStatusInput {
  const { burnRates = rates(0.5), ...rest } = overrides;
  const alert = alertStateOf(burnRates, 28 * DAY);
  return {
    sli: 0.9995,
    objective: 0.999,
    errorBudget: { remaining: 0.5, consumed: 0.5, allowedBadEvents: 100 },
    alerting: alert.state,
    alertRules: alert.rules,
    ...rest,
  };
}

const overspent = {
  remaining: -12.4623,
  consumed: 13.4623,
  allowedBadEvents: 10,
};

describe('sloStatus', () => {
  it('is ok within objective and budget with no rule firing', () => {
    expect(sloStatus(slo({}))).toEqual({
      status: 'ok',
      reason: { kind: 'ok', rulesEvaluated: true },
      conditions: [],
    });
  });

  it('is budget-exhausted, the worst, when the budget is spent whatever else holds', () => {
    // payments-adapter: 99.3272% against 99.95%, overspent by 1,246%, no rule firing.
    const payments = sloStatus(
      slo({ sli: 0.993272, objective: 0.9995, errorBudget: overspent }),
    );
    expect(payments.status).toBe('budget-exhausted');
    expect(payments.reason).toEqual({
      kind: 'budget-exhausted',
      budgetRemaining: -12.4623,
    });
    expect(payments.conditions).toEqual([
      'budget-exhausted',
      'below-objective',
    ]);

    const burning = sloStatus(
      slo({ burnRates: rates(20), errorBudget: overspent, sli: 0.99 }),
    );
    expect(burning.status).toBe('budget-exhausted');
    expect(burning.conditions).toEqual([
      'budget-exhausted',
      'below-objective',
      'burning',
    ]);
  });

  it('counts a budget of exactly 0 as exhausted', () => {
    const status = sloStatus(
      slo({
        sli: 0.999,
        errorBudget: { remaining: 0, consumed: 1, allowedBadEvents: 10 },
      }),
    );
    expect(status.status).toBe('budget-exhausted');
    // Exactly at the objective is not below it.
    expect(status.conditions).toEqual(['budget-exhausted']);
  });

  it('is below-objective when the SLI misses the objective with budget left', () => {
    // A calendar window early in its period: the budget is of the traffic so far.
    const status = sloStatus(slo({ sli: 0.9985, burnRates: rates(20) }));
    expect(status.status).toBe('below-objective');
    expect(status.reason).toEqual({
      kind: 'below-objective',
      sli: 0.9985,
      objective: 0.999,
    });
    expect(status.conditions).toEqual(['below-objective', 'burning']);
  });

  it('is burning when a rule fires, naming the firing rules page first', () => {
    const burnRates = { ...rates(2), '5m': 15, '1h': 15 };
    const status = sloStatus(slo({ burnRates }));
    expect(status.status).toBe('burning');
    if (status.reason.kind !== 'burning') throw new Error(status.reason.kind);
    expect(status.reason.severity).toBe('page');
    // 15 > 13.44 on 1h/5m pages; 2 > 0.93 on 3d/6h tickets; 2h/1d and 6h/30m do not fire.
    expect(
      status.reason.rules.map(rule => [
        rule.severity,
        rule.longWindow,
        rule.shortWindow,
      ]),
    ).toEqual([
      ['page', '1h', '5m'],
      ['ticket', '3d', '6h'],
    ]);
  });

  it('is burning on a ticket rule alone', () => {
    const status = sloStatus(slo({ burnRates: rates(4) }));
    expect(status.reason).toMatchObject({
      kind: 'burning',
      severity: 'ticket',
    });
  });

  it('trusts the alert state when the rules are not given', () => {
    const status = sloStatus(slo({ alerting: 'page', alertRules: [] }));
    expect(status.reason).toEqual({
      kind: 'burning',
      severity: 'page',
      rules: [],
    });
  });

  it('has no data before any traffic, and says when rules could not be judged', () => {
    const empty = sloStatus(
      slo({
        sli: null,
        burnRates: rates(null),
        errorBudget: {
          remaining: null,
          consumed: null,
          allowedBadEvents: null,
        },
      }),
    );
    expect(empty).toEqual({
      status: 'no-data',
      reason: { kind: 'no-data' },
      conditions: [],
    });

    // Traffic over the window, none in the last hour.
    const quiet = sloStatus(
      slo({ burnRates: { ...rates(0.5), '1h': null, '5m': null } }),
    );
    expect(quiet.reason).toEqual({ kind: 'ok', rulesEvaluated: false });
  });
});

describe('compareSloStatus', () => {
  it('orders statuses worst first', () => {
    const statuses = [
      'ok',
      'burning',
      'no-data',
      'budget-exhausted',
      'below-objective',
    ] as const;
    expect([...statuses].sort(compareSloStatus)).toEqual([
      'budget-exhausted',
      'below-objective',
      'burning',
      'no-data',
      'ok',
    ]);
  });
});
