import type {
  ReadinessCheck,
  ReadinessReport,
  TeamReportService,
} from '@baton/plugin-sre-common';
import {
  CodedMessage,
  hasMessage,
  MessageParams,
  translateCoded,
} from '../codedMessage';
import type { Formats } from '../language';
import type { SreTranslate } from '../translation';

/** A check's title in the user's language; the backend's when the id is new to this UI. */
export function checkTitle(
  t: SreTranslate,
  check: { id: string; title?: string },
): string {
  return translateCoded(
    t,
    `readiness.checks.${check.id}.title`,
    {},
    check.title ?? check.id,
  );
}

/** What to do to make a check pass. */
export function checkFix(t: SreTranslate, check: ReadinessCheck): string {
  return translateCoded(t, `readiness.checks.${check.id}.fix`, {}, check.fix);
}

/** Reasons whose message depends on whether a parameter is empty. */
function reasonKey(code: string, params: MessageParams): string {
  if (code === 'truckFactor') {
    return `truckFactor${params.people ? '' : 'NoPeople'}${
      params.former ? 'Former' : ''
    }`;
  }
  if (
    (code === 'recentCommitters' ||
      code === 'restorePractised' ||
      code === 'runbookReviewed' ||
      code === 'runbookReviewStale') &&
    !params.people
  ) {
    return `${code}NoPeople`;
  }
  if (code === 'ownerMissing' && !params.owner) return 'ownerMissingNone';
  return code;
}

/** Numbers and dates of a reason written for the language; `count` stays a number to choose the plural. */
function localParams(format: Formats, params: MessageParams): MessageParams {
  const local: MessageParams = {};
  for (const [name, value] of Object.entries(params)) {
    if (name === 'count' || typeof value !== 'number') {
      local[name] = value;
    } else if (name === 'percent') {
      local[name] = format.percent(value / 100);
    } else {
      local[name] = format.number(value);
    }
  }
  if (typeof params.date === 'string' && !Number.isNaN(Date.parse(params.date)))
    local.date = format.date(params.date);
  if (typeof params.days === 'number') local.ago = format.daysAgo(params.days);
  return local;
}

/** Why a check has its status, from the backend's reason code; its English text when the code is new to this UI. */
export function reasonText(
  t: SreTranslate,
  format: Formats,
  reason: { reason: string; reasonCode?: string; reasonParams?: MessageParams },
): string {
  if (!reason.reasonCode) return reason.reason;
  const params = reason.reasonParams ?? {};
  return translateCoded(
    t,
    `readiness.reasons.${reasonKey(reason.reasonCode, params)}`,
    localParams(format, params),
    reason.reason,
  );
}

/** Why the report has its level, from the level reason code; the English text when a code is new to this UI. */
export function levelReasonText(
  t: SreTranslate,
  format: Formats,
  report: Pick<
    ReadinessReport,
    | 'levelReason'
    | 'levelReasonCode'
    | 'levelReasonParams'
    | 'levelReasonParts'
    | 'checks'
  >,
): string {
  const code = report.levelReasonCode;
  const params = report.levelReasonParams ?? {};
  if (code === 'singlePoint') {
    const parts = report.levelReasonParts ?? [];
    const keys = parts.map(part => `readiness.levelReasons.parts.${part.code}`);
    if (!parts.length || !keys.every(hasMessage)) return report.levelReason;
    return t('readiness.levelReasons.singlePoint', {
      parts: parts
        .map((part, index) =>
          translateCoded(
            t,
            keys[index],
            localParams(format, part.params),
            report.levelReason,
          ),
        )
        .join(t('common.partSeparator')),
    });
  }
  if (code === 'criticalGaps') {
    const ids = String(params.checks ?? '')
      .split(',')
      .filter(Boolean);
    return t('readiness.levelReasons.criticalGaps', {
      checks: format.list(
        ids.map(id => {
          const check = report.checks.find(c => c.id === id);
          const title = checkTitle(t, check ?? { id });
          return check
            ? t('readiness.levelReasons.criticalGap', {
                title,
                status: t(`readiness.status.${check.status}`),
              })
            : title;
        }),
      ),
    });
  }
  if (!code) return report.levelReason;
  return translateCoded(
    t,
    `readiness.levelReasons.${code}`,
    localParams(format, params),
    report.levelReason,
  );
}

/** How score and level are computed, with the critical checks of the report and its ready threshold when known. */
export function readinessRuleText(
  t: SreTranslate,
  format: Formats,
  report: Pick<
    ReadinessReport,
    'checks' | 'levelReasonParams' | 'knowledgeHolderDays'
  >,
): string {
  const checks = format.list(
    report.checks.filter(c => c.critical).map(c => checkTitle(t, c)),
  );
  const readyScore = report.levelReasonParams?.readyScore;
  return [
    t('readiness.rule.score'),
    t('readiness.rule.counted', {
      days: format.number(report.knowledgeHolderDays),
    }),
    t('readiness.rule.singlePoint'),
    readyScore === undefined
      ? t('readiness.rule.readyNoScore', { checks })
      : t('readiness.rule.ready', { checks, readyScore: String(readyScore) }),
    t('readiness.rule.atRisk'),
  ].join(' ');
}

/** The leave simulation of a service as the backend returns it; `uncoveredCodes` beside the English `uncovered`. */
export type ServiceDuringAbsence = NonNullable<TeamReportService['during']> & {
  uncoveredCodes?: CodedMessage[];
};

/** What would have no one during the absence, in the user's language. */
export function uncoveredTexts(
  t: SreTranslate,
  during: ServiceDuringAbsence,
): string[] {
  const codes = during.uncoveredCodes;
  if (!codes || codes.length !== during.uncovered.length) {
    return during.uncovered;
  }
  return codes.map((gap, index) =>
    translateCoded(
      t,
      `team.uncovered.${gap.code}`,
      gap.params,
      during.uncovered[index],
    ),
  );
}
