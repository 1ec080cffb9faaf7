import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  createServiceFactory,
  type ServiceFactory,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { notificationService } from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ACCESS_EVIDENCE_SCHEMA,
  ChainedAccessAuditEntry,
  verifyAccessAuditChain,
} from '@baton/plugin-sre-common';
import Ajv from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import { auditFromEvidenceCsv } from './__testUtils__/auditCsv';
import { startSreTestBackend } from '../__testUtils__/sreTestBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const DAY = 86_400_000;
const ADA = 'user:default/ada';
const BO = 'user:default/bo';
const CY = 'user:default/cy';
const ZED = 'user:default/zed';
const ADMIN = 'user:default/root-admin';

const relation = (type: string, targetRef: string) => ({ type, targetRef });
const user = (name: string, groups: string[] = []): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { profile: { email: `${name}@acme.example` } },
  relations: groups.map(group => relation('memberOf', group)),
});
const resource = (name: string, source: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'baton.dev/access-source': source },
  },
  spec: { type: 'saas', owner },
  relations: [relation('ownedBy', owner)],
});

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'platform', namespace: 'default' },
    spec: { type: 'team', children: [] },
    relations: [
      ...[ADA, BO, CY].map(ref => relation('hasMember', ref)),
      relation('childOf', 'group:default/engineering'),
    ],
  },
  {
    // No member of its own: its sub-team's members review what it owns.
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'engineering', namespace: 'default' },
    spec: { type: 'department', children: ['platform'] },
    relations: [relation('parentOf', 'group:default/platform')],
  },
  user('ada', ['group:default/platform']),
  user('bo', ['group:default/platform']),
  user('cy', ['group:default/platform']),
  user('zed'),
  user('root-admin'),
  resource('monitoring', 'file:monitoring', 'group:default/engineering'),
  resource('status-page', 'file:status-page', ADA),
  resource('pager', 'nothing-handles:this', 'group:default/platform'),
  {
    // A service that depends on the monitoring SaaS: its readiness reads the reviews.
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'shop-api', namespace: 'default' },
    spec: { type: 'service', owner: 'platform', lifecycle: 'production' },
    relations: [
      relation('ownedBy', 'group:default/platform'),
      relation('dependsOn', 'resource:default/monitoring'),
    ],
  },
];

type Check = { id: string; status: string; reason: string };
const accessChecks = (readiness: { checks: Check[] }) =>
  Object.fromEntries(
    readiness.checks
      .filter(check => check.id.startsWith('access-'))
      .map(check => [check.id, [check.status, check.reason]]),
  );

const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

