import type { ReviewAgenda } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useSreText } from '../../language';
import { AccessAgenda } from './AccessAgenda';
import { ActivityAgenda } from './ActivityAgenda';
import { AlertsAgenda } from './AlertsAgenda';
import { BackupsDrillsAgenda } from './BackupsDrillsAgenda';
import { ChangesAgenda } from './ChangesAgenda';
import { CostAgenda } from './CostAgenda';
import { ReadinessAgenda } from './ReadinessAgenda';
import { SlosAgenda } from './SlosAgenda';

/** The agenda since the last review, one collapsible section per area. */
export function ReviewAgendaView({ agenda }: { agenda: ReviewAgenda }) {
  const { t, format } = useSreText();
  return (
    <Box>
      <Box mb={1} display="flex" alignItems="baseline" flexWrap="wrap">
        <Typography variant="h6">{t('review.agenda.title')}</Typography>
        <Box ml={2}>
          <Typography variant="body2" color="textSecondary">
            {t('review.agenda.range', {
              from: format.date(agenda.since),
              until: format.date(agenda.until),
            })}
          </Typography>
        </Box>
      </Box>
      <AlertsAgenda section={agenda.alerts} since={agenda.since} />
      <SlosAgenda section={agenda.slos} since={agenda.since} />
      <CostAgenda section={agenda.cost} since={agenda.since} />
      <ReadinessAgenda section={agenda.readiness} since={agenda.since} />
      <AccessAgenda section={agenda.access} />
      {agenda.changes && <ChangesAgenda section={agenda.changes} />}
      {agenda.backupsDrills && (
        <BackupsDrillsAgenda section={agenda.backupsDrills} />
      )}
      <ActivityAgenda section={agenda.activity} />
    </Box>
  );
}
