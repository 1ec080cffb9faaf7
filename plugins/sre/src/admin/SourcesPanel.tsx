import {
  EmptyState,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  sourceState,
  type SourceState,
  type SourceStatus,
} from '@baton/plugin-sre-common';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import { sreApiRef } from '../api/SreApi';
import { BatonCard, type BatonCardPlaceholder } from '../components/BatonCard';
import { WholeWordTable } from '../components/WholeWordTable';
import { useSreText } from '../language';
import { isNotAllowed } from '../components/responseErrors';
import { countsText, elapsedText, sourceName, worstFirst } from './sourceText';

const useStyles = makeStyles(theme => ({
  error: {
    // The whole message is in the tooltip; the cell shows three lines, cut
    // (not broken inside a word) where a long URL would not fit.
    display: '-webkit-box',
    WebkitLineClamp: 3,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    maxWidth: 480,
  },
  stale: { color: theme.palette.text.secondary },
}));

const STATE_ICONS: Record<SourceState, typeof StatusOK> = {
  ok: StatusOK,
  recovered: StatusOK,
  partial: StatusWarning,
  failing: StatusError,
  never: StatusPending,
};

/** A time as "5 minutes ago", with the full date and time in its tooltip. */
function Elapsed({ time, now }: { time: string; now: number }) {
  const { format } = useSreText();
  return (
    <time dateTime={time} title={format.dateTime(time)}>
      {elapsedText(format.language, time, now)}
    </time>
  );
}

function SourceRow({ source, now }: { source: SourceStatus; now: number }) {
  const { t } = useSreText();
  const classes = useStyles();
  const state = sourceState(source);
  const StateIcon = STATE_ICONS[state];
  return (
    <TableRow>
      <TableCell>
        <Typography variant="body2" title={source.id}>
          {sourceName(t, source.id)}
        </Typography>
      </TableCell>
      <TableCell>
        <StateIcon>{t(`admin.sources.state.${state}`)}</StateIcon>
      </TableCell>
      <TableCell>
        {t('admin.sources.kindAndTrigger', {
          kind: t(`admin.sources.kind.${source.kind}`),
          trigger: t(`admin.sources.trigger.${source.trigger}`),
        })}
      </TableCell>
      <TableCell>{source.provider}</TableCell>
      <TableCell>
        {source.lastSuccessAt ? (
          <Elapsed time={source.lastSuccessAt} now={now} />
        ) : (
          t('admin.sources.never')
        )}
      </TableCell>
      <TableCell>
        {source.lastCounts ? countsText(t, source.lastCounts) : '—'}
      </TableCell>
      <TableCell>
        {source.lastError && source.lastErrorAt ? (
          <div className={state === 'recovered' ? classes.stale : undefined}>
            <Elapsed time={source.lastErrorAt} now={now} />
            <Typography
              variant="body2"
              component="div"
              color="inherit"
              className={classes.error}
              title={source.lastError}
            >
              {source.lastError}
            </Typography>
          </div>
        ) : (
          t('admin.sources.noError')
        )}
      </TableCell>
    </TableRow>
  );
}

function SourcesTable({ sources }: { sources: SourceStatus[] }) {
  const { t } = useSreText();
  const now = Date.now();
  return (
    <WholeWordTable aria-label={t('admin.sources.label')} size="small">
      <TableHead>
        <TableRow>
          <TableCell>{t('admin.sources.columns.source')}</TableCell>
          <TableCell>{t('admin.sources.columns.state')}</TableCell>
          <TableCell>{t('admin.sources.columns.kind')}</TableCell>
          <TableCell>{t('admin.sources.columns.provider')}</TableCell>
          <TableCell>{t('admin.sources.columns.lastSuccess')}</TableCell>
          <TableCell>{t('admin.sources.columns.counts')}</TableCell>
          <TableCell>{t('admin.sources.columns.lastError')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {worstFirst(sources).map(source => (
          <SourceRow key={source.id} source={source} now={now} />
        ))}
      </TableBody>
    </WholeWordTable>
  );
}

/**
 * Each configured source and scheduled pull: its last success with what it
 * brought, and its last error. For `sre.admins`; others are told so.
 */
export function SourcesPanel() {
  const sreApi = useApi(sreApiRef);
  const { t } = useSreText();
  const { value, error } = useAsync(() => sreApi.getSourceStatus(), [sreApi]);

  if (error && isNotAllowed(error)) {
    return (
      <EmptyState
        missing="info"
        title={t('admin.sources.notAllowedTitle')}
        description={t('admin.sources.notAllowed', { config: 'sre.admins' })}
      />
    );
  }
  let placeholder: BatonCardPlaceholder | undefined;
  if (error) {
    placeholder = { kind: 'error', error };
  } else if (!value) {
    placeholder = { kind: 'loading' };
  } else if (!value.length) {
    placeholder = {
      kind: 'no-data',
      title: t('admin.sources.emptyTitle'),
      description: t('admin.sources.emptyDescription'),
    };
  }
  return (
    <BatonCard
      title={t('admin.sources.title')}
      subheader={t('admin.sources.intro')}
      placeholder={placeholder}
    >
      {value && <SourcesTable sources={value} />}
    </BatonCard>
  );
}
