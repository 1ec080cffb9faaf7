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
import type { ChangeListResponse } from '@baton/plugin-sre-common';
import request from 'supertest';
import { FakeGithub } from './__testUtils__/FakeGithub';
import {
  API,
  CHECKOUT,
  DEPLOYMENTS_PAGE_2,
  ENTITIES,
  finishedDeployment1302,
  fixture,
  INVENTORY,
  recordedAnswers,
  TOKEN,
} from './__testUtils__/githubDeployments';
import { sreModuleGithub } from './module';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

// Noon on Wednesday 25 November 2026: the first pull looks back 30 days.
const NOW = new Date('2026-11-25T12:00:00Z');
const RANGE = 'from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z';
const ALICE = 'user:default/alice';
const BOB = 'user:default/bob';

const user = (name: string, login: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'github.com/user-login': login },
  },
  spec: { profile: { email: `${name}@acme.example` } },
});
// carol-gh, dave-gh and farid-gh have no User: kept, and flagged.
const entities = [
  ...ENTITIES,
  user('alice', 'alice-gh'),
  user('bob', 'Bob-GH'),
];

/** The scheduler mock's runtime type, which its declared type hides. */
type TriggerableScheduler = ReturnType<typeof mockServices.scheduler> & {
  factory(options: { skipTaskRunOnStartup?: boolean }): never;
  triggerTask(id: string): Promise<void>;
};

/** GitHub as recorded, with the second page of checkout-api's deployments as the last. */
function recordedGithub() {
  const page2 = fixture(
    'repos-checkout-api-deployments-production-page2',
  ) as Array<{ id: number }>;
  return new FakeGithub({
    ...recordedAnswers(),
    [`GET ${DEPLOYMENTS_PAGE_2}`]: {
      body: page2.filter(deployment => deployment.id === 1290),
    },
  });
}

describe.each(databases.eachSupportedId())(
  'GitHub deployments through the sre API on %s',
  id => {
    let server: Parameters<typeof request>[0];
    let scheduler: TriggerableScheduler;
    let github: FakeGithub;
    const realFetch = globalThis.fetch;

    beforeAll(async () => {
      // Only the clock is fake: the pull's `now`, and so its look-back, are fixed.
      jest.useFakeTimers({
        now: NOW,
        doNotFake: [
          'hrtime',
          'nextTick',
          'performance',
          'queueMicrotask',
          'setImmediate',
          'clearImmediate',
          'setInterval',
          'clearInterval',
          'setTimeout',
          'clearTimeout',
        ],
      });
      github = recordedGithub();
      // The module's Octokit sends with the global fetch: GitHub's API goes to the recording.
      jest
        .spyOn(globalThis, 'fetch')
        .mockImplementation((input, init) =>
          String(input instanceof Request ? input.url : input).startsWith(API)
            ? github.fetch(input, init)
            : realFetch(input, init),
        );
      scheduler = mockServices.scheduler() as TriggerableScheduler;
      ({ server } = await startTestBackend({
        features: [
          sreBackendPlugin,
          sreModuleGithub,
          mockServices.database.factory({ knex: await databases.init(id) }),
          scheduler.factory({ skipTaskRunOnStartup: true }),
          mockServices.rootConfig.factory({
            data: {
              sre: {
                github: {
                  token: TOKEN,
                  changes: { enabled: true, followUpHours: 24 },
                },
              },
            },
          }),
          catalogServiceMock.factory({ entities }),
        ],
      }));
    });

    afterAll(() => {
      jest.restoreAllMocks();
      jest.useRealTimers();
    });

    const list = async (entityRef: string): Promise<ChangeListResponse> => {
      const res = await request(server)
        .get(`/api/sre/changes?entityRef=${entityRef}&${RANGE}`)
        .set('Authorization', mockCredentials.user.header(ALICE));
      expect(res.status).toBe(200);
      return res.body;
    };

    it('stores the pulled deployments and serves them per entity, people matched by GitHub login', async () => {
      await scheduler.triggerTask('sre-change-pull');
      expect(github.unexpected).toEqual([]);

      const checkout = await list(CHECKOUT);
      expect(
        checkout.items.map(item => [item.externalId, item.kind, item.outcome]),
      ).toEqual([
        ['acme/checkout-api#1302', 'deploy', 'in-progress'],
        ['acme/checkout-api#1301', 'deploy', 'succeeded'],
        ['acme/infra#2001', 'terraform-apply', 'succeeded'],
        ['acme/checkout-api#1300', 'deploy', 'failed'],
        ['acme/checkout-api#1299', 'deploy', 'succeeded'],
        ['acme/infra#2000', 'terraform-apply', 'succeeded'],
        ['acme/checkout-api#1290', 'deploy', 'succeeded'],
      ]);
      expect(checkout.items.every(item => item.source === 'github')).toBe(true);

      const paired = checkout.items[1];
      expect(paired.operators).toEqual([
        { kind: 'github-login', value: 'alice-gh', userRef: ALICE },
      ]);
      // The catalog writes bob's login in another case: still bob.
      expect(paired.pairs).toEqual([
        { kind: 'github-login', value: 'bob-gh', userRef: BOB },
      ]);
      expect(paired.procedure).toEqual({
        url: 'https://github.com/acme/checkout-api/pull/42',
        authors: [{ kind: 'github-login', value: 'alice-gh', userRef: ALICE }],
        reviewers: [{ kind: 'github-login', value: 'bob-gh', userRef: BOB }],
      });
      expect(paired.findings).toEqual([]);

      // carol's late deploy: nobody approved it, nobody reviewed it, after hours.
      const solo = checkout.items[3];
      expect(solo.operators).toEqual([
        { kind: 'github-login', value: 'carol-gh', userRef: null },
      ]);
      expect(solo.pairs).toEqual([]);
      expect(solo.findings).toEqual(
        expect.arrayContaining(['solo', 'unreviewed-procedure', 'off-hours']),
      );
      expect(checkout.summary).toMatchObject({
        total: 7,
        paired: 4,
        solo: 3,
        failed: 1,
      });

      // acme/infra is both services' infrastructure: its applies are on both.
      const inventory = await list(INVENTORY);
      expect(inventory.items.map(item => item.externalId)).toEqual([
        'acme/infra#2001',
        'acme/infra#2000',
      ]);
    });

    it('updates a deployment that finished after the last pull in place, stored once', async () => {
      github = new FakeGithub({
        ...recordedAnswers(),
        ...finishedDeployment1302(),
      });
      jest.setSystemTime(new Date('2026-11-25T12:30:00Z'));

      await scheduler.triggerTask('sre-change-pull');

      expect(github.unexpected).toEqual([]);
      // Only what moved since the last pull was read again.
      expect(github.requests.filter(r => r.includes('/actions/runs/'))).toEqual(
        [
          `GET ${API}/repos/acme/checkout-api/actions/runs/9002`,
          `GET ${API}/repos/acme/checkout-api/actions/runs/9002/approvals`,
        ],
      );
      const { items } = await list(CHECKOUT);
      expect(items).toHaveLength(7);
      expect(items[0]).toMatchObject({
        externalId: 'acme/checkout-api#1302',
        outcome: 'succeeded',
        finishedAt: '2026-11-25T12:10:44.000Z',
      });
    });
  },
);
