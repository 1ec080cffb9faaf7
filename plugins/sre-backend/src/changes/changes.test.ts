import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type {
  ChangeInput,
  ChangeListResponse,
  TeamChangesResponse,
} from '@baton/plugin-sre-common';
import request from 'supertest';
import type { TriggerableScheduler } from '../__testUtils__/triggerableScheduler';
import { startSreTestBackend } from '../__testUtils__/sreTestBackend';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const SECRET = 'changes-test-secret';
const PLATFORM = 'group:default/platform';
const PRODUCT = 'group:default/product';
const INVENTORY = 'component:default/inventory-sync';
const CHECKOUT = 'component:default/checkout-api';
const ALICE = 'user:default/alice';
const BOB = 'user:default/bob';

const relation = (type: string, targetRef: string) => ({ type, targetRef });
const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'platform', namespace: 'default' },
    spec: { type: 'team', children: [] },
    relations: [relation('hasMember', ALICE)],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'product', namespace: 'default' },
    spec: { type: 'team', children: [] },
    relations: [relation('hasMember', BOB)],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name: 'alice',
      namespace: 'default',
      annotations: { 'github.com/user-login': 'alice-gh' },
    },
    spec: { profile: { email: 'alice@acme.example' } },
    relations: [relation('memberOf', PLATFORM)],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name: 'bob',
      namespace: 'default',
      annotations: { 'baton.dev/terraform-user': 'bob-tfc' },
    },
    spec: { profile: { email: 'bob@acme.example' } },
    relations: [relation('memberOf', PRODUCT)],
  },
  ...[
    ['inventory-sync', PLATFORM],
    ['checkout-api', PRODUCT],
  ].map(
    ([name, owner]): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name, namespace: 'default' },
      spec: { type: 'service', owner, lifecycle: 'production' },
      relations: [relation('ownedBy', owner)],
    }),
  ),
];

// Platform works in Tokyo; everyone else has the default (UTC, 09:00–18:00).
const config = {
  sre: {
    webhooks: { generic: { secret: SECRET } },
    changes: {
      teams: [
        {
          group: PLATFORM,
          workingHours: {
            timeZone: 'Asia/Tokyo',
            days: [1, 2, 3, 4, 5],
            start: '09:30',
            end: '18:30',
          },
        },
      ],
    },
  },
};

// Wednesday 25 November 2026.
const WEDNESDAY = '2026-11-25';
const RANGE = 'from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z';

/** A paired, reviewed deploy at 10:00 UTC that day, with `overrides`. */
const change = (overrides: Partial<ChangeInput> = {}): ChangeInput => ({
  externalId: 'run-1',
  entityRefs: [CHECKOUT],
  kind: 'terraform-apply',
  environment: 'production',
  title: 'Upsize the checkout database',
  startedAt: `${WEDNESDAY}T10:00:00Z`,
  finishedAt: `${WEDNESDAY}T10:12:00Z`,
  outcome: 'succeeded',
  operators: [{ kind: 'github-login', value: 'alice-gh' }],
  pairs: [{ kind: 'terraform-user', value: 'bob-tfc' }],
  procedure: {
    url: 'https://github.com/acme/infra/pull/42',
    authors: [{ kind: 'email', value: 'alice@acme.example' }],
    reviewers: [{ kind: 'name', value: 'bob' }],
  },
  terraform: {
    workspace: 'acme/checkout-prod',
    plan: { add: 0, change: 1, destroy: 0 },
    applySeconds: 312.5,
  },
  links: [{ title: 'Run', url: 'https://app.terraform.io/runs/run-1' }],
  ...overrides,
});

/** Changes a pull source hands over: set by the test before it triggers the pull. */
let pulled: ChangeInput[] = [];
const pullCalls: Array<{ since: Date; now: Date }> = [];

