/** What a reviewer decides about one grant. @public */
export type AccessDecision = 'keep' | 'revoke' | 'transfer';

/** A campaign is open for decisions until it is closed (signed off), then locked. @public */
export type AccessCampaignState = 'open' | 'closed';

/** One frozen grant of a campaign, with its reviewer and decision. @public */
export interface AccessReviewItem {
  id: string;
  campaignId: string;
  /** The Resource entity whose `baton.dev/access-source` listed it. */
  resourceRef: string;
  /** The access source, e.g. `github-org:acme`. */
  source: string;
  /** When the source produced the inventory (e.g. the credential report's time). */
  generatedAt: string;
  principal: string;
  principalKind: string;
  /** The catalog User the principal is; null when none matches (a leaver or a shared account?). */
  userRef: string | null;
  resource: string;
  privilege: string;
  lastUsedAt: string | null;
  flags: string[];
  /** Who decides: any of them. Never the person the item is about. */
  reviewers: string[];
  decision: AccessDecision | null;
  transferTo: string | null;
  comment: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

/** A campaign's progress: decided items of all. @public */
export interface AccessProgress {
  total: number;
  decided: number;
  /** Per reviewer: items they may decide and how many of those are decided. */
  byReviewer: Array<{ userRef: string; total: number; decided: number }>;
}

/** An access-review campaign. @public */
export interface AccessCampaign {
  id: string;
  title: string;
  state: AccessCampaignState;
  createdAt: string;
  createdBy: string;
  /** YYYY-MM-DD. */
  dueDate: string | null;
  /** When the inventory was copied in: the list the decisions are about. */
  frozenAt: string;
  /** The Resource entities reviewed, with their access source. */
  resources: Array<{
    resourceRef: string;
    source: string;
    generatedAt: string | null;
    /** Set when the source failed; the campaign holds no items of it. */
    error: string | null;
  }>;
  closedAt: string | null;
  closedBy: string | null;
  progress: AccessProgress;
}

/** One row of the append-only audit log. @public */
export interface AccessAuditEntry {
  id: string;
  campaignId: string;
  at: string;
  actor: string;
  action:
    | 'campaign-created'
    | 'campaign-closed'
    | 'decision-made'
    | 'decision-changed'
    | 'evidence-downloaded';
  itemId: string | null;
  details: Record<string, unknown>;
}

/** `GET /access-reviews/{id}`. @public */
export interface AccessCampaignDetail {
  campaign: AccessCampaign;
  items: AccessReviewItem[];
  audit: AccessAuditEntry[];
}
