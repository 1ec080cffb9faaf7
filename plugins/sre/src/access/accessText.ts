import type {
  AccessAuditEntry,
  AccessReviewItem,
} from '@baton/plugin-sre-common';
import { translateCoded } from '../codedMessage';
import { entityRefName } from '../components/entityRefName';
import { relativeTimeFormat, type Formats } from '../language';
import type { SreTranslate } from '../translation';

const DAY = 86_400_000;

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
            entityRefName(text(ref), 'resource'),
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
