import type { AlertSummary } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { useSreText } from '../language';
import { userName } from './alertText';
import { SummaryFigure as Figure } from '../components/SummaryFigure';

/** Count, noisy alerts with the cry-wolf score, MTTA, MTTR and who carries the on-call load. */
export function AlertSummaryFigures({ summary }: { summary: AlertSummary }) {
  const { t, format } = useSreText();
  const duration = (seconds: number | null) =>
    seconds === null
      ? t('alerts.summary.notApplicable')
      : format.duration(seconds);
  return (
    <Box mb={2}>
      <Box
        display="flex"
        flexWrap="wrap"
        role="group"
        aria-label={t('alerts.summary.label')}
      >
        <Figure label={t('alerts.summary.count')}>
          {format.number(summary.count)}
        </Figure>
        <Figure
          label={t('alerts.summary.noisy')}
          help={t('alerts.summary.noisyHelp')}
        >
          {summary.cryWolfScore === null
            ? format.number(summary.noisy)
            : t('alerts.summary.noisyValue', {
                noisy: format.number(summary.noisy),
                score: format.percent(summary.cryWolfScore),
              })}
        </Figure>
        <Figure
          label={t('alerts.summary.mtta')}
          help={t('alerts.summary.mttaHelp')}
        >
          {duration(summary.mttaSeconds)}
        </Figure>
        <Figure
          label={t('alerts.summary.mttr')}
          help={t('alerts.summary.mttrHelp')}
        >
          {duration(summary.mttrSeconds)}
        </Figure>
      </Box>
      <Typography variant="overline" color="textSecondary" component="div">
        {t('alerts.summary.responders')}
      </Typography>
      {summary.responders.length ? (
        <Box
          display="flex"
          flexWrap="wrap"
          role="list"
          aria-label={t('alerts.summary.respondersLabel')}
        >
          {summary.responders.map(responder => (
            <Box role="listitem" key={responder.userRef} mr={1} mb={0.5}>
              <Tooltip
                title={t('alerts.summary.responderCount', {
                  count: responder.count,
                })}
              >
                <Chip
                  size="small"
                  label={t('alerts.summary.responderShare', {
                    name: responder.name ?? userName(responder.userRef),
                    share: format.percent(responder.share),
                  })}
                />
              </Tooltip>
            </Box>
          ))}
        </Box>
      ) : (
        <Typography variant="body2" color="textSecondary">
          {t('alerts.summary.noResponders')}
        </Typography>
      )}
    </Box>
  );
}
