import { Octokit } from '@octokit/rest';

/** One recorded answer of the GitHub REST API. */
export interface FakeAnswer {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** `GET https://…?a=1&b=2` with the query sorted: Octokit's parameter order is not GitHub's concern. */
function requestKey(method: string, url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.sort();
  return `${method.toUpperCase()} ${parsed.toString()}`;
}

/**
 * A GitHub that answers recorded payloads by method and URL, query string
 * included, through the `fetch` Octokit is given. A request it has no answer
 * for gets a 501 and is kept in `unexpected`, so that no test passes on a
 * request it did not mean to send.
 */
export class FakeGithub {
  /** Every request, as `METHOD url` with the query sorted, in order. */
  readonly requests: string[] = [];
  /** The requests that had no recorded answer. */
  readonly unexpected: string[] = [];
  /** The Authorization header of every request. */
  readonly authorizations: Array<string | null> = [];
  readonly #answers = new Map<string, FakeAnswer>();

  constructor(answers: Record<string, FakeAnswer>) {
    for (const [request, answer] of Object.entries(answers)) {
      const [method, url] = request.split(' ');
      this.#answers.set(requestKey(method, url), answer);
    }
  }

  readonly fetch = async (
    input: string | URL | Request,
    init?: RequestInit,
  ): Promise<Response> => {
    const key = requestKey(init?.method ?? 'GET', String(input));
    this.requests.push(key);
    this.authorizations.push(
      new Headers(init?.headers as HeadersInit).get('authorization'),
    );
    const answer = this.#answers.get(key);
    if (!answer) {
      this.unexpected.push(key);
    }
    const {
      status = 200,
      body,
      headers = {},
    } = answer ?? {
      status: 501,
      body: { message: `FakeGithub has no answer for ${key}` },
    };
    return new Response(JSON.stringify(body), {
      status,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'x-github-api-version-selected': '2022-11-28',
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '4987',
        'x-ratelimit-resource': 'core',
        ...headers,
      },
    });
  };

  /** An Octokit that sends to this fake with `token`. */
  octokit(token: string): Octokit {
    return new Octokit({ auth: token, request: { fetch: this.fetch } });
  }
}
