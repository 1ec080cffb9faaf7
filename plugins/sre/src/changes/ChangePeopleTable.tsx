import type { ChangePersonStats } from '@baton/plugin-sre-common';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { WholeWordTable } from '../components/WholeWordTable';
import { useSreText } from '../language';
import { ChangePersonName } from './ChangePersonName';

const COLUMNS = ['operated', 'operatedPaired', 'pairedOn', 'offHours'] as const;

/** The identity part of an unmatched person, e.g. `github-login:someone` → `someone`. */
const identityValue = (person: string) => person.slice(person.indexOf(':') + 1);

/** Per person: changes operated, operated with a pair, paired on, and off-hours. */
export function ChangePeopleTable({ people }: { people: ChangePersonStats[] }) {
  const { t, format } = useSreText();
  if (!people.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('changes.team.people.none')}
      </Typography>
    );
  }
  return (
    <WholeWordTable
      size="small"
      stickyFirstColumn
      aria-label={t('changes.team.people.label')}
    >
      <TableHead>
        <TableRow>
          <TableCell>{t('changes.team.people.person')}</TableCell>
          {COLUMNS.map(column => (
            <TableCell key={column} align="right">
              {t(`changes.team.people.${column}`)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {people.map(stats => (
          <TableRow key={stats.person}>
            <TableCell component="th" scope="row">
              <ChangePersonName
                userRef={stats.userRef}
                name={identityValue(stats.person)}
                identity={stats.person}
              />
            </TableCell>
            {COLUMNS.map(column => (
              <TableCell key={column} align="right">
                {format.number(stats[column])}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </WholeWordTable>
  );
}
