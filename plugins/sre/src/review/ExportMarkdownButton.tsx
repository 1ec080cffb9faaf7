import { useApi } from '@backstage/core-plugin-api';
import type { ReviewSummary } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { sreApiRef } from '../api/SreApi';
import { useSreText } from '../language';
import { errorMessage } from '../components/responseErrors';
import { downloadFile } from '../components/download';
import { reviewFileName } from './reviewFileName';

/** Downloads the backend's Markdown export of a review as `review-<team>-<YYYY-MM-DD>.md`. */
export function ExportMarkdownButton(props: {
  groupRef: string;
  review: Pick<ReviewSummary, 'id' | 'startedAt'>;
}) {
  const { groupRef, review } = props;
  const sreApi = useApi(sreApiRef);
  const { t } = useSreText();
  const [exported, exportReview] = useAsyncFn(async () => {
    const markdown = await sreApi.getReviewMarkdown(groupRef, review.id);
    downloadFile(
      [markdown],
      reviewFileName(groupRef, review.startedAt),
      'text/markdown;charset=utf-8',
    );
  }, [sreApi, groupRef, review.id, review.startedAt]);
  return (
    <>
      <Button
        variant="outlined"
        disabled={exported.loading}
        onClick={() => exportReview()}
      >
        {t('review.header.exportMarkdown')}
      </Button>
      {exported.error && (
        <Box mt={1} width="100%">
          <Alert severity="error">
            {t('review.header.exportFailed', {
              error: errorMessage(exported.error),
            })}
          </Alert>
        </Box>
      )}
    </>
  );
}
