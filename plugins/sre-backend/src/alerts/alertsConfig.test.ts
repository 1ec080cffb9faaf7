import { ConfigReader } from '@backstage/config';
import { DEFAULT_ALERT_NOISE_POLICY } from '@baton/plugin-sre-common';
import { readAlertsConfig } from './alertsConfig';
import { DEFAULT_ALERT_ACKNOWLEDGE_POLICY } from './AlertService';

const sre = (alerts: object) => new ConfigReader({ sre: { alerts } });

describe('readAlertsConfig', () => {
  it('has the documented defaults', () => {
    const config = readAlertsConfig(new ConfigReader({}));
    expect(config.noisePolicy).toEqual(DEFAULT_ALERT_NOISE_POLICY);
    expect(config.acknowledgePolicy).toEqual(DEFAULT_ALERT_ACKNOWLEDGE_POLICY);
    expect(config.pollSchedule.frequency).toEqual({ minutes: 5 });
  });

  it('reads each key over its default', () => {
    const config = readAlertsConfig(
      sre({
        noise: { flapCount: 4 },
        acknowledge: { undoMinutes: 0 },
        pollSchedule: { frequency: 'PT20S', timeout: 'PT20S' },
      }),
    );
    expect(config.noisePolicy).toEqual({
      ...DEFAULT_ALERT_NOISE_POLICY,
      flapCount: 4,
    });
    expect(config.acknowledgePolicy).toEqual({
      ...DEFAULT_ALERT_ACKNOWLEDGE_POLICY,
      undoMinutes: 0,
    });
    expect(config.pollSchedule.frequency).toEqual({ seconds: 20 });
  });

  it('refuses bad thresholds, naming the key', () => {
    expect(() => readAlertsConfig(sre({ noise: { flapCount: 0 } }))).toThrow(
      'sre.alerts.noise.flapCount must be a positive number',
    );
    expect(() =>
      readAlertsConfig(sre({ acknowledge: { afterResolutionMinutes: -1 } })),
    ).toThrow(
      'sre.alerts.acknowledge.afterResolutionMinutes must be a number of minutes, 0 or more',
    );
  });
});
