import type { Config } from '@backstage/config';

/** One entry of `sre.awsBackup.accounts`, checked. @public */
export interface AwsBackupAccountConfig {
  /** The 12-digit account id. */
  accountId: string;
  /** The regions whose AWS Backup this account is read in. */
  regions: string[];
  /** A profile of the shared AWS config files, for the SDK's default chain. */
  profile?: string;
  /** Absent: the AWS SDK's default credential chain. */
  credentials?: {
    accessKeyId: string;
    secretAccessKey: string;
    sessionToken?: string;
  };
}

const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

function readAccount(account: Config, key: string): AwsBackupAccountConfig {
  const accountId = account.getOptional('accountId');
  if (typeof accountId !== 'string' || !ACCOUNT_ID.test(accountId)) {
    throw new Error(
      `${key}.accountId must be a 12-digit AWS account id written as a string (quote it in YAML, or a leading zero is lost); got ${JSON.stringify(
        accountId,
      )}`,
    );
  }
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
  const profile = account.getOptionalString('profile');
  const credentials = account.getOptionalConfig('credentials');
  if (credentials && profile !== undefined) {
    throw new Error(
      `${key} sets both credentials and profile; set one of them, or neither for the default credential chain`,
    );
  }
  const sessionToken = credentials?.getOptionalString('sessionToken');
  return {
    accountId,
    regions: [...new Set(regions)],
    ...(profile ? { profile } : {}),
    ...(credentials && {
      credentials: {
        accessKeyId: credentials.getString('accessKeyId'),
        secretAccessKey: credentials.getString('secretAccessKey'),
        ...(sessionToken !== undefined && { sessionToken }),
      },
    }),
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
