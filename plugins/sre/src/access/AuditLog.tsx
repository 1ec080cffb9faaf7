import type { AccessAuditEntry } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { translateCoded } from '../codedMessage';
import { usePersonName } from '../components/PeopleNames';
import { WholeWordTable } from '../components/WholeWordTable';
import { useSreText } from '../language';
import { auditDetailsText } from './accessText';

/** Every recorded action of the campaign, in the order it happened. */
export function AuditLog({ entries }: { entries: AccessAuditEntry[] }) {
  const { t, format } = useSreText();
  const name = usePersonName();
  return (
    <Paper>
      <Box p={2}>
        <Typography variant="h6" component="h3">
          {t('access.audit.title')}
        </Typography>
        {entries.length ? (
          <WholeWordTable size="small" aria-label={t('access.audit.label')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('access.audit.columns.at')}</TableCell>
                <TableCell>{t('access.audit.columns.actor')}</TableCell>
                <TableCell>{t('access.audit.columns.action')}</TableCell>
                <TableCell>{t('access.audit.columns.details')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {entries.map(entry => (
                <TableRow key={entry.id}>
                  <TableCell>
                    {/* The day, as every date on the page; the time on hover. */}
                    <span title={format.dateTime(entry.at)}>
                      {format.date(entry.at)}
                    </span>
                  </TableCell>
                  <TableCell>{name(entry.actor)}</TableCell>
                  <TableCell>
                    {translateCoded(
                      t,
                      `access.audit.actions.${entry.action}`,
                      {},
                      entry.action,
                    )}
                  </TableCell>
                  <TableCell>
                    {auditDetailsText(t, format, entry, name)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </WholeWordTable>
        ) : (
          <Typography variant="body2" color="textSecondary">
            {t('access.audit.empty')}
          </Typography>
        )}
      </Box>
    </Paper>
  );
}
