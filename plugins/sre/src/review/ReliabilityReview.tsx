import { parseEntityRef } from '@backstage/catalog-model';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import type { TeamReviewResponse } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { useState } from 'react';
import { PeopleNames } from '../components/PeopleNames';
import { useSreText } from '../language';
import { fieldError } from '../components/responseErrors';
import { ActionItems } from './ActionItems';
import { ReviewAgendaView } from './agenda/ReviewAgendaView';
import { ReviewHeader } from './ReviewHeader';
import { ReviewHistory } from './ReviewHistory';
import { ReviewNotesEditor } from './ReviewNotes';
import { teamReviewPeopleRefs } from './reviewPeopleRefs';
import { useTeamReview, withCurrentReview } from './useTeamReview';

/** A team without services has an agenda of nothing: it says how a service gets one. */
function NoServices({ response }: { response: TeamReviewResponse }) {
  const { t } = useSreText();
  const { name } = parseEntityRef(response.team.ref, { defaultKind: 'group' });
  return (
    <EmptyState
      missing="data"
      title={t('review.noServicesTitle', { team: response.team.title })}
      description={t('review.noServicesDescription', { owner: name })}
    />
  );
}

/**
 * A team's reliability review: the agenda since the last review, the
 * review in progress (notes, action items) or a way to start one, and the
 * finished reviews. The Group tab and the page with a team picker share it.
 */
export function ReliabilityReview({ groupRef }: { groupRef: string }) {
  const [since, setSince] = useState<string>();
  const [notesUnsaved, setNotesUnsaved] = useState(false);
  const { response, loading, error, reload, update } = useTeamReview(
    groupRef,
    since,
  );
  // A start the backend refuses (e.g. more than a year ago) is said at the
  // picker, over the page as it was; any other failure replaces the page.
  const sinceProblem =
    error && since !== undefined ? fieldError(error, ['since']) : undefined;
  const sinceError =
    response && sinceProblem?.field === 'since'
      ? sinceProblem.message
      : undefined;
  if (error && !sinceError) return <ResponseErrorPanel error={error} />;
  if (!response) return <Progress />;
  const { current } = response;
  // The readiness section counts the services the team owns.
  const ownsServices = response.agenda.readiness.services > 0;
  // Below lg the side column (notes, action items, history) goes under the
  // agenda: a third of a laptop's width would cut its items off.
  return (
    <PeopleNames refs={teamReviewPeopleRefs(response)} known={response.members}>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <ReviewHeader
            groupRef={groupRef}
            response={response}
            notesUnsaved={Boolean(current) && notesUnsaved}
            chosenSince={since}
            sinceError={sinceError}
            onSinceChange={setSince}
            onReviewChanged={reload}
          />
          {loading && (
            <Box mt={1}>
              <Progress />
            </Box>
          )}
        </Grid>
        <Grid item xs={12} lg={8}>
          {ownsServices ? (
            <ReviewAgendaView agenda={response.agenda} />
          ) : (
            <NoServices response={response} />
          )}
        </Grid>
        <Grid item xs={12} lg={4}>
          {current && (
            <Box mb={3}>
              <ReviewNotesEditor
                key={`${current.id}@${current.revision}`}
                groupRef={groupRef}
                review={current}
                onSaved={saved => update(withCurrentReview(saved))}
                onReload={reload}
                onUnsavedChange={setNotesUnsaved}
              />
            </Box>
          )}
          <Box mb={3}>
            <ActionItems
              groupRef={groupRef}
              response={response}
              onChange={update}
            />
          </Box>
          <ReviewHistory groupRef={groupRef} response={response} />
        </Grid>
      </Grid>
    </PeopleNames>
  );
}
