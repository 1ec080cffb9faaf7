import { isPreviousPeriodPartial } from '../cost/analysis';
import type { ChangeFinding, ChangePerson } from '../changes/types';
import type { Money } from '../cost/types';
import {
  budgetPercent,
  objectivePercent,
  percentText,
  sliPercent,
} from '../slo/percent';
import { SLO_STATUS_LABELS } from '../slo/status';
import type { Review, ReviewActionItem, ReviewAgenda } from './types';

/** Text from data (titles, names) as literal markdown: no accidental links, emphasis or HTML. */
function literal(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, character => `\\${character}`);
}

const day = (time: string) => time.slice(0, 10);
const minute = (time: string) => `${time.slice(0, 16).replace('T', ' ')} UTC`;
const percent = (fraction: number) =>
  `${(fraction * 100).toFixed(Math.abs(fraction) < 0.1 ? 1 : 0)}%`;
const money = (value: Money) =>
  `${value.amount.toLocaleString('en-US', {
    maximumFractionDigits: 2,
  })} ${value.currency}`;
/** As the SLO card words it: "12% of error budget left", "budget overspent by 1,246%". */
const budgetLeft = (remaining: number | null) => {
  if (remaining === null) return 'error budget unknown';
  if (remaining === 0) return 'error budget spent';
  const share = percentText(budgetPercent(Math.abs(remaining)));
  return remaining > 0
    ? `${share} of error budget left`
    : `budget overspent by ${share}`;
};
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const signed = (value: Money) =>
  `${value.amount > 0 ? '+' : ''}${money(value)}`;

function actionLine(
  item: ReviewActionItem,
  name: (ref: string) => string,
): string {
  const details = [
    item.ownerRef ? name(item.ownerRef) : 'unassigned',
    ...(item.due ? [`due ${item.due}`] : []),
    ...(item.status === 'dropped' ? ['dropped'] : []),
  ];
  const link = item.link ? ` (<${item.link.replace(/>/g, '%3E')}>)` : '';
  return `- [${item.status === 'open' ? ' ' : 'x'}] ${literal(
    item.title,
  )}: ${details.map(literal).join(', ')}${link}`;
}

/**
 * A review as a Markdown document: when, who, the notes as written, the
 * action items (raised here and carried over), and the agenda it looked at.
 * @public
 */
export function reviewMarkdown(input: {
  team: { ref: string; title: string };
  review: Review;
  /** The agenda the review looked at; null when it is not known. */
  agenda: ReviewAgenda | null;
  /** Open items of earlier reviews that this one carried over. */
  carriedOver?: ReviewActionItem[];
  /** Display names by user ref; refs without one are shown as refs. */
  names?: Record<string, string>;
}): string {
  const { review, agenda } = input;
  const name = (ref: string) => input.names?.[ref] ?? ref;
  const lines: string[] = [
    `# Reliability review: ${literal(input.team.title)}, ${day(
      review.startedAt,
    )}`,
    '',
    `- Since: ${minute(review.since)}`,
    `- Started: ${minute(review.startedAt)} by ${literal(
      name(review.startedBy),
    )}`,
    review.finishedAt
      ? `- Finished: ${minute(review.finishedAt)}${
          review.finishedBy ? ` by ${literal(name(review.finishedBy))}` : ''
        }`
      : '- In progress',
    `- Attendees: ${
      review.attendees.length
        ? review.attendees.map(ref => literal(name(ref))).join(', ')
        : 'none recorded'
    }`,
    '',
    '## Notes',
    '',
    review.notes.trim() || '_No notes._',
    '',
    '## Action items',
    '',
  ];
  const carried = input.carriedOver ?? [];
  if (!review.actionItems.length && !carried.length) {
    lines.push('_None._');
  }
  for (const item of review.actionItems) lines.push(actionLine(item, name));
  if (carried.length) {
    if (review.actionItems.length) lines.push('');
    lines.push('Carried over from earlier reviews:', '');
    for (const item of carried) lines.push(actionLine(item, name));
  }
  // A change's people: their User's name when known, else the identity the source sent.
  const personName = (person: ChangePerson) =>
    (person.userRef && input.names?.[person.userRef]) || person.value;
  if (agenda) lines.push('', ...agendaMarkdown(agenda, personName));
  return `${lines.join('\n')}\n`;
}

