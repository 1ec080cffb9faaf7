import { DEFAULT_READINESS_POLICY, readinessPolicy } from './policy';

describe('readinessPolicy', () => {
  it('lays overrides over the defaults', () => {
    const policy = readinessPolicy({
      weights: { drill: 3 },
      critical: ['drill'],
      thresholds: { drillMaxAgeDays: 90 },
    });
    expect(policy.weights.drill).toBe(3);
    expect(policy.weights.runbook).toBe(
      DEFAULT_READINESS_POLICY.weights.runbook,
    );
    expect(policy.critical).toEqual(['drill']);
    expect(policy.thresholds).toMatchObject({
      drillMaxAgeDays: 90,
      readyScore: 80,
    });
    expect(readinessPolicy()).toEqual(DEFAULT_READINESS_POLICY);
  });

  it('names the setting that is wrong', () => {
    expect(() => readinessPolicy({ weights: { drils: 2 } as never })).toThrow(
      /^sre\.readiness\.weights\.drils: unknown; expected one of truck-factor/,
    );
    expect(() => readinessPolicy({ critical: ['runbok' as never] })).toThrow(
      /^sre\.readiness\.critical: unknown check 'runbok'/,
    );
    expect(() =>
      readinessPolicy({ thresholds: { readyScore: 'high' as never } }),
    ).toThrow(
      /^sre\.readiness\.thresholds\.readyScore: must be a number ≥ 0, got "high"/,
    );
    expect(() =>
      readinessPolicy({ thresholds: { minAdmin: 2 } as never }),
    ).toThrow(/^sre\.readiness\.thresholds\.minAdmin: unknown/);
  });
});
