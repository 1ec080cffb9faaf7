import type { SloQuery, SloSummary } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  formatBudgetShare,
  formatBurnRate,
  formatCount,
  formatDateTime,
  formatDuration,
  formatObjective,
  formatSli,
  formatWindow,
} from './sloFormat';

const TEXT = {
  title: 'Where the numbers come from',
  definedIn: (name: string, file: string) => `SLO ${name}, defined in ${file}.`,
  counts: (
    window: string,
    start: string,
    end: string,
    good: string,
    bad: string,
    total: string,
    unit: string,
  ) =>
    `Over the ${window} window from ${start} to ${end}: ${good} good, ${bad} bad, ${total} total ${unit}.`,
  noCounts: 'No data stored for the window yet.',
  sli: (sli: string, objective: string) =>
    `SLI = good ÷ total = ${sli}; objective ${objective}.`,
  budget: (allowed: string, bad: string, consumed: string, unit: string) =>
    `At this traffic the objective allows ${allowed} bad ${unit}; ${bad} bad ${unit} spent ${consumed} of the budget.`,
  units: { Occurrences: 'events', Timeslices: 'time slices' },
  timeSlices: (slice: string, target: string) =>
    `Budgeted by time slices: each ${slice} slice is good when at least ${target} of its events are good.`,
  step: (step: string) => `Counted in steps of ${step}.`,
  queriesTitle: 'Queries',
  queriesLabel: 'SLI queries',
  queryColumns: ['Role', 'Source', 'Query'],
  roles: {
    good: 'Good events',
    bad: 'Bad events',
    total: 'Total events',
    metric: 'Metric',
  } satisfies Record<SloQuery['role'], string>,
  rulesTitle: 'Alert rules',
  rulesLabel: 'Alert rules',
  ruleColumns: ['Rule', 'Threshold', 'Long window', 'Short window', 'Firing'],
  rule: (severity: string, long: string, short: string) =>
    `${severity}: ${long} and ${short}`,
  severity: { page: 'Page', ticket: 'Ticket' },
  windowRate: (window: string, burnRate: string) => `${window} ${burnRate}`,
  noRate: (window: string) => `${window}: no traffic`,
  firing: 'Firing',
  notFiring: 'No',
  maintenanceTitle: 'Maintenance left out of every count',
  noMaintenance: 'No maintenance in this window.',
  interval: (start: string, end: string) => `${start} – ${end}`,
  lastEvaluated: (at: string) => `Last evaluated at ${at}.`,
  neverEvaluated: 'Not evaluated yet.',
};

/** The query's spec as written, one `key: value` per line. */
function querySpecText(spec: Record<string, unknown>): string {
  return Object.entries(spec)
    .map(
      ([key, value]) =>
        `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`,
    )
    .join('\n');
}

function rate(window: string, value: number | null): string {
  return value === null
    ? TEXT.noRate(window)
    : TEXT.windowRate(window, formatBurnRate(value));
}

/** Everything behind an SLO's numbers: counts, queries, alert rules, maintenance. */
export function SloWhy({ slo }: { slo: SloSummary }) {
  const { counts, errorBudget } = slo;
  const unit = TEXT.units[slo.budgetingMethod];
  return (
    <Box>
      <Typography variant="subtitle2">{TEXT.title}</Typography>
      {slo.description && (
        <Typography variant="body2" paragraph>
          {slo.description}
        </Typography>
      )}
      <Typography variant="body2">
        {TEXT.definedIn(slo.name, slo.file)}
      </Typography>
      {slo.budgetingMethod === 'Timeslices' &&
        slo.timeSliceWindow &&
        slo.timeSliceTarget !== undefined && (
          <Typography variant="body2">
            {TEXT.timeSlices(
              slo.timeSliceWindow,
              formatObjective(slo.timeSliceTarget),
            )}
          </Typography>
        )}
      <Typography variant="body2">
        {slo.windowStart && slo.windowEnd
          ? TEXT.counts(
              formatWindow(slo),
              formatDateTime(slo.windowStart),
              formatDateTime(slo.windowEnd),
              formatCount(counts.good),
              formatCount(counts.bad),
              formatCount(counts.total),
              unit,
            )
          : TEXT.noCounts}
      </Typography>
      {slo.sli !== null && (
        <Typography variant="body2">
          {TEXT.sli(
            formatSli(slo.sli, slo.objective),
            formatObjective(slo.objective),
          )}
        </Typography>
      )}
      {errorBudget.allowedBadEvents !== null &&
        errorBudget.consumed !== null && (
          <Typography variant="body2">
            {TEXT.budget(
              formatCount(errorBudget.allowedBadEvents),
              formatCount(counts.bad),
              formatBudgetShare(errorBudget.consumed),
              unit,
            )}
          </Typography>
        )}
      <Typography variant="body2">
        {TEXT.step(formatDuration(slo.stepSeconds))}
      </Typography>

      <Box mt={2}>
        <Typography variant="subtitle2">{TEXT.queriesTitle}</Typography>
        <Table size="small" aria-label={TEXT.queriesLabel}>
          <TableHead>
            <TableRow>
              {TEXT.queryColumns.map(column => (
                <TableCell key={column}>{column}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {slo.queries.map(query => (
              <TableRow key={query.role}>
                <TableCell>{TEXT.roles[query.role]}</TableCell>
                <TableCell>
                  {query.type}
                  {query.sourceRef ? ` (${query.sourceRef})` : ''}
                </TableCell>
                <TableCell>
                  <Box
                    component="pre"
                    m={0}
                    fontSize="0.75rem"
                    style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
                  >
                    <code>{querySpecText(query.spec)}</code>
                  </Box>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>

      <Box mt={2}>
        <Typography variant="subtitle2">{TEXT.rulesTitle}</Typography>
        <Table size="small" aria-label={TEXT.rulesLabel}>
          <TableHead>
            <TableRow>
              {TEXT.ruleColumns.map(column => (
                <TableCell key={column}>{column}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {slo.alertRules.map(rule => (
              <TableRow key={`${rule.longWindow}/${rule.shortWindow}`}>
                <TableCell>
                  {TEXT.rule(
                    TEXT.severity[rule.severity],
                    rule.longWindow,
                    rule.shortWindow,
                  )}
                </TableCell>
                <TableCell>{formatBurnRate(rule.threshold, true)}</TableCell>
                <TableCell>
                  {rate(rule.longWindow, rule.longBurnRate)}
                </TableCell>
                <TableCell>
                  {rate(rule.shortWindow, rule.shortBurnRate)}
                </TableCell>
                <TableCell>
                  {rule.firing ? TEXT.firing : TEXT.notFiring}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>

      <Box mt={2}>
        <Typography variant="subtitle2">{TEXT.maintenanceTitle}</Typography>
        {slo.maintenance.length === 0 ? (
          <Typography variant="body2">{TEXT.noMaintenance}</Typography>
        ) : (
          <Box component="ul" mt={0} pl={3}>
            {slo.maintenance.map(interval => (
              <Typography
                component="li"
                variant="body2"
                key={`${interval.start}/${interval.end}`}
              >
                {TEXT.interval(
                  formatDateTime(interval.start),
                  formatDateTime(interval.end),
                )}
              </Typography>
            ))}
          </Box>
        )}
      </Box>

      <Box mt={2}>
        <Typography variant="caption" color="textSecondary">
          {slo.lastEvaluatedAt
            ? TEXT.lastEvaluated(formatDateTime(slo.lastEvaluatedAt))
            : TEXT.neverEvaluated}
        </Typography>
      </Box>
    </Box>
  );
}
