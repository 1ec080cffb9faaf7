import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type {
  DrillScenario,
  TeamDrillsResponse,
} from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { WholeWordTable } from '../components/WholeWordTable';
import { useSreText } from '../language';
import type { DrillTeam } from './DrillDialog';

/** The services due for a drill, per scenario: when it was last drilled (or never) and since when it is due. */
export function DueDrills(props: {
  response: TeamDrillsResponse;
  team: DrillTeam;
}) {
  const { response, team } = props;
  const { t, format } = useSreText();
  const intervals = (
    Object.entries(response.intervals) as Array<[DrillScenario, number]>
  ).map(([scenario, days]) =>
    t('drills.due.interval', {
      scenario: t(`drills.scenario.${scenario}`),
      days: format.number(days),
    }),
  );
  const title = (ref: string) =>
    team.services.find(service => service.entityRef === ref)?.title;
  return (
    <Paper>
      <Box p={2}>
        <Typography variant="h6" component="h2">
          {t('drills.due.title')}
        </Typography>
        {intervals.length > 0 && (
          <Typography variant="body2" color="textSecondary">
            {t('drills.due.subheader', { intervals: format.list(intervals) })}
          </Typography>
        )}
        {response.due.length ? (
          <WholeWordTable size="small" aria-label={t('drills.due.label')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('drills.due.service')}</TableCell>
                <TableCell>{t('drills.due.scenario')}</TableCell>
                <TableCell>{t('drills.due.last')}</TableCell>
                <TableCell>{t('drills.due.dueSince')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {response.due.map(due => (
                <TableRow key={`${due.entityRef} ${due.scenario}`}>
                  <TableCell>
                    <EntityRefLink entityRef={due.entityRef}>
                      {title(due.entityRef)}
                    </EntityRefLink>
                  </TableCell>
                  <TableCell>{t(`drills.scenario.${due.scenario}`)}</TableCell>
                  <TableCell>
                    {due.lastPerformedAt
                      ? format.date(due.lastPerformedAt)
                      : t('drills.due.never')}
                  </TableCell>
                  <TableCell>
                    {due.dueSince
                      ? format.date(due.dueSince)
                      : t('drills.due.neverDrilled')}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </WholeWordTable>
        ) : (
          <Box mt={1}>
            <Typography variant="body2">{t('drills.due.none')}</Typography>
          </Box>
        )}
      </Box>
    </Paper>
  );
}
