import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  DOA_COEFFICIENTS,
  type KnowledgePerson,
  type KnowledgeReport,
} from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Collapse from '@material-ui/core/Collapse';
import LinearProgress from '@material-ui/core/LinearProgress';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { WholeWordTable } from '../components/WholeWordTable';
import { useSreText } from '../language';

/** How many people the card lists before "and N more". */
const LISTED_PEOPLE = 8;

function PersonName({ person }: { person: KnowledgePerson }) {
  const { t } = useSreText();
  return person.userRef ? (
    <EntityRefLink entityRef={person.userRef} />
  ) : (
    <span title={person.emails.join(', ')}>
      {person.name}{' '}
      <Typography variant="caption">
        {t('readiness.knowledge.noCatalogUser')}
      </Typography>
    </span>
  );
}

/** The truck factor, who holds the knowledge, and why the numbers are what they are. */
export function KnowledgeView({ report }: { report: KnowledgeReport }) {
  const { t, format } = useSreText();
  const [showWhy, setShowWhy] = useState(false);
  if (report.status === 'error') {
    return (
      <Alert severity="warning">
        {t('readiness.knowledge.unreadable', {
          error: report.error?.message ?? '',
        })}
      </Alert>
    );
  }
  const truckFactorNames = new Set(report.truckFactorAuthors.map(p => p.name));
  const listed = report.people.filter(p => p.files > 0).slice(0, LISTED_PEOPLE);
  const more = report.people.filter(p => p.files > 0).length - listed.length;
  const repositories = report.repositories.map(r => {
    const repository = `${r.location}${r.subdir ? `:${r.subdir}` : ''}`;
    return r.revision
      ? t('readiness.knowledge.repositoryAt', {
          repository,
          revision: r.revision.slice(0, 12),
        })
      : repository;
  });
  return (
    <>
      {report.refreshError && (
        <Box mb={1}>
          <Alert severity="warning">
            {t('readiness.knowledge.refreshFailed', {
              at: format.dateTime(report.refreshError.at),
              error: report.refreshError.message,
              computedAt: format.dateTime(report.computedAt),
            })}
          </Alert>
        </Box>
      )}
      <Box display="flex" alignItems="baseline" mb={1}>
        <Typography
          variant="h3"
          component="p"
          aria-label={t('readiness.knowledge.truckFactorLabel')}
        >
          {report.truckFactor === null
            ? '—'
            : format.number(report.truckFactor)}
        </Typography>
        <Box ml={1}>
          <Typography variant="subtitle1">
            {t('readiness.knowledge.truckFactor')}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {report.truckFactor === 1
              ? t('readiness.knowledge.truckFactorOne')
              : t('readiness.knowledge.truckFactorMany', {
                  count: report.truckFactor ?? 0,
                })}
          </Typography>
        </Box>
      </Box>
      <WholeWordTable
        size="small"
        stickyFirstColumn
        aria-label={t('readiness.knowledge.tableLabel')}
      >
        <TableHead>
          <TableRow>
            <TableCell>{t('readiness.knowledge.columns.person')}</TableCell>
            <TableCell>{t('readiness.knowledge.columns.files')}</TableCell>
            <TableCell>{t('readiness.knowledge.columns.lastCommit')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {listed.map(person => (
            <TableRow key={person.emails[0] ?? person.name}>
              <TableCell>
                <PersonName person={person} />
                {truckFactorNames.has(person.name) && (
                  <Typography variant="caption" color="secondary">
                    {' '}
                    {t('readiness.knowledge.truckFactorAuthor')}
                  </Typography>
                )}
                {person.former && (
                  <Tooltip
                    title={t('readiness.knowledge.formerHelp', {
                      days: format.number(report.knowledgeHolderDays ?? 0),
                    })}
                  >
                    <Typography variant="caption" color="textSecondary">
                      {' '}
                      {t('readiness.knowledge.former')}
                    </Typography>
                  </Tooltip>
                )}
              </TableCell>
              <TableCell
                style={{
                  minWidth: 140,
                  whiteSpace: 'nowrap',
                  opacity: person.former ? 0.6 : 1,
                }}
              >
                {t('readiness.knowledge.share', {
                  share: format.percent(person.share),
                  files: format.number(person.files),
                })}
                <LinearProgress
                  variant="determinate"
                  value={person.share * 100}
                />
              </TableCell>
              <TableCell style={{ whiteSpace: 'nowrap' }}>
                {person.lastCommitAt ? format.date(person.lastCommitAt) : '—'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </WholeWordTable>
      {more > 0 && (
        <Typography variant="caption">
          {t('readiness.knowledge.morePeople', { count: more })}
        </Typography>
      )}
      <Box mt={1}>
        <Button size="small" onClick={() => setShowWhy(!showWhy)}>
          {showWhy
            ? t('readiness.knowledge.hideWhy')
            : t('readiness.knowledge.showWhy')}
        </Button>
        <Collapse in={showWhy}>
          <Typography variant="body2" paragraph>
            {t('readiness.knowledge.counted', {
              files: format.number(report.fileCount),
              withoutAuthor: format.number(report.filesWithoutAuthor),
              repositories: format.list(repositories),
              mode: t(`readiness.knowledge.mode.${report.mode}`),
              at: format.dateTimeUtc(report.computedAt),
            })}
          </Typography>
          <Typography variant="body2">
            {t('readiness.knowledge.rule', {
              intercept: format.number(DOA_COEFFICIENTS.intercept, 3),
              firstAuthorship: format.number(
                DOA_COEFFICIENTS.firstAuthorship,
                3,
              ),
              deliveries: format.number(DOA_COEFFICIENTS.deliveries, 3),
              acceptances: format.number(DOA_COEFFICIENTS.acceptances, 3),
            })}
          </Typography>
        </Collapse>
      </Box>
    </>
  );
}
