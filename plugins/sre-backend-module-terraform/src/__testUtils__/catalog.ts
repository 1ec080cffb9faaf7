import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { TerraformWorkspaceDirectory } from '../TerraformWorkspaceDirectory';

/** A component of the test catalog, with annotations. */
export const component = (
  name: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: {
    type: 'service',
    owner: 'group:default/product',
    lifecycle: 'production',
  },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/product' }],
});

/** checkout-api applies on `acme/checkout-prod`; the database names it too (in another case) and its own; search has none. */
export const terraformEntities: Entity[] = [
  component('checkout-api', {
    'baton.dev/terraform-workspaces': 'acme/checkout-prod',
  }),
  component('orders-db', {
    'baton.dev/terraform-workspaces': 'Acme/Checkout-Prod, acme/orders-db',
  }),
  component('search'),
];

/** The workspaces of `terraformEntities`, read from a mock catalog. */
export const testWorkspaceDirectory = () =>
  new TerraformWorkspaceDirectory({
    catalog: catalogServiceMock({ entities: terraformEntities }),
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
  });
