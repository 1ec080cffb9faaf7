import { useApi } from '@backstage/core-plugin-api';
import type {
  BackupHistoryCopy,
  BackupHistoryEntry,
  EntityBackupHistoryResponse,
} from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { sreApiRef } from '../api/SreApi';
import { type Formats, useSreText } from '../language';
import type { SreTranslate } from '../translation';
import { jobStateText } from './backupStatus';

/** How far back the history reaches, and how many pulls one page reads. */
const HISTORY_DAYS = 90;
const PAGE_SIZE = 100;

/** Pulls in a row that saw the same copies and restore, folded into one line. */
interface HistorySpan {
  from: string;
  to: string;
  pulls: number;
  entry: BackupHistoryEntry;
}

/** What a line shows: a pull that saw the same as the one before adds nothing new. */
const sameEvidence = (a: BackupHistoryEntry, b: BackupHistoryEntry) =>
  JSON.stringify([
    a.crossRegion,
    a.crossAccount,
    a.failedCopies,
    a.lastRestore?.at,
    a.lastRestore?.state,
  ]) ===
  JSON.stringify([
    b.crossRegion,
    b.crossAccount,
    b.failedCopies,
    b.lastRestore?.at,
    b.lastRestore?.state,
  ]);

/** Folds consecutive pulls (newest first) that saw the same evidence. */
export function historySpans(items: BackupHistoryEntry[]): HistorySpan[] {
  const spans: HistorySpan[] = [];
  for (const entry of items) {
    const last = spans[spans.length - 1];
    if (last && sameEvidence(last.entry, entry)) {
      last.from = entry.pulledAt;
      last.pulls++;
    } else {
      spans.push({ from: entry.pulledAt, to: entry.pulledAt, pulls: 1, entry });
    }
  }
  return spans;
}

function copyText(t: SreTranslate, format: Formats, copy: BackupHistoryCopy) {
  if (!copy.lastCopyAt) return t('backups.history.noCopy');
  return t(
    copy.verified
      ? 'backups.history.copyVerified'
      : 'backups.history.copyTooOld',
    { date: format.date(copy.lastCopyAt) },
  );
}

function SpanLine({ span }: { span: HistorySpan }) {
  const { t, format } = useSreText();
  const { entry } = span;
  const when = t('backups.history.pulls', {
    count: span.pulls,
    from: format.dateTime(span.from),
    to: format.dateTime(span.to),
  });
  const details = [
    t('backups.history.crossRegion', {
      copy: copyText(t, format, entry.crossRegion),
    }),
    t('backups.history.crossAccount', {
      copy: copyText(t, format, entry.crossAccount),
    }),
    ...(entry.failedCopies
      ? [t('backups.history.failing', { count: entry.failedCopies })]
      : []),
    entry.lastRestore
      ? t('backups.history.restore', {
          date: format.date(entry.lastRestore.at),
          state: jobStateText(t, entry.lastRestore.state),
        })
      : t('backups.history.neverRestored'),
  ];
  return (
    <Box component="li" aria-label={when} mb={0.5}>
      <Typography variant="caption" color="textSecondary" component="p">
        {when}
      </Typography>
      <Typography variant="body2" component="p">
        {details.join(' · ')}
      </Typography>
    </Box>
  );
}

function HistoryList(props: { entityRef: string; resourceArn: string }) {
  const sreApi = useApi(sreApiRef);
  const { t, format } = useSreText();
  const [pages, setPages] = useState<EntityBackupHistoryResponse[]>([]);
  const next = pages[pages.length - 1]?.nextCursor;
  const [state, load] = useAsyncFn(
    async (cursor?: string) => {
      const page = await sreApi.getBackupHistory(props.entityRef, {
        resource: props.resourceArn,
        days: HISTORY_DAYS,
        limit: PAGE_SIZE,
        cursor,
      });
      setPages(before => [...before, page]);
    },
    [sreApi, props.entityRef, props.resourceArn],
  );
  useEffect(() => {
    load();
  }, [load]);
  const spans = historySpans(pages.flatMap(page => page.items));
  return (
    <Box mt={0.5}>
      {spans.length > 0 && (
        <Box component="ul" aria-label={t('backups.history.label')} p={0} m={0}>
          {spans.map(span => (
            <SpanLine key={span.to} span={span} />
          ))}
        </Box>
      )}
      {state.loading && <LinearProgress />}
      {state.error && (
        <Typography variant="caption" color="error" component="p" role="alert">
          {t('backups.history.error', { message: state.error.message })}
        </Typography>
      )}
      {!state.loading && !state.error && pages.length > 0 && !spans.length && (
        <Typography variant="caption" color="textSecondary" component="p">
          {t('backups.history.empty', {
            days: format.number(HISTORY_DAYS),
          })}
        </Typography>
      )}
      {next && !state.loading && (
        <Button size="small" onClick={() => load(next)}>
          {t('backups.history.older')}
        </Button>
      )}
    </Box>
  );
}

/** A resource's copies and restores over the last 90 days, read when opened; pulls that saw the same are one line. */
export function BackupHistory(props: {
  entityRef: string;
  resourceArn: string;
}) {
  const { t } = useSreText();
  const [open, setOpen] = useState(false);
  return (
    <Box>
      <Button size="small" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t(open ? 'backups.history.hide' : 'backups.history.show')}
      </Button>
      {open && <HistoryList {...props} />}
    </Box>
  );
}
