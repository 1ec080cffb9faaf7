import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_ALERT_SELECTOR,
  ANNOTATION_BACKUP_RESOURCES,
  ANNOTATION_BACKUPS,
  ANNOTATION_IAC,
  ANNOTATION_LAST_DRILL,
  ANNOTATION_OPENSLO,
  ANNOTATION_RUNBOOK,
  ANNOTATION_RUNBOOK_REVIEWED,
  ANNOTATION_RUNBOOK_REVIEWER,
} from '../annotations';
import type { BackupVaultLocation } from '../backups/evidence';
import {
  changePersonName,
  countedFacts,
  holderName,
  nameIn,
  reviewerOf,
} from './counted';
import {
  backupEvidence,
  lastDrillEvidence,
  restoreDrillEvidence,
  restoreDrillsWithin,
  reviewDay,
  runbookEvidence,
} from './checkEvidence';
import type { DrillOutcome, DrillScenario } from './drillKinds';
import type { ReadinessPolicy } from './policy';
import type {
  KnowledgeReport,
  ReadinessCategory,
  ReadinessCheck,
  ReadinessCheckId,
  ReadinessCheckStatus,
  ReadinessEvidence,
  ReadinessRestore,
} from './types';

/**
 * What the backend gathered about one entity. A field left undefined means
 * its source has not been built or has no data yet: the checks that need it
 * answer `unknown` and say so, never pass.
 * @public
 */
export interface ReadinessFacts {
  /** The time the checks are evaluated at (ISO 8601). */
  now: string;
  entity: Entity;
  /** The entity's owner, with the catalog Users it stands for: the only people whose acknowledgements count. */
  owner: { ref: string; kind: 'group' | 'user' | 'missing'; members: string[] };
  /** Display names of the people and entities mentioned, by ref; reasons fall back to the ref. */
  names?: Record<string, string>;
  /** The knowledge map; undefined before the first computation. */
  knowledge?: KnowledgeReport;
  /** Alert acknowledgements per person (userRef, anyone's) over the responder window, alerts seen, noisy share. */
  alerts?: {
    acknowledgements: Record<string, number>;
    seenInWindow: number;
    noisyShare: number;
  };
  /** SLOs read from the entity's OpenSLO file. */
  slos?: { count: number };
  /**
   * Production changes of the entity over the policy's `changesDays`;
   * undefined when the changes domain is not read. People are keyed by
   * catalog User ref, or `kind:value` when the identity matched no User.
   */
  changes?: {
    count: number;
    /** Changes with someone other than their operators as pair. */
    paired: number;
    /** Changes whose procedure someone other than its authors reviewed. */
    reviewed: number;
    /** Changes each person ran. */
    operators: Record<string, number>;
    /** Changes each person was the pair of. */
    pairs: Record<string, number>;
  };
  /**
   * Drills recorded on the entity over the policy's `restorePractisedDays`
   * (or `drillMaxAgeDays` if longer), newest first; undefined when the drills
   * domain is not read.
   */
  drills?: Array<{
    scenario: DrillScenario;
    performedAt: string;
    /** Catalog User refs. */
    participants: string[];
    outcome: DrillOutcome;
    /** The drill's id, title and the team that recorded it, for a link to the team's drills. */
    id?: string;
    title?: string;
    teamRef?: string;
    /** The Resource entity the drill was recorded on, when not this entity (e.g. a database it depends on). */
    viaEntityRef?: string;
  }>;
  /**
   * The entity's protected resources as a backup source last saw them;
   * undefined when no backup source has pulled yet (only the declaration in
   * `baton.dev/backups` can be read). An empty list: sources have pulled,
   * none of their resources maps to this entity.
   */
  backups?: {
    resources: Array<{
      /** The resource's name, or its ARN. */
      name: string;
      /** The latest completed copy to another region (ISO 8601); null when none. */
      crossRegionCopyAt: string | null;
      /** The latest completed copy to another account; null when none. */
      crossAccountCopyAt: string | null;
      /** The latest copy job that failed with none completed to its destination since; null when none. */
      failedCopyAt: string | null;
      /** Where the copies of `crossRegionCopyAt`, `crossAccountCopyAt` and `failedCopyAt` went (the destination vault's region and account), when the source says. */
      crossRegionCopyTo?: Pick<BackupVaultLocation, 'region' | 'accountId'>;
      crossAccountCopyTo?: Pick<BackupVaultLocation, 'region' | 'accountId'>;
      failedCopyTo?: Pick<BackupVaultLocation, 'region' | 'accountId'>;
      /** When the source last saw it (ISO 8601): evidence older than the copy window proves nothing either way. */
      pulledAt?: string;
      /** The latest restore of one of its recovery points (a restore test or by hand); null when none. */
      lastRestore: ReadinessRestore | null;
      /** The Resource entity the evidence comes through, when not this entity (e.g. a database it depends on). */
      viaEntityRef?: string;
    }>;
  };
  /** Resources the entity depends on that stand for an access source. */
  accessResources: Array<{
    ref: string;
    source: string;
    /** Active, matched people with admin-level access; undefined until an inventory has been read. */
    admins?: string[];
    /** When its last access review was completed; null when never; undefined when unknown. */
    lastReviewCompletedAt?: string | null;
  }>;
}

