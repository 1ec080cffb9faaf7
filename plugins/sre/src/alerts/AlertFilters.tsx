import { isCryingWolf, type AlertItem } from '@baton/plugin-sre-common';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Typography from '@material-ui/core/Typography';
import { FilterBar } from '../components/FilterBar';
import { SelectField } from '../components/SelectField';
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
  return (
    <FilterBar label={t('alerts.filters.label')}>
      <SelectField
        label={t('alerts.filters.severity')}
        value={filter.severity}
        options={[
          { value: 'all', label: t('alerts.filters.all') },
          ...ALERT_SEVERITIES.map(severity => ({
            value: severity,
            label: t(`alerts.severity.${severity}`),
          })),
        ]}
        onChange={severity => onChange({ ...filter, severity })}
      />
      <SelectField
        label={t('alerts.filters.status')}
        value={filter.status}
        options={[
          { value: 'all', label: t('alerts.filters.all') },
          { value: 'firing', label: t('alerts.status.firing') },
          { value: 'resolved', label: t('alerts.status.resolved') },
        ]}
        onChange={status => onChange({ ...filter, status })}
      />
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
    </FilterBar>
  );
}
