import { mockServices } from '@backstage/backend-test-utils';
import type { ChangeInput } from '@baton/plugin-sre-common';
import { FakeGithub, type FakeAnswer } from './__testUtils__/FakeGithub';
import {
  API,
  CHECKOUT,
  DEPLOYMENT_1302_FINISHED,
  DEPLOYMENTS_PAGE_2,
  DEPLOYMENTS_PAGE_3,
  ENTITIES,
  finishedDeployment1302,
  fixture,
  INVENTORY,
  recordedAnswers,
  TOKEN,
} from './__testUtils__/githubDeployments';
import badCredentials from './__fixtures__/error-bad-credentials.json';
import rateLimited from './__fixtures__/error-rate-limit.json';
import { GithubDeploymentChangeSource } from './GithubDeploymentChangeSource';

// The last pull was at noon on 20 November; this one at noon on the 25th.
const SINCE = new Date('2026-11-20T12:00:00Z');
const NOW = new Date('2026-11-25T12:00:00Z');

const login = (value: string) => ({ kind: 'github-login' as const, value });
const run = (repo: string, id: number, runNumber: number) => ({
  title: `GitHub Actions run #${runNumber}`,
  url: `https://github.com/acme/${repo}/actions/runs/${id}`,
});
const pullRequest = (repo: string, number: number) => ({
  title: 'Pull request',
  url: `https://github.com/acme/${repo}/pull/${number}`,
});

/** What the recorded GitHub holds since SINCE, in the order it is read. */
const EXPECTED: ChangeInput[] = [
  {
    externalId: 'acme/checkout-api#1302',
    entityRefs: [CHECKOUT],
    kind: 'deploy',
    environment: 'production',
    title: 'acme/checkout-api → production: Cache the shipping rates (#44)',
    startedAt: '2026-11-25T11:46:52Z',
    outcome: 'in-progress',
    operators: [login('carol-gh')],
    pairs: [login('alice-gh')],
    procedure: {
      url: 'https://github.com/acme/checkout-api/pull/44',
      authors: [login('carol-gh')],
      reviewers: [login('dave-gh')],
    },
    links: [run('checkout-api', 9002, 412), pullRequest('checkout-api', 44)],
  },
  {
    externalId: 'acme/checkout-api#1301',
    entityRefs: [CHECKOUT],
    kind: 'deploy',
    environment: 'production',
    title: 'acme/checkout-api → production: Upsize the checkout database (#42)',
    startedAt: '2026-11-25T09:10:31Z',
    finishedAt: '2026-11-25T09:18:07Z',
    outcome: 'succeeded',
    operators: [login('alice-gh')],
    pairs: [login('bob-gh')],
    // bob asked for changes, then approved: his last verdict counts.
    procedure: {
      url: 'https://github.com/acme/checkout-api/pull/42',
      authors: [login('alice-gh')],
      reviewers: [login('bob-gh')],
    },
    links: [run('checkout-api', 9001, 411), pullRequest('checkout-api', 42)],
  },
  {
    // Nobody approved the deployment (an admin bypassed the rule), and the
    // pull request's only approval was dismissed: solo and unreviewed.
    externalId: 'acme/checkout-api#1300',
    entityRefs: [CHECKOUT],
    kind: 'deploy',
    environment: 'production',
    title: 'acme/checkout-api → production: Retry failed card captures (#41)',
    startedAt: '2026-11-24T22:41:58Z',
    finishedAt: '2026-11-24T22:47:21Z',
    outcome: 'failed',
    operators: [login('carol-gh')],
    pairs: [],
    procedure: {
      url: 'https://github.com/acme/checkout-api/pull/41',
      authors: [login('carol-gh')],
      reviewers: [],
    },
    links: [run('checkout-api', 9000, 410), pullRequest('checkout-api', 41)],
  },
  {
    // Pushed by dave, re-run by alice, who approved her own deployment
    // with bob: alice ran it, bob is her pair.
    externalId: 'acme/checkout-api#1299',
    entityRefs: [CHECKOUT],
    kind: 'deploy',
    environment: 'production',
    title:
      'acme/checkout-api → production: Move sessions to the new cluster (#39)',
    startedAt: '2026-11-23T10:20:14Z',
    finishedAt: '2026-11-23T10:26:40Z',
    outcome: 'succeeded',
    operators: [login('alice-gh')],
    pairs: [login('bob-gh')],
    procedure: {
      url: 'https://github.com/acme/checkout-api/pull/39',
      authors: [login('dave-gh')],
      reviewers: [login('bob-gh')],
    },
    links: [run('checkout-api', 8990, 405), pullRequest('checkout-api', 39)],
  },
  {
    // A direct push: no pull request, so no procedure.
    externalId: 'acme/checkout-api#1290',
    entityRefs: [CHECKOUT],
    kind: 'deploy',
    environment: 'production',
    title: 'acme/checkout-api → production: Bump the payment SDK',
    startedAt: '2026-11-21T08:04:02Z',
    finishedAt: '2026-11-21T08:09:55Z',
    outcome: 'succeeded',
    operators: [login('bob-gh')],
    pairs: [login('alice-gh')],
    links: [run('checkout-api', 8980, 401)],
  },
  {
    externalId: 'acme/infra#2001',
    entityRefs: [CHECKOUT, INVENTORY],
    kind: 'terraform-apply',
    environment: 'production',
    title:
      'acme/infra → production: inventory: raise the queue visibility timeout (#7)',
    startedAt: '2026-11-24T23:30:59Z',
    finishedAt: '2026-11-24T23:52:36Z',
    outcome: 'succeeded',
    operators: [login('farid-gh')],
    pairs: [],
    procedure: {
      url: 'https://github.com/acme/infra/pull/7',
      authors: [login('farid-gh')],
      reviewers: [],
    },
    links: [run('infra', 7001, 233), pullRequest('infra', 7)],
  },
  {
    // Made through the API, not by a workflow: its creator ran it.
    externalId: 'acme/infra#2000',
    entityRefs: [CHECKOUT, INVENTORY],
    kind: 'terraform-apply',
    environment: 'production',
    title: 'acme/infra → production: Rotate the database password',
    startedAt: '2026-11-22T14:05:40Z',
    finishedAt: '2026-11-22T14:09:12Z',
    outcome: 'succeeded',
    operators: [login('farid-gh')],
    pairs: [],
    links: [],
  },
];

