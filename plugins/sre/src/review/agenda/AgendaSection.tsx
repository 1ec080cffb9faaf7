import type { ReviewSectionUnavailable } from '@baton/plugin-sre-common';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import type { ReactNode } from 'react';
import { useSreText } from '../../language';
import { unavailableText } from '../reviewText';

/** A line of text in place of a section's content. */
export function AgendaNote({ children }: { children: ReactNode }) {
  return (
    <Typography variant="body2" color="textSecondary">
      {children}
    </Typography>
  );
}

/**
 * One area of the agenda, expanded at first. The header carries a summary
 * (a count), so that a collapsed section still tells something; a section
 * the backend could not fill says why, an empty one says so.
 */
export function AgendaSection(props: {
  id: string;
  title: string;
  summary: string;
  unavailable?: ReviewSectionUnavailable;
  /** What to show instead of the content when there is nothing; false when there is something. */
  empty?: string | false;
  children?: ReactNode;
}) {
  const { t } = useSreText();
  const { id, title, unavailable, empty, children } = props;
  let content = children;
  if (unavailable) {
    content = <AgendaNote>{unavailableText(t, unavailable)}</AgendaNote>;
  } else if (empty) {
    content = <AgendaNote>{empty}</AgendaNote>;
  }
  return (
    <Accordion defaultExpanded>
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        id={`${id}-header`}
        aria-controls={`${id}-content`}
      >
        <Box display="flex" alignItems="baseline" flexWrap="wrap">
          <Typography variant="subtitle1" style={{ fontWeight: 500 }}>
            {title}
          </Typography>
          <Box ml={2}>
            <Typography variant="body2" color="textSecondary">
              {unavailable ? t('review.agenda.notAvailable') : props.summary}
            </Typography>
          </Box>
        </Box>
      </AccordionSummary>
      <AccordionDetails>
        <Box width="100%" overflow="auto">
          {content}
        </Box>
      </AccordionDetails>
    </Accordion>
  );
}
