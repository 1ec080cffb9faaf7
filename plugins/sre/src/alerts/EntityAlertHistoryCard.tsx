import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_ALERT_SELECTOR,
  type AlertItem,
  type AlertListResponse,
} from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { sreApiRef } from '../api/SreApi';
import { entityRefName } from '../components/entityRefName';
import { useCardData } from '../components/useCardData';
import { BatonCard, BatonCardPlaceholder } from '../components/BatonCard';
import { useWriteConfirmation } from '../components/useWriteConfirmation';
import { Formats, useSreText } from '../language';
import type { SreTranslate } from '../translation';
import {
  AlertFilter,
  AlertFilters,
  matchesFilter,
  NO_FILTER,
} from './AlertFilters';
import { AlertSummaryFigures } from './AlertSummaryFigures';
import { AlertTable } from './AlertTable';
import { errorMessage, isConflict } from '../components/responseErrors';
import {
  acknowledged,
  acknowledgeFailedText,
  unacknowledged,
} from './alertText';
import { AlertTimelineChart } from './AlertTimelineChart';
import {
  alertSelector,
  isAlertHistoryAvailable,
} from './isAlertHistoryAvailable';
import { useRecentAcknowledgements } from './useRecentAcknowledgements';

/** The entity's alerts since the team's last review, with noise flags and MTTA/MTTR. @public */
export function EntityAlertHistoryCard() {
  const { entity } = useEntity();
  const { t } = useSreText();
  if (!isAlertHistoryAvailable(entity)) {
    return (
      <BatonCard
        title={t('alerts.card.title')}
        placeholder={{
          kind: 'not-configured',
          annotation: ANNOTATION_ALERT_SELECTOR,
        }}
      />
    );
  }
  return (
    <AlertHistoryCard
      entityRef={stringifyEntityRef(entity)}
      selector={alertSelector(entity) ?? `service=${entity.metadata.name}`}
    />
  );
}

/** Where the list starts: since the team's last review when that is where the backend started it. */
function sinceText(
  t: SreTranslate,
  format: Formats,
  response: AlertListResponse,
  selector: string,
): string {
  if (response.fromSource === 'last-review' && response.lastReview) {
    return t('alerts.card.subheaderLastReview', {
      team: entityRefName(response.lastReview.teamRef, 'group'),
      date: format.date(response.lastReview.finishedAt),
      selector,
    });
  }
  return t('alerts.card.subheader', {
    date: format.date(response.from),
    selector,
  });
}

/**
 * Nothing in the range: when alerts reach the entity, that none started
 * since the range's start (and when the last one did); when none can, how to
 * set a source up.
 */
function emptyPlaceholder(
  t: SreTranslate,
  format: Formats,
  response: AlertListResponse,
  selector: string,
): BatonCardPlaceholder {
  if (!response.configured) {
    return {
      kind: 'no-data',
      title: t('alerts.card.notConfiguredTitle'),
      description: t('alerts.card.noDataDescription', {
        selector,
        annotation: ANNOTATION_ALERT_SELECTOR,
      }),
    };
  }
  const none = t('alerts.card.emptyDescription', { selector });
  return {
    kind: 'no-data',
    title: t('alerts.card.emptyTitle', { date: format.date(response.from) }),
    description: response.lastAlertAt
      ? `${none} ${t('alerts.card.lastAlert', {
          date: format.date(response.lastAlertAt),
        })}`
      : none,
  };
}

function AlertHistoryCard(props: { entityRef: string; selector: string }) {
  const { entityRef, selector } = props;
  const sreApi = useApi(sreApiRef);
  const { t, format } = useSreText();
  // No `from`: the backend's default range, which starts at the owning
  // team's last finished reliability review, else 14 days ago.
  const { value, loading, error } = useCardData(
    sreApi,
    `alerts:${entityRef}`,
    () => sreApi.getAlerts(entityRef),
  );

  let placeholder: BatonCardPlaceholder | undefined;
  if (loading) placeholder = { kind: 'loading' };
  else if (error) placeholder = { kind: 'error', error };
  else if (value && !value.items.length && !value.nextCursor) {
    placeholder = emptyPlaceholder(t, format, value, selector);
  }
  return (
    <BatonCard
      title={t('alerts.card.title')}
      subheader={value && sinceText(t, format, value, selector)}
      placeholder={placeholder}
    >
      {value && <AlertHistory entityRef={entityRef} first={value} />}
    </BatonCard>
  );
}

