import type { Config } from '@backstage/config';
import { createPrivateKey } from 'node:crypto';

/** github.com's API; GitHub Enterprise Server answers at `https://<host>/api/v3`. */
export const DEFAULT_BASE_URL = 'https://api.github.com';

/** `sre.github.app`: a GitHub App, authenticated as one of its installations. */
export interface GithubAppConfig {
  /** The App's ID, the `iss` of the JWTs signed with `privateKey`. */
  appId: number;
  /** The App's private key, PEM; signs the JWTs and is never logged. */
  privateKey: string;
  /** The installation on the organizations whose access tokens are used. */
  installationId: number;
}

/** `sre.github`, with its defaults applied: exactly one of `token` and `app`. */
export type GithubConfig = {
  /** The API's root, without a trailing slash. */
  baseUrl: string;
} & (
  | {
      /** Sent as `Authorization: token …`; never logged. */
      token: string;
      app?: undefined;
    }
  | {
      token?: undefined;
      app: GithubAppConfig;
    }
);

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

function readToken(github: Config): string {
  const token = github.getString('token');
  if (token.trim() === '') {
    throw new Error('sre.github.token must not be empty');
  }
  return token.trim();
}

/**
 * A positive integer ID, as a number or as the string that an environment
 * variable substitutes (`appId: ${GITHUB_APP_ID}`). IDs are no secret: a bad
 * one is shown.
 */
function readId(app: Config, key: 'appId' | 'installationId'): number {
  const value = app.getOptional(key);
  const example = key === 'appId' ? 123456 : 7890123;
  if (value === undefined) {
    throw new Error(
      `sre.github.app.${key} is required: the GitHub App's ${
        key === 'appId' ? 'App ID' : 'installation ID'
      }, such as ${example}`,
    );
  }
  const id =
    typeof value === 'string' && /^\s*\d+\s*$/.test(value)
      ? Number(value)
      : value;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) {
    throw new Error(
      `sre.github.app.${key} must be a positive integer such as ${example}; got ${JSON.stringify(
        value,
      )}`,
    );
  }
  return id;
}

/**
 * The App's private key as GitHub hands it out (PEM, `-----BEGIN RSA PRIVATE
 * KEY-----`). Checked here so that a bad key stops the start-up rather than
 * the first inventory; no message ever shows any of it.
 */
function readPrivateKey(app: Config): string {
  const value = app.getOptionalString('privateKey');
  if (value === undefined || value.trim() === '') {
    throw new Error(
      "sre.github.app.privateKey is required: the GitHub App's private key, PEM",
    );
  }
  // A key put in one line of an environment variable keeps its line breaks as `\n`.
  const privateKey = value.trim().replace(/\\n/g, '\n');
  let keyType: string | undefined;
  try {
    keyType = createPrivateKey(privateKey).asymmetricKeyType;
  } catch {
    // The parser's message is dropped: nothing of the key may be shown.
    keyType = undefined;
  }
  if (keyType !== 'rsa') {
    throw new Error(
      "sre.github.app.privateKey must be the GitHub App's RSA private key, PEM (-----BEGIN RSA PRIVATE KEY----- …), as GitHub generates it",
    );
  }
  return privateKey;
}

function readApp(github: Config): GithubAppConfig {
  const app = github.getConfig('app');
  return {
    appId: readId(app, 'appId'),
    privateKey: readPrivateKey(app),
    installationId: readId(app, 'installationId'),
  };
}

/**
 * Reads `sre.github`; undefined when it is absent. Fails at start-up, naming
 * the setting, on a missing or bad value; never with the token or the
 * private key in the message.
 */
export function readGithubConfig(config: Config): GithubConfig | undefined {
  if (!config.has('sre.github')) {
    return undefined;
  }
  const github = config.getConfig('sre.github');
  const hasToken = github.has('token');
  const hasApp = github.has('app');
  if (hasToken && hasApp) {
    // Either could be the one meant: neither is picked silently.
    throw new Error(
      'sre.github.token and sre.github.app are both set; set exactly one of them',
    );
  }
  if (!hasToken && !hasApp) {
    throw new Error(
      'sre.github.token or sre.github.app is required: a token that can read the organizations (read:org), or a GitHub App installed on them',
    );
  }
  const auth = hasApp ? { app: readApp(github) } : { token: readToken(github) };
  return { ...auth, baseUrl: readBaseUrl(github.getOptionalString('baseUrl')) };
}
