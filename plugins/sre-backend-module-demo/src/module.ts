import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { sreKnowledgeSourcesExtensionPoint } from '@baton/plugin-sre-node';
import { DemoKnowledgeSource } from './readiness/DemoKnowledgeSource';

/** Feeds the demo catalog with scripted data when `sre.demo` is true; does nothing otherwise. @public */
export const sreModuleDemo = createBackendModule({
  pluginId: 'sre',
  moduleId: 'demo',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        knowledgeSources: sreKnowledgeSourcesExtensionPoint,
      },
      async init({ config, knowledgeSources }) {
        if (!config.getOptionalBoolean('sre.demo')) return;
        knowledgeSources.addKnowledgeSource(new DemoKnowledgeSource());
      },
    });
  },
});
