import {
  type BackendFeature,
  createBackendModule,
  type ServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  type AlertPoller,
  type AlertWebhookReceiver,
  type ChangeSource,
  type ChangeWebhookReceiver,
  type CostFileFormat,
  type CostSource,
  type KnowledgeSource,
  type SliSource,
  sreAlertPollersExtensionPoint,
  sreAlertReceiversExtensionPoint,
  sreChangeReceiversExtensionPoint,
  sreChangeSourcesExtensionPoint,
  sreCostSourcesExtensionPoint,
  sreKnowledgeSourcesExtensionPoint,
  sreSliSourcesExtensionPoint,
} from '@baton/plugin-sre-node';
import type { Server } from 'http';
import type { Knex } from 'knex';
import { sreBackendPlugin } from '../plugin';
import {
  type TriggerableScheduler,
  triggerableScheduler,
} from './triggerableScheduler';

/** What a test's own module registers on Baton's extension points. */
export interface SreTestSources {
  sliSources?: SliSource[];
  alertReceivers?: AlertWebhookReceiver[];
  alertPollers?: AlertPoller[];
  costSources?: CostSource[];
  costFileFormats?: CostFileFormat[];
  knowledgeSources?: KnowledgeSource[];
  changeSources?: ChangeSource[];
  changeReceivers?: ChangeWebhookReceiver[];
}

/** How an integration test's sre backend differs from the plain one. */
export interface SreTestBackendOptions {
  /** The plugin's database, from `TestDatabases.init`. */
  knex: Knex;
  /** The root config, e.g. `{ sre: { webhooks: … } }`; empty by default. */
  config?: object;
  /** The catalog's entities (catalogServiceMock); none by default. */
  entities?: Entity[];
  /** A catalog of the test's own (visibility rules, an outage) instead of `entities`. */
  catalog?: ServiceFactory;
  /** A permission service of the test's own; the mock allows everything. */
  permissions?: ServiceFactory;
  /** Requests without an Authorization header are anonymous, as in a real backend (the mock's default is a user). */
  anonymousByDefault?: boolean;
  /** Sources registered by a test module before the plugin starts. */
  sources?: SreTestSources;
  /** Further modules and service factories (source modules, a logger, notifications). */
  features?: Array<BackendFeature | ServiceFactory>;
}

/** A started test backend with the sre plugin. */
export interface SreTestBackend {
  server: Server;
  /** Runs the plugin's scheduled tasks on demand; none runs on its own. */
  scheduler: TriggerableScheduler;
}

/** A module that registers `sources` on Baton's extension points. */
function sourcesModule(sources: SreTestSources) {
  return createBackendModule({
    pluginId: 'sre',
    moduleId: 'test-sources',
    register(env) {
      env.registerInit({
        deps: {
          sli: sreSliSourcesExtensionPoint,
          receivers: sreAlertReceiversExtensionPoint,
          pollers: sreAlertPollersExtensionPoint,
          costs: sreCostSourcesExtensionPoint,
          knowledge: sreKnowledgeSourcesExtensionPoint,
          changes: sreChangeSourcesExtensionPoint,
          changeReceivers: sreChangeReceiversExtensionPoint,
        },
        async init({
          sli,
          receivers,
          pollers,
          costs,
          knowledge,
          changes,
          changeReceivers,
        }) {
          sli.addSliSource(...(sources.sliSources ?? []));
          receivers.addAlertReceiver(...(sources.alertReceivers ?? []));
          pollers.addAlertPoller(...(sources.alertPollers ?? []));
          costs.addCostSource(...(sources.costSources ?? []));
          costs.addCostFileFormat(...(sources.costFileFormats ?? []));
          knowledge.addKnowledgeSource(...(sources.knowledgeSources ?? []));
          changes.addChangeSource(...(sources.changeSources ?? []));
          changeReceivers.addChangeReceiver(...(sources.changeReceivers ?? []));
        },
      });
    },
  });
}

/**
 * Starts the sre backend plugin the way the integration tests use it: on
 * `knex`, with a mock catalog, config and a scheduler whose tasks the test
 * triggers itself.
 */
export async function startSreTestBackend(
  options: SreTestBackendOptions,
): Promise<SreTestBackend> {
  const scheduler = triggerableScheduler();
  const { server } = await startTestBackend({
    features: [
      sreBackendPlugin,
      ...(options.sources ? [sourcesModule(options.sources)] : []),
      mockServices.database.factory({ knex: options.knex }),
      scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
      options.catalog ??
        catalogServiceMock.factory({ entities: options.entities ?? [] }),
      ...(options.permissions ? [options.permissions] : []),
      ...(options.anonymousByDefault
        ? [
            mockServices.httpAuth.factory({
              defaultCredentials: mockCredentials.none(),
            }),
          ]
        : []),
      ...(options.features ?? []),
    ],
  });
  return { server, scheduler };
}
