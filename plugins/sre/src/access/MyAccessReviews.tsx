import {
  Content,
  EmptyState,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import type {
  AccessCampaign,
  AccessReviewItem,
} from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { useCallback, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { sreApiRef } from '../api/SreApi';
import { PeopleNames } from '../components/PeopleNames';
import { useSreText } from '../language';
import { accessCampaignRouteRef } from '../routes';
import { AccessItemsReview } from './AccessItemsReview';
import { AccessNav } from './AccessNav';
import { accessPeopleRefs } from './accessPeopleRefs';
import { reviewerProgress } from './accessRules';
import { CampaignDue } from './CampaignDue';
import { CampaignProgress } from './CampaignProgress';
import { useSignedInUser } from './useSignedInUser';

/** One campaign's items for the signed-in user, under its title, due date and their progress on their own items. */
function CampaignTasks(props: {
  campaignId: string;
  campaign?: AccessCampaign;
  items: AccessReviewItem[];
  userRef: string | undefined;
  onDecided(items: AccessReviewItem[]): void;
}) {
  const { campaignId, campaign, items } = props;
  const { t } = useSreText();
  const campaignLink = useRouteRef(accessCampaignRouteRef);
  const title = campaign?.title ?? campaignId;
  return (
    <Paper
      component="section"
      aria-label={t('access.tasks.campaignLabel', { title })}
    >
      <Box p={2}>
        <Box
          display="flex"
          justifyContent="space-between"
          alignItems="flex-start"
          flexWrap="wrap"
          style={{ gap: 16 }}
          mb={1}
        >
          <Box>
            <Typography variant="h6" component="h2">
              <Link to={campaignLink({ campaignId })}>{title}</Link>
            </Typography>
            {campaign && (
              <Typography variant="body2">
                <CampaignDue campaign={campaign} />
              </Typography>
            )}
          </Box>
          {campaign && (
            <Box width={280} maxWidth="100%">
              <Typography variant="caption" color="textSecondary">
                {t('access.progress.yours')}
              </Typography>
              <CampaignProgress
                progress={reviewerProgress(campaign.progress, props.userRef)}
              />
            </Box>
          )}
        </Box>
        <AccessItemsReview
          campaignId={campaignId}
          state="open"
          items={items}
          userRef={props.userRef}
          onDecided={props.onDecided}
        />
      </Box>
    </Paper>
  );
}

/**
 * The signed-in user's undecided items of open campaigns, by campaign. A
 * decided item leaves the list at once, and the campaigns are loaded again
 * for their progress.
 */
export function MyAccessReviews() {
  const sreApi = useApi(sreApiRef);
  const { t } = useSreText();
  const userRef = useSignedInUser();
  const tasks = useAsyncRetry(() => sreApi.getAccessTasks(), [sreApi]);
  const campaigns = useAsyncRetry(() => sreApi.listAccessCampaigns(), [sreApi]);
  const [decidedIds, setDecidedIds] = useState<ReadonlySet<string>>(new Set());
  const { retry: reloadCampaigns } = campaigns;
  const decided = useCallback(
    (items: AccessReviewItem[]) => {
      setDecidedIds(current => new Set([...current, ...items.map(i => i.id)]));
      reloadCampaigns();
    },
    [reloadCampaigns],
  );

  let content;
  const error = tasks.error ?? campaigns.error;
  if (error) {
    content = <ResponseErrorPanel error={error} />;
  } else if (!tasks.value || !campaigns.value) {
    content = <Progress />;
  } else {
    const open = tasks.value.filter(item => !decidedIds.has(item.id));
    const byCampaign = new Map<string, AccessReviewItem[]>();
    for (const item of open) {
      byCampaign.set(item.campaignId, [
        ...(byCampaign.get(item.campaignId) ?? []),
        item,
      ]);
    }
    const campaignsById = new Map(campaigns.value.map(c => [c.id, c]));
    const people = accessPeopleRefs({
      campaigns: campaigns.value,
      items: open,
    });
    content = byCampaign.size ? (
      <PeopleNames refs={people}>
        {[...byCampaign].map(([campaignId, items]) => (
          <Box key={campaignId} mb={3}>
            <CampaignTasks
              campaignId={campaignId}
              campaign={campaignsById.get(campaignId)}
              items={items}
              userRef={userRef}
              onDecided={decided}
            />
          </Box>
        ))}
      </PeopleNames>
    ) : (
      <EmptyState
        missing="data"
        title={t('access.tasks.emptyTitle')}
        description={t('access.tasks.emptyDescription')}
      />
    );
  }
  return (
    <Content>
      <AccessNav current="tasks" />
      <Box mb={2}>
        <Typography variant="body2" color="textSecondary">
          {t('access.tasks.intro')}
        </Typography>
      </Box>
      {content}
    </Content>
  );
}
