import type { SloSummary } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Collapse from '@material-ui/core/Collapse';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import ExpandLess from '@material-ui/icons/ExpandLess';
import ExpandMore from '@material-ui/icons/ExpandMore';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { AlertStateChip } from './AlertStateChip';
import { BudgetBar } from './BudgetBar';
import { BurnRateChips } from './BurnRateChips';
import { SloBurnDownChart } from './SloBurnDownChart';
import { SloStatusChip } from './SloStatusChip';
import { SloWhy } from './SloWhy';
import { Formats, useSreText } from '../language';
import { SreTranslate } from '../translation';
import {
  formatBudgetShare,
  formatObjective,
  formatSli,
  formatWindow,
  sloTitle,
} from './sloFormat';

/** When the budget runs out at the current burn rates, e.g. "Budget gone in 3 h at the 1h rate"; 0 (already spent) is left to the budget bar. */
function exhaustionText(
  t: SreTranslate,
  format: Formats,
  slo: SloSummary,
): string | undefined {
  const times = (['1h', '6h'] as const).flatMap(window => {
    const seconds = slo.timeToExhaustion[window];
    return seconds
      ? [
          t('slo.row.exhaustionAt', {
            duration: format.duration(seconds),
            window,
          }),
        ]
      : [];
  });
  return times.length
    ? t('slo.row.exhaustion', { times: format.list(times, 'disjunction') })
    : undefined;
}

/** One SLO objective: its status, SLI against the objective, error budget, burn rates and the firing alert; details on demand. */
export function SloRow({ slo }: { slo: SloSummary }) {
  const { t, format } = useSreText();
  const [open, setOpen] = useState(false);
  const title = sloTitle(slo);
  const objective = formatObjective(format, slo.objective);
  const exhaustion = exhaustionText(t, format, slo);
  const { allowedBadEvents } = slo.errorBudget;
  return (
    <Box py={1.5} borderBottom="1px solid rgba(0, 0, 0, 0.12)">
      <Box display="flex" alignItems="flex-start">
        <Box flexGrow={1}>
          <Typography variant="subtitle1" component="h3">
            {title}
          </Typography>
          {slo.objectiveDisplayName && (
            <Typography variant="body2" color="textSecondary">
              {slo.objectiveDisplayName}
            </Typography>
          )}
        </Box>
        <Box
          display="flex"
          flexWrap="wrap"
          justifyContent="flex-end"
          style={{ gap: 4 }}
        >
          <SloStatusChip slo={slo} />
          {/* Which severity fires, also beside a worse status: nothing firing is hidden. */}
          {(slo.alerting === 'page' || slo.alerting === 'ticket') && (
            <AlertStateChip state={slo.alerting} />
          )}
        </Box>
        <IconButton
          size="small"
          aria-label={t(open ? 'slo.row.hideDetails' : 'slo.row.showDetails', {
            title,
          })}
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          style={{ marginLeft: 8 }}
        >
          {open ? <ExpandLess /> : <ExpandMore />}
        </IconButton>
      </Box>
      <Typography variant="body2">
        {slo.sli === null
          ? t('slo.row.noTraffic', { objective })
          : t('slo.row.sli', {
              sli: formatSli(format, slo.sli, slo.objective),
              objective,
            })}
        {' · '}
        {formatWindow(t, slo)}
      </Typography>
      <Box my={0.5}>
        <BudgetBar remaining={slo.errorBudget.remaining} />
      </Box>
      <Box display="flex" flexWrap="wrap" alignItems="center">
        <BurnRateChips slo={slo} />
        {slo.lowTraffic && (
          <Tooltip
            title={
              allowedBadEvents
                ? t('slo.row.lowTrafficExplanationShare', {
                    unit: t(`slo.unit.${slo.budgetingMethod}`),
                    share: formatBudgetShare(format, 1 / allowedBadEvents),
                  })
                : t('slo.row.lowTrafficExplanation', {
                    unit: t(`slo.unit.${slo.budgetingMethod}`),
                  })
            }
          >
            <Chip
              size="small"
              variant="outlined"
              label={t('slo.row.lowTraffic')}
              style={{ marginBottom: 4 }}
            />
          </Tooltip>
        )}
      </Box>
      {exhaustion && (
        <Typography variant="body2" color="textSecondary">
          {exhaustion}
        </Typography>
      )}
      {slo.lastError && (
        <Box mt={1}>
          <Alert severity="warning">
            {t('slo.row.lastError', {
              error: slo.lastError,
              until: slo.windowEnd
                ? format.dateTime(slo.windowEnd)
                : t('slo.row.noStoredData'),
            })}
          </Alert>
        </Box>
      )}
      <Collapse in={open} unmountOnExit>
        <Box mt={2}>
          <SloBurnDownChart history={slo.history} />
          <SloWhy slo={slo} />
        </Box>
      </Collapse>
    </Box>
  );
}
