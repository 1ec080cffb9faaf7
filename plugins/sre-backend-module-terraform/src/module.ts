import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  sreChangeReceiversExtensionPoint,
  sreChangeSourcesExtensionPoint,
} from '@baton/plugin-sre-node';
import { TerraformApiClient } from './TerraformApiClient';
import { TerraformChangeSource } from './TerraformChangeSource';
import { readTerraformConfig } from './TerraformConfig';
import { TerraformNotificationReceiver } from './TerraformNotificationReceiver';
import { TerraformWorkspaceDirectory } from './TerraformWorkspaceDirectory';

/**
 * Adds HCP Terraform / Terraform Enterprise to the sre plugin's production
 * changes once `sre.terraform.token` is set: the run notifications webhook
 * (`POST /api/sre/webhooks/terraform`, on when `sre.webhooks.terraform.secret`
 * holds the notification token too) and the change source `terraform`, which
 * pulls the runs of the workspaces entities name in
 * `baton.dev/terraform-workspaces`.
 * @public
 */
export const sreModuleTerraform = createBackendModule({
  pluginId: 'sre',
  moduleId: 'terraform',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        changeSources: sreChangeSourcesExtensionPoint,
        changeReceivers: sreChangeReceiversExtensionPoint,
      },
      async init({
        config,
        logger,
        auth,
        catalog,
        changeSources,
        changeReceivers,
      }) {
        const terraform = readTerraformConfig(config);
        if (!terraform) {
          // Installed but not configured is a normal state (e.g. local dev), not an error.
          logger.info(
            'No sre.terraform.token configured; the HCP Terraform change source and webhook are not registered',
          );
          return;
        }
        const client = new TerraformApiClient(terraform, {
          timeoutMs: terraform.requestTimeoutSeconds * 1000,
        });
        const workspaces = new TerraformWorkspaceDirectory({
          catalog,
          auth,
          logger,
        });
        changeReceivers.addChangeReceiver(
          new TerraformNotificationReceiver({ client, workspaces, logger }),
        );
        changeSources.addChangeSource(
          new TerraformChangeSource({
            client,
            workspaces,
            logger,
            lookbackHours: terraform.lookbackHours,
          }),
        );
        logger.info(
          `HCP Terraform change source and webhook registered for ${client.baseUrl}`,
        );
      },
    });
  },
});
