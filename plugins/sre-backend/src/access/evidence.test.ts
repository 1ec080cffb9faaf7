import {
  ACCESS_AUDIT_GENESIS_HASH,
  ACCESS_EVIDENCE_SCHEMA,
  accessAuditHash,
  AccessReviewItem,
  ChainedAccessAuditEntry,
  verifyAccessAuditChain,
} from '@baton/plugin-sre-common';
import Ajv from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { auditFromEvidenceCsv } from './__testUtils__/auditCsv';
import {
  accessEvidenceCsv,
  AccessEvidenceDetail,
  accessEvidenceJson,
} from './evidence';

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

/** Audit rows chained as the store appends them. */
function chained(
  rows: Array<
    Omit<ChainedAccessAuditEntry, 'id' | 'seq' | 'prevHash' | 'hash'>
  >,
): ChainedAccessAuditEntry[] {
  const entries: ChainedAccessAuditEntry[] = [];
  for (const row of rows) {
    const content = {
      ...row,
      seq: entries.length + 1,
      prevHash: entries.at(-1)?.hash ?? ACCESS_AUDIT_GENESIS_HASH,
    };
    entries.push({
      ...content,
      id: String(40 + entries.length),
      hash: accessAuditHash(content),
    });
  }
  return entries;
}

const detail: AccessEvidenceDetail = {
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
  audit: chained([
    {
      campaignId: '7',
      at: '2026-11-01T08:00:00.000Z',
      actor: 'user:default/ada',
      action: 'campaign-created',
      itemId: null,
      details: {
        title: 'Q4, "all" accounts',
        items: 2,
        resources: ['resource:default/monitoring'],
      },
    },
    {
      campaignId: '7',
      at: '2026-11-02T09:00:00.000Z',
      actor: 'user:default/bo',
      action: 'decision-made',
      itemId: '2',
      details: {
        principal: '=HYPERLINK("http://evil.example","click")',
        resource: 'saas:monitoring',
        decision: 'revoke',
        comment: '@SUM(1+1)\r\n-2',
      },
    },
    {
      campaignId: '7',
      at: '2026-11-03T12:00:00.000Z',
      actor: 'user:default/cy',
      action: 'campaign-closed',
      itemId: null,
      details: { transfer: 0, revoke: 1, keep: 1 },
    },
  ]),
};

describe('access evidence CSV', () => {
  it('matches the golden file: the frozen inventory, each decision, the sign-off and the audit log with its hash chain', () => {
    expect(accessEvidenceCsv(detail)).toBe(
      [
        'campaign_id,campaign_title,frozen_at,resource_ref,source,generated_at,principal,principal_kind,user_ref,resource,privilege,last_used_at,flags,reviewers,decision,transfer_to,comment,decided_by,decided_at,signed_off_by,signed_off_at',
        '7,"Q4, ""all"" accounts",2026-11-01T08:00:00.000Z,resource:default/monitoring,file:monitoring,2026-11-01T08:00:00.000Z,ada@acme.example,email,user:default/ada,saas:monitoring,admin,2026-10-30T10:00:00.000Z,admin-privilege,user:default/bo user:default/cy,keep,,On call,user:default/bo,2026-11-02T09:00:00.000Z,user:default/cy,2026-11-03T12:00:00.000Z',
        `7,"Q4, ""all"" accounts",2026-11-01T08:00:00.000Z,resource:default/monitoring,file:monitoring,2026-11-01T08:00:00.000Z,"'=HYPERLINK(""http://evil.example"",""click"")",other,,saas:monitoring,'+member,,no-person-in-catalog never-used,user:default/bo user:default/cy,revoke,,"'@SUM(1+1)\r\n-2",user:default/bo,2026-11-02T09:00:00.000Z,user:default/cy,2026-11-03T12:00:00.000Z`,
        '',
        'campaign_id,seq,at,actor,action,item_id,details,prev_hash,hash',
        '7,1,2026-11-01T08:00:00.000Z,user:default/ada,campaign-created,,"{""items"":2,""resources"":[""resource:default/monitoring""],""title"":""Q4, \\""all\\"" accounts""}",0000000000000000000000000000000000000000000000000000000000000000,aae7fefb97c7b044d795b4eadcd170786c20f079519d8719d7c0107617580293',
        '7,2,2026-11-02T09:00:00.000Z,user:default/bo,decision-made,2,"{""comment"":""@SUM(1+1)\\r\\n-2"",""decision"":""revoke"",""principal"":""=HYPERLINK(\\""http://evil.example\\"",\\""click\\"")"",""resource"":""saas:monitoring""}",aae7fefb97c7b044d795b4eadcd170786c20f079519d8719d7c0107617580293,51a209e3995b5f3f7950fa06fd68ebb67b5f61b46dd7c37dca87622585edcf5f',
        '7,3,2026-11-03T12:00:00.000Z,user:default/cy,campaign-closed,,"{""keep"":1,""revoke"":1,""transfer"":0}",51a209e3995b5f3f7950fa06fd68ebb67b5f61b46dd7c37dca87622585edcf5f,c4bda5342df522a0835db6a8ad3dffca7d74d4064271e4fa100125828e9602e2',
        '',
        'audit_chain_head,c4bda5342df522a0835db6a8ad3dffca7d74d4064271e4fa100125828e9602e2',
        '',
      ].join('\r\n'),
    );
  });

  it('lists the audit log so that its chain recomputes from the file to the head', () => {
    const { entries, head } = auditFromEvidenceCsv(accessEvidenceCsv(detail));
    expect(entries).toHaveLength(3);
    expect(verifyAccessAuditChain(entries)).toEqual({ valid: true, head });
    expect(head).toBe(detail.audit[2].hash);
  });
});

describe('access evidence JSON', () => {
  const ajv = new Ajv({ strict: true });
  addFormats(ajv);
  const validate = ajv.compile(ACCESS_EVIDENCE_SCHEMA);
  const exportedAt = new Date('2026-11-04T00:00:00.000Z');

  it('validates against its schema, with the audit log and the head of its chain', () => {
    const evidence = accessEvidenceJson(detail, exportedAt);
    expect(validate(evidence)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    expect(evidence.audit.map(entry => [entry.seq, entry.action])).toEqual([
      [1, 'campaign-created'],
      [2, 'decision-made'],
      [3, 'campaign-closed'],
    ]);
    expect(evidence.audit[0].prevHash).toBe(ACCESS_AUDIT_GENESIS_HASH);
    expect(verifyAccessAuditChain(evidence.audit)).toEqual({
      valid: true,
      head: evidence.auditChainHead,
    });
  });

  it('gives the genesis hash as the head of a campaign with no audit row, which the schema accepts', () => {
    const evidence = accessEvidenceJson({ ...detail, audit: [] }, exportedAt);
    expect(evidence.auditChainHead).toBe(ACCESS_AUDIT_GENESIS_HASH);
    expect(validate(evidence)).toBe(true);
  });

  it('is refused by its schema without the audit chain', () => {
    const { auditChainHead: _head, ...withoutHead } = accessEvidenceJson(
      detail,
      exportedAt,
    );
    expect(validate(withoutHead)).toBe(false);
    const evidence = accessEvidenceJson(detail, exportedAt);
    evidence.audit[1].hash = 'not a hash';
    expect(validate(evidence)).toBe(false);
  });
});
