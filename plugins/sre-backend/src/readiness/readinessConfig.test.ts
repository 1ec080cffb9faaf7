import { ConfigReader } from '@backstage/config';
import { readinessPolicy } from '@baton/plugin-sre-common';
import { readKnowledgeConfig, readReadinessPolicy } from './readinessConfig';

describe('readKnowledgeConfig', () => {
  it('has the documented defaults', () => {
    const config = readKnowledgeConfig(new ConfigReader({}));
    expect(config.repositoryTimeoutMs).toBeUndefined();
    expect(config.exclude).toBeUndefined();
    expect(config.schedule.frequency).toEqual({ hours: 6 });
  });

  it('reads the repository timeout as milliseconds, and the lists', () => {
    const config = readKnowledgeConfig(
      new ConfigReader({
        sre: {
          knowledge: {
            repositoryTimeout: { minutes: 2 },
            exclude: ['docs/**'],
            botPatterns: ['\\[bot\\]$'],
          },
        },
      }),
    );
    expect(config.repositoryTimeoutMs).toBe(120_000);
    expect(config.exclude).toEqual(['docs/**']);
    expect(config.botPatterns).toEqual(['\\[bot\\]$']);
  });
});

describe('readReadinessPolicy', () => {
  it('is the default policy without config, and config over it', () => {
    expect(readReadinessPolicy(new ConfigReader({}))).toEqual(
      readinessPolicy(),
    );
    const policy = readReadinessPolicy(
      new ConfigReader({
        sre: { readiness: { thresholds: { minTruckFactor: 3 } } },
      }),
    );
    expect(policy).toEqual(
      readinessPolicy({ thresholds: { minTruckFactor: 3 } }),
    );
    expect(policy).not.toEqual(readinessPolicy());
  });
});
