import type {
  BurnRateWindow,
  SloAlertRuleResult,
  SloSummary,
} from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { useSreText } from '../language';
import { formatBurnRate, SLO_COLORS } from './sloFormat';

/** The windows the row shows: the long windows of the fast page, slow page and slow ticket rules. */
const SHOWN_WINDOWS: BurnRateWindow[] = ['1h', '6h', '3d'];

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
  const { t, format } = useSreText();
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      role="group"
      aria-label={t('slo.burnRate.groupLabel')}
    >
      {SHOWN_WINDOWS.map(window => {
        const rate = slo.burnRates[window];
        const rule = slo.alertRules.find(r => r.longWindow === window);
        const color = chipColor(rate, rule);
        const explanation =
          rate === null
            ? t('slo.burnRate.explainNoTraffic', { window })
            : t('slo.burnRate.explainRate', {
                window,
                rate: formatBurnRate(format, rate),
              });
        const tooltip = rule
          ? t('slo.burnRate.withThreshold', {
              explanation,
              severity: t(`slo.burnRate.severity.${rule.severity}`),
              threshold: formatBurnRate(format, rule.threshold, true),
            })
          : explanation;
        return (
          <Tooltip key={window} title={tooltip}>
            <Chip
              size="small"
              variant={color ? 'default' : 'outlined'}
              // The window and the rate are symbols, not words: no message.
              label={`${window} ${
                rate === null ? '–' : formatBurnRate(format, rate)
              }`}
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
