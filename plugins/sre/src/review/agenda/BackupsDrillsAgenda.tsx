import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { ReviewBackupsDrillsSection } from '@baton/plugin-sre-common';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';
import { useSreText } from '../../language';
import { reasonText } from '../../readiness/readinessText';
import { AgendaNote, AgendaSection } from './AgendaSection';
import { WrappingListItemText } from '../../components/WrappingListItemText';

/** One list of the section under its title, or a note when it is empty. */
function TitledList(props: {
  title: string;
  none: string;
  items: Array<{ key: string; primary: ReactNode; secondary: string }>;
}) {
  return (
    <>
      <Typography variant="subtitle2">{props.title}</Typography>
      {props.items.length ? (
        <List dense aria-label={props.title}>
          {props.items.map(item => (
            <ListItem key={item.key}>
              <WrappingListItemText
                primary={item.primary}
                secondary={item.secondary}
              />
            </ListItem>
          ))}
        </List>
      ) : (
        <AgendaNote>{props.none}</AgendaNote>
      )}
    </>
  );
}

/** Backups whose check does not pass, drills done since the review, and drills due. */
export function BackupsDrillsAgenda({
  section,
}: {
  section: ReviewBackupsDrillsSection;
}) {
  const { t, format } = useSreText();
  const { backupGaps, drillsDone, drillsDue } = section;
  const scenario = (id: string) => t(`drills.scenario.${id}` as never);
  return (
    <AgendaSection
      id="review-backups-drills"
      title={t('review.agenda.backupsDrills.title')}
      summary={t('review.agenda.backupsDrills.summary', {
        gaps: format.number(backupGaps.length),
        done: format.number(drillsDone.length),
        due: format.number(drillsDue.length),
      })}
    >
      <TitledList
        title={t('review.agenda.backupsDrills.gaps')}
        none={t('review.agenda.backupsDrills.noGaps')}
        items={backupGaps.map(gap => ({
          key: gap.entityRef,
          primary: (
            <EntityRefLink entityRef={gap.entityRef}>{gap.title}</EntityRefLink>
          ),
          secondary: reasonText(t, format, gap),
        }))}
      />
      <TitledList
        title={t('review.agenda.backupsDrills.staleRunbooks')}
        none={t('review.agenda.backupsDrills.noStaleRunbooks')}
        items={(section.staleRunbooks ?? []).map(stale => ({
          key: stale.entityRef,
          primary: (
            <EntityRefLink entityRef={stale.entityRef}>
              {stale.title}
            </EntityRefLink>
          ),
          secondary: reasonText(t, format, stale),
        }))}
      />
      <TitledList
        title={t('review.agenda.backupsDrills.done')}
        none={t('review.agenda.backupsDrills.noneDone')}
        items={drillsDone.map(drill => ({
          key: drill.id,
          primary: drill.title,
          secondary: t('review.agenda.backupsDrills.drill', {
            date: format.date(drill.performedAt!),
            scenario: scenario(drill.scenario),
            count: drill.participants.length,
          }),
        }))}
      />
      <TitledList
        title={t('review.agenda.backupsDrills.due')}
        none={t('review.agenda.backupsDrills.noneDue')}
        items={drillsDue.map(due => ({
          key: `${due.entityRef} ${due.scenario}`,
          primary: <EntityRefLink entityRef={due.entityRef} />,
          secondary: due.lastPerformedAt
            ? t('review.agenda.backupsDrills.dueSince', {
                scenario: scenario(due.scenario),
                date: format.date(due.lastPerformedAt),
              })
            : t('review.agenda.backupsDrills.neverDrilled', {
                scenario: scenario(due.scenario),
              }),
        }))}
      />
    </AgendaSection>
  );
}
