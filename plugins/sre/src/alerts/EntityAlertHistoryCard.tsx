import { useEntity } from '@backstage/plugin-catalog-react';
import { ANNOTATION_ALERT_SELECTOR } from '@baton/plugin-sre-common';
import { BatonCard } from '../components/BatonCard';
import { useSreText } from '../language';

/** The entity's alerts since the team's last review, with noise flags and MTTA/MTTR. @public */
export function EntityAlertHistoryCard() {
  const { entity } = useEntity();
  const { t } = useSreText();
  const selector =
    entity.metadata.annotations?.[ANNOTATION_ALERT_SELECTOR] ??
    `service=${entity.metadata.name}`;
  return (
    <BatonCard
      title={t('alerts.card.title')}
      placeholder={{
        kind: 'no-data',
        title: t('alerts.card.noDataTitle'),
        description: t('alerts.card.noDataDescription', {
          selector,
          annotation: ANNOTATION_ALERT_SELECTOR,
        }),
      }}
    />
  );
}
