import { stringifyEntityRef } from '@backstage/catalog-model';
import { ReadinessFacts, runReadinessChecks } from './checks';
import { countedFacts, holderName, nameIn } from './counted';
import type { ReadinessPolicy } from './policy';
import type { ReadinessCheck, ReadinessLevel, ReadinessReport } from './types';

export { withFormerHolders } from './counted';

/** Levels from best to worst, for comparing before and after. @public */
export const READINESS_LEVELS: ReadinessLevel[] = [
  'ready',
  'at-risk',
  'single-point-of-failure',
];

/** The rule behind score and level, returned with every report. */
function ruleText(policy: ReadinessPolicy): string {
  return (
    `Score = weighted share of passed checks among those with a known result (unknown and not-applicable checks count neither way and are shown apart). ` +
    `Only the owners' alert acknowledgements count, and only knowledge holders who committed in the last ${policy.thresholds.knowledgeHolderDays} days. ` +
    `single-point-of-failure: truck factor 1 (or 0), a sole alert responder, or a sole (or no) admin of a key access. ` +
    `ready: score ≥ ${
      policy.thresholds.readyScore
    } and no critical check (${policy.critical.join(
      ', ',
    )}) failed or unknown. ` +
    `Otherwise at-risk.`
  );
}

const weightOf = (checks: ReadinessCheck[]) =>
  checks.reduce((sum, c) => sum + c.weight, 0);

/**
 * The score of a set of checks: the weighted share of passes among the
 * checks with a known result; a not-applicable check is left out entirely.
 * @public
 */
export function readinessScore(checks: ReadinessCheck[]): {
  score: number;
  known: number;
} {
  const applicable = checks.filter(c => c.status !== 'not-applicable');
  const known = applicable.filter(c => c.status !== 'unknown');
  const applicableWeight = weightOf(applicable);
  const knownWeight = weightOf(known);
  const passedWeight = weightOf(known.filter(c => c.status === 'pass'));
  return {
    score: knownWeight ? Math.round((100 * passedWeight) / knownWeight) : 0,
    known: applicableWeight ? knownWeight / applicableWeight : 0,
  };
}

/** The "ready for leave" report of one entity from its facts. @public */
export function evaluateReadiness(
  rawFacts: ReadinessFacts,
  policy: ReadinessPolicy,
): ReadinessReport {
  const facts = countedFacts(rawFacts, policy);
  const checks = runReadinessChecks(facts, policy);
  const { score, known } = readinessScore(checks);

  const knowledge =
    facts.knowledge?.status === 'ok' ? facts.knowledge : undefined;
  const truckFactor = knowledge?.truckFactor ?? null;

  // Each sole cover, coded for a UI and in English for scripts.
  const single: Array<{
    code: string;
    params: Record<string, string | number>;
    text: string;
  }> = [];
  if (truckFactor === 1) {
    const author = knowledge!.truckFactorAuthors[0];
    const people = author ? holderName(facts, author) : 'one person';
    single.push({
      code: 'truckFactorOne',
      params: { people },
      text: `truck factor 1 (${people})`,
    });
  } else if (truckFactor === 0 && knowledge!.fileCount > 0) {
    // Worse than one person: no one left authors most of the code.
    single.push({
      code: 'truckFactorZero',
      params: {},
      text: 'truck factor 0: no one authors most of the code',
    });
  }
  const responders = Object.keys(facts.alerts?.acknowledgements ?? {});
  if (responders.length === 1) {
    const person = nameIn(facts, responders[0]);
    single.push({
      code: 'soleResponder',
      params: { person },
      text: `sole alert responder ${person}`,
    });
  }
  for (const access of facts.accessResources) {
    const resource = nameIn(facts, access.ref);
    if (access.admins?.length === 1) {
      const person = nameIn(facts, access.admins[0]);
      single.push({
        code: 'soleAdmin',
        params: { resource, person },
        text: `sole admin of ${resource}: ${person}`,
      });
    } else if (access.admins?.length === 0) {
      single.push({
        code: 'noAdmin',
        params: { resource },
        text: `no admin of ${resource}`,
      });
    }
  }
  const criticalGaps = checks.filter(
    c => c.critical && (c.status === 'fail' || c.status === 'unknown'),
  );
  const readyScore = policy.thresholds.readyScore;

  let level: ReadinessLevel;
  let levelReason: string;
  let levelReasonCode: string;
  let levelReasonParams: Record<string, string | number> = {
    score,
    readyScore,
  };
  if (single.length) {
    level = 'single-point-of-failure';
    levelReasonCode = 'singlePoint';
    levelReason = `One person is the only cover: ${single
      .map(part => part.text)
      .join('; ')}.`;
  } else if (score >= readyScore && criticalGaps.length === 0) {
    level = 'ready';
    levelReasonCode = 'ready';
    levelReason = `Score ${score} ≥ ${readyScore} and every critical check passes.`;
  } else {
    level = 'at-risk';
    if (criticalGaps.length) {
      levelReasonCode = 'criticalGaps';
      levelReasonParams = {
        ...levelReasonParams,
        checks: criticalGaps.map(c => c.id).join(','),
      };
      levelReason = `Critical checks not passing: ${criticalGaps
        .map(c => `${c.title} (${c.status})`)
        .join(', ')}.`;
    } else {
      levelReasonCode = 'belowScore';
      levelReason = `Score ${score} is below ${readyScore}.`;
    }
  }

  return {
    entityRef: stringifyEntityRef(facts.entity),
    score,
    level,
    levelReason,
    levelReasonCode,
    levelReasonParams,
    levelReasonParts: single.map(({ code, params }) => ({ code, params })),
    checks,
    known,
    truckFactor,
    knowledge: (knowledge?.people ?? [])
      .filter(p => p.files > 0)
      .map(p => ({
        userRef: p.userRef,
        name: holderName(facts, p),
        share: p.share,
        former: Boolean(p.former),
        lastCommitAt: p.lastCommitAt,
      })),
    knowledgeHolderDays: policy.thresholds.knowledgeHolderDays,
    trend: [],
    rule: ruleText(policy),
  };
}
