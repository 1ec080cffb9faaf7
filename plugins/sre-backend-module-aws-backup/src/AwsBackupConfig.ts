import type { Config } from '@backstage/config';
import {
  readAwsAccountId,
  readAwsCredentialSettings,
  type AwsStaticCredentials,
} from '@baton/plugin-sre-node';

/** One entry of `sre.awsBackup.accounts`, checked. @public */
export interface AwsBackupAccountConfig {
  /** The 12-digit account id. */
  accountId: string;
  /** The regions whose AWS Backup this account is read in. */
  regions: string[];
  /** A profile of the shared AWS config files, for the SDK's default chain. */
  profile?: string;
  /** Absent: the AWS SDK's default credential chain. */
  credentials?: AwsStaticCredentials;
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

function readAccount(account: Config, key: string): AwsBackupAccountConfig {
  const accountId = readAwsAccountId(account, key);
  const regions = account.getOptionalStringArray('regions') ?? [];
  if (regions.length === 0) {
    throw new Error(`${key}.regions must list at least one AWS region`);
  }
  regions.forEach((region, index) => {
    if (!REGION.test(region)) {
      throw new Error(
        `${key}.regions[${index}] is not an AWS region: ${JSON.stringify(
          region,
        )}`,
      );
    }
  });
  return {
    accountId,
    regions: [...new Set(regions)],
    ...readAwsCredentialSettings(account, key),
  };
}

/**
 * Reads `sre.awsBackup.accounts`; undefined when `sre.awsBackup` is absent.
 * Fails at start-up, naming the setting, on a bad value; never with a
 * credential in the message.
 */
export function readAwsBackupConfig(
  config: Config,
): AwsBackupAccountConfig[] | undefined {
  if (!config.has('sre.awsBackup')) return undefined;
  const entries =
    config.getConfig('sre.awsBackup').getOptionalConfigArray('accounts') ?? [];
  if (entries.length === 0) {
    throw new Error(
      'sre.awsBackup.accounts must list at least one AWS account',
    );
  }
  const accounts: AwsBackupAccountConfig[] = [];
  entries.forEach((entry, index) => {
    const key = `sre.awsBackup.accounts[${index}]`;
    const account = readAccount(entry, key);
    if (accounts.some(a => a.accountId === account.accountId)) {
      throw new Error(
        `${key}.accountId repeats account ${account.accountId}; list its regions in one entry`,
      );
    }
    accounts.push(account);
  });
  return accounts;
}
