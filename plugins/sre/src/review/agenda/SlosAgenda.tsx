import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  type ReviewSlosSection,
  sloStatus,
  type SloStatusInput,
} from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { useSreText } from '../../language';
import { AlertStateChip } from '../../slo/AlertStateChip';
import { SloStatusChip } from '../../slo/SloStatusChip';
import {
  formatBudgetShare,
  formatObjective,
  formatSli,
} from '../../slo/sloFormat';
import { AgendaSection } from './AgendaSection';
import { WholeWordTable } from '../../components/WholeWordTable';

type SloAtRisk = ReviewSlosSection['atRisk'][number];

function SloAtRiskRow({ slo }: { slo: SloAtRisk }) {
  const { t, format } = useSreText();
  const objective = formatObjective(format, slo.objective);
  // The status as the SLO card shows it, then the milder conditions that also hold.
  const status: SloStatusInput = {
    sli: slo.sli,
    objective: slo.objective,
    errorBudget: {
      remaining: slo.budgetRemaining,
      consumed: null,
      allowedBadEvents: null,
    },
    alerting: slo.alerting,
    alertRules: [],
  };
  const share = (fraction: number | null) =>
    fraction === null ? '—' : formatBudgetShare(format, fraction);
  return (
    <TableRow>
      <TableCell>
        <EntityRefLink entityRef={slo.entityRef}>{slo.title}</EntityRefLink>
      </TableCell>
      <TableCell>{slo.name}</TableCell>
      <TableCell style={{ whiteSpace: 'nowrap' }}>
        {slo.sli === null
          ? t('review.agenda.slos.noTraffic', { objective })
          : t('review.agenda.slos.sli', {
              sli: formatSli(format, slo.sli, slo.objective),
              objective,
            })}
      </TableCell>
      <TableCell>{share(slo.budgetRemaining)}</TableCell>
      <TableCell>{share(slo.budgetSpentSince)}</TableCell>
      <TableCell>
        <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
          <SloStatusChip slo={status} />
          {(slo.alerting === 'page' || slo.alerting === 'ticket') && (
            <AlertStateChip state={slo.alerting} />
          )}
          {sloStatus(status)
            .conditions.slice(1)
            .map(condition => (
              <Chip
                key={condition}
                size="small"
                variant="outlined"
                label={t(`slo.status.${condition}.label`)}
              />
            ))}
        </Box>
      </TableCell>
    </TableRow>
  );
}

const COLUMNS = [
  'service',
  'slo',
  'sli',
  'budget',
  'spent',
  'reasons',
] as const;

/** The SLOs of the team's services that burn, miss their objective or have spent their budget. */
export function SlosAgenda(props: {
  section: ReviewSlosSection;
  since: string;
}) {
  const { t, format } = useSreText();
  const { section } = props;
  const date = format.date(props.since);
  return (
    <AgendaSection
      id="review-slos"
      title={t('review.agenda.slos.title')}
      summary={t('review.agenda.slos.summary', {
        atRisk: format.number(section.atRisk.length),
        checked: format.number(section.checked),
      })}
      unavailable={section.unavailable}
      empty={
        section.atRisk.length === 0 &&
        t('review.agenda.slos.empty', {
          checked: format.number(section.checked),
        })
      }
    >
      <WholeWordTable size="small" aria-label={t('review.agenda.slos.label')}>
        <TableHead>
          <TableRow>
            {COLUMNS.map(column => (
              <TableCell key={column}>
                {t(`review.agenda.slos.columns.${column}`, { date })}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {section.atRisk.map(slo => (
            <SloAtRiskRow key={`${slo.entityRef}/${slo.sloId}`} slo={slo} />
          ))}
        </TableBody>
      </WholeWordTable>
    </AgendaSection>
  );
}