function sourceFor(
  answers: Record<string, FakeAnswer> = {},
  options: { environments?: string[]; followUpHours?: number } = {},
) {
  const github = new FakeGithub({ ...recordedAnswers(), ...answers });
  const logger = mockServices.logger.mock();
  const source = new GithubDeploymentChangeSource({
    octokit: github.octokit(TOKEN),
    entities: async () => ENTITIES,
    followUpHours: 24,
    logger,
    ...options,
  });
  return { github, source, logger };
}

async function pulled(
  source: GithubDeploymentChangeSource,
  since = SINCE,
  now = NOW,
): Promise<ChangeInput[]> {
  const changes: ChangeInput[] = [];
  for await (const change of source.pull({ since, now })) {
    changes.push(change);
  }
  return changes;
}

const logged = (logger: ReturnType<typeof mockServices.logger.mock>) =>
  JSON.stringify(
    [logger.info, logger.debug, logger.warn, logger.error].flatMap(
      fn => (fn as jest.Mock).mock.calls,
    ),
  );

describe('GithubDeploymentChangeSource', () => {
  it('reads the deployments to environments with required reviewers as changes, with operator, pair and procedure', async () => {
    const { github, source } = sourceFor();

    const changes = await pulled(source);

    expect(source.id).toBe('github');
    expect(changes).toEqual(EXPECTED);
    expect(github.unexpected).toEqual([]);
    expect(github.authorizations.every(a => a === `token ${TOKEN}`)).toBe(true);
  });

  it('skips environments without required reviewers and repositories on other hosts', async () => {
    const { github, source } = sourceFor();

    await pulled(source);

    const deploymentLists = github.requests.filter(r =>
      /\/deployments\?/.test(r),
    );
    // staging has a wait timer only, preview no rule: neither is read.
    expect(
      deploymentLists.every(r => r.includes('environment=production')),
    ).toBe(true);
    expect(github.requests.some(r => /staging|preview/.test(r))).toBe(false);
    expect(github.requests.some(r => r.includes('gitlab'))).toBe(false);
    expect(github.requests.some(r => r.includes('storefront'))).toBe(false);
  });

  it('follows the Link header to the next page, and stops at the first deployment older than the follow-up window', async () => {
    const { github, source } = sourceFor();

    await pulled(source);

    expect(
      github.requests.filter(
        r => r.includes('/deployments?') || r.includes('/repositories/'),
      ),
    ).toEqual([
      `GET ${API}/repos/acme/checkout-api/deployments?environment=production&per_page=100`,
      `GET ${API}/repositories/610244871/deployments?environment=production&page=2&per_page=100`,
      `GET ${API}/repos/acme/infra/deployments?environment=production&per_page=100`,
    ]);
    expect(github.requests).not.toContain(
      `GET ${new URL(DEPLOYMENTS_PAGE_3).toString()}`,
    );
    expect(DEPLOYMENTS_PAGE_2).toContain('page=2');
    // 1289 is in the follow-up window but finished before SINCE: its run is not read again.
    expect(github.requests).toContain(
      `GET ${API}/repos/acme/checkout-api/deployments/1289/statuses?per_page=100`,
    );
    expect(github.requests.some(r => r.includes('/runs/8979'))).toBe(false);
    // 1288 is older than the window: not even its statuses.
    expect(github.requests.some(r => r.includes('/deployments/1288/'))).toBe(
      false,
    );
  });

  it('reads a deployment again once it finishes, and not while nothing moved', async () => {
    const later = new Date('2026-11-25T12:30:00Z');
    const unchanged = sourceFor();
    // Since noon, nothing moved: 1302 is still running, as stored at noon.
    expect(await pulled(unchanged.source, NOW, later)).toEqual([]);

    const finished = sourceFor(finishedDeployment1302());
    expect(await pulled(finished.source, NOW, later)).toEqual([
      {
        ...EXPECTED[0],
        finishedAt: DEPLOYMENT_1302_FINISHED,
        outcome: 'succeeded',
      },
    ]);
  });

  it('reads the environments the config names instead, in any case', async () => {
    const { github, source } = sourceFor(
      {
        [`GET ${API}/repos/acme/checkout-api/deployments?environment=staging&per_page=100`]:
          { body: [] },
      },
      { environments: ['Staging'] },
    );

    expect(await pulled(source)).toEqual([]);
    expect(github.unexpected).toEqual([]);
    expect(github.requests.filter(r => r.includes('/deployments?'))).toEqual([
      `GET ${API}/repos/acme/checkout-api/deployments?environment=staging&per_page=100`,
    ]);
  });

  it('never counts the author of a pull request among its reviewers', async () => {
    const author = (
      fixture('pull-41-reviews') as Array<Record<string, any>>
    )[1];
    const { source } = sourceFor({
      [`GET ${API}/repos/acme/checkout-api/pulls/41/reviews?per_page=100`]: {
        body: [
          // GitHub's own UI refuses this; a differently cased login must not slip through either.
          {
            ...author,
            state: 'APPROVED',
            user: { ...author.user, login: 'Carol-GH' },
          },
        ],
      },
    });

    const change = (await pulled(source)).find(
      c => c.externalId === 'acme/checkout-api#1300',
    );

    expect(change?.procedure?.authors).toEqual([login('carol-gh')]);
    expect(change?.procedure?.reviewers).toEqual([]);
  });

  it('stores no change for a deployment its reviewers rejected', async () => {
    const approval = (
      fixture('actions-run-9001-approvals') as Array<Record<string, unknown>>
    )[0];
    const statuses = fixture('deployment-1300-statuses') as Array<
      Record<string, unknown>
    >;
    const { source } = sourceFor({
      [`GET ${API}/repos/acme/checkout-api/actions/runs/9000/approvals`]: {
        body: [{ ...approval, state: 'rejected', comment: 'Not tonight' }],
      },
      // GitHub failed the job that never ran: no in_progress status.
      [`GET ${API}/repos/acme/checkout-api/deployments/1300/statuses?per_page=100`]:
        { body: statuses.filter(status => status.state !== 'in_progress') },
    });

    const changes = await pulled(source);

    expect(changes.map(c => c.externalId)).toEqual(
      EXPECTED.map(c => c.externalId).filter(
        id => id !== 'acme/checkout-api#1300',
      ),
    );
  });

  it("reads a workflow run GitHub no longer has as none: the deployment's creator ran it", async () => {
    const { github, source } = sourceFor({
      [`GET ${API}/repos/acme/checkout-api/actions/runs/9001`]: {
        status: 404,
        body: {
          message: 'Not Found',
          documentation_url:
            'https://docs.github.com/rest/actions/workflow-runs#get-a-workflow-run',
          status: '404',
        },
      },
    });

    const change = (await pulled(source)).find(
      c => c.externalId === 'acme/checkout-api#1301',
    );

    expect(change).toMatchObject({
      operators: [login('github-actions[bot]')],
      pairs: [],
      links: [pullRequest('checkout-api', 42)],
    });
    expect(github.requests).not.toContain(
      `GET ${API}/repos/acme/checkout-api/actions/runs/9001/approvals`,
    );
  });

  it('skips a repository GitHub does not find, with an info line', async () => {
    const { logger, source } = sourceFor();

    await pulled(source);

    expect(logger.info).toHaveBeenCalledWith(
      'GitHub repository acme/gone was not found; its deployments are not read as production changes',
    );
  });

  it('says that the token was refused, without the token', async () => {
    const { github, source, logger } = sourceFor({
      [`GET ${API}/repos/acme/checkout-api/environments?per_page=100`]: {
        status: 401,
        body: badCredentials,
      },
    });

    const error: Error = await pulled(source).then(
      () => new Error('pull resolved'),
      (e: Error) => e,
    );

    expect(error.message).toBe(
      'GitHub refused the token (sre.github.token) on GET /repos/acme/checkout-api/environments: 401 Bad credentials. Check that the token is valid and not expired.',
    );
    expect(github.authorizations[0]).toBe(`token ${TOKEN}`);
    expect(
      JSON.stringify(error, Object.getOwnPropertyNames(error)),
    ).not.toContain(TOKEN.slice(4));
    expect(logged(logger)).not.toContain(TOKEN.slice(4));
  });

  it('fails on an exhausted rate limit, naming the request, rather than pull part of the changes', async () => {
    const { source } = sourceFor({
      [`GET ${API}/repos/acme/checkout-api/actions/runs/9001/approvals`]: {
        status: 403,
        body: rateLimited,
        headers: {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': '1795685400',
        },
      },
    });

    await expect(pulled(source)).rejects.toThrow(
      /^GitHub GET \/repos\/acme\/checkout-api\/actions\/runs\/9001\/approvals failed: 403 API rate limit exceeded/,
    );
  });

  it('names the deployments request that failed', async () => {
    const { source } = sourceFor({
      [`GET ${DEPLOYMENTS_PAGE_2}`]: {
        status: 502,
        body: { message: 'Server Error' },
      },
    });

    await expect(pulled(source)).rejects.toThrow(
      new Error(
        'GitHub GET /repos/acme/checkout-api/deployments?environment=production failed: 502 Server Error',
      ),
    );
  });
});
