import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { createVerify, generateKeyPairSync } from 'node:crypto';
import type { AccessGrant } from '@baton/plugin-sre-node';
import { FakeGithub, type FakeAnswer } from './__testUtils__/FakeGithub';
import { GithubOrgAccessSource } from './GithubOrgAccessSource';
// Shaped as the answers in GitHub's REST API reference (API version
// 2022-11-28): "List organization members" and "List outside collaborators
// for an organization" (simple-user: login, id, node_id, avatar_url,
// gravatar_id, the *_url links, type, user_view_type, site_admin), "List
// teams" (team: id, node_id, url, html_url, name, slug, description, privacy,
// notification_setting, permission, members_url, repositories_url, parent),
// "List team members" (simple-user) and "List repository collaborators"
// (simple-user with permissions {admin, maintain, push, triage, pull} and
// role_name); errors as GitHub's {message, documentation_url, status}.
// Logins, ids and team names are illustrative.
import badCredentials from './__fixtures__/error-bad-credentials.json';
import orgNotFound from './__fixtures__/error-not-found.json';
import onlyOwners from './__fixtures__/error-only-owners.json';
import rateLimited from './__fixtures__/error-rate-limit.json';
import repositoryNotFound from './__fixtures__/error-repository-not-found.json';
import validationFailed from './__fixtures__/error-validation-failed.json';
import twoFactorDisabled from './__fixtures__/orgs-members-filter-2fa-disabled.json';
import admins from './__fixtures__/orgs-members-role-admin.json';
import membersPage1 from './__fixtures__/orgs-members-role-member-page1.json';
import membersPage2 from './__fixtures__/orgs-members-role-member-page2.json';
import outsideCollaborators from './__fixtures__/orgs-outside-collaborators.json';
import teams from './__fixtures__/orgs-teams.json';
import repositoryAdmins from './__fixtures__/repos-collaborators-permission-admin.json';
import platformMaintainers from './__fixtures__/teams-platform-members-role-maintainer.json';
import platformMembers from './__fixtures__/teams-platform-members-role-member.json';
import oncallMaintainers from './__fixtures__/teams-platform-oncall-members-role-maintainer.json';
import oncallMembers from './__fixtures__/teams-platform-oncall-members-role-member.json';
// "Create an installation access token for an app" (POST
// /app/installations/{installation_id}/access_tokens, 201): token,
// expires_at, permissions, repository_selection.
import installationToken from './__fixtures__/app-installation-access-token.json';

const API = 'https://api.github.com';
const TOKEN = 'ghp_R3cordedT0kenThatMustNeverBeShown0001';
const NOW = new Date('2026-11-25T09:30:00Z');
// GitHub's Link headers point at the organization by id, not by login.
const MEMBERS_PAGE_2 = `${API}/organizations/9919/members?role=member&per_page=100&page=2`;
const MEMBERS_PAGE_1 = `${API}/organizations/9919/members?role=member&per_page=100&page=1`;

const ok = (body: unknown, headers?: Record<string, string>): FakeAnswer => ({
  body,
  headers,
});
const failing = (
  status: number,
  body: unknown,
  headers?: Record<string, string>,
): FakeAnswer => ({ status, body, headers });

const TWO_FACTOR = `GET ${API}/orgs/acme/members?filter=2fa_disabled&per_page=100`;
const REPO_ADMINS = (repository: string) =>
  `GET ${API}/repos/${repository}/collaborators?permission=admin&affiliation=all&per_page=100`;

