import type { AccessProgress } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { usePersonName } from '../components/PeopleNames';
import { useSreText } from '../language';

/** "3 of 12 decided" over a bar of the same share. */
export function CampaignProgress({ progress }: { progress: AccessProgress }) {
  const { t, format } = useSreText();
  const text = t('access.progress.decided', {
    decided: format.number(progress.decided),
    total: format.number(progress.total),
  });
  return (
    <Box minWidth={160}>
      <Typography variant="body2">{text}</Typography>
      <LinearProgress
        variant="determinate"
        value={progress.total ? (100 * progress.decided) / progress.total : 0}
        aria-label={t('access.progress.label')}
        aria-valuetext={text}
      />
    </Box>
  );
}

/** Each reviewer's share: the items they may decide and how many of those are decided. */
export function ReviewerProgress({ progress }: { progress: AccessProgress }) {
  const { t, format } = useSreText();
  const name = usePersonName();
  if (!progress.byReviewer.length) return null;
  return (
    <Box mt={1}>
      <Typography variant="subtitle2">
        {t('access.progress.byReviewer')}
      </Typography>
      <Box
        component="ul"
        aria-label={t('access.progress.byReviewer')}
        display="flex"
        flexWrap="wrap"
        m={0}
        p={0}
        style={{ listStyle: 'none', gap: 16 }}
      >
        {progress.byReviewer.map(reviewer => (
          <Typography key={reviewer.userRef} component="li" variant="body2">
            {t('access.progress.reviewer', {
              name: name(reviewer.userRef),
              decided: format.number(reviewer.decided),
              total: format.number(reviewer.total),
            })}
          </Typography>
        ))}
      </Box>
    </Box>
  );
}
