import type { ReviewAccessSection } from '@baton/plugin-sre-common';
import { useSreText } from '../../language';
import { AgendaNote, AgendaSection } from './AgendaSection';

/** Open access-review items of the team's members (access reviews are not built yet: the backend says so). */
export function AccessAgenda({ section }: { section: ReviewAccessSection }) {
  const { t } = useSreText();
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
    </AgendaSection>
  );
}
