import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  isFiringSinceBefore,
  type ReviewAlertsSection,
} from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  AlertTableHead,
  NoiseChips,
  SeverityChip,
} from '../../alerts/AlertCells';
import { WholeWordTable } from '../../components/WholeWordTable';
import { useSreText } from '../../language';
import { AgendaSection } from './AgendaSection';

type ServiceAlerts = ReviewAlertsSection['services'][number];

const COLUMNS = ['started', 'alert', 'severity', 'status', 'noise'] as const;

/** One service's alerts, noisy ones first as the backend orders them; one still firing from before the agenda says so. */
function ServiceAlertList(props: { service: ServiceAlerts; since: string }) {
  const { service, since } = props;
  const { t, format } = useSreText();
  const hidden = service.count - service.alerts.length;
  return (
    <Box mb={2}>
      <Box display="flex" alignItems="baseline" flexWrap="wrap">
        <EntityRefLink entityRef={service.entityRef}>
          {service.title}
        </EntityRefLink>
        <Box ml={1}>
          <Typography variant="body2" color="textSecondary">
            {t('review.agenda.alerts.summary', {
              count: service.count,
              noisy: format.number(service.noisy),
            })}
          </Typography>
        </Box>
      </Box>
      <WholeWordTable
        size="small"
        aria-label={t('review.agenda.alerts.label', {
          service: service.title,
        })}
      >
        <AlertTableHead columns={COLUMNS} />
        <TableBody>
          {service.alerts.map(alert => (
            <TableRow key={alert.id}>
              <TableCell>{format.dateTime(alert.startsAt)}</TableCell>
              {/* Titles are the longest cell; without a floor they wrap a word a line. */}
              <TableCell style={{ minWidth: 200 }}>
                {alert.title}
                {isFiringSinceBefore(alert, since) && (
                  <Typography variant="caption" color="error" component="div">
                    {t('alerts.table.firingSinceBefore', {
                      date: format.date(alert.startsAt),
                    })}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                <SeverityChip severity={alert.severity} />
              </TableCell>
              <TableCell>{t(`alerts.status.${alert.status}`)}</TableCell>
              <TableCell>
                <NoiseChips noise={alert.noise} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </WholeWordTable>
      {hidden > 0 && (
        <Typography variant="caption" color="textSecondary">
          {t('review.agenda.alerts.more', { count: hidden })}
        </Typography>
      )}
    </Box>
  );
}

/** Alerts since the agenda's start, per service, the noisiest services first. */
export function AlertsAgenda(props: {
  section: ReviewAlertsSection;
  since: string;
}) {
  const { t, format } = useSreText();
  const { section } = props;
  return (
    <AgendaSection
      id="review-alerts"
      title={t('review.agenda.alerts.title')}
      summary={t('review.agenda.alerts.summary', {
        count: section.total,
        noisy: format.number(section.noisy),
      })}
      unavailable={section.unavailable}
      empty={
        section.services.length === 0 &&
        t('review.agenda.alerts.empty', { date: format.date(props.since) })
      }
    >
      {section.services.map(service => (
        <ServiceAlertList
          key={service.entityRef}
          service={service}
          since={props.since}
        />
      ))}
    </AgendaSection>
  );
}
