import { ConfigReader } from '@backstage/config';
import { scheduleFromConfig } from './scheduleFromConfig';

const fallback = { frequency: { hours: 6 }, timeout: { minutes: 30 } };

describe('scheduleFromConfig', () => {
  it('is the configured schedule when the key is set', () => {
    const config = new ConfigReader({
      schedule: { frequency: 'PT20S', timeout: 'PT10S', initialDelay: 'PT5S' },
    });
    expect(scheduleFromConfig(config, 'schedule', fallback)).toEqual({
      frequency: { seconds: 20 },
      timeout: { seconds: 10 },
      initialDelay: { seconds: 5 },
    });
  });

  it('is the default without the key or without the config', () => {
    expect(scheduleFromConfig(new ConfigReader({}), 'schedule', fallback)).toBe(
      fallback,
    );
    expect(scheduleFromConfig(undefined, 'schedule', fallback)).toBe(fallback);
  });

  it('refuses a schedule without its frequency, naming the key', () => {
    const config = new ConfigReader({ schedule: { timeout: 'PT10S' } });
    expect(() => scheduleFromConfig(config, 'schedule', fallback)).toThrow(
      /frequency/,
    );
  });
});
