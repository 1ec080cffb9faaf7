import {
  DECIMAL_SCALE,
  decimalToNumber,
  divideHalfEven,
  formatDecimal,
  parseDecimal,
  parseDecimalUnits,
  splitEvenly,
} from './decimal';

// 10^12 scaled units per currency unit, written out so the tests do not lean on the code's constant.
const UNIT = 1_000_000_000_000n;

function dec(text: string): bigint {
  const scaled = parseDecimal(text);
  if (scaled === undefined) throw new Error(`not a decimal: ${text}`);
  return scaled;
}

describe('parseDecimal', () => {
  it.each([
    ['12', 12n * UNIT],
    ['0', 0n],
    ['-0', 0n],
    ['-0.5', -500_000_000_000n],
    ['.5', 500_000_000_000n],
    ['1.', UNIT],
    ['+7', 7n * UNIT],
    ['  4.25 \n', 4_250_000_000_000n],
    ['0012.5000', 12_500_000_000_000n],
    ['1.2E-5', 12_000_000n],
    ['3e2', 300n * UNIT],
    ['-2.5e+3', -2500n * UNIT],
    ['1e-12', 1n],
    ['0.000000000001', 1n],
    ['123456789012345678901234567890', 123456789012345678901234567890n * UNIT],
    // Around the 15 digits and 12 decimals read without a regular expression.
    ['999999999999999', 999999999999999n * UNIT],
    ['9999999999999999', 9999999999999999n * UNIT],
    ['-123.456789012345', -123_456_789_012_345n],
    ['-1234.567890123456', -1_234_567_890_123_456n],
    ['0.999999999999', 999_999_999_999n],
    ['-.000000000007', -7n],
  ])('reads %j', (text, scaled) => {
    expect(parseDecimal(text)).toBe(scaled);
  });

  it.each([
    // 1.234567890123|456: below half, rounds down.
    ['1.234567890123456', 1_234_567_890_123n],
    ['1.2345678901235', 1_234_567_890_124n],
    // Exactly half: to the even neighbour.
    ['0.0000000000005', 0n],
    ['0.0000000000015', 2n],
    ['0.0000000000025', 2n],
    ['-0.0000000000015', -2n],
    ['-0.0000000000025', -2n],
    // Above half by a hair.
    ['0.00000000000250000001', 3n],
    ['5e-13', 0n],
    ['6e-13', 1n],
    ['1e-400', 0n],
  ])('rounds %j half to even', (text, scaled) => {
    expect(parseDecimal(text)).toBe(scaled);
  });

  it.each([
    '',
    '   ',
    'abc',
    '1,5',
    '1 000',
    '1_000',
    'NaN',
    'Infinity',
    '-Infinity',
    '1.2.3',
    '.',
    '-',
    '+',
    '--1',
    'e5',
    '1e',
    '1e5.5',
    '1-2',
    '1.2-',
    '-1.2.',
    '0x10',
    '12$',
    '١٢',
    // Past 10^30: no bill is that large, and it keeps bigints small.
    '1e30',
    '1e999999999',
  ])('rejects %j', text => {
    expect(parseDecimal(text)).toBeUndefined();
  });

  it('rejects a non-string at runtime', () => {
    expect(parseDecimal(12 as unknown as string)).toBeUndefined();
  });

  it('sums 0.1 ten thousand times to exactly 1000', () => {
    const tenth = dec('0.1');
    let sum = 0n;
    let floatSum = 0;
    for (let i = 0; i < 10_000; i++) {
      sum += tenth;
      floatSum += 0.1;
    }
    expect(sum).toBe(1000n * UNIT);
    expect(formatDecimal(sum)).toBe('1000');
    // Why bigints: the float sum drifts.
    expect(floatSum).not.toBe(1000);
  });

  it('sums 1,000 rows to the same total as integer cents', () => {
    let cents = 0;
    let scaled = 0n;
    for (let i = 1; i <= 1000; i++) {
      // Deterministic amounts 0.00 … 999.99, some negative (credits).
      const c = ((i * 7919) % 100_000) * (i % 13 === 0 ? -1 : 1);
      const abs = Math.abs(c);
      const text = `${c < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(
        abs % 100,
      ).padStart(2, '0')}`;
      cents += c;
      scaled += dec(text);
    }
    // Integer cents below 2^53 are exact in a number.
    expect(scaled).toBe(BigInt(cents) * 10_000_000_000n);
  });
});

