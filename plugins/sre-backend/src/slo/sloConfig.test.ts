import { ConfigReader } from '@backstage/config';
import { DEFAULT_SLO_POLICY } from '@baton/plugin-sre-common';
import { readSloConfig } from './sloConfig';

const sre = (slo: object) => new ConfigReader({ sre: { slo } });

describe('readSloConfig', () => {
  it('has the documented defaults', () => {
    const config = readSloConfig(new ConfigReader({}));
    expect(config.stepSeconds).toBe(300);
    expect(config.maintenance).toEqual([]);
    expect(config.policy).toEqual(DEFAULT_SLO_POLICY);
    expect(config.schedule.frequency).toEqual({ minutes: 5 });
  });

  it('reads the step, the maintenance windows and the schedule', () => {
    const config = readSloConfig(
      sre({
        step: '1m',
        maintenance: ['2026-01-01T00:00:00Z/2026-01-01T02:00:00Z'],
        schedule: { frequency: 'PT1M', timeout: 'PT1M' },
      }),
    );
    expect(config.stepSeconds).toBe(60);
    expect(config.maintenance).toEqual([
      {
        start: Date.parse('2026-01-01T00:00:00Z'),
        end: Date.parse('2026-01-01T02:00:00Z'),
      },
    ]);
    expect(config.schedule.frequency).toEqual({ minutes: 1 });
  });

  it('refuses a step that does not divide 5 minutes, naming the key', () => {
    expect(() => readSloConfig(sre({ step: '7m' }))).toThrow(
      "sre.slo.step must be a duration that divides 5m, such as 1m or 5m (got '7m')",
    );
  });

  it('refuses maintenance windows that are not ISO 8601 intervals', () => {
    expect(() => readSloConfig(sre({ maintenance: ['tomorrow'] }))).toThrow(
      'sre.slo.maintenance: not ISO 8601 intervals: tomorrow',
    );
  });
});
