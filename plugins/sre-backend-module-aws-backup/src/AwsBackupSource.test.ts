import {
  BackupClient,
  ListBackupJobsCommand,
  ListCopyJobsCommand,
  ListProtectedResourcesCommand,
  ListRestoreJobsCommand,
} from '@aws-sdk/client-backup';
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
} from '@aws-sdk/client-resource-groups-tagging-api';
import {
  backupCopyStatus,
  type ProtectedResourceEvidence,
} from '@baton/plugin-sre-common';
import { mockClient } from 'aws-sdk-client-mock';
import { AwsBackupSource } from './AwsBackupSource';
import protectedResources from './__fixtures__/list-protected-resources.json';
import completedBackupJobs from './__fixtures__/list-backup-jobs-completed.json';
import failedBackupJobs from './__fixtures__/list-backup-jobs-failed.json';
import copyJobs from './__fixtures__/list-copy-jobs.json';
import restoreJobs from './__fixtures__/list-restore-jobs.json';
import tagMappings from './__fixtures__/get-resources.json';

const NOW = new Date('2026-12-14T00:00:00.000Z');
const APP = '111111111111';
const LEDGER = '333333333333';

type Pages = Record<string, unknown[]>;

/** The API's JSON as the SDK hands it over: its epoch-second timestamps as Dates. */
function sdkShaped(value: unknown): any {
  if (Array.isArray(value)) return value.map(sdkShaped);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, field]) => [
        key,
        typeof field === 'number' && /(Date|Time)$/.test(key)
          ? new Date(field * 1000)
          : sdkShaped(field),
      ]),
    );
  }
  return value;
}

/** Answers a paged list call from the fixture's pages of `key`, following NextToken. */
function paged(pages: Pages, key: string) {
  const all = sdkShaped(pages[key]) as Array<{ NextToken?: string }>;
  return (input: { NextToken?: string }) => {
    if (!input.NextToken) return all[0];
    const index = all.findIndex(page => page.NextToken === input.NextToken);
    return all[index + 1];
  };
}

/** A source over the fixtures' accounts and regions, each region with its own mocked clients. */
function fixtureSources() {
  const mocks: Array<ReturnType<typeof mockClient>> = [];
  const sourceOf = (accountId: string, regions: string[]) =>
    new AwsBackupSource({
      accountId,
      regions: Object.fromEntries(
        regions.map(region => {
          const key = `${accountId}/${region}`;
          const backup = new BackupClient({ region });
          const tagging = new ResourceGroupsTaggingAPIClient({ region });
          const backupMock = mockClient(backup);
          backupMock
            .on(ListProtectedResourcesCommand)
            .callsFake(paged(protectedResources, key))
            .on(ListBackupJobsCommand, { ByState: 'COMPLETED' })
            .callsFake(paged(completedBackupJobs, key))
            .on(ListBackupJobsCommand, { ByState: 'FAILED' })
            .callsFake(paged(failedBackupJobs, key))
            .on(ListCopyJobsCommand)
            .callsFake(paged(copyJobs, key))
            .on(ListRestoreJobsCommand)
            .callsFake(paged(restoreJobs, key));
          const taggingMock = mockClient(tagging);
          taggingMock
            .on(GetResourcesCommand)
            .resolves(sdkShaped((tagMappings as Pages)[key][0]));
          mocks.push(backupMock, taggingMock);
          return [region, { backup, tagging }];
        }),
      ),
    });
  return {
    app: sourceOf(APP, ['ap-northeast-1', 'us-west-2']),
    ledger: sourceOf(LEDGER, ['eu-west-1']),
    mocks,
  };
}

async function pulled(
  source: AwsBackupSource,
): Promise<ProtectedResourceEvidence[]> {
  const items: ProtectedResourceEvidence[] = [];
  for await (const item of source.pull({ now: NOW })) items.push(item);
  return items;
}

const byName = (items: ProtectedResourceEvidence[], name: string) =>
  items.find(item => item.resourceArn.endsWith(name))!;

