import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { TeamReport, TeamReportService } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { sreApiRef } from '../../api/SreApi';
import { WholeWordTable } from '../../components/WholeWordTable';
import { Formats, useSreText } from '../../language';
import { SreTranslate } from '../../translation';
import { LevelChip } from '../LevelChip';
import {
  checkTitle,
  ServiceDuringAbsence,
  uncoveredTexts,
} from '../readinessText';
import { formatDelta, trendDelta } from '../ReadinessTrend';
import { KnowledgeHeatMap } from './KnowledgeHeatMap';
import { downloadFile } from '../../components/download';
import { teamReportCsv } from './teamReportCsv';

function downloadCsv(report: TeamReport, t: SreTranslate) {
  downloadFile(
    // The byte order mark makes Excel read the file as UTF-8, e.g. Japanese headers.
    ['\uFEFF', teamReportCsv(report, t)],
    `bus-factor-${report.team.ref.replace(/[:/]/g, '-')}.csv`,
    'text/csv;charset=utf-8',
  );
}

const SERVICE_COLUMNS = ['level', 'score', 'truckFactor', 'trend'] as const;

/** What a person alone covers, each with its message. */
const SOLE_COVERS = [
  ['knowledge', 'soleKnowledgeHolder'],
  ['responder', 'soleResponder'],
  ['admin', 'soleAdmin'],
  ['operator', 'soleOperator'],
] as const;

/** Services (Components) first; Resources and Systems are listed apart. */
const isService = (service: TeamReportService) => service.kind === 'component';

/** A service during the absence in one line: truck factor, what has no one left, checks now failing. */
function duringSummary(
  t: SreTranslate,
  format: Formats,
  during: ServiceDuringAbsence,
): string {
  const failing = during.flipped.filter(f => f.after === 'fail');
  return (
    [
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
    ]
      // Parts are sentences of their own; joined, they lose their full stops ("days.; …").
      .map(part => part.replace(/[.。]$/, ''))
      .join(t('common.partSeparator'))
  );
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

  // Sole covers name the services by their titles.
  const titles = new Map(report.services.map(s => [s.entityRef, s.title]));
  const titlesOf = (refs: string[]) =>
    format.list(refs.map(ref => titles.get(ref) ?? ref.split('/')[1]));
  const services = report.services.filter(isService);
  const others = report.services.filter(s => !isService(s));

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={4}>
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
                  <EntityRefLink entityRef={cover.userRef}>
                    {cover.name}
                  </EntityRefLink>
                  {SOLE_COVERS.map(([key, field]) =>
                    cover[field].length > 0 ? (
                      <Typography key={key} variant="body2">
                        {t(`team.soleCovers.${key}`, {
                          services: titlesOf(cover[field]),
                        })}
                      </Typography>
                    ) : null,
                  )}
                </Box>
              ))}
            </Box>
          </Paper>
        </Box>
      </Grid>
      <Grid item xs={12} lg={8}>
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
          <ServiceTable
            services={services}
            simulated={simulated}
            label={t('team.services.label')}
            firstColumn={t('team.services.columns.service')}
          />
        </Paper>
        {others.length > 0 && (
          <Box mt={3}>
            <Paper>
              <Box p={2}>
                <Typography variant="h6">
                  {t('team.resources.title', { team: report.team.title })}
                </Typography>
              </Box>
              <ServiceTable
                services={others}
                simulated={simulated}
                label={t('team.resources.label')}
                firstColumn={t('team.resources.columns.entity')}
              />
            </Paper>
          </Box>
        )}
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
            <KnowledgeHeatMap report={report} />
          </Paper>
        </Box>
      </Grid>
    </Grid>
  );
}

/** Level, score, truck factor and trend of each entity, and during the absence when people are away. */
function ServiceTable(props: {
  services: TeamReportService[];
  simulated: boolean;
  label: string;
  firstColumn: string;
}) {
  const { services, simulated } = props;
  const { t, format } = useSreText();
  return (
    <WholeWordTable size="small" stickyFirstColumn aria-label={props.label}>
      <TableHead>
        <TableRow>
          <TableCell>{props.firstColumn}</TableCell>
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
        {services.map(service => (
          <TableRow key={service.entityRef}>
            <TableCell>
              <EntityRefLink entityRef={service.entityRef}>
                {service.title}
              </EntityRefLink>
            </TableCell>
            <TableCell>
              <LevelChip level={service.readiness.level} />
            </TableCell>
            <TableCell>{format.number(service.readiness.score)}</TableCell>
            <TableCell>
              {service.readiness.truckFactor === null
                ? '—'
                : format.number(service.readiness.truckFactor)}
            </TableCell>
            <TableCell style={{ whiteSpace: 'nowrap' }}>
              {formatDelta(format, trendDelta(service.readiness.trend))}
            </TableCell>
            {simulated && (
              <TableCell style={{ minWidth: 200 }}>
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
    </WholeWordTable>
  );
}
