import type { ReviewChangesSection } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import { ChangeList } from '../../changes/ChangeList';
import { ChangeSummaryFigures } from '../../changes/ChangeSummaryFigures';
import { useSreText } from '../../language';
import { AgendaNote, AgendaSection } from './AgendaSection';

/** Production changes since the review: the counts, then the changes to talk about with their chips. */
export function ChangesAgenda({ section }: { section: ReviewChangesSection }) {
  const { t, format } = useSreText();
  const { summary } = section;
  return (
    <AgendaSection
      id="review-changes"
      title={t('review.agenda.changes.title')}
      summary={t('review.agenda.changes.summary', {
        count: summary.total,
        percent: format.percent(summary.pairedShare ?? 0),
      })}
      unavailable={section.unavailable}
      empty={summary.total === 0 && t('review.agenda.changes.empty')}
    >
      <Box width="100%">
        <ChangeSummaryFigures summary={summary} />
        {section.notable.length ? (
          <ChangeList
            changes={section.notable}
            label={t('review.agenda.changes.notable')}
          />
        ) : (
          <AgendaNote>{t('review.agenda.changes.noneNotable')}</AgendaNote>
        )}
        {section.moreNotable > 0 && (
          <AgendaNote>
            {t('review.agenda.changes.more', { count: section.moreNotable })}
          </AgendaNote>
        )}
      </Box>
    </AgendaSection>
  );
}
