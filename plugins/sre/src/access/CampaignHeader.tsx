import type { AccessCampaignDetail } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { usePersonName } from '../components/PeopleNames';
import { useWriteConfirmation } from '../components/useWriteConfirmation';
import { useSreText } from '../language';
import { entityRefName } from '../components/entityRefName';
import { CampaignDue } from './CampaignDue';
import { CampaignProgress, ReviewerProgress } from './CampaignProgress';
import { CampaignStateChip } from './CampaignStateChip';
import { ExportEvidenceButtons } from './ExportEvidenceButtons';
import { SignOffDialog } from './SignOffDialog';

/** Sources that failed when the campaign started: their Resources hold no items. */
function FailedSources({ detail }: { detail: AccessCampaignDetail }) {
  const { t } = useSreText();
  const failed = detail.campaign.resources.filter(resource => resource.error);
  return (
    <>
      {failed.map(resource => (
        <Box key={resource.resourceRef} mt={1}>
          <Alert severity="warning">
            {t('access.campaign.sourceFailed', {
              resource: entityRefName(resource.resourceRef, 'resource'),
              source: resource.source,
              error: resource.error ?? '',
            })}
          </Alert>
        </Box>
      ))}
    </>
  );
}

/**
 * The campaign's title, state, dates and progress (overall and per
 * reviewer); sign-off while it is open, and the evidence exports.
 */
export function CampaignHeader(props: {
  detail: AccessCampaignDetail;
  onChanged(detail?: AccessCampaignDetail): void;
}) {
  const { detail, onChanged } = props;
  const { campaign } = detail;
  const { t, format } = useSreText();
  const name = usePersonName();
  const confirm = useWriteConfirmation();
  const [signingOff, setSigningOff] = useState(false);
  return (
    <Paper>
      <Box p={2}>
        <Box
          display="flex"
          alignItems="center"
          flexWrap="wrap"
          style={{ gap: 12 }}
        >
          <Typography variant="h5" component="h2">
            {campaign.title}
          </Typography>
          <CampaignStateChip state={campaign.state} />
        </Box>
        <Typography variant="body1">
          <CampaignDue campaign={campaign} />
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {t('access.campaign.started', {
            at: format.date(campaign.createdAt),
            by: name(campaign.createdBy),
          })}
          {t('common.partSeparator')}
          {t('access.campaign.frozen', {
            at: format.date(campaign.frozenAt),
          })}
        </Typography>
        {campaign.closedAt && (
          <Box mt={1}>
            <Alert severity="success">
              {t('access.campaign.signedOff', {
                at: format.date(campaign.closedAt),
                by: name(campaign.closedBy ?? ''),
              })}
              {t('common.partSeparator')}
              {t('access.campaign.readOnly')}
            </Alert>
          </Box>
        )}
        <FailedSources detail={detail} />
        <Box mt={2} maxWidth={480}>
          <CampaignProgress progress={campaign.progress} />
        </Box>
        <ReviewerProgress progress={campaign.progress} />
        <Box mt={2} display="flex" flexWrap="wrap" style={{ gap: 8 }}>
          {campaign.state === 'open' && (
            <Button
              variant="contained"
              color="primary"
              onClick={() => setSigningOff(true)}
            >
              {t('access.campaign.signOff')}
            </Button>
          )}
          <ExportEvidenceButtons
            campaignId={campaign.id}
            onExported={() => onChanged()}
          />
        </Box>
        {signingOff && (
          <SignOffDialog
            campaignId={campaign.id}
            undecided={campaign.progress.total - campaign.progress.decided}
            onClose={() => setSigningOff(false)}
            onSignedOff={signed => {
              setSigningOff(false);
              confirm(t('access.signOff.done', { title: campaign.title }));
              onChanged(signed);
            }}
          />
        )}
      </Box>
    </Paper>
  );
}
