import { MarkdownContent } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { Drill } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { Fragment, ReactNode, useState } from 'react';
import { sreApiRef } from '../api/SreApi';
import { usePersonName } from '../components/PeopleNames';
import { useSreText } from '../language';
import { SLO_COLORS } from '../slo/sloFormat';
import { ActionItemForm } from '../review/ActionItemForm';
import { ActionItemDetails, ActionItemTitle } from '../review/ActionItems';
import { drillChangeError } from './drillChangeError';
import type { DrillTeam } from './DrillDialog';

const OUTCOME_COLORS = {
  succeeded: SLO_COLORS.good,
  'partly-succeeded': SLO_COLORS.warning,
  failed: SLO_COLORS.bad,
} as const;

/** A labelled line of a drill, e.g. "Took part: Farid Haddad". */
function Fact(props: { label: string; children: ReactNode }) {
  return (
    <Box display="flex" flexWrap="wrap" mt={0.5} style={{ columnGap: 8 }}>
      <Typography variant="body2" color="textSecondary" component="span">
        {props.label}
      </Typography>
      <Typography variant="body2" component="div" style={{ minWidth: 0 }}>
        {props.children}
      </Typography>
    </Box>
  );
}

/** One drill: scenario, when, services, who took part, how it went, what went wrong and its action items. */
function DrillEntry(props: {
  groupRef: string;
  drill: Drill;
  team: DrillTeam;
  onRecord(drill: Drill): void;
  onChanged(): void;
}) {
  const { groupRef, drill, team, onRecord, onChanged } = props;
  const sreApi = useApi(sreApiRef);
  const { t, format } = useSreText();
  const name = usePersonName();
  const [adding, setAdding] = useState(false);
  const serviceTitle = (ref: string) =>
    team.services.find(service => service.entityRef === ref)?.title;
  let when: string = t('drills.list.plannedNoDay');
  if (drill.performedAt) {
    when = t('drills.list.performed', {
      date: format.dateTime(drill.performedAt),
    });
  } else if (drill.plannedFor) {
    when = t('drills.list.planned', { date: format.date(drill.plannedFor) });
  }
  return (
    <ListItem divider alignItems="flex-start" component="li">
      <ListItemText
        disableTypography
        primary={
          <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
            <Typography variant="subtitle1" component="h3">
              {drill.title}
            </Typography>
            <Chip
              size="small"
              variant="outlined"
              label={t(`drills.scenario.${drill.scenario}`)}
            />
            {drill.outcome && (
              <Chip
                size="small"
                label={t(`drills.outcome.${drill.outcome}`)}
                style={{
                  backgroundColor: OUTCOME_COLORS[drill.outcome],
                  color: '#fff',
                }}
              />
            )}
          </Box>
        }
        secondary={
          <Box mt={0.5}>
            <Typography variant="body2">{when}</Typography>
            <Fact label={t('drills.list.services')}>
              {drill.entityRefs.map((ref, index) => (
                <Fragment key={ref}>
                  {index > 0 && ', '}
                  <EntityRefLink entityRef={ref}>
                    {serviceTitle(ref)}
                  </EntityRefLink>
                </Fragment>
              ))}
            </Fact>
            {drill.performedAt && (
              <>
                <Fact label={t('drills.list.participants')}>
                  {format.list(drill.participants.map(name))}
                </Fact>
                {drill.recoveryMinutes !== null && (
                  <Fact label={t('drills.list.recovery')}>
                    {format.duration(drill.recoveryMinutes * 60)}
                  </Fact>
                )}
                {drill.notes.trim() ? (
                  // Markdown paragraphs go under their label, not beside it.
                  <Box mt={0.5}>
                    <Typography
                      variant="body2"
                      color="textSecondary"
                      component="span"
                    >
                      {t('drills.list.notes')}
                    </Typography>
                    <MarkdownContent content={drill.notes} dialect="gfm" />
                  </Box>
                ) : (
                  <Fact label={t('drills.list.notes')}>
                    {t('drills.list.noNotes')}
                  </Fact>
                )}
              </>
            )}
            <Fact label={t('drills.list.actions')}>
              {drill.actionItems.length ? (
                <List
                  dense
                  disablePadding
                  aria-label={t('drills.list.actions')}
                >
                  {drill.actionItems.map(item => (
                    <ListItem key={item.id} disableGutters>
                      <ListItemText
                        primary={<ActionItemTitle item={item} />}
                        secondary={
                          <>
                            <ActionItemDetails item={item} />
                            {item.status !== 'open' &&
                              `${t('common.partSeparator')}${t(
                                `review.actions.status.${item.status}`,
                              )}`}
                          </>
                        }
                      />
                    </ListItem>
                  ))}
                </List>
              ) : (
                t('drills.list.noActions')
              )}
            </Fact>
            <Box mt={1} display="flex" flexWrap="wrap" style={{ gap: 8 }}>
              {!drill.performedAt && (
                <Button
                  size="small"
                  variant="outlined"
                  color="primary"
                  aria-label={t('drills.list.recordLabel', {
                    title: drill.title,
                  })}
                  onClick={() => onRecord(drill)}
                >
                  {t('drills.list.record')}
                </Button>
              )}
              <Button
                size="small"
                aria-label={
                  adding
                    ? undefined
                    : t('drills.list.addActionLabel', { title: drill.title })
                }
                onClick={() => setAdding(open => !open)}
              >
                {adding
                  ? t('drills.list.hideAction')
                  : t('drills.list.addAction')}
              </Button>
            </Box>
            {adding && (
              <ActionItemForm
                title={t('drills.list.actionFormTitle')}
                members={team.members}
                add={input => sreApi.addDrillAction(groupRef, drill.id, input)}
                describeError={error => drillChangeError(t, error)}
                onAdded={() => {
                  setAdding(false);
                  onChanged();
                }}
              />
            )}
          </Box>
        }
      />
    </ListItem>
  );
}

/** The team's drills, newest first. */
export function DrillList(props: {
  groupRef: string;
  drills: Drill[];
  team: DrillTeam;
  onRecord(drill: Drill): void;
  onChanged(): void;
}) {
  const { t } = useSreText();
  return (
    <Paper>
      <Box p={2}>
        <Typography variant="h6" component="h2">
          {t('drills.list.title')}
        </Typography>
        <List aria-label={t('drills.list.label')}>
          {props.drills.map(drill => (
            <DrillEntry
              key={drill.id}
              groupRef={props.groupRef}
              drill={drill}
              team={props.team}
              onRecord={props.onRecord}
              onChanged={props.onChanged}
            />
          ))}
        </List>
      </Box>
    </Paper>
  );
}
