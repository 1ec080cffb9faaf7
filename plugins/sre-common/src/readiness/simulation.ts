import { stringifyEntityRef } from '@backstage/catalog-model';
import { greedyTruckFactor } from './knowledge/truckFactor';
import { ReadinessFacts, restorePractitioners } from './checks';
import { changePersonName, countedFacts, nameIn } from './counted';
import type { ReadinessPolicy } from './policy';
import { evaluateReadiness, READINESS_LEVELS } from './score';
import type { CheckFlip, KnowledgeReport, ReadinessReport } from './types';

const withoutKeys = (
  counts: Record<string, number>,
  absent: ReadonlySet<string>,
) =>
  Object.fromEntries(
    Object.entries(counts).filter(([ref]) => !absent.has(ref)),
  );

/** The facts as they would be with some people away, at the end of an absence of `days`. @public */
export function factsWithout(
  facts: ReadinessFacts,
  absent: ReadonlySet<string>,
  days = 0,
): ReadinessFacts {
  const without = (refs: string[]) => refs.filter(ref => !absent.has(ref));
  return {
    ...facts,
    // Deadlines (drills, reviews, recent commits) keep running while people are away.
    now: new Date(Date.parse(facts.now) + days * 86_400_000).toISOString(),
    owner: { ...facts.owner, members: without(facts.owner.members) },
    knowledge: facts.knowledge && knowledgeWithout(facts.knowledge, absent),
    alerts: facts.alerts && {
      ...facts.alerts,
      acknowledgements: Object.fromEntries(
        Object.entries(facts.alerts.acknowledgements).filter(
          ([ref]) => !absent.has(ref),
        ),
      ),
    },
    accessResources: facts.accessResources.map(resource => ({
      ...resource,
      admins: resource.admins && without(resource.admins),
    })),
    // Drill participants who are away cannot restore or fail over now.
    drills: facts.drills?.map(drill => ({
      ...drill,
      participants: without(drill.participants),
    })),
    // Who ran and paired on changes: the absent are not there to do it again.
    changes: facts.changes && {
      ...facts.changes,
      operators: withoutKeys(facts.changes.operators, absent),
      pairs: withoutKeys(facts.changes.pairs, absent),
    },
  };
}

/**
 * The knowledge map without some people: their authorship removed, the
 * truck factor recomputed. The author sets are renumbered for the people
 * left, so that former holders can still be left out after.
 */
function knowledgeWithout(
  knowledge: KnowledgeReport,
  absent: ReadonlySet<string>,
): KnowledgeReport {
  if (knowledge.status !== 'ok') return knowledge;
  const isAway = (person: KnowledgeReport['people'][number]) =>
    Boolean(person.userRef && absent.has(person.userRef));
  if (!knowledge.people.some(isAway)) return knowledge;
  const renumbered = new Map<number, number>();
  const people = knowledge.people.filter((person, index) => {
    if (isAway(person)) return false;
    renumbered.set(index, renumbered.size);
    return true;
  });
  const authorSets = knowledge.authorSets.map(set => ({
    files: set.files,
    people: set.people.flatMap(index =>
      renumbered.has(index) ? [renumbered.get(index)!] : [],
    ),
  }));
  const removed = greedyTruckFactor({
    authorSets,
    fileCount: knowledge.fileCount,
    order: people.map((_, index) => index),
  });
  return {
    ...knowledge,
    truckFactor: removed.length,
    truckFactorAuthors: removed.map(index => people[index]),
    people,
    authorSets,
  };
}

/** One service before and during the absence. @public */
export interface LeaveSimulation {
  entityRef: string;
  before: ReadinessReport;
  after: ReadinessReport;
  /** Whether the level gets worse. */
  drops: boolean;
  /** What would have no one at all during the absence (a service already at single-point-of-failure can still lose its last cover). */
  uncovered: string[];
  /** The same, as codes (`noAuthorLeft`, `noResponderLeft`, `noAdminLeft`) with parameters for a UI to translate. */
  uncoveredCodes: Array<{
    code: string;
    params: Record<string, string | number>;
  }>;
  /** `drops` or anything uncovered. */
  affected: boolean;
  /** Checks whose status changes, with the reason they have during the absence. */
  flipped: CheckFlip[];
}

/** Recomputes every check of each service without the absent people, at the end of `days` away. @public */
export function simulateLeave(
  services: ReadinessFacts[],
  absent: Iterable<string>,
  policy: ReadinessPolicy,
  days = 0,
): LeaveSimulation[] {
  const away = new Set(absent);
  return services.map(facts => {
    const before = evaluateReadiness(facts, policy);
    const during = factsWithout(facts, away, days);
    const after = evaluateReadiness(during, policy);
    const drops =
      READINESS_LEVELS.indexOf(after.level) >
      READINESS_LEVELS.indexOf(before.level);
    const gaps = uncoveredDuring(
      countedFacts(facts, policy),
      countedFacts(during, policy),
      policy.thresholds,
    );
    const uncovered = gaps.map(gap => gap.text);
    const flipped = after.checks.flatMap((check, index) =>
      check.status === before.checks[index].status
        ? []
        : [
            {
              id: check.id,
              title: check.title,
              before: before.checks[index].status,
              after: check.status,
              reason: check.reason,
              reasonCode: check.reasonCode,
              reasonParams: check.reasonParams,
            },
          ],
    );
    // A service already at the lowest level is still affected when it loses cover it had.
    const fewerAuthors =
      before.truckFactor !== null &&
      after.truckFactor !== null &&
      after.truckFactor < before.truckFactor;
    return {
      entityRef: before.entityRef,
      before,
      after,
      drops,
      uncovered,
      uncoveredCodes: gaps.map(({ code, params }) => ({ code, params })),
      affected: drops || uncovered.length > 0 || fewerAuthors,
      flipped,
    };
  });
}