/** Parameters of a coded message: what a translated text fills in. @public */
export type MessageParams = Record<string, string | number>;

type Outcome = {
  status: ReadinessCheckStatus;
  reason: string;
  reasonCode: string;
  reasonParams: MessageParams;
  /** Scales the policy's weight: evidence of less worth (a declaration nothing verified) counts for less. */
  weightFactor?: number;
};

interface CheckDefinition {
  id: ReadinessCheckId;
  title: string;
  category: ReadinessCategory;
  fix: string;
  evaluate(facts: ReadinessFacts, policy: ReadinessPolicy): Outcome;
  /** The records behind the result, for the card to show and link; none for a check that reads no records. */
  evidence?(
    facts: ReadinessFacts,
    policy: ReadinessPolicy,
  ): ReadinessEvidence[];
}

const DAY = 86_400_000;
const daysBetween = (from: string, to: string) =>
  (Date.parse(to) - Date.parse(from)) / DAY;
// Each reason has a stable code and parameters for the UI to translate, and the English text for scripts.
const outcome =
  (status: ReadinessCheckStatus) =>
  (code: string, params: MessageParams, reason: string): Outcome => ({
    status,
    reason,
    reasonCode: code,
    reasonParams: params,
  });
const pass = outcome('pass');
const fail = outcome('fail');
const unknown = outcome('unknown');
const notApplicable = outcome('not-applicable');
/** Pass or fail on one condition, with the same reason either way. */
const judged = (
  ok: boolean,
  code: string,
  params: MessageParams,
  reason: string,
): Outcome => outcome(ok ? 'pass' : 'fail')(code, params, reason);
const noAlertHistory = () =>
  unknown(
    'noAlertHistory',
    {},
    'No alert history has been collected for this entity yet.',
  );
const annotation = (facts: ReadinessFacts, key: string) =>
  facts.entity.metadata.annotations?.[key]?.trim() || undefined;

function knowledgeOutcome(
  facts: ReadinessFacts,
  judge: (knowledge: KnowledgeReport) => Outcome,
): Outcome {
  const knowledge = facts.knowledge;
  if (!knowledge) {
    return unknown(
      'noRepositoryHistory',
      {},
      'No repository history has been collected for this entity yet.',
    );
  }
  if (knowledge.status === 'error') {
    const error = knowledge.error?.message ?? '';
    return unknown(
      'repositoryHistoryUnreadable',
      { error },
      `The repository history could not be read: ${error}`,
    );
  }
  return judge(knowledge);
}

/** Change checks: unknown without the changes domain, not applicable without a change in the window. */
function changesOutcome(
  facts: ReadinessFacts,
  days: number,
  judge: (changes: NonNullable<ReadinessFacts['changes']>) => Outcome,
): Outcome {
  if (!facts.changes) {
    return unknown(
      'noChangeRecords',
      {},
      'Production changes are not collected for this entity.',
    );
  }
  if (facts.changes.count === 0) {
    return notApplicable(
      'noChangesToJudge',
      { days },
      `No production change recorded in the last ${days} days: none to judge.`,
    );
  }
  return judge(facts.changes);
}

/** A share of the window's changes against the policy's minimum. */
function changeShareOutcome(
  facts: ReadinessFacts,
  policy: ReadinessPolicy,
  part: 'paired' | 'reviewed',
): Outcome {
  const { changesDays: days } = policy.thresholds;
  const minimum =
    part === 'paired'
      ? policy.thresholds.minPairedShare
      : policy.thresholds.minReviewedShare;
  return changesOutcome(facts, days, changes => {
    const share = changes[part] / changes.count;
    const percent = Math.round(share * 100);
    const params = {
      count: changes.count,
      [part]: changes[part],
      days,
      percent,
    };
    const what =
      part === 'paired'
        ? 'were done with a pair'
        : 'followed a procedure someone else reviewed';
    return judged(
      share >= minimum,
      part === 'paired' ? 'pairedShare' : 'reviewedShare',
      params,
      `${changes[part]} of ${changes.count} production changes in the last ${days} days ${what} (${percent}%).`,
    );
  });
}

