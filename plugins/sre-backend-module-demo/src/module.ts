import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  sreKnowledgeSourcesExtensionPoint,
  sreSliSourcesExtensionPoint,
} from '@baton/plugin-sre-node';
import { DemoKnowledgeSource } from './readiness/DemoKnowledgeSource';
import { DemoSliSource } from './slo/DemoSliSource';

/** Feeds the demo catalog with scripted data when `sre.demo` is true; does nothing otherwise. @public */
export const sreModuleDemo = createBackendModule({
  pluginId: 'sre',
  moduleId: 'demo',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        knowledgeSources: sreKnowledgeSourcesExtensionPoint,
        sliSources: sreSliSourcesExtensionPoint,
      },
      async init({ config, knowledgeSources, sliSources }) {
        if (!config.getOptionalBoolean('sre.demo')) return;
        knowledgeSources.addKnowledgeSource(new DemoKnowledgeSource());
        sliSources.addSliSource(
          new DemoSliSource('Prometheus'),
          new DemoSliSource('Mackerel'),
        );
      },
    });
  },
});
