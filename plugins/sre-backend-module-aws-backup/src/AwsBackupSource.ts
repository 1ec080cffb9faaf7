import {
  BackupClient,
  paginateListBackupJobs,
  paginateListCopyJobs,
  paginateListProtectedResources,
  paginateListRestoreJobs,
  type BackupJob,
  type CopyJob,
  type ProtectedResource,
  type RestoreJobsListMember,
} from '@aws-sdk/client-backup';
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
} from '@aws-sdk/client-resource-groups-tagging-api';
import {
  parseBackupVaultArn,
  type BackupCopyEvidence,
  type BackupEvidence,
  type BackupRestoreEvidence,
  type ProtectedResourceEvidence,
} from '@baton/plugin-sre-common';
import type { BackupSource } from '@baton/plugin-sre-node';
import type { AwsBackupAccountConfig } from './AwsBackupConfig';

/** AWS Backup keeps job history for 30 days: look back over all of it. */
const LOOKBACK_DAYS = 30;
/** GetResources takes at most 100 ARNs per request. */
const TAG_BATCH = 100;
const MAX_MESSAGE = 500;

/** The clients of one region of the account. */
export interface AwsBackupRegionClients {
  backup: BackupClient;
  tagging: ResourceGroupsTaggingAPIClient;
}

/** Options of {@link AwsBackupSource}. @public */
export interface AwsBackupSourceOptions {
  /** The 12-digit account the clients read. */
  accountId: string;
  /** Per region, the AWS Backup client and the Resource Groups Tagging API client; their credentials are the caller's. */
  regions: Record<
    string,
    {
      backup: BackupClient;
      tagging: ResourceGroupsTaggingAPIClient;
    }
  >;
}

/** An SDK failure as an error that names the request, account and region and AWS's error, and carries nothing else. */
function requestFailed(
  error: unknown,
  request: string,
  accountId: string,
  region: string,
): Error {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  const requestId = (error as { $metadata?: { requestId?: string } })?.$metadata
    ?.requestId;
  const failure = new Error(
    `AWS Backup ${request} in account ${accountId}, region ${region} failed: ${name}: ${message.slice(
      0,
      MAX_MESSAGE,
    )}${requestId ? ` (request id ${requestId})` : ''}`,
  );
  failure.name = name;
  return failure;
}

/** When a job ended, or was created while it runs; undefined without either. */
const jobTime = (job: { CompletionDate?: Date; CreationDate?: Date }) =>
  (job.CompletionDate ?? job.CreationDate)?.toISOString();

const bounded = (message: string | undefined) =>
  message ? { message: message.slice(0, MAX_MESSAGE) } : {};

/** Keeps, per key, the item whose time is latest. */
function keepLatest<T extends { at: string }>(
  into: Map<string, T>,
  key: string,
  item: T,
) {
  const kept = into.get(key);
  if (!kept || Date.parse(item.at) > Date.parse(kept.at)) into.set(key, item);
}

/**
 * AWS Backup as a backup source for one account: per configured region,
 * every protected resource (ListProtectedResources) with its tags
 * (Resource Groups Tagging API GetResources), its last completed and last
 * failed backup job (ListBackupJobs), the last completed and last failed
 * copy job to each destination vault (ListCopyJobs) and its last restore
 * job or restore test (ListRestoreJobs), over AWS Backup's 30 days of job
 * history. Any request that fails fails the pull, naming it; nothing of the
 * account is stored then.
 * @public
 */
export class AwsBackupSource implements BackupSource {
  /** A source per account of `sre.awsBackup.accounts`, with one client pair per region. */
  static fromAccount(account: AwsBackupAccountConfig): AwsBackupSource {
    const regions: AwsBackupSourceOptions['regions'] = {};
    for (const region of account.regions) {
      const clientConfig = {
        region,
        ...(account.profile !== undefined && { profile: account.profile }),
        ...(account.credentials && { credentials: account.credentials }),
      };
      regions[region] = {
        backup: new BackupClient(clientConfig),
        tagging: new ResourceGroupsTaggingAPIClient(clientConfig),
      };
    }
    return new AwsBackupSource({ accountId: account.accountId, regions });
  }

  readonly id: string;
  readonly #accountId: string;
  readonly #regions: AwsBackupSourceOptions['regions'];

