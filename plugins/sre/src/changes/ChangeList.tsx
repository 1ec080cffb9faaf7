import {
  actualPairs,
  actualReviewers,
  type ChangeItem,
} from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import { Fragment, type ReactNode } from 'react';
import { ExternalLink } from '../components/ExternalLink';
import { useSreText } from '../language';
import { ChangeChips } from './ChangeChips';
import { ChangePeopleList } from './ChangePersonName';

function Detail(props: { label: string; children: ReactNode }) {
  return (
    <Typography variant="body2" component="div">
      <Typography variant="body2" color="textSecondary" component="span">
        {props.label}:
      </Typography>{' '}
      {props.children}
    </Typography>
  );
}

/** The Terraform part of a change in one line: workspace, plan counts, apply time. */
function TerraformLine({ change }: { change: ChangeItem }) {
  const { t, format } = useSreText();
  const terraform = change.terraform;
  if (!terraform) return null;
  const parts: string[] = [
    t('changes.list.workspace', { workspace: terraform.workspace }),
  ];
  if (terraform.plan) {
    parts.push(
      t('changes.list.plan', {
        add: format.number(terraform.plan.add),
        change: format.number(terraform.plan.change),
        destroy: format.number(terraform.plan.destroy),
      }),
    );
  }
  if (terraform.applySeconds !== undefined) {
    parts.push(
      t('changes.list.applyTime', {
        duration: format.duration(terraform.applySeconds),
      }),
    );
  }
  return (
    <Typography variant="body2">
      {parts.join(t('common.partSeparator'))}
    </Typography>
  );
}

/** One change: what, when, the chips, who, the Terraform figures, the alerts after it and its links. */
function ChangeEntry({ change }: { change: ChangeItem }) {
  const { t, format } = useSreText();
  const meta = [
    t(`changes.kind.${change.kind}`),
    ...(change.environment
      ? [t('changes.list.environment', { environment: change.environment })]
      : []),
    t('changes.list.started', { date: format.dateTime(change.startedAt) }),
  ];
  return (
    <Box component="li" py={1} aria-label={change.title}>
      <Typography variant="subtitle2" component="div">
        {change.title}
      </Typography>
      <Typography variant="caption" color="textSecondary" component="div">
        {meta.join(' · ')}
      </Typography>
      <Box mt={0.5}>
        <ChangeChips change={change} />
      </Box>
      <Detail label={t('changes.list.operators')}>
        <ChangePeopleList people={change.operators} />
      </Detail>
      <Detail label={t('changes.list.pairs')}>
        <ChangePeopleList people={actualPairs(change)} />
      </Detail>
      {change.procedure && (
        <Detail label={t('changes.list.procedureReviewers')}>
          <ChangePeopleList people={actualReviewers(change)} /> (
          <ExternalLink href={change.procedure.url}>
            {t('changes.list.procedure')}
          </ExternalLink>
          )
        </Detail>
      )}
      <TerraformLine change={change} />
      {change.alertsAfter.length > 0 && (
        <Detail label={t('changes.list.alertsAfter')}>
          {change.alertsAfter
            .map(alert =>
              t('changes.list.alertAt', {
                title: alert.title,
                date: format.dateTime(alert.startsAt),
              }),
            )
            .join(t('common.partSeparator'))}
        </Detail>
      )}
      {change.links?.length ? (
        <Detail label={t('changes.list.links')}>
          {change.links.map((link, index) => (
            <Fragment key={link.url}>
              {index > 0 && ' · '}
              <ExternalLink href={link.url}>{link.title}</ExternalLink>
            </Fragment>
          ))}
        </Detail>
      ) : null}
    </Box>
  );
}

/** Changes as they come (the API sends them newest first), each with its chips and details. */
export function ChangeList(props: { changes: ChangeItem[]; label: string }) {
  return (
    <Box
      component="ul"
      p={0}
      m={0}
      aria-label={props.label}
      style={{ listStyle: 'none' }}
    >
      {props.changes.map((change, index) => (
        <Fragment key={change.id}>
          {index > 0 && <Divider component="li" aria-hidden />}
          <ChangeEntry change={change} />
        </Fragment>
      ))}
    </Box>
  );
}
