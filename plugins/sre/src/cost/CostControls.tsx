import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { useId } from 'react';
import { useSreText } from '../language';
import { COST_RANGES, CostRange, CostSelection } from './costRange';

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
  const id = useId();
  return (
    <Box
      role="group"
      aria-label={t('cost.controls.label')}
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      mb={1}
    >
      <Box mr={2} mb={1}>
        <TextField
          select
          size="small"
          variant="outlined"
          id={`${id}-range`}
          label={t('cost.controls.range')}
          value={selection.range}
          SelectProps={{ native: true }}
          onChange={event =>
            onChange({ ...selection, range: event.target.value as CostRange })
          }
        >
          {COST_RANGES.map(range => (
            <option key={range} value={range}>
              {t(`cost.controls.ranges.${range}`)}
            </option>
          ))}
        </TextField>
      </Box>
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
        <Box mr={2} mb={1}>
          <TextField
            select
            size="small"
            variant="outlined"
            id={`${id}-currency`}
            label={t('cost.controls.currency')}
            value={selection.currency ?? currency}
            SelectProps={{ native: true }}
            onChange={event =>
              onChange({ ...selection, currency: event.target.value })
            }
          >
            {currencies.map(code => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </TextField>
        </Box>
      )}
    </Box>
  );
}
