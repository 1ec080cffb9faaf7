import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  type ChangeInput,
  type TerraformWorkspaceRef,
} from '@baton/plugin-sre-common';
import type { ChangeSource } from '@baton/plugin-sre-node';
import type { JsonApiResource, TerraformApiClient } from './TerraformApiClient';
import type { TerraformWorkspaceDirectory } from './TerraformWorkspaceDirectory';
import { relatedId, terraformRunChange } from './terraformRunChange';
import { RUN_INCLUDE, TerraformRunReader } from './TerraformRunReader';

/** Runs per page: the API's largest. */
const PAGE_SIZE = 100;
/** How long before `since` a run may have been created and still applied since (one awaiting confirmation). */
const DEFAULT_LOOKBACK_HOURS = 24;
/** Pages of one workspace's runs read per pull. */
const DEFAULT_MAX_PAGES = 20;

/**
 * Pulls the runs of every workspace named in `baton.dev/terraform-workspaces`
 * (`GET /workspaces/:id/runs`, newest first, paged) so that applies whose
 * notification was missed are stored too; a run is the same change (its id)
 * whether the webhook or the pull brought it. A workspace that cannot be
 * read fails the pull, which then keeps its position and tries again.
 * @public
 */
export class TerraformChangeSource implements ChangeSource {
  readonly id = 'terraform';
  readonly #client: TerraformApiClient;
  readonly #workspaces: TerraformWorkspaceDirectory;
  readonly #logger: LoggerService;
  readonly #lookbackMs: number;
  readonly #maxPages: number;

  constructor(options: {
    client: TerraformApiClient;
    workspaces: TerraformWorkspaceDirectory;
    logger: LoggerService;
    lookbackHours?: number;
    maxPages?: number;
  }) {
    this.#client = options.client;
    this.#workspaces = options.workspaces;
    this.#logger = options.logger;
    this.#lookbackMs =
      (options.lookbackHours ?? DEFAULT_LOOKBACK_HOURS) * 3_600_000;
    this.#maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  }

  async *pull(options: { since: Date; now: Date }): AsyncIterable<ChangeInput> {
    const map = await this.#workspaces.read();
    const reader = new TerraformRunReader(this.#client);
    const createdAfter = options.since.getTime() - this.#lookbackMs;
    for (const workspace of map.workspaces) {
      const found = await this.#workspace(workspace);
      const context = {
        // The names as HCP Terraform writes them, as its notifications do.
        ...found.names,
        entityRefs: map.entityRefsOf(workspace),
        appOrigin: this.#client.baseUrl,
      };
      for await (const { run, included } of this.#runs(
        found.id,
        `${found.names.organization}/${found.names.workspace}`,
        createdAfter,
      )) {
        const change = terraformRunChange(
          await reader.record(run, included),
          context,
        );
        if (change) yield change;
      }
    }
  }

  /** `GET /organizations/:organization/workspaces/:name`: the workspace's id and its names as HCP Terraform writes them. */
  async #workspace(
    workspace: TerraformWorkspaceRef,
  ): Promise<{ id: string; names: TerraformWorkspaceRef }> {
    const name = `${workspace.organization}/${workspace.workspace}`;
    const found = await this.#client.get(
      `/organizations/${encodeURIComponent(
        workspace.organization,
      )}/workspaces/${encodeURIComponent(workspace.workspace)}`,
      { what: `workspace ${name}` },
    );
    if (Array.isArray(found.data) || found.data.type !== 'workspaces') {
      throw this.#client.error(
        `workspace ${name}`,
        'the answer is not a workspace',
      );
    }
    const organization = relatedId(found.data, 'organization');
    const workspaceName = found.data.attributes.name;
    return {
      id: found.data.id,
      names: {
        organization: organization ?? workspace.organization,
        workspace:
          typeof workspaceName === 'string' && workspaceName
            ? workspaceName
            : workspace.workspace,
      },
    };
  }

  /** A workspace's runs created after `createdAfter`, newest first, with the includes of every page. */
  async *#runs(
    workspaceId: string,
    name: string,
    createdAfter: number,
  ): AsyncIterable<{ run: JsonApiResource; included: JsonApiResource[] }> {
    let page: number | undefined = 1;
    for (let read = 0; page !== undefined; read++) {
      if (read === this.#maxPages) {
        this.#logger.warn(
          `Terraform workspace ${name}: stopped after ${read} pages of runs; older runs are not pulled`,
        );
        return;
      }
      const document = await this.#client.get(
        `/workspaces/${encodeURIComponent(workspaceId)}/runs`,
        {
          what: `the runs of workspace ${name}`,
          query: {
            'page[number]': String(page),
            'page[size]': String(PAGE_SIZE),
            include: RUN_INCLUDE,
          },
        },
      );
      const runs = Array.isArray(document.data) ? document.data : [];
      for (const run of runs) {
        const createdAt = Date.parse(String(run.attributes['created-at']));
        // Newest first: the first run created before the window ends the workspace.
        if (createdAt < createdAfter) return;
        yield { run, included: document.included };
      }
      page = document.nextPage;
    }
  }
}
