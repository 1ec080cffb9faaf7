/** What this module reads of an Octokit `RequestError`, without importing it. */
interface GithubFailure {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
  request?: { method?: string; url?: string };
}

/** How the Octokit of a source authenticates, for the words of its errors. */
export type GithubCredential = 'token' | 'app';

const failure = (error: unknown): GithubFailure =>
  typeof error === 'object' && error !== null ? (error as GithubFailure) : {};

/** The HTTP status GitHub answered, when the error is an answer at all. */
export function statusOf(error: unknown): number | undefined {
  const status = failure(error).status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * GitHub answers an exhausted rate limit with 403 (or 429) too: that is no
 * statement about permissions, and must not be read as one.
 */
export function isRateLimited(error: unknown): boolean {
  const headers = failure(error).response?.headers ?? {};
  return (
    statusOf(error) === 429 ||
    String(headers['x-ratelimit-remaining']) === '0' ||
    /rate limit/i.test(failure(error).message ?? '')
  );
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error ?? 'unknown error');

/**
 * A failed request as an Error that names it and GitHub's answer and carries
 * nothing else: Octokit's error holds the request, headers included.
 */
export function requestFailed(
  request: string,
  error: unknown,
  hint?: string,
  credential: GithubCredential = 'token',
): Error {
  const status = statusOf(error);
  if (status === 401) {
    // GitHub's message adds nothing to 401, and nothing here may echo the token.
    return new Error(
      credential === 'app'
        ? `GitHub refused the GitHub App's installation access token (sre.github.app) on ${request}: 401 Bad credentials. Check that the App's installation still exists and is not suspended.`
        : `GitHub refused the token (sre.github.token) on ${request}: 401 Bad credentials. Check that the token is valid and not expired.`,
    );
  }
  const message = messageOf(error);
  const hints = [
    credential === 'app' &&
    status === 403 &&
    /not accessible by integration/i.test(message)
      ? "the GitHub App's installation lacks a permission this needs"
      : undefined,
    hint,
  ].filter(Boolean);
  return new Error(
    `GitHub ${request} failed: ${
      status === undefined ? '' : `${status} `
    }${message}${hints.length > 0 ? ` (${hints.join('; ')})` : ''}`,
  );
}

/** Where @octokit/auth-app gets an installation access token with the App's JWT. */
const TOKEN_REQUEST =
  /\/app\/installations\/([^/?#]+)\/access_tokens(?:[?#]|$)/;

/**
 * The failure of the installation access token request that
 * `@octokit/auth-app` sent before the request that was meant, as an Error
 * that says so; undefined for any other failure. Without this, a 404 for the
 * installation would read as an unknown organization, and a refused JWT as a
 * refused token. The JWT and the private key are in no message.
 */
export function appAuthenticationFailed(error: unknown): Error | undefined {
  const url = failure(error).request?.url;
  const match = typeof url === 'string' ? TOKEN_REQUEST.exec(url) : null;
  if (!match) {
    return undefined;
  }
  const request = `POST /app/installations/${match[1]}/access_tokens`;
  const status = statusOf(error);
  let hint: string | undefined;
  if (status === 401) {
    hint =
      'check sre.github.app.appId, and that sre.github.app.privateKey is a current private key of that App';
  } else if (status === 404) {
    hint =
      'check sre.github.app.installationId: the App has no installation with this ID';
  }
  return new Error(
    `GitHub App authentication (sre.github.app) failed: ${request} answered ${
      status === undefined ? '' : `${status} `
    }${messageOf(error)}${hint ? ` (${hint})` : ''}`,
  );
}

/**
 * A failed request as the Error to throw. A failure to get the App's
 * installation access token is said as such first, whatever its status:
 * it says nothing about the request that was meant.
 */
export function githubRequestFailed(
  request: string,
  error: unknown,
  credential: GithubCredential,
  hint?: string,
): Error {
  return (
    appAuthenticationFailed(error) ??
    requestFailed(request, error, hint, credential)
  );
}
