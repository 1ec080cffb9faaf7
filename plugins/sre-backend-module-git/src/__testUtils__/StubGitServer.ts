import http from 'http';
import type { AddressInfo } from 'net';

/**
 * A local HTTP server that git can be pointed at: it answers every request
 * with one status (401 asks for Basic credentials), or never answers.
 */
export class StubGitServer {
  /** The path and query of each request, in order. */
  readonly requests: string[] = [];
  readonly #server: http.Server;

  private constructor(behaviour: { status: number } | 'hang') {
    this.#server = http.createServer((req, res) => {
      this.requests.push(req.url ?? '');
      if (behaviour === 'hang') return;
      res.statusCode = behaviour.status;
      if (behaviour.status === 401) {
        res.setHeader('WWW-Authenticate', 'Basic realm="git"');
      }
      res.end();
    });
  }

  static async start(
    behaviour: { status: number } | 'hang',
  ): Promise<StubGitServer> {
    const server = new StubGitServer(behaviour);
    await new Promise<void>(resolve =>
      server.#server.listen(0, '127.0.0.1', resolve),
    );
    return server;
  }

  /** `127.0.0.1:<port>`, as an integration's host. */
  get host(): string {
    return `127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise(resolve => this.#server.close(resolve));
  }
}
