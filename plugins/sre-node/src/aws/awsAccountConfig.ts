import type { Config } from '@backstage/config';

/** Static AWS credentials from a module's config. @public */
export interface AwsStaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/**
 * How a module's AWS client signs in: a profile of the shared AWS config
 * files, static credentials, or neither (the SDK's default chain).
 * @public
 */
export interface AwsCredentialSettings {
  profile?: string;
  credentials?: AwsStaticCredentials;
}

const ACCOUNT_ID = /^\d{12}$/;

/** True for a 12-digit AWS account id. @public */
export function isAwsAccountId(value: unknown): value is string {
  return typeof value === 'string' && ACCOUNT_ID.test(value);
}

/**
 * Reads `<key>.accountId`, which must be a 12-digit string: YAML reads an
 * unquoted id as a number and drops its leading zeros.
 * @public
 */
export function readAwsAccountId(account: Config, key: string): string {
  const accountId = account.getOptional('accountId');
  if (accountId === undefined) {
    throw new Error(`${key}.accountId is required`);
  }
  if (!isAwsAccountId(accountId)) {
    throw new Error(
      `${key}.accountId must be a 12-digit AWS account id written as a string (quote it in YAML, or a leading zero is lost); got ${JSON.stringify(
        accountId,
      )}`,
    );
  }
  return accountId;
}

/**
 * Reads a `credentials` block (access key, secret, optional session token);
 * undefined when absent. Errors name the setting, never a value.
 * @public
 */
export function readAwsStaticCredentials(
  credentials: Config | undefined,
): AwsStaticCredentials | undefined {
  if (!credentials) {
    return undefined;
  }
  const sessionToken = credentials.getOptionalString('sessionToken');
  return {
    accessKeyId: credentials.getString('accessKeyId'),
    secretAccessKey: credentials.getString('secretAccessKey'),
    ...(sessionToken !== undefined && { sessionToken }),
  };
}

/**
 * Reads `<key>.profile` and `<key>.credentials`: at most one of them, neither
 * for the default credential chain. Errors name the setting, never a value.
 * @public
 */
export function readAwsCredentialSettings(
  block: Config,
  key: string,
): AwsCredentialSettings {
  const profile = block.getOptionalString('profile');
  if (profile !== undefined && profile.trim() === '') {
    throw new Error(`${key}.profile must not be empty`);
  }
  const credentialsBlock = block.getOptionalConfig('credentials');
  if (credentialsBlock && profile !== undefined) {
    throw new Error(
      `${key} sets both credentials and profile; set one of them, or neither for the default credential chain`,
    );
  }
  const credentials = readAwsStaticCredentials(credentialsBlock);
  return {
    ...(profile !== undefined && { profile }),
    ...(credentials && { credentials }),
  };
}
