import {
  GenerateCredentialReportCommand,
  GetCredentialReportCommand,
  IAMClient,
  IAMServiceException,
  ListAttachedGroupPoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupsForUserCommand,
  NoSuchEntityException,
  type GenerateCredentialReportCommandOutput,
  type GetCredentialReportCommandOutput,
} from '@aws-sdk/client-iam';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import type { AccessGrant } from '@baton/plugin-sre-node';
import { mockClient } from 'aws-sdk-client-mock';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AwsIamAccessSource } from './AwsIamAccessSource';
// Each value is one page of the response, shaped as in the AWS IAM API
// reference: ListGroupsForUser answers Groups[] of Path, GroupName, GroupId,
// Arn, CreateDate; ListAttachedUserPolicies and ListAttachedGroupPolicies
// answer AttachedPolicies[] of PolicyName, PolicyArn; all answer IsTruncated,
// and Marker while more pages follow. Pages are keyed by the UserName or
// GroupName asked for. Names and ids are illustrative.
import groupsForUser from './__fixtures__/list-groups-for-user.json';
import userPolicies from './__fixtures__/list-attached-user-policies.json';
import groupPolicies from './__fixtures__/list-attached-group-policies.json';

// The credential report in the column order of the IAM User Guide: the root
// user with MFA; aiko.tanaka, console with MFA and an access key; ben.okafor,
// console without MFA; ci-deploy, only an access key, used recently;
// farid.haddad, a console password never used; legacy-batch, an inactive key
// last used in 2023.
const REPORT = readFileSync(
  join(__dirname, '__fixtures__', 'credential-report.csv'),
  'utf8',
);
const GENERATED_TIME = new Date('2026-11-25T09:12:44Z');
const ACCOUNT = '123456789012';

const iam = mockClient(IAMClient);

interface Page {
  IsTruncated?: boolean;
  Marker?: string;
}

/** What the paginators sent, copied when sent (they reuse the input object). */
let sent: Array<[string, Record<string, unknown>]>;

/** Answers the pages of `fixture` for the entity `input[key]`, following Marker. */
function pages(
  command: string,
  fixture: Record<string, Page[]>,
  key: 'UserName' | 'GroupName',
) {
  return (input: Record<string, unknown>) => {
    sent.push([command, { ...input }]);
    const name = input[key] as string;
    const all = fixture[name];
    if (!all) {
      throw new NoSuchEntityException({
        message: `The user with name ${name} cannot be found.`,
        $metadata: { httpStatusCode: 404 },
      });
    }
    const index = input.Marker
      ? all.findIndex(page => page.Marker === input.Marker) + 1
      : 0;
    if (index <= 0 && input.Marker) {
      throw new Error(`unexpected Marker ${String(input.Marker)}`);
    }
    return all[index];
  };
}

const report = (csv: string, generatedTime: Date | null = GENERATED_TIME) =>
  ({
    Content: new TextEncoder().encode(csv),
    ReportFormat: 'text/csv',
    ...(generatedTime && { GeneratedTime: generatedTime }),
  } as GetCredentialReportCommandOutput);

const state = (State: string, Description?: string) =>
  ({ State, Description } as GenerateCredentialReportCommandOutput);

function serve(csv: string = REPORT) {
  iam.on(GenerateCredentialReportCommand).resolves(state('COMPLETE'));
  iam.on(GetCredentialReportCommand).resolves(report(csv));
  iam
    .on(ListGroupsForUserCommand)
    .callsFake(pages('ListGroupsForUser', groupsForUser, 'UserName'));
  iam
    .on(ListAttachedUserPoliciesCommand)
    .callsFake(pages('ListAttachedUserPolicies', userPolicies, 'UserName'));
  iam
    .on(ListAttachedGroupPoliciesCommand)
    .callsFake(pages('ListAttachedGroupPolicies', groupPolicies, 'GroupName'));
}

