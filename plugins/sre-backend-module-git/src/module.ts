import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { sreKnowledgeSourcesExtensionPoint } from '@baton/plugin-sre-node';
import os from 'os';
import path from 'path';
import { GitKnowledgeSource } from './GitKnowledgeSource';
import { GitSourcePolicy } from './GitSourcePolicy';

/** How long one git process (a clone, a fetch, a log) may run unless sre.knowledge.git.timeout says otherwise. */
export const DEFAULT_GIT_TIMEOUT = { minutes: 10 };

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
            policy: GitSourcePolicy.fromConfig(config),
            timeoutMs: durationToMilliseconds(
              git?.has('timeout')
                ? readDurationFromConfig(git, { key: 'timeout' })
                : DEFAULT_GIT_TIMEOUT,
            ),
            logger,
          }),
        );
      },
    });
  },
});
