import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Formats, useSreText } from '../language';
import { SreTranslate } from '../translation';
import { formatBudgetShare, SLO_COLORS } from './sloFormat';

const useStyles = makeStyles({
  root: { height: 8, borderRadius: 4, backgroundColor: '#e0e0e0' },
  bar: (props: { color: string }) => ({
    backgroundColor: props.color,
    borderRadius: 4,
  }),
});

/** Green above half the budget, amber while some is left, red once spent. */
function budgetColor(remaining: number | null): string {
  if (remaining === null) return SLO_COLORS.unknown;
  if (remaining > 0.5) return SLO_COLORS.good;
  if (remaining > 0) return SLO_COLORS.warning;
  return SLO_COLORS.bad;
}

/** What is left of the error budget, in words. */
export function budgetText(
  t: SreTranslate,
  format: Formats,
  remaining: number | null,
): string {
  if (remaining === null) return t('slo.budget.unknown');
  if (remaining > 0) {
    return t('slo.budget.left', {
      share: formatBudgetShare(format, remaining),
    });
  }
  if (remaining === 0) return t('slo.budget.spent');
  return t('slo.budget.overspent', {
    share: formatBudgetShare(format, -remaining),
  });
}

/** The remaining error budget as a bar clamped to 0..100% with its text. */
export function BudgetBar({ remaining }: { remaining: number | null }) {
  const { t, format } = useSreText();
  const classes = useStyles({ color: budgetColor(remaining) });
  const value = Math.min(100, Math.max(0, (remaining ?? 0) * 100));
  return (
    <Box display="flex" alignItems="center">
      <Box flexGrow={1} maxWidth={240} mr={1}>
        <LinearProgress
          variant="determinate"
          value={value}
          aria-label={t('slo.budget.label')}
          classes={{ root: classes.root, bar: classes.bar }}
        />
      </Box>
      <Typography variant="body2">
        {budgetText(t, format, remaining)}
      </Typography>
    </Box>
  );
}