  constructor(options: AwsBackupSourceOptions) {
    this.#accountId = options.accountId;
    this.#regions = options.regions;
    this.id = `aws-backup-${options.accountId}`;
  }

  async *pull({
    now,
  }: {
    now: Date;
  }): AsyncIterable<ProtectedResourceEvidence> {
    const since = new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000);
    // Every region is read before anything is handed over: a failure stores nothing of the account.
    const all: ProtectedResourceEvidence[] = [];
    for (const [region, clients] of Object.entries(this.#regions)) {
      all.push(...(await this.#region(region, clients, since)));
    }
    yield* all;
  }

  async #collect<T>(
    request: string,
    region: string,
    pages: AsyncIterable<T>,
  ): Promise<T[]> {
    const items: T[] = [];
    try {
      for await (const page of pages) items.push(page);
    } catch (error) {
      throw requestFailed(error, request, this.#accountId, region);
    }
    return items;
  }

  async #region(
    region: string,
    { backup, tagging }: AwsBackupRegionClients,
    since: Date,
  ): Promise<ProtectedResourceEvidence[]> {
    const client = { client: backup };
    const resources: ProtectedResource[] = (
      await this.#collect(
        'ListProtectedResources',
        region,
        paginateListProtectedResources(client, {}),
      )
    ).flatMap(page => page.Results ?? []);
    const backupJobs = async (state: 'COMPLETED' | 'FAILED') =>
      (
        await this.#collect(
          `ListBackupJobs (${state})`,
          region,
          paginateListBackupJobs(client, {
            ByState: state,
            ByCreatedAfter: since,
          }),
        )
      ).flatMap(page => page.BackupJobs ?? []);
    const completedBackups = await backupJobs('COMPLETED');
    const failedBackups = await backupJobs('FAILED');
    const copyJobs: CopyJob[] = (
      await this.#collect(
        'ListCopyJobs',
        region,
        paginateListCopyJobs(client, { ByCreatedAfter: since }),
      )
    ).flatMap(page => page.CopyJobs ?? []);
    const restoreJobs: RestoreJobsListMember[] = (
      await this.#collect(
        'ListRestoreJobs',
        region,
        paginateListRestoreJobs(client, { ByCreatedAfter: since }),
      )
    ).flatMap(page => page.RestoreJobs ?? []);
    const tags = await this.#tags(
      tagging,
      region,
      resources.flatMap(r => (r.ResourceArn ? [r.ResourceArn] : [])),
    );

    const lastBackup = latestBackups(completedBackups);
    const lastFailedBackup = latestBackups(failedBackups);
    const copies = latestCopies(copyJobs);
    const restores = latestRestores(restoreJobs, completedBackups, copyJobs);

    return resources.flatMap(resource => {
      const arn = resource.ResourceArn;
      if (!arn) return [];
      const evidence: ProtectedResourceEvidence = {
        resourceArn: arn,
        resourceType: resource.ResourceType ?? 'unknown',
        ...(resource.ResourceName
          ? { resourceName: resource.ResourceName }
          : {}),
        accountId: this.#accountId,
        region,
        tags: tags.get(arn) ?? {},
        copies: [...(copies.get(arn)?.values() ?? [])].sort(
          (a, b) => Date.parse(b.at) - Date.parse(a.at),
        ),
      };
      const backupEvidence = lastBackup.get(arn);
      if (backupEvidence) evidence.lastBackup = backupEvidence;
      const failedBackup = lastFailedBackup.get(arn);
      if (failedBackup) evidence.lastFailedBackup = failedBackup;
      const restore = restores.get(arn);
      if (restore) evidence.lastRestore = restore;
      return [evidence];
    });
  }

  /** Each resource's tags, 100 ARNs per GetResources request (paged by PaginationToken). */
  async #tags(
    tagging: ResourceGroupsTaggingAPIClient,
    region: string,
    arns: string[],
  ): Promise<Map<string, Record<string, string>>> {
    const tags = new Map<string, Record<string, string>>();
    for (let at = 0; at < arns.length; at += TAG_BATCH) {
      let token: string | undefined;
      do {
        let page;
        try {
          page = await tagging.send(
            new GetResourcesCommand({
              ResourceARNList: arns.slice(at, at + TAG_BATCH),
              ...(token ? { PaginationToken: token } : {}),
            }),
          );
        } catch (error) {
          throw requestFailed(
            error,
            'tag:GetResources',
            this.#accountId,
            region,
          );
        }
        for (const mapping of page.ResourceTagMappingList ?? []) {
          if (!mapping.ResourceARN) continue;
          tags.set(
            mapping.ResourceARN,
            Object.fromEntries(
              (mapping.Tags ?? []).flatMap(tag =>
                tag.Key ? [[tag.Key, tag.Value ?? '']] : [],
              ),
            ),
          );
        }
        token = page.PaginationToken || undefined;
      } while (token);
    }
    return tags;
  }
}