describe('parseDecimalUnits', () => {
  it.each([
    ['12', 12_000_000_000_000],
    ['-0.5', -500_000_000_000],
    ['0.000000000001', 1],
    // 15 digits, just below 2^53 scaled units.
    ['9007.19925474099', 9_007_199_254_740_990],
    ['-999.999999999999', -999_999_999_999_999],
  ])('reads %s as %d scaled units', (text, units) => {
    expect(parseDecimalUnits(text)).toBe(units);
    expect(BigInt(units)).toBe(parseDecimal(text));
  });

  it.each([
    // 2^53 - 1 scaled units, but 16 digits: the digits are not counted in a number.
    '9007.199254740991',
    // 15 digits, but 2^53 + 8 scaled units.
    '9007.19925474100',
    '10000',
    '0.0000000000001',
    '1.5E-7',
    '+1',
    ' 1',
    '1234567890123456',
    '',
    'abc',
  ])('leaves %p to parseDecimal', text => {
    expect(parseDecimalUnits(text)).toBeUndefined();
  });
});

describe('formatDecimal', () => {
  it.each([
    [12_500_000_000_000n, '12.5'],
    [-1_000_000n, '-0.000001'],
    [0n, '0'],
    [-12n * UNIT, '-12'],
    [1n, '0.000000000001'],
    [-1n, '-0.000000000001'],
    [1_234_567_890_123n, '1.234567890123'],
  ])('writes %p as %j', (scaled, text) => {
    expect(formatDecimal(scaled)).toBe(text);
  });

  it('round-trips through parseDecimal', () => {
    for (const text of ['0.1', '-3.14', '1000000', '0.000000000007']) {
      expect(formatDecimal(dec(text))).toBe(text);
    }
  });
});

describe('decimalToNumber', () => {
  it.each([
    ['12.5', 12.5],
    ['0.1', 0.1],
    ['-0.000001', -0.000001],
    // 6 places, half to even.
    ['1.2345675', 1.234568],
    ['1.2345665', 1.234566],
    ['1.23456651', 1.234567],
    ['-0.0000005', 0],
    ['0.333333333333', 0.333333],
  ])('turns %j into %p', (text, number) => {
    expect(decimalToNumber(dec(text))).toBe(number);
  });
});

describe('divideHalfEven', () => {
  it.each([
    [7n, 2n, 4n],
    [5n, 2n, 2n],
    [-5n, 2n, -2n],
    [-7n, 2n, -4n],
    [5n, -2n, -2n],
    [10n, 3n, 3n],
    [20n, 3n, 7n],
    [-20n, -3n, 7n],
  ])('%p / %p = %p', (n, d, q) => {
    expect(divideHalfEven(n, d)).toBe(q);
  });

  it('refuses zero', () => {
    expect(() => divideHalfEven(1n, 0n)).toThrow(RangeError);
  });
});

describe('splitEvenly', () => {
  it('spreads the remainder from the first part', () => {
    expect(splitEvenly(10n, 3)).toEqual([4n, 3n, 3n]);
    expect(splitEvenly(11n, 3)).toEqual([4n, 4n, 3n]);
    expect(splitEvenly(-10n, 3)).toEqual([-4n, -3n, -3n]);
    expect(splitEvenly(2n, 4)).toEqual([1n, 1n, 0n, 0n]);
    expect(splitEvenly(9n, 1)).toEqual([9n]);
  });

  it('splits 100.00 in three exactly', () => {
    const parts = splitEvenly(100n * UNIT, 3);
    expect(parts.map(formatDecimal)).toEqual([
      '33.333333333334',
      '33.333333333333',
      '33.333333333333',
    ]);
    expect(parts.reduce((a, b) => a + b, 0n)).toBe(100n * UNIT);
  });

  it.each([0, -1, 1.5, NaN])('refuses %p parts', parts => {
    expect(() => splitEvenly(1n, parts)).toThrow(RangeError);
  });
});

it('scales by 10^12', () => {
  expect(DECIMAL_SCALE).toBe(UNIT);
});