/** The summary, chart, filters and rows of the first page, with the pages loaded after it. */
function AlertHistory(props: { entityRef: string; first: AlertListResponse }) {
  const { entityRef, first } = props;
  const sreApi = useApi(sreApiRef);
  const { t } = useSreText();
  const confirm = useWriteConfirmation();
  const [items, setItems] = useState(first.items);
  const [nextCursor, setNextCursor] = useState(first.nextCursor);
  const [filter, setFilter] = useState<AlertFilter>(NO_FILTER);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [ackError, setAckError] = useState<string>();
  const recent = useRecentAcknowledgements();
  const setRow = (id: string, change: (row: AlertItem) => AlertItem) =>
    setItems(loaded => loaded.map(row => (row.id === id ? change(row) : row)));
  const whileBusy = async (id: string, request: () => Promise<void>) => {
    setAckError(undefined);
    setBusy(ids => new Set(ids).add(id));
    try {
      await request();
    } finally {
      setBusy(ids => {
        const rest = new Set(ids);
        rest.delete(id);
        return rest;
      });
    }
  };

  const [more, loadMore] = useAsyncFn(async () => {
    // The same range as the first page, so the pages fit together.
    const page = await sreApi.getAlerts(entityRef, {
      from: first.from,
      to: first.to,
      cursor: nextCursor,
    });
    setItems(loaded => {
      const ids = new Set(loaded.map(alert => alert.id));
      return [...loaded, ...page.items.filter(alert => !ids.has(alert.id))];
    });
    setNextCursor(page.nextCursor);
  }, [sreApi, entityRef, first, nextCursor]);

  const acknowledge = (alert: AlertItem) =>
    whileBusy(alert.id, async () => {
      // The undo window counts from before the request, as the backend's may.
      const sentAt = Date.now();
      try {
        const updated = await sreApi.acknowledgeAlert(alert.id);
        setRow(alert.id, row => acknowledged(row, updated));
        recent.remember(alert, sentAt);
        confirm(t('alerts.table.acknowledged', { title: alert.title }));
      } catch (e) {
        setAckError(acknowledgeFailedText(t, alert.title, e));
      }
    });

  const undo = (alert: AlertItem) =>
    whileBusy(alert.id, async () => {
      const before = recent.recent.get(alert.id)?.before ?? alert;
      try {
        const updated = await sreApi.unacknowledgeAlert(alert.id);
        setRow(alert.id, row => unacknowledged(row, before, updated));
        recent.forget(alert.id);
        confirm(t('alerts.table.undone', { title: alert.title }));
      } catch (e) {
        // A 409: nothing recent of theirs to take back, so no undo to offer.
        if (isConflict(e)) recent.forget(alert.id);
        setAckError(
          t('alerts.table.undoFailed', {
            title: alert.title,
            error: errorMessage(e),
          }),
        );
      }
    });

  const shown = items.filter(matchesFilter(filter));
  return (
    <>
      <AlertSummaryFigures summary={first.summary} />
      <AlertFilters
        filter={filter}
        onChange={setFilter}
        shown={shown.length}
        loaded={items.length}
      />
      <AlertTimelineChart alerts={shown} from={first.from} to={first.to} />
      {ackError && (
        <Box mb={1}>
          <Alert
            severity="error"
            closeText={t('common.dismiss')}
            onClose={() => setAckError(undefined)}
          >
            {ackError}
          </Alert>
        </Box>
      )}
      {shown.length ? (
        <AlertTable
          alerts={shown}
          busy={busy}
          undoable={new Set(recent.recent.keys())}
          onAcknowledge={acknowledge}
          onUndo={undo}
        />
      ) : (
        <Typography variant="body2" color="textSecondary">
          {t('alerts.filters.noMatch')}
        </Typography>
      )}
      {more.error && (
        <Box mt={1}>
          <Alert severity="error">
            {t('alerts.table.loadMoreFailed', { error: more.error.message })}
          </Alert>
        </Box>
      )}
      {nextCursor && (
        <Box mt={1} display="flex" justifyContent="center">
          <Button
            variant="outlined"
            disabled={more.loading}
            onClick={() => loadMore()}
          >
            {t('alerts.table.loadMore')}
          </Button>
        </Box>
      )}
    </>
  );
}