/** Per resource ARN, its latest backup job of the list. */
function latestBackups(jobs: BackupJob[]): Map<string, BackupEvidence> {
  const latest = new Map<string, BackupEvidence>();
  for (const job of jobs) {
    const at = jobTime(job);
    if (!job.ResourceArn || !job.BackupJobId || !at) continue;
    keepLatest(latest, job.ResourceArn, {
      jobId: job.BackupJobId,
      at,
      state: job.State ?? 'unknown',
      vaultArn: job.BackupVaultArn ?? '',
      ...(job.State !== 'COMPLETED' ? bounded(job.StatusMessage) : {}),
    });
  }
  return latest;
}

/**
 * Per resource ARN and destination vault, the latest completed and the
 * latest failed copy job; a running one is neither. A destination vault
 * ARN that does not parse is skipped: without its account and region it
 * proves nothing.
 */
function latestCopies(
  jobs: CopyJob[],
): Map<string, Map<string, BackupCopyEvidence>> {
  const byResource = new Map<string, Map<string, BackupCopyEvidence>>();
  for (const job of jobs) {
    const at = jobTime(job);
    const state = job.State;
    if (state !== 'COMPLETED' && state !== 'FAILED') continue;
    if (!job.ResourceArn || !job.CopyJobId || !at) continue;
    const destination = parseBackupVaultArn(
      job.DestinationBackupVaultArn ?? '',
    );
    if (!destination) continue;
    const copies = byResource.get(job.ResourceArn) ?? new Map();
    byResource.set(job.ResourceArn, copies);
    keepLatest(copies, `${state} ${job.DestinationBackupVaultArn}`, {
      jobId: job.CopyJobId,
      at,
      state,
      destinationVaultArn: job.DestinationBackupVaultArn!,
      destinationAccountId: destination.accountId,
      destinationRegion: destination.region,
      ...(state === 'FAILED' ? bounded(job.StatusMessage) : {}),
    });
  }
  return byResource;
}

/**
 * Per resource ARN, its latest restore job: by the job's SourceResourceArn,
 * or else by the recovery point it restored (a backup job's, or a copy's
 * source or destination recovery point in this account).
 */
function latestRestores(
  restores: RestoreJobsListMember[],
  backups: BackupJob[],
  copies: CopyJob[],
): Map<string, BackupRestoreEvidence> {
  const resourceOf = new Map<string, string>();
  for (const job of backups) {
    if (job.RecoveryPointArn && job.ResourceArn) {
      resourceOf.set(job.RecoveryPointArn, job.ResourceArn);
    }
  }
  for (const job of copies) {
    if (!job.ResourceArn) continue;
    for (const point of [
      job.SourceRecoveryPointArn,
      job.DestinationRecoveryPointArn,
    ]) {
      if (point) resourceOf.set(point, job.ResourceArn);
    }
  }
  const latest = new Map<string, BackupRestoreEvidence>();
  for (const job of restores) {
    const at = jobTime(job);
    const resource =
      job.SourceResourceArn ??
      (job.RecoveryPointArn ? resourceOf.get(job.RecoveryPointArn) : undefined);
    if (!resource || !job.RestoreJobId || !at) continue;
    keepLatest(latest, resource, {
      jobId: job.RestoreJobId,
      at,
      state: job.Status ?? 'unknown',
      restoreTesting: Boolean(job.CreatedBy?.RestoreTestingPlanArn),
      ...(job.ValidationStatus
        ? { validationStatus: job.ValidationStatus }
        : {}),
      ...(job.Status !== 'COMPLETED' ? bounded(job.StatusMessage) : {}),
    });
  }
  return latest;
}
