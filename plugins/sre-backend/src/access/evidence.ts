import type {
  AccessCampaignDetail,
  ChainedAccessAuditEntry,
} from '@baton/plugin-sre-common';
import {
  ACCESS_AUDIT_GENESIS_HASH,
  canonicalJson,
  formulaSafeCsv,
} from '@baton/plugin-sre-common';

/** A campaign as its evidence is written: the audit log with its hash chain. */
export interface AccessEvidenceDetail
  extends Omit<AccessCampaignDetail, 'audit'> {
  audit: ChainedAccessAuditEntry[];
}

/** The head of a campaign's audit chain: its last row's hash. */
const chainHead = (audit: ChainedAccessAuditEntry[]) =>
  audit.at(-1)?.hash ?? ACCESS_AUDIT_GENESIS_HASH;

const CSV_COLUMNS = [
  'campaign_id',
  'campaign_title',
  'frozen_at',
  'resource_ref',
  'source',
  'generated_at',
  'principal',
  'principal_kind',
  'user_ref',
  'resource',
  'privilege',
  'last_used_at',
  'flags',
  'reviewers',
  'decision',
  'transfer_to',
  'comment',
  'decided_by',
  'decided_at',
  'signed_off_by',
  'signed_off_at',
];

const CSV_AUDIT_COLUMNS = [
  'campaign_id',
  'seq',
  'at',
  'actor',
  'action',
  'item_id',
  'details',
  'prev_hash',
  'hash',
];

/**
 * The evidence as CSV: one row per frozen grant with its decision and the
 * campaign's sign-off; after a blank line the audit log, one row per entry
 * with its hash chain (details as canonical JSON); after another, the
 * chain's head.
 */
export function accessEvidenceCsv(detail: AccessEvidenceDetail): string {
  const { campaign } = detail;
  const rows = detail.items.map(item => [
    campaign.id,
    campaign.title,
    campaign.frozenAt,
    item.resourceRef,
    item.source,
    item.generatedAt,
    item.principal,
    item.principalKind,
    item.userRef,
    item.resource,
    item.privilege,
    item.lastUsedAt,
    item.flags.join(' '),
    item.reviewers.join(' '),
    item.decision,
    item.transferTo,
    item.comment,
    item.decidedBy,
    item.decidedAt,
    campaign.closedBy,
    campaign.closedAt,
  ]);
  const audit = detail.audit.map(entry => [
    entry.campaignId,
    String(entry.seq),
    entry.at,
    entry.actor,
    entry.action,
    entry.itemId,
    canonicalJson(entry.details),
    entry.prevHash,
    entry.hash,
  ]);
  return formulaSafeCsv(
    [
      CSV_COLUMNS,
      ...rows,
      [],
      CSV_AUDIT_COLUMNS,
      ...audit,
      [],
      ['audit_chain_head', chainHead(detail.audit)],
    ],
    { lineEnd: '\r\n' },
  );
}

/** The evidence as JSON, in the shape of ACCESS_EVIDENCE_SCHEMA. */
export function accessEvidenceJson(detail: AccessEvidenceDetail, now: Date) {
  const { campaign } = detail;
  return {
    schemaVersion: 2,
    exportedAt: now.toISOString(),
    campaign: {
      id: campaign.id,
      title: campaign.title,
      createdAt: campaign.createdAt,
      createdBy: campaign.createdBy,
      frozenAt: campaign.frozenAt,
      dueDate: campaign.dueDate,
    },
    resources: campaign.resources,
    items: detail.items.map(item => ({
      id: item.id,
      resourceRef: item.resourceRef,
      source: item.source,
      generatedAt: item.generatedAt,
      principal: item.principal,
      principalKind: item.principalKind,
      userRef: item.userRef,
      resource: item.resource,
      privilege: item.privilege,
      lastUsedAt: item.lastUsedAt,
      flags: item.flags,
      reviewers: item.reviewers,
      decision: item.decision
        ? {
            decision: item.decision,
            transferTo: item.transferTo,
            comment: item.comment,
            decidedBy: item.decidedBy!,
            decidedAt: item.decidedAt!,
          }
        : null,
    })),
    signOff:
      campaign.state === 'closed'
        ? { closedBy: campaign.closedBy!, closedAt: campaign.closedAt! }
        : null,
    audit: detail.audit.map(entry => ({
      id: entry.id,
      campaignId: entry.campaignId,
      seq: entry.seq,
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      itemId: entry.itemId,
      details: entry.details,
      prevHash: entry.prevHash,
      hash: entry.hash,
    })),
    auditChainHead: chainHead(detail.audit),
  };
}
