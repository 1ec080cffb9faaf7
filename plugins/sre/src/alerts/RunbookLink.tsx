import { isHttpUrl } from '@baton/plugin-sre-common';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { useSreText } from '../language';

/**
 * An alert's runbook: a link only when the same rule the backend stores by
 * (`isHttpUrl`) says it is http(s); anything else is shown as plain text, so
 * a `javascript:` runbook from an old or foreign row can never run.
 */
export function RunbookLink({ url }: { url?: string }) {
  const { t } = useSreText();
  if (!url) return null;
  if (!isHttpUrl(url)) {
    return (
      <Typography variant="caption" component="div" color="textSecondary">
        {t('alerts.table.runbook')}: {url}
      </Typography>
    );
  }
  return (
    <Link
      variant="caption"
      href={url}
      target="_blank"
      rel="noopener noreferrer"
    >
      {t('alerts.table.runbook')}
    </Link>
  );
}
