import type { Config } from '@backstage/config';
import {
  readAwsAccountId,
  readAwsCredentialSettings,
  type AwsStaticCredentials,
} from '@baton/plugin-sre-node';

/**
 * IAM has one global endpoint per partition, signed in us-east-1 for the
 * commercial partition (cn-north-1 in China, us-gov-west-1 in GovCloud).
 */
export const DEFAULT_REGION = 'us-east-1';

/** One entry of `sre.awsIam.accounts`, with its defaults applied. */
export interface AwsIamAccountConfig {
  /** The 12-digit account id, as in `aws-account:<accountId>`. */
  accountId: string;
  /** The region the IAM client signs for. */
  region: string;
  /** A profile of the shared AWS config files, for the SDK's default chain. */
  profile?: string;
  /** Absent: the AWS SDK's default credential chain. */
  credentials?: AwsStaticCredentials;
}

/** `sre.awsIam`, with its defaults applied. */
export interface AwsIamConfig {
  accounts: AwsIamAccountConfig[];
}

function readAccount(account: Config, key: string): AwsIamAccountConfig {
  const accountId = readAwsAccountId(account, key);
  if (account.has('roleArn')) {
    throw new Error(
      `${key}.roleArn is not supported: name a shared AWS config profile with role_arn in ${key}.profile instead, or give the backend that account's credentials`,
    );
  }
  const region = account.getOptionalString('region') ?? DEFAULT_REGION;
  if (region.trim() === '') {
    throw new Error(`${key}.region must not be empty`);
  }
  return {
    accountId,
    region,
    ...readAwsCredentialSettings(account, key),
  };
}

/**
 * Reads `sre.awsIam`; undefined when it is absent. Fails at start-up, naming
 * the setting, on a bad value; never with a credential in the message.
 */
export function readAwsIamConfig(config: Config): AwsIamConfig | undefined {
  if (!config.has('sre.awsIam')) {
    return undefined;
  }
  const awsIam = config.getConfig('sre.awsIam');
  if (!awsIam.has('accounts')) {
    throw new Error('sre.awsIam.accounts must list at least one AWS account');
  }
  const entries = awsIam.getConfigArray('accounts');
  if (entries.length === 0) {
    throw new Error('sre.awsIam.accounts must list at least one AWS account');
  }
  const accounts: AwsIamAccountConfig[] = [];
  entries.forEach((entry, index) => {
    const key = `sre.awsIam.accounts[${index}]`;
    const account = readAccount(entry, key);
    const earlier = accounts.findIndex(a => a.accountId === account.accountId);
    if (earlier >= 0) {
      throw new Error(
        `${key}.accountId repeats account ${account.accountId} of sre.awsIam.accounts[${earlier}]`,
      );
    }
    accounts.push(account);
  });
  return { accounts };
}
