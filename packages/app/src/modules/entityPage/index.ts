import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { EntityContentLayoutBlueprint } from '@backstage/plugin-catalog-react/alpha';

const serviceOverviewLayout = EntityContentLayoutBlueprint.make({
  name: 'service-overview',
  params: {
    filter: 'kind:component,system,resource',
    loader: () =>
      import('./ServiceOverviewLayout').then(m => m.ServiceOverviewLayout),
  },
});

/** The demo portal's entity-page layout for the kinds Baton puts cards on. */
export const entityPageModule = createFrontendModule({
  pluginId: 'catalog',
  extensions: [serviceOverviewLayout],
});
