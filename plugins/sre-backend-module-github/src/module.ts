import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { sreAccessSourcesExtensionPoint } from '@baton/plugin-sre-node';
import { readGithubConfig } from './GithubConfig';
import { GithubOrgAccessSource } from './GithubOrgAccessSource';

/**
 * Adds GitHub organizations to the sre plugin as an access source
 * (`github-org:<org>`), when `sre.github` is configured.
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
        accessSources: sreAccessSourcesExtensionPoint,
      },
      async init({ config, logger, accessSources }) {
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
      },
    });
  },
});
