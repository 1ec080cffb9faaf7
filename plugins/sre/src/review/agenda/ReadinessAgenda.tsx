import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { ReviewReadinessSection } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { WholeWordTable } from '../../components/WholeWordTable';
import { useSreText } from '../../language';
import { LevelChip } from '../../readiness/LevelChip';
import { SLO_COLORS } from '../../slo/sloFormat';
import { AgendaSection } from './AgendaSection';

const COLUMNS = ['service', 'level', 'score', 'direction'] as const;

/** Services whose ready-for-leave level changed since the agenda's start: before → after. */
export function ReadinessAgenda(props: {
  section: ReviewReadinessSection;
  since: string;
}) {
  const { t, format } = useSreText();
  const { section } = props;
  return (
    <AgendaSection
      id="review-readiness"
      title={t('review.agenda.readiness.title')}
      summary={t('review.agenda.readiness.summary', {
        changed: format.number(section.changes.length),
        services: format.number(section.services),
      })}
      unavailable={section.unavailable}
      empty={
        section.changes.length === 0 &&
        t('review.agenda.readiness.empty', { date: format.date(props.since) })
      }
    >
      <WholeWordTable
        size="small"
        aria-label={t('review.agenda.readiness.label')}
      >
        <TableHead>
          <TableRow>
            {COLUMNS.map(column => (
              <TableCell key={column}>
                {t(`review.agenda.readiness.columns.${column}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {section.changes.map(change => (
            <TableRow key={change.entityRef}>
              <TableCell>
                <EntityRefLink entityRef={change.entityRef}>
                  {change.title}
                </EntityRefLink>
              </TableCell>
              <TableCell>
                <Box display="flex" alignItems="center" style={{ gap: 4 }}>
                  <LevelChip level={change.before.level} />
                  <span aria-hidden>→</span>
                  <LevelChip level={change.after.level} />
                </Box>
                <Typography variant="caption" color="textSecondary">
                  {t('review.agenda.readiness.beforeDay', {
                    date: format.date(change.before.day),
                  })}
                </Typography>
              </TableCell>
              <TableCell style={{ whiteSpace: 'nowrap' }}>
                {t('review.agenda.readiness.score', {
                  before: format.number(change.before.score),
                  after: format.number(change.after.score),
                })}
              </TableCell>
              <TableCell
                style={{
                  color:
                    change.direction === 'better'
                      ? SLO_COLORS.good
                      : SLO_COLORS.bad,
                }}
              >
                {t(`review.agenda.readiness.direction.${change.direction}`)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </WholeWordTable>
    </AgendaSection>
  );
}
