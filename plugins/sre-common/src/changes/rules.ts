import type {
  ChangeFinding,
  ChangeFollowingAlert,
  ChangeIdentity,
  ChangeInput,
  ChangePerson,
  ChangeSummary,
} from './types';

/**
 * A team's working hours, in its own time zone: a change that starts
 * outside them (or on a holiday) is off-hours. @public
 */
export interface WorkingHours {
  /** An IANA time zone, e.g. `Asia/Tokyo`. */
  timeZone: string;
  /** ISO weekdays worked: 1 is Monday, 7 is Sunday. */
  days: number[];
  /** `HH:MM`, local: the first minute of the working day. */
  start: string;
  /** `HH:MM`, local: the working day ends before this minute. */
  end: string;
  /** Local dates (`YYYY-MM-DD`) that are not worked. */
  holidays?: string[];
}

/** The parameters of the change rules; config can override each. @public */
export interface ChangePolicy {
  /** Used for teams without working hours of their own. */
  workingHours: WorkingHours;
  /** An alert on the change's entity that fires within this many minutes after it started "followed" it. */
  alertWindowMinutes: number;
  slowApply: {
    /** The applies of a Terraform workspace compared: those of the last this many days. */
    windowDays: number;
    /** Fewer applies than this in the window: no trend. */
    minApplies: number;
    /** The later half's median apply time this many percent above the earlier half's: rising. */
    risePercent: number;
  };
}

