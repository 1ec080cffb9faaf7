import type { Entity } from '@backstage/catalog-model';
import { ReadinessFacts, runReadinessChecks } from '../readiness/checks';
import { DEFAULT_READINESS_POLICY, readinessPolicy } from '../readiness/policy';
import { evaluateReadiness } from '../readiness/score';
import {
  backupCopyStatus,
  copyReach,
  parseBackupVaultArn,
  withinDays,
} from './evidence';
import type { BackupCopyEvidence, ProtectedResourceEvidence } from './types';

const NOW = '2026-12-14T00:00:00.000Z';
const daysAgo = (days: number) =>
  new Date(Date.parse(NOW) - days * 86_400_000).toISOString();

const vault = (region: string, account: string, name = 'copies') =>
  `arn:aws:backup:${region}:${account}:backup-vault:${name}`;

function copy(
  region: string,
  account: string,
  at: string,
  state = 'COMPLETED',
): BackupCopyEvidence {
  return {
    jobId: `copy-${region}-${account}-${at}`,
    at,
    state,
    destinationVaultArn: vault(region, account),
    destinationRegion: region,
    destinationAccountId: account,
  };
}

const resource = (copies: BackupCopyEvidence[]): ProtectedResourceEvidence => ({
  resourceArn: 'arn:aws:rds:ap-northeast-1:111111111111:cluster:orders',
  resourceType: 'Aurora',
  resourceName: 'orders',
  accountId: '111111111111',
  region: 'ap-northeast-1',
  tags: { service: 'orders-db' },
  copies,
});

describe('parseBackupVaultArn', () => {
  it('reads account, region and name, in any partition', () => {
    expect(parseBackupVaultArn(vault('eu-west-1', '222222222222'))).toEqual({
      region: 'eu-west-1',
      accountId: '222222222222',
      name: 'copies',
    });
    expect(
      parseBackupVaultArn(
        'arn:aws-cn:backup:cn-north-1:333333333333:backup-vault:Default',
      ),
    ).toEqual({
      region: 'cn-north-1',
      accountId: '333333333333',
      name: 'Default',
    });
  });

  it.each([
    'arn:aws:s3:::bucket',
    'arn:aws:backup:eu-west-1:2222:backup-vault:short-account',
    'arn:aws:backup:eu-west-1:222222222222:backup-plan:plan',
    'arn:aws:backup:eu-west-1:222222222222:backup-vault:',
    'not an arn',
  ])('refuses %s', arn => {
    expect(parseBackupVaultArn(arn)).toBeUndefined();
  });
});

describe('backupCopyStatus', () => {
  it('counts a vault in the same account and region as neither', () => {
    const sameVault = copy('ap-northeast-1', '111111111111', daysAgo(1));
    expect(copyReach(resource([]), sameVault)).toEqual({
      crossRegion: false,
      crossAccount: false,
    });
    const status = backupCopyStatus(resource([sameVault]), NOW, 7);
    expect(status.crossRegion).toEqual({ verified: false });
    expect(status.crossAccount).toEqual({ verified: false });
  });

  it('takes the latest completed copy of each kind; one copy may be both', () => {
    const both = copy('us-west-2', '222222222222', daysAgo(2));
    const regionOnly = copy('us-west-2', '111111111111', daysAgo(1));
    const status = backupCopyStatus(resource([both, regionOnly]), NOW, 7);
    expect(status.crossRegion).toEqual({
      lastCopy: regionOnly,
      verified: true,
    });
    expect(status.crossAccount).toEqual({ lastCopy: both, verified: true });
  });

  it('verifies a copy only within the window', () => {
    const old = copy('us-west-2', '222222222222', daysAgo(8));
    const status = backupCopyStatus(resource([old]), NOW, 7);
    expect(status.crossRegion).toEqual({ lastCopy: old, verified: false });
    expect(withinDays(daysAgo(7), NOW, 7)).toBe(true);
    expect(withinDays(daysAgo(7.01), NOW, 7)).toBe(false);
  });

  it('lists a destination whose latest copy job failed, not one that completed since', () => {
    const failed = copy('us-west-2', '222222222222', daysAgo(1), 'FAILED');
    const recovered = copy('eu-west-1', '222222222222', daysAgo(3), 'FAILED');
    const laterDone = {
      ...copy('eu-west-1', '222222222222', daysAgo(2)),
      destinationVaultArn: recovered.destinationVaultArn,
    };
    const status = backupCopyStatus(
      resource([failed, recovered, laterDone]),
      NOW,
      7,
    );
    expect(status.failedCopies).toEqual([failed]);
    // A failed job is no copy: only the completed one counts.
    expect(status.crossRegion.lastCopy).toEqual(laterDone);
  });
});

