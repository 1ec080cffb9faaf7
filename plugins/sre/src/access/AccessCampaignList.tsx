import {
  Content,
  EmptyState,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  ANNOTATION_ACCESS_SOURCE,
  type AccessCampaign,
} from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Paper from '@material-ui/core/Paper';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { sreApiRef } from '../api/SreApi';
import { PeopleNames, usePersonName } from '../components/PeopleNames';
import { WholeWordTable } from '../components/WholeWordTable';
import { useSreText } from '../language';
import { accessCampaignRouteRef } from '../routes';
import { AccessNav } from './AccessNav';
import { accessPeopleRefs } from './accessPeopleRefs';
import { CampaignDue } from './CampaignDue';
import { CampaignProgress } from './CampaignProgress';
import { CampaignStateChip } from './CampaignStateChip';
import { StartCampaignDialog } from './StartCampaignDialog';

function CampaignTable({ campaigns }: { campaigns: AccessCampaign[] }) {
  const { t, format } = useSreText();
  const name = usePersonName();
  const campaignLink = useRouteRef(accessCampaignRouteRef);
  return (
    <Paper>
      <WholeWordTable aria-label={t('access.list.label')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('access.list.columns.title')}</TableCell>
            <TableCell>{t('access.list.columns.state')}</TableCell>
            <TableCell>{t('access.list.columns.due')}</TableCell>
            <TableCell>{t('access.list.columns.progress')}</TableCell>
            <TableCell>{t('access.list.columns.created')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {campaigns.map(campaign => (
            <TableRow key={campaign.id}>
              <TableCell>
                <Link to={campaignLink({ campaignId: campaign.id })}>
                  {campaign.title}
                </Link>
              </TableCell>
              <TableCell>
                <CampaignStateChip state={campaign.state} />
              </TableCell>
              <TableCell>
                <CampaignDue campaign={campaign} />
              </TableCell>
              <TableCell>
                <CampaignProgress progress={campaign.progress} />
              </TableCell>
              <TableCell>
                {t('access.list.created', {
                  at: format.date(campaign.createdAt),
                  by: name(campaign.createdBy),
                })}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </WholeWordTable>
    </Paper>
  );
}

/** The campaigns with their progress, and a way to start one. */
export function AccessCampaignList() {
  const sreApi = useApi(sreApiRef);
  const { t } = useSreText();
  const navigate = useNavigate();
  const campaignLink = useRouteRef(accessCampaignRouteRef);
  const [starting, setStarting] = useState(false);
  const { value: campaigns, error } = useAsync(
    () => sreApi.listAccessCampaigns(),
    [sreApi],
  );
  const startButton = (
    <Button
      variant="contained"
      color="primary"
      onClick={() => setStarting(true)}
    >
      {t('access.list.start')}
    </Button>
  );

  let content;
  if (error) {
    content = <ResponseErrorPanel error={error} />;
  } else if (!campaigns) {
    content = <Progress />;
  } else if (!campaigns.length) {
    content = (
      <EmptyState
        missing="data"
        title={t('access.list.emptyTitle')}
        description={t('access.list.emptyDescription', {
          annotation: ANNOTATION_ACCESS_SOURCE,
        })}
        action={startButton}
      />
    );
  } else {
    content = (
      <>
        <Box mb={2}>{startButton}</Box>
        <PeopleNames refs={accessPeopleRefs({ campaigns })}>
          <CampaignTable campaigns={campaigns} />
        </PeopleNames>
      </>
    );
  }
  return (
    <Content>
      <AccessNav current="campaigns" />
      <Box mb={2}>
        <Typography variant="body2" color="textSecondary">
          {t('access.list.intro', { annotation: ANNOTATION_ACCESS_SOURCE })}
        </Typography>
      </Box>
      {content}
      {starting && (
        <StartCampaignDialog
          onClose={() => setStarting(false)}
          onStarted={detail =>
            navigate(campaignLink({ campaignId: detail.campaign.id }))
          }
        />
      )}
    </Content>
  );
}
