/** What a source or scheduled pull feeds. @public */
export type SourceKind =
  | 'knowledge'
  | 'slo'
  | 'alerts'
  | 'cost'
  | 'access'
  | 'changes'
  | 'backups'
  | 'drills';

/** How its data comes in: pulled on the backend's schedule, or delivered to a webhook. @public */
export type SourceTrigger = 'schedule' | 'webhook';

/** The numbers a run reports, each named for the status page's labels. @public */
export const SOURCE_COUNT_NAMES = [
  'rows',
  'alerts',
  'received',
  'remapped',
  'entities',
  'failed',
  'reviewers',
  'campaigns',
  'resources',
] as const;

/** @public */
export type SourceCountName = (typeof SOURCE_COUNT_NAMES)[number];

/** What the last successful run brought, e.g. `{ rows: 120 }` or `{ received: 3, alerts: 2 }`. @public */
export type SourceCounts = Partial<Record<SourceCountName, number>>;

/** One source or scheduled pull as `GET /sources` lists it. @public */
export interface SourceStatus {
  /** `task:<scheduled task id>`, `cost:<source id>`, `alert-poller:<poller id>`, `change-source:<source id>`, `backup-source:<source id>` or `webhook:<alert or change source>`. */
  id: string;
  kind: SourceKind;
  trigger: SourceTrigger;
  /** Who provides it: the class a backend module registered, or `sre-backend` for the plugin's own tasks. */
  provider: string;
  /** ISO 8601; null when it never succeeded (on any replica). */
  lastSuccessAt: string | null;
  lastCounts: SourceCounts | null;
  /** The last error, credentials redacted; kept after a later success, with its time. */
  lastError: string | null;
  lastErrorAt: string | null;
}

/** `GET /sources`. @public */
export interface SourceStatusList {
  items: SourceStatus[];
}

/**
 * What the status page says of a source: `never` ran; `failing` (its last
 * run failed); `partial` (its last run finished but reported failures, e.g.
 * entities it could not refresh); `recovered` (an older error, succeeded
 * since); `ok`.
 * @public
 */
export type SourceState = 'never' | 'ok' | 'recovered' | 'partial' | 'failing';

/** The state of a source from its two times and last counts: the chip and the row's times agree. @public */
export function sourceState(
  status: Pick<SourceStatus, 'lastSuccessAt' | 'lastErrorAt' | 'lastCounts'>,
): SourceState {
  const success = status.lastSuccessAt ? Date.parse(status.lastSuccessAt) : NaN;
  const error = status.lastErrorAt ? Date.parse(status.lastErrorAt) : NaN;
  if (Number.isNaN(success) && Number.isNaN(error)) return 'never';
  if (!Number.isNaN(error) && (Number.isNaN(success) || error >= success)) {
    return 'failing';
  }
  if ((status.lastCounts?.failed ?? 0) > 0) return 'partial';
  return Number.isNaN(error) ? 'ok' : 'recovered';
}
