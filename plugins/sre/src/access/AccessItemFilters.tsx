import { ACCESS_STALE_DAYS } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
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
    <Box
      role="group"
      aria-label={t('access.filters.label')}
      display="flex"
      alignItems="center"
      flexWrap="wrap"
      style={{ gap: 8 }}
    >
      {toggle(
        'stale',
        t('access.filters.stale', { days: format.number(ACCESS_STALE_DAYS) }),
      )}
      {toggle('unmatched', t('access.filters.unmatched'))}
      {toggle('admin', t('access.filters.admin'))}
      <TextField
        id="access-status-filter"
        select
        size="small"
        label={t('access.filters.status')}
        value={filter.status}
        onChange={event =>
          onChange({
            ...filter,
            status: event.target.value as AccessItemFilter['status'],
          })
        }
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        style={{ minWidth: 160 }}
      >
        {STATUSES.map(status => (
          <option key={status} value={status}>
            {t(`access.filters.statuses.${status}`)}
          </option>
        ))}
      </TextField>
      <Typography variant="body2" color="textSecondary">
        {t('access.filters.shown', {
          shown: format.number(props.shown),
          total: format.number(props.total),
        })}
      </Typography>
    </Box>
  );
}
