import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CatalogSnapshot } from './CatalogSnapshot';
import { teamEntityRefs } from './teamEntities';

const relation = (type: string, targetRef: string) => ({ type, targetRef });
const entity = (
  kind: string,
  name: string,
  relations: Array<{ type: string; targetRef: string }> = [],
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec: {},
  relations,
});
const ownedBy = (ref: string) => [relation('ownedBy', ref)];

const entities: Entity[] = [
  entity('Group', 'product', [
    relation('parentOf', 'group:default/checkout-squad'),
    relation('hasMember', 'user:default/lead'),
  ]),
  entity('Group', 'checkout-squad', [
    relation('childOf', 'group:default/product'),
    relation('parentOf', 'group:default/payments-pod'),
  ]),
  // A cycle back up the tree must not loop.
  entity('Group', 'payments-pod', [
    relation('parentOf', 'group:default/checkout-squad'),
    relation('hasMember', 'user:default/pat'),
  ]),
  entity('Group', 'other-team'),
  entity('User', 'lead'),
  entity('User', 'pat'),
  entity('Component', 'storefront', ownedBy('group:default/product')),
  entity('Component', 'checkout-api', ownedBy('group:default/checkout-squad')),
  entity('Resource', 'payments-db', ownedBy('group:default/payments-pod')),
  entity('System', 'payments', ownedBy('user:default/pat')),
  entity('Component', 'lead-notes', ownedBy('user:default/lead')),
  entity('API', 'checkout-openapi', ownedBy('group:default/checkout-squad')),
  entity('Component', 'billing', ownedBy('group:default/other-team')),
];

describe('teamEntityRefs', () => {
  const options = {
    mapper: {
      snapshot: new CatalogSnapshot({
        catalog: catalogServiceMock({ entities }),
        auth: mockServices.auth(),
      }),
    },
  };

  it('counts what the group, every group below it and their members own, services kinds only', async () => {
    expect(await teamEntityRefs(options, 'group:default/product')).toEqual([
      'component:default/checkout-api',
      'component:default/lead-notes',
      'component:default/storefront',
      'resource:default/payments-db',
      'system:default/payments',
    ]);
  });

  it('counts only the sub-tree of a squad', async () => {
    expect(
      await teamEntityRefs(options, 'group:default/checkout-squad'),
    ).toEqual([
      'component:default/checkout-api',
      'resource:default/payments-db',
      'system:default/payments',
    ]);
    expect(await teamEntityRefs(options, 'group:default/other-team')).toEqual([
      'component:default/billing',
    ]);
  });
});
