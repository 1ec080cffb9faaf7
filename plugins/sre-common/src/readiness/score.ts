import { stringifyEntityRef } from '@backstage/catalog-model';
import { ReadinessFacts, runReadinessChecks } from './checks';
import type { ReadinessPolicy } from './policy';
import type { ReadinessLevel, ReadinessReport } from './types';

/** Levels from best to worst, for comparing before and after. @public */
export const READINESS_LEVELS: ReadinessLevel[] = [
  'ready',
  'at-risk',
  'single-point-of-failure',
];

/** The rule behind score and level, returned with every report. */
function ruleText(policy: ReadinessPolicy): string {
  return (
    `Score = weighted share of passed checks among those with a known result (unknown checks count neither way and are shown apart). ` +
    `single-point-of-failure: truck factor 1 (or 0), a sole alert responder, or a sole (or no) admin of a key access. ` +
    `ready: score ≥ ${
      policy.thresholds.readyScore
    } and no critical check (${policy.critical.join(
      ', ',
    )}) failed or unknown. ` +
    `Otherwise at-risk.`
  );
}

/** The "ready for leave" report of one entity from its facts. @public */
export function evaluateReadiness(
  facts: ReadinessFacts,
  policy: ReadinessPolicy,
): ReadinessReport {
  const checks = runReadinessChecks(facts, policy);
  const totalWeight = checks.reduce((sum, c) => sum + c.weight, 0);
  const knownChecks = checks.filter(c => c.status !== 'unknown');
  const knownWeight = knownChecks.reduce((sum, c) => sum + c.weight, 0);
  const passedWeight = knownChecks
    .filter(c => c.status === 'pass')
    .reduce((sum, c) => sum + c.weight, 0);
  const score = knownWeight
    ? Math.round((100 * passedWeight) / knownWeight)
    : 0;

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
    const people = knowledge!.truckFactorAuthors[0]?.name ?? 'one person';
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
    single.push({
      code: 'soleResponder',
      params: { person: responders[0] },
      text: `sole alert responder ${responders[0]}`,
    });
  }
  for (const resource of facts.accessResources) {
    if (resource.admins?.length === 1) {
      single.push({
        code: 'soleAdmin',
        params: { resource: resource.ref, person: resource.admins[0] },
        text: `sole admin of ${resource.ref}: ${resource.admins[0]}`,
      });
    } else if (resource.admins?.length === 0) {
      single.push({
        code: 'noAdmin',
        params: { resource: resource.ref },
        text: `no admin of ${resource.ref}`,
      });
    }
  }
  const criticalGaps = checks.filter(c => c.critical && c.status !== 'pass');
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
    known: totalWeight ? knownWeight / totalWeight : 0,
    truckFactor,
    knowledge: (knowledge?.people ?? [])
      .filter(p => p.files > 0)
      .map(p => ({ userRef: p.userRef, name: p.name, share: p.share })),
    trend: [],
    rule: ruleText(policy),
  };
}