/** The organization `acme` as recorded, with `changes` over it. */
function acme(changes: Record<string, FakeAnswer> = {}) {
  return new FakeGithub({
    [`GET ${API}/orgs/acme/members?role=admin&per_page=100`]: ok(admins),
    [`GET ${API}/orgs/acme/members?role=member&per_page=100`]: ok(
      membersPage1,
      {
        link: `<${MEMBERS_PAGE_2}>; rel="next", <${MEMBERS_PAGE_2}>; rel="last"`,
      },
    ),
    [`GET ${MEMBERS_PAGE_2}`]: ok(membersPage2, {
      link: `<${MEMBERS_PAGE_1}>; rel="prev", <${MEMBERS_PAGE_1}>; rel="first"`,
    }),
    [TWO_FACTOR]: ok(twoFactorDisabled),
    [`GET ${API}/orgs/acme/outside_collaborators?per_page=100`]:
      ok(outsideCollaborators),
    [`GET ${API}/orgs/acme/teams?per_page=100`]: ok(teams),
    [`GET ${API}/orgs/acme/teams/platform/members?role=maintainer&per_page=100`]:
      ok(platformMaintainers),
    [`GET ${API}/orgs/acme/teams/platform/members?role=member&per_page=100`]:
      ok(platformMembers),
    [`GET ${API}/orgs/acme/teams/platform-oncall/members?role=maintainer&per_page=100`]:
      ok(oncallMaintainers),
    [`GET ${API}/orgs/acme/teams/platform-oncall/members?role=member&per_page=100`]:
      ok(oncallMembers),
    [REPO_ADMINS('acme/checkout')]: ok(repositoryAdmins),
    [REPO_ADMINS('acme/payments')]: failing(404, repositoryNotFound),
    ...changes,
  });
}

function sourceFor(github: FakeGithub) {
  const logger = mockServices.logger.mock();
  const source = new GithubOrgAccessSource({
    octokit: github.octokit(TOKEN),
    now: () => NOW,
    logger,
  });
  return { source, logger };
}

/** What the catalog knows: repositories of acme, of another owner, and names that are no `owner/name`. */
const REPOSITORIES = [
  'acme/checkout',
  'other-org/tools',
  'ACME/Checkout',
  'acme/payments',
  'acme',
  'acme/checkout/extra',
];

const ORG_GRANTS: AccessGrant[] = [
  {
    principal: 'jdoe',
    principalKind: 'github-login',
    resource: 'github-org:acme',
    privilege: 'admin',
  },
  {
    principal: 'asmith',
    principalKind: 'github-login',
    resource: 'github-org:acme',
    privilege: 'admin',
    flags: ['two-factor-disabled'],
  },
  {
    principal: 'bwayne',
    principalKind: 'github-login',
    resource: 'github-org:acme',
    privilege: 'member',
  },
  {
    principal: 'ckent',
    principalKind: 'github-login',
    resource: 'github-org:acme',
    privilege: 'member',
    flags: ['two-factor-disabled'],
  },
  // Only on the second page of role=member.
  {
    principal: 'dprince',
    principalKind: 'github-login',
    resource: 'github-org:acme',
    privilege: 'member',
  },
  {
    principal: 'lee-contractor',
    principalKind: 'github-login',
    resource: 'github-org:acme',
    privilege: 'outside-collaborator',
    flags: ['outside-collaborator'],
  },
];

const TEAM_AND_REPOSITORY_GRANTS: AccessGrant[] = [
  {
    principal: 'jdoe',
    principalKind: 'github-login',
    resource: 'github-team:acme/platform',
    privilege: 'maintainer',
  },
  {
    principal: 'bwayne',
    principalKind: 'github-login',
    resource: 'github-team:acme/platform',
    privilege: 'member',
  },
  {
    principal: 'ckent',
    principalKind: 'github-login',
    resource: 'github-team:acme/platform',
    privilege: 'member',
  },
  // A member of the child team platform-oncall, which GitHub counts in platform.
  {
    principal: 'dprince',
    principalKind: 'github-login',
    resource: 'github-team:acme/platform',
    privilege: 'member',
  },
  {
    principal: 'dprince',
    principalKind: 'github-login',
    resource: 'github-team:acme/platform-oncall',
    privilege: 'member',
  },
  {
    principal: 'jdoe',
    principalKind: 'github-login',
    resource: 'github-repo:acme/checkout',
    privilege: 'admin',
  },
  {
    principal: 'asmith',
    principalKind: 'github-login',
    resource: 'github-repo:acme/checkout',
    privilege: 'admin',
  },
  {
    principal: 'lee-contractor',
    principalKind: 'github-login',
    resource: 'github-repo:acme/checkout',
    privilege: 'admin',
  },
];

const logged = (logger: ReturnType<typeof mockServices.logger.mock>) =>
  JSON.stringify(
    [logger.info, logger.debug, logger.warn, logger.error].flatMap(
      fn => (fn as jest.Mock).mock.calls,
    ),
  );

