import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { Drill } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import { useRef, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { sreApiRef } from '../api/SreApi';
import { PeopleNames } from '../components/PeopleNames';
import { useSreText } from '../language';
import { DrillDialog, DrillDialogMode } from './DrillDialog';
import { DrillList } from './DrillList';
import { DueDrills } from './DueDrills';

/**
 * A team's drills: what is due, the drills newest first with their action
 * items, and dialogs to plan a drill, record one that took place or record
 * how a planned one went. The Group tab and the page with a team picker
 * share it.
 */
export function TeamDrills({ groupRef }: { groupRef: string }) {
  const sreApi = useApi(sreApiRef);
  const { t } = useSreText();
  const [dialog, setDialog] = useState<DrillDialogMode>();
  const { value, error, loading, retry } = useAsyncRetry(async () => {
    // The team's people and services as the bus-factor report counts them.
    const [drills, report] = await Promise.all([
      sreApi.getTeamDrills(groupRef),
      sreApi.getTeamReport(groupRef),
    ]);
    return {
      drills,
      team: {
        members: report.members,
        services: report.services.map(service => ({
          entityRef: service.entityRef,
          title: service.title,
        })),
      },
    };
  }, [sreApi, groupRef]);
  // A reload after a write keeps the page there was until it answers.
  const loaded = useRef(value);
  if (value) loaded.current = value;
  const shown = value ?? loaded.current;

  if (error && !shown) return <ResponseErrorPanel error={error} />;
  if (!shown) return <Progress />;
  const { drills, team } = shown;
  const saved = () => {
    setDialog(undefined);
    retry();
  };
  return (
    <PeopleNames
      refs={drills.drills.flatMap(drill => drill.participants)}
      known={team.members}
    >
      <Box display="flex" flexWrap="wrap" mb={2} style={{ gap: 8 }}>
        <Button
          variant="contained"
          color="primary"
          onClick={() => setDialog({ kind: 'plan' })}
        >
          {t('drills.plan')}
        </Button>
        <Button
          variant="outlined"
          color="primary"
          onClick={() => setDialog({ kind: 'took-place' })}
        >
          {t('drills.recordTookPlace')}
        </Button>
      </Box>
      {error && (
        <Box mb={2}>
          <ResponseErrorPanel error={error} />
        </Box>
      )}
      {loading && <Progress />}
      <Grid container spacing={3}>
        {/* Full width: scenario names (and Japanese, which breaks anywhere) need the room. */}
        <Grid item xs={12}>
          <DueDrills response={drills} team={team} />
        </Grid>
        <Grid item xs={12}>
          {drills.drills.length ? (
            <DrillList
              groupRef={groupRef}
              drills={drills.drills}
              team={team}
              onRecord={(drill: Drill) => setDialog({ kind: 'record', drill })}
              onChanged={retry}
            />
          ) : (
            <EmptyState
              missing="data"
              title={t('drills.list.emptyTitle')}
              description={t('drills.list.emptyDescription')}
            />
          )}
        </Grid>
      </Grid>
      {dialog && (
        <DrillDialog
          groupRef={groupRef}
          mode={dialog}
          team={team}
          onClose={() => setDialog(undefined)}
          onSaved={saved}
        />
      )}
    </PeopleNames>
  );
}
