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
import { Formats, useSreText } from '../../language';
import { SreTranslate } from '../../translation';
import { LevelChip } from '../LevelChip';
import {
  checkTitle,
  ServiceDuringAbsence,
  uncoveredTexts,
} from '../readinessText';
import { formatDelta, trendDelta } from '../ReadinessTrend';
import { teamReportCsv } from './teamReportCsv';

function downloadCsv(report: TeamReport, t: SreTranslate) {
  // The byte order mark makes Excel read the file as UTF-8, e.g. Japanese headers.
  const blob = new Blob(['\uFEFF', teamReportCsv(report, t)], {
    type: 'text/csv;charset=utf-8',
  });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `bus-factor-${report.team.ref.replace(/[:/]/g, '-')}.csv`;
  link.click();
  URL.revokeObjectURL(link.href);
}

/** Entity refs by name only, e.g. "payments, checkout". */
const names = (refs: string[]) => refs.map(ref => ref.split('/')[1]);

const SERVICE_COLUMNS = [
  'service',
  'level',
  'score',
  'truckFactor',
  'trend',
] as const;

/** A service during the absence in one line: truck factor, what has no one left, checks now failing. */
function duringSummary(
  t: SreTranslate,
  format: Formats,
  during: ServiceDuringAbsence,
): string {
  const failing = during.flipped.filter(f => f.after === 'fail');
  return [
    t('team.services.duringTruckFactor', {
      truckFactor:
        during.truckFactor === null ? '—' : format.number(during.truckFactor),
    }),
    ...uncoveredTexts(t, during),
    ...(failing.length
      ? [
          t('team.services.nowFailing', {
            checks: format.list(failing.map(flip => checkTitle(t, flip))),
          }),
        ]
      : []),
  ].join(t('common.partSeparator'));
}

/** A team's bus-factor report with its leave simulation. @public */
export function TeamBusFactorReport({ groupRef }: { groupRef: string }) {
  const sreApi = useApi(sreApiRef);
  const { t, format } = useSreText();
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
            <Typography variant="h6">{t('team.simulation.title')}</Typography>
            <Typography variant="body2" color="textSecondary">
              {t('team.simulation.help')}
            </Typography>
            <FormGroup aria-label={t('team.simulation.awayLabel')}>
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
              label={t('team.simulation.daysAway')}
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
              <Typography variant="h6">{t('team.soleCovers.title')}</Typography>
              {report.soleCovers.length === 0 && (
                <Typography variant="body2">
                  {t('team.soleCovers.none')}
                </Typography>
              )}
              {report.soleCovers.map(cover => (
                <Box key={cover.userRef} mt={1}>
                  <EntityRefLink entityRef={cover.userRef} />
                  {cover.soleKnowledgeHolder.length > 0 && (
                    <Typography variant="body2">
                      {t('team.soleCovers.knowledge', {
                        services: format.list(names(cover.soleKnowledgeHolder)),
                      })}
                    </Typography>
                  )}
                  {cover.soleResponder.length > 0 && (
                    <Typography variant="body2">
                      {t('team.soleCovers.responder', {
                        services: format.list(names(cover.soleResponder)),
                      })}
                    </Typography>
                  )}
                  {cover.soleAdmin.length > 0 && (
                    <Typography variant="body2">
                      {t('team.soleCovers.admin', {
                        services: format.list(names(cover.soleAdmin)),
                      })}
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
              {t('team.services.title', { team: report.team.title })}
            </Typography>
            <Button
              size="small"
              variant="outlined"
              onClick={() => downloadCsv(report, t)}
            >
              {t('team.services.exportCsv')}
            </Button>
          </Box>
          <Table size="small" aria-label={t('team.services.label')}>
            <TableHead>
              <TableRow>
                {SERVICE_COLUMNS.map(column => (
                  <TableCell key={column}>
                    {t(`team.services.columns.${column}`)}
                  </TableCell>
                ))}
                {simulated && (
                  <TableCell>{t('team.services.columns.during')}</TableCell>
                )}
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
                            {duringSummary(t, format, service.during)}
                          </Typography>
                        </>
                      ) : (
                        <Typography variant="caption">
                          {t('team.services.unaffected')}
                        </Typography>
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
              <Typography variant="h6">
                {t('team.knowledgeMap.title')}
              </Typography>
              <Typography variant="body2" color="textSecondary">
                {t('team.knowledgeMap.help')}
              </Typography>
            </Box>
            <Table size="small" aria-label={t('team.knowledgeMap.label')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('team.knowledgeMap.person')}</TableCell>
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
                          {share ? format.percent(share) : ''}
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
