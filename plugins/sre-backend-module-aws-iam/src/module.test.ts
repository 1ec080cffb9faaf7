import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { sreAccessSourcesExtensionPoint } from '@baton/plugin-sre-node';
import { sreAccessSourcesExtensionPointMock } from '@baton/plugin-sre-node/testUtils';
import { AwsIamAccessSource } from './AwsIamAccessSource';
import { sreModuleAwsIam } from './module';

type ConfigData = NonNullable<mockServices.rootConfig.Options['data']>;

async function startWith(data: ConfigData) {
  const access = sreAccessSourcesExtensionPointMock();
  const logger = mockServices.logger.mock();
  await startTestBackend({
    extensionPoints: [[sreAccessSourcesExtensionPoint, access]],
    features: [
      sreModuleAwsIam,
      logger.factory,
      mockServices.rootConfig.factory({ data }),
    ],
  });
  return { sources: access.accessSources, logger };
}

const logged = (logger: ReturnType<typeof mockServices.logger.mock>) =>
  JSON.stringify(
    [logger.info, logger.debug, logger.warn, logger.error].flatMap(
      fn => (fn as jest.Mock).mock.calls,
    ),
  );

describe('sreModuleAwsIam', () => {
  it('registers nothing, and says so once, without sre.awsIam', async () => {
    const { sources, logger } = await startWith({ sre: { demo: false } });

    expect(sources).toEqual([]);
    expect(logger.info).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledWith(
      'No sre.awsIam configured; the AWS IAM access source is not registered',
    );
  });

  it('registers the aws-account source for the configured accounts, and logs no credential', async () => {
    const { sources, logger } = await startWith({
      sre: {
        awsIam: {
          accounts: [
            { accountId: '123456789012' },
            {
              accountId: '210987654321',
              region: 'eu-west-1',
              credentials: {
                accessKeyId: 'AKIAMODULETESTKEY',
                secretAccessKey: 'module-test-secret',
                sessionToken: 'module-test-session',
              },
            },
            { accountId: '012345678901', profile: 'audit-staging' },
          ],
        },
      },
    });

    expect(sources).toHaveLength(1);
    expect(sources[0]).toBeInstanceOf(AwsIamAccessSource);
    expect(sources[0].prefix).toBe('aws-account');
    expect((sources[0] as AwsIamAccessSource).accountIds).toEqual([
      '123456789012',
      '210987654321',
      '012345678901',
    ]);
    expect(logger.info).toHaveBeenCalledWith(
      "AWS IAM access source 'aws-account' registered for 123456789012 (region us-east-1, the AWS SDK's default credential chain), 210987654321 (region eu-west-1, credentials from sre.awsIam.accounts[1].credentials), 012345678901 (region us-east-1, profile 'audit-staging')",
    );
    const said = logged(logger);
    expect(said).not.toContain('AKIAMODULETESTKEY');
    expect(said).not.toContain('module-test-secret');
    expect(said).not.toContain('module-test-session');
  });

  it('fails at start-up, naming the key, on an account id that is not 12 digits', async () => {
    await expect(
      startWith({
        sre: {
          awsIam: {
            accounts: [
              { accountId: '123456789012' },
              { accountId: '1234-5678-9012' },
            ],
          },
        },
      }),
    ).rejects.toThrow(
      /sre\.awsIam\.accounts\[1\]\.accountId must be a 12-digit AWS account id/,
    );
  });

  it('fails at start-up on an sre.awsIam without accounts', async () => {
    await expect(startWith({ sre: { awsIam: {} } })).rejects.toThrow(
      /sre\.awsIam\.accounts must list at least one AWS account/,
    );
  });

  it('fails at start-up on credentials without a secret access key, without showing the key id', async () => {
    const failure = startWith({
      sre: {
        awsIam: {
          accounts: [
            {
              accountId: '123456789012',
              credentials: { accessKeyId: 'AKIAHALFCONFIGURED' },
            },
          ],
        },
      },
    });

    await expect(failure).rejects.toThrow(
      /sre\.awsIam\.accounts\[0\]\.credentials\.secretAccessKey/,
    );
    await expect(failure).rejects.not.toThrow(/AKIAHALFCONFIGURED/);
  });
});
