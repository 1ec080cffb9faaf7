import type { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import type { FakeAnswer } from './FakeGithub';
// Shaped as the answers in GitHub's REST API reference (API version
// 2022-11-28): "List environments" ({ total_count, environments: [environment
// with protection_rules of type required_reviewers, wait_timer or
// branch_policy] }), "List deployments" (deployment: url, id, node_id, sha,
// ref, task, payload, original_environment, environment, description,
// creator, created_at, updated_at, statuses_url, repository_url,
// transient_environment, production_environment, performed_via_github_app),
// "List deployment statuses" (deployment-status, newest first, with log_url
// and target_url at the Actions job), "Get a workflow run" (workflow-run with
// actor and triggering_actor), "Get the review history for a workflow run"
// (environment-approvals: environments, state, user, comment), "List pull
// requests associated with a commit" (pull-request-simple) and "List reviews
// for a pull request" (pull-request-review). Logins, ids, SHAs and times are
// illustrative.
import infraDeployments from '../__fixtures__/repos-infra-deployments-production.json';
import checkoutEnvironments from '../__fixtures__/repos-checkout-api-environments.json';
import infraEnvironments from '../__fixtures__/repos-infra-environments.json';
import deploymentsPage1 from '../__fixtures__/repos-checkout-api-deployments-production-page1.json';
import deploymentsPage2 from '../__fixtures__/repos-checkout-api-deployments-production-page2.json';
import environmentsNotFound from '../__fixtures__/error-environments-not-found.json';

export const API = 'https://api.github.com';
export const TOKEN = 'ghp_DeploymentT0kenThatMustNeverBeShown01';

// GitHub's Link headers point at the repository by id, not by name.
export const DEPLOYMENTS_PAGE_2 = `${API}/repositories/610244871/deployments?environment=production&per_page=100&page=2`;
export const DEPLOYMENTS_PAGE_3 = `${API}/repositories/610244871/deployments?environment=production&per_page=100&page=3`;

export const CHECKOUT = 'component:default/checkout-api';
export const INVENTORY = 'component:default/inventory-sync';

const component = (
  name: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: {
    type: 'service',
    owner: 'group:default/platform',
    lifecycle: 'production',
  },
});

/**
 * checkout-api deploys its own repository and has its infrastructure in
 * acme/infra; inventory-sync's infrastructure is there too, and it names a
 * repository GitHub no longer has. storefront is on another host.
 */
export const ENTITIES: Entity[] = [
  component('checkout-api', {
    'baton.dev/repos': 'https://github.com/acme/checkout-api.git',
    'baton.dev/iac': 'https://github.com/acme/infra/tree/main/checkout',
  }),
  component('inventory-sync', {
    'baton.dev/repos': 'git@github.com:acme/gone.git, ./tools',
    'baton.dev/iac': 'https://github.com/ACME/infra/tree/main/inventory',
  }),
  component('storefront', {
    'backstage.io/source-location':
      'url:https://gitlab.com/acme/storefront/-/tree/main/',
  }),
];

/** A recorded answer by its file name in __fixtures__. */
export const fixture = (name: string): unknown =>
  JSON.parse(
    fs.readFileSync(
      path.join(__dirname, '../__fixtures__', `${name}.json`),
      'utf8',
    ),
  );

const ok = (body: unknown, headers?: Record<string, string>): FakeAnswer => ({
  body,
  headers,
});

/** Every answer of one repository's deployment, its run, the run's approvals, and the pull request behind its commit. */
function deploymentAnswers(
  repo: string,
  deployment: { id: number; sha: string },
  run?: number,
  pull?: number,
): Record<string, FakeAnswer> {
  const base = `${API}/repos/acme/${repo}`;
  return {
    [`GET ${base}/deployments/${deployment.id}/statuses?per_page=100`]: ok(
      fixture(`deployment-${deployment.id}-statuses`),
    ),
    ...(run && {
      [`GET ${base}/actions/runs/${run}`]: ok(fixture(`actions-run-${run}`)),
      [`GET ${base}/actions/runs/${run}/approvals`]: ok(
        fixture(`actions-run-${run}-approvals`),
      ),
    }),
    [`GET ${base}/commits/${deployment.sha}/pulls?per_page=100`]: ok(
      fixture(`commit-${deployment.id}-pulls`),
    ),
    ...(pull && {
      [`GET ${base}/pulls/${pull}/reviews?per_page=100`]: ok(
        fixture(`pull-${pull}-reviews`),
      ),
    }),
  };
}

const byId = (list: Array<{ id: number; sha: string }>, id: number) =>
  list.find(deployment => deployment.id === id)!;

/** GitHub as recorded for acme's repositories. */
export function recordedAnswers(): Record<string, FakeAnswer> {
  const checkout = [...deploymentsPage1, ...deploymentsPage2];
  return {
    [`GET ${API}/repos/acme/checkout-api/environments?per_page=100`]:
      ok(checkoutEnvironments),
    [`GET ${API}/repos/acme/gone/environments?per_page=100`]: {
      status: 404,
      body: environmentsNotFound,
    },
    [`GET ${API}/repos/acme/infra/environments?per_page=100`]:
      ok(infraEnvironments),
    [`GET ${API}/repos/acme/checkout-api/deployments?environment=production&per_page=100`]:
      ok(deploymentsPage1, {
        link: `<${DEPLOYMENTS_PAGE_2}>; rel="next", <${DEPLOYMENTS_PAGE_3}>; rel="last"`,
      }),
    [`GET ${DEPLOYMENTS_PAGE_2}`]: ok(deploymentsPage2, {
      link: `<${DEPLOYMENTS_PAGE_3}>; rel="next", <${DEPLOYMENTS_PAGE_3}>; rel="last"`,
    }),
    [`GET ${API}/repos/acme/checkout-api/deployments/1303/statuses?per_page=100`]:
      ok(fixture('deployment-1303-statuses')),
    ...deploymentAnswers('checkout-api', byId(checkout, 1302), 9002, 44),
    ...deploymentAnswers('checkout-api', byId(checkout, 1301), 9001, 42),
    ...deploymentAnswers('checkout-api', byId(checkout, 1300), 9000, 41),
    ...deploymentAnswers('checkout-api', byId(checkout, 1299), 8990, 39),
    ...deploymentAnswers('checkout-api', byId(checkout, 1290), 8980),
    [`GET ${API}/repos/acme/checkout-api/deployments/1289/statuses?per_page=100`]:
      ok(fixture('deployment-1289-statuses')),
    [`GET ${API}/repos/acme/infra/deployments?environment=production&per_page=100`]:
      ok(infraDeployments),
    ...deploymentAnswers('infra', byId(infraDeployments, 2001), 7001, 7),
    ...deploymentAnswers('infra', byId(infraDeployments, 2000)),
  };
}

/** The time the in-progress deployment 1302 finishes in {@link finishedDeployment1302}. */
export const DEPLOYMENT_1302_FINISHED = '2026-11-25T12:10:44Z';

/** GitHub's answer once deployment 1302 succeeded: a `success` status on top of the recorded ones. */
export function finishedDeployment1302(): Record<string, FakeAnswer> {
  const statuses = fixture('deployment-1302-statuses') as Array<
    Record<string, unknown>
  >;
  return {
    [`GET ${API}/repos/acme/checkout-api/deployments/1302/statuses?per_page=100`]:
      {
        body: [
          {
            ...statuses[0],
            id: 5550199,
            state: 'success',
            created_at: DEPLOYMENT_1302_FINISHED,
            updated_at: DEPLOYMENT_1302_FINISHED,
          },
          ...statuses,
        ],
      },
  };
}
