import {
  fetchFailureReason,
  isJsonObject,
  type JsonObject,
} from '@baton/plugin-sre-node';

const DEFAULT_TIMEOUT_MS = 30_000;
/** Tries of one request that HCP Terraform answers 429 (rate limited). */
const DEFAULT_MAX_TRIES = 3;
/** The longest wait for a rate limit to reset before a try; longer resets fail the request. */
const MAX_RATE_LIMIT_WAIT_MS = 60_000;

/** A JSON:API resource object: `{ id, type, attributes, relationships }`. @public */
export interface JsonApiResource {
  /** `run-…`, `ws-…`, `user-…`. */
  id: string;
  /** `runs`, `plans`, `applies`, `users`, `workspaces`. */
  type: string;
  /** The resource's attributes; empty when it has none. */
  attributes: JsonObject;
  /** Its relationships (`{ data: { id, type } }` each); empty when it has none. */
  relationships: JsonObject;
}

/** A JSON:API document of HCP Terraform's: its primary data and what `include` added. @public */
export interface JsonApiDocument {
  /** One resource, or a list's page of them. */
  data: JsonApiResource | JsonApiResource[];
  /** The related resources `include` asked for; none without it. */
  included: JsonApiResource[];
  /** `meta.pagination.next-page` of a list, when there is one. */
  nextPage?: number;
}

/** Where the HCP Terraform or Terraform Enterprise API is, and the token that reads it. @public */
export interface TerraformApiConfig {
  /** `https://app.terraform.io`, or a Terraform Enterprise host's origin. */
  baseUrl: string;
  /** A user or team API token that can read the workspaces' runs. */
  token: string;
}

/**
 * Reads the HCP Terraform / Terraform Enterprise API (`/api/v2`, JSON:API)
 * with a bearer token. HashiCorp's official client is Go (go-tfe); there is
 * none for JavaScript, so this uses `fetch`. Rate-limited answers (429) are
 * tried again after `X-RateLimit-Reset`; every error names what was read and
 * never holds the token.
 * @public
 */
export class TerraformApiClient {
  /** The API's origin, without a trailing slash; also the app's, for links to runs. */
  readonly baseUrl: string;
  readonly #token: string;
  readonly #timeoutMs: number;
  readonly #maxTries: number;
  readonly #sleep: (ms: number) => Promise<void>;

  constructor(
    config: TerraformApiConfig,
    options: {
      timeoutMs?: number;
      maxTries?: number;
      /** Waits before a rate-limited request is tried again; tests pass their own. */
      sleep?: (ms: number) => Promise<void>;
    } = {},
  ) {
    this.baseUrl = config.baseUrl.replace(/\/+$/, '');
    this.#token = config.token;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#maxTries = options.maxTries ?? DEFAULT_MAX_TRIES;
    this.#sleep =
      options.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms)));
  }

  /** `GET /api/v2<path>?<query>` as a JSON:API document; `what` says what is read (`run run-…`). */
  async get(
    path: string,
    options: { what: string; query?: Record<string, string> },
  ): Promise<JsonApiDocument> {
    const url = new URL(`${this.baseUrl}/api/v2${path}`);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      url.searchParams.set(key, value);
    }
    for (let attempt = 1; ; attempt++) {
      const response = await this.#fetch(url, options.what);
      const body = await response.text();
      if (response.status === 429 && attempt < this.#maxTries) {
        const waitMs = rateLimitWaitMs(response.headers);
        if (waitMs <= MAX_RATE_LIMIT_WAIT_MS) {
          await this.#sleep(waitMs);
          continue;
        }
      }
      if (!response.ok) {
        const message = errorMessage(body);
        throw this.error(
          options.what,
          `HCP Terraform answered ${response.status}${
            message ? `: ${message}` : ''
          }${response.status === 429 ? ' (rate limited; tried again)' : ''}`,
        );
      }
      return this.#document(body, options.what);
    }
  }

  async #fetch(url: URL, what: string): Promise<Response> {
    try {
      return await fetch(url, {
        headers: {
          Authorization: `Bearer ${this.#token}`,
          Accept: 'application/vnd.api+json',
        },
        signal: AbortSignal.timeout(this.#timeoutMs),
        // A redirect elsewhere would take the token along.
        redirect: 'error',
      });
    } catch (error) {
      const reason = fetchFailureReason(error, this.#timeoutMs);
      throw this.error(what, `${url.origin} is unreachable (${reason})`);
    }
  }

  #document(body: string, what: string): JsonApiDocument {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw this.error(what, 'the answer is not JSON');
    }
    if (!isJsonObject(parsed)) {
      throw this.error(what, 'the answer is not a JSON:API document');
    }
    const resource = (value: unknown, field: string): JsonApiResource => {
      if (
        !isJsonObject(value) ||
        typeof value.id !== 'string' ||
        typeof value.type !== 'string'
      ) {
        throw this.error(what, `${field} is not a JSON:API resource`);
      }
      return {
        id: value.id,
        type: value.type,
        attributes: isJsonObject(value.attributes) ? value.attributes : {},
        relationships: isJsonObject(value.relationships)
          ? value.relationships
          : {},
      };
    };
    const data = Array.isArray(parsed.data)
      ? parsed.data.map((item, index) => resource(item, `data[${index}]`))
      : resource(parsed.data, 'data');
    const included = Array.isArray(parsed.included)
      ? parsed.included.map((item, index) =>
          resource(item, `included[${index}]`),
        )
      : [];
    const pagination = isJsonObject(parsed.meta)
      ? parsed.meta.pagination
      : undefined;
    const nextPage = isJsonObject(pagination)
      ? pagination['next-page']
      : undefined;
    return {
      data,
      included,
      ...(typeof nextPage === 'number' ? { nextPage } : {}),
    };
  }

  /** `Cannot read <what> from HCP Terraform (<origin>): <reason>`, without the token. */
  error(what: string, reason: string): Error {
    const message = `Cannot read ${what} from HCP Terraform (${
      new URL(this.baseUrl).origin
    }): ${reason}`;
    return new Error(
      this.#token ? message.split(this.#token).join('***') : message,
    );
  }
}

/**
 * How long until the rate limit resets: `X-RateLimit-Reset` (seconds, as
 * HCP Terraform sends it), else `Retry-After`, else one second.
 */
function rateLimitWaitMs(headers: Headers): number {
  for (const name of ['x-ratelimit-reset', 'retry-after']) {
    const seconds = Number(headers.get(name));
    if (headers.has(name) && Number.isFinite(seconds) && seconds >= 0) {
      return Math.ceil(seconds * 1000);
    }
  }
  return 1000;
}

/** The first JSON:API error's title and detail (`{ "errors": [{ "status", "title", "detail" }] }`). */
function errorMessage(body: string): string | undefined {
  try {
    const errors = (JSON.parse(body) as { errors?: unknown } | null)?.errors;
    const first = Array.isArray(errors) ? errors[0] : undefined;
    if (!isJsonObject(first)) return undefined;
    const parts = [first.title, first.detail].filter(
      (part): part is string => typeof part === 'string' && part.length > 0,
    );
    return parts.length ? parts.join(': ').slice(0, 300) : undefined;
  } catch {
    return undefined;
  }
}
