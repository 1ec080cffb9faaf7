import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_TERRAFORM_WORKSPACES,
  terraformWorkspaceKey,
  terraformWorkspacesOf,
  type TerraformWorkspaceRef,
} from '@baton/plugin-sre-common';

/**
 * The most entities one change names (the sre backend refuses more): a
 * workspace named by more gives its runs to the first this many, in the
 * catalog's order, rather than have every one of its runs refused.
 */
const MAX_ENTITIES_PER_CHANGE = 20;

/** The annotated workspaces, each with the entities that name it. @public */
export interface TerraformWorkspaceMap {
  /** Each workspace once, as the first entity wrote it. */
  workspaces: TerraformWorkspaceRef[];
  /** The entities annotated with a workspace; none for a workspace no entity names. */
  entityRefsOf(workspace: TerraformWorkspaceRef): string[];
}

/**
 * Which catalog entities a workspace's runs belong to: those whose
 * `baton.dev/terraform-workspaces` names it, read from the catalog with the
 * module's own credentials each time (an annotation added a minute ago counts).
 * @public
 */
export class TerraformWorkspaceDirectory {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
    },
  ) {}

  /** The annotated workspaces and their entities, as the catalog has them now. */
  async read(): Promise<TerraformWorkspaceMap> {
    const { items } = await this.options.catalog.getEntities(
      {
        filter: {
          [`metadata.annotations.${ANNOTATION_TERRAFORM_WORKSPACES}`]:
            CATALOG_FILTER_EXISTS,
        },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
        ],
      },
      { credentials: await this.options.auth.getOwnServiceCredentials() },
    );
    const byKey = new Map<
      string,
      { workspace: TerraformWorkspaceRef; entityRefs: string[] }
    >();
    for (const entity of items) {
      const entityRef = stringifyEntityRef(entity);
      const { workspaces, invalid } = terraformWorkspacesOf(
        entity.metadata.annotations,
      );
      if (invalid.length) {
        this.options.logger.warn(
          `${entityRef}: ${ANNOTATION_TERRAFORM_WORKSPACES} entries that are not organization/workspace are left out: ${invalid.join(
            ', ',
          )}`,
        );
      }
      for (const workspace of workspaces) {
        const key = terraformWorkspaceKey(workspace);
        const entry = byKey.get(key) ?? { workspace, entityRefs: [] };
        if (!entry.entityRefs.includes(entityRef)) {
          entry.entityRefs.push(entityRef);
        }
        byKey.set(key, entry);
      }
    }
    for (const { workspace, entityRefs } of byKey.values()) {
      if (entityRefs.length > MAX_ENTITIES_PER_CHANGE) {
        this.options.logger.warn(
          `Terraform workspace ${workspace.organization}/${workspace.workspace} is named by ${entityRefs.length} entities; its runs are recorded for the first ${MAX_ENTITIES_PER_CHANGE}`,
        );
        entityRefs.splice(MAX_ENTITIES_PER_CHANGE);
      }
    }
    return {
      workspaces: [...byKey.values()].map(entry => entry.workspace),
      entityRefsOf: workspace =>
        byKey.get(terraformWorkspaceKey(workspace))?.entityRefs ?? [],
    };
  }
}
