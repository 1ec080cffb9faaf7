import { ResponseError } from '@backstage/errors';
import type {
  AccessAuditEntry,
  AccessCampaign,
  AccessCampaignDetail,
  AccessReviewItem,
} from '@baton/plugin-sre-common';

/** The signed-in user of the access fixtures: a reviewer of most items, and the person of item 41. */
export const ACCESS_USER = 'user:default/aiko';

const DAY = 86_400_000;

/** An ISO time `days` before now: staleness is judged against the clock. */
export const daysAgo = (days: number) =>
  new Date(Date.now() - days * DAY).toISOString();

/** An undecided GitHub grant of campaign 3, with the given fields changed. */
export function accessItem(
  overrides: Partial<AccessReviewItem> = {},
): AccessReviewItem {
  return {
    id: '42',
    campaignId: '3',
    resourceRef: 'resource:default/github-hanamori',
    source: 'github-org:hanamori',
    generatedAt: '2026-11-20T09:00:00.000Z',
    principal: 'farid-h',
    principalKind: 'github-login',
    userRef: 'user:default/farid',
    resource: 'hanamori',
    privilege: 'member',
    lastUsedAt: daysAgo(200),
    flags: [],
    reviewers: ['user:default/aiko', 'user:default/daniel'],
    decision: null,
    transferTo: null,
    comment: null,
    decidedBy: null,
    decidedAt: null,
    ...overrides,
  };
}

/**
 * The items of campaign 3, as seen by Aiko:
 * - 41: Aiko's own admin access (Farid and Daniel decide it);
 * - 42: Farid, unused for 200 days (stale);
 * - 43: an outside collaborator no catalog User matches, never used;
 * - 44: Daniel's editor role, last use unknown, kept by Farid;
 * - 45: an IAM user no one matches with AdministratorAccess, which only Farid reviews.
 */
export function accessItems(): AccessReviewItem[] {
  return [
    accessItem({
      id: '41',
      principal: 'aiko-t',
      userRef: 'user:default/aiko',
      privilege: 'admin',
      lastUsedAt: daysAgo(5),
      flags: ['admin-privilege'],
      reviewers: ['user:default/daniel', 'user:default/farid'],
    }),
    accessItem(),
    accessItem({
      id: '43',
      principal: 'old-contractor',
      userRef: null,
      privilege: 'write',
      lastUsedAt: null,
      flags: ['outside-collaborator', 'no-person-in-catalog', 'never-used'],
    }),
    accessItem({
      id: '44',
      resourceRef: 'resource:default/monitoring-saas',
      source: 'file:monitoring-saas',
      principal: 'daniel@hanamori.example',
      principalKind: 'email',
      userRef: 'user:default/daniel',
      resource: 'monitoring',
      privilege: 'Editor',
      lastUsedAt: null,
      reviewers: ['user:default/aiko', 'user:default/farid'],
      decision: 'keep',
      comment: 'Runs the billing dashboards',
      decidedBy: 'user:default/farid',
      decidedAt: '2026-11-21T10:00:00.000Z',
    }),
    accessItem({
      id: '45',
      resourceRef: 'resource:default/aws-production',
      source: 'aws-account:123456789012',
      principal: 'ci-deploy',
      principalKind: 'aws-iam-user',
      userRef: null,
      resource: '123456789012',
      privilege: 'AdministratorAccess',
      lastUsedAt: daysAgo(2),
      flags: ['active-access-key', 'no-person-in-catalog', 'admin-privilege'],
      reviewers: ['user:default/farid'],
    }),
  ];
}

/** Campaign 3, open, due Dec 31, 2099: one of five items decided. */
export function accessCampaign(
  overrides: Partial<AccessCampaign> = {},
): AccessCampaign {
  return {
    id: '3',
    title: 'Q4 access review',
    state: 'open',
    createdAt: '2026-11-20T09:00:00.000Z',
    createdBy: 'user:default/daniel',
    dueDate: '2099-12-31',
    frozenAt: '2026-11-20T09:00:00.000Z',
    resources: [
      {
        resourceRef: 'resource:default/github-hanamori',
        source: 'github-org:hanamori',
        generatedAt: '2026-11-20T09:00:00.000Z',
        error: null,
      },
    ],
    closedAt: null,
    closedBy: null,
    progress: {
      total: 5,
      decided: 1,
      byReviewer: [
        { userRef: 'user:default/aiko', total: 3, decided: 1 },
        { userRef: 'user:default/daniel', total: 3, decided: 0 },
        { userRef: 'user:default/farid', total: 3, decided: 1 },
      ],
    },
    ...overrides,
  };
}

/** What campaign 3 recorded: its start and Farid's decision on item 44. */
export function accessAudit(): AccessAuditEntry[] {
  return [
    {
      id: '1',
      campaignId: '3',
      at: '2026-11-20T09:00:00.000Z',
      actor: 'user:default/daniel',
      action: 'campaign-created',
      itemId: null,
      details: {
        title: 'Q4 access review',
        items: 5,
        resources: ['resource:default/github-hanamori'],
      },
    },
    {
      id: '2',
      campaignId: '3',
      at: '2026-11-21T10:00:00.000Z',
      actor: 'user:default/farid',
      action: 'decision-made',
      itemId: '44',
      details: {
        principal: 'daniel@hanamori.example',
        resource: 'monitoring',
        decision: 'keep',
        comment: 'Runs the billing dashboards',
      },
    },
  ];
}

/** Campaign 3 with its items and audit log. */
export function accessCampaignDetail(
  overrides: Partial<AccessCampaignDetail> = {},
): AccessCampaignDetail {
  return {
    campaign: accessCampaign(),
    items: accessItems(),
    audit: accessAudit(),
    ...overrides,
  };
}

/** Campaign 3 signed off by Daniel, every item decided. */
export function closedCampaignDetail(): AccessCampaignDetail {
  const items = accessItems().map(item =>
    item.decision
      ? item
      : {
          ...item,
          decision: 'revoke' as const,
          decidedBy: 'user:default/farid',
          decidedAt: '2026-11-22T10:00:00.000Z',
        },
  );
  return {
    campaign: accessCampaign({
      state: 'closed',
      closedAt: '2026-11-23T10:00:00.000Z',
      closedBy: 'user:default/daniel',
      progress: { ...accessCampaign().progress, decided: 5 },
    }),
    items,
    audit: [
      ...accessAudit(),
      {
        id: '3',
        campaignId: '3',
        at: '2026-11-23T10:00:00.000Z',
        actor: 'user:default/daniel',
        action: 'campaign-closed',
        itemId: null,
        details: { keep: 1, revoke: 4, transfer: 0 },
      },
    ],
  };
}

/** A failed request as the client throws it, with the backend's message. */
export function accessFailure(status: number, message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'Error', message },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ),
  );
}
