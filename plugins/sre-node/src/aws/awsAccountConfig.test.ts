import { ConfigReader } from '@backstage/config';
import {
  isAwsAccountId,
  readAwsAccountId,
  readAwsCredentialSettings,
  readAwsStaticCredentials,
} from './awsAccountConfig';

describe('AWS account config', () => {
  it('accepts only 12-digit ids written as strings', () => {
    expect(isAwsAccountId('012345678901')).toBe(true);
    expect(isAwsAccountId('12345678901')).toBe(false);
    expect(isAwsAccountId(12345678901)).toBe(false);
    expect(
      readAwsAccountId(new ConfigReader({ accountId: '012345678901' }), 'k'),
    ).toBe('012345678901');
    expect(() =>
      readAwsAccountId(
        new ConfigReader({ accountId: 12345678901 }),
        'x.accounts[0]',
      ),
    ).toThrow(
      /x\.accounts\[0\]\.accountId must be a 12-digit AWS account id written as a string/,
    );
    expect(() => readAwsAccountId(new ConfigReader({}), 'x')).toThrow(
      'x.accountId is required',
    );
  });

  it('reads static credentials with or without a session token', () => {
    expect(readAwsStaticCredentials(undefined)).toBeUndefined();
    expect(
      readAwsStaticCredentials(
        new ConfigReader({ accessKeyId: 'AKIA1', secretAccessKey: 's' }),
      ),
    ).toEqual({ accessKeyId: 'AKIA1', secretAccessKey: 's' });
    expect(
      readAwsStaticCredentials(
        new ConfigReader({
          accessKeyId: 'AKIA1',
          secretAccessKey: 's',
          sessionToken: 't',
        }),
      ),
    ).toEqual({
      accessKeyId: 'AKIA1',
      secretAccessKey: 's',
      sessionToken: 't',
    });
  });

  it('takes a profile or credentials, not both, and never prints a secret', () => {
    expect(readAwsCredentialSettings(new ConfigReader({}), 'k')).toEqual({});
    expect(
      readAwsCredentialSettings(new ConfigReader({ profile: 'audit' }), 'k'),
    ).toEqual({ profile: 'audit' });
    expect(() =>
      readAwsCredentialSettings(new ConfigReader({ profile: ' ' }), 'k'),
    ).toThrow('k.profile must not be empty');
    let message = '';
    try {
      readAwsCredentialSettings(
        new ConfigReader({
          profile: 'audit',
          credentials: { accessKeyId: 'AKIA1', secretAccessKey: 'hush-secret' },
        }),
        'sre.awsBackup.accounts[1]',
      );
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(
      'sre.awsBackup.accounts[1] sets both credentials and profile',
    );
    expect(message).not.toContain('hush-secret');
  });
});