/** Access checks: not applicable without access-reviewed dependencies; unknown until every one has data. */
function accessOutcome(
  facts: ReadinessFacts,
  hasData: (resource: ReadinessFacts['accessResources'][number]) => boolean,
  missing: { code: string; what: string },
  judge: (resources: ReadinessFacts['accessResources']) => Outcome,
): Outcome {
  if (facts.accessResources.length === 0) {
    return notApplicable(
      'noAccessResources',
      {},
      'Depends on no Resource with baton.dev/access-source: no access to hold.',
    );
  }
  const unread = facts.accessResources.filter(r => !hasData(r));
  if (unread.length) {
    const resources = unread.map(r => nameIn(facts, r.ref)).join(', ');
    return unknown(
      missing.code,
      { resources },
      `No ${missing.what} yet for ${resources}.`,
    );
  }
  return judge(facts.accessResources);
}

/** What one protected resource's copies lack, worst first; undefined when nothing. */
const BACKUP_GAPS = [
  'backupCopyFailed',
  'backupCopyStale',
  'backupCrossRegionMissing',
  'backupCrossAccountMissing',
] as const;

function backupGap(
  resource: NonNullable<ReadinessFacts['backups']>['resources'][number],
  now: string,
  days: number,
): (typeof BACKUP_GAPS)[number] | undefined {
  const within = (at: string | null) =>
    at !== null && daysBetween(at, now) <= days;
  const region = within(resource.crossRegionCopyAt);
  const account = within(resource.crossAccountCopyAt);
  if (region && account) return undefined;
  if (resource.failedCopyAt) return 'backupCopyFailed';
  if (!region && !account) return 'backupCopyStale';
  return region ? 'backupCrossAccountMissing' : 'backupCrossRegionMissing';
}

/** The backups check on a source's evidence: every resource copied to another region and another account within the window. */
function backupEvidenceOutcome(
  facts: ReadinessFacts,
  resources: NonNullable<ReadinessFacts['backups']>['resources'],
  days: number,
): Outcome {
  // Evidence the source has not renewed within the window (its pulls fail) is no verdict.
  const unread = resources.filter(
    r => r.pulledAt !== undefined && daysBetween(r.pulledAt, facts.now) > days,
  );
  const read = resources.filter(r => !unread.includes(r));
  const gaps = read.map(r => backupGap(r, facts.now, days));
  const worst = BACKUP_GAPS.find(code => gaps.includes(code));
  if (!worst && unread.length) {
    const names = unread.map(r => r.name).join(', ');
    return unknown(
      'backupEvidenceStale',
      { count: resources.length, days, resources: names },
      `The backup source has not reported within ${days} days on: ${names}.`,
    );
  }
  if (!worst) {
    const names = resources.map(r => r.name).join(', ');
    return pass(
      'backupsVerified',
      { count: resources.length, days, resources: names },
      `Verified: ${resources.length} protected resources copied to another region and another account within ${days} days (${names}).`,
    );
  }
  const names = read
    .filter((_, index) => gaps[index] === worst)
    .map(r => r.name)
    .join(', ');
  const params = { count: resources.length, days, resources: names };
  const reasons: Record<typeof worst, string> = {
    backupCopyFailed: `The latest copy job failed, and no copy to another region and another account completed within ${days} days: ${names}.`,
    backupCopyStale: `No copy to another region or account completed within ${days} days: ${names}.`,
    backupCrossRegionMissing: `Copied to another account, but not to another region within ${days} days: ${names}.`,
    backupCrossAccountMissing: `Copied to another region, but not to another account within ${days} days: ${names}.`,
  };
  return fail(worst, params, reasons[worst]);
}

/**
 * The entity's runbook link: `baton.dev/runbook`, else its first entity link
 * of type runbook.
 * @public
 */
export function runbookUrlOf(entity: Entity): string | undefined {
  return (
    entity.metadata.annotations?.[ANNOTATION_RUNBOOK]?.trim() ||
    entity.metadata.links?.find(link => link.type === 'runbook')?.url
  );
}

