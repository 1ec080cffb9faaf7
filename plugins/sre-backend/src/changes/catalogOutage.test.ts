import { mockServices } from '@backstage/backend-test-utils';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { CatalogSnapshot } from '../catalog/CatalogSnapshot';
import { ChangeService } from './ChangeService';
import { ChangeSourceRegistry } from './ChangeSourceRegistry';
import { readChangesConfig } from './changesConfig';
import type { ChangeStore } from './ChangeStore';
import { ConfigReader } from '@backstage/config';

const change = {
  externalId: 'run-1',
  entityRefs: ['component:default/checkout-api'],
  kind: 'deploy',
  title: 'Deploy',
  startedAt: '2026-11-25T10:00:00Z',
  outcome: 'succeeded',
  operators: [{ kind: 'name', value: 'alice' }],
};

describe('ChangeService while the catalog is down', () => {
  it('answers 503 and stores nothing rather than store everyone unmatched', async () => {
    const record = jest.fn();
    const store = { record } as unknown as ChangeStore;
    const catalog = {
      getEntities: async () => {
        throw new Error('connect ECONNREFUSED');
      },
    } as unknown as CatalogService;
    const service = new ChangeService({
      store,
      sources: new ChangeSourceRegistry(),
      snapshot: {} as CatalogSnapshot,
      catalog,
      auth: mockServices.auth(),
      alerts: { allForEntities: async () => [] },
      config: readChangesConfig(new ConfigReader({})),
      logger: mockServices.logger.mock(),
    });
    await expect(service.record([change], 'cli')).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
    });
    expect(record).not.toHaveBeenCalled();
    // A bad change is still the sender's 400, whatever the catalog does.
    await expect(
      service.record([{ ...change, kind: 'reboot' }], 'cli'),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('changes[0].kind'),
    });
  });
});
