import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { ReviewActivitySection } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import { WholeWordTable } from '../../components/WholeWordTable';
import { useSreText } from '../../language';
import { AgendaSection } from './AgendaSection';

type MemberActivity = ReviewActivitySection['members'][number];

const COLUMNS = ['member', 'commits', 'acknowledged', 'decisions'] as const;

/** The services a member committed to, each linking to its page. */
function Commits({ member }: { member: MemberActivity }) {
  const { t, format } = useSreText();
  if (!member.commits.length) return <>—</>;
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
      {member.commits.map(commit => (
        <Tooltip
          key={commit.entityRef}
          title={t('review.agenda.activity.lastCommit', {
            date: format.date(commit.lastCommitAt),
          })}
        >
          <EntityRefLink entityRef={commit.entityRef}>
            {commit.title}
          </EntityRefLink>
        </Tooltip>
      ))}
    </Box>
  );
}

/** What each member did since the agenda's start, from what Baton stores. */
export function ActivityAgenda({
  section,
}: {
  section: ReviewActivitySection;
}) {
  const { t, format } = useSreText();
  return (
    <AgendaSection
      id="review-activity"
      title={t('review.agenda.activity.title')}
      summary={t('review.agenda.activity.summary', {
        count: section.members.length,
      })}
      empty={section.members.length === 0 && t('review.agenda.activity.empty')}
    >
      <WholeWordTable
        size="small"
        aria-label={t('review.agenda.activity.label')}
      >
        <TableHead>
          <TableRow>
            {COLUMNS.map(column => (
              <TableCell
                key={column}
                align={
                  column === 'member' || column === 'commits' ? 'left' : 'right'
                }
              >
                {t(`review.agenda.activity.columns.${column}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {section.members.map(member => (
            <TableRow key={member.userRef}>
              <TableCell>
                <EntityRefLink entityRef={member.userRef}>
                  {member.name}
                </EntityRefLink>
              </TableCell>
              <TableCell>
                <Commits member={member} />
              </TableCell>
              <TableCell align="right">
                {format.number(member.acknowledged)}
              </TableCell>
              <TableCell align="right">
                {member.decisions === null
                  ? '—'
                  : format.number(member.decisions)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </WholeWordTable>
    </AgendaSection>
  );
}
