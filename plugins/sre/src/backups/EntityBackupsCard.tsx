import { stringifyEntityRef } from '@backstage/catalog-model';
import { EmptyState } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_BACKUP_RESOURCES,
  ANNOTATION_BACKUP_SELECTOR,
  type EntityBackupsResponse,
} from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';
import { sreApiRef } from '../api/SreApi';
import { BatonCard, BatonCardPlaceholder } from '../components/BatonCard';
import { useCardData } from '../components/useCardData';
import { WhyExpander } from '../components/WhyExpander';
import { useSreText } from '../language';
import { BackupResourceList } from './BackupResourceList';
import { BACKUPS_ANCHOR } from './backupsAnchor';
import { isBackupsAvailable } from './isBackupsAvailable';

/** The module that gives Baton backup evidence; the not-set-up state names it. */
const AWS_BACKUP_MODULE = '@baton/plugin-sre-backend-module-aws-backup';

/**
 * The entity's protected resources (databases, buckets, tables): the last
 * backup, the last copy to another region and to another account with its
 * destination, failing copies and the last restore test. @public
 */
export function EntityBackupsCard() {
  const { entity } = useEntity();
  const { t } = useSreText();
  const anchor = useScrolledToAnchor();
  let card;
  if (!isBackupsAvailable(entity)) {
    card = (
      <BatonCard
        title={t('backups.card.title')}
        placeholder={{
          kind: 'no-data',
          title: t('backups.card.unsupportedTitle'),
          description: t('backups.card.unsupportedKind', { kind: entity.kind }),
        }}
      />
    );
  } else {
    const entityRef = stringifyEntityRef(entity);
    card = <BackupsCard key={entityRef} entityRef={entityRef} />;
  }
  return (
    <div id={BACKUPS_ANCHOR} ref={anchor}>
      {card}
    </div>
  );
}

/** Scrolls the card into view when the page's address names it, e.g. from the Ready for leave card's link. */
function useScrolledToAnchor() {
  const { hash } = useLocation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (hash === `#${BACKUPS_ANCHOR}`) {
      ref.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
    }
  }, [hash]);
  return ref;
}

function BackupsCard({ entityRef }: { entityRef: string }) {
  const sreApi = useApi(sreApiRef);
  const { t, format } = useSreText();
  const { value, loading, error } = useCardData(
    sreApi,
    `backups:${entityRef}`,
    () => sreApi.getBackups(entityRef),
  );
  let placeholder: BatonCardPlaceholder | undefined;
  if (loading) placeholder = { kind: 'loading' };
  else if (error) placeholder = { kind: 'error', error };
  return (
    <BatonCard
      title={t('backups.card.title')}
      subheader={
        value?.collected
          ? t('backups.card.subheader', {
              days: format.number(value.copyMaxAgeDays),
              selector: value.selector,
            })
          : undefined
      }
      placeholder={placeholder}
    >
      {value && <BackupsView response={value} />}
    </BatonCard>
  );
}

function BackupsView({ response }: { response: EntityBackupsResponse }) {
  const { t } = useSreText();
  const annotations = {
    selector: response.selector,
    selectorAnnotation: ANNOTATION_BACKUP_SELECTOR,
    resourcesAnnotation: ANNOTATION_BACKUP_RESOURCES,
  };
  if (!response.collected) {
    return (
      <EmptyState
        missing="field"
        title={t('backups.card.notConfiguredTitle')}
        description={t('backups.card.notConfiguredDescription', {
          module: AWS_BACKUP_MODULE,
          ...annotations,
        })}
      />
    );
  }
  if (!response.items.length) {
    return (
      <EmptyState
        missing="data"
        title={t('backups.card.emptyTitle')}
        description={t('backups.card.emptyDescription', annotations)}
      />
    );
  }
  return (
    <>
      <BackupResourceList
        entityRef={response.entityRef}
        resources={response.items}
        days={response.copyMaxAgeDays}
      />
      <WhyExpander
        showLabel={t('backups.why.show')}
        hideLabel={t('backups.why.hide')}
      >
        <BackupsWhy response={response} />
      </WhyExpander>
    </>
  );
}

/** How the chips are decided, with the window the backend applied. */
function BackupsWhy({ response }: { response: EntityBackupsResponse }) {
  const { t, format } = useSreText();
  return (
    <Box>
      <Typography variant="body2" paragraph>
        {t('backups.why.rule', {
          days: format.number(response.copyMaxAgeDays),
        })}
      </Typography>
      <Typography variant="body2" paragraph>
        {t('backups.why.failing')}
      </Typography>
      <Typography variant="body2" paragraph>
        {t('backups.why.restore')}
      </Typography>
      <Typography variant="body2">
        {t('backups.why.selector', {
          selector: response.selector,
          resourcesAnnotation: ANNOTATION_BACKUP_RESOURCES,
        })}
      </Typography>
    </Box>
  );
}
