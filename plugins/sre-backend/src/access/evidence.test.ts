import type {
  AccessCampaignDetail,
  AccessReviewItem,
} from '@baton/plugin-sre-common';
import { accessEvidenceCsv, csvCell } from './evidence';

const item = (overrides: Partial<AccessReviewItem>): AccessReviewItem => ({
  id: '1',
  campaignId: '7',
  resourceRef: 'resource:default/monitoring',
  source: 'file:monitoring',
  generatedAt: '2026-11-01T08:00:00.000Z',
  principal: 'ada@acme.example',
  principalKind: 'email',
  userRef: 'user:default/ada',
  resource: 'saas:monitoring',
  privilege: 'admin',
  lastUsedAt: '2026-10-30T10:00:00.000Z',
  flags: ['admin-privilege'],
  reviewers: ['user:default/bo', 'user:default/cy'],
  decision: 'keep',
  transferTo: null,
  comment: 'On call',
  decidedBy: 'user:default/bo',
  decidedAt: '2026-11-02T09:00:00.000Z',
  ...overrides,
});

const detail: AccessCampaignDetail = {
  campaign: {
    id: '7',
    title: 'Q4, "all" accounts',
    state: 'closed',
    createdAt: '2026-11-01T08:00:00.000Z',
    createdBy: 'user:default/ada',
    dueDate: '2026-11-30',
    frozenAt: '2026-11-01T08:00:00.000Z',
    resources: [],
    closedAt: '2026-11-03T12:00:00.000Z',
    closedBy: 'user:default/cy',
    progress: { total: 2, decided: 2, byReviewer: [] },
  },
  items: [
    item({}),
    item({
      id: '2',
      principal: '=HYPERLINK("http://evil.example","click")',
      principalKind: 'other',
      userRef: null,
      privilege: '+member',
      lastUsedAt: null,
      flags: ['no-person-in-catalog', 'never-used'],
      decision: 'revoke',
      comment: '@SUM(1+1)\r\n-2',
    }),
  ],
  audit: [],
};

describe('access evidence CSV', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['plain 1-2', 'plain 1-2'],
    [null, ''],
  ])('writes %j as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('matches the golden file: the frozen inventory, each decision and the sign-off', () => {
    expect(accessEvidenceCsv(detail)).toBe(
      [
        'campaign_id,campaign_title,frozen_at,resource_ref,source,generated_at,principal,principal_kind,user_ref,resource,privilege,last_used_at,flags,reviewers,decision,transfer_to,comment,decided_by,decided_at,signed_off_by,signed_off_at',
        '7,"Q4, ""all"" accounts",2026-11-01T08:00:00.000Z,resource:default/monitoring,file:monitoring,2026-11-01T08:00:00.000Z,ada@acme.example,email,user:default/ada,saas:monitoring,admin,2026-10-30T10:00:00.000Z,admin-privilege,user:default/bo user:default/cy,keep,,On call,user:default/bo,2026-11-02T09:00:00.000Z,user:default/cy,2026-11-03T12:00:00.000Z',
        `7,"Q4, ""all"" accounts",2026-11-01T08:00:00.000Z,resource:default/monitoring,file:monitoring,2026-11-01T08:00:00.000Z,"'=HYPERLINK(""http://evil.example"",""click"")",other,,saas:monitoring,'+member,,no-person-in-catalog never-used,user:default/bo user:default/cy,revoke,,"'@SUM(1+1)\r\n-2",user:default/bo,2026-11-02T09:00:00.000Z,user:default/cy,2026-11-03T12:00:00.000Z`,
        '',
      ].join('\r\n'),
    );
  });
});
