import Box from '@material-ui/core/Box';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { FilterBar } from '../components/FilterBar';
import { SelectField } from '../components/SelectField';
import { useSreText } from '../language';
import { COST_RANGES, CostSelection } from './costRange';

/** The range, the granularity (when the card charts a series) and, with spend in several currencies, the currency. */
export function CostControls(props: {
  selection: CostSelection;
  onChange: (selection: CostSelection) => void;
  /** The report's currency: what the currency selector shows before the user picks one. */
  currency: string;
  currencies: string[];
  granularity?: boolean;
}) {
  const { t } = useSreText();
  const { selection, onChange, currency, currencies } = props;
  return (
    <FilterBar label={t('cost.controls.label')}>
      <SelectField
        label={t('cost.controls.range')}
        value={selection.range}
        options={COST_RANGES.map(range => ({
          value: range,
          label: t(`cost.controls.ranges.${range}`),
        }))}
        onChange={range => onChange({ ...selection, range })}
      />
      {props.granularity && (
        <Box mr={2} mb={1}>
          <ToggleButtonGroup
            size="small"
            exclusive
            aria-label={t('cost.controls.granularity')}
            value={selection.granularity}
            onChange={(_, granularity: CostSelection['granularity'] | null) =>
              // Pressing the selected button again would deselect it.
              granularity && onChange({ ...selection, granularity })
            }
          >
            <ToggleButton value="day">{t('cost.controls.day')}</ToggleButton>
            <ToggleButton value="month">
              {t('cost.controls.month')}
            </ToggleButton>
          </ToggleButtonGroup>
        </Box>
      )}
      {currencies.length > 1 && (
        <SelectField
          label={t('cost.controls.currency')}
          value={selection.currency ?? currency}
          options={currencies.map(code => ({ value: code, label: code }))}
          onChange={code => onChange({ ...selection, currency: code })}
        />
      )}
    </FilterBar>
  );
}