/** Reason codes of a runbook check that fails because the runbook was not kept within the policy's window. @public */
export const STALE_RUNBOOK_REASONS: readonly string[] = [
  'runbookStale',
  'runbookReviewStale',
];

/**
 * A linked runbook judged by its freshness: its last change in the
 * repository history (when the link points into a repository Baton reads),
 * else the review date in `baton.dev/runbook-reviewed`. Without either it
 * passes as declared, as before freshness was read: a link is what the team
 * can give for a wiki page nobody dated, and failing it would punish every
 * runbook outside git on the day this check learnt about dates.
 */
function runbookFreshness(
  facts: ReadinessFacts,
  url: string,
  maxAgeDays: number,
): Outcome {
  const history = facts.knowledge?.runbook;
  if (history?.url === url && history.missing) {
    const params = { url, path: history.path, repository: history.repository };
    return fail(
      'runbookFileMissing',
      params,
      `The runbook link points at ${history.path}, which is not in ${history.repository} (default branch).`,
    );
  }
  if (history?.url === url && history.lastChangedAt) {
    const date = history.lastChangedAt.slice(0, 10);
    const days = Math.floor(daysBetween(history.lastChangedAt, facts.now));
    const people = history.lastChangedBy
      .map(person => holderName(facts, person))
      .join(', ');
    const params = { url, path: history.path, date, days, people, maxAgeDays };
    return days <= maxAgeDays
      ? pass(
          'runbookFresh',
          params,
          `Runbook ${history.path} last changed ${date} (${days} days ago) by ${people}.`,
        )
      : fail(
          'runbookStale',
          params,
          `Runbook ${history.path} last changed ${date} (${days} days ago, more than ${maxAgeDays}) by ${people}.`,
        );
  }
  const reviewed = annotation(facts, ANNOTATION_RUNBOOK_REVIEWED);
  if (reviewed) {
    const at = reviewDay(reviewed);
    if (at === undefined) {
      return fail(
        'runbookReviewedInvalid',
        { url, value: reviewed },
        `${ANNOTATION_RUNBOOK_REVIEWED} is "${reviewed}", not a date (YYYY-MM-DD).`,
      );
    }
    const date = reviewed;
    const days = Math.max(
      0,
      Math.floor(daysBetween(new Date(at).toISOString(), facts.now)),
    );
    const reviewer = annotation(facts, ANNOTATION_RUNBOOK_REVIEWER);
    const people = reviewer ? reviewerOf(facts, reviewer).name : '';
    const params = { url, date, days, people, maxAgeDays };
    const by = people ? ` by ${people}` : '';
    return days <= maxAgeDays
      ? pass(
          'runbookReviewed',
          params,
          `Runbook reviewed ${date} (${days} days ago)${by}: ${url}`,
        )
      : fail(
          'runbookReviewStale',
          params,
          `Runbook last reviewed ${date} (${days} days ago, more than ${maxAgeDays})${by}: ${url}`,
        );
  }
  return pass(
    'runbookLinked',
    { url, maxAgeDays },
    `Runbook: ${url} (declared, not verified: no history or ${ANNOTATION_RUNBOOK_REVIEWED} date says when it was last kept).`,
  );
}

