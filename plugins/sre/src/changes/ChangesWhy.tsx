import type { ChangeListResponse } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useSreText } from '../language';
import { workingHoursParams } from './changeText';

/** What `baton record-change` is called where the texts name it. */
export const RECORD_CHANGE_COMMAND = 'baton record-change';

/** How the card's chips and counts are made, with the policy the backend applied: the owning team's working hours and the alert window. */
export function ChangesWhy({ response }: { response: ChangeListResponse }) {
  const { t, format } = useSreText();
  const { workingHours, alertWindowMinutes } = response.policy;
  const holidays = workingHours.holidays?.length ?? 0;
  return (
    <Box>
      <Typography variant="body2" paragraph>
        {t('changes.why.range', {
          from: format.dateTime(response.from),
          to: format.dateTime(response.to),
          cli: RECORD_CHANGE_COMMAND,
        })}
      </Typography>
      <Typography variant="body2" paragraph>
        {t('changes.why.solo')}
      </Typography>
      <Typography variant="body2" paragraph>
        {t('changes.why.unreviewed')}
      </Typography>
      <Typography variant="body2" paragraph>
        {t('changes.why.offHours', workingHoursParams(format, workingHours))}
        {holidays > 0 && ` ${t('changes.why.holidays', { count: holidays })}`}
      </Typography>
      <Typography variant="body2" paragraph>
        {t('changes.why.followedByAlerts', {
          minutes: format.number(alertWindowMinutes),
        })}
      </Typography>
      <Typography variant="body2">{t('changes.why.people')}</Typography>
    </Box>
  );
}
