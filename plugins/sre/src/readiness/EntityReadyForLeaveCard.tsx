import {
  Entity,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { getEntityRelations, useEntity } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_REPOS,
  KnowledgeReport,
  ReadinessReport,
} from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import { BACKUPS_ANCHOR } from '../backups/backupsAnchor';
import { isBackupsAvailable } from '../backups/isBackupsAvailable';
import { isNotFound } from '../components/responseErrors';
import { useCardData } from '../components/useCardData';
import { sreApiRef } from '../api/SreApi';
import { BatonCard, BatonCardPlaceholder } from '../components/BatonCard';
import { MissingAnnotation } from '../components/MissingAnnotation';
import { useSreText } from '../language';
import { useTeamDrillsHref } from './CheckEvidence';
import { KnowledgeView } from './KnowledgeView';
import { LevelChip } from './LevelChip';
import { ReadinessCheckLink, ReadinessChecks } from './ReadinessChecks';
import { levelReasonText, readinessRuleText } from './readinessText';
import { ReadinessTrend } from './ReadinessTrend';
import { isReadyForLeaveAvailable } from './isReadyForLeaveAvailable';
import { ScoreRing } from './ScoreRing';

/** The "ready for leave" card: score, level, checks, truck factor and who holds the knowledge. @public */
export function EntityReadyForLeaveCard() {
  const { entity } = useEntity();
  const { t } = useSreText();
  const sreApi = useApi(sreApiRef);
  const entityRef = stringifyEntityRef(entity);
  const hasRepos = isReadyForLeaveAvailable(entity);
  const { value, loading, error } = useCardData(
    sreApi,
    `readiness:${entityRef}:${hasRepos}`,
    async () => {
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
    },
  );

  let placeholder: BatonCardPlaceholder | undefined;
  if (loading) placeholder = { kind: 'loading' };
  else if (error) placeholder = { kind: 'error', error };
  return (
    <BatonCard
      title={t('readiness.card.title')}
      subheader={t('readiness.card.subheader')}
      placeholder={placeholder}
    >
      {value && (
        <ReadinessView
          entity={entity}
          readiness={value.readiness}
          knowledge={value.knowledge}
          hasRepos={hasRepos}
        />
      )}
    </BatonCard>
  );
}

/** The owning team, whose Drills tab the drill checks link to. */
function ownerTeamRef(entity: Entity): string | undefined {
  const [team] = getEntityRelations(entity, RELATION_OWNED_BY, {
    kind: 'group',
  });
  return team && stringifyEntityRef(team);
}

/** The drill checks link to the owning team's Drills tab, where drills are planned and recorded. */
function useDrillLinks(
  teamRef: string | undefined,
): Partial<Record<string, ReadinessCheckLink>> {
  const { t } = useSreText();
  const drillsHref = useTeamDrillsHref();
  if (!teamRef) return {};
  const link = { href: drillsHref(teamRef), label: t('drills.checkLink') };
  return { drill: link, 'restore-practised': link };
}

function ReadinessView(props: {
  entity: Entity;
  readiness: ReadinessReport;
  knowledge?: KnowledgeReport;
  hasRepos: boolean;
}) {
  const { readiness, knowledge, hasRepos } = props;
  const { t, format } = useSreText();
  const ownerRef = ownerTeamRef(props.entity);
  const links = {
    ...useDrillLinks(ownerRef),
    // The Backups card on the same page shows the copies and restores behind the check.
    ...(isBackupsAvailable(props.entity) && {
      backups: { href: `#${BACKUPS_ANCHOR}`, label: t('backups.checkLink') },
    }),
  };
  const applicable = readiness.checks.filter(
    c => c.status !== 'not-applicable',
  ).length;
  const notApplicable = readiness.checks.length - applicable;
  const unknown = readiness.checks.filter(c => c.status === 'unknown').length;
  return (
    <>
      {/* Wraps under the ring rather than squeezing the text at half-card width. */}
      <Box display="flex" alignItems="center" flexWrap="wrap">
        <Box mr={2} mb={1}>
          <ScoreRing score={readiness.score} level={readiness.level} />
        </Box>
        <Box flex="1 1 200px" minWidth={0}>
          <LevelChip level={readiness.level} />
          <Typography variant="body2" style={{ marginTop: 8 }}>
            {levelReasonText(t, format, readiness)}
          </Typography>
          <Typography variant="caption" color="textSecondary" component="p">
            {unknown
              ? t('readiness.card.unknownChecks', {
                  unknown: format.number(unknown),
                  total: format.number(applicable),
                })
              : t('readiness.card.allKnown', {
                  total: format.number(applicable),
                })}
            {notApplicable > 0 &&
              ` ${t('readiness.card.notApplicableChecks', {
                count: notApplicable,
              })}`}
          </Typography>
          <ReadinessTrend trend={readiness.trend} />
        </Box>
      </Box>
      <ReadinessChecks
        checks={readiness.checks}
        links={links}
        ownerRef={ownerRef}
      />
      <Divider />
      <Box mt={2}>
        <Typography variant="h6">
          {t('readiness.card.knowledgeTitle')}
        </Typography>
        {!hasRepos && <MissingAnnotation annotation={ANNOTATION_REPOS} />}
        {hasRepos && !knowledge && (
          <Typography variant="body2">
            {t('readiness.card.notScored')}
          </Typography>
        )}
        {knowledge && <KnowledgeView report={knowledge} />}
      </Box>
      <Typography variant="caption" color="textSecondary" component="p">
        {readinessRuleText(t, format, readiness)}
      </Typography>
    </>
  );
}
