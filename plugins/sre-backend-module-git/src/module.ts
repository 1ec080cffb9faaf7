import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { sreKnowledgeSourcesExtensionPoint } from '@baton/plugin-sre-node';
import os from 'os';
import path from 'path';
import { GitKnowledgeSource } from './GitKnowledgeSource';

/** Adds git history as the sre plugin's knowledge source. @public */
export const sreModuleGit = createBackendModule({
  pluginId: 'sre',
  moduleId: 'git',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        knowledgeSources: sreKnowledgeSourcesExtensionPoint,
      },
      async init({ config, logger, knowledgeSources }) {
        const git = config.getOptionalConfig('sre.knowledge.git');
        knowledgeSources.addKnowledgeSource(
          new GitKnowledgeSource({
            cacheDir: path.resolve(
              git?.getOptionalString('cacheDir') ??
                path.join(os.tmpdir(), 'baton-git-cache'),
            ),
            allowRemote: git?.getOptionalBoolean('remote') ?? true,
            logger,
          }),
        );
      },
    });
  },
});