const withoutTwoFactorFlags = (grants: AccessGrant[]) =>
  grants.map(({ flags, ...rest }) => {
    const kept = (flags ?? []).filter(flag => flag !== 'two-factor-disabled');
    return kept.length > 0 ? { ...rest, flags: kept } : rest;
  });

describe('GithubOrgAccessSource', () => {
  it('lists owners, members, outside collaborators, team members and repository admins of the organization', async () => {
    const github = acme();
    const { source } = sourceFor(github);

    const inventory = await source.listGrants('acme', {
      repositories: REPOSITORIES,
    });

    expect(source.prefix).toBe('github-org');
    expect(inventory.generatedAt).toEqual(NOW);
    expect(inventory.grants).toEqual([
      ...ORG_GRANTS,
      ...TEAM_AND_REPOSITORY_GRANTS,
    ]);
    // GitHub reports no last use of a membership.
    expect(inventory.grants.filter(g => 'lastUsedAt' in g)).toEqual([]);
    expect(github.unexpected).toEqual([]);
    expect(github.authorizations.every(a => a === `token ${TOKEN}`)).toBe(true);
  });

  it('reads the second page that a Link header points to', async () => {
    const github = acme();
    const { source } = sourceFor(github);

    const { grants } = await source.listGrants('acme', { repositories: [] });

    expect(github.requests.slice(0, 3)).toEqual([
      `GET ${API}/orgs/acme/members?per_page=100&role=admin`,
      `GET ${API}/orgs/acme/members?per_page=100&role=member`,
      `GET ${API}/organizations/9919/members?page=2&per_page=100&role=member`,
    ]);
    expect(
      grants.filter(
        g => g.principal === 'dprince' && g.resource === 'github-org:acme',
      ),
    ).toEqual([
      {
        principal: 'dprince',
        principalKind: 'github-login',
        resource: 'github-org:acme',
        privilege: 'member',
      },
    ]);
  });

  it("asks for the admins of the organization's repositories only, once each, and skips one GitHub does not find", async () => {
    const github = acme();
    const { source, logger } = sourceFor(github);

    const { grants } = await source.listGrants('acme', {
      repositories: REPOSITORIES,
    });

    expect(github.requests.filter(r => r.includes('/repos/'))).toEqual([
      `GET ${API}/repos/acme/checkout/collaborators?affiliation=all&per_page=100&permission=admin`,
      `GET ${API}/repos/acme/payments/collaborators?affiliation=all&per_page=100&permission=admin`,
    ]);
    expect(github.requests.some(r => r.includes('other-org'))).toBe(false);
    expect(
      grants
        .filter(g => g.resource.startsWith('github-repo:'))
        .map(g => g.resource),
    ).toEqual([
      'github-repo:acme/checkout',
      'github-repo:acme/checkout',
      'github-repo:acme/checkout',
    ]);
    expect(logger.info).toHaveBeenCalledWith(
      "GitHub repository acme/payments was not found; its admins are not listed in the access inventory of 'acme'",
    );
  });

  it.each([
    [403, onlyOwners],
    [422, validationFailed],
  ])(
    'keeps the grants without the 2FA flag when the 2FA filter answers %d',
    async (status, body) => {
      const github = acme({ [TWO_FACTOR]: failing(status, body) });
      const { source, logger } = sourceFor(github);

      const { grants } = await source.listGrants('acme', {
        repositories: REPOSITORIES,
      });

      expect(grants).toEqual(
        withoutTwoFactorFlags([...ORG_GRANTS, ...TEAM_AND_REPOSITORY_GRANTS]),
      );
      expect(grants.some(g => g.flags?.includes('two-factor-disabled'))).toBe(
        false,
      );
      expect(logger.warn).toHaveBeenCalledWith(
        `GitHub GET /orgs/acme/members?filter=2fa_disabled answered ${status}: the members of 'acme' are listed without the two-factor audit; it needs a token of an organization owner`,
      );
    },
  );

  it('fails rather than drop the 2FA flag when the 403 is an exhausted rate limit', async () => {
    const github = acme({
      [TWO_FACTOR]: failing(403, rateLimited, {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': '1795685400',
      }),
    });
    const { source } = sourceFor(github);

    await expect(
      source.listGrants('acme', { repositories: [] }),
    ).rejects.toThrow(
      /^GitHub GET \/orgs\/acme\/members\?filter=2fa_disabled failed: 403 API rate limit exceeded/,
    );
  });

  it('names the organization that GitHub does not know', async () => {
    const github = new FakeGithub({
      [`GET ${API}/orgs/acme-typo/members?role=admin&per_page=100`]: failing(
        404,
        orgNotFound,
      ),
    });
    const { source } = sourceFor(github);

    await expect(
      source.listGrants('acme-typo', { repositories: ['acme-typo/checkout'] }),
    ).rejects.toThrow(
      new Error(
        "GitHub organization 'acme-typo' was not found, or the token cannot see it (404 on GET /orgs/acme-typo/members?role=admin)",
      ),
    );
    expect(github.requests).toHaveLength(1);
  });

  it('says that the token was refused, without the token', async () => {
    const github = new FakeGithub({
      [`GET ${API}/orgs/acme/members?role=admin&per_page=100`]: failing(
        401,
        badCredentials,
      ),
    });
    const { source, logger } = sourceFor(github);

    const error: Error = await source
      .listGrants('acme', { repositories: [] })
      .then(
        () => new Error('listGrants resolved'),
        (e: Error) => e,
      );

    expect(error.message).toBe(
      'GitHub refused the token (sre.github.token) on GET /orgs/acme/members?role=admin: 401 Bad credentials. Check that the token is valid and not expired.',
    );
    // The token was sent, and is nowhere in what the failure carries or logs.
    expect(github.authorizations).toEqual([`token ${TOKEN}`]);
    expect(
      JSON.stringify(error, Object.getOwnPropertyNames(error)),
    ).not.toContain(TOKEN.slice(4));
    expect(logged(logger)).not.toContain(TOKEN.slice(4));
  });

  it("names the request and GitHub's answer on any other failure", async () => {
    const github = acme({
      [REPO_ADMINS('acme/checkout')]: failing(403, {
        message: 'Must have push access to view repository collaborators.',
        documentation_url:
          'https://docs.github.com/rest/collaborators/collaborators#list-repository-collaborators',
        status: '403',
      }),
    });
    const { source } = sourceFor(github);

    await expect(
      source.listGrants('acme', { repositories: ['acme/checkout'] }),
    ).rejects.toThrow(
      new Error(
        "GitHub GET /repos/acme/checkout/collaborators?permission=admin&affiliation=all failed: 403 Must have push access to view repository collaborators. - https://docs.github.com/rest/collaborators/collaborators#list-repository-collaborators (listing a repository's collaborators needs write access to it)",
      ),
    );
  });

  it('fails on a server error of the team list instead of returning a partial inventory', async () => {
    const github = acme({
      [`GET ${API}/orgs/acme/teams?per_page=100`]: failing(502, {
        message: 'Server Error',
      }),
    });
    const { source } = sourceFor(github);

    await expect(
      source.listGrants('acme', { repositories: [] }),
    ).rejects.toThrow(
      new Error('GitHub GET /orgs/acme/teams failed: 502 Server Error'),
    );
  });

  it('refuses an access source that names no organization, without asking GitHub', async () => {
    const github = acme();
    const { source } = sourceFor(github);

    await expect(source.listGrants(' ', { repositories: [] })).rejects.toThrow(
      "The access source 'github-org: ' names no GitHub organization",
    );
    expect(github.requests).toEqual([]);
  });

  describe('fromConfig', () => {
    it('sends the configured token to the configured GitHub Enterprise Server', async () => {
      const ghes = 'https://github.example.com/api/v3';
      const github = new FakeGithub({
        [`GET ${ghes}/orgs/acme/members?role=admin&per_page=100`]: ok(admins),
        [`GET ${ghes}/orgs/acme/members?role=member&per_page=100`]: ok([]),
        [`GET ${ghes}/orgs/acme/members?filter=2fa_disabled&per_page=100`]: ok(
          [],
        ),
        [`GET ${ghes}/orgs/acme/outside_collaborators?per_page=100`]: ok([]),
        [`GET ${ghes}/orgs/acme/teams?per_page=100`]: ok([]),
      });
      const source = GithubOrgAccessSource.fromConfig(
        new ConfigReader({
          sre: { github: { token: TOKEN, baseUrl: `${ghes}/` } },
        }),
        { fetch: github.fetch },
      );

      const { grants } = await source.listGrants('acme', { repositories: [] });

      expect(grants.map(g => `${g.principal} ${g.privilege}`)).toEqual([
        'jdoe admin',
        'asmith admin',
      ]);
      expect(github.unexpected).toEqual([]);
      expect(github.requests).toHaveLength(5);
      expect(new Set(github.authorizations)).toEqual(
        new Set([`token ${TOKEN}`]),
      );
    });

    it('fails without sre.github', () => {
      expect(() =>
        GithubOrgAccessSource.fromConfig(new ConfigReader({ sre: {} })),
      ).toThrow('sre.github is not configured');
    });
  });
});

