import type { AccessCampaign } from '@baton/plugin-sre-common';
import { useSreText } from '../language';
import { localDay } from '../components/localDay';
import { SLO_COLORS } from '../slo/sloFormat';

/** The due date; an open campaign past it says it is overdue, in red. */
export function CampaignDue({ campaign }: { campaign: AccessCampaign }) {
  const { t, format } = useSreText();
  if (!campaign.dueDate) return <>{t('access.noDue')}</>;
  const date = format.date(campaign.dueDate);
  const overdue =
    campaign.state === 'open' && campaign.dueDate < localDay(Date.now());
  return overdue ? (
    <span style={{ color: SLO_COLORS.bad }}>
      {t('access.overdue', { date })}
    </span>
  ) : (
    <>{t('access.due', { date })}</>
  );
}
