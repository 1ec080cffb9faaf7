import {
  Content,
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import type {
  AccessCampaignDetail,
  AccessReviewItem,
} from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { useCallback, useState } from 'react';
import { PeopleNames } from '../components/PeopleNames';
import { useSreText } from '../language';
import { AccessItemFilters } from './AccessItemFilters';
import { AccessItemsReview } from './AccessItemsReview';
import { AccessNav } from './AccessNav';
import { filterAccessItems, NO_FILTER } from './accessFilters';
import { isNotFound } from '../components/responseErrors';
import { accessPeopleRefs } from './accessPeopleRefs';
import { AuditLog } from './AuditLog';
import { CampaignHeader } from './CampaignHeader';
import { useAccessCampaign } from './useAccessCampaign';
import { useSignedInUser } from './useSignedInUser';

/** The items with their filters and the signed-in user's decisions. */
function CampaignItems(props: {
  detail: AccessCampaignDetail;
  userRef: string | undefined;
  onDecided(items: AccessReviewItem[]): void;
}) {
  const { detail, userRef, onDecided } = props;
  const { t } = useSreText();
  const [filter, setFilter] = useState(NO_FILTER);
  const shown = filterAccessItems(detail.items, filter, Date.now());
  let nothingShown;
  if (!detail.items.length) {
    nothingShown = t('access.items.empty');
  } else if (!shown.length) {
    nothingShown = t('access.items.noMatch');
  }
  return (
    <Paper>
      <Box p={2}>
        <Typography variant="h6" component="h3">
          {t('access.items.title')}
        </Typography>
        <AccessItemFilters
          filter={filter}
          onChange={setFilter}
          shown={shown.length}
          total={detail.items.length}
        />
        {nothingShown ? (
          <Typography variant="body2" color="textSecondary">
            {nothingShown}
          </Typography>
        ) : (
          <AccessItemsReview
            campaignId={detail.campaign.id}
            state={detail.campaign.state}
            items={shown}
            userRef={userRef}
            onDecided={onDecided}
          />
        )}
      </Box>
    </Paper>
  );
}

/**
 * One campaign: its header with progress, sign-off and evidence; the items
 * to decide, filtered; and the audit log. A signed-off campaign shows its
 * decisions read-only.
 */
export function AccessCampaignPage({ campaignId }: { campaignId: string }) {
  const { t } = useSreText();
  const userRef = useSignedInUser();
  const { detail, error, reload, applyDecided, replace } =
    useAccessCampaign(campaignId);
  const decided = useCallback(
    (items: AccessReviewItem[]) => {
      applyDecided(items);
      // The progress and the audit log change with every decision.
      reload();
    },
    [applyDecided, reload],
  );
  const changed = useCallback(
    (signed?: AccessCampaignDetail) => {
      if (signed) replace(signed);
      reload();
    },
    [replace, reload],
  );

  let content;
  if (error && isNotFound(error)) {
    content = (
      <EmptyState
        missing="info"
        title={t('access.campaign.notFoundTitle')}
        description={t('access.campaign.notFound', { id: campaignId })}
      />
    );
  } else if (error) {
    content = <ResponseErrorPanel error={error} />;
  } else if (!detail) {
    content = <Progress />;
  } else {
    content = (
      <PeopleNames
        refs={accessPeopleRefs({
          campaigns: [detail.campaign],
          items: detail.items,
          audit: detail.audit,
        })}
      >
        <Box mb={3}>
          <CampaignHeader detail={detail} onChanged={changed} />
        </Box>
        <Box mb={3}>
          <CampaignItems
            detail={detail}
            userRef={userRef}
            onDecided={decided}
          />
        </Box>
        <AuditLog entries={detail.audit} />
      </PeopleNames>
    );
  }
  return (
    <Content>
      <AccessNav current="campaign" />
      {content}
    </Content>
  );
}
