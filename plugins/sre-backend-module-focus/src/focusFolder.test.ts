import type { ServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- the module is tested inside the plugin it extends
import sreBackendPlugin from '@baton/plugin-sre-backend';
import type { CostReport } from '@baton/plugin-sre-common';
import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import {
  expectedTotals,
  fixturePath,
  tableOf,
} from './__testUtils__/fixtureTotals';
import { sreModuleFocus } from './module';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

/** What mockServices.scheduler() is at runtime, which its declared type hides: a test runs the tasks itself. */
interface TriggerableScheduler {
  factory(options: { skipTaskRunOnStartup?: boolean }): ServiceFactory;
  triggerTask(id: string): Promise<void>;
}

/** The sre backend's scheduled cost pull (plugins/sre-backend/src/plugin.ts). */
const COST_PULL_TASK = 'sre-cost-pull';

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
});

// Two exports for March 2025 whose charge days overlap (1 to 3 March): AWS
// in USD, Azure in USD and EUR. Both tag `service=checkout-api` and
// `service=payments-api`, which the default rule allocates by name.
const FILES = [
  'aws-focus-1.0-with-aws-columns-2025-03.csv',
  'azure-focus-1.2-preview-2025-03.csv',
];

describe.each(databases.eachSupportedId())('FOCUS folder source on %s', id => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-focus-folder-'));
    for (const file of FILES) {
      fs.copyFileSync(fixturePath(file), path.join(dir, file));
    }
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('counts two files with overlapping days in one folder, both', async () => {
    const scheduler =
      mockServices.scheduler() as unknown as TriggerableScheduler;
    const { server } = await startTestBackend({
      features: [
        sreBackendPlugin,
        sreModuleFocus,
        mockServices.database.factory({ knex: await databases.init(id) }),
        scheduler.factory({ skipTaskRunOnStartup: true }),
        mockServices.rootConfig.factory({
          data: {
            sre: { cost: { metric: 'effective' }, focus: { paths: [dir] } },
          },
        }),
        catalogServiceMock.factory({
          entities: [component('checkout-api'), component('payments-api')],
        }),
      ],
    });
    const report = async (
      name: string,
      currency: string,
    ): Promise<CostReport> => {
      const res = await request(server)
        .get(`/api/sre/entities/component/default/${name}/costs`)
        .query({ from: '2025-03-01', to: '2025-04-01', currency })
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      return res.body;
    };

    // Nothing is stored before the pull runs.
    expect((await report('checkout-api', 'USD')).total.amount).toBe(0);

    await scheduler.triggerTask(COST_PULL_TASK);

    const [aws, azure] = FILES.map(tableOf);
    const both = expectedTotals(aws, azure);
    const awsOnly = expectedTotals(aws);
    const azureOnly = expectedTotals(azure);
    for (const [name, currency] of [
      ['checkout-api', 'USD'],
      ['payments-api', 'USD'],
      ['payments-api', 'EUR'],
    ]) {
      const key = `${name} ${currency}`;
      // The API's amounts are JSON numbers with at most 6 decimals.
      const got = BigInt(
        Math.round((await report(name, currency)).total.amount * 1e6),
      );
      // Every charge here is one day within March, so the month's total is
      // exactly the sum of the rows' EffectiveCost.
      expect({ key, total: got }).toEqual({
        key,
        total: both[key].effective,
      });
    }
    // Not vacuous: for checkout-api in USD each file alone gives another
    // total, so a file replacing the other's days would fail above.
    const checkout = 'checkout-api USD';
    expect(awsOnly[checkout].effective).not.toBe(0n);
    expect(azureOnly[checkout].effective).not.toBe(0n);
    expect(both[checkout].effective).not.toBe(awsOnly[checkout].effective);
    expect(both[checkout].effective).not.toBe(azureOnly[checkout].effective);
  });
});