/** What had someone before and has no one during the absence, from the facts as they count. */
function uncoveredDuring(
  before: ReadinessFacts,
  during: ReadinessFacts,
  { changesDays, restorePractisedDays }: ReadinessPolicy['thresholds'],
): Array<{ code: string; params: Record<string, string>; text: string }> {
  const gaps: Array<{
    code: string;
    params: Record<string, string>;
    text: string;
  }> = [];
  if (
    (before.knowledge?.truckFactor ?? 0) > 0 &&
    during.knowledge?.truckFactor === 0
  ) {
    gaps.push({
      code: 'noAuthorLeft',
      params: {},
      text: 'No one left authors most of the code.',
    });
  }
  const responders = (facts: ReadinessFacts) =>
    Object.keys(facts.alerts?.acknowledgements ?? {}).length;
  if (responders(before) > 0 && responders(during) === 0) {
    gaps.push({
      code: 'noResponderLeft',
      params: {},
      text: 'No one left who has handled its alerts.',
    });
  }
  const operators = (facts: ReadinessFacts) =>
    Object.keys(facts.changes?.operators ?? {}).length;
  if (operators(before) > 0 && operators(during) === 0) {
    const pairs = Object.keys(during.changes?.pairs ?? {})
      .map(key => changePersonName(during, key))
      .join(', ');
    const recently = `in the last ${changesDays} days`;
    gaps.push(
      pairs
        ? {
            code: 'noOperatorLeftOnlyPairs',
            params: { days: String(changesDays), people: pairs },
            text: `No one left who has run a production change of it ${recently}; ${pairs} only paired.`,
          }
        : {
            code: 'noOperatorLeft',
            params: { days: String(changesDays) },
            text: `No one left who has run or paired on a production change of it ${recently}.`,
          },
    );
  }
  const restorers = (facts: ReadinessFacts) =>
    restorePractitioners(facts, restorePractisedDays).length;
  if (restorers(before) > 0 && restorers(during) === 0) {
    gaps.push({
      code: 'noRestorerLeft',
      params: { days: String(restorePractisedDays) },
      text: `No one at work has restored it from backup in a drill in the last ${restorePractisedDays} days.`,
    });
  }
  during.accessResources.forEach((resource, index) => {
    if (
      resource.admins?.length === 0 &&
      before.accessResources[index].admins?.length
    ) {
      const name = nameIn(during, resource.ref);
      gaps.push({
        code: 'noAdminLeft',
        params: { resource: name },
        text: `No admin left for ${name}.`,
      });
    }
  });
  return gaps;
}

/** The services where a person is the only cover. @public */
export interface SoleCover {
  userRef: string;
  /** Services with truck factor 1 whose one truck-factor author is this person. */
  soleKnowledgeHolder: string[];
  soleResponder: string[];
  soleAdmin: string[];
  /** Services whose production changes over the policy's window this person alone ran. */
  soleOperator: string[];
}

const total = (c: SoleCover) =>
  c.soleKnowledgeHolder.length +
  c.soleResponder.length +
  c.soleAdmin.length +
  c.soleOperator.length;

/**
 * For each person, the services where they alone hold the knowledge, the
 * pager or an admin key, counted as the checks count (current holders, the
 * owners' acknowledgements).
 * @public
 */
export function soleCovers(
  services: ReadinessFacts[],
  policy: ReadinessPolicy,
): SoleCover[] {
  const covers = new Map<string, SoleCover>();
  const cover = (userRef: string) => {
    let entry = covers.get(userRef);
    if (!entry) {
      entry = {
        userRef,
        soleKnowledgeHolder: [],
        soleResponder: [],
        soleOperator: [],
        soleAdmin: [],
      };
      covers.set(userRef, entry);
    }
    return entry;
  };
  for (const facts of services.map(f => countedFacts(f, policy))) {
    const ref = stringifyEntityRef(facts.entity);
    const knowledge = facts.knowledge;
    if (knowledge?.status === 'ok' && knowledge.truckFactor === 1) {
      const holder = knowledge.truckFactorAuthors[0]?.userRef;
      if (holder) cover(holder).soleKnowledgeHolder.push(ref);
    }
    const responders = Object.keys(facts.alerts?.acknowledgements ?? {});
    if (responders.length === 1) cover(responders[0]).soleResponder.push(ref);
    // Only a catalog User can be the one the team cannot spare; an unmatched identity is no one to ask.
    const operators = Object.keys(facts.changes?.operators ?? {});
    if (operators.length === 1 && operators[0].startsWith('user:')) {
      cover(operators[0]).soleOperator.push(ref);
    }
    for (const resource of facts.accessResources) {
      if (resource.admins?.length === 1) {
        const list = cover(resource.admins[0]).soleAdmin;
        if (!list.includes(ref)) list.push(ref);
      }
    }
  }
  return [...covers.values()].sort(
    (a, b) => total(b) - total(a) || a.userRef.localeCompare(b.userRef, 'en'),
  );
}
