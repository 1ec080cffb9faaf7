import {
  ANNOTATION_RUNBOOK_REVIEWED,
  ANNOTATION_RUNBOOK_REVIEWER,
} from '../annotations';
import type { ReadinessFacts } from './checks';
import { holderName, nameIn, reviewerOf } from './counted';
import type {
  ReadinessBackupEvidence,
  ReadinessDrillEvidence,
  ReadinessRunbookEvidence,
} from './types';

// The records behind the evidence-based checks, as data: the card words and links them.

const DAY = 86_400_000;

/** Each protected resource a backup source reported for the entity, with its latest copies and restore; none before a source has pulled. */
export function backupEvidence(
  facts: ReadinessFacts,
): ReadinessBackupEvidence[] {
  return (facts.backups?.resources ?? []).map(resource => ({
    kind: 'backup-resource',
    name: resource.name,
    crossRegionCopyAt: resource.crossRegionCopyAt,
    ...(resource.crossRegionCopyTo && {
      crossRegionCopyTo: resource.crossRegionCopyTo,
    }),
    crossAccountCopyAt: resource.crossAccountCopyAt,
    ...(resource.crossAccountCopyTo && {
      crossAccountCopyTo: resource.crossAccountCopyTo,
    }),
    failedCopyAt: resource.failedCopyAt,
    ...(resource.failedCopyTo && { failedCopyTo: resource.failedCopyTo }),
    lastRestore: resource.lastRestore,
    ...(resource.viaEntityRef && { viaEntityRef: resource.viaEntityRef }),
  }));
}

type DrillFact = NonNullable<ReadinessFacts['drills']>[number];

function drillEvidence(
  facts: ReadinessFacts,
  drill: DrillFact,
): ReadinessDrillEvidence {
  return {
    kind: 'drill',
    ...(drill.id && { drillId: drill.id }),
    ...(drill.title && { title: drill.title }),
    scenario: drill.scenario,
    at: drill.performedAt,
    participants: drill.participants.map(ref => ({
      userRef: ref,
      name: nameIn(facts, ref),
    })),
    outcome: drill.outcome,
    ...(drill.teamRef && { teamRef: drill.teamRef }),
    ...(drill.viaEntityRef && { viaEntityRef: drill.viaEntityRef }),
  };
}

/** The latest recorded drill, whatever its scenario: the one the drill check judges. */
export function lastDrillEvidence(
  facts: ReadinessFacts,
): ReadinessDrillEvidence[] {
  const latest = facts.drills?.[0];
  return latest ? [drillEvidence(facts, latest)] : [];
}

/** How many restore drills the card lists: the newest, enough to see who practised without the list outgrowing the card. */
const RESTORE_DRILLS_SHOWN = 3;

/** The restore-from-backup drills within the last `days`, newest first: whose participants the restore-practised check counts. */
export function restoreDrillsWithin(
  facts: ReadinessFacts,
  days: number,
): DrillFact[] {
  const since = Date.parse(facts.now) - days * DAY;
  return (facts.drills ?? []).filter(
    drill =>
      drill.scenario === 'restore-from-backup' &&
      Date.parse(drill.performedAt) >= since,
  );
}

/** The newest of those drills, as the card shows them. */
export function restoreDrillEvidence(
  facts: ReadinessFacts,
  days: number,
): ReadinessDrillEvidence[] {
  return restoreDrillsWithin(facts, days)
    .slice(0, RESTORE_DRILLS_SHOWN)
    .map(drill => drillEvidence(facts, drill));
}

/** The time of a `baton.dev/runbook-reviewed` day (YYYY-MM-DD, UTC); undefined when it is not one. */
export function reviewDay(value: string): number | undefined {
  const at = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? Date.parse(`${value}T00:00:00Z`)
    : NaN;
  return Number.isNaN(at) ? undefined : at;
}

/**
 * The runbook link with what says when it was last kept: its last change
 * in the repository history when the link points into a repository Baton
 * reads, else the review date and reviewer in annotations (when a date).
 */
export function runbookEvidence(
  facts: ReadinessFacts,
  url: string,
): ReadinessRunbookEvidence {
  const history = facts.knowledge?.runbook;
  const evidence: ReadinessRunbookEvidence = {
    kind: 'runbook',
    url,
    lastChangedAt: null,
    lastChangedBy: [],
  };
  if (history?.url === url && (history.missing || history.lastChangedAt)) {
    return {
      ...evidence,
      path: history.path,
      lastChangedAt: history.missing ? null : history.lastChangedAt,
      lastChangedBy: history.missing
        ? []
        : history.lastChangedBy.map(person => ({
            userRef: person.userRef,
            name: holderName(facts, person),
          })),
    };
  }
  const annotations = facts.entity.metadata.annotations ?? {};
  const reviewed = annotations[ANNOTATION_RUNBOOK_REVIEWED]?.trim();
  if (!reviewed || reviewDay(reviewed) === undefined) return evidence;
  const reviewer = annotations[ANNOTATION_RUNBOOK_REVIEWER]?.trim();
  return {
    ...evidence,
    reviewedAt: reviewed,
    ...(reviewer && { reviewer: reviewerOf(facts, reviewer) }),
  };
}
