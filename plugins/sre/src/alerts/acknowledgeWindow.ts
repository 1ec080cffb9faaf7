import type { AlertItem } from '@baton/plugin-sre-common';

/**
 * How long after an alert resolved the backend still takes an
 * acknowledgement: the default of `sre.alerts.acknowledge.afterResolutionMinutes`.
 * The backend decides; the card only stops offering what it would refuse.
 */
export const ACKNOWLEDGE_AFTER_RESOLUTION_MINUTES = 60;

/**
 * How long a person can take their own acknowledgement back: the default of
 * `sre.alerts.acknowledge.undoMinutes`.
 */
export const UNDO_MINUTES = 5;

const MINUTE = 60_000;

/** Whether acknowledging is over for the alert: it resolved longer ago than the backend allows. */
export function acknowledgeClosed(
  alert: Pick<AlertItem, 'status' | 'endsAt'>,
  now: number,
): boolean {
  if (alert.status !== 'resolved' || !alert.endsAt) return false;
  const endsAt = Date.parse(alert.endsAt);
  return (
    !Number.isNaN(endsAt) &&
    endsAt + ACKNOWLEDGE_AFTER_RESOLUTION_MINUTES * MINUTE < now
  );
}

/** Until when an acknowledgement sent at `sentAt` can be taken back. */
export const undoUntil = (sentAt: number): number =>
  sentAt + UNDO_MINUTES * MINUTE;
