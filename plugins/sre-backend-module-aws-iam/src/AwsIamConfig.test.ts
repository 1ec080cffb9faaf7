import { ConfigReader } from '@backstage/config';
import { readAwsIamConfig } from './AwsIamConfig';

const read = (awsIam: object) =>
  readAwsIamConfig(new ConfigReader({ sre: { awsIam } }));
const readAccount = (account: object) => read({ accounts: [account] });

describe('readAwsIamConfig', () => {
  it('is undefined without sre.awsIam', () => {
    expect(readAwsIamConfig(new ConfigReader({ sre: {} }))).toBeUndefined();
  });

  it('defaults the region to us-east-1 and leaves credentials to the default chain', () => {
    expect(readAccount({ accountId: '012345678901' })).toEqual({
      accounts: [{ accountId: '012345678901', region: 'us-east-1' }],
    });
  });

  it('reads every setting of every account', () => {
    expect(
      read({
        accounts: [
          {
            accountId: '123456789012',
            region: 'cn-north-1',
            credentials: {
              accessKeyId: 'AKIAKEY',
              secretAccessKey: 'secret',
              sessionToken: 'token',
            },
          },
          { accountId: '210987654321', profile: 'audit' },
        ],
      }),
    ).toEqual({
      accounts: [
        {
          accountId: '123456789012',
          region: 'cn-north-1',
          credentials: {
            accessKeyId: 'AKIAKEY',
            secretAccessKey: 'secret',
            sessionToken: 'token',
          },
        },
        { accountId: '210987654321', region: 'us-east-1', profile: 'audit' },
      ],
    });
  });

  it.each([['12345678901'], ['1234567890123'], ['12345678901a'], ['']])(
    'rejects the account id %p, naming the key',
    accountId => {
      expect(() => readAccount({ accountId })).toThrow(
        `sre.awsIam.accounts[0].accountId must be a 12-digit AWS account id written as a string (quote it in YAML, or a leading zero is lost); got "${accountId}"`,
      );
    },
  );

  it('rejects an account id written as a number, which YAML reads without its leading zero', () => {
    expect(() =>
      read({
        accounts: [{ accountId: '123456789012' }, { accountId: 12345678901 }],
      }),
    ).toThrow(
      'sre.awsIam.accounts[1].accountId must be a 12-digit AWS account id written as a string (quote it in YAML, or a leading zero is lost); got 12345678901',
    );
  });

  it('requires an account id', () => {
    expect(() => readAccount({ region: 'us-east-1' })).toThrow(
      'sre.awsIam.accounts[0].accountId is required',
    );
  });

  it('rejects an account listed twice', () => {
    expect(() =>
      read({
        accounts: [
          { accountId: '123456789012' },
          { accountId: '210987654321' },
          { accountId: '123456789012', region: 'eu-west-1' },
        ],
      }),
    ).toThrow(
      'sre.awsIam.accounts[2].accountId repeats account 123456789012 of sre.awsIam.accounts[0]',
    );
  });

  it.each([[{}], [{ accounts: [] }]])(
    'requires at least one account in %p',
    awsIam => {
      expect(() => read(awsIam)).toThrow(
        'sre.awsIam.accounts must list at least one AWS account',
      );
    },
  );

  it('rejects accounts written as a map, naming the key', () => {
    expect(() =>
      read({ accounts: { production: { region: 'us-east-1' } } }),
    ).toThrow(/sre\.awsIam\.accounts/);
  });

  it('rejects roleArn, which it does not support, and says what to do instead', () => {
    expect(() =>
      readAccount({
        accountId: '123456789012',
        roleArn: 'arn:aws:iam::123456789012:role/baton-access-review',
      }),
    ).toThrow(
      'sre.awsIam.accounts[0].roleArn is not supported: name a shared AWS config profile with role_arn in sre.awsIam.accounts[0].profile instead',
    );
  });

  it('rejects credentials together with a profile', () => {
    expect(() =>
      readAccount({
        accountId: '123456789012',
        profile: 'audit',
        credentials: { accessKeyId: 'AKIAKEY', secretAccessKey: 'secret' },
      }),
    ).toThrow('sre.awsIam.accounts[0] sets both credentials and profile');
  });

  it.each(['region', 'profile'])('rejects an empty %s', key => {
    expect(() =>
      readAccount({ accountId: '123456789012', [key]: ' ' }),
    ).toThrow(`sre.awsIam.accounts[0].${key} must not be empty`);
  });

  it('rejects credentials without a secret access key, naming it and not the key id', () => {
    let message = '';
    try {
      readAccount({
        accountId: '123456789012',
        credentials: { accessKeyId: 'AKIAHALFCONFIGURED' },
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(
      /sre\.awsIam\.accounts\[0\]\.credentials\.secretAccessKey/,
    );
    expect(message).not.toContain('AKIAHALFCONFIGURED');
  });
});
