import type { CostReport } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Alert from '@material-ui/lab/Alert';
import type { BatonCardPlaceholder } from '../components/BatonCard';
import { useSreText } from '../language';
import type { SreTranslate } from '../translation';
import type { CostReportState } from './useCostReport';

/** The modules that give Baton cost data; the not-set-up state names them. */
const COST_MODULES = {
  focus: '@baton/plugin-sre-backend-module-focus',
  aws: '@baton/plugin-sre-backend-module-aws-cost',
};

/**
 * What a cost card shows instead of its report: progress, the error, that
 * cost is not set up in the portal (no sources), or that this entity has no
 * spend (no currencies) with `empty` saying why.
 */
export function costPlaceholder(
  t: SreTranslate,
  state: CostReportState<CostReport>,
  empty: (report: CostReport) => { title: string; description: string },
): BatonCardPlaceholder | undefined {
  const { report, loading, error } = state;
  if (!report) {
    if (error) return { kind: 'error', error };
    return loading ? { kind: 'loading' } : undefined;
  }
  if (!report.sources.length) {
    return {
      kind: 'no-data',
      title: t('cost.card.notConfiguredTitle'),
      description: t('cost.card.notConfiguredDescription', COST_MODULES),
    };
  }
  if (!report.currencies.length) return { kind: 'no-data', ...empty(report) };
  return undefined;
}

/** Progress while another selection loads, and its error when it fails: the last report stays shown. */
export function CostReloadState(props: { loading: boolean; error?: Error }) {
  const { t } = useSreText();
  return (
    <>
      {props.loading && (
        <Box mb={1}>
          <LinearProgress aria-label={t('cost.card.reloading')} />
        </Box>
      )}
      {props.error && !props.loading && (
        <Box mb={1}>
          <Alert severity="error">
            {t('cost.card.reloadFailed', { error: props.error.message })}
          </Alert>
        </Box>
      )}
    </>
  );
}
