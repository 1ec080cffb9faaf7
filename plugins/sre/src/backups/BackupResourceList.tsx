import type {
  BackupCopyEvidence,
  EntityBackupResource,
} from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';
import { ToneChipList } from '../components/ToneChip';
import { useSreText } from '../language';
import type { SreTranslate } from '../translation';
import type { Formats } from '../language';
import { BackupHistory } from './BackupHistory';
import {
  backupChips,
  destinationText,
  jobStateText,
  lastLocalCopy,
  restoreText,
} from './backupStatus';

/** A resource's readable name: the source's, else the last part of its ARN. */
export const resourceName = (resource: EntityBackupResource) =>
  resource.resourceName ||
  resource.resourceArn.split(/[:/]/).filter(Boolean).pop() ||
  resource.resourceArn;

/** One line of evidence: what it is, then what the source knows. */
function EvidenceLine(props: { label: string; children: ReactNode }) {
  return (
    <Typography variant="body2" component="p">
      <Typography component="span" variant="body2" color="textSecondary">
        {props.label}:{' '}
      </Typography>
      {props.children}
    </Typography>
  );
}

function copyText(t: SreTranslate, format: Formats, copy?: BackupCopyEvidence) {
  if (!copy) return t('backups.list.noCopy');
  return t('backups.list.copyTo', {
    date: format.dateTime(copy.at),
    destination: destinationText(t, copy),
  });
}

/** A failed job's message, when the source gave one, after its state. */
const withMessage = (text: string, message?: string) =>
  message ? `${text} — ${message}` : text;

function BackupResource(props: {
  entityRef: string;
  resource: EntityBackupResource;
  days: number;
}) {
  const { entityRef, resource, days } = props;
  const { t, format } = useSreText();
  const name = resourceName(resource);
  const failedBackup = resource.lastFailedBackup;
  const localCopy = lastLocalCopy(resource);
  // A failure older than the last completed backup has been made good.
  const showFailedBackup =
    failedBackup &&
    (!resource.lastBackup ||
      Date.parse(failedBackup.at) > Date.parse(resource.lastBackup.at));
  return (
    <Box component="li" aria-label={name} mb={2} style={{ listStyle: 'none' }}>
      <Tooltip title={resource.resourceArn}>
        <Typography variant="subtitle2" component="h3" noWrap>
          {name}
        </Typography>
      </Tooltip>
      <Typography variant="caption" color="textSecondary" component="p">
        {t('backups.list.location', {
          type: resource.resourceType,
          account: resource.accountId,
          region: resource.region,
        })}
      </Typography>
      <Box mt={0.5}>
        <ToneChipList
          label={t('backups.chip.label')}
          chips={backupChips(t, format, resource, days)}
        />
      </Box>
      <EvidenceLine label={t('backups.list.lastBackup')}>
        {resource.lastBackup
          ? format.dateTime(resource.lastBackup.at)
          : t('backups.list.noBackup')}
      </EvidenceLine>
      {showFailedBackup && (
        <EvidenceLine label={t('backups.list.failedBackup')}>
          {withMessage(
            t('backups.list.failedBackupAt', {
              date: format.dateTime(failedBackup.at),
              state: jobStateText(t, failedBackup.state),
            }),
            failedBackup.message,
          )}
        </EvidenceLine>
      )}
      <EvidenceLine label={t('backups.list.crossRegion')}>
        {copyText(t, format, resource.crossRegion.lastCopy)}
      </EvidenceLine>
      <EvidenceLine label={t('backups.list.crossAccount')}>
        {copyText(t, format, resource.crossAccount.lastCopy)}
      </EvidenceLine>
      {localCopy && (
        <EvidenceLine label={t('backups.list.localCopy')}>
          {t('backups.list.neither', {
            copy: copyText(t, format, localCopy),
          })}
        </EvidenceLine>
      )}
      {resource.failedCopies.map(copy => (
        <EvidenceLine key={copy.jobId} label={t('backups.list.failingCopy')}>
          {withMessage(
            t('backups.list.failedCopy', {
              destination: destinationText(t, copy),
              date: format.dateTime(copy.at),
              state: jobStateText(t, copy.state),
            }),
            copy.message,
          )}
        </EvidenceLine>
      ))}
      <EvidenceLine label={t('backups.list.lastRestore')}>
        {restoreText(t, format.dateTime, resource.lastRestore)}
      </EvidenceLine>
      <BackupHistory entityRef={entityRef} resourceArn={resource.resourceArn} />
      <Typography variant="caption" color="textSecondary" component="p">
        {t('backups.list.seen', {
          source: resource.sourceId,
          date: format.dateTime(resource.pulledAt),
          matched: t(
            resource.matchedBy === 'arn'
              ? 'backups.list.matchedByArn'
              : 'backups.list.matchedByTags',
          ),
        })}
      </Typography>
    </Box>
  );
}

/** The entity's protected resources, each with its chips and the evidence behind them. */
export function BackupResourceList(props: {
  entityRef: string;
  resources: EntityBackupResource[];
  days: number;
}) {
  const { t } = useSreText();
  return (
    <Box component="ul" aria-label={t('backups.list.label')} p={0} m={0}>
      {props.resources.map(resource => (
        <BackupResource
          key={`${resource.sourceId}|${resource.resourceArn}`}
          entityRef={props.entityRef}
          resource={resource}
          days={props.days}
        />
      ))}
    </Box>
  );
}