/** Every check, in the order the card lists them. */
const READINESS_CHECKS: CheckDefinition[] = [
  {
    id: 'truck-factor',
    title: 'Knowledge held by more than one person (truck factor)',
    category: 'knowledge',
    fix: 'Pair on changes and rotate who works on the code until a second person authors a large part of it.',
    evaluate: (facts, { thresholds }) =>
      knowledgeOutcome(facts, k => {
        const who = k.truckFactorAuthors
          .map(p => holderName(facts, p))
          .join(', ');
        const former = k.people
          .filter(p => p.former && p.files > 0)
          .map(p => holderName(facts, p))
          .join(', ');
        const days = thresholds.knowledgeHolderDays;
        const reason = `Truck factor ${k.truckFactor} over ${
          k.fileCount
        } files${who ? ` (${who})` : ''}.${
          former ? ` Not counted, no commit in ${days} days: ${former}.` : ''
        }`;
        const params = {
          truckFactor: k.truckFactor ?? 0,
          files: k.fileCount,
          people: who,
          ...(former ? { former, days } : {}),
        };
        return judged(
          (k.truckFactor ?? 0) >= thresholds.minTruckFactor,
          'truckFactor',
          params,
          reason,
        );
      }),
  },
  {
    id: 'recent-committers',
    title: 'Several people committed recently',
    category: 'knowledge',
    fix: 'Have a second person make (or pair on) changes regularly, so the code stays fresh in more than one head.',
    evaluate: (facts, { thresholds }) =>
      knowledgeOutcome(facts, k => {
        const recent = k.people.filter(
          p =>
            p.lastCommitAt &&
            daysBetween(p.lastCommitAt, facts.now) <=
              thresholds.recentCommitDays,
        );
        const people = recent.map(p => holderName(facts, p)).join(', ');
        const reason = `${recent.length} people committed in the last ${
          thresholds.recentCommitDays
        } days${people ? ` (${people})` : ''}.`;
        const params = {
          count: recent.length,
          days: thresholds.recentCommitDays,
          people,
        };
        return judged(
          recent.length >= thresholds.minRecentCommitters,
          'recentCommitters',
          params,
          reason,
        );
      }),
  },
  {
    id: 'owner-group',
    title: 'Owned by a team',
    category: 'people',
    fix: 'Make a Group the owner (spec.owner) and give it at least two members.',
    evaluate: (facts, { thresholds }) => {
      const { owner } = facts;
      const ownerName = nameIn(facts, owner.ref);
      if (owner.kind === 'missing') {
        return fail(
          'ownerMissing',
          { owner: owner.ref },
          `The owner ${owner.ref || '(none)'} is not in the catalog.`,
        );
      }
      if (owner.kind === 'user') {
        return fail(
          'ownerIsPerson',
          { owner: ownerName },
          `Owned by one person, ${ownerName}, not by a team.`,
        );
      }
      const reason = `${ownerName} has ${owner.members.length} members.`;
      const params = { owner: ownerName, count: owner.members.length };
      return judged(
        owner.members.length >= thresholds.minGroupMembers,
        'ownerMembers',
        params,
        reason,
      );
    },
  },
  {
    id: 'alert-responders',
    title: 'Alerts are handled by more than one person',
    category: 'people',
    fix: 'Share the on-call: let a second person acknowledge and handle alerts.',
    evaluate: (facts, { thresholds }) => {
      if (!facts.alerts) return noAlertHistory();
      // Only the owners' acknowledgements are counted (see countedFacts).
      const counts = Object.entries(facts.alerts.acknowledgements);
      const total = counts.reduce((sum, [, n]) => sum + n, 0);
      if (total === 0) {
        return fail(
          'noAcknowledgements',
          { days: thresholds.responderDays },
          `None of the owners acknowledged an alert in the last ${thresholds.responderDays} days.`,
        );
      }
      const [topRef, topCount] = counts.sort(
        (a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en'),
      )[0];
      const top = nameIn(facts, topRef);
      const share = topCount / total;
      const params = {
        count: counts.length,
        days: thresholds.responderDays,
        top,
        percent: Math.round(share * 100),
      };
      const reason = `${counts.length} responders among the owners in ${thresholds.responderDays} days; ${top} took ${params.percent}%.`;
      return judged(
        counts.length >= thresholds.minResponders &&
          share <= thresholds.maxResponderShare,
        'responders',
        params,
        reason,
      );
    },
  },
  {
    id: 'techdocs',
    title: 'Documentation in TechDocs',
    category: 'docs',
    fix: 'Add docs next to the code and the annotation backstage.io/techdocs-ref.',
    evaluate: facts =>
      annotation(facts, 'backstage.io/techdocs-ref')
        ? pass('techdocsSet', {}, 'backstage.io/techdocs-ref is set.')
        : fail(
            'techdocsMissing',
            {},
            'No backstage.io/techdocs-ref annotation.',
          ),
  },
  {
    id: 'runbook',
    title: 'A runbook',
    category: 'docs',
    fix: `Write the runbook and link it with ${ANNOTATION_RUNBOOK} (or an entity link of type runbook); keep it current: in the service’s repository its commits show it, elsewhere record each review in ${ANNOTATION_RUNBOOK_REVIEWED} (YYYY-MM-DD) and ${ANNOTATION_RUNBOOK_REVIEWER}.`,
    evaluate: (facts, { thresholds }) => {
      const url = runbookUrlOf(facts.entity);
      return url
        ? runbookFreshness(facts, url, thresholds.runbookMaxAgeDays)
        : fail('runbookMissing', {}, 'No runbook is linked.');
    },
    evidence: facts => {
      const url = runbookUrlOf(facts.entity);
      return url ? [runbookEvidence(facts, url)] : [];
    },
  },
  {
    id: 'iac',
    title: 'Infrastructure as code',
    category: 'safety-nets',
    fix: `Manage the infrastructure with Terraform and point ${ANNOTATION_IAC} at it.`,
    evaluate: facts => {
      const where = annotation(facts, ANNOTATION_IAC);
      if (where) {
        return pass(
          'iacAnnotated',
          { value: where },
          `${ANNOTATION_IAC}: ${where}`,
        );
      }
      return knowledgeOutcome(facts, k =>
        k.iacFiles > 0
          ? pass(
              'terraformFiles',
              { count: k.iacFiles },
              `${k.iacFiles} Terraform files in the repository.`,
            )
          : fail(
              'iacMissing',
              {},
              `No ${ANNOTATION_IAC} annotation and no Terraform files in the repository.`,
            ),
      );
    },
  },
  {
    id: 'backups',
    title: 'Backups copied to another region and another account',
    category: 'safety-nets',
    fix: `Copy backups to another region and another account (e.g. AWS Backup copy rules), tag the resources service=<name> or list them in ${ANNOTATION_BACKUP_RESOURCES}; without a backup source, say so in ${ANNOTATION_BACKUPS} (e.g. cross-region,cross-account).`,
    evaluate: (facts, { thresholds }) => {
      const resources = facts.backups?.resources ?? [];
      if (resources.length) {
        return backupEvidenceOutcome(
          facts,
          resources,
          thresholds.backupCopyMaxAgeDays,
        );
      }
      const value = annotation(facts, ANNOTATION_BACKUPS);
      if (!value) {
        return fail(
          'backupsMissing',
          {},
          `No ${ANNOTATION_BACKUPS} annotation.`,
        );
      }
      const crossRegion = /cross-region/i.test(value);
      const crossAccount = /cross-account/i.test(value);
      if (!crossRegion && !crossAccount) {
        return fail(
          'backupsSameRegion',
          { value },
          `${ANNOTATION_BACKUPS} is "${value}": neither cross-region nor cross-account.`,
        );
      }
      // The rule wants both: a copy in another region survives a region's
      // outage, one in another account survives the account's compromise.
      if (!crossRegion || !crossAccount) {
        const missing = crossRegion ? 'cross-account' : 'cross-region';
        return fail(
          'backupsDeclaredPartly',
          { value, missing },
          `${ANNOTATION_BACKUPS} is "${value}": it declares no ${missing} copy.`,
        );
      }
      // Declared, not verified. With a backup source that has pulled, a
      // declaration it has no evidence for counts for less than a verified copy.
      return {
        ...pass(
          'backupsDeclared',
          { value },
          `${ANNOTATION_BACKUPS}: ${value} (declared, not verified: no backup source has evidence for this entity).`,
        ),
        ...(facts.backups
          ? { weightFactor: thresholds.backupDeclaredWeight }
          : {}),
      };
    },
    evidence: backupEvidence,
  },
  {
    id: 'slo',
    title: 'At least one SLO',
    category: 'safety-nets',
    fix: `Declare SLOs in an OpenSLO file and point ${ANNOTATION_OPENSLO} at it.`,
    evaluate: facts => {
      const file = annotation(facts, ANNOTATION_OPENSLO);
      if (!file) {
        return fail('sloMissing', {}, `No ${ANNOTATION_OPENSLO} annotation.`);
      }
      if (!facts.slos) {
        return unknown(
          'sloNotRead',
          { file },
          `SLOs are declared in ${file} but have not been read yet.`,
        );
      }
      const reason = `${facts.slos.count} SLOs in ${file}.`;
      const params = { count: facts.slos.count, file };
      return judged(facts.slos.count > 0, 'sloCount', params, reason);
    },
  },
  {
    id: 'alert-routing',
    title: 'Alerts reach this service',
    category: 'safety-nets',
    fix: `Label alerts with service=<name>, or set ${ANNOTATION_ALERT_SELECTOR} to the labels they carry.`,
    evaluate: (facts, { thresholds }) => {
      const selector = annotation(facts, ANNOTATION_ALERT_SELECTOR);
      if (selector) {
        return pass(
          'alertSelector',
          { selector },
          `${ANNOTATION_ALERT_SELECTOR}: ${selector}`,
        );
      }
      if (!facts.alerts) return noAlertHistory();
      const reason = `${facts.alerts.seenInWindow} alerts labeled service=${facts.entity.metadata.name} in ${thresholds.alertsSeenDays} days.`;
      const params = {
        count: facts.alerts.seenInWindow,
        name: facts.entity.metadata.name,
        days: thresholds.alertsSeenDays,
      };
      return judged(
        facts.alerts.seenInWindow > 0,
        'alertsSeen',
        params,
        reason,
      );
    },
  },
  {
    id: 'access-holders',
    title: 'More than one admin for each key access',
    category: 'access',
    fix: 'Give a second, named person admin access (least privilege otherwise), so no key permission rests with one person.',
    evaluate: (facts, { thresholds }) => {
      return accessOutcome(
        facts,
        r => Boolean(r.admins),
        { code: 'noAccessInventory', what: 'access inventory' },
        resources => {
          const thin = resources.filter(
            r => r.admins!.length < thresholds.minAdmins,
          );
          const summary = resources
            .map(r => `${nameIn(facts, r.ref)}: ${r.admins!.length} admins`)
            .join('; ');
          const params = {
            counts: resources
              .map(r => `${nameIn(facts, r.ref)}: ${r.admins!.length}`)
              .join(', '),
          };
          return judged(thin.length === 0, 'adminCounts', params, summary);
        },
      );
    },
  },
  {
    id: 'access-review',
    title: 'Access reviewed recently',
    category: 'access',
    fix: 'Run an access review campaign over the resources this service depends on.',
    evaluate: (facts, { thresholds }) => {
      return accessOutcome(
        facts,
        r => r.lastReviewCompletedAt !== undefined,
        { code: 'noAccessReviewRecord', what: 'access-review record' },
        resources => {
          const stale = resources.filter(
            r =>
              r.lastReviewCompletedAt === null ||
              daysBetween(r.lastReviewCompletedAt!, facts.now) >
                thresholds.accessReviewMaxAgeDays,
          );
          const days = thresholds.accessReviewMaxAgeDays;
          const list = stale.map(r => nameIn(facts, r.ref)).join(', ');
          return stale.length
            ? fail(
                'reviewStale',
                { days, resources: list },
                `Not reviewed within ${days} days: ${list}.`,
              )
            : pass(
                'reviewFresh',
                { days },
                `All reviewed within ${days} days.`,
              );
        },
      );
    },
  },
  {
    id: 'drill',
    title: 'A recent recovery drill',
    category: 'practice',
    fix: `Run a restore or failover drill and record it on the team's Drills page (or its date in ${ANNOTATION_LAST_DRILL}).`,
    evaluate: (facts, { thresholds }) => {
      // A recorded drill is evidence; the annotation is what someone typed.
      const recorded = facts.drills?.[0];
      if (recorded) {
        const date = recorded.performedAt.slice(0, 10);
        const age = Math.floor(daysBetween(recorded.performedAt, facts.now));
        const people = recorded.participants
          .map(ref => nameIn(facts, ref))
          .join(', ');
        return judged(
          age <= thresholds.drillMaxAgeDays,
          'drillRecorded',
          { date, days: age, scenario: recorded.scenario, people },
          `Last drill ${date} (${recorded.scenario}), ${age} days ago, with ${people}.`,
        );
      }
      const date = annotation(facts, ANNOTATION_LAST_DRILL);
      if (!date) {
        return fail(
          'drillMissing',
          {},
          `No ${ANNOTATION_LAST_DRILL} annotation.`,
        );
      }
      if (Number.isNaN(Date.parse(date))) {
        return fail(
          'drillNotDate',
          { value: date },
          `${ANNOTATION_LAST_DRILL} "${date}" is not a date (YYYY-MM-DD).`,
        );
      }
      const age = Math.floor(daysBetween(date, facts.now));
      const reason = `Last drill ${date}, ${age} days ago.`;
      const params = { date, days: age };
      return judged(
        age <= thresholds.drillMaxAgeDays,
        'drillAge',
        params,
        reason,
      );
    },
    evidence: lastDrillEvidence,
  },
  {
    id: 'alert-noise',
    title: 'Alerts that do not cry wolf',
    category: 'practice',
    fix: 'Fix or delete the alerts that flap or resolve on their own.',
    evaluate: (facts, { thresholds }) => {
      if (!facts.alerts) return noAlertHistory();
      if (facts.alerts.seenInWindow === 0) {
        return notApplicable(
          'noAlertsToJudge',
          { days: thresholds.alertsSeenDays },
          `No alerts in the last ${thresholds.alertsSeenDays} days: none to judge.`,
        );
      }
      const percent = Math.round(facts.alerts.noisyShare * 100);
      const reason = `${percent}% of alerts were noisy.`;
      return judged(
        facts.alerts.noisyShare < thresholds.maxNoiseShare,
        'noisyShare',
        { percent },
        reason,
      );
    },
  },
  {
    id: 'changes-paired',
    title: 'Production changes done in pairs',
    category: 'practice',
    fix: 'Apply to production with a second person beside you (or approving the run), and record them as the pair.',
    evaluate: (facts, policy) => changeShareOutcome(facts, policy, 'paired'),
  },
  {
    id: 'procedures-reviewed',
    title: 'Change procedures reviewed beforehand',
    category: 'practice',
    fix: 'Write the procedure in the pull request or a document before the change, and have someone else review it.',
    evaluate: (facts, policy) => changeShareOutcome(facts, policy, 'reviewed'),
  },
  {
    id: 'change-operators',
    title: 'Several people run production changes',
    category: 'people',
    fix: 'Let a second person run the next applies and deploys, with the usual operator as pair.',
    evaluate: (facts, { thresholds }) => {
      const days = thresholds.changesDays;
      return changesOutcome(facts, days, changes => {
        const operators = Object.keys(changes.operators)
          .sort(
            (a, b) =>
              changes.operators[b] - changes.operators[a] ||
              a.localeCompare(b, 'en'),
          )
          .map(key => changePersonName(facts, key));
        const people = operators.join(', ');
        return judged(
          operators.length >= thresholds.minChangeOperators,
          'changeOperators',
          { count: operators.length, days, people },
          `${operators.length} ${
            operators.length === 1 ? 'person' : 'people'
          } ran production changes in the last ${days} days (${people}).`,
        );
      });
    },
  },
  {
    id: 'restore-practised',
    title: 'Restores practised by the team',
    category: 'practice',
    fix: 'Run a restore-from-backup drill with at least two people of the team, and record it with its participants.',
    evaluate: (facts, { thresholds }) => {
      // Backups declared, or found by a backup source.
      if (
        !annotation(facts, ANNOTATION_BACKUPS) &&
        !facts.backups?.resources.length
      ) {
        return notApplicable(
          'noBackupsToRestore',
          {},
          `No ${ANNOTATION_BACKUPS} annotation: no backup to restore.`,
        );
      }
      if (!facts.drills) {
        return unknown(
          'noDrillRecords',
          {},
          'Drills are not collected for this entity.',
        );
      }
      const days = thresholds.restorePractisedDays;
      const restorers = restorePractitioners(facts, days);
      const people = restorers.map(ref => nameIn(facts, ref)).join(', ');
      return judged(
        restorers.length >= thresholds.minRestorePractised,
        'restorePractised',
        { count: restorers.length, days, people },
        `${
          restorers.length
        } of the team took part in a restore drill in the last ${days} days${
          people ? ` (${people})` : ''
        }.`,
      );
    },
    evidence: (facts, { thresholds }) =>
      restoreDrillEvidence(facts, thresholds.restorePractisedDays),
  },
];

/**
 * The owners' members who took part in a restore-from-backup drill of the
 * entity in the last `days`: someone who left the team is no cover.
 * @public
 */
export function restorePractitioners(
  facts: ReadinessFacts,
  days: number,
): string[] {
  const members = new Set(facts.owner.members);
  const people = new Set<string>();
  for (const drill of restoreDrillsWithin(facts, days)) {
    drill.participants
      .filter(ref => members.has(ref))
      .forEach(ref => people.add(ref));
  }
  return [...people].sort();
}

/** Runs every check on the facts, as they count (owners' acknowledgements, current knowledge holders), with the policy's weights and critical set. @public */
export function runReadinessChecks(
  facts: ReadinessFacts,
  policy: ReadinessPolicy,
): ReadinessCheck[] {
  const counted = countedFacts(facts, policy);
  return READINESS_CHECKS.map(check => {
    const { weightFactor, ...result } = check.evaluate(counted, policy);
    const evidence = check.evidence?.(counted, policy) ?? [];
    return {
      id: check.id,
      title: check.title,
      category: check.category,
      fix: check.fix,
      ...result,
      weight: policy.weights[check.id] * (weightFactor ?? 1),
      critical: policy.critical.includes(check.id),
      ...(evidence.length ? { evidence } : {}),
    };
  });
}
