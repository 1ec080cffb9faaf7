const DAY = 86_400_000;
const MINUTE = 60_000;
/** Hanamori Market works in Tokyo: JST has no daylight saving time. */
const JST_OFFSET = 9 * 60 * MINUTE;

/** Epoch ms of `hh:mm` in Tokyo, `daysAgo` local days before the local day of `now`. */
export function tokyoTime(
  now: number,
  daysAgo: number,
  hh: number,
  mm: number,
): number {
  const localMidnight = Math.floor((now + JST_OFFSET) / DAY) * DAY;
  return localMidnight - daysAgo * DAY + (hh * 60 + mm) * MINUTE - JST_OFFSET;
}

/**
 * inventory-sync's story: Farid applied Terraform alone at 23:40, four
 * nights ago; the sync stalled 35 minutes later. The demo change source and
 * the demo alert poller both read this time, so the alert follows the change.
 */
export const inventorySyncLateApply = (now: number) =>
  tokyoTime(now, 4, 23, 40);

/** Minutes after the late apply that inventory-sync's sync stalled. */
export const INVENTORY_SYNC_STALL_AFTER_MINUTES = 35;
