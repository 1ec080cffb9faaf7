import type { AccessDecision, AccessReviewItem } from './types';

const DAY = 86_400_000;

/** Days without use after which access is stale, and keeping it needs a comment. @public */
export const ACCESS_STALE_DAYS = 90;

/** Why a decision needs a comment: a transfer, or keeping stale access. @public */
export type AccessCommentReason = 'transfer' | 'stale';

/** The flag Baton shows on stale access, next to the source's flags. @public */
export const ACCESS_STALE_FLAG = 'stale';

/**
 * Whether access is stale at `now`: never used, or unused for more than
 * {@link ACCESS_STALE_DAYS} days. A last use the source does not know (null
 * without the `never-used` flag) is not stale. The one rule behind the
 * "stale" flag, the filter, and the comment that keeping it needs.
 * @public
 */
export function isStaleAccess(
  item: Pick<AccessReviewItem, 'lastUsedAt' | 'flags'>,
  now: Date | number,
): boolean {
  if (item.flags.includes('never-used')) return true;
  if (item.lastUsedAt === null) return false;
  const unused = new Date(now).getTime() - Date.parse(item.lastUsedAt);
  return unused > ACCESS_STALE_DAYS * DAY;
}

/**
 * Why this decision on this item needs a comment, or null when it may be
 * saved without one: a transfer says why and what is handed over, and
 * keeping stale access says why it is still needed.
 * @public
 */
export function accessCommentReason(
  decision: AccessDecision,
  item: Pick<AccessReviewItem, 'lastUsedAt' | 'flags'>,
  now: Date | number,
): AccessCommentReason | null {
  if (decision === 'transfer') return 'transfer';
  if (decision === 'keep' && isStaleAccess(item, now)) return 'stale';
  return null;
}

/**
 * The flags shown with an item: its own, and {@link ACCESS_STALE_FLAG} when
 * it is stale at `now`, so that every item the stale filter finds says so.
 * @public
 */
export function accessItemFlags(
  item: Pick<AccessReviewItem, 'lastUsedAt' | 'flags'>,
  now: Date | number,
): string[] {
  return isStaleAccess(item, now) && !item.flags.includes(ACCESS_STALE_FLAG)
    ? [...item.flags, ACCESS_STALE_FLAG]
    : item.flags;
}