function source(
  options: Partial<ConstructorParameters<typeof AwsIamAccessSource>[0]> = {},
) {
  return new AwsIamAccessSource({
    clients: { [ACCOUNT]: new IAMClient({ region: 'us-east-1' }) },
    sleep: jest.fn(async () => undefined),
    ...options,
  });
}

const list = (s: AwsIamAccessSource, target = ACCOUNT) =>
  s.listGrants(target, { repositories: [] });

/** A logger that records its calls (without backend-test-utils, whose import keeps the worker alive). */
function mockLogger() {
  const logger = {
    info: jest.fn(),
    debug: jest.fn(),
    warn: jest.fn(),
    error: jest.fn(),
    child: jest.fn(),
  };
  logger.child.mockReturnValue(logger);
  return logger as typeof logger & LoggerService;
}

const at = (iso: string) => new Date(iso);
const onAccount = `aws-account:${ACCOUNT}`;
const user = (principal: string) =>
  ({ principal, principalKind: 'aws-iam-user' } as const);

/** The fixture's grants, in report order. */
const EXPECTED: AccessGrant[] = [
  {
    principal: '<root_account>',
    principalKind: 'other',
    resource: onAccount,
    privilege: 'root',
    lastUsedAt: at('2026-10-02T08:15:27Z'),
    flags: [],
  },
  // The access key's use is later than the password's.
  {
    ...user('aiko.tanaka'),
    resource: onAccount,
    privilege: 'console',
    lastUsedAt: at('2026-11-24T23:10:00Z'),
    flags: ['console-password', 'active-access-key'],
  },
  {
    ...user('aiko.tanaka'),
    resource: 'aws-iam-group:admins',
    privilege: 'AdministratorAccess',
    lastUsedAt: at('2026-11-24T23:10:00Z'),
  },
  {
    ...user('aiko.tanaka'),
    resource: 'aws-iam-group:developers',
    privilege: 'ReadOnlyAccess, developers-assume-role',
    lastUsedAt: at('2026-11-24T23:10:00Z'),
  },
  {
    ...user('ben.okafor'),
    resource: onAccount,
    privilege: 'console',
    lastUsedAt: at('2026-09-30T16:45:12Z'),
    flags: ['no-mfa', 'console-password'],
  },
  {
    ...user('ben.okafor'),
    resource: 'aws-iam-group:developers',
    privilege: 'ReadOnlyAccess, developers-assume-role',
    lastUsedAt: at('2026-09-30T16:45:12Z'),
  },
  {
    ...user('ben.okafor'),
    resource: onAccount,
    privilege: 'policy:IAMUserChangePassword',
    lastUsedAt: at('2026-09-30T16:45:12Z'),
  },
  {
    ...user('ci-deploy'),
    resource: onAccount,
    privilege: 'programmatic',
    lastUsedAt: at('2026-11-25T08:59:00Z'),
    flags: ['active-access-key'],
  },
  {
    ...user('ci-deploy'),
    resource: onAccount,
    privilege: 'policy:AmazonEC2ContainerRegistryPowerUser',
    lastUsedAt: at('2026-11-25T08:59:00Z'),
  },
  {
    ...user('ci-deploy'),
    resource: onAccount,
    privilege: 'policy:ci-deploy-artifacts',
    lastUsedAt: at('2026-11-25T08:59:00Z'),
  },
  // password_last_used no_information and every key N/A: never used.
  {
    ...user('farid.haddad'),
    resource: onAccount,
    privilege: 'console',
    lastUsedAt: null,
    flags: ['no-mfa', 'console-password'],
  },
  {
    ...user('farid.haddad'),
    resource: 'aws-iam-group:developers',
    privilege: 'ReadOnlyAccess, developers-assume-role',
    lastUsedAt: null,
  },
  {
    ...user('farid.haddad'),
    resource: 'aws-iam-group:auditors',
    privilege: 'no policies',
    lastUsedAt: null,
  },
  // No password and no active key; the inactive key's last use still counts.
  {
    ...user('legacy-batch'),
    resource: onAccount,
    privilege: 'none',
    lastUsedAt: at('2023-04-18T02:11:00Z'),
    flags: [],
  },
  {
    ...user('legacy-batch'),
    resource: onAccount,
    privilege: 'policy:AmazonSQSFullAccess',
    lastUsedAt: at('2023-04-18T02:11:00Z'),
  },
];