/** The documented defaults. @public */
export const DEFAULT_CHANGE_POLICY: ChangePolicy = {
  workingHours: {
    timeZone: 'UTC',
    days: [1, 2, 3, 4, 5],
    start: '09:00',
    end: '18:00',
  },
  alertWindowMinutes: 120,
  slowApply: { windowDays: 90, minApplies: 6, risePercent: 25 },
};

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since local midnight of `HH:MM`; throws for anything else. */
function minutesOf(time: string, key: string): number {
  const match = HH_MM.exec(time);
  if (!match) {
    throw new TypeError(`${key}: '${time}' is not a time of day (HH:MM)`);
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

const WEEKDAYS: Record<string, number> = {
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6,
  Sun: 7,
};

const formats = new Map<string, Intl.DateTimeFormat>();

/** The local weekday, date and minute of the day of an instant in a time zone. */
function localTime(
  time: number,
  timeZone: string,
): { weekday: number; date: string; minutes: number } {
  let format = formats.get(timeZone);
  if (!format) {
    // Throws a RangeError for a time zone the runtime does not know.
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(time)) parts[part.type] = part.value;
  return {
    weekday: WEEKDAYS[parts.weekday],
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/**
 * Checks working hours as config gives them; throws a TypeError naming the
 * key (`key` is where they were read, e.g. `sre.changes.workingHours`).
 * @public
 */
export function checkWorkingHours(hours: WorkingHours, key: string): void {
  try {
    localTime(0, hours.timeZone);
  } catch {
    throw new TypeError(
      `${key}.timeZone: '${hours.timeZone}' is not an IANA time zone`,
    );
  }
  if (
    !hours.days.length ||
    hours.days.some(day => !Number.isInteger(day) || day < 1 || day > 7)
  ) {
    throw new TypeError(
      `${key}.days: ISO weekdays from 1 (Monday) to 7 (Sunday)`,
    );
  }
  if (
    minutesOf(hours.start, `${key}.start`) >= minutesOf(hours.end, `${key}.end`)
  ) {
    throw new TypeError(`${key}.end: must be after ${key}.start`);
  }
  for (const [index, day] of (hours.holidays ?? []).entries()) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
      throw new TypeError(
        `${key}.holidays[${index}]: '${day}' is not a date (YYYY-MM-DD)`,
      );
    }
  }
}

/** Whether an instant (ISO 8601) falls outside the working hours, in their time zone. @public */
export function isOffHours(startedAt: string, hours: WorkingHours): boolean {
  const local = localTime(Date.parse(startedAt), hours.timeZone);
  if (!hours.days.includes(local.weekday)) return true;
  if (hours.holidays?.includes(local.date)) return true;
  return (
    local.minutes < minutesOf(hours.start, 'start') ||
    local.minutes >= minutesOf(hours.end, 'end')
  );
}

/** Whether two people are one: the same catalog User, or the same identity (case aside). @public */
export function samePerson(
  a: ChangeIdentity & { userRef?: string | null },
  b: ChangeIdentity & { userRef?: string | null },
): boolean {
  if (a.userRef && b.userRef) return a.userRef === b.userRef;
  return a.kind === b.kind && a.value.toLowerCase() === b.value.toLowerCase();
}

/** The people of a change, as the rules about pairs and reviewers read them. @public */
export type ChangePeople<T extends ChangeIdentity> = {
  operators: T[];
  pairs: T[];
  procedure?: { authors: T[]; reviewers: T[] };
};

/** The pairs that are not also an operator: an operator is never their own pair. @public */
export function actualPairs<T extends ChangeIdentity>(
  change: ChangePeople<T>,
): T[] {
  return change.pairs.filter(
    pair => !change.operators.some(operator => samePerson(pair, operator)),
  );
}

/** The reviewers of the procedure who did not write it. @public */
export function actualReviewers<T extends ChangeIdentity>(
  change: ChangePeople<T>,
): T[] {
  const procedure = change.procedure;
  if (!procedure) return [];
  return procedure.reviewers.filter(
    reviewer => !procedure.authors.some(author => samePerson(reviewer, author)),
  );
}

/** The alerts that fired on one of the change's entities within the window after it started, oldest first. @public */
export function alertsAfterChange(
  change: Pick<ChangeInput, 'startedAt' | 'entityRefs'>,
  alerts: Array<{
    id: string;
    title: string;
    startsAt: string;
    entityRefs: string[];
  }>,
  policy: Pick<ChangePolicy, 'alertWindowMinutes'> = DEFAULT_CHANGE_POLICY,
): ChangeFollowingAlert[] {
  const start = Date.parse(change.startedAt);
  const end = start + policy.alertWindowMinutes * 60_000;
  const found: ChangeFollowingAlert[] = [];
  for (const alert of alerts) {
    const at = Date.parse(alert.startsAt);
    if (at < start || at > end) continue;
    const entityRef = alert.entityRefs.find(ref =>
      change.entityRefs.includes(ref),
    );
    if (entityRef) {
      found.push({
        id: alert.id,
        title: alert.title,
        startsAt: alert.startsAt,
        entityRef,
      });
    }
  }
  return found.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}

/**
 * What the rules find about a change: `solo` (nobody but its operators was
 * with it), `unreviewed-procedure` (no written procedure, or nobody but its
 * authors reviewed it), `off-hours` (it started outside the owning team's
 * working hours), `followed-by-alerts` (an alert fired on its entity within
 * the window after it started).
 * @public
 */
export function changeFindings(
  change: ChangePeople<ChangePerson> & Pick<ChangeInput, 'startedAt'>,
  context: { workingHours: WorkingHours; alertsAfter: ChangeFollowingAlert[] },
): ChangeFinding[] {
  const findings: ChangeFinding[] = [];
  if (actualPairs(change).length === 0) findings.push('solo');
  if (actualReviewers(change).length === 0) {
    findings.push('unreviewed-procedure');
  }
  if (isOffHours(change.startedAt, context.workingHours)) {
    findings.push('off-hours');
  }
  if (context.alertsAfter.length > 0) findings.push('followed-by-alerts');
  return findings;
}

/**
 * A range's counts from its changes' findings, so that a card's chips and
 * its numbers come from one place. `failed` counts failed and rolled-back
 * changes.
 * @public
 */
export function summarizeChanges(
  changes: Array<
    ChangePeople<ChangePerson> &
      Pick<ChangeInput, 'outcome'> & { findings: ChangeFinding[] }
  >,
): ChangeSummary {
  const count = (finding: ChangeFinding) =>
    changes.filter(change => change.findings.includes(finding)).length;
  const total = changes.length;
  const solo = count('solo');
  return {
    total,
    paired: total - solo,
    pairedShare: total ? (total - solo) / total : null,
    solo,
    offHours: count('off-hours'),
    unreviewed: count('unreviewed-procedure'),
    failed: changes.filter(
      change => change.outcome === 'failed' || change.outcome === 'rolled-back',
    ).length,
    followedByAlerts: count('followed-by-alerts'),
  };
}

/** The trend of one Terraform workspace's apply times over the policy's window. @public */
export interface ApplyDurationTrend {
  workspace: string;
  /** The applies in the window with a duration, oldest first. */
  applies: Array<{ startedAt: string; applySeconds: number }>;
  /** Median apply time of the earlier and the later half of the window's applies; null with too few applies. */
  earlierMedianSeconds: number | null;
  laterMedianSeconds: number | null;
  /** How much the later median is above the earlier one, in percent; null with too few applies. */
  risePercent: number | null;
  /** The slow-apply finding: enough applies, and the rise at or above the policy's. */
  rising: boolean;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Whether a workspace's applies are getting slower (its state growing):
 * the applies of the last `windowDays` before `now`, split in an earlier
 * and a later half by time, and the later half's median compared with the
 * earlier's.
 * @public
 */
export function applyDurationTrend(
  workspace: string,
  applies: Array<{ startedAt: string; applySeconds?: number }>,
  options: { now: number; policy?: ChangePolicy['slowApply'] },
): ApplyDurationTrend {
  const policy = options.policy ?? DEFAULT_CHANGE_POLICY.slowApply;
  const from = options.now - policy.windowDays * 86_400_000;
  const inWindow = applies
    .filter(
      (apply): apply is { startedAt: string; applySeconds: number } =>
        apply.applySeconds !== undefined &&
        Date.parse(apply.startedAt) >= from &&
        Date.parse(apply.startedAt) <= options.now,
    )
    .map(apply => ({
      startedAt: apply.startedAt,
      applySeconds: apply.applySeconds,
    }))
    .sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
  if (inWindow.length < Math.max(2, policy.minApplies)) {
    return {
      workspace,
      applies: inWindow,
      earlierMedianSeconds: null,
      laterMedianSeconds: null,
      risePercent: null,
      rising: false,
    };
  }
  const half = Math.floor(inWindow.length / 2);
  const earlier = median(inWindow.slice(0, half).map(a => a.applySeconds));
  const later = median(
    inWindow.slice(inWindow.length - half).map(a => a.applySeconds),
  );
  const risePercent =
    earlier > 0 ? Math.round(((later - earlier) / earlier) * 1000) / 10 : 0;
  return {
    workspace,
    applies: inWindow,
    earlierMedianSeconds: earlier,
    laterMedianSeconds: later,
    risePercent,
    rising: risePercent >= policy.risePercent,
  };
}
