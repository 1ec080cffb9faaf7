import type { ChangeSummary } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import { SummaryFigure as Figure } from '../components/SummaryFigure';
import { useSreText } from '../language';

/** The range's counts: changes, the pairing rate, off-hours, unreviewed, followed by alerts, failed. */
export function ChangeSummaryFigures({ summary }: { summary: ChangeSummary }) {
  const { t, format } = useSreText();
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      mb={1}
      role="group"
      aria-label={t('changes.summary.label')}
    >
      <Figure label={t('changes.summary.total')}>
        {format.number(summary.total)}
      </Figure>
      <Figure
        label={t('changes.summary.paired')}
        help={t('changes.summary.pairedHelp')}
      >
        {summary.pairedShare === null
          ? t('changes.summary.notApplicable')
          : t('changes.summary.pairedValue', {
              share: format.percent(summary.pairedShare),
              paired: format.number(summary.paired),
              total: format.number(summary.total),
            })}
      </Figure>
      <Figure
        label={t('changes.summary.offHours')}
        help={t('changes.summary.offHoursHelp')}
      >
        {format.number(summary.offHours)}
      </Figure>
      <Figure
        label={t('changes.summary.unreviewed')}
        help={t('changes.summary.unreviewedHelp')}
      >
        {format.number(summary.unreviewed)}
      </Figure>
      <Figure
        label={t('changes.summary.followedByAlerts')}
        help={t('changes.summary.followedByAlertsHelp')}
      >
        {format.number(summary.followedByAlerts)}
      </Figure>
      <Figure
        label={t('changes.summary.failed')}
        help={t('changes.summary.failedHelp')}
      >
        {format.number(summary.failed)}
      </Figure>
    </Box>
  );
}
