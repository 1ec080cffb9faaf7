/** Decimal places money keeps: billing exports carry up to ~10, so 12 never rounds a real row. @public */
export const DECIMAL_PLACES = 12;

/** One currency unit in scaled units (10^12): money is a `bigint` of these, never a float. @public */
export const DECIMAL_SCALE = 10n ** BigInt(DECIMAL_PLACES);

// Sign, whole digits, fraction digits, exponent; at least one digit is checked below.
const DECIMAL_PATTERN = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

// Bigger than any bill; it stops `1e999999999` from building a gigantic bigint.
const MAX_WHOLE_DIGITS = 30;

/**
 * `numerator / denominator` rounded half to even (banker's rounding), so
 * rounding many values adds no bias. Symmetric around zero.
 * @public
 */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) {
    throw new RangeError('Division by zero');
  }
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let quotient = n / d;
  const twiceRemainder = (n % d) * 2n;
  if (twiceRemainder > d || (twiceRemainder === d && quotient % 2n === 1n)) {
    quotient += 1n;
  }
  return negative ? -quotient : quotient;
}

/**
 * A decimal as billing exports write it (`12`, `-0.5`, `.5`, `1.2E-5`, `+3e2`,
 * surrounding spaces) in scaled units, rounded half to even past 12 places;
 * undefined for anything else. Never goes through a JS number.
 * @public
 */
export function parseDecimal(text: string): bigint | undefined {
  if (typeof text !== 'string') return undefined;
  const plain = parsePlainDecimal(text);
  if (plain !== undefined) return plain;
  const match = DECIMAL_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const [, sign, whole, fraction = '', exponentText] = match;
  if (whole === '' && fraction === '') return undefined;

  const digits = (whole + fraction).replace(/^0+/, '');
  if (digits === '') return 0n;
  // The value is digits × 10^(shift − 12); the exponent is an integer, so a number holds it.
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  const shift = exponent - fraction.length + DECIMAL_PLACES;
  if (digits.length + shift - DECIMAL_PLACES > MAX_WHOLE_DIGITS) {
    return undefined;
  }

  let scaled: bigint;
  if (shift >= 0) {
    scaled = BigInt(digits) * 10n ** BigInt(shift);
  } else if (-shift > digits.length) {
    // Below a tenth of a scaled unit: rounds to zero (and keeps 10^shift small).
    scaled = 0n;
  } else {
    scaled = divideHalfEven(BigInt(digits), 10n ** BigInt(-shift));
  }
  return sign === '-' ? -scaled : scaled;
}

/** 10^0 … 10^DECIMAL_PLACES as bigints. */
const POWERS_OF_TEN = Array.from({ length: DECIMAL_PLACES + 1 }, (_, i) =>
  BigInt(10 ** i),
);

/** The decimals (0 or more) of the text plainDigits last read. */
let plainDecimals = 0;

/**
 * The common case, `-?digits[.digits]` with at most 15 digits and 12
 * decimals: its digits as a signed integer, counted in a double (exact
 * below 2^53) with no regular expression or digit string, and its
 * decimals in `plainDecimals`; undefined for anything else, which the
 * general reading then handles. Importing a billing export parses two of
 * these per row.
 */
function plainDigits(text: string): number | undefined {
  const length = text.length;
  if (length === 0 || length > 17) return undefined;
  const negative = text.charCodeAt(0) === 0x2d; // '-'
  let value = 0;
  let digits = 0;
  // -1 until the decimal point.
  let decimals = -1;
  for (let i = negative ? 1 : 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) {
      value = value * 10 + (code - 0x30);
      digits += 1;
      if (decimals >= 0) decimals += 1;
    } else if (code === 0x2e && decimals < 0) {
      decimals = 0;
    } else {
      return undefined;
    }
  }
  if (digits === 0 || digits > 15 || decimals > DECIMAL_PLACES) {
    return undefined;
  }
  plainDecimals = Math.max(decimals, 0);
  return negative ? -value : value;
}

function parsePlainDecimal(text: string): bigint | undefined {
  const value = plainDigits(text);
  if (value === undefined) return undefined;
  return BigInt(value) * POWERS_OF_TEN[DECIMAL_PLACES - plainDecimals];
}

/** 10^12 … 10^0 as numbers (exact), by a decimal's number of decimals. */
const UNITS_PER_DIGIT = Array.from(
  { length: DECIMAL_PLACES + 1 },
  (_, decimals) => 10 ** (DECIMAL_PLACES - decimals),
);

/**
 * A decimal in scaled units as a number, when a number holds it exactly:
 * `-?digits[.digits]` of at most 15 digits and 12 decimals, below 2^53
 * scaled units (9007.199254740992). Undefined for any other text, which
 * parseDecimal reads as a bigint. Summing these as numbers while the sum
 * stays below 2^53 spares a bigint per amount.
 * @public
 */
export function parseDecimalUnits(text: string): number | undefined {
  const value = plainDigits(text);
  if (value === undefined) return undefined;
  // Two exact integers: their product is exact whenever it is a safe integer.
  const scaled = value * UNITS_PER_DIGIT[plainDecimals];
  return Number.isSafeInteger(scaled) ? scaled : undefined;
}

/** Scaled units as the shortest exact decimal string: `'12.5'`, `'-0.000001'`, `'0'`. @public */
export function formatDecimal(scaled: bigint): string {
  const negative = scaled < 0n;
  const magnitude = negative ? -scaled : scaled;
  const whole = (magnitude / DECIMAL_SCALE).toString();
  const fraction = (magnitude % DECIMAL_SCALE)
    .toString()
    .padStart(DECIMAL_PLACES, '0')
    .replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/**
 * Scaled units as a JS number for the API, rounded half to even to 6 decimal
 * places first so JSON shows `0.1`, not `0.1000000000001`.
 * @public
 */
export function decimalToNumber(scaled: bigint): number {
  const micro = DECIMAL_SCALE / 1_000_000n;
  // Through the decimal string: Number() then picks the double nearest the exact value.
  return Number(formatDecimal(divideHalfEven(scaled, micro) * micro));
}

/**
 * Split scaled units into `parts` exact shares that add up to the input; the
 * remainder goes one scaled unit at a time to the first shares.
 * @public
 */
export function splitEvenly(scaled: bigint, parts: number): bigint[] {
  if (!Number.isSafeInteger(parts) || parts < 1) {
    throw new RangeError(`parts must be a positive integer, got ${parts}`);
  }
  const count = BigInt(parts);
  // Both truncate toward zero, so base and remainder carry the input's sign.
  const base = scaled / count;
  const remainder = scaled % count;
  const step = remainder < 0n ? -1n : 1n;
  const extra = Number(remainder < 0n ? -remainder : remainder);
  return Array.from({ length: parts }, (_, i) =>
    i < extra ? base + step : base,
  );
}
