import type {
  ChangeItem,
  ChangePerson,
  WorkingHours,
} from '@baton/plugin-sre-common';
import { dateTimeFormat, type Formats } from '../language';

/** 2024-01-01 was a Monday: ISO weekday n is this day plus n - 1. */
const A_MONDAY = Date.UTC(2024, 0, 1);

/** ISO weekdays (1 Monday … 7 Sunday) named in the language, runs of three or more as a span, e.g. "Mon–Fri". */
export function weekdaysText(format: Formats, days: number[]): string {
  const name = (day: number) =>
    dateTimeFormat(format.language, {
      weekday: 'short',
      timeZone: 'UTC',
    }).format(A_MONDAY + (day - 1) * 86_400_000);
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const day of sorted) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === day - 1) run.push(day);
    else runs.push([day]);
  }
  return format.list(
    runs.flatMap(run =>
      run.length >= 3
        ? [`${name(run[0])}–${name(run[run.length - 1])}`]
        : run.map(name),
    ),
  );
}

/** The working hours' days and times as the "Why?" writes them. */
export function workingHoursParams(format: Formats, hours: WorkingHours) {
  return {
    days: weekdaysText(format, hours.days),
    start: hours.start,
    end: hours.end,
    timeZone: hours.timeZone,
  };
}

/** How the source named a person, e.g. `github-login: farid-k`. */
export const identityText = (person: Pick<ChangePerson, 'kind' | 'value'>) =>
  `${person.kind}: ${person.value}`;

/** The catalog Users among the changes' people, for PeopleNames to name. */
export const changePeopleRefs = (changes: ChangeItem[]): string[] =>
  changes.flatMap(change =>
    [
      ...change.operators,
      ...change.pairs,
      ...(change.procedure?.reviewers ?? []),
    ].flatMap(person => (person.userRef ? [person.userRef] : [])),
  );
