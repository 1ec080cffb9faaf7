import type { ReviewAccessSection } from '@baton/plugin-sre-common';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import { useSreText } from '../../language';
import { AgendaNote, AgendaSection } from './AgendaSection';
import { WrappingListItemText } from '../../components/WrappingListItemText';

/** Undecided access-review items that the team's members review, per open campaign. */
export function AccessAgenda({ section }: { section: ReviewAccessSection }) {
  const { t, format } = useSreText();
  return (
    <AgendaSection
      id="review-access"
      title={t('review.agenda.access.title')}
      summary={t('review.agenda.access.summary', { count: section.openItems })}
      unavailable={section.unavailable}
    >
      <AgendaNote>
        {t('review.agenda.access.open', { count: section.openItems })}
      </AgendaNote>
      <List dense aria-label={t('review.agenda.access.title')}>
        {section.campaigns.map(campaign => (
          <ListItem key={campaign.id}>
            <WrappingListItemText
              primary={
                campaign.dueDate
                  ? t('review.agenda.access.campaignDue', {
                      title: campaign.title,
                      count: campaign.openItems,
                      date: format.date(campaign.dueDate),
                    })
                  : t('review.agenda.access.campaign', {
                      title: campaign.title,
                      count: campaign.openItems,
                    })
              }
            />
          </ListItem>
        ))}
      </List>
    </AgendaSection>
  );
}
