import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type {
  AccessGrant,
  AccessInventory,
  AccessSource,
} from '@baton/plugin-sre-node';
import type { Octokit } from '@octokit/rest';
import { readGithubConfig } from './GithubConfig';
import { createGithubOctokit } from './githubOctokit';
import {
  appAuthenticationFailed,
  githubRequestFailed,
  isRateLimited,
  statusOf,
  type GithubCredential,
} from './githubErrors';

/** GitHub's largest page: fewer requests against the hourly rate limit. */
const PER_PAGE = 100;
const TWO_FACTOR_DISABLED = 'two-factor-disabled';
const OUTSIDE_COLLABORATOR = 'outside-collaborator';

/** Options of {@link GithubOrgAccessSource}. @public */
export interface GithubOrgAccessSourceOptions {
  /** The client that reads GitHub; its authentication and base URL are the caller's. */
  octokit: Octokit;
  /**
   * How `octokit` authenticates, for the words of the errors and warnings:
   * `token` (`sre.github.token`) unless set, or `app` (`sre.github.app`).
   */
  credential?: 'token' | 'app';
  /** The inventory's `generatedAt`; the current time unless set (tests). */
  now?: () => Date;
  logger?: LoggerService;
}

/** Only the login of a user matters here; GitHub sends the whole simple-user. */
interface Login {
  login: string;
}

const grant = (
  principal: string,
  resource: string,
  privilege: string,
  flags: string[] = [],
): AccessGrant => ({
  principal,
  principalKind: 'github-login',
  resource,
  privilege,
  // GitHub reports no last use of a membership: lastUsedAt stays unknown.
  ...(flags.length > 0 && { flags }),
});

/**
 * The repositories of `org` among the catalog's `owner/name`s, once each.
 * GitHub logins are case-insensitive; the catalog's spelling is kept.
 */
