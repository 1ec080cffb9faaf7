import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type {
  KnowledgePerson,
  KnowledgeReport,
} from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Collapse from '@material-ui/core/Collapse';
import LinearProgress from '@material-ui/core/LinearProgress';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';

/** How many people the card lists before "and N more". */
const LISTED_PEOPLE = 8;

const percent = (share: number) => `${Math.round(share * 100)}%`;

function PersonName({ person }: { person: KnowledgePerson }) {
  return person.userRef ? (
    <EntityRefLink entityRef={person.userRef} />
  ) : (
    <span title={person.emails.join(', ')}>
      {person.name} <Typography variant="caption">(no catalog User)</Typography>
    </span>
  );
}

/** The truck factor, who holds the knowledge, and why the numbers are what they are. */
export function KnowledgeView({ report }: { report: KnowledgeReport }) {
  const [showWhy, setShowWhy] = useState(false);
  if (report.status === 'error') {
    return (
      <Alert severity="warning">
        The repository history could not be read: {report.error?.message}
      </Alert>
    );
  }
  const truckFactorNames = new Set(report.truckFactorAuthors.map(p => p.name));
  const listed = report.people.filter(p => p.files > 0).slice(0, LISTED_PEOPLE);
  const more = report.people.filter(p => p.files > 0).length - listed.length;
  return (
    <>
      <Box display="flex" alignItems="baseline" mb={1}>
        <Typography variant="h3" component="p" aria-label="truck factor">
          {report.truckFactor}
        </Typography>
        <Box ml={1}>
          <Typography variant="subtitle1">truck factor</Typography>
          <Typography variant="body2" color="textSecondary">
            {report.truckFactor === 1
              ? 'One person’s absence leaves most of the code without an author.'
              : `${report.truckFactor} people would have to be away before most of the code has no author.`}
          </Typography>
        </Box>
      </Box>
      <Table size="small" aria-label="who holds the knowledge">
        <TableHead>
          <TableRow>
            <TableCell>Person</TableCell>
            <TableCell>Files authored</TableCell>
            <TableCell>Last commit</TableCell>
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
                    · truck-factor author
                  </Typography>
                )}
              </TableCell>
              <TableCell style={{ minWidth: 140 }}>
                {percent(person.share)} ({person.files})
                <LinearProgress
                  variant="determinate"
                  value={person.share * 100}
                />
              </TableCell>
              <TableCell>
                {person.lastCommitAt ? person.lastCommitAt.slice(0, 10) : '—'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {more > 0 && (
        <Typography variant="caption">and {more} more people</Typography>
      )}
      <Box mt={1}>
        <Button size="small" onClick={() => setShowWhy(!showWhy)}>
          {showWhy ? 'Hide why' : 'Why?'}
        </Button>
        <Collapse in={showWhy}>
          <Typography variant="body2" paragraph>
            {report.fileCount} files counted ({report.filesWithoutAuthor}{' '}
            without an author) in{' '}
            {report.repositories
              .map(
                r =>
                  `${r.location}${r.subdir ? `:${r.subdir}` : ''}${
                    r.revision ? ` at ${r.revision.slice(0, 12)}` : ''
                  }`,
              )
              .join(', ')}
            ;{' '}
            {report.mode === 'pairing'
              ? 'pairing counted (Co-authored-by)'
              : 'classic'}
            ; computed {report.computedAt.slice(0, 16).replace('T', ' ')} UTC.
          </Typography>
          <Typography variant="body2">{report.rule}</Typography>
        </Collapse>
      </Box>
    </>
  );
}