describe('AwsBackupSource', () => {
  it('reads every page of each region of several accounts', async () => {
    const { app, ledger, mocks } = fixtureSources();
    expect(app.id).toBe('aws-backup-111111111111');
    const items = await pulled(app);
    // The second page of protected resources (sessions) and the other region (the volume).
    expect(items.map(item => [item.resourceArn, item.region])).toEqual([
      [
        'arn:aws:rds:ap-northeast-1:111111111111:cluster:orders-db',
        'ap-northeast-1',
      ],
      ['arn:aws:s3:::hanamori-media', 'ap-northeast-1'],
      [
        'arn:aws:dynamodb:ap-northeast-1:111111111111:table/sessions',
        'ap-northeast-1',
      ],
      [
        'arn:aws:ec2:us-west-2:111111111111:volume/vol-0a1b2c3d4e5f67890',
        'us-west-2',
      ],
    ]);
    expect(items.every(item => item.accountId === APP)).toBe(true);
    const [ledgerDb] = await pulled(ledger);
    expect(ledgerDb).toMatchObject({
      accountId: LEDGER,
      region: 'eu-west-1',
      resourceType: 'RDS',
      tags: { service: 'payments-adapter' },
    });
    expect(backupCopyStatus(ledgerDb, NOW.toISOString(), 7)).toMatchObject({
      crossRegion: { verified: true },
      crossAccount: { verified: true },
    });
    // Each list asks for AWS Backup's 30 days of job history; backup jobs by
    // state; a second page is asked for where the first had a NextToken (the
    // paginator reuses one input object, so only the calls are counted here;
    // the second pages' jobs show in the evidence of the next test).
    const since = new Date(NOW.getTime() - 30 * 86_400_000);
    const inputs = (command: any) =>
      mocks[0]
        .commandCalls(command)
        .map(call => call.args[0].input as Record<string, unknown>);
    expect(
      inputs(ListBackupJobsCommand).map(({ ByState, ByCreatedAfter }) => ({
        ByState,
        ByCreatedAfter,
      })),
    ).toEqual([
      { ByState: 'COMPLETED', ByCreatedAfter: since },
      { ByState: 'COMPLETED', ByCreatedAfter: since },
      { ByState: 'FAILED', ByCreatedAfter: since },
    ]);
    expect(inputs(ListCopyJobsCommand)).toHaveLength(2);
    expect(inputs(ListProtectedResourcesCommand)).toHaveLength(2);
    expect(inputs(ListRestoreJobsCommand)).toHaveLength(1);
    expect(mocks[1].commandCalls(GetResourcesCommand)[0].args[0].input).toEqual(
      {
        ResourceARNList: [
          'arn:aws:rds:ap-northeast-1:111111111111:cluster:orders-db',
          'arn:aws:s3:::hanamori-media',
          'arn:aws:dynamodb:ap-northeast-1:111111111111:table/sessions',
        ],
      },
    );
  });

  it('gives each resource its tags, last backup, copies per destination vault and last restore', async () => {
    const items = await pulled(fixtureSources().app);
    const orders = byName(items, 'cluster:orders-db');
    expect(orders).toMatchObject({
      resourceType: 'Aurora',
      resourceName: 'orders-db',
      tags: { service: 'orders-db', env: 'production' },
      lastBackup: {
        jobId: '5a1c0f6e-2d4b-4c8a-9e1f-3b2d4c6e8a0b',
        at: '2026-12-13T03:12:40.000Z',
        state: 'COMPLETED',
        vaultArn:
          'arn:aws:backup:ap-northeast-1:111111111111:backup-vault:primary',
      },
    });
    expect(orders.copies).toEqual([
      {
        jobId: 'c0a2-orders-vault',
        at: '2026-12-13T04:20:44.000Z',
        state: 'COMPLETED',
        destinationVaultArn:
          'arn:aws:backup:ap-northeast-1:222222222222:backup-vault:vault-of-record',
        destinationAccountId: '222222222222',
        destinationRegion: 'ap-northeast-1',
      },
      {
        jobId: 'c0a1-orders-dr',
        at: '2026-12-13T03:52:10.000Z',
        state: 'COMPLETED',
        destinationVaultArn:
          'arn:aws:backup:us-west-2:111111111111:backup-vault:dr-copies',
        destinationAccountId: '111111111111',
        destinationRegion: 'us-west-2',
      },
      {
        jobId: 'c0a0-orders-vault-failed',
        at: '2026-12-12T03:16:02.000Z',
        state: 'FAILED',
        message:
          'Access denied: the destination vault access policy does not allow backup:CopyIntoBackupVault from this account.',
        destinationVaultArn:
          'arn:aws:backup:ap-northeast-1:222222222222:backup-vault:vault-of-record',
        destinationAccountId: '222222222222',
        destinationRegion: 'ap-northeast-1',
      },
    ]);
    // The failed copy to the other account completed the next day: nothing is failing.
    expect(backupCopyStatus(orders, NOW.toISOString(), 7)).toMatchObject({
      crossRegion: { verified: true, lastCopy: { jobId: 'c0a1-orders-dr' } },
      crossAccount: {
        verified: true,
        lastCopy: { jobId: 'c0a2-orders-vault' },
      },
      failedCopies: [],
    });
    // No SourceResourceArn: found by the restored copy's recovery point.
    expect(orders.lastRestore).toEqual({
      jobId: 'r-orders-manual',
      at: '2026-12-13T08:31:00.000Z',
      state: 'FAILED',
      restoreTesting: false,
      message: 'DB cluster parameter group not found in us-west-2.',
    });

    const sessions = byName(items, 'table/sessions');
    expect(sessions.copies).toEqual([]);
    expect(sessions.lastRestore).toEqual({
      jobId: 'r-sessions-test',
      at: '2026-12-13T06:24:00.000Z',
      state: 'COMPLETED',
      restoreTesting: true,
      validationStatus: 'SUCCESSFUL',
    });

    // No job in the look-back and no tags: still listed, with nothing proven.
    const volume = byName(items, 'vol-0a1b2c3d4e5f67890');
    expect(volume).toEqual({
      resourceArn:
        'arn:aws:ec2:us-west-2:111111111111:volume/vol-0a1b2c3d4e5f67890',
      resourceType: 'EBS',
      accountId: APP,
      region: 'us-west-2',
      tags: {},
      copies: [],
    });
  });

  it('does not count a vault in the same account and region, and lists a failed copy', async () => {
    const media = byName(await pulled(fixtureSources().app), 'hanamori-media');
    // The running copy to eu-west-1 is neither completed nor failed: left out.
    expect(media.copies.map(copy => [copy.jobId, copy.state])).toEqual([
      ['c1b1-media-local', 'COMPLETED'],
      ['c1b2-media-dr', 'FAILED'],
    ]);
    const status = backupCopyStatus(media, NOW.toISOString(), 7);
    expect(status.crossRegion).toEqual({ verified: false });
    expect(status.crossAccount).toEqual({ verified: false });
    expect(status.failedCopies).toEqual([
      expect.objectContaining({
        jobId: 'c1b2-media-dr',
        destinationAccountId: '222222222222',
        destinationRegion: 'us-west-2',
        message:
          'Copy job failed because the destination backup vault does not exist.',
      }),
    ]);
    expect(media.lastFailedBackup).toMatchObject({
      jobId: 'f0e1d2c3-b4a5-4968-8776-655443322110',
      state: 'FAILED',
    });
    expect(media.lastRestore).toBeUndefined();
  });

  it('asks for the tags of at most 100 resources at a time', async () => {
    const backup = new BackupClient({ region: 'ap-northeast-1' });
    const tagging = new ResourceGroupsTaggingAPIClient({
      region: 'ap-northeast-1',
    });
    const arns = Array.from(
      { length: 150 },
      (_, i) => `arn:aws:dynamodb:ap-northeast-1:${APP}:table/t${i}`,
    );
    mockClient(backup)
      .on(ListProtectedResourcesCommand)
      .resolves({
        Results: arns.map(arn => ({
          ResourceArn: arn,
          ResourceType: 'DynamoDB',
        })),
      })
      .on(ListBackupJobsCommand)
      .resolves({ BackupJobs: [] })
      .on(ListCopyJobsCommand)
      .resolves({ CopyJobs: [] })
      .on(ListRestoreJobsCommand)
      .resolves({ RestoreJobs: [] });
    const taggingMock = mockClient(tagging);
    taggingMock.on(GetResourcesCommand).callsFake(input => ({
      ResourceTagMappingList: input.ResourceARNList.map((arn: string) => ({
        ResourceARN: arn,
        Tags: [{ Key: 'service', Value: arn.split('/')[1] }],
      })),
    }));
    const source = new AwsBackupSource({
      accountId: APP,
      regions: { 'ap-northeast-1': { backup, tagging } },
    });

    const items = await pulled(source);

    expect(
      taggingMock
        .commandCalls(GetResourcesCommand)
        .map(call => call.args[0].input.ResourceARNList!.length),
    ).toEqual([100, 50]);
    expect(items[149].tags).toEqual({ service: 't149' });
  });

  it('fails the pull naming the request, account and region, with no credential in the error', async () => {
    const backupMock = mockClient(BackupClient);
    const taggingMock = mockClient(ResourceGroupsTaggingAPIClient);
    try {
      const denied = Object.assign(
        new Error(
          'User: arn:aws:sts::111111111111:assumed-role/baton/session is not authorized to perform: backup:ListCopyJobs',
        ),
        { name: 'AccessDeniedException', $metadata: { requestId: 'req-1' } },
      );
      backupMock
        .on(ListProtectedResourcesCommand)
        .resolves({ Results: [] })
        .on(ListBackupJobsCommand)
        .resolves({ BackupJobs: [] })
        .on(ListCopyJobsCommand)
        .rejects(denied);
      taggingMock.on(GetResourcesCommand).resolves({});
      const source = AwsBackupSource.fromAccount({
        accountId: APP,
        regions: ['ap-northeast-1'],
        credentials: {
          accessKeyId: 'AKIABACKUPTESTKEY',
          secretAccessKey: 'backup-test-secret',
          sessionToken: 'backup-test-session',
        },
      });

      const failure = (await pulled(source).catch(error => error)) as Error;

      expect(failure).toBeInstanceOf(Error);
      expect(failure.name).toBe('AccessDeniedException');
      expect(String(failure.message)).toBe(
        'AWS Backup ListCopyJobs in account 111111111111, region ap-northeast-1 failed: AccessDeniedException: User: arn:aws:sts::111111111111:assumed-role/baton/session is not authorized to perform: backup:ListCopyJobs (request id req-1)',
      );
      const said = JSON.stringify({
        message: (failure as Error).message,
        stack: (failure as Error).stack,
        ...(failure as object),
      });
      expect(said).not.toContain('AKIABACKUPTESTKEY');
      expect(said).not.toContain('backup-test-secret');
      expect(said).not.toContain('backup-test-session');
    } finally {
      backupMock.restore();
      taggingMock.restore();
    }
  });
});