describe.each(databases.eachSupportedId())('access reviews API on %s', id => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-access-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const monitoringCsv = path.join(dir, 'monitoring.csv');
  const statusPageYaml = path.join(dir, 'status-page.yaml');

  function writeInventories() {
    fs.writeFileSync(
      monitoringCsv,
      [
        'principal,principal_kind,resource,privilege,last_used_at,flags',
        `ada@acme.example,email,saas:monitoring,admin,${ago(2)},`,
        `bo@acme.example,email,saas:monitoring,member,${ago(200)},`,
        `shared-ops@acme.example,email,saas:monitoring,member,never,shared`,
      ].join('\n'),
    );
    fs.writeFileSync(
      statusPageYaml,
      [
        'generatedAt: 2026-11-01T08:00:00Z',
        'grants:',
        '  - principal: ada@acme.example',
        '    principalKind: email',
        '    resource: saas:status-page',
        '    privilege: owner',
      ].join('\n'),
    );
  }

  async function startBackend(
    extra: { permissions?: ServiceFactory<unknown, 'plugin'> } = {},
  ) {
    writeInventories();
    const knex = await databases.init(id);
    // What the notifications backend would receive.
    const sent: Array<{
      recipients: { entityRef: string };
      payload: Record<string, unknown>;
    }> = [];
    const { server, scheduler } = await startSreTestBackend({
      knex,
      anonymousByDefault: true,
      config: {
        sre: {
          accessReviews: {
            admins: ['root-admin'],
            files: {
              monitoring: monitoringCsv,
              'status-page': statusPageYaml,
            },
            campaigns: {
              schedule: {
                frequency: { days: 90 },
                timeout: { minutes: 5 },
              },
              title: 'Quarterly access review',
              dueDays: 10,
            },
          },
        },
      },
      entities,
      permissions: extra.permissions,
      features: [
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({
            send: async (notification: unknown) => {
              sent.push(notification as (typeof sent)[number]);
            },
          }),
        }),
      ],
    });
    const as = (userRef: string) => mockCredentials.user.header(userRef);
    return {
      knex,
      server,
      scheduler,
      sent,
      get: (url: string, userRef = ADA) =>
        request(server).get(`/api/sre${url}`).set('Authorization', as(userRef)),
      post: (url: string, body: object, userRef = ADA) =>
        request(server)
          .post(`/api/sre${url}`)
          .set('Authorization', as(userRef))
          .send(body),
    };
  }

  type Item = {
    id: string;
    principal: string;
    userRef: string | null;
    reviewers: string[];
    flags: string[];
    source: string;
    generatedAt: string;
    decision: string | null;
  };
  const byPrincipal = (items: Item[], principal: string, source?: string) =>
    items.find(
      item =>
        item.principal === principal && (!source || item.source === source),
    )!;

  it('freezes the inventory when a campaign starts, matches people and picks reviewers who are not the person', async () => {
    const { post, get, sent } = await startBackend();
    const created = await post('/access-reviews', {
      title: 'Q4 access review',
      dueDate: '2030-12-15',
    });
    expect(created.status).toBe(201);
    const { campaign, items, audit } = created.body;
    expect(campaign).toMatchObject({
      title: 'Q4 access review',
      state: 'open',
      createdBy: ADA,
      dueDate: '2030-12-15',
      progress: { total: 4, decided: 0 },
    });
    // The source nobody handles is in the campaign with its error, not dropped silently.
    expect(campaign.resources).toEqual([
      expect.objectContaining({
        resourceRef: 'resource:default/monitoring',
        source: 'file:monitoring',
        error: null,
      }),
      expect.objectContaining({
        resourceRef: 'resource:default/status-page',
        generatedAt: '2026-11-01T08:00:00.000Z',
        error: null,
      }),
      expect.objectContaining({
        resourceRef: 'resource:default/pager',
        generatedAt: null,
        error: "No access source module handles 'nothing-handles:this'",
      }),
    ]);

    const ada = byPrincipal(items, 'ada@acme.example', 'file:monitoring');
    expect(ada).toMatchObject({
      userRef: ADA,
      privilege: 'admin',
      reviewers: [BO, CY],
      flags: ['admin-privilege'],
    });
    expect(byPrincipal(items, 'bo@acme.example').reviewers).toEqual([ADA, CY]);
    // Unmatched principals are kept and flagged; the source said it was never used.
    expect(byPrincipal(items, 'shared-ops@acme.example')).toMatchObject({
      userRef: null,
      reviewers: [ADA, BO, CY],
      flags: ['shared', 'no-person-in-catalog', 'never-used'],
    });
    // Ada owns the status page alone: the configured admin reviews her access.
    expect(
      byPrincipal(items, 'ada@acme.example', 'file:status-page'),
    ).toMatchObject({
      reviewers: [ADMIN],
      generatedAt: '2026-11-01T08:00:00.000Z',
    });
    expect(audit).toEqual([
      expect.objectContaining({ action: 'campaign-created', actor: ADA }),
    ]);
    // Each reviewer is told, once, with the number of items to decide.
    expect(
      sent.map(notification => [
        notification.recipients.entityRef,
        notification.payload.description,
        notification.payload.link,
      ]),
    ).toEqual([
      [
        ADA,
        '2 items to decide by 2030-12-15: keep, revoke or transfer each grant.',
        `/access-reviews/${campaign.id}`,
      ],
      [
        BO,
        '2 items to decide by 2030-12-15: keep, revoke or transfer each grant.',
        `/access-reviews/${campaign.id}`,
      ],
      [
        CY,
        '3 items to decide by 2030-12-15: keep, revoke or transfer each grant.',
        `/access-reviews/${campaign.id}`,
      ],
      [
        ADMIN,
        '1 item to decide by 2030-12-15: keep, revoke or transfer each grant.',
        `/access-reviews/${campaign.id}`,
      ],
    ]);

    // The source changes afterwards; the campaign keeps what it froze.
    fs.writeFileSync(
      monitoringCsv,
      'principal,principal_kind,resource,privilege,last_used_at,flags\nnew@acme.example,email,saas:monitoring,admin,,\n',
    );
    const again = await get(`/access-reviews/${campaign.id}`);
    expect(again.body.items.map((item: Item) => item.principal)).toEqual(
      items.map((item: Item) => item.principal),
    );
    // Progress per reviewer.
    expect(again.body.campaign.progress.byReviewer).toEqual(
      [
        { userRef: ADA, total: 2, decided: 0 },
        { userRef: BO, total: 2, decided: 0 },
        { userRef: CY, total: 3, decided: 0 },
        { userRef: ADMIN, total: 1, decided: 0 },
      ].sort((a, b) => a.userRef.localeCompare(b.userRef)),
    );
  });

  it('starts a campaign on schedule as the plugin, and none while that one is open', async () => {
    const { get, scheduler } = await startBackend();
    await scheduler.triggerTask('sre-access-campaign');
    await scheduler.triggerTask('sre-access-campaign');
    const { items } = (await get('/access-reviews')).body;
    expect(items).toHaveLength(1);
    const today = new Date().toISOString().slice(0, 10);
    expect(items[0]).toMatchObject({
      title: `Quarterly access review ${today}`,
      createdBy: 'plugin:sre',
      state: 'open',
      dueDate: new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10),
      progress: { total: 4, decided: 0 },
    });
  });

  it('reminds reviewers who still have items to decide when the due date nears', async () => {
    const { post, scheduler, sent } = await startBackend();
    const soon = new Date(Date.now() + 2 * DAY).toISOString().slice(0, 10);
    const later = new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10);
    const due = (await post('/access-reviews', { title: 'Due', dueDate: soon }))
      .body;
    await post('/access-reviews', { title: 'Later', dueDate: later });
    // Cy decides everything Cy could decide in the campaign due soon, except Ada's own items.
    const cyItems = due.items.filter((item: Item) =>
      item.reviewers.includes(CY),
    );
    const decided = await post(
      `/access-reviews/${due.campaign.id}/decisions`,
      {
        itemIds: cyItems.map((item: Item) => item.id),
        decision: 'revoke',
      },
      CY,
    );
    expect(decided.status).toBe(200);
    sent.length = 0;

    await scheduler.triggerTask('sre-access-reminders');

    // Only the admin's item (the status page, about Ada) is left in the campaign due soon.
    expect(
      sent.map(notification => [
        notification.recipients.entityRef,
        notification.payload.title,
        notification.payload.description,
        notification.payload.severity,
      ]),
    ).toEqual([
      [
        ADMIN,
        `Access review due ${soon}: Due`,
        'You still have 1 item to decide.',
        'high',
      ],
    ]);
  });

  it('guards decisions: credentials, reviewers, never oneself, comments, and a closed campaign', async () => {
    const { post, get, server } = await startBackend();
    const readiness = async () =>
      accessChecks(
        (await get('/entities/component/default/shop-api/readiness')).body,
      );
    // No campaign yet: the access checks do not know.
    expect(await readiness()).toEqual({
      'access-holders': ['unknown', expect.any(String)],
      'access-review': ['unknown', expect.any(String)],
    });
    const { campaign, items } = (
      await post('/access-reviews', { title: 'Review' })
    ).body;
    // An open campaign is not a review yet: still unknown.
    expect(Object.values(await readiness()).map(([status]) => status)).toEqual([
      'unknown',
      'unknown',
    ]);
    const ada = byPrincipal(items, 'ada@acme.example', 'file:monitoring');
    const bo = byPrincipal(items, 'bo@acme.example');
    const shared = byPrincipal(items, 'shared-ops@acme.example');
    const statusPage = byPrincipal(
      items,
      'ada@acme.example',
      'file:status-page',
    );
    const decide = (item: Item, body: object, userRef: string) =>
      post(
        `/access-reviews/${campaign.id}/items/${item.id}/decision`,
        body,
        userRef,
      );

    const anonymous = await request(server)
      .post(`/api/sre/access-reviews/${campaign.id}/items/${ada.id}/decision`)
      .send({ decision: 'keep' });
    expect(anonymous.status).toBe(401);

    const outsider = await decide(ada, { decision: 'keep' }, ZED);
    expect(outsider.status).toBe(403);
    expect(outsider.body.error.message).toMatch(/not a reviewer of item/);

    const self = await decide(ada, { decision: 'keep' }, ADA);
    expect(self.status).toBe(403);
    expect(self.body.error.message).toMatch(/about your own access/);
    // Not even an admin's item about oneself.
    expect((await decide(statusPage, { decision: 'keep' }, ADA)).status).toBe(
      403,
    );

    // Bo's access was last used 200 days ago: keeping it needs a reason.
    const stale = await decide(bo, { decision: 'keep' }, CY);
    expect(stale.status).toBe(400);
    expect(stale.body.error.message).toMatch(
      /^comment: keeping access unused for more than 90 days needs a comment/,
    );
    // In bulk as well, all or none: the 400 names the stale item's comment.
    const staleInBulk = await post(
      `/access-reviews/${campaign.id}/decisions`,
      { itemIds: [ada.id, bo.id], decision: 'keep', comment: '  ' },
      CY,
    );
    expect(staleInBulk.status).toBe(400);
    expect(staleInBulk.body.error.message).toMatch(
      /^decisions\[1\]\.comment: keeping access unused for more than 90 days/,
    );
    expect(
      (await get(`/access-reviews/${campaign.id}`)).body.items
        .filter((item: Item) => [ada.id, bo.id].includes(item.id))
        .map((item: Item) => item.decision),
    ).toEqual([null, null]);
    const kept = await decide(
      bo,
      { decision: 'keep', comment: 'On-call for the year-end freeze' },
      CY,
    );
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({
      decision: 'keep',
      decidedBy: CY,
      comment: 'On-call for the year-end freeze',
    });

    // A transfer names who takes over, and why.
    expect(
      (await decide(ada, { decision: 'transfer', transferTo: 'bo' }, CY)).body
        .error.message,
    ).toMatch(/^comment: a transfer needs a comment/);
    expect(
      (
        await decide(
          ada,
          { decision: 'transfer', transferTo: 'nobody', comment: 'leave' },
          CY,
        )
      ).body.error.message,
    ).toBe('transferTo: no user user:default/nobody in the catalog');
    const transferred = await decide(
      ada,
      {
        decision: 'transfer',
        transferTo: 'bo',
        comment: 'Ada goes on parental leave; Bo takes over admin',
      },
      CY,
    );
    expect(transferred.status).toBe(200);
    expect(transferred.body).toMatchObject({
      decision: 'transfer',
      transferTo: BO,
    });

    // Bulk: all or none. Ada may decide the shared account but not the status page.
    const mixed = await post(
      `/access-reviews/${campaign.id}/decisions`,
      { itemIds: [shared.id, statusPage.id], decision: 'revoke' },
      ADA,
    );
    expect(mixed.status).toBe(403);
    expect(
      (await get(`/access-reviews/${campaign.id}`)).body.campaign.progress
        .decided,
    ).toBe(2);

    // The platform team's reliability review lists what its members still
    // have to decide, and who decided how much since the start.
    const review = (await get('/reviews/default/platform')).body.agenda;
    expect(review.access).toEqual({
      openItems: 1,
      campaigns: [
        {
          id: campaign.id,
          title: 'Review',
          dueDate: null,
          openItems: 1,
        },
      ],
    });
    expect(
      review.activity.members.map(
        (member: { userRef: string; decisions: number }) => [
          member.userRef,
          member.decisions,
        ],
      ),
    ).toEqual([
      [ADA, 0],
      [BO, 0],
      [CY, 2],
    ]);

    // Decisions change until the campaign closes…
    expect((await decide(bo, { decision: 'revoke' }, ADA)).body).toMatchObject({
      decision: 'revoke',
      decidedBy: ADA,
    });
    const early = await post(`/access-reviews/${campaign.id}/close`, {});
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/2 undecided items/);
    expect(
      (
        await post(
          `/access-reviews/${campaign.id}/decisions`,
          { itemIds: [shared.id], decision: 'revoke' },
          BO,
        )
      ).status,
    ).toBe(200);
    expect((await decide(statusPage, { decision: 'keep' }, ADMIN)).status).toBe(
      200,
    );
    const closed = await post(`/access-reviews/${campaign.id}/close`, {}, BO);
    expect(closed.status).toBe(200);
    expect(closed.body.campaign).toMatchObject({
      state: 'closed',
      closedBy: BO,
    });
    // Signed off: reviewed now; Ada's admin access went to Bo, who is the only admin.
    expect(await readiness()).toEqual({
      'access-holders': ['fail', 'monitoring: 1 admins'],
      'access-review': ['pass', 'All reviewed within 120 days.'],
    });
    // …then they are locked.
    const late = await decide(bo, { decision: 'keep', comment: 'x' }, CY);
    expect(late.status).toBe(409);
    expect(
      (await post(`/access-reviews/${campaign.id}/close`, {}, BO)).status,
    ).toBe(409);

    // Every action is in the audit log, in order, and no route changes it.
    const { audit } = (await get(`/access-reviews/${campaign.id}`)).body;
    expect(
      audit.map((entry: { action: string; actor: string }) => [
        entry.action,
        entry.actor,
      ]),
    ).toEqual([
      ['campaign-created', ADA],
      ['decision-made', CY],
      ['decision-made', CY],
      ['decision-changed', ADA],
      ['decision-made', BO],
      ['decision-made', ADMIN],
      ['campaign-closed', BO],
    ]);
    expect(audit[3].details).toMatchObject({
      from: 'keep',
      decision: 'revoke',
    });
    for (const method of ['put', 'patch', 'delete'] as const) {
      const res = await request(server)
        [method](`/api/sre/access-reviews/${campaign.id}/audit/${audit[0].id}`)
        .set('Authorization', mockCredentials.user.header(ADA))
        .send({ actor: ZED });
      expect(res.status).toBe(404);
    }
    expect(
      (
        await request(server)
          .delete(`/api/sre/access-reviews/${campaign.id}`)
          .set('Authorization', mockCredentials.user.header(ADA))
      ).status,
    ).toBe(404);

    // The caller's tasks: nothing left once the campaign is closed.
    expect((await get('/tasks', CY)).body.items).toEqual([]);
  });

  it('exports evidence as CSV safe from formula injection and as JSON that validates against its schema', async () => {
    const { post, get } = await startBackend();
    fs.appendFileSync(
      monitoringCsv,
      '\n"=HYPERLINK(""http://evil.example"")",other,saas:monitoring,member,,\n"@SUM(1+1)",other,saas:monitoring,member,,',
    );
    const { campaign, items } = (
      await post('/access-reviews', {
        title: '-Q4 review',
        resourceRefs: ['resource:default/monitoring'],
      })
    ).body;
    expect(items).toHaveLength(5);

    // Tasks: Cy's undecided items.
    const tasks = (await get('/tasks', CY)).body.items;
    expect(tasks.map((item: Item) => item.id).sort()).toEqual(
      items
        .filter((item: Item) => item.reviewers.includes(CY))
        .map((item: Item) => item.id)
        .sort(),
    );

    const csv = await get(`/access-reviews/${campaign.id}/evidence?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    // The items, the audit log, and the head of its chain.
    const [lines, auditLines, headLines] = csv.text
      .trim()
      .split('\r\n\r\n')
      .map(section => section.split('\r\n'));
    expect(lines).toHaveLength(6);
    expect(lines[1]).toMatch(/^\d+,'-Q4 review,/);
    expect(auditLines).toEqual([
      'campaign_id,seq,at,actor,action,item_id,details,prev_hash,hash',
      expect.stringMatching(
        new RegExp(
          `^${campaign.id},1,[^,]+,user:default/ada,campaign-created,,".*",0{64},[0-9a-f]{64}$`,
        ),
      ),
    ]);
    expect(headLines).toEqual([
      `audit_chain_head,${auditLines[1].split(',').at(-1)}`,
    ]);
    expect(csv.text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv.text).toContain(",'@SUM(1+1),");
    expect(csv.text).not.toMatch(/(^|,)[=+@]/m);

    const json = await get(
      `/access-reviews/${campaign.id}/evidence?format=json`,
    );
    expect(json.status).toBe(200);
    const ajv = new Ajv({ strict: true });
    addFormats(ajv);
    const validate = ajv.compile(ACCESS_EVIDENCE_SCHEMA);
    const valid = validate(json.body);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(json.body.items).toHaveLength(5);
    expect(json.body.signOff).toBeNull();

    // Both downloads are in the audit log.
    const { audit } = (await get(`/access-reviews/${campaign.id}`)).body;
    expect(
      audit
        .filter(
          (entry: { action: string }) => entry.action === 'evidence-downloaded',
        )
        .map((entry: { details: { format: string } }) => entry.details.format),
    ).toEqual(['csv', 'json']);

    // Bad input names the field.
    expect(
      (await get(`/access-reviews/${campaign.id}/evidence?format=xlsx`)).body
        .error.message,
    ).toMatch(/^format: /);
    expect((await get('/access-reviews/abc')).body.error.message).toBe(
      'id: must be a campaign id',
    );
    expect((await get('/access-reviews/99999')).status).toBe(404);
    expect(
      (await post('/access-reviews', { title: '' })).body.error.message,
    ).toMatch(/^title: must not be empty/);
    expect(
      (
        await post('/access-reviews', {
          title: 'x',
          resourceRefs: ['resource:default/nope'],
        })
      ).body.error.message,
    ).toMatch(/^resourceRefs\[0\]: resource:default\/nope is not a Resource/);
    expect(
      (
        await post(
          `/access-reviews/${campaign.id}/items/${items[0].id}/decision`,
          { decision: 'maybe' },
          CY,
        )
      ).body.error.message,
    ).toMatch(/^decision: /);
  });

  it('refuses a transfer to the reviewer who decides, whatever form of their ref names them', async () => {
    const { post } = await startBackend();
    const { campaign, items } = (
      await post('/access-reviews', { title: 'Review' })
    ).body;
    const ada = byPrincipal(items, 'ada@acme.example', 'file:monitoring');
    const shared = byPrincipal(items, 'shared-ops@acme.example');
    const comment = 'Ada moves teams';
    for (const transferTo of [
      'cy',
      'user:cy',
      'default/cy',
      CY,
      'User:Default/cy',
    ]) {
      const refused = await post(
        `/access-reviews/${campaign.id}/items/${ada.id}/decision`,
        { decision: 'transfer', transferTo, comment },
        CY,
      );
      expect([transferTo, refused.status]).toEqual([transferTo, 400]);
      expect(refused.body.error.message).toBe(
        'transferTo: you cannot transfer access to yourself; another reviewer decides whether you take it over',
      );
    }
    // In bulk, the field names the first decision.
    const bulk = await post(
      `/access-reviews/${campaign.id}/decisions`,
      {
        itemIds: [ada.id, shared.id],
        decision: 'transfer',
        transferTo: 'cy',
        comment,
      },
      CY,
    );
    expect(bulk.status).toBe(400);
    expect(bulk.body.error.message).toMatch(/^decisions\[0\]\.transferTo: /);
    // Nothing was written, and another reviewer may still hand it to Cy.
    const toCy = await post(
      `/access-reviews/${campaign.id}/items/${ada.id}/decision`,
      { decision: 'transfer', transferTo: 'cy', comment },
      BO,
    );
    expect(toCy.status).toBe(200);
    expect(toCy.body).toMatchObject({ transferTo: CY, decidedBy: BO });
  });

  it('signs a campaign off only with sre.access-review.close, which is not the create permission', async () => {
    const createButNotClose = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(request_ => ({
          result:
            request_.permission.name === 'sre.access-review.close'
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        })),
      authorizeConditional: async requests =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    });
    const { post, get } = await startBackend({
      permissions: createButNotClose.factory as ServiceFactory<
        unknown,
        'plugin'
      >,
    });
    const created = await post('/access-reviews', {
      title: 'Review',
      resourceRefs: ['resource:default/status-page'],
    });
    expect(created.status).toBe(201);
    const { campaign, items } = created.body;
    expect(
      (
        await post(
          `/access-reviews/${campaign.id}/items/${items[0].id}/decision`,
          { decision: 'keep' },
          ADMIN,
        )
      ).status,
    ).toBe(200);
    const refused = await post(`/access-reviews/${campaign.id}/close`, {});
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(
      'You may not do this: permission sre.access-review.close was denied',
    );
    expect(
      (await get(`/access-reviews/${campaign.id}`)).body.campaign,
    ).toMatchObject({ state: 'open', closedBy: null });
  });

  it('chains the audit log: the evidence recomputes to its head, and a row edited in the database breaks the chain there', async () => {
    const { post, get, knex } = await startBackend();
    const { campaign, items } = (
      await post('/access-reviews', { title: 'Review' })
    ).body;
    const bo = byPrincipal(items, 'bo@acme.example');
    const shared = byPrincipal(items, 'shared-ops@acme.example');
    const decisionPath = (item: Item) =>
      `/access-reviews/${campaign.id}/items/${item.id}/decision`;
    await post(decisionPath(bo), { decision: 'revoke' }, CY);
    await post(decisionPath(shared), { decision: 'revoke' }, CY);
    const evidenceOf = (format: string) =>
      get(`/access-reviews/${campaign.id}/evidence?format=${format}`);

    const csv = await evidenceOf('csv');
    const json = (await evidenceOf('json')).body;
    expect(
      json.audit.map((entry: ChainedAccessAuditEntry) => [
        entry.seq,
        entry.action,
      ]),
    ).toEqual([
      [1, 'campaign-created'],
      [2, 'decision-made'],
      [3, 'decision-made'],
      // The CSV's download; the JSON's own comes after its export.
      [4, 'evidence-downloaded'],
    ]);
    expect(verifyAccessAuditChain(json.audit)).toEqual({
      valid: true,
      head: json.auditChainHead,
    });
    expect(json.auditChainHead).toBe(json.audit[3].hash);

    // The CSV recomputes the same way, to the head of the chain when it was written.
    const { entries: fromCsv, head } = auditFromEvidenceCsv(csv.text);
    expect(verifyAccessAuditChain(fromCsv)).toEqual({ valid: true, head });
    expect(head).toBe(json.audit[2].hash);

    // Someone with the database in hand takes the trigger away and rewrites
    // Cy's second decision as a keep.
    await knex.raw(
      knex.client.config.client === 'pg'
        ? 'DROP TRIGGER sre_access_audit_append_only ON sre_access_audit'
        : 'DROP TRIGGER sre_access_audit_no_update',
    );
    await knex('sre_access_audit')
      .where({ campaign_id: Number(campaign.id), seq: 3 })
      .update({
        details: JSON.stringify({ ...json.audit[2].details, decision: 'keep' }),
      });
    const forged = (await evidenceOf('json')).body;
    expect(forged.audit[2].details.decision).toBe('keep');
    expect(verifyAccessAuditChain(forged.audit)).toEqual({
      valid: false,
      index: 2,
      seq: 3,
      reason:
        'the row does not hash to its hash: it was changed after it was written',
    });
  });

  it('keeps one chain when many requests append to a campaign at once', async () => {
    const { post, get } = await startBackend();
    const { campaign, items } = (
      await post('/access-reviews', { title: 'Review' })
    ).body;
    const cyItems = items.filter(
      (item: Item) => item.reviewers.includes(CY) && item.userRef !== CY,
    );
    const responses = await Promise.all([
      ...Array.from({ length: 8 }, () =>
        get(`/access-reviews/${campaign.id}/evidence?format=json`),
      ),
      ...cyItems.map((item: Item) =>
        post(
          `/access-reviews/${campaign.id}/items/${item.id}/decision`,
          { decision: 'revoke' },
          CY,
        ),
      ),
    ]);
    expect(responses.map(response => response.status)).toEqual(
      responses.map(() => 200),
    );
    const { audit } = (await get(`/access-reviews/${campaign.id}`)).body;
    expect(audit).toHaveLength(1 + 8 + cyItems.length);
    expect(audit.map((entry: ChainedAccessAuditEntry) => entry.seq)).toEqual(
      audit.map((_: unknown, index: number) => index + 1),
    );
    expect(verifyAccessAuditChain(audit)).toEqual({
      valid: true,
      head: audit.at(-1).hash,
    });
  });

  it('lets a permission policy narrow deciding to reviewers it names, and deny creating campaigns', async () => {
    const conditional = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
      // A policy that passes the caller's claims for Cy only (say, the
      // security champion); anyone else's claims match no reviewer.
      authorizeConditional: async (requests, options) =>
        requests.map(() => ({
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'sre',
          resourceType: 'sre-access-review-item',
          conditions: {
            rule: 'IS_ACCESS_REVIEW_ITEM_REVIEWER',
            resourceType: 'sre-access-review-item',
            params: {
              claims:
                (options?.credentials.principal as { userEntityRef?: string })
                  .userEntityRef === CY
                  ? [CY]
                  : ['group:default/security'],
            },
          },
        })),
    });
    const { post } = await startBackend({
      permissions: conditional.factory as ServiceFactory<unknown, 'plugin'>,
    });
    const { campaign, items } = (
      await post('/access-reviews', { title: 'Review' })
    ).body;
    const ada = byPrincipal(items, 'ada@acme.example', 'file:monitoring');
    const path_ = `/access-reviews/${campaign.id}/items/${ada.id}/decision`;
    // Bo reviews the item, but the policy lets only Cy decide.
    const bo = await post(path_, { decision: 'keep' }, BO);
    expect(bo.status).toBe(403);
    expect(bo.body.error.message).toMatch(/permission policy/);
    expect((await post(path_, { decision: 'keep' }, CY)).status).toBe(200);

    const denied = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(() => ({ result: AuthorizeResult.DENY })),
    });
    const second = await startBackend({
      permissions: denied.factory as ServiceFactory<unknown, 'plugin'>,
    });
    const refused = await second.post('/access-reviews', { title: 'Review' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/sre\.access-review\.create/);
  });
});
