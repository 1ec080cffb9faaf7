import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_REPOS,
  ANNOTATION_SOURCE_LOCATION,
} from '@baton/plugin-sre-common';
import useAsync from 'react-use/esm/useAsync';
import { sreApiRef } from '../api/SreApi';
import { BatonCard, BatonCardPlaceholder } from '../components/BatonCard';
import { KnowledgeView } from './KnowledgeView';

/** Whether the entity names the repositories its knowledge lives in. @public */
export const isReadyForLeaveAvailable = (entity: Entity): boolean =>
  Boolean(
    entity.metadata.annotations?.[ANNOTATION_REPOS] ??
      entity.metadata.annotations?.[ANNOTATION_SOURCE_LOCATION],
  );

const TITLE = 'Ready for leave';

/** The "ready for leave" card: truck factor and who holds the knowledge. @public */
export function EntityReadyForLeaveCard() {
  const { entity } = useEntity();
  if (!isReadyForLeaveAvailable(entity)) {
    return (
      <BatonCard
        title={TITLE}
        placeholder={{ kind: 'not-configured', annotation: ANNOTATION_REPOS }}
      />
    );
  }
  return <KnowledgeCard entityRef={stringifyEntityRef(entity)} />;
}

function KnowledgeCard({ entityRef }: { entityRef: string }) {
  const sreApi = useApi(sreApiRef);
  const { value, loading, error } = useAsync(
    () => sreApi.getKnowledge(entityRef),
    [sreApi, entityRef],
  );
  let placeholder: BatonCardPlaceholder | undefined;
  if (loading) {
    placeholder = { kind: 'loading' };
  } else if (error instanceof ResponseError && error.statusCode === 404) {
    placeholder = {
      kind: 'no-data',
      title: 'Not scored yet',
      description:
        'The truck factor and who holds the knowledge appear here once the backend has read the repository history (it does so on a schedule).',
    };
  } else if (error) {
    placeholder = { kind: 'error', error };
  }
  return (
    <BatonCard
      title={TITLE}
      subheader="Truck factor and who holds the knowledge"
      placeholder={placeholder}
    >
      {value && <KnowledgeView report={value} />}
    </BatonCard>
  );
}
