import {
  sloStatus,
  SloStatus,
  SloStatusInput,
  SloStatusResult,
} from '@baton/plugin-sre-common';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { Formats, useSreText } from '../language';
import { SreTranslate } from '../translation';
import {
  formatBudgetShare,
  formatObjective,
  formatSli,
  SLO_COLORS,
} from './sloFormat';

const COLORS: Record<SloStatus, string> = {
  'budget-exhausted': SLO_COLORS.bad,
  'below-objective': SLO_COLORS.bad,
  burning: SLO_COLORS.warning,
  ok: SLO_COLORS.good,
  'no-data': SLO_COLORS.unknown,
};

/** What made the status, in words: the budget left, the SLI, the rules that fire. */
export function sloStatusExplanation(
  t: SreTranslate,
  format: Formats,
  { reason }: SloStatusResult,
): string {
  switch (reason.kind) {
    case 'budget-exhausted':
      return t('slo.status.budget-exhausted.explanation', {
        remaining: formatBudgetShare(format, reason.budgetRemaining),
      });
    case 'below-objective':
      return t('slo.status.below-objective.explanation', {
        sli: formatSli(format, reason.sli, reason.objective),
        objective: formatObjective(format, reason.objective),
      });
    case 'burning':
      return reason.rules.length
        ? t('slo.status.burning.explanation', {
            rules: format.list(
              reason.rules.map(rule =>
                t('slo.why.rule', {
                  severity: t(`slo.why.severity.${rule.severity}`),
                  long: rule.longWindow,
                  short: rule.shortWindow,
                }),
              ),
            ),
          })
        : t('slo.status.burning.explanationSeverity', {
            severity: t(`slo.burnRate.severity.${reason.severity}`),
          });
    case 'ok':
      return reason.rulesEvaluated
        ? t('slo.status.ok.explanation')
        : t('slo.status.ok.explanationUnjudged');
    default:
      return t('slo.status.no-data.explanation');
  }
}

/**
 * An SLO's one status (the worst of its budget, SLI and burn-rate alert) as a
 * coloured chip, with what made it so in the tooltip.
 */
export function SloStatusChip({ slo }: { slo: SloStatusInput }) {
  const { t, format } = useSreText();
  const result = sloStatus(slo);
  return (
    <Tooltip title={sloStatusExplanation(t, format, result)}>
      <Chip
        size="small"
        label={t(`slo.status.${result.status}.label`)}
        style={{ backgroundColor: COLORS[result.status], color: '#fff' }}
      />
    </Tooltip>
  );
}
