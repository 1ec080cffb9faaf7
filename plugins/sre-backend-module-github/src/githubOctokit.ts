import type { LoggerService } from '@backstage/backend-plugin-api';
import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/rest';
import type { GithubConfig } from './GithubConfig';

/**
 * The Octokit every source of this module reads GitHub with: `sre.github`'s
 * token, or its App's installation, against its base URL.
 */
export function createGithubOctokit(
  github: GithubConfig,
  options: {
    logger?: LoggerService;
    /** The fetch Octokit sends with; the global one unless set (tests). */
    fetch?: typeof fetch;
  } = {},
): Octokit {
  const { logger } = options;
  return new Octokit({
    ...(github.app
      ? {
          // Every request carries an installation access token that
          // auth-app gets with a JWT signed by the App's key (POST
          // /app/installations/{id}/access_tokens, through this Octokit's
          // own request, so to baseUrl and with its fetch), caches, and
          // gets again before it expires.
          authStrategy: createAppAuth,
          auth: {
            appId: github.app.appId,
            privateKey: github.app.privateKey,
            installationId: github.app.installationId,
          },
        }
      : { auth: github.token }),
    baseUrl: github.baseUrl,
    userAgent: 'baton-sre-backend-module-github',
    // Octokit logs each request at info and Backstage's logger would show
    // them all: they are debug here.
    log: {
      debug: () => {},
      info: message => logger?.debug(message),
      warn: message => logger?.warn(message),
      error: message => logger?.error(message),
    },
    ...(options.fetch && { request: { fetch: options.fetch } }),
  });
}
