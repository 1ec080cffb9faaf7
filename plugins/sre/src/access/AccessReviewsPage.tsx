import { Route, Routes, useParams } from 'react-router-dom';
import { AccessCampaignList } from './AccessCampaignList';
import { AccessCampaignPage } from './AccessCampaignPage';
import { MyAccessReviews } from './MyAccessReviews';

function CampaignRoute() {
  const { campaignId = '' } = useParams();
  return <AccessCampaignPage key={campaignId} campaignId={campaignId} />;
}

/**
 * The access-review page: the campaigns at its root, the signed-in user's
 * items at `tasks`, and a campaign at its id. @public
 */
export function AccessReviewsPage() {
  return (
    <Routes>
      <Route path="/" element={<AccessCampaignList />} />
      <Route path="/tasks" element={<MyAccessReviews />} />
      <Route path="/:campaignId" element={<CampaignRoute />} />
    </Routes>
  );
}