function entity(annotations: Record<string, string> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'orders-db', namespace: 'default', annotations },
    spec: { owner: 'group:default/team' },
  };
}

type BackupFacts = NonNullable<ReadinessFacts['backups']>['resources'][number];
const evidence = (over: Partial<BackupFacts> = {}): BackupFacts => ({
  name: 'orders',
  crossRegionCopyAt: daysAgo(1),
  crossAccountCopyAt: daysAgo(1),
  failedCopyAt: null,
  lastRestore: null,
  ...over,
});

function facts(over: Partial<ReadinessFacts> = {}): ReadinessFacts {
  return {
    now: NOW,
    entity: entity(),
    owner: { ref: 'group:default/team', kind: 'group', members: [] },
    accessResources: [],
    ...over,
  };
}

const backupsCheck = (f: ReadinessFacts, policy = DEFAULT_READINESS_POLICY) =>
  runReadinessChecks(f, policy).find(c => c.id === 'backups')!;

describe('the backups readiness check', () => {
  it.each<[string, BackupFacts[], string, string, RegExp]>([
    [
      'passes on verified cross-region and cross-account copies',
      [evidence(), evidence({ name: 'media' })],
      'pass',
      'backupsVerified',
      /2 protected resources copied to another region and another account within 7 days \(orders, media\)/,
    ],
    [
      'names the missing account copy',
      [evidence({ crossAccountCopyAt: null })],
      'fail',
      'backupCrossAccountMissing',
      /not to another account within 7 days: orders/,
    ],
    [
      'names the missing region copy',
      [evidence({ crossRegionCopyAt: daysAgo(30) })],
      'fail',
      'backupCrossRegionMissing',
      /not to another region within 7 days: orders/,
    ],
    [
      'fails on a failed copy with no verified copy',
      [
        evidence(),
        evidence({
          name: 'media',
          crossAccountCopyAt: null,
          failedCopyAt: daysAgo(1),
        }),
      ],
      'fail',
      'backupCopyFailed',
      /latest copy job failed.*: media\.$/,
    ],
    [
      'fails on copies older than the window',
      [evidence({ crossRegionCopyAt: daysAgo(9), crossAccountCopyAt: null })],
      'fail',
      'backupCopyStale',
      /No copy to another region or account completed within 7 days: orders/,
    ],
  ])('%s', (_, resources, status, code, reason) => {
    const check = backupsCheck(
      // Evidence decides: the declaration is not read once a source has some.
      facts({
        backups: { resources },
        entity: entity({ 'baton.dev/backups': 'cross-region,cross-account' }),
      }),
    );
    expect(check).toMatchObject({ status, reasonCode: code, weight: 2 });
    expect(check.reason).toMatch(reason);
    expect(check.reasonParams).toMatchObject({ days: 7 });
  });

  it('is unknown on evidence the source has not renewed within the window, unless a fresh one fails', () => {
    const stale = evidence({ name: 'media', pulledAt: daysAgo(8) });
    const check = backupsCheck(
      facts({
        backups: { resources: [evidence({ pulledAt: daysAgo(0) }), stale] },
      }),
    );
    expect(check).toMatchObject({
      status: 'unknown',
      reasonCode: 'backupEvidenceStale',
      reasonParams: { resources: 'media', days: 7, count: 2 },
    });
    expect(check.reason).toBe(
      'The backup source has not reported within 7 days on: media.',
    );
    const freshFailure = backupsCheck(
      facts({
        backups: {
          resources: [
            evidence({ crossAccountCopyAt: null, pulledAt: daysAgo(0) }),
            stale,
          ],
        },
      }),
    );
    expect(freshFailure).toMatchObject({
      status: 'fail',
      reasonCode: 'backupCrossAccountMissing',
      reasonParams: { resources: 'orders' },
    });
  });

  it('passes a failed copy when verified copies remain within the window', () => {
    const check = backupsCheck(
      facts({
        backups: { resources: [evidence({ failedCopyAt: daysAgo(0) })] },
      }),
    );
    expect(check.reasonCode).toBe('backupsVerified');
  });

  it('counts a declaration no source has evidence for as declared, with less weight', () => {
    const declared = entity({
      'baton.dev/backups': 'cross-region,cross-account',
    });
    const withSource = backupsCheck(
      facts({ entity: declared, backups: { resources: [] } }),
    );
    expect(withSource).toMatchObject({
      status: 'pass',
      reasonCode: 'backupsDeclared',
      reasonParams: { value: 'cross-region,cross-account' },
      weight: 1,
    });
    expect(withSource.reason).toMatch(/declared, not verified/);
    // Without any backup source nothing could verify it: full weight.
    expect(backupsCheck(facts({ entity: declared }))).toMatchObject({
      status: 'pass',
      reasonCode: 'backupsDeclared',
      weight: 2,
    });
    const halfAgain = readinessPolicy({
      thresholds: { backupDeclaredWeight: 0.25 },
    });
    expect(
      backupsCheck(
        facts({ entity: declared, backups: { resources: [] } }),
        halfAgain,
      ).weight,
    ).toBe(0.5);
  });

  it('keeps the declaration paths that fail', () => {
    expect(backupsCheck(facts({ backups: { resources: [] } }))).toMatchObject({
      status: 'fail',
      reasonCode: 'backupsMissing',
    });
    expect(
      backupsCheck(
        facts({ entity: entity({ 'baton.dev/backups': 'same-region' }) }),
      ),
    ).toMatchObject({ status: 'fail', reasonCode: 'backupsSameRegion' });
  });

  it('fails a declaration of only one of the two copies, naming the other', () => {
    expect(
      backupsCheck(
        facts({ entity: entity({ 'baton.dev/backups': 'cross-region' }) }),
      ),
    ).toMatchObject({
      status: 'fail',
      reasonCode: 'backupsDeclaredPartly',
      reasonParams: { value: 'cross-region', missing: 'cross-account' },
    });
    expect(
      backupsCheck(
        facts({ entity: entity({ 'baton.dev/backups': 'Cross-Account' }) }),
      ),
    ).toMatchObject({
      status: 'fail',
      reasonCode: 'backupsDeclaredPartly',
      reasonParams: { missing: 'cross-region' },
    });
  });

  it('scores a declared pass for less than a verified one', () => {
    const declared = entity({
      'baton.dev/backups': 'cross-region,cross-account',
    });
    const verified = evaluateReadiness(
      facts({ entity: declared, backups: { resources: [evidence()] } }),
      DEFAULT_READINESS_POLICY,
    );
    const onlyDeclared = evaluateReadiness(
      facts({ entity: declared, backups: { resources: [] } }),
      DEFAULT_READINESS_POLICY,
    );
    expect(onlyDeclared.score).toBeLessThan(verified.score);
  });

  it('refuses a declared weight above 1', () => {
    expect(() =>
      readinessPolicy({ thresholds: { backupDeclaredWeight: 2 } }),
    ).toThrow(/backupDeclaredWeight: must be between 0 and 1/);
  });
});
