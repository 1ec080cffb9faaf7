import http from 'http';
import type { AddressInfo } from 'net';

/** One request the fake API received. */
export interface RecordedApiRequest {
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
}

/** An answer of the fake API: a status, a JSON body, headers. */
export interface FakeAnswer {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * A local HTTP server that answers like HCP Terraform's `/api/v2` from
 * recorded documents: `answers` maps a path (without `/api/v2`) to an answer
 * or to a function of the query; anything else is the API's 404.
 */
export async function startFakeTerraformApi(
  answers: Record<
    string,
    FakeAnswer | ((query: Record<string, string>) => FakeAnswer)
  >,
): Promise<{
  baseUrl: string;
  requests: RecordedApiRequest[];
  answers: typeof answers;
  close(): Promise<void>;
}> {
  const requests: RecordedApiRequest[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/^\/api\/v2/, '');
    const query = Object.fromEntries(url.searchParams);
    requests.push({ path, query, authorization: req.headers.authorization });
    const found = answers[path];
    let answer: FakeAnswer = {
      status: 404,
      body: { errors: [{ status: '404', title: 'not found' }] },
    };
    if (typeof found === 'function') answer = found(query);
    else if (found) answer = found;
    res.writeHead(answer.status ?? 200, {
      'Content-Type': 'application/vnd.api+json',
      ...answer.headers,
    });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    answers,
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close(error => (error ? reject(error) : resolve())),
      ),
  };
}
