import { isCryingWolf, type AlertItem } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useId } from 'react';
import { useSreText } from '../language';
import { ALERT_SEVERITIES } from './alertText';

/** What the user narrowed the loaded alerts to. */
export interface AlertFilter {
  severity: AlertItem['severity'] | 'all';
  status: AlertItem['status'] | 'all';
  noisyOnly: boolean;
}

/** Shows every alert. */
export const NO_FILTER: AlertFilter = {
  severity: 'all',
  status: 'all',
  noisyOnly: false,
};

/** Whether an alert passes the filter; noisy means transient or flapping, as in the summary. */
export const matchesFilter = (filter: AlertFilter) => (alert: AlertItem) =>
  (filter.severity === 'all' || alert.severity === filter.severity) &&
  (filter.status === 'all' || alert.status === filter.status) &&
  (!filter.noisyOnly || isCryingWolf(alert.noise));

/** Severity, status and "noisy only", applied in the browser to the alerts loaded so far. */
export function AlertFilters(props: {
  filter: AlertFilter;
  onChange: (filter: AlertFilter) => void;
  shown: number;
  loaded: number;
}) {
  const { t, format } = useSreText();
  const { filter, onChange } = props;
  const id = useId();
  return (
    <Box
      role="group"
      aria-label={t('alerts.filters.label')}
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
          id={`${id}-severity`}
          label={t('alerts.filters.severity')}
          value={filter.severity}
          SelectProps={{ native: true }}
          onChange={event =>
            onChange({
              ...filter,
              severity: event.target.value as AlertFilter['severity'],
            })
          }
        >
          <option value="all">{t('alerts.filters.all')}</option>
          {ALERT_SEVERITIES.map(severity => (
            <option key={severity} value={severity}>
              {t(`alerts.severity.${severity}`)}
            </option>
          ))}
        </TextField>
      </Box>
      <Box mr={2} mb={1}>
        <TextField
          select
          size="small"
          variant="outlined"
          id={`${id}-status`}
          label={t('alerts.filters.status')}
          value={filter.status}
          SelectProps={{ native: true }}
          onChange={event =>
            onChange({
              ...filter,
              status: event.target.value as AlertFilter['status'],
            })
          }
        >
          <option value="all">{t('alerts.filters.all')}</option>
          <option value="firing">{t('alerts.status.firing')}</option>
          <option value="resolved">{t('alerts.status.resolved')}</option>
        </TextField>
      </Box>
      <FormControlLabel
        control={
          <Checkbox
            checked={filter.noisyOnly}
            onChange={event =>
              onChange({ ...filter, noisyOnly: event.target.checked })
            }
          />
        }
        label={t('alerts.filters.noisyOnly')}
      />
      <Typography variant="body2" color="textSecondary">
        {t('alerts.filters.shown', {
          shown: format.number(props.shown),
          loaded: format.number(props.loaded),
        })}
      </Typography>
    </Box>
  );
}
