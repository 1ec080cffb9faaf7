import {
  GenerateCredentialReportCommand,
  GetCredentialReportCommand,
  IAMClient,
  paginateListAttachedGroupPolicies,
  paginateListAttachedUserPolicies,
  paginateListGroupsForUser,
} from '@aws-sdk/client-iam';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { NotFoundError } from '@backstage/errors';
import {
  isAwsAccountId,
  type AccessGrant,
  type AccessInventory,
  type AccessSource,
} from '@baton/plugin-sre-node';
import { readAwsIamConfig } from './AwsIamConfig';
import {
  parseCredentialReport,
  ROOT_ACCOUNT,
  type CredentialReportRow,
} from './credentialReport';

/** The `baton.dev/access-source` prefix this source answers. */
export const AWS_ACCOUNT_PREFIX = 'aws-account';

const DEFAULT_REPORT_POLL_DELAY_MS = 2000;
const DEFAULT_MAX_REPORT_POLLS = 15;
/** Users whose groups and policies are listed at the same time. */
const USER_CONCURRENCY = 4;

/** Options of {@link AwsIamAccessSource}. @public */
export interface AwsIamAccessSourceOptions {
  /**
   * The IAM client of each account this source reads, by 12-digit account
   * id; each client's region and credentials are the caller's.
   */
  clients: Record<string, IAMClient>;
  logger?: LoggerService;
  /** The wait between two GenerateCredentialReport calls while AWS builds the report; 2 s unless set. */
  reportPollDelayMs?: number;
  /** How many GenerateCredentialReport calls wait for the report before giving up; 15 unless set. */
  maxReportPolls?: number;
  /** How to wait `ms` milliseconds; a timer unless set (tests pass their own). */
  sleep?: (ms: number) => Promise<void>;
}

const timer = (ms: number) =>
  new Promise<void>(resolve => {
    setTimeout(resolve, ms);
  });

/** An SDK failure as an error that names the request and AWS's error, and carries nothing else. */
function requestFailed(error: unknown, request: string): Error {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  const requestId = (error as { $metadata?: { requestId?: string } })?.$metadata
    ?.requestId;
  const failure = new Error(
    `AWS IAM ${request} failed: ${name}: ${message}${
      requestId ? ` (request id ${requestId})` : ''
    }`,
  );
  failure.name = name;
  return failure;
}

/** The latest of some dates; null when there is none. */
function latest(dates: Array<Date | null>): Date | null {
  return dates.reduce<Date | null>(
    (last, d) => (d && (!last || d > last) ? d : last),
    null,
  );
}

/** The flags of a user's (or the root user's) grant on the account. */
function flagsOf(row: CredentialReportRow, root: boolean): string[] {
  const flags: string[] = [];
  // The root user always has a password (the report says `not_supported`).
  if ((root || row.passwordEnabled) && !row.mfaActive) {
    flags.push('no-mfa');
  }
  if (row.passwordEnabled) {
    flags.push('console-password');
  }
  if (row.accessKeysActive.some(Boolean)) {
    flags.push('active-access-key');
  }
  return flags;
}

/** Maps `items` with at most `limit` calls of `fn` at a time, keeping their order. */
async function mapLimited<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, worker),
  );
  return results;
}

/**
 * Who has access to an AWS account, for access reviews: every IAM user of
 * the IAM credential report (and the root user), with the groups each is in
 * and the managed policies attached to them, for the Resource entities
 * annotated `baton.dev/access-source: aws-account:<12-digit account id>`.
 *
 * @public
 */
export class AwsIamAccessSource implements AccessSource {
  /**
   * A source for the accounts of `sre.awsIam.accounts`; an account without
   * `credentials` or `profile` is read with the SDK's default credential chain.
   */
  static fromConfig(
    config: Config,
    options: Omit<AwsIamAccessSourceOptions, 'clients'> = {},
  ): AwsIamAccessSource {
    const awsIam = readAwsIamConfig(config);
    if (!awsIam) {
      throw new Error('sre.awsIam is not configured');
    }
    const clients: Record<string, IAMClient> = {};
    for (const account of awsIam.accounts) {
      clients[account.accountId] = new IAMClient({
        region: account.region,
        ...(account.profile !== undefined && { profile: account.profile }),
        ...(account.credentials && { credentials: account.credentials }),
      });
    }
    return new AwsIamAccessSource({ ...options, clients });
  }

