import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { TerraformWorkspaceDirectory } from './TerraformWorkspaceDirectory';
import { component, testWorkspaceDirectory } from './__testUtils__/catalog';

describe('TerraformWorkspaceDirectory', () => {
  it('lists each annotated workspace once and maps it, without regard to case, to every entity that names it', async () => {
    const map = await testWorkspaceDirectory().read();
    expect(map.workspaces).toEqual([
      { organization: 'acme', workspace: 'checkout-prod' },
      { organization: 'acme', workspace: 'orders-db' },
    ]);
    expect(
      map.entityRefsOf({ organization: 'ACME', workspace: 'checkout-prod' }),
    ).toEqual([
      'component:default/checkout-api',
      'component:default/orders-db',
    ]);
    expect(
      map.entityRefsOf({ organization: 'acme', workspace: 'sandbox' }),
    ).toEqual([]);
  });

  it('gives a workspace named by more than 20 entities to the first 20, and says so', async () => {
    const logger = mockServices.logger.mock();
    const entities = Array.from({ length: 25 }, (_, i) =>
      component(`service-${String(i).padStart(2, '0')}`, {
        'baton.dev/terraform-workspaces': 'acme/shared',
      }),
    );
    const map = await new TerraformWorkspaceDirectory({
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      logger,
    }).read();
    const refs = map.entityRefsOf({
      organization: 'acme',
      workspace: 'shared',
    });
    expect(refs).toHaveLength(20);
    expect(logger.warn).toHaveBeenCalledWith(
      'Terraform workspace acme/shared is named by 25 entities; its runs are recorded for the first 20',
    );
  });
});
