import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ANNOTATION_COST_TAGS } from '@baton/plugin-sre-common';
import type { ReactNode } from 'react';
import { sreApiRef } from '../api/SreApi';
import { BatonCard } from '../components/BatonCard';
import { WhyExpander } from '../components/WhyExpander';
import { useSreText } from '../language';
import { costPlaceholder, CostReloadState } from './costCardStates';
import { CostChart } from './CostChart';
import { CostControls } from './CostControls';
import { CostDrivers } from './CostDrivers';
import { CostFigures } from './CostFigures';
import { CostWhy } from './CostWhy';
import { isCostAvailable } from './isCostAvailable';
import { useCostReport } from './useCostReport';

const costTags = (entity: Entity) =>
  entity.metadata.annotations?.[ANNOTATION_COST_TAGS]?.trim();

/** The entity's spend, its change vs the previous period, drivers, anomalies and forecast. @public */
export function EntityCostCard() {
  const { entity } = useEntity();
  const { t } = useSreText();
  const tags = costTags(entity);
  if (!isCostAvailable(entity)) {
    return (
      <BatonCard
        title={t('cost.card.title')}
        placeholder={{
          kind: 'no-data',
          title: t('cost.card.unsupportedTitle'),
          description: t('cost.card.unsupportedKind', { kind: entity.kind }),
        }}
      />
    );
  }
  const entityRef = stringifyEntityRef(entity);
  return (
    <CostCard
      key={entityRef}
      entityRef={entityRef}
      tags={tags ?? `service=${entity.metadata.name}`}
      annotated={Boolean(tags)}
    />
  );
}

function CostCard(props: {
  entityRef: string;
  /** The tags the backend allocates by, as the entity says; the report's own rule wins once loaded. */
  tags: string;
  annotated: boolean;
}) {
  const { entityRef, annotated } = props;
  const sreApi = useApi(sreApiRef);
  const { t, format } = useSreText();
  const state = useCostReport(sreApi, entityRef, query =>
    sreApi.getCosts(entityRef, query),
  );
  const { report } = state;
  const tags = report?.allocation || props.tags;
  const placeholder = costPlaceholder(t, state, loaded => ({
    title: t('cost.card.emptyTitle', { tags }),
    description: t('cost.card.emptyDescription', {
      tags,
      sources: format.list(loaded.sources),
      annotation: ANNOTATION_COST_TAGS,
    }),
  }));
  let content: ReactNode;
  if (report && !placeholder) {
    content = (
      <>
        <CostControls
          selection={state.selection}
          onChange={state.select}
          currency={report.currency}
          currencies={report.currencies}
          granularity
        />
        <CostReloadState loading={state.loading} error={state.error} />
        <CostFigures report={report} />
        <CostChart report={report} />
        <CostDrivers report={report} />
        <WhyExpander
          showLabel={t('cost.why.show')}
          hideLabel={t('cost.why.hide')}
        >
          <CostWhy report={report} annotated={annotated} />
        </WhyExpander>
      </>
    );
  }
  return (
    <BatonCard
      title={t('cost.card.title')}
      subheader={t('cost.card.subheader', { tags })}
      placeholder={placeholder}
    >
      {content}
    </BatonCard>
  );
}
