import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ANNOTATION_OPENSLO, SloResponse } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import { sreApiRef } from '../api/SreApi';
import { useCardData } from '../components/useCardData';
import { BatonCard, BatonCardPlaceholder } from '../components/BatonCard';
import { useSreText } from '../language';
import { SloProblems } from './SloProblems';
import { SloRow } from './SloRow';

/** Each SLO of the entity: objective, SLI, error budget and burn rates. @public */
export function EntitySloCard() {
  const { entity } = useEntity();
  const { t } = useSreText();
  const file = entity.metadata.annotations?.[ANNOTATION_OPENSLO];
  if (!file) {
    return (
      <BatonCard
        title={t('slo.card.title')}
        placeholder={{ kind: 'not-configured', annotation: ANNOTATION_OPENSLO }}
      />
    );
  }
  return <SloCard entityRef={stringifyEntityRef(entity)} file={file} />;
}

function SloCard({ entityRef, file }: { entityRef: string; file: string }) {
  const sreApi = useApi(sreApiRef);
  const { t } = useSreText();
  const { value, loading, error } = useCardData(
    sreApi,
    `slos:${entityRef}`,
    () => sreApi.getSlos(entityRef),
  );

  let placeholder: BatonCardPlaceholder | undefined;
  if (loading) placeholder = { kind: 'loading' };
  else if (error) placeholder = { kind: 'error', error };
  else if (value?.backfilling) {
    placeholder = {
      kind: 'no-data',
      title: t('slo.card.backfillingTitle'),
      description: t('slo.card.backfillingDescription', { file }),
    };
  } else if (value && !value.items.length && !value.problems.length) {
    placeholder = {
      kind: 'no-data',
      title: t('slo.card.noSlosTitle'),
      description: t('slo.card.noSlosDescription', {
        file,
        annotation: ANNOTATION_OPENSLO,
      }),
    };
  }
  return (
    <BatonCard
      title={t('slo.card.title')}
      subheader={t('slo.card.subheader', { file })}
      placeholder={placeholder}
    >
      {value && <SloList response={value} />}
    </BatonCard>
  );
}

function SloList({ response }: { response: SloResponse }) {
  const { t } = useSreText();
  return (
    <>
      {response.items.length > 0 && (
        <Box role="list" aria-label={t('slo.card.listLabel')}>
          {response.items.map(slo => (
            <Box role="listitem" key={slo.id}>
              <SloRow slo={slo} />
            </Box>
          ))}
        </Box>
      )}
      {response.problems.length > 0 && (
        <SloProblems problems={response.problems} />
      )}
    </>
  );
}
