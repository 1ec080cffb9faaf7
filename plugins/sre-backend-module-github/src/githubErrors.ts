/** What this module reads of an Octokit `RequestError`, without importing it. */
interface GithubFailure {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

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

/**
 * A failed request as an Error that names it and GitHub's answer and carries
 * nothing else: Octokit's error holds the request, headers included.
 */
export function requestFailed(
  request: string,
  error: unknown,
  hint?: string,
): Error {
  const status = statusOf(error);
  if (status === 401) {
    // GitHub's message adds nothing to 401, and nothing here may echo the token.
    return new Error(
      `GitHub refused the token (sre.github.token) on ${request}: 401 Bad credentials. Check that the token is valid and not expired.`,
    );
  }
  const message =
    error instanceof Error ? error.message : String(error ?? 'unknown error');
  return new Error(
    `GitHub ${request} failed: ${
      status === undefined ? '' : `${status} `
    }${message}${hint ? ` (${hint})` : ''}`,
  );
}
