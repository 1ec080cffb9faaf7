import { costQuery, DEFAULT_COST_SELECTION } from './costRange';

const now = new Date('2026-01-15T23:30:00.000Z');

describe('costQuery', () => {
  it('sends no days for the last 30 days, the backend default', () => {
    expect(costQuery(DEFAULT_COST_SELECTION, now)).toEqual({
      granularity: 'day',
    });
  });

  it('ends the ranges up to today with tomorrow, so today is in', () => {
    expect(costQuery({ range: 'last90', granularity: 'day' }, now)).toEqual({
      from: '2025-10-18',
      to: '2026-01-16',
      granularity: 'day',
    });
    expect(
      costQuery({ range: 'thisMonth', granularity: 'month' }, now),
    ).toEqual({ from: '2026-01-01', to: '2026-01-16', granularity: 'month' });
  });

  it('takes the previous month across a year boundary, on the UTC calendar', () => {
    expect(
      costQuery(
        { range: 'previousMonth', granularity: 'day', currency: 'JPY' },
        now,
      ),
    ).toEqual({
      from: '2025-12-01',
      to: '2026-01-01',
      granularity: 'day',
      currency: 'JPY',
    });
  });
});