function repositoriesOf(org: string, repositories: string[]): string[] {
  const seen = new Set<string>();
  return repositories.filter(repository => {
    const [owner, name, ...rest] = repository.split('/');
    const key = repository.toLowerCase();
    if (
      rest.length > 0 ||
      !name ||
      owner.toLowerCase() !== org.toLowerCase() ||
      seen.has(key)
    ) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

/**
 * Who has access to a GitHub organization: its owners and members (flagged
 * when they have no two-factor authentication), its outside collaborators,
 * the members of each team, and the admins of the repositories the catalog
 * knows in it. Registered for `baton.dev/access-source: github-org:<org>`.
 *
 * @public
 */
export class GithubOrgAccessSource implements AccessSource {
  /**
   * A source that authenticates with `sre.github.token`, or as the
   * installation of the GitHub App of `sre.github.app`, against
   * `sre.github.baseUrl`.
   */
  static fromConfig(
    config: Config,
    options: {
      logger?: LoggerService;
      /** The fetch Octokit sends with; the global one unless set (tests). */
      fetch?: typeof fetch;
    } = {},
  ): GithubOrgAccessSource {
    const github = readGithubConfig(config);
    if (!github) {
      throw new Error('sre.github is not configured');
    }
    const octokit = createGithubOctokit(github, options);
    return new GithubOrgAccessSource({
      octokit,
      logger: options.logger,
      credential: github.app ? 'app' : 'token',
    });
  }

  readonly prefix = 'github-org';
  readonly #octokit: Octokit;
  readonly #now: () => Date;
  readonly #logger?: LoggerService;
  readonly #credential: GithubCredential;

  constructor(options: GithubOrgAccessSourceOptions) {
    this.#octokit = options.octokit;
    this.#now = options.now ?? (() => new Date());
    this.#logger = options.logger;
    this.#credential = options.credential ?? 'token';
  }

  /**
   * A failed request as the Error to throw. A failure to get the App's
   * installation access token is said as such first, whatever its status:
   * it says nothing about the request that was meant.
   */
  #failed(request: string, error: unknown, hint?: string): Error {
    return githubRequestFailed(request, error, this.#credential, hint);
  }

  /**
   * Every grant of the organization `target`. Requests go one at a time, as
   * GitHub asks of clients to stay clear of its secondary rate limits.
   */
  async listGrants(
    target: string,
    context: { repositories: string[] },
  ): Promise<AccessInventory> {
    const org = target.trim();
    if (org === '') {
      throw new Error(
        `The access source 'github-org:${target}' names no GitHub organization`,
      );
    }
    // When the reading started: nothing older than this is reported.
    const generatedAt = this.#now();
    const grants = [
      ...(await this.#orgGrants(org)),
      ...(await this.#teamGrants(org)),
      ...(await this.#repositoryGrants(
        org,
        repositoriesOf(org, context.repositories),
      )),
    ];
    return { grants, generatedAt };
  }

  /** Owners, members and outside collaborators, as grants on `github-org:<org>`. */
  async #orgGrants(org: string): Promise<AccessGrant[]> {
    const resource = `github-org:${org}`;
    const privileges = new Map<string, string>();
    for (const role of ['admin', 'member'] as const) {
      const members = await this.#orgList(
        org,
        `GET /orgs/${org}/members?role=${role}`,
        () =>
          this.#octokit.paginate(this.#octokit.rest.orgs.listMembers, {
            org,
            role,
            per_page: PER_PAGE,
          }),
      );
      for (const { login } of members) {
        // A member promoted between the two lists is an owner: the first answer wins.
        if (!privileges.has(login)) {
          privileges.set(login, role);
        }
      }
    }
    const withoutTwoFactor = await this.#withoutTwoFactor(org);
    const outside = await this.#orgList(
      org,
      `GET /orgs/${org}/outside_collaborators`,
      () =>
        this.#octokit.paginate(
          this.#octokit.rest.orgs.listOutsideCollaborators,
          { org, per_page: PER_PAGE },
        ),
    );
    return [
      ...[...privileges].map(([login, privilege]) =>
        grant(
          login,
          resource,
          privilege,
          withoutTwoFactor?.has(login) ? [TWO_FACTOR_DISABLED] : [],
        ),
      ),
      ...outside.map(({ login }) =>
        grant(login, resource, OUTSIDE_COLLABORATOR, [OUTSIDE_COLLABORATOR]),
      ),
    ];
  }

  /**
   * The members without two-factor authentication; undefined when GitHub
   * will not say, and the grants then go without the flag.
   */
  async #withoutTwoFactor(org: string): Promise<Set<string> | undefined> {
    const request = `GET /orgs/${org}/members?filter=2fa_disabled`;
    try {
      const members = await this.#octokit.paginate(
        this.#octokit.rest.orgs.listMembers,
        { org, filter: '2fa_disabled', per_page: PER_PAGE },
      );
      return new Set(members.map(({ login }) => login));
    } catch (error) {
      const authFailure = appAuthenticationFailed(error);
      if (authFailure) {
        throw authFailure;
      }
      const status = statusOf(error);
      // 403: "Only owners can use this filter." — the token's user is not an
      // owner of the organization. 422: the reference's "Validation failed,
      // or the endpoint has been spammed" — GitHub will not apply the filter
      // now. Either way the membership is known and the 2FA audit is not:
      // keep the grants, unflagged. An exhausted rate limit also answers 403,
      // and says nothing about the token's rights: that fails.
      if ((status === 403 || status === 422) && !isRateLimited(error)) {
        this.#logger?.warn(
          `GitHub ${request} answered ${status}: the members of '${org}' are listed without the two-factor audit; ${
            this.#credential === 'app'
              ? "GitHub did not answer it to the GitHub App's installation"
              : 'it needs a token of an organization owner'
          }`,
        );
        return undefined;
      }
      throw this.#failed(request, error);
    }
  }

  /** Maintainers and members of every team, as grants on `github-team:<org>/<slug>`. */
  async #teamGrants(org: string): Promise<AccessGrant[]> {
    const teams = await this.#orgList(org, `GET /orgs/${org}/teams`, () =>
      this.#octokit.paginate(this.#octokit.rest.teams.list, {
        org,
        per_page: PER_PAGE,
      }),
    );
    const grants: AccessGrant[] = [];
    for (const { slug } of teams) {
      const resource = `github-team:${org}/${slug}`;
      const seen = new Set<string>();
      // GitHub counts the members of child teams as members of the parent
      // team: they hold its access, so they are listed under it too.
      for (const role of ['maintainer', 'member'] as const) {
        const request = `GET /orgs/${org}/teams/${slug}/members?role=${role}`;
        let members: Login[];
        try {
          members = await this.#octokit.paginate(
            this.#octokit.rest.teams.listMembersInOrg,
            { org, team_slug: slug, role, per_page: PER_PAGE },
          );
        } catch (error) {
          throw this.#failed(request, error);
        }
        for (const { login } of members) {
          if (!seen.has(login)) {
            seen.add(login);
            grants.push(grant(login, resource, role));
          }
        }
      }
    }
    return grants;
  }

  /** Admins of the catalog's repositories in the organization, as grants on `github-repo:<owner>/<name>`. */
  async #repositoryGrants(
    org: string,
    repositories: string[],
  ): Promise<AccessGrant[]> {
    const grants: AccessGrant[] = [];
    for (const repository of repositories) {
      const [owner, repo] = repository.split('/');
      const request = `GET /repos/${repository}/collaborators?permission=admin&affiliation=all`;
      let admins: Login[];
      try {
        admins = await this.#octokit.paginate(
          this.#octokit.rest.repos.listCollaborators,
          {
            owner,
            repo,
            permission: 'admin',
            affiliation: 'all',
            per_page: PER_PAGE,
          },
        );
      } catch (error) {
        if (statusOf(error) === 404 && !appAuthenticationFailed(error)) {
          // The catalog may still name a repository that was deleted or renamed.
          this.#logger?.info(
            `GitHub repository ${repository} was not found; its admins are not listed in the access inventory of '${org}'`,
          );
          continue;
        }
        throw this.#failed(
          request,
          error,
          statusOf(error) === 403 && this.#credential === 'token'
            ? "listing a repository's collaborators needs write access to it"
            : undefined,
        );
      }
      grants.push(
        ...admins.map(({ login }) =>
          grant(login, `github-repo:${repository}`, 'admin'),
        ),
      );
    }
    return grants;
  }

  /** An organization-wide list, where a 404 means the organization itself. */
  async #orgList<T>(
    org: string,
    request: string,
    list: () => Promise<T[]>,
  ): Promise<T[]> {
    try {
      return await list();
    } catch (error) {
      if (statusOf(error) === 404 && !appAuthenticationFailed(error)) {
        throw new Error(
          `GitHub organization '${org}' was not found, or ${
            this.#credential === 'app'
              ? "the GitHub App's installation cannot see it (an installation reads only the organization it is installed on)"
              : 'the token cannot see it'
          } (404 on ${request})`,
        );
      }
      throw this.#failed(request, error);
    }
  }
}
