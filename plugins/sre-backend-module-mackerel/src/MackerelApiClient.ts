import { fetchFailureReason } from '@baton/plugin-sre-node';
import type { MackerelInstance } from './MackerelConfig';

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Reads Mackerel's REST API for one organization with its `X-Api-Key`.
 * Mackerel has no official JavaScript client, so this uses `fetch`. Every
 * error names the instance and what was being read, and never holds the key.
 */
export class MackerelApiClient {
  readonly instance: MackerelInstance;
  readonly #timeoutMs: number;

  constructor(
    instance: MackerelInstance,
    options: { timeoutMs?: number } = {},
  ) {
    this.instance = instance;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /**
   * `GET <baseUrl><path>?<query>` parsed as JSON. `what` says what is read,
   * e.g. `the alerts`; with `allowNotFound`, a 404 answers undefined.
   */
  async get(
    path: string,
    options: {
      what: string;
      query?: Record<string, string>;
      allowNotFound?: boolean;
    },
  ): Promise<unknown> {
    const { what, query, allowNotFound } = options;
    const url = new URL(path, this.instance.baseUrl);
    if (query) url.search = new URLSearchParams(query).toString();

    let response: Response;
    try {
      response = await fetch(url, {
        headers: {
          'X-Api-Key': this.instance.apiKey,
          Accept: 'application/json',
        },
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      const reason = fetchFailureReason(error, this.#timeoutMs);
      throw this.error(what, `${url.origin} is unreachable (${reason})`);
    }

    const body = await response.text();
    if (response.status === 404 && allowNotFound) return undefined;
    if (!response.ok) {
      const message = errorMessage(body) ?? response.statusText;
      throw this.error(
        what,
        `Mackerel answered ${response.status}${message ? `: ${message}` : ''}`,
      );
    }
    try {
      return JSON.parse(body);
    } catch {
      throw this.error(what, 'the answer is not JSON');
    }
  }

  /** `Cannot read <what> from Mackerel instance '<name>': <reason>`, without the API key. */
  error(what: string, reason: string): Error {
    return new Error(
      redact(
        `Cannot read ${what} from Mackerel instance '${this.instance.name}': ${reason}`,
        this.instance.apiKey,
      ),
    );
  }
}

/**
 * Mackerel's error message. Its official Go client reads both
 * `{"error":{"message":"…"}}` and `{"error":"…"}` (mackerel-client-go error.go).
 */
function errorMessage(body: string): string | undefined {
  try {
    const error = (JSON.parse(body) as { error?: unknown } | null)?.error;
    if (typeof error === 'string') return error;
    const message = (error as { message?: unknown } | null)?.message;
    return typeof message === 'string' ? message : undefined;
  } catch {
    return undefined;
  }
}

/** A last guard: no message leaves with the API key in it, whatever a server echoed. */
function redact(text: string, apiKey: string): string {
  return apiKey ? text.split(apiKey).join('***') : text;
}
