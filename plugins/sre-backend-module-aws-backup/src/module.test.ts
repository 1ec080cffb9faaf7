import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { sreBackupSourcesExtensionPoint } from '@baton/plugin-sre-node';
import { sreBackupSourcesExtensionPointMock } from '@baton/plugin-sre-node/testUtils';
import { AwsBackupSource } from './AwsBackupSource';
import { sreModuleAwsBackup } from './module';

type ConfigData = NonNullable<mockServices.rootConfig.Options['data']>;

async function startWith(data: ConfigData) {
  const backups = sreBackupSourcesExtensionPointMock();
  const logger = mockServices.logger.mock();
  await startTestBackend({
    extensionPoints: [[sreBackupSourcesExtensionPoint, backups]],
    features: [
      sreModuleAwsBackup,
      logger.factory,
      mockServices.rootConfig.factory({ data }),
    ],
  });
  return { sources: backups.backupSources, logger };
}

const logged = (logger: ReturnType<typeof mockServices.logger.mock>) =>
  JSON.stringify(
    [logger.info, logger.debug, logger.warn, logger.error].flatMap(
      fn => (fn as jest.Mock).mock.calls,
    ),
  );

describe('sreModuleAwsBackup', () => {
  it('registers nothing, and says so once, without sre.awsBackup', async () => {
    const { sources, logger } = await startWith({ sre: { demo: false } });

    expect(sources).toEqual([]);
    expect(logger.info).toHaveBeenCalledWith(
      'No sre.awsBackup configured; no AWS Backup source is registered',
    );
  });

  it('registers a source per account, and logs no credential', async () => {
    const { sources, logger } = await startWith({
      sre: {
        awsBackup: {
          accounts: [
            {
              accountId: '111111111111',
              regions: ['ap-northeast-1', 'us-west-2'],
            },
            {
              accountId: '333333333333',
              regions: ['eu-west-1'],
              credentials: {
                accessKeyId: 'AKIAMODULETESTKEY',
                secretAccessKey: 'module-test-secret',
                sessionToken: 'module-test-session',
              },
            },
            {
              accountId: '012345678901',
              regions: ['us-east-1'],
              profile: 'backup-audit',
            },
          ],
        },
      },
    });

    expect(sources.map(source => source.id)).toEqual([
      'aws-backup-111111111111',
      'aws-backup-333333333333',
      'aws-backup-012345678901',
    ]);
    expect(sources[0]).toBeInstanceOf(AwsBackupSource);
    expect(logger.info).toHaveBeenCalledWith(
      "AWS Backup sources registered for 111111111111 (regions ap-northeast-1, us-west-2, the AWS SDK's default credential chain), 333333333333 (regions eu-west-1, credentials from sre.awsBackup.accounts[1].credentials), 012345678901 (regions us-east-1, profile 'backup-audit')",
    );
    const said = logged(logger);
    expect(said).not.toContain('AKIAMODULETESTKEY');
    expect(said).not.toContain('module-test-secret');
    expect(said).not.toContain('module-test-session');
  });

  it.each<[string, ConfigData, RegExp]>([
    [
      'an account id that is not 12 digits',
      { accountId: '1234-5678-9012', regions: ['eu-west-1'] },
      /sre\.awsBackup\.accounts\[0\]\.accountId must be a 12-digit AWS account id/,
    ],
    [
      'an account without regions',
      { accountId: '111111111111' },
      /sre\.awsBackup\.accounts\[0\]\.regions must list at least one AWS region/,
    ],
    [
      'a region that is not one',
      { accountId: '111111111111', regions: ['tokyo'] },
      /sre\.awsBackup\.accounts\[0\]\.regions\[0\] is not an AWS region: "tokyo"/,
    ],
    [
      'both credentials and a profile',
      {
        accountId: '111111111111',
        regions: ['eu-west-1'],
        profile: 'p',
        credentials: {
          accessKeyId: 'AKIABOTH',
          secretAccessKey: 'both-secret',
        },
      },
      /sre\.awsBackup\.accounts\[0\] sets both credentials and profile/,
    ],
  ])('fails at start-up, naming the key, on %s', async (_, account, error) => {
    const failure = startWith({ sre: { awsBackup: { accounts: [account] } } });
    await expect(failure).rejects.toThrow(error);
    await expect(failure).rejects.not.toThrow(/AKIABOTH|both-secret/);
  });

  it('fails at start-up on an sre.awsBackup without accounts, and on an account listed twice', async () => {
    await expect(startWith({ sre: { awsBackup: {} } })).rejects.toThrow(
      /sre\.awsBackup\.accounts must list at least one AWS account/,
    );
    const account = { accountId: '111111111111', regions: ['eu-west-1'] };
    await expect(
      startWith({ sre: { awsBackup: { accounts: [account, account] } } }),
    ).rejects.toThrow(
      /sre\.awsBackup\.accounts\[1\]\.accountId repeats account 111111111111/,
    );
  });
});
