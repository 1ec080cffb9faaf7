import { useEntity } from '@backstage/plugin-catalog-react';
import { ANNOTATION_ALERT_SELECTOR } from '@baton/plugin-sre-common';
import { BatonCard } from '../components/BatonCard';

/** The entity's alerts since the team's last review, with noise flags and MTTA/MTTR. @public */
export function EntityAlertHistoryCard() {
  const { entity } = useEntity();
  const selector =
    entity.metadata.annotations?.[ANNOTATION_ALERT_SELECTOR] ??
    `service=${entity.metadata.name}`;
  return (
    <BatonCard
      title="Alert history"
      placeholder={{
        kind: 'no-data',
        title: 'No alerts recorded yet',
        description: `Alerts whose labels match ${selector} appear here once a webhook source sends them. Set ${ANNOTATION_ALERT_SELECTOR} to match other labels.`,
      }}
    />
  );
}