const CHANGE_FINDING_WORDS: Record<ChangeFinding, string> = {
  solo: 'solo',
  'unreviewed-procedure': 'procedure not reviewed',
  'off-hours': 'off-hours',
  'followed-by-alerts': 'followed by alerts',
};

function agendaMarkdown(
  agenda: ReviewAgenda,
  personName: (person: ChangePerson) => string,
): string[] {
  const lines = [
    `## Agenda: ${minute(agenda.since)} to ${minute(agenda.until)}`,
  ];
  const section = (title: string, unavailable?: { message: string }) => {
    lines.push('', `### ${title}`, '');
    if (unavailable) lines.push(`_${literal(unavailable.message)}_`);
    return !unavailable;
  };

  const { alerts, slos, cost, readiness, activity } = agenda;
  if (section('Alerts', alerts.unavailable)) {
    lines.push(`${count(alerts.total, 'alert')}, ${alerts.noisy} noisy.`);
    for (const service of alerts.services) {
      lines.push(
        `- ${literal(service.title)}: ${count(service.count, 'alert')}, ${
          service.noisy
        } noisy`,
      );
      for (const alert of service.alerts) {
        const flags = alert.noise.map(noise => noise.flag).join(', ');
        lines.push(
          `  - ${minute(alert.startsAt)} ${alert.severity}: ${literal(
            alert.title,
          )}${flags ? ` (${flags})` : ''}`,
        );
      }
    }
  }
  if (section('SLOs at risk', slos.unavailable)) {
    if (!slos.atRisk.length) {
      lines.push(`None of ${count(slos.checked, 'SLO')} is at risk.`);
    }
    for (const slo of slos.atRisk) {
      lines.push(
        `- ${literal(slo.title)} / ${literal(slo.name)}: ${
          SLO_STATUS_LABELS[slo.reasons[0]]
        }; SLI ${
          slo.sli === null
            ? 'n/a'
            : percentText(sliPercent(slo.sli, slo.objective))
        } (objective ${percentText(
          objectivePercent(slo.objective),
        )}), ${budgetLeft(slo.budgetRemaining)}${
          slo.reasons.length > 1
            ? `; also ${slo.reasons
                .slice(1)
                .map(reason => SLO_STATUS_LABELS[reason].toLowerCase())
                .join(', ')}`
            : ''
        }`,
      );
    }
  }
  if (section('Cost', cost.unavailable)) {
    if (cost.total && cost.changeAmount) {
      lines.push(
        `${money(cost.total)} from ${cost.from} to ${
          cost.to
        } (exclusive), ${signed(cost.changeAmount)}${
          cost.change === null ? '' : ` (${percent(cost.change)})`
        } vs the period before.${
          cost.coverage && isPreviousPeriodPartial(cost.coverage)
            ? ` The period before has data for ${cost.coverage.previousDays} of ${cost.coverage.periodDays} days.`
            : ''
        }`,
      );
    }
    for (const mover of cost.movers) {
      lines.push(
        `- ${literal(mover.title)}: ${money(mover.total)}, ${signed(
          mover.changeAmount,
        )}${mover.change === null ? '' : ` (${percent(mover.change)})`}`,
      );
    }
    for (const anomaly of cost.anomalies) {
      lines.push(
        `- Anomaly: ${literal(anomaly.title)} on ${anomaly.date}: ${money(
          anomaly.amount,
        )} (expected ${money(anomaly.expected)})`,
      );
    }
  }
  if (section('Readiness changes', readiness.unavailable)) {
    if (!readiness.changes.length) {
      lines.push(
        `No level changed among ${count(readiness.services, 'service')}.`,
      );
    }
    for (const change of readiness.changes) {
      lines.push(
        `- ${literal(change.title)}: ${change.before.level} (${
          change.before.score
        }) → ${change.after.level} (${change.after.score})`,
      );
    }
  }
  if (section('Access reviews', agenda.access.unavailable)) {
    for (const campaign of agenda.access.campaigns) {
      lines.push(
        `- ${literal(campaign.title)}: ${count(
          campaign.openItems,
          'open item',
        )}${campaign.dueDate ? `, due ${campaign.dueDate}` : ''}`,
      );
    }
  }
  const changes = agenda.changes;
  if (changes && section('Production changes', changes.unavailable)) {
    const { summary } = changes;
    lines.push(
      summary.total
        ? `${count(summary.total, 'change')}, ${
            summary.paired
          } paired (${percent(summary.pairedShare ?? 0)}), ${
            summary.solo
          } solo, ${summary.offHours} off-hours, ${
            summary.unreviewed
          } with an unreviewed procedure, ${
            summary.failed
          } failed or rolled back, ${
            summary.followedByAlerts
          } followed by alerts.`
        : 'No production change was recorded.',
    );
    for (const change of changes.notable) {
      const notes = [
        ...(change.outcome === 'succeeded' ? [] : [change.outcome]),
        ...change.findings.map(finding => CHANGE_FINDING_WORDS[finding]),
      ];
      lines.push(
        `- ${minute(change.startedAt)} ${change.kind}: ${literal(
          change.title,
        )} by ${change.operators
          .map(person => literal(personName(person)))
          .join(', ')}${notes.length ? ` (${notes.join(', ')})` : ''}`,
      );
      for (const alert of change.alertsAfter) {
        lines.push(
          `  - then ${minute(alert.startsAt)}: ${literal(alert.title)}`,
        );
      }
    }
    if (changes.moreNotable) {
      lines.push(`- and ${count(changes.moreNotable, 'more change')}`);
    }
  }
  const backupsDrills = agenda.backupsDrills;
  if (backupsDrills && section('Backups and drills')) {
    if (!backupsDrills.backupGaps.length) {
      lines.push('Every service’s backups check passes.');
    }
    for (const gap of backupsDrills.backupGaps) {
      lines.push(
        `- Backups of ${literal(gap.title)} (${gap.status}): ${literal(
          gap.reason,
        )}`,
      );
    }
    for (const runbook of backupsDrills.staleRunbooks ?? []) {
      lines.push(
        `- Stale runbook of ${literal(runbook.title)}: ${literal(
          runbook.reason,
        )}`,
      );
    }
    for (const drill of backupsDrills.drillsDone) {
      lines.push(
        `- Drill ${day(drill.performedAt!)} ${drill.scenario}: ${literal(
          drill.title,
        )}, ${drill.outcome ?? 'not recorded'}, with ${
          drill.participants
            .map(ref =>
              literal(personName({ kind: 'name', value: ref, userRef: ref })),
            )
            .join(', ') || 'nobody'
        }`,
      );
    }
    for (const due of backupsDrills.drillsDue) {
      lines.push(
        `- Due: ${due.scenario} drill of ${literal(due.entityRef)} (${
          due.lastPerformedAt
            ? `last ${day(due.lastPerformedAt)}`
            : 'never drilled'
        })`,
      );
    }
  }
  if (section('Activity')) {
    for (const member of activity.members) {
      const services = member.commits.map(c => literal(c.title)).join(', ');
      lines.push(
        `- ${literal(member.name)}: commits in ${
          services || 'no service'
        }; ${count(member.acknowledged, 'alert')} acknowledged${
          member.decisions === null
            ? ''
            : `; ${count(member.decisions, 'access decision')}`
        }`,
      );
    }
  }
  return lines;
}
