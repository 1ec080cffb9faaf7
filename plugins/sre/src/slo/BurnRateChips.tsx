import type {
  BurnRateWindow,
  SloAlertRuleResult,
  SloSummary,
} from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { formatBurnRate, SLO_COLORS } from './sloFormat';

/** The windows the row shows: the long windows of the fast page, slow page and slow ticket rules. */
const SHOWN_WINDOWS: BurnRateWindow[] = ['1h', '6h', '3d'];

const TEXT = {
  label: (window: string, rate: string) => `${window} ${rate}`,
  noTraffic: (window: string) => `${window} –`,
  explainRate: (window: string, rate: string) =>
    `Burn rate over the last ${window}: ${rate} the pace that spends the whole budget exactly over the SLO window.`,
  explainNoTraffic: (window: string) => `No traffic in the last ${window}.`,
  explainThreshold: (severity: string, threshold: string) =>
    ` The ${severity} rule on this window fires above ${threshold}.`,
  severity: { page: 'page', ticket: 'ticket' },
  groupLabel: 'Burn rates',
};

/** Red above a page rule's threshold, amber above a ticket rule's, else plain. */
function chipColor(
  rate: number | null,
  rule: SloAlertRuleResult | undefined,
): string | undefined {
  if (rate === null || !rule || rate <= rule.threshold) return undefined;
  return rule.severity === 'page' ? SLO_COLORS.bad : SLO_COLORS.warning;
}

/** Burn rates over 1h, 6h and 3d, coloured against the alert rule of that window. */
export function BurnRateChips({
  slo,
}: {
  slo: Pick<SloSummary, 'burnRates' | 'alertRules'>;
}) {
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      role="group"
      aria-label={TEXT.groupLabel}
    >
      {SHOWN_WINDOWS.map(window => {
        const rate = slo.burnRates[window];
        const rule = slo.alertRules.find(r => r.longWindow === window);
        const color = chipColor(rate, rule);
        const explanation =
          (rate === null
            ? TEXT.explainNoTraffic(window)
            : TEXT.explainRate(window, formatBurnRate(rate))) +
          (rule
            ? TEXT.explainThreshold(
                TEXT.severity[rule.severity],
                formatBurnRate(rule.threshold, true),
              )
            : '');
        return (
          <Tooltip key={window} title={explanation}>
            <Chip
              size="small"
              variant={color ? 'default' : 'outlined'}
              label={
                rate === null
                  ? TEXT.noTraffic(window)
                  : TEXT.label(window, formatBurnRate(rate))
              }
              style={{
                marginRight: 4,
                marginBottom: 4,
                ...(color ? { backgroundColor: color, color: '#fff' } : {}),
              }}
            />
          </Tooltip>
        );
      })}
    </Box>
  );
}
