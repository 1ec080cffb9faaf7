import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  type ChangeIdentity,
  type ChangeInput,
  type ChangeLink,
  type ChangeOutcome,
  isHttpUrl,
  SERVICE_KINDS,
} from '@baton/plugin-sre-common';
import type { ChangeSource } from '@baton/plugin-sre-node';
import type { Octokit } from '@octokit/rest';
import { readGithubChangesConfig } from './GithubChangesConfig';
import { readGithubConfig } from './GithubConfig';
import { createGithubOctokit } from './githubOctokit';
import {
  type DeploymentRepository,
  deploymentRepositoriesOf,
  githubWebHost,
} from './deploymentRepositories';
import {
  type GithubCredential,
  appAuthenticationFailed,
  githubRequestFailed,
  statusOf,
} from './githubErrors';

/** GitHub's largest page: fewer requests against the hourly rate limit. */
const PER_PAGE = 100;
const HOUR_MS = 3_600_000;
/** What ChangeInput takes (sre-backend's checks): longer is cut, never refused. */
const MAX_ENTITY_REFS = 20;
const MAX_ENVIRONMENT = 64;
const MAX_TITLE = 1024;

/** Only what this source reads of GitHub's answers. */
interface GithubUser {
  login: string;
}
interface Environment {
  name: string;
  protection_rules?: Array<{ type: string }>;
}
interface Deployment {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  created_at: string;
  description?: string | null;
  creator: GithubUser | null;
}
interface DeploymentStatus {
  state: string;
  created_at: string;
  log_url?: string;
  target_url?: string;
}
interface WorkflowRun {
  id: number;
  run_number: number;
  html_url: string;
  display_title?: string;
  triggering_actor?: GithubUser | null;
  actor?: GithubUser | null;
}
interface Approval {
  state: string;
  user: GithubUser;
  environments: Array<{ name?: string }>;
}
interface PullRequest {
  number: number;
  title: string;
  html_url: string;
  user: GithubUser | null;
  merged_at: string | null;
  merge_commit_sha: string | null;
}
interface Review {
  state: string;
  user: GithubUser | null;
}

/** A change's procedure, with the pull request's title for the change's. */
type Procedure = NonNullable<ChangeInput['procedure']> & { title: string };

/** Options of {@link GithubDeploymentChangeSource}. @public */
export interface GithubDeploymentChangeSourceOptions {
  /** The client that reads GitHub; its authentication and base URL are the caller's. */
  octokit: Octokit;
  /** The catalog's service entities (Component, System, Resource), read at every pull. */
  entities: () => Promise<Entity[]>;
  /** The web host of the repositories to read (`github.com`, or a GitHub Enterprise Server's). */
  host?: string;
  /** `token` (`sre.github.token`) unless set, or `app` (`sre.github.app`), for the words of the errors. */
  credential?: 'token' | 'app';
  /** The environments to read (any case); unless set, those with a required-reviewers rule. */
  environments?: string[];
  /** How many hours before `since` a deployment is read again for its outcome; 48 unless set. */
  followUpHours?: number;
  logger?: LoggerService;
}

const lower = (value: string) => value.toLocaleLowerCase('en-US');
const oneLine = (value: string, max: number) =>
  value.replace(/\s+/g, ' ').trim().slice(0, max);
const github = (login: string): ChangeIdentity => ({
  kind: 'github-login',
  value: login,
});

/** Each login once, in order, without `except` (logins are case-insensitive). */
function logins(values: Array<string | undefined>, except: string[] = []) {
  const seen = new Set(except.map(lower));
  const kept: string[] = [];
  for (const value of values) {
    if (value && !seen.has(lower(value))) {
      seen.add(lower(value));
      kept.push(value);
    }
  }
  return kept;
}

/** A deployment status's state as a change's outcome; undefined: the job has not started. */
function outcomeOf(state: string): ChangeOutcome | undefined {
  switch (state) {
    case 'success':
      return 'succeeded';
    case 'failure':
    case 'error':
      return 'failed';
    case 'in_progress':
      return 'in-progress';
    default:
      // pending, queued, waiting: queued or waiting for its reviewers.
      return undefined;
  }
}

