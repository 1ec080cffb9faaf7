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
    return {
      workspaces: [...byKey.values()].map(entry => entry.workspace),
      entityRefsOf: workspace =>
        byKey.get(terraformWorkspaceKey(workspace))?.entityRefs ?? [],
    };
  }
}
