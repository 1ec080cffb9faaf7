import { parseEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type {
  AccessAuditEntry,
  AccessCampaign,
  AccessCampaignState,
  AccessProgress,
  AccessReviewItem,
} from '@baton/plugin-sre-common';
import { translateCoded } from '../codedMessage';
import { relativeTimeFormat, type Formats } from '../language';
import { errorMessage } from '../responseErrors';
import type { SreTranslate } from '../translation';

const DAY = 86_400_000;

/** The annotation that puts a Resource into access reviews. */
export const ACCESS_SOURCE_ANNOTATION = 'baton.dev/access-source';

/**
 * Whether the signed-in user may decide the item: the campaign is open, they
 * are one of its reviewers, and it is not about their own access.
 */
export function canDecide(
  item: AccessReviewItem,
  state: AccessCampaignState,
  userRef: string | undefined,
): boolean {
  return (
    state === 'open' &&
    userRef !== undefined &&
    item.userRef !== userRef &&
    item.reviewers.includes(userRef)
  );
}

/**
 * A reviewer's share of a campaign's progress: the items they may decide,
 * and how many of those are decided (by them or another reviewer).
 */
export function reviewerProgress(
  progress: AccessProgress,
  userRef: string | undefined,
): AccessProgress {
  const mine = progress.byReviewer.filter(entry => entry.userRef === userRef);
  return {
    total: mine[0]?.total ?? 0,
    decided: mine[0]?.decided ?? 0,
    byReviewer: mine,
  };
}

/** Everyone the access pages may name: people of the items, reviewers, deciders, and who started, signed off or acted on campaigns. */
export function accessPeopleRefs(data: {
  campaigns?: AccessCampaign[];
  items?: AccessReviewItem[];
  audit?: AccessAuditEntry[];
}): string[] {
  const refs = [
    ...(data.campaigns ?? []).flatMap(campaign => [
      campaign.createdBy,
      campaign.closedBy,
      ...campaign.progress.byReviewer.map(reviewer => reviewer.userRef),
    ]),
    ...(data.items ?? []).flatMap(item => [
      item.userRef,
      item.transferTo,
      item.decidedBy,
      ...item.reviewers,
    ]),
    ...(data.audit ?? []).flatMap(entry => [
      entry.actor,
      typeof entry.details.transferTo === 'string'
        ? entry.details.transferTo
        : null,
    ]),
  ];
  return [...new Set(refs.filter((ref): ref is string => Boolean(ref)))];
}

/** The name part of an entity ref, e.g. `resource:default/aws-prod` → `aws-prod`. */
export function entityName(ref: string): string {
  try {
    return parseEntityRef(ref, { defaultKind: 'resource' }).name;
  } catch {
    return ref;
  }
}

/** "3 days ago", "5 months ago", "2 years ago" in the selected language. */
export function timeAgo(language: string, time: string, now: number): string {
  const days = Math.max(0, Math.floor((now - Date.parse(time)) / DAY));
  const relative = relativeTimeFormat(language);
  if (days < 60) return relative.format(-days, 'day');
  if (days < 730) return relative.format(-Math.round(days / 30.44), 'month');
  return relative.format(-Math.round(days / 365.25), 'year');
}

/** When the grant was last used: relative, "never", or "unknown" when the source does not say. */
export function lastUsedText(
  t: SreTranslate,
  format: Formats,
  item: AccessReviewItem,
  now: number,
): string {
  if (item.lastUsedAt) return timeAgo(format.language, item.lastUsedAt, now);
  return item.flags.includes('never-used')
    ? t('access.items.never')
    : t('access.items.unknown');
}

/** A flag's label; flags this UI does not know (e.g. from a hand-exported file) show as sent. */
export const flagLabel = (t: SreTranslate, flag: string): string =>
  translateCoded(t, `access.flags.${flag}`, {}, flag);

/** The 404 of a campaign that does not exist. */
export const isNotFound = (error: unknown): boolean =>
  ResponseError.is(error) && error.statusCode === 404;

/** The fields of a decision the backend's 400 messages name, in one item or many. */
export type DecisionField = 'comment' | 'transferTo';

/**
 * The field a 400 message about a decision names, and what it says, e.g.
 * `decisions[1].comment: keeping access …` → comment, `keeping access …`.
 */
export function decisionFieldError(error: unknown): {
  field?: DecisionField;
  message: string;
} {
  const message = errorMessage(error);
  if (!ResponseError.is(error) || error.statusCode !== 400) return { message };
  const match = /^(?:decisions\[\d+\]\.)?(comment|transferTo):\s*(.+)$/s.exec(
    message,
  );
  return match
    ? { field: match[1] as DecisionField, message: match[2] }
    : { message };
}

const text = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

/** What an audit-log row records, in a line, people by `name`; details of actions this UI does not know show as JSON. */
export function auditDetailsText(
  t: SreTranslate,
  format: Formats,
  entry: AccessAuditEntry,
  name: (ref: string) => string,
): string {
  const d = entry.details;
  const decision = (value: unknown) =>
    translateCoded(t, `access.items.decided.${text(value)}`, {}, text(value));
  switch (entry.action) {
    case 'campaign-created':
      return t('access.audit.created', {
        title: text(d.title),
        count: Number(d.items) || 0,
        resources: format.list(
          (Array.isArray(d.resources) ? d.resources : []).map(ref =>
            entityName(text(ref)),
          ),
        ),
      });
    case 'decision-made':
    case 'decision-changed': {
      const params = {
        principal: text(d.principal),
        resource: text(d.resource),
        decision: decision(d.decision),
      };
      return [
        d.from
          ? t('access.audit.changed', { ...params, from: decision(d.from) })
          : t('access.audit.decision', params),
        ...(d.transferTo
          ? [
              t('access.audit.transferTo', {
                user: name(text(d.transferTo)),
              }),
            ]
          : []),
        ...(d.comment
          ? [t('access.audit.comment', { comment: text(d.comment) })]
          : []),
      ].join(' ');
    }
    case 'campaign-closed':
      return t('access.audit.closed', {
        keep: format.number(Number(d.keep) || 0),
        revoke: format.number(Number(d.revoke) || 0),
        transfer: format.number(Number(d.transfer) || 0),
      });
    case 'evidence-downloaded':
      return t('access.audit.evidence', {
        format: text(d.format).toLocaleUpperCase('en-US'),
      });
    default:
      return JSON.stringify(d);
  }
}

/** Saves the evidence file as the backend wrote it, `access-review-<id>-evidence.<format>`. */
export function downloadEvidence(
  body: string,
  campaignId: string,
  format: 'csv' | 'json',
) {
  const blob = new Blob([body], {
    type:
      format === 'csv'
        ? 'text/csv;charset=utf-8'
        : 'application/json;charset=utf-8',
  });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `access-review-${campaignId}-evidence.${format}`;
  link.click();
  URL.revokeObjectURL(link.href);
}
