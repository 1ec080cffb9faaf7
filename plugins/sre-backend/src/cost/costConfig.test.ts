import { ConfigReader } from '@backstage/config';
import { readCostConfig } from './costConfig';
import { DEFAULT_COST_UPLOAD_LIMITS } from './CostService';

const sre = (cost: object) => new ConfigReader({ sre: { cost } });

describe('readCostConfig', () => {
  it('has the documented defaults', () => {
    const config = readCostConfig(new ConfigReader({}));
    expect(config.metric).toBe('effective');
    expect(config.uploadLimits).toEqual(DEFAULT_COST_UPLOAD_LIMITS);
    expect(config.exchangeRates).toBeUndefined();
    expect(config.schedule.frequency).toEqual({ hours: 6 });
  });

  it('reads the metric, the upload limits and the schedule', () => {
    const config = readCostConfig(
      sre({
        metric: 'billed',
        import: { maxBytes: 1024 },
        schedule: { frequency: 'PT30S', timeout: 'PT30S' },
      }),
    );
    expect(config.metric).toBe('billed');
    expect(config.uploadLimits).toEqual({
      maxPeriodDays: DEFAULT_COST_UPLOAD_LIMITS.maxPeriodDays,
      maxBytes: 1024,
    });
    expect(config.schedule.frequency).toEqual({ seconds: 30 });
  });

  it('refuses an upload limit that is not a number, naming the key', () => {
    expect(() => readCostConfig(sre({ import: { maxBytes: 'lots' } }))).toThrow(
      /maxBytes/,
    );
  });
});
