import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  sreAccessSourcesExtensionPoint,
  sreAlertPollersExtensionPoint,
  sreBackupSourcesExtensionPoint,
  sreChangeSourcesExtensionPoint,
  sreCostSourcesExtensionPoint,
  sreDrillSourcesExtensionPoint,
  sreKnowledgeSourcesExtensionPoint,
  sreSliSourcesExtensionPoint,
} from '@baton/plugin-sre-node';
import { DemoAccessSource } from './access/DemoAccessSource';
import { DemoAlertPoller } from './alerts/DemoAlertPoller';
import { DemoBackupSource } from './backups/DemoBackupSource';
import { DemoChangeSource } from './changes/DemoChangeSource';
import { DemoCostSource } from './DemoCostSource';
import { DemoDrillSource } from './drills/DemoDrillSource';
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
        alertPollers: sreAlertPollersExtensionPoint,
        costSources: sreCostSourcesExtensionPoint,
        accessSources: sreAccessSourcesExtensionPoint,
        changeSources: sreChangeSourcesExtensionPoint,
        backupSources: sreBackupSourcesExtensionPoint,
        drillSources: sreDrillSourcesExtensionPoint,
      },
      async init({
        config,
        knowledgeSources,
        sliSources,
        alertPollers,
        costSources,
        accessSources,
        changeSources,
        backupSources,
        drillSources,
      }) {
        if (!config.getOptionalBoolean('sre.demo')) return;
        knowledgeSources.addKnowledgeSource(new DemoKnowledgeSource());
        alertPollers.addAlertPoller(new DemoAlertPoller());
        sliSources.addSliSource(
          new DemoSliSource('Prometheus'),
          new DemoSliSource('Mackerel'),
        );
        costSources.addCostSource(new DemoCostSource());
        changeSources.addChangeSource(new DemoChangeSource());
        backupSources.addBackupSource(new DemoBackupSource());
        drillSources.addDrillSource(new DemoDrillSource());
        accessSources.addAccessSource(
          new DemoAccessSource('github-org'),
          new DemoAccessSource('aws-account'),
        );
      },
    });
  },
});