  readonly prefix = AWS_ACCOUNT_PREFIX;
  readonly #clients: ReadonlyMap<string, IAMClient>;
  readonly #logger?: LoggerService;
  readonly #pollDelayMs: number;
  readonly #maxPolls: number;
  readonly #sleep: (ms: number) => Promise<void>;

  constructor(options: AwsIamAccessSourceOptions) {
    for (const accountId of Object.keys(options.clients)) {
      if (!isAwsAccountId(accountId)) {
        throw new Error(
          `AwsIamAccessSource: '${accountId}' is not a 12-digit AWS account id`,
        );
      }
    }
    this.#clients = new Map(Object.entries(options.clients));
    this.#logger = options.logger;
    this.#pollDelayMs =
      options.reportPollDelayMs ?? DEFAULT_REPORT_POLL_DELAY_MS;
    this.#maxPolls = options.maxReportPolls ?? DEFAULT_MAX_REPORT_POLLS;
    if (!Number.isInteger(this.#maxPolls) || this.#maxPolls < 1) {
      throw new Error(
        `AwsIamAccessSource: maxReportPolls must be a whole number, at least 1; got ${
          this.#maxPolls
        }`,
      );
    }
    this.#sleep = options.sleep ?? timer;
  }

  /** The accounts this source can read. */
  get accountIds(): string[] {
    return [...this.#clients.keys()];
  }

  /**
   * Lists the grants of the account `target` (a 12-digit id). The catalog's
   * repositories play no part: IAM grants are account-wide.
   */
  async listGrants(
    target: string,
    _context?: { repositories: string[] },
  ): Promise<AccessInventory> {
    const client = this.#clients.get(target);
    if (!client) {
      throw new NotFoundError(
        `AWS account '${target}' is not in sre.awsIam.accounts (${
          this.#clients.size === 0
            ? 'none configured'
            : `configured: ${this.accountIds.join(', ')}`
        })`,
      );
    }
    const { rows, generatedAt } = await this.#credentialReport(client, target);
    const groupPolicies = new Map<string, Promise<string[]>>();
    const perUser = await mapLimited(rows, USER_CONCURRENCY, row =>
      this.#grantsOf(client, target, row, groupPolicies),
    );
    const grants = perUser.flat();
    this.#logger?.info(
      `AWS IAM access source: account ${target}, ${rows.length} credential report rows, ${grants.length} grants`,
    );
    return { grants, ...(generatedAt && { generatedAt }) };
  }

  /**
   * Asks AWS for a credential report until it says COMPLETE (AWS reuses a
   * report less than 4 hours old), then reads it.
   */
  async #credentialReport(
    client: IAMClient,
    accountId: string,
  ): Promise<{ rows: CredentialReportRow[]; generatedAt?: Date }> {
    let state: string | undefined;
    for (let poll = 1; ; poll++) {
      try {
        ({ State: state } = await client.send(
          new GenerateCredentialReportCommand({}),
        ));
      } catch (error) {
        throw requestFailed(
          error,
          `GenerateCredentialReport for account ${accountId}`,
        );
      }
      if (state === 'COMPLETE') {
        break;
      }
      if (poll >= this.#maxPolls) {
        throw new Error(
          `AWS IAM credential report for account ${accountId} was not ready after ${
            this.#maxPolls
          } GenerateCredentialReport calls (last state ${
            state ?? 'not given'
          }); try again later`,
        );
      }
      await this.#sleep(this.#pollDelayMs);
    }

    let content: Uint8Array | undefined;
    let reportFormat: string | undefined;
    let generatedAt: Date | undefined;
    try {
      ({
        Content: content,
        ReportFormat: reportFormat,
        GeneratedTime: generatedAt,
      } = await client.send(new GetCredentialReportCommand({})));
    } catch (error) {
      throw requestFailed(
        error,
        `GetCredentialReport for account ${accountId}`,
      );
    }
    if (!content) {
      throw new Error(
        `AWS IAM GetCredentialReport for account ${accountId} answered without Content`,
      );
    }
    if (reportFormat !== undefined && reportFormat !== 'text/csv') {
      throw new Error(
        `AWS IAM GetCredentialReport for account ${accountId} answered a ${reportFormat} report, not text/csv`,
      );
    }
    // The SDK has already decoded the base64 of the wire format.
    const rows = parseCredentialReport(Buffer.from(content).toString('utf8'));
    const other = rows.find(row => row.accountId !== accountId);
    if (other) {
      // Credentials of the wrong account would pass its users off as this one's.
      throw new Error(
        `The credentials configured for AWS account ${accountId} read the credential report of account ${other.accountId} (${other.arn}); check sre.awsIam.accounts`,
      );
    }
    return { rows, ...(generatedAt && { generatedAt }) };
  }

