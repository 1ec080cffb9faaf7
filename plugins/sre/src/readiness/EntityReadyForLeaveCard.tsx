import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Gauge, MissingAnnotationEmptyState } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_REPOS,
  ANNOTATION_SOURCE_LOCATION,
  KnowledgeReport,
  ReadinessReport,
} from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { sreApiRef } from '../api/SreApi';
import { BatonCard, BatonCardPlaceholder } from '../components/BatonCard';
import { KnowledgeView } from './KnowledgeView';
import { LevelChip } from './LevelChip';
import { ReadinessChecks } from './ReadinessChecks';
import { ReadinessTrend } from './ReadinessTrend';

/** Whether the entity names the repositories its knowledge lives in. @public */
export const isReadyForLeaveAvailable = (entity: Entity): boolean =>
  Boolean(
    entity.metadata.annotations?.[ANNOTATION_REPOS] ??
      entity.metadata.annotations?.[ANNOTATION_SOURCE_LOCATION],
  );

const isNotFound = (error: unknown) =>
  error instanceof ResponseError && error.statusCode === 404;

/** The "ready for leave" card: score, level, checks, truck factor and who holds the knowledge. @public */
export function EntityReadyForLeaveCard() {
  const { entity } = useEntity();
  const sreApi = useApi(sreApiRef);
  const entityRef = stringifyEntityRef(entity);
  const hasRepos = isReadyForLeaveAvailable(entity);
  const { value, loading, error } = useAsync(async () => {
    const [readiness, knowledge] = await Promise.all([
      sreApi.getReadiness(entityRef),
      hasRepos
        ? sreApi.getKnowledge(entityRef).catch(e => {
            // Not computed yet is a state of the card, not an error.
            if (isNotFound(e)) return undefined;
            throw e;
          })
        : undefined,
    ]);
    return { readiness, knowledge };
  }, [sreApi, entityRef, hasRepos]);

  let placeholder: BatonCardPlaceholder | undefined;
  if (loading) placeholder = { kind: 'loading' };
  else if (error) placeholder = { kind: 'error', error };
  return (
    <BatonCard
      title="Ready for leave"
      subheader="Could the team run this service with someone away?"
      placeholder={placeholder}
    >
      {value && (
        <ReadinessView
          readiness={value.readiness}
          knowledge={value.knowledge}
          hasRepos={hasRepos}
        />
      )}
    </BatonCard>
  );
}

function ReadinessView(props: {
  readiness: ReadinessReport;
  knowledge?: KnowledgeReport;
  hasRepos: boolean;
}) {
  const { readiness, knowledge, hasRepos } = props;
  const unknown = readiness.checks.filter(c => c.status === 'unknown').length;
  return (
    <>
      <Box display="flex" alignItems="center">
        <Box width={120} aria-label="readiness score">
          <Gauge value={readiness.score / 100} />
        </Box>
        <Box ml={2}>
          <LevelChip level={readiness.level} />
          <Typography variant="body2" style={{ marginTop: 8 }}>
            {readiness.levelReason}
          </Typography>
          <Typography variant="caption" color="textSecondary">
            {unknown
              ? `${unknown} of ${readiness.checks.length} checks unknown (no data yet); the score counts the others.`
              : `All ${readiness.checks.length} checks known.`}
          </Typography>
          <ReadinessTrend trend={readiness.trend} />
        </Box>
      </Box>
      <ReadinessChecks checks={readiness.checks} />
      <Divider />
      <Box mt={2}>
        <Typography variant="h6">Who holds the knowledge</Typography>
        {!hasRepos && (
          <MissingAnnotationEmptyState annotation={ANNOTATION_REPOS} />
        )}
        {hasRepos && !knowledge && (
          <Typography variant="body2">
            Not scored yet: the backend reads the repository history on a
            schedule.
          </Typography>
        )}
        {knowledge && <KnowledgeView report={knowledge} />}
      </Box>
      <Typography variant="caption" color="textSecondary" component="p">
        {readiness.rule}
      </Typography>
    </>
  );
}
