import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { SourceStatus } from '@baton/plugin-sre-common';
import sreModuleDemo from '@baton/plugin-sre-backend-module-demo';
import fs from 'fs';
import path from 'path';
import request from 'supertest';
import { parse } from 'yaml';
import { shippedPolicyPermissions } from '../__testUtils__/shippedPolicy';
import { readSreAdmins } from '../policy/sreDefaultPolicy';
import { demoCatalog } from '../__testUtils__/demoCatalog';
import { startSreTestBackend } from '../__testUtils__/sreTestBackend';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

// The demo portal's own configuration: its `sre` block as the demo starts it
// (its relative paths hold here too, two folders below the repository).
const demoConfig = parse(
  fs.readFileSync(
    path.resolve(__dirname, '../../../../app-config.yaml'),
    'utf8',
  ),
);
const GUEST = 'user:default/guest';

describe.each(databases.eachSupportedId())(
  'the sources of the demo, on %s',
  id => {
    it('shows the demo guest every scheduled pull with its last success once they ran', async () => {
      const knex = await databases.init(id);
      const { server, scheduler } = await startSreTestBackend({
        knex,
        config: { sre: demoConfig.sre },
        // The demo's drills name its services and people.
        entities: demoCatalog(),
        permissions: shippedPolicyPermissions(
          readSreAdmins(new ConfigReader({ sre: demoConfig.sre })),
        ),
        features: [sreModuleDemo],
      });
      const sources = async (userRef = GUEST) =>
        request(server)
          .get('/api/sre/sources')
          .set('Authorization', mockCredentials.user.header(userRef));

      const before = await sources();
      expect(before.status).toBe(200);
      const tasks = before.body.items
        .map((item: SourceStatus) => item.id)
        .filter((sourceId: string) => sourceId.startsWith('task:'))
        .map((sourceId: string) => sourceId.slice('task:'.length));
      expect(tasks.sort()).toEqual([
        'sre-access-campaign',
        'sre-access-reminders',
        'sre-alert-poll',
        'sre-backup-pull',
        'sre-change-pull',
        'sre-cost-pull',
        'sre-drill-import',
        'sre-drill-notifications',
        'sre-knowledge-refresh',
        'sre-slo-evaluation',
      ]);
      for (const task of tasks) await scheduler.triggerTask(task);

      const after = await sources();
      const byId: Record<string, SourceStatus> = Object.fromEntries(
        after.body.items.map((item: SourceStatus) => [item.id, item]),
      );
      for (const item of Object.values(byId)) {
        expect({ id: item.id, error: item.lastError }).toEqual({
          id: item.id,
          error: null,
        });
        expect(item.lastSuccessAt).not.toBeNull();
      }
      expect(byId['cost:demo'].provider).toBe('DemoCostSource');
      expect(byId['cost:demo'].lastCounts!.rows).toBeGreaterThan(0);
      expect(byId['alert-poller:demo'].provider).toBe('DemoAlertPoller');
      expect(byId['alert-poller:demo'].lastCounts!.received).toBeGreaterThan(0);

      expect((await sources('user:default/emi.sato')).status).toBe(403);
    });
  },
);