/** Replaces one row of the fixture report, found by its user. */
function withRow(name: string, row: string): string {
  const lines = REPORT.trimEnd().split('\n');
  const index = lines.findIndex(line => line.startsWith(`${name},`));
  if (index < 0) {
    throw new Error(`no row ${name}`);
  }
  lines[index] = row;
  return `${lines.join('\n')}\n`;
}

beforeEach(() => {
  iam.reset();
  sent = [];
});

afterAll(() => {
  iam.restore();
});

describe('AwsIamAccessSource', () => {
  it('answers the aws-account prefix', () => {
    expect(source().prefix).toBe('aws-account');
  });

  it('lists the root user, every IAM user, their groups with their policies, and their attached policies', async () => {
    serve();

    const inventory = await list(source());

    expect(inventory.grants).toEqual(EXPECTED);
    expect(inventory.generatedAt).toEqual(GENERATED_TIME);
  });

  it('pages with Marker, asks for nothing about the root user, and lists the policies of each group once', async () => {
    serve();

    await list(source());

    const calls = (command: string) =>
      sent.filter(([name]) => name === command).map(([, input]) => input);
    expect(calls('ListGroupsForUser')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          UserName: 'farid.haddad',
          Marker: 'AAGmZ3JvdXBzLWZvci11c2VyLWZhcmlkLXBhZ2UtMQ==',
        }),
      ]),
    );
    expect(
      calls('ListGroupsForUser')
        .map(i => i.UserName)
        .sort(),
    ).toEqual([
      'aiko.tanaka',
      'ben.okafor',
      'ci-deploy',
      'farid.haddad',
      'farid.haddad',
      'legacy-batch',
    ]);
    expect(
      calls('ListAttachedUserPolicies')
        .filter(i => i.UserName === 'ci-deploy')
        .map(i => i.Marker),
    ).toEqual([undefined, 'AAGmYXR0YWNoZWQtdXNlci1jaS1kZXBsb3ktcGFnZS0x']);
    // developers: three members, two pages, asked for once.
    expect(
      calls('ListAttachedGroupPolicies').map(i => [i.GroupName, i.Marker]),
    ).toEqual(
      expect.arrayContaining([
        ['admins', undefined],
        ['developers', undefined],
        ['developers', 'AAGmYXR0YWNoZWQtZ3JvdXAtZGV2ZWxvcGVycy1wYWdlLTE='],
        ['auditors', undefined],
      ]),
    );
    expect(calls('ListAttachedGroupPolicies')).toHaveLength(4);
    expect(JSON.stringify(sent)).not.toContain('<root_account>');
  });

  it('asks for the report again after a short wait while AWS generates it', async () => {
    serve();
    iam
      .on(GenerateCredentialReportCommand)
      .resolvesOnce(
        state(
          'STARTED',
          'No report exists. Starting a new report generation task',
        ),
      )
      .resolvesOnce(state('COMPLETE'));
    const sleep = jest.fn(async () => undefined);

    const inventory = await list(source({ sleep }));

    expect(iam.commandCalls(GenerateCredentialReportCommand)).toHaveLength(2);
    expect(sleep).toHaveBeenCalledTimes(1);
    expect(sleep).toHaveBeenCalledWith(2000);
    expect(iam.commandCalls(GetCredentialReportCommand)).toHaveLength(1);
    expect(inventory.grants).toEqual(EXPECTED);
  });

  it('reads the report only once AWS says COMPLETE', async () => {
    serve();
    iam
      .on(GenerateCredentialReportCommand)
      .resolvesOnce(state('STARTED'))
      .resolvesOnce(state('INPROGRESS'))
      .resolvesOnce(state('INPROGRESS'))
      .resolvesOnce(state('COMPLETE'));
    const order: string[] = [];
    iam.on(GetCredentialReportCommand).callsFake(() => {
      order.push('get');
      return report(REPORT);
    });
    const sleep = jest.fn(async (ms: number) => {
      order.push(`sleep ${ms}`);
    });

    await list(source({ sleep, reportPollDelayMs: 250 }));

    expect(order).toEqual(['sleep 250', 'sleep 250', 'sleep 250', 'get']);
  });

  it('gives up after a bounded number of polls, with an error that says so', async () => {
    serve();
    iam.on(GenerateCredentialReportCommand).resolves(state('INPROGRESS'));
    const sleep = jest.fn(async () => undefined);

    await expect(list(source({ sleep, maxReportPolls: 3 }))).rejects.toThrow(
      'AWS IAM credential report for account 123456789012 was not ready after 3 GenerateCredentialReport calls (last state INPROGRESS); try again later',
    );
    expect(iam.commandCalls(GenerateCredentialReportCommand)).toHaveLength(3);
    expect(sleep).toHaveBeenCalledTimes(2);
    expect(iam.commandCalls(GetCredentialReportCommand)).toHaveLength(0);
  });

  it('fails, naming it, for an account it is not configured for, without calling AWS', async () => {
    serve();
    const twoAccounts = source({
      clients: {
        [ACCOUNT]: new IAMClient({ region: 'us-east-1' }),
        '210987654321': new IAMClient({ region: 'us-east-1' }),
      },
    });

    const listing = list(twoAccounts, '999999999999');

    await expect(listing).rejects.toThrow(
      "AWS account '999999999999' is not in sre.awsIam.accounts (configured: 123456789012, 210987654321)",
    );
    await expect(listing).rejects.toHaveProperty('name', 'NotFoundError');
    await expect(list(twoAccounts, 'production')).rejects.toThrow(
      "AWS account 'production' is not in sre.awsIam.accounts",
    );
    expect(iam.calls()).toHaveLength(0);
  });

  it('refuses a client keyed by something other than a 12-digit account id', () => {
    expect(
      () =>
        new AwsIamAccessSource({
          clients: { '12345678901': new IAMClient({ region: 'us-east-1' }) },
        }),
    ).toThrow("'12345678901' is not a 12-digit AWS account id");
  });

  it('flags a root user without MFA and with an access key, and treats every placeholder as no date', async () => {
    serve(
      withRow(
        '<root_account>',
        '<root_account>,arn:aws:iam::123456789012:root,2019-03-04T10:11:12+00:00,not_supported,no_information,not_supported,not_supported,false,true,2019-03-04T10:20:00+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
      ),
    );

    const { grants } = await list(source());

    expect(grants[0]).toEqual({
      principal: '<root_account>',
      principalKind: 'other',
      resource: onAccount,
      privilege: 'root',
      lastUsedAt: null,
      flags: ['no-mfa', 'active-access-key'],
    });
  });

  it('reads the columns by name, not by position', async () => {
    const [header, ...rows] = REPORT.trimEnd()
      .split('\n')
      .map(line => line.split(','));
    // Reverse every column: no value stays where it was.
    const reversed = [header, ...rows]
      .map(cells => [...cells].reverse().join(','))
      .join('\n');
    serve(reversed);

    const { grants } = await list(source());

    expect(grants).toEqual(EXPECTED);
  });

  it('fails, naming the column and line, on a date that is neither a date nor a placeholder', async () => {
    serve(
      withRow(
        'ben.okafor',
        'ben.okafor,arn:aws:iam::123456789012:user/ben.okafor,2023-02-20T13:45:10+00:00,true,yesterday,2025-11-02T09:12:40+00:00,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
      ),
    );

    await expect(list(source())).rejects.toThrow(
      "The IAM credential report's password_last_used on line 4 is 'yesterday', neither an ISO 8601 date-time nor N/A, no_information, not_supported",
    );
  });

  it('fails, naming it, when a column it reads is missing', async () => {
    serve(
      REPORT.replace(',mfa_active,', ',mfa_enabled,').replace(
        ',access_key_2_active,',
        ',access_key_2_status,',
      ),
    );

    await expect(list(source())).rejects.toThrow(
      'The IAM credential report has no mfa_active, access_key_2_active column',
    );
  });

  it("refuses a report of another account than the one asked for: the credentials are that account's", async () => {
    serve(REPORT.replace(/::123456789012:/g, '::555555555555:'));

    await expect(list(source())).rejects.toThrow(
      'The credentials configured for AWS account 123456789012 read the credential report of account 555555555555 (arn:aws:iam::555555555555:root); check sre.awsIam.accounts',
    );
  });

  it('keeps the grant of a user deleted since the report, without its groups and policies, and warns', async () => {
    serve(
      REPORT.replace(
        /^legacy-batch,arn:aws:iam::123456789012:user\/legacy-batch,/m,
        'gone.user,arn:aws:iam::123456789012:user/gone.user,',
      ),
    );
    const logger = mockLogger();

    const { grants } = await list(source({ logger }));

    expect(grants.filter(g => g.principal === 'gone.user')).toEqual([
      {
        ...user('gone.user'),
        resource: onAccount,
        privilege: 'none',
        lastUsedAt: at('2023-04-18T02:11:00Z'),
        flags: [],
      },
    ]);
    expect(grants).toHaveLength(EXPECTED.length - 1);
    expect(logger.warn).toHaveBeenCalledWith(
      "AWS IAM access source: account 123456789012, user 'gone.user' of the credential report no longer exists; its groups and policies are not listed",
    );
  });

  it('leaves generatedAt out when AWS does not say when the report was made', async () => {
    serve();
    iam.on(GetCredentialReportCommand).resolves(report(REPORT, null));

    const inventory = await list(source());

    expect(inventory).not.toHaveProperty('generatedAt');
    expect(inventory.grants).toHaveLength(EXPECTED.length);
  });

  it('throws with the request, the AWS error name, message and request id when a request fails', async () => {
    serve();
    iam.on(ListAttachedGroupPoliciesCommand).rejects(
      new IAMServiceException({
        name: 'AccessDenied',
        $fault: 'client',
        $metadata: { httpStatusCode: 403, requestId: 'f1e2d3c4-req' },
        message:
          'User: arn:aws:sts::123456789012:assumed-role/baton/backend is not authorized to perform: iam:ListAttachedGroupPolicies on resource: group admins',
      }),
    );

    const listing = list(source());

    await expect(listing).rejects.toThrow(
      /^AWS IAM ListAttachedGroupPolicies '(admins|developers|auditors)' in account 123456789012 failed: AccessDenied: User: .* is not authorized to perform: iam:ListAttachedGroupPolicies on resource: group admins \(request id f1e2d3c4-req\)$/,
    );
    await expect(listing).rejects.toHaveProperty('name', 'AccessDenied');
  });

  it('fails when GetCredentialReport answers without a report', async () => {
    serve();
    iam.on(GetCredentialReportCommand).resolves({
      ReportFormat: 'text/csv',
    } as GetCredentialReportCommandOutput);

    await expect(list(source())).rejects.toThrow(
      'AWS IAM GetCredentialReport for account 123456789012 answered without Content',
    );
  });

  describe('fromConfig', () => {
    const savedEnv = { ...process.env };

    afterEach(() => {
      process.env = { ...savedEnv };
    });

    /** The client the source sent its first request with, for an account. */
    async function clientOf(accounts: object[], accountId = ACCOUNT) {
      serve();
      const fromConfig = AwsIamAccessSource.fromConfig(
        new ConfigReader({ sre: { awsIam: { accounts } } }),
        { sleep: async () => undefined },
      );
      await list(fromConfig, accountId);
      return {
        fromConfig,
        client: iam.call(0).thisValue as IAMClient,
      };
    }

    it('reads each configured account with its own region and credentials', async () => {
      process.env.AWS_ACCESS_KEY_ID = 'AKIAENVIRONMENTKEY';
      process.env.AWS_SECRET_ACCESS_KEY = 'environment-secret';
      const accounts = [
        { accountId: '210987654321' },
        {
          accountId: ACCOUNT,
          region: 'cn-north-1',
          credentials: {
            accessKeyId: 'AKIACONFIGUREDKEY',
            secretAccessKey: 'configured-secret',
            sessionToken: 'configured-session-token',
          },
        },
      ];

      const { client, fromConfig } = await clientOf(accounts);

      expect(fromConfig.accountIds).toEqual(['210987654321', ACCOUNT]);
      await expect(client.config.region()).resolves.toBe('cn-north-1');
      await expect(client.config.credentials()).resolves.toEqual(
        expect.objectContaining({
          accessKeyId: 'AKIACONFIGUREDKEY',
          secretAccessKey: 'configured-secret',
          sessionToken: 'configured-session-token',
        }),
      );
    });

    it("uses the AWS SDK's default credential chain and us-east-1 without credentials", async () => {
      process.env.AWS_ACCESS_KEY_ID = 'AKIAENVIRONMENTKEY';
      process.env.AWS_SECRET_ACCESS_KEY = 'environment-secret';
      delete process.env.AWS_SESSION_TOKEN;
      delete process.env.AWS_PROFILE;

      const { client } = await clientOf([{ accountId: ACCOUNT }]);

      const credentials = await client.config.credentials();
      expect(credentials).toEqual(
        expect.objectContaining({
          accessKeyId: 'AKIAENVIRONMENTKEY',
          secretAccessKey: 'environment-secret',
          $source: expect.objectContaining({
            CREDENTIALS_ENV_VARS: expect.anything(),
          }),
        }),
      );
      expect(credentials).not.toHaveProperty('$source.CREDENTIALS_CODE');
      await expect(client.config.region()).resolves.toBe('us-east-1');
    });

    it('hands a configured profile to the client', async () => {
      const { client } = await clientOf([
        { accountId: ACCOUNT, profile: 'audit-production' },
      ]);

      expect(client.config.profile).toBe('audit-production');
    });

    it('keeps credentials out of error messages and logs', async () => {
      iam.on(GenerateCredentialReportCommand).rejects(
        new IAMServiceException({
          name: 'InvalidClientTokenId',
          $fault: 'client',
          $metadata: { httpStatusCode: 403 },
          message: 'The security token included in the request is invalid.',
        }),
      );
      const logger = mockLogger();
      const fromConfig = AwsIamAccessSource.fromConfig(
        new ConfigReader({
          sre: {
            awsIam: {
              accounts: [
                {
                  accountId: ACCOUNT,
                  credentials: {
                    accessKeyId: 'AKIASECRETKEYID',
                    secretAccessKey: 'very-secret-access-key',
                  },
                },
              ],
            },
          },
        }),
        { logger },
      );

      const error = await list(fromConfig).then(
        () => undefined,
        (e: Error) => e,
      );

      expect(error?.message).toBe(
        'AWS IAM GenerateCredentialReport for account 123456789012 failed: InvalidClientTokenId: The security token included in the request is invalid.',
      );
      const said = JSON.stringify([
        error?.message,
        error?.stack,
        ...[logger.info, logger.debug, logger.warn, logger.error].flatMap(
          fn => fn.mock.calls,
        ),
      ]);
      expect(said).not.toContain('very-secret-access-key');
      expect(said).not.toContain('AKIASECRETKEYID');
    });

    it('fails when sre.awsIam is absent', () => {
      expect(() => AwsIamAccessSource.fromConfig(new ConfigReader({}))).toThrow(
        'sre.awsIam is not configured',
      );
    });
  });
});
