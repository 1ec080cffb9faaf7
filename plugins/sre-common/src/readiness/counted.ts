import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { ReadinessFacts } from './checks';
import { greedyTruckFactor } from './knowledge/truckFactor';
import type { ReadinessPolicy } from './policy';
import type { KnowledgeReport, ReadinessEvidencePerson } from './types';

const DAY = 86_400_000;

/**
 * The knowledge map as it counts at `now`: a holder whose last commit is
 * more than `days` old is marked `former` and the truck factor is recomputed
 * without them. People and author sets are kept as they are, so applying it
 * again (e.g. later in a leave simulation) gives the same answer for the same
 * `now`.
 * @public
 */
export function withFormerHolders(
  knowledge: KnowledgeReport,
  now: string,
  days: number,
): KnowledgeReport {
  if (knowledge.status !== 'ok') return knowledge;
  const since = Date.parse(now) - days * DAY;
  const people = knowledge.people.map(person => ({
    ...person,
    former: !person.lastCommitAt || Date.parse(person.lastCommitAt) < since,
  }));
  const marked = { ...knowledge, people, knowledgeHolderDays: days };
  const former = people.flatMap((person, index) =>
    person.former && person.files > 0 ? [index] : [],
  );
  // Without a former author (and not marked before, with another window or
  // at another time) nothing changes: keep the truck factor as computed.
  if (former.length === 0 && knowledge.knowledgeHolderDays === undefined) {
    return marked;
  }
  const removed = greedyTruckFactor({
    authorSets: knowledge.authorSets,
    fileCount: knowledge.fileCount,
    order: people.map((_, index) => index),
    absent: former,
  });
  return {
    ...marked,
    truckFactor: removed.length,
    truckFactorAuthors: removed.map(index => people[index]),
  };
}

/**
 * The facts as the checks count them: alert acknowledgements by the
 * entity's owners only (a passer-by acknowledging one alert is no cover),
 * and knowledge holders who committed within the policy's window.
 */
export function countedFacts(
  facts: ReadinessFacts,
  policy: ReadinessPolicy,
): ReadinessFacts {
  const owners = new Set(facts.owner.members);
  return {
    ...facts,
    knowledge:
      facts.knowledge &&
      withFormerHolders(
        facts.knowledge,
        facts.now,
        policy.thresholds.knowledgeHolderDays,
      ),
    alerts: facts.alerts && {
      ...facts.alerts,
      acknowledgements: Object.fromEntries(
        Object.entries(facts.alerts.acknowledgements).filter(([ref]) =>
          owners.has(ref),
        ),
      ),
    },
  };
}

/** The display name of a person or entity the facts mention; the ref when the catalog has none. */
export function nameIn(facts: ReadinessFacts, ref: string): string {
  return facts.names?.[ref] ?? ref;
}

/** A knowledge holder's catalog name when matched, else the name used in git. */
export function holderName(
  facts: ReadinessFacts,
  person: { userRef: string | null; name: string },
): string {
  return (person.userRef && facts.names?.[person.userRef]) || person.name;
}

/** A person the change facts name: their User's name, or the unmatched identity's value (`kind:value`). */
export function changePersonName(facts: ReadinessFacts, key: string): string {
  return key.startsWith('user:')
    ? nameIn(facts, key)
    : key.slice(key.indexOf(':') + 1);
}

/**
 * The reviewer a `baton.dev/runbook-reviewer` names: a User by ref
 * (`user:aiko`, `user:default/aiko`) or metadata.name, else the text as
 * written (with no User).
 */
export function reviewerOf(
  facts: ReadinessFacts,
  reviewer: string,
): ReadinessEvidencePerson {
  let ref = `user:default/${reviewer.toLocaleLowerCase('en')}`;
  if (reviewer.includes(':')) {
    try {
      ref = stringifyEntityRef(
        parseEntityRef(reviewer, {
          defaultKind: 'user',
          defaultNamespace: 'default',
        }),
      );
    } catch {
      return { userRef: null, name: reviewer };
    }
  }
  const name = facts.names?.[ref];
  return name ? { userRef: ref, name } : { userRef: null, name: reviewer };
}
