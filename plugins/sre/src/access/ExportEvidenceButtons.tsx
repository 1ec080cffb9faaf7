import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { sreApiRef } from '../api/SreApi';
import { useSreText } from '../language';
import { errorMessage } from '../components/responseErrors';
import { downloadFile } from '../components/download';

/** Downloads the backend's evidence file, CSV or JSON; each download is logged, so the campaign is loaded again after. */
export function ExportEvidenceButtons(props: {
  campaignId: string;
  onExported(): void;
}) {
  const { campaignId, onExported } = props;
  const sreApi = useApi(sreApiRef);
  const { t } = useSreText();
  const [exported, exportEvidence] = useAsyncFn(
    async (format: 'csv' | 'json') => {
      const body = await sreApi.getAccessEvidence(campaignId, format);
      // Saved as the backend wrote it.
      downloadFile(
        [body],
        `access-review-${campaignId}-evidence.${format}`,
        format === 'csv'
          ? 'text/csv;charset=utf-8'
          : 'application/json;charset=utf-8',
      );
      onExported();
    },
    [sreApi, campaignId, onExported],
  );
  return (
    <>
      <Button
        variant="outlined"
        disabled={exported.loading}
        onClick={() => exportEvidence('csv')}
      >
        {t('access.campaign.exportCsv')}
      </Button>
      <Button
        variant="outlined"
        disabled={exported.loading}
        onClick={() => exportEvidence('json')}
      >
        {t('access.campaign.exportJson')}
      </Button>
      {exported.error && (
        <Box mt={1} width="100%">
          <Alert severity="error">
            {t('access.campaign.exportFailed', {
              error: errorMessage(exported.error),
            })}
          </Alert>
        </Box>
      )}
    </>
  );
}