describe.each(databases.eachSupportedId())('changes on %s', id => {
  let server: Parameters<typeof request>[0];
  let scheduler: TriggerableScheduler;

  beforeAll(async () => {
    const backend = await startSreTestBackend({
      knex: await databases.init(id),
      config,
      entities,
      sources: {
        changeSources: [
          {
            id: 'test-ci',
            async *pull(options) {
              pullCalls.push(options);
              yield* pulled;
            },
          },
        ],
      },
    });
    server = backend.server;
    scheduler = backend.scheduler;
  });

  const record = (body: object) =>
    request(server)
      .post('/api/sre/changes')
      .set('Authorization', mockCredentials.service.header())
      .send(body);
  const list = async (entityRef: string): Promise<ChangeListResponse> => {
    const res = await request(server)
      .get(`/api/sre/changes?entityRef=${entityRef}&${RANGE}`)
      .set('Authorization', mockCredentials.user.header(ALICE));
    expect(res.status).toBe(200);
    return res.body;
  };

  it('records a change and reads it back with its people matched', async () => {
    const res = await record({ source: 'cli', changes: [change()] });
    expect(res.status).toBe(200);
    expect(res.body.ids).toHaveLength(1);

    const { items, summary, policy } = await list(CHECKOUT);
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item).toMatchObject({
      id: res.body.ids[0],
      source: 'cli',
      externalId: 'run-1',
      entityRefs: [CHECKOUT],
      kind: 'terraform-apply',
      environment: 'production',
      startedAt: '2026-11-25T10:00:00.000Z',
      finishedAt: '2026-11-25T10:12:00.000Z',
      outcome: 'succeeded',
      terraform: change().terraform,
      links: change().links,
      findings: [],
      alertsAfter: [],
    });
    // Each identity kind matched its User.
    expect(item.operators).toEqual([
      { kind: 'github-login', value: 'alice-gh', userRef: ALICE },
    ]);
    expect(item.pairs).toEqual([
      { kind: 'terraform-user', value: 'bob-tfc', userRef: BOB },
    ]);
    expect(item.procedure).toEqual({
      url: 'https://github.com/acme/infra/pull/42',
      authors: [{ kind: 'email', value: 'alice@acme.example', userRef: ALICE }],
      reviewers: [{ kind: 'name', value: 'bob', userRef: BOB }],
    });
    expect(summary).toMatchObject({ total: 1, paired: 1, pairedShare: 1 });
    // checkout-api's owner has no hours of its own: the default's.
    expect(policy.workingHours.timeZone).toBe('UTC');
  });

  it('stores a change sent again once, as last sent', async () => {
    const first = await record({
      source: 'cli',
      changes: [change({ externalId: 'run-2', outcome: 'in-progress' })],
    });
    const again = await record({
      source: 'cli',
      changes: [
        change({
          externalId: 'run-2',
          outcome: 'rolled-back',
          pairs: [],
          terraform: undefined,
        }),
      ],
    });
    expect(again.status).toBe(200);
    expect(again.body.ids).toEqual(first.body.ids);

    const items = (await list(CHECKOUT)).items.filter(
      item => item.externalId === 'run-2',
    );
    expect(items).toHaveLength(1);
    expect(items[0].outcome).toBe('rolled-back');
    expect(items[0].pairs).toEqual([]);
    expect(items[0].terraform).toBeUndefined();
    expect(items[0].findings).toContain('solo');
  });

  it('refuses a bad payload with a 400 naming the field, and stores none of it', async () => {
    const before = (await list(CHECKOUT)).items.length;
    const cases: Array<[unknown[], string]> = [
      [
        [
          change({ externalId: 'bad-0' }),
          change({ externalId: 'bad-1' }),
          change({ externalId: 'bad-2', startedAt: 'yesterday' }),
        ],
        'changes[2].startedAt: must be an ISO 8601 time with a time zone',
      ],
      // Longer than its column: PostgreSQL would refuse it, SQLite keep it.
      [
        [change({ externalId: 'bad-3', title: 'x'.repeat(1025) })],
        'changes[0].title',
      ],
      [[change({ externalId: 'x'.repeat(256) })], 'changes[0].externalId'],
      [
        [
          change({
            externalId: 'bad-4',
            operators: [{ kind: 'github-login', value: 'y'.repeat(256) }],
          }),
        ],
        'changes[0].operators[0].value',
      ],
      [
        [change({ externalId: 'bad-5', entityRefs: ['checkout-api'] })],
        'changes[0].entityRefs[0]',
      ],
      [
        [
          change({
            externalId: 'bad-6',
            links: [{ title: 'Run', url: 'ftp://example.com/run' }],
          }),
        ],
        'changes[0].links[0].url: must be an http(s) URL',
      ],
      [
        [
          change({
            externalId: 'bad-7',
            finishedAt: `${WEDNESDAY}T09:00:00Z`,
          }),
        ],
        'changes[0].finishedAt: must not be before startedAt',
      ],
      [
        [change({ externalId: 'bad-8', operators: [] })],
        'changes[0].operators',
      ],
    ];
    for (const [changes, message] of cases) {
      const res = await record({ source: 'cli', changes });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
    }
    const noChanges = await record({ source: 'cli' });
    expect(noChanges.status).toBe(400);
    expect(noChanges.body.error.message).toContain('changes');
    const badSource = await record({ source: 'CLI!', changes: [change()] });
    expect(badSource.status).toBe(400);
    expect(badSource.body.error.message).toContain('source');

    expect((await list(CHECKOUT)).items).toHaveLength(before);
  });

  it('keeps and flags people no catalog User matches', async () => {
    await record({
      source: 'cli',
      changes: [
        change({
          externalId: 'run-3',
          operators: [{ kind: 'email', value: 'ALICE@acme.example' }],
          pairs: [{ kind: 'github-login', value: 'contractor-zed' }],
        }),
      ],
    });
    const item = (await list(CHECKOUT)).items.find(
      i => i.externalId === 'run-3',
    )!;
    expect(item.operators).toEqual([
      { kind: 'email', value: 'ALICE@acme.example', userRef: ALICE },
    ]);
    expect(item.pairs).toEqual([
      { kind: 'github-login', value: 'contractor-zed', userRef: null },
    ]);
    // An unmatched pair is still someone else: the change is not solo.
    expect(item.findings).not.toContain('solo');
  });

  it('finds an off-hours change in the owning team’s time zone, and the alerts after it', async () => {
    // 14:00 UTC is 23:00 in Tokyo: off-hours for Platform, not for Product.
    const lateStart = `${WEDNESDAY}T14:00:00Z`;
    await record({
      source: 'cli',
      changes: [
        change({
          externalId: 'late-inventory',
          entityRefs: [INVENTORY],
          startedAt: lateStart,
          finishedAt: undefined,
          pairs: [],
          procedure: undefined,
          terraform: undefined,
        }),
        change({
          externalId: 'late-checkout',
          startedAt: lateStart,
          finishedAt: undefined,
        }),
      ],
    });
    // Through the generic webhook: one alert 30 minutes after, one past the 120-minute window.
    const webhook = await request(server)
      .post('/api/sre/webhooks/generic')
      .set('Authorization', `Bearer ${SECRET}`)
      .send({
        alerts: [
          {
            key: 'inventory-lag',
            title: 'Inventory sync lag',
            status: 'firing',
            startsAt: `${WEDNESDAY}T14:30:00Z`,
            labels: { service: 'inventory-sync' },
          },
          {
            key: 'inventory-later',
            title: 'Later alert',
            status: 'firing',
            startsAt: `${WEDNESDAY}T16:30:00Z`,
            labels: { service: 'inventory-sync' },
          },
        ],
      });
    expect(webhook.status).toBe(200);

    const inventory = await list(INVENTORY);
    expect(inventory.policy.workingHours.timeZone).toBe('Asia/Tokyo');
    const late = inventory.items.find(i => i.externalId === 'late-inventory')!;
    expect(late.findings).toEqual([
      'solo',
      'unreviewed-procedure',
      'off-hours',
      'followed-by-alerts',
    ]);
    expect(late.alertsAfter).toEqual([
      expect.objectContaining({
        title: 'Inventory sync lag',
        startsAt: '2026-11-25T14:30:00.000Z',
        entityRef: INVENTORY,
      }),
    ]);
    expect(inventory.summary).toMatchObject({
      total: 1,
      solo: 1,
      offHours: 1,
      followedByAlerts: 1,
    });

    const checkout = (await list(CHECKOUT)).items.find(
      i => i.externalId === 'late-checkout',
    )!;
    expect(checkout.findings).toEqual([]);
  });

  it("sums a team's changes per person, lists its solo ones and its apply trends", async () => {
    // Six applies on Platform's workspace at 11:00 in Tokyo on weekdays, slower and slower.
    const days = ['02', '03', '04', '05', '06', '09'];
    const applies = [300, 320, 340, 500, 520, 560].map((seconds, index) =>
      change({
        externalId: `apply-${index}`,
        entityRefs: [INVENTORY],
        startedAt: `2026-11-${days[index]}T02:00:00Z`,
        finishedAt: undefined,
        terraform: { workspace: 'acme/inventory-prod', applySeconds: seconds },
      }),
    );
    expect((await record({ source: 'cli', changes: applies })).status).toBe(
      200,
    );
    const res = await request(server)
      .get(`/api/sre/changes/team?teamRef=${PLATFORM}&${RANGE}`)
      .set('Authorization', mockCredentials.user.header(ALICE));
    expect(res.status).toBe(200);
    const team: TeamChangesResponse = res.body;
    // The six paired applies and the late solo one; none of Product's.
    expect(team.summary).toMatchObject({
      total: 7,
      paired: 6,
      solo: 1,
      offHours: 1,
      followedByAlerts: 1,
    });
    expect(team.solo.map(item => item.externalId)).toEqual(['late-inventory']);
    const alice = team.people.find(p => p.person === ALICE)!;
    expect(alice).toEqual({
      person: ALICE,
      userRef: ALICE,
      operated: 7,
      operatedPaired: 6,
      pairedOn: 0,
      offHours: 1,
    });
    expect(team.people.find(p => p.person === BOB)).toMatchObject({
      operated: 0,
      pairedOn: 6,
      offHours: 0,
    });
    // 2026-11-01 … 12-01 is within the 90-day window before `to`.
    expect(team.applyTrends).toEqual([
      expect.objectContaining({
        workspace: 'acme/inventory-prod',
        earlierMedianSeconds: 320,
        laterMedianSeconds: 520,
        rising: true,
      }),
    ]);

    const unknownTeam = await request(server)
      .get(`/api/sre/changes/team?teamRef=group:default/nobody&${RANGE}`)
      .set('Authorization', mockCredentials.user.header(ALICE));
    expect(unknownTeam.status).toBe(404);
  });

  it('takes changes in the generic webhook, all or nothing with its alerts', async () => {
    const webhook = (body: object) =>
      request(server)
        .post('/api/sre/webhooks/generic')
        .set('Authorization', `Bearer ${SECRET}`)
        .send(body);
    const alert = {
      key: 'checkout-webhook-alert',
      title: 'Checkout errors',
      status: 'firing',
      startsAt: `${WEDNESDAY}T11:00:00Z`,
      labels: { service: 'checkout-api' },
    };
    const checkoutAlerts = async () =>
      (
        await request(server)
          .get(
            `/api/sre/entities/component/default/checkout-api/alerts?${RANGE}`,
          )
          .set('Authorization', mockCredentials.user.header(ALICE))
      ).body.items.map((item: { title: string }) => item.title);

    const bad = await webhook({
      alerts: [alert],
      changes: [change({ externalId: 'hook-1', startedAt: 'soon' })],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('changes[0].startedAt');
    expect(await checkoutAlerts()).not.toContain('Checkout errors');

    const good = await webhook({
      alerts: [alert],
      changes: [change({ externalId: 'hook-1', pairs: [] })],
    });
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({ received: 1, changes: 1 });
    // Changes alone are a delivery too.
    const changesOnly = await webhook({
      changes: [change({ externalId: 'hook-2' })],
    });
    expect(changesOnly.status).toBe(200);
    expect((await webhook({})).status).toBe(400);

    expect(await checkoutAlerts()).toContain('Checkout errors');
    const items = (await list(CHECKOUT)).items.filter(
      i => i.source === 'webhook',
    );
    expect(items.map(i => i.externalId).sort()).toEqual(['hook-1', 'hook-2']);
    // The alert an hour after the solo change follows it.
    expect(items.find(i => i.externalId === 'hook-1')!.findings).toEqual([
      'solo',
      'followed-by-alerts',
    ]);
  });

  it('pulls change sources on schedule, from where the last pull got to', async () => {
    pulled = [
      change({ externalId: 'ci-1', title: 'Deploy from CI', kind: 'deploy' }),
    ];
    await scheduler.triggerTask('sre-change-pull');
    pulled = [];
    await scheduler.triggerTask('sre-change-pull');
    expect(pullCalls).toHaveLength(2);
    expect(pullCalls[1].since).toEqual(pullCalls[0].now);
    pullCalls.length = 0;

    const item = (await list(CHECKOUT)).items.find(
      i => i.externalId === 'ci-1',
    )!;
    expect(item).toMatchObject({ source: 'test-ci', kind: 'deploy' });

    // A bad change fails the pull: nothing of it stored, the position kept.
    pulled = [
      change({ externalId: 'ci-2' }),
      change({ externalId: 'ci-3', outcome: 'exploded' as 'failed' }),
    ];
    await scheduler.triggerTask('sre-change-pull');
    pulled = [];
    await scheduler.triggerTask('sre-change-pull');
    expect(pullCalls[1].since).toEqual(pullCalls[0].since);
    const ids = (await list(CHECKOUT)).items.map(i => i.externalId);
    expect(ids).not.toContain('ci-2');
    pullCalls.length = 0;
  });

  it('stores a change a source hands over twice in one pull once, as last handed over', async () => {
    pulled = [
      change({ externalId: 'ci-twice', title: 'Deploy, as first listed' }),
      change({ externalId: 'ci-4', title: 'Another deploy' }),
      change({ externalId: 'ci-twice', title: 'Deploy, as listed again' }),
    ];
    await scheduler.triggerTask('sre-change-pull');
    pulled = [];
    pullCalls.length = 0;
    const items = (await list(CHECKOUT)).items.filter(
      i => i.externalId === 'ci-twice' || i.externalId === 'ci-4',
    );
    expect(items.map(i => [i.externalId, i.title]).sort()).toEqual([
      ['ci-4', 'Another deploy'],
      ['ci-twice', 'Deploy, as listed again'],
    ]);
  });
});
