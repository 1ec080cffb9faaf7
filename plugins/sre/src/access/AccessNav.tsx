import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import { accessReviewsRouteRef, accessReviewTasksRouteRef } from '../routes';
import { useSreText } from '../language';

/** Links between the campaigns and the signed-in user's items; the page shown is not a link. */
export function AccessNav(props: {
  current: 'campaigns' | 'tasks' | 'campaign';
}) {
  const { t } = useSreText();
  const campaigns = useRouteRef(accessReviewsRouteRef);
  const tasks = useRouteRef(accessReviewTasksRouteRef);
  return (
    <Box
      component="nav"
      aria-label={t('access.nav.label')}
      display="flex"
      mb={2}
      style={{ gap: 24 }}
    >
      {props.current !== 'campaigns' && (
        <Link to={campaigns()}>{t('access.nav.campaigns')}</Link>
      )}
      {props.current !== 'tasks' && (
        <Link to={tasks()}>{t('access.nav.tasks')}</Link>
      )}
    </Box>
  );
}