/** GitHub Actions points a deployment status's log at the job of its workflow run. */
const RUN_URL = /\/actions\/runs\/(\d+)(?:[/?#]|$)/;

/** Whether a deployment review was of `environment` (a run may deploy to several). */
const isFor = (approval: Approval, environment: string) =>
  approval.environments.some(
    env => env.name !== undefined && lower(env.name) === lower(environment),
  );

/**
 * The users who approved the deployment review of a run for `environment`,
 * counted by their last review: a later rejection withdraws an approval.
 */
function approversOf(approvals: Approval[], environment: string): string[] {
  const last = new Map<string, Approval>();
  for (const approval of approvals) {
    if (approval.user && isFor(approval, environment)) {
      last.set(lower(approval.user.login), approval);
    }
  }
  return [...last.values()]
    .filter(approval => approval.state === 'approved')
    .map(approval => approval.user.login);
}

/** Whether a reviewer rejected the deployment of a run to `environment`. */
function rejected(approvals: Approval[], environment: string): boolean {
  return approvals.some(
    approval => approval.state === 'rejected' && isFor(approval, environment),
  );
}

/**
 * The reviewers whose last verdict on a pull request is an approval (a
 * later change request, or a dismissal, takes it back), never its author.
 * Comments are no verdict.
 */
function approvingReviewers(reviews: Review[], author?: string): string[] {
  const verdicts = new Map<string, { login: string; state: string }>();
  for (const review of reviews) {
    if (
      !review.user ||
      review.state === 'COMMENTED' ||
      review.state === 'PENDING'
    ) {
      continue;
    }
    verdicts.set(lower(review.user.login), {
      login: review.user.login,
      state: review.state,
    });
  }
  return logins(
    [...verdicts.values()]
      .filter(verdict => verdict.state === 'APPROVED')
      .map(verdict => verdict.login),
    author ? [author] : [],
  );
}

/**
 * Production changes from GitHub: the deployments that GitHub Actions (or
 * anyone through the API) made to the protected environments of the
 * repositories the catalog names, each with who ran it (the workflow run's
 * triggering actor), who approved its deployment review (the pair), and the
 * merged pull request behind its commit as the procedure, with the
 * reviewers who approved it.
 *
 * @public
 */
export class GithubDeploymentChangeSource implements ChangeSource {
  /**
   * A source that reads GitHub as `sre.github` says and the catalog's
   * entities with the plugin's own credentials; undefined unless
   * `sre.github.changes.enabled` is true.
   */
  static fromConfig(
    config: Config,
    options: {
      catalog: CatalogService;
      auth: AuthService;
      logger?: LoggerService;
      /** The fetch Octokit sends with; the global one unless set (tests). */
      fetch?: typeof fetch;
    },
  ): GithubDeploymentChangeSource | undefined {
    const githubConfig = readGithubConfig(config);
    const changes = readGithubChangesConfig(config);
    if (!githubConfig || !changes) {
      return undefined;
    }
    const { catalog, auth, logger } = options;
    return new GithubDeploymentChangeSource({
      octokit: createGithubOctokit(githubConfig, options),
      entities: async () =>
        (
          await catalog.getEntities(
            {
              filter: { kind: [...SERVICE_KINDS] },
              fields: [
                'kind',
                'metadata.name',
                'metadata.namespace',
                'metadata.annotations',
              ],
            },
            { credentials: await auth.getOwnServiceCredentials() },
          )
        ).items,
      host: githubWebHost(githubConfig.baseUrl),
      credential: githubConfig.app ? 'app' : 'token',
      environments: changes.environments,
      followUpHours: changes.followUpHours,
      logger,
    });
  }

  readonly id = 'github';
  readonly #octokit: Octokit;
  readonly #entities: () => Promise<Entity[]>;
  readonly #host: string;
  readonly #credential: GithubCredential;
  readonly #environments?: string[];
  readonly #followUpMs: number;
  readonly #logger?: LoggerService;

  constructor(options: GithubDeploymentChangeSourceOptions) {
    this.#octokit = options.octokit;
    this.#entities = options.entities;
    this.#host = options.host ?? 'github.com';
    this.#credential = options.credential ?? 'token';
    this.#environments = options.environments;
    this.#followUpMs = (options.followUpHours ?? 48) * HOUR_MS;
    this.#logger = options.logger;
  }

  /**
   * The deployments created since `since` (and those of the follow-up
   * window before it whose status moved on since), one repository,
   * environment and request at a time, as GitHub asks of clients.
   */
  async *pull(options: { since: Date; now: Date }): AsyncIterable<ChangeInput> {
    const repositories = deploymentRepositoriesOf(
      await this.#entities(),
      this.#host,
    );
    for (const repository of repositories) {
      const environments = await this.#environmentsOf(repository);
      // Several deployments of one commit share its pull request.
      const procedures = new Map<string, Procedure | null>();
      for (const environment of environments ?? []) {
        for await (const deployment of this.#deployments(
          repository,
          environment,
          new Date(options.since.getTime() - this.#followUpMs),
        )) {
          if (Date.parse(deployment.created_at) > options.now.getTime()) {
            continue;
          }
          const change = await this.#change(
            repository,
            deployment,
            options.since,
            procedures,
          );
          if (change) yield change;
        }
      }
    }
  }

  #failed(request: string, error: unknown): Error {
    return githubRequestFailed(request, error, this.#credential);
  }

  /** A request whose 404 means "not there" (a deleted run, say) rather than a failure. */
  async #unlessNotFound<T>(
    request: string,
    read: () => Promise<T>,
  ): Promise<T | undefined> {
    try {
      return await read();
    } catch (error) {
      if (statusOf(error) === 404 && !appAuthenticationFailed(error)) {
        return undefined;
      }
      throw this.#failed(request, error);
    }
  }

  /** The names of the environments to read; undefined when GitHub does not find the repository. */
  async #environmentsOf(
    repository: DeploymentRepository,
  ): Promise<string[] | undefined> {
    const { owner, repo } = repository;
    const request = `GET /repos/${owner}/${repo}/environments`;
    // Octokit's paginate unwraps `{ total_count, environments }` into the list, which its types do not say.
    const environments = (await this.#unlessNotFound(request, () =>
      this.#octokit.paginate(this.#octokit.rest.repos.getAllEnvironments, {
        owner,
        repo,
        per_page: PER_PAGE,
      }),
    )) as unknown as Environment[] | undefined;
    if (!environments) {
      // The catalog may still name a repository that was deleted or renamed.
      this.#logger?.info(
        `GitHub repository ${owner}/${repo} was not found; its deployments are not read as production changes`,
      );
      return undefined;
    }
    const wanted = this.#environments?.map(lower);
    return environments
      .filter(environment =>
        wanted
          ? wanted.includes(lower(environment.name))
          : (environment.protection_rules ?? []).some(
              rule => rule.type === 'required_reviewers',
            ),
      )
      .map(environment => environment.name);
  }

  /**
   * The deployments to `environment`, newest first, down to those created
   * at `from`: GitHub lists them newest first, so no page after is read.
   */
  async *#deployments(
    repository: DeploymentRepository,
    environment: string,
    from: Date,
  ): AsyncIterable<Deployment> {
    const { owner, repo } = repository;
    const request = `GET /repos/${owner}/${repo}/deployments?environment=${environment}`;
    const pages = this.#octokit.paginate.iterator(
      this.#octokit.rest.repos.listDeployments,
      { owner, repo, environment, per_page: PER_PAGE },
    );
    try {
      for await (const page of pages) {
        let older = false;
        for (const deployment of page.data as Deployment[]) {
          if (Date.parse(deployment.created_at) < from.getTime()) {
            older = true;
            break;
          }
          yield deployment;
        }
        if (older) return;
      }
    } catch (error) {
      throw this.#failed(request, error);
    }
  }

  async #list<T>(request: string, read: () => Promise<T[]>): Promise<T[]> {
    try {
      return await read();
    } catch (error) {
      throw this.#failed(request, error);
    }
  }

  /** One deployment as a change; undefined when it has not started, or did not move on since `since`. */
  async #change(
    repository: DeploymentRepository,
    deployment: Deployment,
    since: Date,
    procedures: Map<string, Procedure | null>,
  ): Promise<ChangeInput | undefined> {
    const { owner, repo } = repository;
    const statuses = await this.#list(
      `GET /repos/${owner}/${repo}/deployments/${deployment.id}/statuses`,
      () =>
        this.#octokit.paginate(
          this.#octokit.rest.repos.listDeploymentStatuses,
          {
            owner,
            repo,
            deployment_id: deployment.id,
            per_page: PER_PAGE,
          },
        ) as Promise<DeploymentStatus[]>,
    );
    // Newest first. `inactive` only says that a later deployment replaced this one.
    const latest = statuses.find(status => status.state !== 'inactive');
    const outcome = latest ? outcomeOf(latest.state) : undefined;
    if (!latest || !outcome) {
      return undefined;
    }
    if (
      Date.parse(deployment.created_at) < since.getTime() &&
      Date.parse(latest.created_at) < since.getTime()
    ) {
      // Stored by an earlier pull, and unchanged since.
      return undefined;
    }
    const runId = statuses
      .map(status => RUN_URL.exec(status.log_url || status.target_url || ''))
      .find(Boolean)?.[1];
    const run = runId ? await this.#run(repository, runId) : undefined;
    const approvals = run ? await this.#approvals(repository, run.id) : [];
    if (
      !statuses.some(status => status.state === 'in_progress') &&
      rejected(approvals, deployment.environment)
    ) {
      // Its reviewers rejected it: GitHub failed the job, but nothing was deployed.
      return undefined;
    }
    const operator =
      run?.triggering_actor?.login ??
      run?.actor?.login ??
      deployment.creator?.login;
    if (!operator) {
      this.#logger?.warn(
        `GitHub deployment ${owner}/${repo}#${deployment.id} names nobody who ran it; it is not stored`,
      );
      return undefined;
    }
    if (!procedures.has(deployment.sha)) {
      procedures.set(
        deployment.sha,
        (await this.#procedure(repository, deployment.sha)) ?? null,
      );
    }
    const procedure = procedures.get(deployment.sha) ?? undefined;
    const started =
      [...statuses].reverse().find(status => status.state === 'in_progress')
        ?.created_at ?? deployment.created_at;
    const finishedAt =
      outcome === 'in-progress' ? undefined : latest.created_at;
    const links: ChangeLink[] = [];
    if (run && isHttpUrl(run.html_url)) {
      links.push({
        title: `GitHub Actions run #${run.run_number}`,
        url: run.html_url,
      });
    }
    if (procedure) {
      links.push({ title: 'Pull request', url: procedure.url });
    }
    const what =
      procedure?.title ??
      run?.display_title ??
      (deployment.description ||
        `${deployment.ref} at ${deployment.sha.slice(0, 7)}`);
    return {
      externalId: `${owner}/${repo}#${deployment.id}`.toLowerCase(),
      entityRefs: repository.entityRefs.slice(0, MAX_ENTITY_REFS),
      kind: repository.iac ? 'terraform-apply' : 'deploy',
      environment: oneLine(deployment.environment, MAX_ENVIRONMENT),
      title: oneLine(
        `${owner}/${repo} → ${deployment.environment}: ${what}`,
        MAX_TITLE,
      ),
      startedAt:
        finishedAt && Date.parse(finishedAt) < Date.parse(started)
          ? finishedAt
          : started,
      ...(finishedAt && { finishedAt }),
      outcome,
      operators: [github(operator)],
      pairs: logins(approversOf(approvals, deployment.environment), [
        operator,
      ]).map(github),
      ...(procedure && {
        procedure: {
          url: procedure.url,
          authors: procedure.authors,
          reviewers: procedure.reviewers,
        },
      }),
      links,
    };
  }

  async #run(
    repository: DeploymentRepository,
    runId: string,
  ): Promise<WorkflowRun | undefined> {
    const { owner, repo } = repository;
    const response = await this.#unlessNotFound(
      `GET /repos/${owner}/${repo}/actions/runs/${runId}`,
      () =>
        this.#octokit.rest.actions.getWorkflowRun({
          owner,
          repo,
          run_id: Number(runId),
        }),
    );
    return response?.data as WorkflowRun | undefined;
  }

  async #approvals(
    repository: DeploymentRepository,
    runId: number,
  ): Promise<Approval[]> {
    const { owner, repo } = repository;
    const response = await this.#unlessNotFound(
      `GET /repos/${owner}/${repo}/actions/runs/${runId}/approvals`,
      () =>
        this.#octokit.rest.actions.getReviewsForRun({
          owner,
          repo,
          run_id: runId,
        }),
    );
    return (response?.data ?? []) as Approval[];
  }

  /** The merged pull request behind a commit, with the reviewers who approved it. */
  async #procedure(
    repository: DeploymentRepository,
    sha: string,
  ): Promise<Procedure | undefined> {
    const { owner, repo } = repository;
    const pulls = ((await this.#unlessNotFound(
      `GET /repos/${owner}/${repo}/commits/${sha}/pulls`,
      () =>
        this.#octokit.paginate(
          this.#octokit.rest.repos.listPullRequestsAssociatedWithCommit,
          { owner, repo, commit_sha: sha, per_page: PER_PAGE },
        ),
    )) ?? []) as PullRequest[];
    const merged = pulls.filter(pull => pull.merged_at);
    // The one this commit merged; else one whose commits it carries.
    const pull =
      merged.find(candidate => candidate.merge_commit_sha === sha) ?? merged[0];
    if (!pull || !isHttpUrl(pull.html_url)) {
      return undefined;
    }
    const reviews = await this.#list(
      `GET /repos/${owner}/${repo}/pulls/${pull.number}/reviews`,
      () =>
        this.#octokit.paginate(this.#octokit.rest.pulls.listReviews, {
          owner,
          repo,
          pull_number: pull.number,
          per_page: PER_PAGE,
        }) as Promise<Review[]>,
    );
    const author = pull.user?.login;
    return {
      title: `${pull.title} (#${pull.number})`,
      url: pull.html_url,
      authors: author ? [github(author)] : [],
      reviewers: approvingReviewers(reviews, author).map(github),
    };
  }
}
