import type {
  BackupCopyEvidence,
  BackupCopyReach,
  ProtectedResourceEvidence,
} from './types';

const DAY_MS = 86_400_000;

/** A backup vault's account, region and name, as its ARN names them. @public */
export interface BackupVaultLocation {
  accountId: string;
  region: string;
  name: string;
}

/**
 * The account, region and name of a backup vault ARN
 * (`arn:<partition>:backup:<region>:<account>:backup-vault:<name>`);
 * undefined for anything else.
 * @public
 */
export function parseBackupVaultArn(
  arn: string,
): BackupVaultLocation | undefined {
  const parts = arn.split(':');
  if (
    parts.length < 7 ||
    parts[0] !== 'arn' ||
    parts[2] !== 'backup' ||
    parts[5] !== 'backup-vault' ||
    !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(parts[3]) ||
    !/^\d{12}$/.test(parts[4])
  ) {
    return undefined;
  }
  const name = parts.slice(6).join(':');
  return name ? { region: parts[3], accountId: parts[4], name } : undefined;
}

/** Whether a copy reaches another region and/or another account than the resource's; a vault in the same account and region is neither. @public */
export function copyReach(
  resource: Pick<ProtectedResourceEvidence, 'accountId' | 'region'>,
  copy: Pick<BackupCopyEvidence, 'destinationAccountId' | 'destinationRegion'>,
): { crossRegion: boolean; crossAccount: boolean } {
  return {
    crossRegion: copy.destinationRegion !== resource.region,
    crossAccount: copy.destinationAccountId !== resource.accountId,
  };
}

/** True when `at` is no more than `days` days before `now`. @public */
export function withinDays(at: string, now: string, days: number): boolean {
  const age = Date.parse(now) - Date.parse(at);
  return Number.isFinite(age) && age <= days * DAY_MS;
}

const isCompleted = (copy: BackupCopyEvidence) => copy.state === 'COMPLETED';
const newest = <T extends { at: string }>(items: T[]): T | undefined =>
  items.reduce<T | undefined>(
    (last, item) =>
      !last || Date.parse(item.at) > Date.parse(last.at) ? item : last,
    undefined,
  );

/**
 * What a resource's copies prove at `now`: the latest completed copy to
 * another region and to another account, each verified when within
 * `maxAgeDays`; and the destinations whose latest copy job failed (none
 * completed since). One copy may be both cross-region and cross-account.
 * @public
 */
export function backupCopyStatus(
  resource: ProtectedResourceEvidence,
  now: string,
  maxAgeDays: number,
): {
  crossRegion: BackupCopyReach;
  crossAccount: BackupCopyReach;
  failedCopies: BackupCopyEvidence[];
} {
  const completed = resource.copies.filter(isCompleted);
  const reachOf = (kind: 'crossRegion' | 'crossAccount'): BackupCopyReach => {
    const lastCopy = newest(
      completed.filter(copy => copyReach(resource, copy)[kind]),
    );
    return {
      ...(lastCopy ? { lastCopy } : {}),
      verified: lastCopy ? withinDays(lastCopy.at, now, maxAgeDays) : false,
    };
  };
  const failedCopies = resource.copies.filter(
    copy =>
      copy.state === 'FAILED' &&
      !completed.some(
        done =>
          done.destinationVaultArn === copy.destinationVaultArn &&
          Date.parse(done.at) >= Date.parse(copy.at),
      ),
  );
  return {
    crossRegion: reachOf('crossRegion'),
    crossAccount: reachOf('crossAccount'),
    failedCopies,
  };
}

/** The rule behind cross-region and cross-account, returned with the evidence. @public */
export function backupCopyRule(maxAgeDays: number): string {
  return (
    `A copy counts when its copy job COMPLETED within the last ${maxAgeDays} days. ` +
    `Cross-region: the destination vault's region (from its ARN) differs from the resource's; ` +
    `cross-account: the destination vault's account differs from the resource's. ` +
    `A vault in the same account and region is neither. ` +
    `A destination whose latest copy job FAILED, with none completed since, is listed as failing.`
  );
}
