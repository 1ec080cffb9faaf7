import {
  copyReach,
  type BackupCopyEvidence,
  type BackupCopyReach,
  type BackupRestoreEvidence,
  type EntityBackupResource,
} from '@baton/plugin-sre-common';
import type { ToneChipSpec } from '../components/ToneChip';
import type { Formats } from '../language';
import type { SreTranslate } from '../translation';

/** A copy reach as the card reads it: verified in the window, seen but too old, or never seen. */
export type ReachStatus = 'verified' | 'stale' | 'missing';

export const reachStatus = (reach: BackupCopyReach): ReachStatus => {
  if (reach.verified) return 'verified';
  return reach.lastCopy ? 'stale' : 'missing';
};

/** How the last restore went: none known, completed (and validated, for a test), failed, or still running. */
export type RestoreOutcome = 'never' | 'passed' | 'failed' | 'running';

const FAILED_STATES = ['FAILED', 'ABORTED', 'EXPIRED'];
const FAILED_VALIDATIONS = ['FAILED', 'TIMED_OUT'];

export function restoreOutcome(
  restore?: BackupRestoreEvidence,
): RestoreOutcome {
  if (!restore) return 'never';
  if (
    FAILED_STATES.includes(restore.state) ||
    FAILED_VALIDATIONS.includes(restore.validationStatus ?? '')
  ) {
    return 'failed';
  }
  return restore.state === 'COMPLETED' ? 'passed' : 'running';
}

const KNOWN_STATES = [
  'COMPLETED',
  'FAILED',
  'ABORTED',
  'EXPIRED',
  'RUNNING',
  'PENDING',
  'CREATED',
] as const;
const KNOWN_VALIDATIONS = [
  'SUCCESSFUL',
  'FAILED',
  'TIMED_OUT',
  'VALIDATING',
] as const;

/** A job state in the language; one the texts do not know, as the source wrote it. */
export function jobStateText(t: SreTranslate, state: string): string {
  const known = KNOWN_STATES.find(s => s === state);
  return known ? t(`backups.state.${known}`) : state;
}

/** A restore test's validation result in the language, or as the source wrote it. */
export function validationText(t: SreTranslate, status: string): string {
  const known = KNOWN_VALIDATIONS.find(s => s === status);
  return known ? t(`backups.validation.${known}`) : status;
}

/**
 * The latest completed copy that stays in the resource's account and region:
 * it counts as neither, and the card says so, so a copy that exists but does
 * not protect against a region or account loss is not a mystery.
 */
export function lastLocalCopy(
  resource: EntityBackupResource,
): BackupCopyEvidence | undefined {
  return resource.copies
    .filter(copy => {
      const reach = copyReach(resource, copy);
      return (
        copy.state === 'COMPLETED' && !reach.crossRegion && !reach.crossAccount
      );
    })
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0];
}

/** Where a copy went, e.g. "ap-northeast-3, account 123456789012". */
export const destinationText = (t: SreTranslate, copy: BackupCopyEvidence) =>
  t('backups.list.destination', {
    region: copy.destinationRegion,
    account: copy.destinationAccountId,
  });

/** The label and hover text of a copy reach's chip, per kind and status. */
const REACH_TEXTS = {
  crossRegion: {
    verified: [
      'backups.chip.crossRegionVerified',
      'backups.chip.crossRegionVerifiedHelp',
    ],
    stale: [
      'backups.chip.crossRegionStale',
      'backups.chip.crossRegionStaleHelp',
    ],
    missing: [
      'backups.chip.crossRegionMissing',
      'backups.chip.crossRegionMissingHelp',
    ],
  },
  crossAccount: {
    verified: [
      'backups.chip.crossAccountVerified',
      'backups.chip.crossAccountVerifiedHelp',
    ],
    stale: [
      'backups.chip.crossAccountStale',
      'backups.chip.crossAccountStaleHelp',
    ],
    missing: [
      'backups.chip.crossAccountMissing',
      'backups.chip.crossAccountMissingHelp',
    ],
  },
} as const;

/**
 * A resource's chips: cross-region, cross-account, failing copies and the
 * last restore, read from the same fields the card's lines show.
 */
export function backupChips(
  t: SreTranslate,
  format: Formats,
  resource: EntityBackupResource,
  days: number,
): ToneChipSpec[] {
  const reachChip = (kind: 'crossRegion' | 'crossAccount'): ToneChipSpec => {
    const reach = resource[kind];
    const status = reachStatus(reach);
    const [label, help] = REACH_TEXTS[kind][status];
    return {
      key: kind,
      tone: status === 'verified' ? 'good' : 'bad',
      label: t(label),
      help: t(help, {
        date: reach.lastCopy ? format.date(reach.lastCopy.at) : '',
        region: reach.lastCopy?.destinationRegion ?? '',
        account: reach.lastCopy?.destinationAccountId ?? '',
        days: format.number(days),
      }),
    };
  };
  const chips = [reachChip('crossRegion'), reachChip('crossAccount')];
  if (resource.failedCopies.length) {
    chips.push({
      key: 'copy-failing',
      tone: 'bad',
      label: t('backups.chip.copyFailing'),
      help: t('backups.chip.copyFailingHelp', {
        destinations: format.list(
          resource.failedCopies.map(copy => destinationText(t, copy)),
        ),
      }),
    });
  }
  const restore = resource.lastRestore;
  const date = restore ? format.date(restore.at) : '';
  const outcome = restoreOutcome(restore);
  if (outcome === 'never') {
    chips.push({
      key: 'restore',
      tone: 'warning',
      label: t('backups.chip.neverRestored'),
      help: t('backups.chip.neverRestoredHelp'),
    });
  } else if (outcome === 'failed') {
    chips.push({
      key: 'restore',
      tone: 'bad',
      label: t('backups.chip.restoreFailed'),
      help: t('backups.chip.restoreFailedHelp', { date }),
    });
  } else if (outcome === 'running') {
    chips.push({
      key: 'restore',
      tone: 'neutral',
      label: t('backups.chip.restoreRunning'),
      help: t('backups.chip.restoreRunningHelp', { date }),
    });
  } else {
    const tested = restore?.restoreTesting;
    chips.push({
      key: 'restore',
      tone: 'good',
      label: t(
        tested ? 'backups.chip.restoreTested' : 'backups.chip.restoredByHand',
      ),
      help: t(
        tested
          ? 'backups.chip.restoreTestedHelp'
          : 'backups.chip.restoredByHandHelp',
        { date },
      ),
    });
  }
  return chips;
}

/**
 * A resource's latest restore in a sentence: when, a restore test or by
 * hand, its state and, for a test, its validation — a test that completed
 * but failed validation says so. Dates in `formatDate`'s form.
 */
export function restoreText(
  t: SreTranslate,
  formatDate: (iso: string) => string,
  restore?: Pick<
    BackupRestoreEvidence,
    'at' | 'state' | 'restoreTesting' | 'validationStatus'
  > | null,
): string {
  if (!restore) return t('backups.list.neverRestored');
  const params = {
    date: formatDate(restore.at),
    how: t(
      restore.restoreTesting
        ? 'backups.list.restoreTesting'
        : 'backups.list.restoreByHand',
    ),
    state: jobStateText(t, restore.state),
  };
  return restore.validationStatus
    ? t('backups.list.restoreValidated', {
        ...params,
        validation: validationText(t, restore.validationStatus),
      })
    : t('backups.list.restore', params);
}
