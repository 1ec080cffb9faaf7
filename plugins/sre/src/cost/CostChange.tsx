import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { useSreText } from '../language';
import {
  changeColor,
  COST_COLORS,
  formatChange,
  formatMoneyChange,
} from './costFormat';

/**
 * A change of spend vs the previous period: "+20% (+$546.75)" in red when
 * spend went up, green when down; `noSpendBefore` when there was none, as
 * the API's null change says.
 */
export function CostChange(props: {
  change: number | null;
  /** With an amount, the badge shows it after the percentage. */
  amount?: number;
  currency: string;
  noSpendBefore: string;
  variant?: 'badge' | 'text';
}) {
  const { t, format } = useSreText();
  const { change, amount, currency } = props;
  let label = props.noSpendBefore;
  if (change !== null) {
    const percent = formatChange(format, change);
    label =
      amount === undefined
        ? percent
        : t('cost.figures.changeValue', {
            percent,
            amount: formatMoneyChange(format, amount, currency),
          });
  }
  const color = changeColor(change);
  if (props.variant === 'text') {
    return (
      <Typography variant="body2" component="span" style={{ color }}>
        {label}
      </Typography>
    );
  }
  return (
    <Chip
      size="small"
      label={label}
      variant={color === COST_COLORS.neutral ? 'outlined' : 'default'}
      style={
        color === COST_COLORS.neutral
          ? undefined
          : { backgroundColor: color, color: '#fff' }
      }
    />
  );
}
