import { ACCESS_STALE_DAYS } from '@baton/plugin-sre-common';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Typography from '@material-ui/core/Typography';
import { FilterBar } from '../components/FilterBar';
import { SelectField } from '../components/SelectField';
import { useSreText } from '../language';
import type { AccessItemFilter } from './accessFilters';

const STATUSES = ['all', 'undecided', 'decided'] as const;

/** Stale access, unmatched principals, admin privileges and decided or not; with how many items are shown. */
export function AccessItemFilters(props: {
  filter: AccessItemFilter;
  onChange(filter: AccessItemFilter): void;
  shown: number;
  total: number;
}) {
  const { filter, onChange } = props;
  const { t, format } = useSreText();
  const toggle = (name: 'stale' | 'unmatched' | 'admin', label: string) => (
    <FormControlLabel
      control={
        <Checkbox
          checked={filter[name]}
          onChange={event =>
            onChange({ ...filter, [name]: event.target.checked })
          }
        />
      }
      label={label}
    />
  );
  return (
    <FilterBar label={t('access.filters.label')}>
      {toggle(
        'stale',
        t('access.filters.stale', { days: format.number(ACCESS_STALE_DAYS) }),
      )}
      {toggle('unmatched', t('access.filters.unmatched'))}
      {toggle('admin', t('access.filters.admin'))}
      <SelectField
        label={t('access.filters.status')}
        value={filter.status}
        options={STATUSES.map(status => ({
          value: status,
          label: t(`access.filters.statuses.${status}`),
        }))}
        onChange={status => onChange({ ...filter, status })}
      />
      <Typography variant="body2" color="textSecondary">
        {t('access.filters.shown', {
          shown: format.number(props.shown),
          total: format.number(props.total),
        })}
      </Typography>
    </FilterBar>
  );
}
