import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { TeamReport } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { sreApiRef } from '../../api/SreApi';
import { LevelChip } from '../LevelChip';
import { trendDelta } from '../ReadinessTrend';
import { teamReportCsv } from './teamReportCsv';

function downloadCsv(report: TeamReport) {
  const blob = new Blob([teamReportCsv(report)], { type: 'text/csv' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `bus-factor-${report.team.ref.replace(/[:/]/g, '-')}.csv`;
  link.click();
  URL.revokeObjectURL(link.href);
}

const formatDelta = (delta: number | null) =>
  delta === null ? '—' : `${delta > 0 ? '+' : ''}${delta}`;

/** A team's bus-factor report with its leave simulation. @public */
export function TeamBusFactorReport({ groupRef }: { groupRef: string }) {
  const sreApi = useApi(sreApiRef);
  const [absent, setAbsent] = useState<string[]>([]);
  const [days, setDays] = useState(21);
  const {
    value: report,
    loading,
    error,
  } = useAsync(
    () => sreApi.getTeamReport(groupRef, absent.length ? { absent, days } : {}),
    [sreApi, groupRef, absent.join(','), days],
  );

  if (error) return <ResponseErrorPanel error={error} />;
  if (!report) return <Progress />;
  const simulated = report.absent.length > 0;
  const toggle = (userRef: string) =>
    setAbsent(current =>
      current.includes(userRef)
        ? current.filter(ref => ref !== userRef)
        : [...current, userRef],
    );

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={4}>
        <Paper>
          <Box p={2}>
            <Typography variant="h6">Leave simulation</Typography>
            <Typography variant="body2" color="textSecondary">
              Who is away? Every check is recomputed without them, at the end of
              the absence.
            </Typography>
            <FormGroup aria-label="away">
              {report.members.map(member => (
                <FormControlLabel
                  key={member.userRef}
                  control={
                    <Checkbox
                      checked={absent.includes(member.userRef)}
                      onChange={() => toggle(member.userRef)}
                    />
                  }
                  label={member.name}
                />
              ))}
            </FormGroup>
            <TextField
              label="Days away"
              type="number"
              value={days}
              inputProps={{ min: 0, max: 366 }}
              onChange={event =>
                setDays(
                  Math.max(0, Math.min(366, Number(event.target.value) || 0)),
                )
              }
            />
            {loading && <Progress />}
          </Box>
        </Paper>
        <Box mt={3}>
          <Paper>
            <Box p={2}>
              <Typography variant="h6">People the team cannot spare</Typography>
              {report.soleCovers.length === 0 && (
                <Typography variant="body2">
                  No one is the only cover of a service.
                </Typography>
              )}
              {report.soleCovers.map(cover => (
                <Box key={cover.userRef} mt={1}>
                  <EntityRefLink entityRef={cover.userRef} />
                  {cover.soleKnowledgeHolder.length > 0 && (
                    <Typography variant="body2">
                      only one who knows{' '}
                      {cover.soleKnowledgeHolder
                        .map(r => r.split('/')[1])
                        .join(', ')}
                    </Typography>
                  )}
                  {cover.soleResponder.length > 0 && (
                    <Typography variant="body2">
                      only responder of{' '}
                      {cover.soleResponder.map(r => r.split('/')[1]).join(', ')}
                    </Typography>
                  )}
                  {cover.soleAdmin.length > 0 && (
                    <Typography variant="body2">
                      only admin behind{' '}
                      {cover.soleAdmin.map(r => r.split('/')[1]).join(', ')}
                    </Typography>
                  )}
                </Box>
              ))}
            </Box>
          </Paper>
        </Box>
      </Grid>
      <Grid item xs={12} md={8}>
        <Paper>
          <Box p={2} display="flex" justifyContent="space-between">
            <Typography variant="h6">
              Services of {report.team.title}
            </Typography>
            <Button
              size="small"
              variant="outlined"
              onClick={() => downloadCsv(report)}
            >
              Export CSV
            </Button>
          </Box>
          <Table size="small" aria-label="services">
            <TableHead>
              <TableRow>
                <TableCell>Service</TableCell>
                <TableCell>Level</TableCell>
                <TableCell>Score</TableCell>
                <TableCell>Truck factor</TableCell>
                <TableCell>Trend</TableCell>
                {simulated && <TableCell>During the absence</TableCell>}
              </TableRow>
            </TableHead>
            <TableBody>
              {report.services.map(service => (
                <TableRow key={service.entityRef}>
                  <TableCell>
                    <EntityRefLink entityRef={service.entityRef} />
                  </TableCell>
                  <TableCell>
                    <LevelChip level={service.readiness.level} />
                  </TableCell>
                  <TableCell>{service.readiness.score}</TableCell>
                  <TableCell>{service.readiness.truckFactor ?? '—'}</TableCell>
                  <TableCell>
                    {formatDelta(trendDelta(service.readiness.trend))}
                  </TableCell>
                  {simulated && (
                    <TableCell>
                      {service.during?.affected ? (
                        <>
                          <LevelChip level={service.during.level} />
                          <Typography variant="caption" display="block">
                            truck factor {service.during.truckFactor ?? '—'}
                            {service.during.uncovered.length > 0 &&
                              `; ${service.during.uncovered.join(' ')}`}
                            {service.during.flipped.length > 0 &&
                              `; now failing: ${service.during.flipped
                                .filter(f => f.after === 'fail')
                                .map(f => f.title)
                                .join(', ')}`}
                          </Typography>
                        </>
                      ) : (
                        <Typography variant="caption">unaffected</Typography>
                      )}
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
        <Box mt={3}>
          <Paper>
            <Box p={2}>
              <Typography variant="h6">Knowledge map</Typography>
              <Typography variant="body2" color="textSecondary">
                Share of each service’s files a person authors.
              </Typography>
            </Box>
            <Table size="small" aria-label="knowledge map">
              <TableHead>
                <TableRow>
                  <TableCell>Person</TableCell>
                  {report.services.map(service => (
                    <TableCell key={service.entityRef}>
                      {service.title}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {report.knowledgeMap.map(person => (
                  <TableRow key={person.userRef}>
                    <TableCell>{person.name}</TableCell>
                    {report.services.map(service => {
                      const share = person.shares[service.entityRef] ?? 0;
                      return (
                        <TableCell
                          key={service.entityRef}
                          style={{
                            backgroundColor: `rgba(25, 118, 210, ${
                              share * 0.8
                            })`,
                          }}
                        >
                          {share ? `${Math.round(share * 100)}%` : ''}
                        </TableCell>
                      );
                    })}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Paper>
        </Box>
      </Grid>
    </Grid>
  );
}
