import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  sreAccessSourcesExtensionPoint,
  sreChangeSourcesExtensionPoint,
} from '@baton/plugin-sre-node';
import { readGithubConfig } from './GithubConfig';
import { GithubDeploymentChangeSource } from './GithubDeploymentChangeSource';
import { GithubOrgAccessSource } from './GithubOrgAccessSource';

/**
 * Adds GitHub organizations to the sre plugin as an access source
 * (`github-org:<org>`), when `sre.github` is configured, and GitHub
 * deployments to protected environments as a change source (`github`), when
 * `sre.github.changes.enabled` is true.
 * @public
 */
export const sreModuleGithub = createBackendModule({
  pluginId: 'sre',
  moduleId: 'github',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        accessSources: sreAccessSourcesExtensionPoint,
        changeSources: sreChangeSourcesExtensionPoint,
      },
      async init({
        config,
        logger,
        auth,
        catalog,
        accessSources,
        changeSources,
      }) {
        // Read first: a bad setting stops the backend at start-up, naming it.
        const github = readGithubConfig(config);
        if (!github) {
          // Installed but not configured is a normal state (e.g. local dev), not an error.
          logger.info(
            'No sre.github configured; the GitHub organization access source is not registered',
          );
          return;
        }
        const source = GithubOrgAccessSource.fromConfig(config, { logger });
        accessSources.addAccessSource(source);
        // The IDs are no secret; the token and the private key are never logged.
        const credential = github.app
          ? `GitHub App ${github.app.appId}, installation ${github.app.installationId}, from sre.github.app`
          : 'token from sre.github.token';
        logger.info(
          `GitHub organization access source '${source.prefix}' registered: ${github.baseUrl}, ${credential}`,
        );
        const changes = GithubDeploymentChangeSource.fromConfig(config, {
          catalog,
          auth,
          logger,
        });
        if (changes) {
          changeSources.addChangeSource(changes);
          logger.info(
            `GitHub deployment change source '${changes.id}' registered: ${github.baseUrl}, ${credential}`,
          );
        }
      },
    });
  },
});
