import { SelectField } from '../components/SelectField';
import { useSreText } from '../language';
import { CHANGE_RANGE_DAYS, type ChangeRangeDays } from './changeRange';

/** Which of the last 14, 30 or 90 days the changes cover. */
export function ChangeRangeField(props: {
  days: ChangeRangeDays;
  onChange(days: ChangeRangeDays): void;
}) {
  const { t, format } = useSreText();
  return (
    <SelectField
      label={t('changes.card.range')}
      value={String(props.days)}
      options={CHANGE_RANGE_DAYS.map(days => ({
        value: String(days),
        label: t('changes.card.rangeDays', { days: format.number(days) }),
      }))}
      onChange={value => props.onChange(Number(value) as ChangeRangeDays)}
    />
  );
}
