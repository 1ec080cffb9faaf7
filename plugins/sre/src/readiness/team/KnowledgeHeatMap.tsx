import type { TeamReport } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import { alpha, makeStyles } from '@material-ui/core/styles';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { WholeWordTable } from '../../components/WholeWordTable';
import { useSreText } from '../../language';

/** How tall a service's name may stand before it is cut (the full name is in its tooltip). */
const HEADER_HEIGHT = 128;

const useStyles = makeStyles(theme => ({
  header: {
    verticalAlign: 'bottom',
    padding: theme.spacing(0.5),
  },
  // The name reads bottom to top, on one line, so that a column is only as
  // wide as its numbers.
  rotated: {
    writingMode: 'vertical-rl',
    transform: 'rotate(180deg)',
    whiteSpace: 'nowrap',
    maxHeight: HEADER_HEIGHT,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    margin: '0 auto',
  },
  cell: {
    padding: theme.spacing(0.5, 0.75),
    textAlign: 'center',
    whiteSpace: 'nowrap',
    fontVariantNumeric: 'tabular-nums',
    minWidth: 44,
  },
  former: {
    backgroundColor: theme.palette.action.selected,
    color: theme.palette.text.secondary,
    textDecoration: 'line-through',
  },
}));

/**
 * The team's knowledge map as a heat map: a row per person, a column per
 * service someone in the team authors, each cell coloured by the share of
 * the service's files the person authors. Former holders (no commit in the
 * policy's window) are grey and struck through: shown, not counted.
 */
export function KnowledgeHeatMap({ report }: { report: TeamReport }) {
  const classes = useStyles();
  const { t, format } = useSreText();
  const columns = report.services.filter(service =>
    report.knowledgeMap.some(person => person.shares[service.entityRef] > 0),
  );
  if (columns.length === 0) {
    return (
      <Box px={2} pb={2}>
        <Typography variant="body2">{t('team.knowledgeMap.empty')}</Typography>
      </Box>
    );
  }
  const days = format.number(report.knowledgeHolderDays);
  const anyFormer = report.knowledgeMap.some(person => person.former.length);
  return (
    <>
      <WholeWordTable
        size="small"
        stickyFirstColumn
        aria-label={t('team.knowledgeMap.label')}
        style={{ width: 'auto' }}
      >
        <TableHead>
          <TableRow>
            <TableCell style={{ verticalAlign: 'bottom' }}>
              {t('team.knowledgeMap.person')}
            </TableCell>
            {columns.map(service => (
              <TableCell
                key={service.entityRef}
                className={classes.header}
                scope="col"
              >
                <Tooltip title={service.title}>
                  <div className={classes.rotated}>{service.title}</div>
                </Tooltip>
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {report.knowledgeMap.map(person => (
            <TableRow key={person.userRef}>
              <TableCell component="th" scope="row">
                {person.name}
              </TableCell>
              {columns.map(service => {
                const share = person.shares[service.entityRef] ?? 0;
                if (!share) {
                  return (
                    <TableCell
                      key={service.entityRef}
                      className={classes.cell}
                    />
                  );
                }
                const former = person.former.includes(service.entityRef);
                const params = {
                  person: person.name,
                  share: format.percent(share),
                  service: service.title,
                  days,
                };
                return (
                  <Tooltip
                    key={service.entityRef}
                    title={
                      former
                        ? t('team.knowledgeMap.formerCell', params)
                        : t('team.knowledgeMap.cell', params)
                    }
                  >
                    <TableCell
                      className={
                        former
                          ? `${classes.cell} ${classes.former}`
                          : classes.cell
                      }
                      style={former ? undefined : heat(share)}
                    >
                      {format.percent(share)}
                    </TableCell>
                  </Tooltip>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </WholeWordTable>
      {anyFormer && (
        <Box px={2} py={1}>
          <Typography variant="caption" color="textSecondary">
            {t('team.knowledgeMap.formerLegend', { days })}
          </Typography>
        </Box>
      )}
    </>
  );
}

/** Blue, darker with the share; white text once the background is dark enough to need it. */
function heat(share: number) {
  return {
    backgroundColor: alpha('#1565c0', 0.12 + 0.78 * share),
    color: share > 0.5 ? '#fff' : undefined,
  };
}
