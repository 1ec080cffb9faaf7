import type { JsonApiResource, TerraformApiClient } from './TerraformApiClient';
import { relatedId, type TerraformRunRecord } from './terraformRunChange';

/** What a run is read with: its plan's counts, its apply's times, its creator. */
export const RUN_INCLUDE = 'plan,apply,created_by';

/**
 * Reads runs with what a change needs. The confirmer (`confirmed-by`) is not
 * among the run API's documented includes, so that user is read from
 * `GET /users/:id` — once per reader, as one pull meets the same people again.
 */
export class TerraformRunReader {
  readonly #client: TerraformApiClient;
  readonly #usernames = new Map<string, string>();

  constructor(client: TerraformApiClient) {
    this.#client = client;
  }

  /** `GET /runs/:id?include=…`, with its confirmer's username. */
  async run(runId: string): Promise<TerraformRunRecord> {
    const document = await this.#client.get(
      `/runs/${encodeURIComponent(runId)}`,
      { what: `run ${runId}`, query: { include: RUN_INCLUDE } },
    );
    if (Array.isArray(document.data) || document.data.type !== 'runs') {
      throw this.#client.error(`run ${runId}`, 'the answer is not a run');
    }
    return this.record(document.data, document.included);
  }

  /** A run listed or read, with the usernames of users its `included` lacks. */
  async record(
    run: JsonApiResource,
    included: JsonApiResource[],
  ): Promise<TerraformRunRecord> {
    const known = (id: string) =>
      included.some(
        resource => resource.type === 'users' && resource.id === id,
      );
    for (const id of [relatedId(run, 'confirmed-by')]) {
      if (id === undefined || known(id) || this.#usernames.has(id)) continue;
      const user = await this.#client.get(`/users/${encodeURIComponent(id)}`, {
        what: `user ${id}`,
      });
      const username = Array.isArray(user.data)
        ? undefined
        : user.data.attributes.username;
      if (typeof username === 'string' && username) {
        this.#usernames.set(id, username);
      }
    }
    return { run, included, usernames: this.#usernames };
  }
}
