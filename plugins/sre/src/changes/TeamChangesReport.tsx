import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { sreApiRef } from '../api/SreApi';
import { PeopleNames } from '../components/PeopleNames';
import { useSreText } from '../language';
import { ApplyDurationChart } from './ApplyDurationChart';
import { ChangeList } from './ChangeList';
import { ChangePeopleTable } from './ChangePeopleTable';
import { changeRange, type ChangeRangeDays } from './changeRange';
import { ChangeRangeField } from './ChangeRangeField';
import { ChangeSummaryFigures } from './ChangeSummaryFigures';
import { changePeopleRefs } from './changeText';
import { useChangesData } from './useChangesData';

/** The range the tab opens with. */
const DEFAULT_DAYS: ChangeRangeDays = 30;

/** A team's production changes over the services it owns: per person, the solo ones, and Terraform apply times. @public */
export function TeamChangesReport({ teamRef }: { teamRef: string }) {
  const sreApi = useApi(sreApiRef);
  const { t, format } = useSreText();
  const [days, setDays] = useState<ChangeRangeDays>(DEFAULT_DAYS);
  const { shown, loading, error } = useChangesData(
    sreApi,
    `team-changes:${teamRef}:${days}`,
    () => sreApi.getTeamChanges(teamRef, changeRange(days)),
  );
  if (error) return <ResponseErrorPanel error={error} />;
  if (!shown) return <Progress />;
  const peopleRefs = [
    ...shown.people.flatMap(p => (p.userRef ? [p.userRef] : [])),
    ...changePeopleRefs(shown.solo),
  ];
  return (
    <PeopleNames refs={peopleRefs}>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <InfoCard
            title={t('changes.team.title')}
            subheader={t('changes.team.subheader', {
              from: format.date(shown.from),
              to: format.date(shown.to),
            })}
          >
            <ChangeRangeField days={days} onChange={setDays} />
            {loading && (
              <Box mb={1}>
                <LinearProgress />
              </Box>
            )}
            {shown.summary.total ? (
              <ChangeSummaryFigures summary={shown.summary} />
            ) : (
              <EmptyState
                missing="data"
                title={t('changes.team.emptyTitle', {
                  date: format.date(shown.from),
                })}
                description={t('changes.team.emptyDescription')}
              />
            )}
          </InfoCard>
        </Grid>
        {/* Side by side only where the per-person table fits whole. */}
        <Grid item xs={12} xl={6}>
          <InfoCard title={t('changes.team.people.title')}>
            <ChangePeopleTable people={shown.people} />
          </InfoCard>
        </Grid>
        <Grid item xs={12} xl={6}>
          <InfoCard title={t('changes.team.solo.title')}>
            {shown.solo.length ? (
              <ChangeList
                changes={shown.solo}
                label={t('changes.team.solo.title')}
              />
            ) : (
              <Typography variant="body2" color="textSecondary">
                {t('changes.team.solo.none')}
              </Typography>
            )}
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <InfoCard title={t('changes.team.apply.title')}>
            {shown.applyTrends.length ? (
              <Grid container spacing={2}>
                {shown.applyTrends.map(trend => (
                  <Grid item xs={12} lg={6} key={trend.workspace}>
                    <ApplyDurationChart trend={trend} />
                  </Grid>
                ))}
              </Grid>
            ) : (
              <Typography variant="body2" color="textSecondary">
                {t('changes.team.apply.none')}
              </Typography>
            )}
          </InfoCard>
        </Grid>
      </Grid>
    </PeopleNames>
  );
}
