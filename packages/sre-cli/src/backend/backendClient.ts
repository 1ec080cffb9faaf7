import { Option } from 'commander';

/** A failure a command prints as `<command>: <message>` before it exits 1. */
export class CommandError extends Error {}

/** `{backend}{apiPath}`, whatever trailing slashes `backend` has; `apiPath` starts with `/api/`. */
export function backendUrl(backend: string | undefined, apiPath: string): URL {
  if (!backend) {
    throw new CommandError('--backend <url> or BATON_BACKEND_URL is required');
  }
  let url: URL;
  try {
    url = new URL(`${backend.replace(/\/+$/, '')}${apiPath}`);
  } catch {
    throw new CommandError(
      `--backend must be a URL such as https://backstage.example.com, not '${backend}'`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CommandError(
      `--backend must be an http or https URL, not '${backend}'`,
    );
  }
  return url;
}

/** `{ authorization: 'Bearer …' }` for a token from --token or BATON_TOKEN, `{}` without one. */
export function authorizationHeader(
  token: string | undefined,
): Record<string, string> {
  const trimmed = token?.trim();
  if (!trimmed) {
    return {};
  }
  // Checked here so that fetch's own message, which quotes the value, never prints it.
  if (!/^[\x21-\x7e]+$/.test(trimmed)) {
    throw new CommandError(
      'the token (--token or BATON_TOKEN) has characters an HTTP header cannot carry',
    );
  }
  return { authorization: `Bearer ${trimmed}` };
}

/** The innermost reason of a failed fetch: `connect ECONNREFUSED 127.0.0.1:7007`, … */
export function reasonOf(error: unknown): string {
  let reason: unknown = error;
  while (reason instanceof Error && reason.cause instanceof Error) {
    reason = reason.cause;
  }
  // Happy eyeballs: one error per address tried.
  if (reason instanceof AggregateError && reason.errors.length) {
    reason = reason.errors[0];
  }
  if (reason instanceof Error) {
    const code = (reason as NodeJS.ErrnoException).code;
    return reason.message || code || reason.name;
  }
  return String(reason);
}

/**
 * The message of a non-2xx answer: Backstage's `{ error: { message } }`, else
 * the status; a 401 to a request without a token says how to pass one.
 */
async function errorMessage(
  response: Response,
  sentToken: boolean,
): Promise<string> {
  const text = await response.text().catch(() => '');
  let message =
    `the backend answered ${response.status} ${response.statusText}`.trim();
  try {
    const fromBody = JSON.parse(text)?.error?.message;
    if (typeof fromBody === 'string' && fromBody) {
      message = fromBody;
    }
  } catch {
    // not JSON: a proxy's page, …
  }
  if (response.status === 401 && !sentToken) {
    message += ' (pass --token or set BATON_TOKEN)';
  }
  return message;
}

/** The JSON of a 2xx answer; a CommandError with the backend's message otherwise. */
export async function readAnswer<T>(
  response: Response,
  sentToken: boolean,
): Promise<T> {
  if (!response.ok) {
    throw new CommandError(await errorMessage(response, sentToken));
  }
  try {
    return (await response.json()) as T;
  } catch {
    const url = new URL(response.url);
    throw new CommandError(
      `the backend at ${url.origin}${url.pathname} answered ${response.status} without JSON; is --backend the Backstage backend?`,
    );
  }
}

/** POSTs a JSON body to the sre backend and returns its JSON answer; every failure is a CommandError. */
export async function postJson<T>(
  url: URL,
  token: string | undefined,
  body: unknown,
): Promise<T> {
  const endpoint = `${url.origin}${url.pathname}`;
  const authorization = authorizationHeader(token);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...authorization,
      },
      body: JSON.stringify(body),
      // A 301/302 would turn the POST into a GET: ask for the final URL instead.
      redirect: 'error',
    });
  } catch (error) {
    const reason = reasonOf(error);
    if (/redirect/i.test(reason)) {
      throw new CommandError(
        `${endpoint} answered with a redirect: pass the backend's final URL as --backend (https:// rather than http://?)`,
      );
    }
    throw new CommandError(`cannot reach ${endpoint}: ${reason}`);
  }
  return readAnswer<T>(response, Boolean(authorization.authorization));
}

/** Prints `<command>: <reason>` to stderr and sets exit code 1: a CommandError's message, else the innermost reason. */
export function reportCommandFailure(command: string, error: unknown): void {
  process.stderr.write(
    `${command}: ${
      error instanceof CommandError ? error.message : reasonOf(error)
    }\n`,
  );
  process.exitCode = 1;
}

/** `--backend <url>`, from BATON_BACKEND_URL when not given. */
export function backendOption(): Option {
  return new Option(
    '--backend <url>',
    'the Backstage backend, e.g. https://backstage.example.com',
  ).env('BATON_BACKEND_URL');
}

/** `--token <token>`, from BATON_TOKEN when not given; never printed. */
export function tokenOption(): Option {
  return new Option(
    '--token <token>',
    'a Backstage static external-access token, sent as a bearer token',
  ).env('BATON_TOKEN');
}
