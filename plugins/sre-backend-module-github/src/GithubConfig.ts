import type { Config } from '@backstage/config';

/** github.com's API; GitHub Enterprise Server answers at `https://<host>/api/v3`. */
export const DEFAULT_BASE_URL = 'https://api.github.com';

/** `sre.github`, with its defaults applied. */
export interface GithubConfig {
  /** Sent as `Authorization: token …`; never logged. */
  token: string;
  /** The API's root, without a trailing slash. */
  baseUrl: string;
}

function readBaseUrl(value: string | undefined): string {
  if (value === undefined) {
    return DEFAULT_BASE_URL;
  }
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new Error(
      `sre.github.baseUrl must be an http(s) URL such as https://github.example.com/api/v3; got '${value}'`,
    );
  }
  return value.replace(/\/+$/, '');
}

/**
 * Reads `sre.github`; undefined when it is absent. Fails at start-up, naming
 * the setting, on a missing or bad value; never with the token in the message.
 */
export function readGithubConfig(config: Config): GithubConfig | undefined {
  if (!config.has('sre.github')) {
    return undefined;
  }
  const github = config.getConfig('sre.github');
  // Said out loud rather than ignored: a configured App would otherwise look
  // as if it were used while nothing authenticates.
  if (github.has('app')) {
    throw new Error(
      'sre.github.app is not supported: GitHub App authentication is not available in this module yet; set sre.github.token instead',
    );
  }
  const token = github.getOptionalString('token');
  if (token === undefined) {
    throw new Error(
      'sre.github.token is required: a token that can read the organizations (read:org)',
    );
  }
  if (token.trim() === '') {
    throw new Error('sre.github.token must not be empty');
  }
  return {
    token: token.trim(),
    baseUrl: readBaseUrl(github.getOptionalString('baseUrl')),
  };
}
