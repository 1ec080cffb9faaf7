import { parseEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  EntityRefLink,
  entityRouteRef,
  useEntityPresentation,
} from '@backstage/plugin-catalog-react';
import type {
  ReadinessBackupEvidence,
  ReadinessCopyDestination,
  ReadinessDrillEvidence,
  ReadinessEvidence,
  ReadinessEvidencePerson,
  ReadinessRunbookEvidence,
} from '@baton/plugin-sre-common';
import Typography from '@material-ui/core/Typography';
import { useCallback, type ReactNode } from 'react';
import { restoreText } from '../backups/backupStatus';
import { ExternalLink } from '../components/ExternalLink';
import { principalName } from '../components/PeopleNames';
import { useSreText } from '../language';
import type { SreTranslate } from '../translation';

/** The href of a team's Drills tab on its group page, where its drills are planned and recorded. */
export function useTeamDrillsHref(): (teamRef: string) => string {
  const entityRoute = useRouteRef(entityRouteRef);
  return useCallback(
    (teamRef: string) => {
      const team = parseEntityRef(teamRef, { defaultKind: 'group' });
      return `${entityRoute({
        kind: team.kind.toLocaleLowerCase('en'),
        namespace: team.namespace,
        name: team.name,
      })}/drills`;
    },
    [entityRoute],
  );
}

/** A person's name as the backend found it; a ref the catalog has no name for, read as a person would say it. */
const shownName = (t: SreTranslate, person: ReadinessEvidencePerson) =>
  person.userRef && person.name === person.userRef
    ? principalName(t, person.userRef)
    : person.name;

/** A labelled line of evidence, e.g. "Copy to another region: Dec 3, 2026 to …". */
function Line(props: { label?: string; children: ReactNode }) {
  return (
    <Typography component="span" variant="caption" display="block">
      {props.label && (
        <Typography component="span" variant="caption" color="textSecondary">
          {props.label}:{' '}
        </Typography>
      )}
      {props.children}
    </Typography>
  );
}

/** "via <the Resource>", the whole phrase a link to it: the evidence comes through a Resource the entity depends on. */
function Via({ entityRef }: { entityRef: string }) {
  const { t } = useSreText();
  const { primaryTitle } = useEntityPresentation(entityRef);
  return (
    <EntityRefLink entityRef={entityRef}>
      {t('readiness.evidence.via', { resource: primaryTitle })}
    </EntityRefLink>
  );
}

/** The item's name, then where it comes through when not the entity itself. */
function Heading(props: { children: ReactNode; viaEntityRef?: string }) {
  return (
    <Typography component="span" variant="body2" display="block">
      {props.children}
      {props.viaEntityRef && (
        <>
          {' · '}
          <Via entityRef={props.viaEntityRef} />
        </>
      )}
    </Typography>
  );
}

function BackupResource({ item }: { item: ReadinessBackupEvidence }) {
  const { t, format } = useSreText();
  const copy = (at: string | null, to?: ReadinessCopyDestination) => {
    if (!at) return t('backups.list.noCopy');
    if (!to) return format.date(at);
    return t('backups.list.copyTo', {
      date: format.date(at),
      destination: t('backups.list.destination', {
        region: to.region,
        account: to.accountId,
      }),
    });
  };
  return (
    <>
      <Heading viaEntityRef={item.viaEntityRef}>{item.name}</Heading>
      <Line label={t('backups.list.crossRegion')}>
        {copy(item.crossRegionCopyAt, item.crossRegionCopyTo)}
      </Line>
      <Line label={t('backups.list.crossAccount')}>
        {copy(item.crossAccountCopyAt, item.crossAccountCopyTo)}
      </Line>
      {item.failedCopyAt && (
        <Line label={t('backups.list.failingCopy')}>
          {copy(item.failedCopyAt, item.failedCopyTo)}
        </Line>
      )}
      <Line label={t('backups.list.lastRestore')}>
        {restoreText(t, format.date, item.lastRestore)}
      </Line>
    </>
  );
}

function Drill({
  item,
  ownerRef,
}: {
  item: ReadinessDrillEvidence;
  ownerRef?: string;
}) {
  const { t, format } = useSreText();
  const drillsHref = useTeamDrillsHref();
  const teamRef = item.teamRef ?? ownerRef;
  const name = item.title ?? t(`drills.scenario.${item.scenario}` as never);
  return (
    <>
      <Heading viaEntityRef={item.viaEntityRef}>
        {teamRef ? <Link to={drillsHref(teamRef)}>{name}</Link> : name}
      </Heading>
      <Line>
        {t('readiness.evidence.drill', {
          scenario: t(`drills.scenario.${item.scenario}` as never),
          date: format.date(item.at),
          outcome: t(`drills.outcome.${item.outcome}` as never),
        })}
      </Line>
      <Line label={t('drills.list.participants')}>
        {format.list(item.participants.map(person => shownName(t, person)))}
      </Line>
    </>
  );
}

function Runbook({ item }: { item: ReadinessRunbookEvidence }) {
  const { t, format } = useSreText();
  const people = format.list(
    item.lastChangedBy.map(person => shownName(t, person)),
  );
  let kept: string;
  if (item.lastChangedAt) {
    kept = t(
      people
        ? 'readiness.evidence.runbookChanged'
        : 'readiness.evidence.runbookChangedNoPeople',
      { date: format.date(item.lastChangedAt), people },
    );
  } else if (item.reviewedAt) {
    kept = t(
      item.reviewer
        ? 'readiness.evidence.runbookReviewed'
        : 'readiness.evidence.runbookReviewedNoReviewer',
      {
        date: format.date(item.reviewedAt),
        reviewer: item.reviewer ? shownName(t, item.reviewer) : '',
      },
    );
  } else if (item.path) {
    kept = t('readiness.evidence.runbookNotInRepository');
  } else {
    kept = t('readiness.evidence.runbookUndated');
  }
  return (
    <>
      <Heading>
        <ExternalLink href={item.url}>{item.path ?? item.url}</ExternalLink>
      </Heading>
      <Line>{kept}</Line>
    </>
  );
}

function evidenceKey(item: ReadinessEvidence, index: number): string {
  if (item.kind === 'backup-resource') return `backup ${item.name}`;
  if (item.kind === 'drill') return `drill ${item.drillId ?? index}`;
  return `runbook ${item.url}`;
}

/**
 * The records behind a check, under its reason: each protected resource's
 * copies and last restore, the drills with who took part, the runbook's last
 * change or review, each with its link.
 */
export function CheckEvidence(props: {
  evidence: ReadinessEvidence[];
  /** The entity's owning team, whose Drills tab a drill links to when it names no team. */
  ownerRef?: string;
}) {
  const { t } = useSreText();
  return (
    <ul
      aria-label={t('readiness.evidence.label')}
      style={{ margin: '4px 0 0', paddingLeft: 16 }}
    >
      {props.evidence.map((item, index) => (
        <li key={evidenceKey(item, index)} style={{ marginBottom: 4 }}>
          {item.kind === 'backup-resource' && <BackupResource item={item} />}
          {item.kind === 'drill' && (
            <Drill item={item} ownerRef={props.ownerRef} />
          )}
          {item.kind === 'runbook' && <Runbook item={item} />}
        </li>
      ))}
    </ul>
  );
}
