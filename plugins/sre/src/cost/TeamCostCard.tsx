import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_COST_TAGS,
  type TeamCostReport,
} from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { sreApiRef } from '../api/SreApi';
import { BatonCard } from '../components/BatonCard';
import { WholeWordTable } from '../components/WholeWordTable';
import { useSreText } from '../language';
import { costPlaceholder, CostReloadState } from './costCardStates';
import { CostChange } from './CostChange';
import { CostControls } from './CostControls';
import { CostFigures } from './CostFigures';
import { formatMoney } from './costFormat';
import { useCostReport } from './useCostReport';

const COLUMNS = ['entity', 'total', 'change'] as const;

/** Each entity the team owns with its spend, largest first. */
function TeamCostEntities({ report }: { report: TeamCostReport }) {
  const { t, format } = useSreText();
  return (
    <Box mb={2}>
      <Typography variant="subtitle2">
        {t('cost.team.entitiesTitle')}
      </Typography>
      {report.entities.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {t('cost.team.noEntities')}
        </Typography>
      ) : (
        <WholeWordTable size="small" aria-label={t('cost.team.entitiesLabel')}>
          <TableHead>
            <TableRow>
              {COLUMNS.map(column => (
                <TableCell
                  key={column}
                  align={column === 'entity' ? 'left' : 'right'}
                >
                  {t(`cost.team.columns.${column}`)}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {report.entities.map(entity => (
              <TableRow key={entity.entityRef}>
                <TableCell>
                  <EntityRefLink
                    entityRef={entity.entityRef}
                    title={entity.title}
                  />
                </TableCell>
                <TableCell align="right">
                  {formatMoney(
                    format,
                    entity.total.amount,
                    entity.total.currency,
                  )}
                </TableCell>
                <TableCell align="right">
                  <CostChange
                    variant="text"
                    change={entity.change}
                    currency={entity.total.currency}
                    noSpendBefore={
                      // Nothing in either period is not new spend.
                      entity.total.amount === 0
                        ? t('cost.team.noSpend')
                        : t('cost.drivers.newSpend')
                    }
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </WholeWordTable>
      )}
    </Box>
  );
}

/** Spend no entity claims, and the team's share of it, kept out of the team's total. */
function TeamUnallocatedCost({ report }: { report: TeamCostReport }) {
  const { t, format } = useSreText();
  const { total, share, fraction } = report.unallocated;
  const percent = format.percent(fraction, fraction < 0.1 ? 1 : 0);
  return (
    <Box role="group" aria-label={t('cost.team.unallocatedTitle')}>
      <Typography variant="subtitle2">
        {t('cost.team.unallocatedTitle')}
      </Typography>
      <Typography variant="body2">
        {t('cost.team.unallocatedTotal', {
          total: formatMoney(format, total.amount, total.currency),
        })}
      </Typography>
      <Typography variant="body2">
        {t('cost.team.unallocatedShare', {
          share: formatMoney(format, share.amount, share.currency),
          fraction: percent,
        })}
      </Typography>
      <Typography variant="caption" color="textSecondary">
        {t('cost.team.unallocatedHelp', { fraction: percent })}
      </Typography>
    </Box>
  );
}

/** A team's spend over the entities it owns, each entity's part, and its share of unallocated spend; for Group pages. @public */
export function TeamCostCard() {
  const { entity } = useEntity();
  const { t } = useSreText();
  if (entity.kind.toLocaleLowerCase('en-US') !== 'group') {
    return (
      <BatonCard
        title={t('cost.team.title')}
        placeholder={{
          kind: 'no-data',
          title: t('cost.card.unsupportedTitle'),
          description: t('cost.team.notGroup', { kind: entity.kind }),
        }}
      />
    );
  }
  const groupRef = stringifyEntityRef(entity);
  return (
    <TeamCost
      key={groupRef}
      groupRef={groupRef}
      team={
        entity.metadata.title ??
        (entity.spec?.profile as { displayName?: string } | undefined)
          ?.displayName ??
        entity.metadata.name
      }
    />
  );
}

function TeamCost({ groupRef, team }: { groupRef: string; team: string }) {
  const sreApi = useApi(sreApiRef);
  const { t, format } = useSreText();
  const state = useCostReport(sreApi, `team:${groupRef}`, query =>
    sreApi.getTeamCosts(groupRef, query),
  );
  const { report } = state;
  const placeholder = costPlaceholder(t, state, loaded => ({
    title: t('cost.team.emptyTitle', { team }),
    description: t('cost.team.emptyDescription', {
      sources: format.list(loaded.sources),
      annotation: ANNOTATION_COST_TAGS,
    }),
  }));
  return (
    <BatonCard
      title={t('cost.team.title')}
      subheader={t('cost.team.subheader', { team })}
      placeholder={placeholder}
    >
      {report && !placeholder && (
        <>
          <CostControls
            selection={state.selection}
            onChange={state.select}
            currency={report.currency}
            currencies={report.currencies}
          />
          <CostReloadState loading={state.loading} error={state.error} />
          <CostFigures report={report} />
          <TeamCostEntities report={report} />
          <TeamUnallocatedCost report={report} />
        </>
      )}
    </BatonCard>
  );
}
