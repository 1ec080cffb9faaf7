import {
  budgetPercent,
  objectivePercent,
  percentDecimals,
  percentText,
  sliPercent,
} from './percent';

const sliText = (sli: number, objective: number) =>
  percentText(sliPercent(sli, objective));
const objectiveText = (objective: number) =>
  percentText(objectivePercent(objective));

describe('percentDecimals', () => {
  it.each([
    [0.99, 0],
    [0.999, 1],
    [0.9995, 2],
    [0.99999, 3],
    [0.5, 0],
    [0.123456789, 6],
  ])('%d has %d fraction digits as a percentage', (fraction, digits) => {
    expect(percentDecimals(fraction)).toBe(digits);
  });
});

describe('sliPercent', () => {
  it('prints an SLI with the digits of its objective when they tell the two apart', () => {
    expect(sliText(0.993272, 0.9995)).toBe('99.33%');
    expect(objectiveText(0.9995)).toBe('99.95%');
    expect(sliText(0.95, 0.99)).toBe('95%');
  });

  it('never rounds an SLI below its objective up to the objective', () => {
    expect(sliText(0.999499, 0.9995)).toBe('99.9499%');
    expect(sliText(0.98999, 0.99)).toBe('98.999%');
    // Rounded to the objective's one digit it would read 99.9%.
    expect(sliText(0.99896, 0.999)).toBe('99.896%');
    // So close that six digits still round to it: cut instead.
    expect(sliText(0.9995 - 1e-10, 0.9995)).toBe('99.949999%');
  });

  it('never prints an SLI above its objective as equal to it', () => {
    expect(sliText(0.99938, 0.999)).toBe('99.94%');
    expect(sliText(0.99952, 0.9995)).toBe('99.952%');
  });

  it('never prints an SLI short of 100% as 100%', () => {
    expect(sliText(0.99999, 0.999)).toBe('99.999%');
    expect(sliText(0.9952, 0.99)).toBe('99.5%');
    expect(sliText(0.99999999999, 0.999)).toBe('99.999999%');
    expect(sliText(1, 0.999)).toBe('100%');
  });

  it('prints an SLI equal to its objective as the objective', () => {
    expect(sliText(0.9995, 0.9995)).toBe('99.95%');
    // Computed, with binary noise.
    expect(sliText(19990 / 20000, 0.9995)).toBe('99.95%');
  });

  it('keeps a little SLI above 0%', () => {
    expect(sliText(0.0000004, 0.99)).toBe('0.00004%');
    expect(sliText(0, 0.99)).toBe('0%');
  });
});

describe('budgetPercent', () => {
  it.each([
    [0.38, '38%'],
    [-12.4623, '-1,246%'],
    [0.052, '5.2%'],
    [-0.0004, '-0.04%'],
    [0.00004, '0.004%'],
    [0, '0%'],
  ])('prints a budget share of %d as %s', (share, text) => {
    expect(percentText(budgetPercent(share))).toBe(text);
  });
});
