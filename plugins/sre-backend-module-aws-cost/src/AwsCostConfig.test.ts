import { ConfigReader } from '@backstage/config';
import { readAwsCostConfig } from './AwsCostConfig';

const read = (
  awsCost: Record<string, string | number | Record<string, string>>,
) => readAwsCostConfig(new ConfigReader({ sre: { awsCost } }));

describe('readAwsCostConfig', () => {
  it('is undefined without sre.awsCost', () => {
    expect(readAwsCostConfig(new ConfigReader({ sre: {} }))).toBeUndefined();
  });

  it('applies every default to an empty sre.awsCost, with no credentials', () => {
    expect(read({})).toEqual({
      sourceId: 'aws-cost',
      tagKey: 'service',
      region: 'us-east-1',
      lookbackDays: 90,
    });
  });

  it('reads every setting', () => {
    expect(
      read({
        sourceId: 'aws-prod',
        tagKey: 'team',
        region: 'cn-northwest-1',
        lookbackDays: 400,
        credentials: { accessKeyId: 'AKIAKEY', secretAccessKey: 'secret' },
      }),
    ).toEqual({
      sourceId: 'aws-prod',
      tagKey: 'team',
      region: 'cn-northwest-1',
      lookbackDays: 400,
      credentials: { accessKeyId: 'AKIAKEY', secretAccessKey: 'secret' },
    });
  });

  it.each([[0], [-3], [1.5]])('rejects a lookback of %p days', days => {
    expect(() => read({ lookbackDays: days })).toThrow(
      `sre.awsCost.lookbackDays must be a whole number of days, at least 1; got ${days}`,
    );
  });

  it.each(['tagKey', 'sourceId', 'region'])('rejects an empty %s', key => {
    expect(() => read({ [key]: ' ' })).toThrow(
      `sre.awsCost.${key} must not be empty`,
    );
  });
});
