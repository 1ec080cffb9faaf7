import { stringifyEntityRef } from '@backstage/catalog-model';
import { EmptyState } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_IAC,
  ANNOTATION_REPOS,
  ANNOTATION_TERRAFORM_WORKSPACES,
} from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import { useState } from 'react';
import { sreApiRef } from '../api/SreApi';
import { BatonCard, BatonCardPlaceholder } from '../components/BatonCard';
import { PeopleNames } from '../components/PeopleNames';
import { WhyExpander } from '../components/WhyExpander';
import { useSreText } from '../language';
import type { SreTranslate } from '../translation';
import { ChangeList } from './ChangeList';
import { changePeopleRefs } from './changeText';
import { changeRange, type ChangeRangeDays } from './changeRange';
import { ChangeRangeField } from './ChangeRangeField';
import { ChangeSummaryFigures } from './ChangeSummaryFigures';
import { ChangesWhy, RECORD_CHANGE_COMMAND } from './ChangesWhy';
import { hasChangeSource, isChangesAvailable } from './isChangesAvailable';
import { useChangesData } from './useChangesData';

/** The range the card opens with. */
const DEFAULT_DAYS: ChangeRangeDays = 30;

/** Nothing in the range: which annotation to add when no source can find the entity, else that none was recorded. */
function emptyText(
  t: SreTranslate,
  annotated: boolean,
  date: string,
): { title: string; description: string } {
  if (!annotated) {
    return {
      title: t('changes.card.notConfiguredTitle'),
      description: t('changes.card.notConfiguredDescription', {
        repos: ANNOTATION_REPOS,
        iac: ANNOTATION_IAC,
        workspaces: ANNOTATION_TERRAFORM_WORKSPACES,
        cli: RECORD_CHANGE_COMMAND,
      }),
    };
  }
  return {
    title: t('changes.card.emptyTitle', { date }),
    description: t('changes.card.emptyDescription', {
      cli: RECORD_CHANGE_COMMAND,
    }),
  };
}

/** The entity's production changes: who ran them, with whom, whether the procedure was reviewed, at what hour, and what followed. @public */
export function EntityChangesCard() {
  const { entity } = useEntity();
  const { t } = useSreText();
  if (!isChangesAvailable(entity)) {
    return (
      <BatonCard
        title={t('changes.card.title')}
        placeholder={{
          kind: 'no-data',
          title: t('changes.card.unsupportedTitle'),
          description: t('changes.card.unsupportedKind', { kind: entity.kind }),
        }}
      />
    );
  }
  const entityRef = stringifyEntityRef(entity);
  return (
    <ChangesCard
      key={entityRef}
      entityRef={entityRef}
      annotated={hasChangeSource(entity)}
    />
  );
}

function ChangesCard(props: { entityRef: string; annotated: boolean }) {
  const { entityRef, annotated } = props;
  const sreApi = useApi(sreApiRef);
  const { t, format } = useSreText();
  const [days, setDays] = useState<ChangeRangeDays>(DEFAULT_DAYS);
  const { shown, loading, error } = useChangesData(
    sreApi,
    `changes:${entityRef}:${days}`,
    () => sreApi.getEntityChanges(entityRef, changeRange(days)),
  );

  let placeholder: BatonCardPlaceholder | undefined;
  if (error) placeholder = { kind: 'error', error };
  else if (!shown) placeholder = { kind: 'loading' };
  const empty =
    shown &&
    !shown.items.length &&
    emptyText(t, annotated, format.date(shown.from));
  return (
    <BatonCard
      title={t('changes.card.title')}
      subheader={
        shown &&
        t('changes.card.subheader', {
          from: format.date(shown.from),
          to: format.date(shown.to),
        })
      }
      placeholder={placeholder}
    >
      {shown && (
        <>
          <ChangeRangeField days={days} onChange={setDays} />
          {loading && (
            <Box mb={1}>
              <LinearProgress />
            </Box>
          )}
          {empty ? (
            <EmptyState
              missing={annotated ? 'data' : 'field'}
              title={empty.title}
              description={empty.description}
            />
          ) : (
            <>
              <ChangeSummaryFigures summary={shown.summary} />
              <PeopleNames refs={changePeopleRefs(shown.items)}>
                <ChangeList
                  changes={shown.items}
                  label={t('changes.list.label')}
                />
              </PeopleNames>
              <WhyExpander
                showLabel={t('changes.why.show')}
                hideLabel={t('changes.why.hide')}
              >
                <ChangesWhy response={shown} />
              </WhyExpander>
            </>
          )}
        </>
      )}
    </BatonCard>
  );
}
