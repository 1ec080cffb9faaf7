import { InputError } from '@backstage/errors';
import { optionalEpochSeconds, payloadTime } from './payloadFields';

describe('payloadTime', () => {
  it('gives ISO 8601 UTC for times between 1970 and 9999', () => {
    expect(payloadTime(0, 'at')).toBe('1970-01-01T00:00:00.000Z');
    expect(payloadTime(Date.UTC(9999, 11, 31, 23, 59, 59, 999), 'at')).toBe(
      '9999-12-31T23:59:59.999Z',
    );
  });

  it.each([
    ['before 1970', -1],
    ['after 9999', Date.UTC(10000, 0, 1)],
    ['beyond what a Date holds', 1e20],
    ['not a number', NaN],
    ['infinite', Infinity],
  ])('refuses a time %s, naming the field', (_, ms) => {
    expect(() => payloadTime(ms, 'alert.openedAt')).toThrow(
      new InputError('alert.openedAt must be a time between 1970 and 9999'),
    );
  });
});

describe('optionalEpochSeconds', () => {
  it('reads seconds, and nothing when absent', () => {
    expect(optionalEpochSeconds({ t: 1473129912 }, 't', 'a.t')).toBe(
      1473129912,
    );
    expect(optionalEpochSeconds({}, 't', 'a.t')).toBeUndefined();
    expect(optionalEpochSeconds({ t: null }, 't', 'a.t')).toBeUndefined();
  });

  it.each([
    ['a string', '1473129912'],
    ['milliseconds far past 9999', 1e16],
    ['a negative time', -5],
    ['a huge number', 1e308],
  ])('refuses %s', (_, value) => {
    expect(() => optionalEpochSeconds({ t: value }, 't', 'a.t')).toThrow(
      new InputError(
        'a.t must be a time in epoch seconds between 1970 and 9999',
      ),
    );
  });
});
