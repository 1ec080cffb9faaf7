import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { sreCostSourcesExtensionPoint } from '@baton/plugin-sre-node';
import { sreCostSourcesExtensionPointMock } from '@baton/plugin-sre-node/testUtils';
import { AwsCostExplorerSource } from './AwsCostExplorerSource';
import { sreModuleAwsCost } from './module';

type ConfigData = NonNullable<mockServices.rootConfig.Options['data']>;

async function startWith(data: ConfigData) {
  const costs = sreCostSourcesExtensionPointMock();
  const logger = mockServices.logger.mock();
  await startTestBackend({
    extensionPoints: [[sreCostSourcesExtensionPoint, costs]],
    features: [
      sreModuleAwsCost,
      logger.factory,
      mockServices.rootConfig.factory({ data }),
    ],
  });
  return { sources: costs.costSources, formats: costs.costFileFormats, logger };
}

const logged = (logger: ReturnType<typeof mockServices.logger.mock>) =>
  JSON.stringify(
    [logger.info, logger.debug, logger.warn, logger.error].flatMap(
      fn => (fn as jest.Mock).mock.calls,
    ),
  );

describe('sreModuleAwsCost', () => {
  it('registers nothing, and says so once, without sre.awsCost', async () => {
    const { sources, formats, logger } = await startWith({
      sre: { demo: false },
    });

    expect(sources).toEqual([]);
    expect(formats).toEqual([]);
    expect(logger.info).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringMatching(/No sre\.awsCost configured/),
    );
  });

  it('registers the Cost Explorer source with every default for an empty sre.awsCost', async () => {
    const { sources, formats, logger } = await startWith({
      sre: { awsCost: {} },
    });

    expect(sources).toHaveLength(1);
    expect(sources[0]).toBeInstanceOf(AwsCostExplorerSource);
    expect(sources[0].id).toBe('aws-cost');
    expect(formats).toEqual([]);
    expect(logger.info).toHaveBeenCalledWith(
      "AWS Cost Explorer cost source 'aws-cost' registered: tag 'service', 90 days back, region us-east-1, the AWS SDK's default credential chain",
    );
  });

  it('registers the source under the configured id, and logs no credential', async () => {
    const { sources, logger } = await startWith({
      sre: {
        awsCost: {
          sourceId: 'aws-prod',
          tagKey: 'team',
          lookbackDays: 30,
          credentials: {
            accessKeyId: 'AKIAMODULETESTKEY',
            secretAccessKey: 'module-test-secret',
            sessionToken: 'module-test-session',
          },
        },
      },
    });

    expect(sources.map(s => s.id)).toEqual(['aws-prod']);
    const said = logged(logger);
    expect(said).toContain(
      "'aws-prod' registered: tag 'team', 30 days back, region us-east-1, credentials from sre.awsCost.credentials",
    );
    expect(said).not.toContain('AKIAMODULETESTKEY');
    expect(said).not.toContain('module-test-secret');
    expect(said).not.toContain('module-test-session');
  });

  it('fails at start-up on a lookback that is not a whole number of days', async () => {
    await expect(
      startWith({ sre: { awsCost: { lookbackDays: 0 } } }),
    ).rejects.toThrow(
      /sre\.awsCost\.lookbackDays must be a whole number of days, at least 1; got 0/,
    );
  });

  it('fails at start-up on credentials without a secret access key, without showing the key id', async () => {
    const failure = startWith({
      sre: { awsCost: { credentials: { accessKeyId: 'AKIAHALFCONFIGURED' } } },
    });

    await expect(failure).rejects.toThrow(
      /sre\.awsCost\.credentials\.secretAccessKey/,
    );
    await expect(failure).rejects.not.toThrow(/AKIAHALFCONFIGURED/);
  });
});
