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
import { SloWhy } from './SloWhy';
import {
  formatBudgetShare,
  formatDateTime,
  formatDuration,
  formatObjective,
  formatSli,
  formatWindow,
  sloTitle,
} from './sloFormat';

const TEXT = {
  sli: (sli: string, objective: string) =>
    `SLI ${sli} vs objective ${objective}`,
  noTraffic: (objective: string) =>
    `SLI: no traffic yet vs objective ${objective}`,
  exhaustion: (times: string[]) => `Budget gone in ${times.join(' or ')}`,
  exhaustionAt: (duration: string, window: string) =>
    `${duration} at the ${window} rate`,
  lowTraffic: 'Low traffic',
  lowTrafficExplanation: (unit: string, share?: string) =>
    `A single bad ${unit} spends 1% or more of the error budget${
      share ? ` (here ${share})` : ''
    }, so the numbers jump with every failure.`,
  units: { Occurrences: 'event', Timeslices: 'time slice' },
  lastError: (error: string, until: string) =>
    `Last evaluation failed: ${error} — numbers are from stored data up to ${until}`,
  noStoredData: 'no stored data yet',
  showDetails: (title: string) => `Show details of ${title}`,
  hideDetails: (title: string) => `Hide details of ${title}`,
};

/** When the budget runs out at the current burn rates, e.g. "Budget gone in 3 h at the 1h rate"; 0 (already spent) is left to the budget bar. */
function exhaustionText(slo: SloSummary): string | undefined {
  const times = (['1h', '6h'] as const).flatMap(window => {
    const seconds = slo.timeToExhaustion[window];
    return seconds ? [TEXT.exhaustionAt(formatDuration(seconds), window)] : [];
  });
  return times.length ? TEXT.exhaustion(times) : undefined;
}

/** One SLO objective: SLI against the objective, error budget, burn rates and alert state; details on demand. */
export function SloRow({ slo }: { slo: SloSummary }) {
  const [open, setOpen] = useState(false);
  const title = sloTitle(slo);
  const objective = formatObjective(slo.objective);
  const exhaustion = exhaustionText(slo);
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
        <AlertStateChip state={slo.alerting} />
        <IconButton
          size="small"
          aria-label={open ? TEXT.hideDetails(title) : TEXT.showDetails(title)}
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          style={{ marginLeft: 8 }}
        >
          {open ? <ExpandLess /> : <ExpandMore />}
        </IconButton>
      </Box>
      <Typography variant="body2">
        {slo.sli === null
          ? TEXT.noTraffic(objective)
          : TEXT.sli(formatSli(slo.sli, slo.objective), objective)}
        {' · '}
        {formatWindow(slo)}
      </Typography>
      <Box my={0.5}>
        <BudgetBar remaining={slo.errorBudget.remaining} />
      </Box>
      <Box display="flex" flexWrap="wrap" alignItems="center">
        <BurnRateChips slo={slo} />
        {slo.lowTraffic && (
          <Tooltip
            title={TEXT.lowTrafficExplanation(
              TEXT.units[slo.budgetingMethod],
              allowedBadEvents
                ? formatBudgetShare(1 / allowedBadEvents)
                : undefined,
            )}
          >
            <Chip
              size="small"
              variant="outlined"
              label={TEXT.lowTraffic}
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
            {TEXT.lastError(
              slo.lastError,
              slo.windowEnd ? formatDateTime(slo.windowEnd) : TEXT.noStoredData,
            )}
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