  async #grantsOf(
    client: IAMClient,
    accountId: string,
    row: CredentialReportRow,
    groupPolicies: Map<string, Promise<string[]>>,
  ): Promise<AccessGrant[]> {
    const account = `${AWS_ACCOUNT_PREFIX}:${accountId}`;
    const lastUsedAt = latest([
      row.passwordLastUsed,
      ...row.accessKeysLastUsed,
    ]);
    if (row.user === ROOT_ACCOUNT) {
      return [
        {
          principal: ROOT_ACCOUNT,
          principalKind: 'other',
          resource: account,
          privilege: 'root',
          lastUsedAt,
          flags: flagsOf(row, true),
        },
      ];
    }
    let privilege = 'none';
    if (row.passwordEnabled) {
      privilege = 'console';
    } else if (row.accessKeysActive.some(Boolean)) {
      privilege = 'programmatic';
    }
    const onAccount: AccessGrant = {
      principal: row.user,
      principalKind: 'aws-iam-user',
      resource: account,
      privilege,
      lastUsedAt,
      flags: flagsOf(row, false),
    };

    let groups: string[];
    let policies: string[];
    try {
      groups = await this.#listGroups(client, accountId, row.user);
      policies = await this.#listUserPolicies(client, accountId, row.user);
    } catch (error) {
      if ((error as Error).name === 'NoSuchEntityException') {
        // Deleted after the report was made: what the report says still stands.
        this.#logger?.warn(
          `AWS IAM access source: account ${accountId}, user '${row.user}' of the credential report no longer exists; its groups and policies are not listed`,
        );
        return [onAccount];
      }
      throw error;
    }

    const grants: AccessGrant[] = [onAccount];
    for (const group of groups) {
      let attached = groupPolicies.get(group);
      if (!attached) {
        attached = this.#listGroupPolicies(client, accountId, group);
        groupPolicies.set(group, attached);
      }
      const names = await attached;
      grants.push({
        principal: row.user,
        principalKind: 'aws-iam-user',
        resource: `aws-iam-group:${group}`,
        privilege: names.length > 0 ? names.join(', ') : 'no policies',
        lastUsedAt,
      });
    }
    for (const policy of policies) {
      grants.push({
        principal: row.user,
        principalKind: 'aws-iam-user',
        resource: account,
        privilege: `policy:${policy}`,
        lastUsedAt,
      });
    }
    return grants;
  }

  #listGroups(client: IAMClient, accountId: string, user: string) {
    return listNames(
      paginateListGroupsForUser({ client }, { UserName: user }),
      page => (page.Groups ?? []).map(group => group.GroupName),
      `ListGroupsForUser '${user}' in account ${accountId}`,
    );
  }

  #listUserPolicies(client: IAMClient, accountId: string, user: string) {
    return listNames(
      paginateListAttachedUserPolicies({ client }, { UserName: user }),
      page => (page.AttachedPolicies ?? []).map(policy => policy.PolicyName),
      `ListAttachedUserPolicies '${user}' in account ${accountId}`,
    );
  }

  #listGroupPolicies(client: IAMClient, accountId: string, group: string) {
    return listNames(
      paginateListAttachedGroupPolicies({ client }, { GroupName: group }),
      page => (page.AttachedPolicies ?? []).map(policy => policy.PolicyName),
      `ListAttachedGroupPolicies '${group}' in account ${accountId}`,
    );
  }
}

/** Every name of every page of an IAM list; a failure names the request. */
async function listNames<Page>(
  pages: AsyncIterable<Page>,
  namesOf: (page: Page) => Array<string | undefined>,
  request: string,
): Promise<string[]> {
  const names: string[] = [];
  try {
    for await (const page of pages) {
      for (const name of namesOf(page)) {
        if (name) names.push(name);
      }
    }
  } catch (error) {
    throw requestFailed(error, request);
  }
  return names;
}