describe('GithubOrgAccessSource with a GitHub App (sre.github.app)', () => {
  const APP_ID = 123456;
  const INSTALLATION_ID = 7890123;
  const TOKEN_REQUEST = `POST ${API}/app/installations/${INSTALLATION_ID}/access_tokens`;
  // A key of the App as GitHub generates it (PKCS#1 PEM), made for this run.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  // What identifies the key in its PEM body, which must never be shown.
  const KEY_BODY = privateKey.split('\n')[5];

  const appConfig = (
    app: Record<string, unknown> = {},
    github: Record<string, unknown> = {},
  ) =>
    new ConfigReader({
      sre: {
        github: {
          app: {
            appId: APP_ID,
            privateKey,
            installationId: INSTALLATION_ID,
            ...app,
          },
          ...github,
        },
      },
    } as never);

  function appSourceFor(github: FakeGithub, config = appConfig()) {
    const logger = mockServices.logger.mock();
    const source = GithubOrgAccessSource.fromConfig(config, {
      logger,
      fetch: github.fetch,
    });
    return { source, logger };
  }

  /** The header and payload of a JWT, after checking its RS256 signature with the App's public key. */
  function verifiedJwt(jwt: string) {
    const [header, payload, signature] = jwt.split('.');
    const verifier = createVerify('RSA-SHA256');
    verifier.update(`${header}.${payload}`);
    expect(
      verifier.verify(publicKey, Buffer.from(signature, 'base64url')),
    ).toBe(true);
    const decode = (part: string) =>
      JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return { header: decode(header), payload: decode(payload) };
  }

  it('gets an installation access token with a JWT signed by the App, then reads with that token', async () => {
    const github = acme({
      [TOKEN_REQUEST]: { status: 201, body: installationToken },
    });
    const { source, logger } = appSourceFor(github);

    const { grants } = await source.listGrants('acme', {
      repositories: REPOSITORIES,
    });

    expect(grants).toEqual([...ORG_GRANTS, ...TEAM_AND_REPOSITORY_GRANTS]);
    expect(github.unexpected).toEqual([]);
    // First the token, through the fetch Octokit was given, then the same
    // requests as with sre.github.token.
    const withToken = acme();
    await sourceFor(withToken).source.listGrants('acme', {
      repositories: REPOSITORIES,
    });
    expect(github.requests).toEqual([TOKEN_REQUEST, ...withToken.requests]);
    expect(github.requests).toHaveLength(13);

    // The token request carries the App's JWT: RS256, issued by the App,
    // valid for at most the 10 minutes GitHub allows.
    const [bearer, ...rest] = github.authorizations;
    const jwt = /^bearer (\S+)$/.exec(bearer ?? '')?.[1];
    expect(jwt).toBeDefined();
    const { header, payload } = verifiedJwt(jwt!);
    expect(header).toMatchObject({ alg: 'RS256' });
    expect(payload.iss).toBe(APP_ID);
    expect(payload.exp - payload.iat).toBeLessThanOrEqual(600);
    expect(payload.iat).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(payload.exp).toBeGreaterThan(Math.floor(Date.now() / 1000));

    // Everything else carries the installation access token.
    expect(rest).toHaveLength(12);
    expect(new Set(rest)).toEqual(
      new Set([`token ${installationToken.token}`]),
    );

    // Neither the key nor the tokens are logged.
    expect(logged(logger)).not.toContain(KEY_BODY);
    expect(logged(logger)).not.toContain(installationToken.token);
    expect(logged(logger)).not.toContain(jwt);
  });

  it('keeps the installation access token for the next inventory rather than get one per inventory', async () => {
    const github = acme({
      [TOKEN_REQUEST]: { status: 201, body: installationToken },
    });
    const { source } = appSourceFor(github);

    await source.listGrants('acme', { repositories: [] });
    await source.listGrants('acme', { repositories: [] });

    expect(github.unexpected).toEqual([]);
    expect(github.requests.filter(r => r === TOKEN_REQUEST)).toHaveLength(1);
    // 10 requests each for acme, without repositories.
    expect(github.requests).toHaveLength(1 + 2 * 10);
  });

  it('takes the IDs as strings, as environment variables give them, and sends the token request to GitHub Enterprise Server', async () => {
    const ghes = 'https://github.example.com/api/v3';
    const github = new FakeGithub({
      [`POST ${ghes}/app/installations/${INSTALLATION_ID}/access_tokens`]: {
        status: 201,
        body: installationToken,
      },
      [`GET ${ghes}/orgs/acme/members?role=admin&per_page=100`]: ok(admins),
      [`GET ${ghes}/orgs/acme/members?role=member&per_page=100`]: ok([]),
      [`GET ${ghes}/orgs/acme/members?filter=2fa_disabled&per_page=100`]: ok(
        [],
      ),
      [`GET ${ghes}/orgs/acme/outside_collaborators?per_page=100`]: ok([]),
      [`GET ${ghes}/orgs/acme/teams?per_page=100`]: ok([]),
    });
    const { source } = appSourceFor(
      github,
      appConfig(
        // A one-line key, its line breaks written as \n, as in an environment variable.
        {
          appId: String(APP_ID),
          installationId: ` ${INSTALLATION_ID} `,
          privateKey: privateKey.trim().replace(/\n/g, '\\n'),
        },
        { baseUrl: ghes },
      ),
    );

    const { grants } = await source.listGrants('acme', { repositories: [] });

    expect(grants.map(g => `${g.principal} ${g.privilege}`)).toEqual([
      'jdoe admin',
      'asmith admin',
    ]);
    expect(github.unexpected).toEqual([]);
    expect(github.requests).toHaveLength(6);
    const jwt = github.authorizations[0]!.replace(/^bearer /, '');
    expect(verifiedJwt(jwt).payload.iss).toBe(APP_ID);
    expect(new Set(github.authorizations.slice(1))).toEqual(
      new Set([`token ${installationToken.token}`]),
    );
  });

  it('says that GitHub has no such installation, rather than no such organization', async () => {
    const github = acme({
      [TOKEN_REQUEST]: failing(404, {
        message: 'Not Found',
        documentation_url:
          'https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app',
        status: '404',
      }),
    });
    const { source } = appSourceFor(github);

    await expect(
      source.listGrants('acme', { repositories: [] }),
    ).rejects.toThrow(
      new Error(
        `GitHub App authentication (sre.github.app) failed: POST /app/installations/${INSTALLATION_ID}/access_tokens answered 404 Not Found - https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app (check sre.github.app.installationId: the App has no installation with this ID)`,
      ),
    );
    expect(github.requests).toEqual([TOKEN_REQUEST]);
  });

  it('says that GitHub refused the JWT, without the JWT or the key', async () => {
    const github = acme({
      [TOKEN_REQUEST]: failing(401, {
        message: 'A JSON web token could not be decoded',
        documentation_url: 'https://docs.github.com/rest',
        status: '401',
      }),
    });
    const { source, logger } = appSourceFor(github);

    const error: Error = await source
      .listGrants('acme', { repositories: [] })
      .then(
        () => new Error('listGrants resolved'),
        (e: Error) => e,
      );

    expect(error.message).toBe(
      `GitHub App authentication (sre.github.app) failed: POST /app/installations/${INSTALLATION_ID}/access_tokens answered 401 A JSON web token could not be decoded - https://docs.github.com/rest (check sre.github.app.appId, and that sre.github.app.privateKey is a current private key of that App)`,
    );
    const jwt = github.authorizations[0]!.replace(/^bearer /, '');
    const carried = JSON.stringify(error, Object.getOwnPropertyNames(error));
    expect(carried).not.toContain(jwt);
    expect(carried).not.toContain(KEY_BODY);
    expect(logged(logger)).not.toContain(jwt);
    expect(logged(logger)).not.toContain(KEY_BODY);
  });

  it("says that GitHub refused the App's installation access token, after auth-app's retries", async () => {
    const github = acme({
      [TOKEN_REQUEST]: { status: 201, body: installationToken },
      [`GET ${API}/orgs/acme/members?role=admin&per_page=100`]: failing(
        401,
        badCredentials,
      ),
    });
    const { source, logger } = appSourceFor(github);
    // auth-app retries a 401 for 5 seconds after getting a token, since a
    // new token may not have reached all of GitHub yet: on fake time here.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    try {
      const failure = source.listGrants('acme', { repositories: [] }).then(
        () => new Error('listGrants resolved'),
        (e: Error) => e,
      );
      await jest.advanceTimersByTimeAsync(10_000);
      const error = await failure;

      expect(error.message).toBe(
        "GitHub refused the GitHub App's installation access token (sre.github.app) on GET /orgs/acme/members?role=admin: 401 Bad credentials. Check that the App's installation still exists and is not suspended.",
      );
      expect(github.unexpected).toEqual([]);
      // Retried after 1, 2 and 3 seconds; the token was not asked for again.
      expect(github.requests).toEqual([
        TOKEN_REQUEST,
        ...Array(4).fill(
          `GET ${API}/orgs/acme/members?per_page=100&role=admin`,
        ),
      ]);
      expect(
        JSON.stringify(error, Object.getOwnPropertyNames(error)),
      ).not.toContain(installationToken.token);
      expect(logged(logger)).not.toContain(installationToken.token);
    } finally {
      jest.useRealTimers();
    }
  });

  it("says that the App's installation lacks a permission", async () => {
    const github = acme({
      [TOKEN_REQUEST]: { status: 201, body: installationToken },
      [`GET ${API}/orgs/acme/teams?per_page=100`]: failing(403, {
        message: 'Resource not accessible by integration',
        documentation_url:
          'https://docs.github.com/rest/teams/teams#list-teams',
        status: '403',
      }),
    });
    const { source } = appSourceFor(github);

    await expect(
      source.listGrants('acme', { repositories: [] }),
    ).rejects.toThrow(
      new Error(
        "GitHub GET /orgs/acme/teams failed: 403 Resource not accessible by integration - https://docs.github.com/rest/teams/teams#list-teams (the GitHub App's installation lacks a permission this needs)",
      ),
    );
  });

  it('lists the members without the two-factor audit when GitHub will not answer it to the App', async () => {
    const github = acme({
      [TOKEN_REQUEST]: { status: 201, body: installationToken },
      [TWO_FACTOR]: failing(403, onlyOwners),
    });
    const { source, logger } = appSourceFor(github);

    const { grants } = await source.listGrants('acme', {
      repositories: REPOSITORIES,
    });

    expect(grants).toEqual(
      withoutTwoFactorFlags([...ORG_GRANTS, ...TEAM_AND_REPOSITORY_GRANTS]),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      "GitHub GET /orgs/acme/members?filter=2fa_disabled answered 403: the members of 'acme' are listed without the two-factor audit; GitHub did not answer it to the GitHub App's installation",
    );
  });

  it("names the App's installation when an organization is not found", async () => {
    const github = new FakeGithub({
      [TOKEN_REQUEST]: { status: 201, body: installationToken },
      [`GET ${API}/orgs/other-org/members?role=admin&per_page=100`]: failing(
        404,
        orgNotFound,
      ),
    });
    const { source } = appSourceFor(github);

    await expect(
      source.listGrants('other-org', { repositories: [] }),
    ).rejects.toThrow(
      new Error(
        "GitHub organization 'other-org' was not found, or the GitHub App's installation cannot see it (an installation reads only the organization it is installed on) (404 on GET /orgs/other-org/members?role=admin)",
      ),
    );
  });
});
