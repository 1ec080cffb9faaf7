import {
  monitorName,
  type AlertItem,
  type AlertNoise,
  type AlertSeverity,
} from '@baton/plugin-sre-common';
import { translateCoded } from '../codedMessage';
import { entityRefName } from '../components/entityRefName';
import type { Formats } from '../language';
import { errorMessage, isNotAllowed } from '../components/responseErrors';
import { SLO_COLORS } from '../slo/sloFormat';
import type { SreTranslate } from '../translation';

/** Severities from the most to the least urgent, as the chart stacks them. */
export const ALERT_SEVERITIES: AlertSeverity[] = [
  'critical',
  'warning',
  'info',
  'unknown',
];

/** One colour per severity, shared by the chips and the chart. */
export const SEVERITY_COLORS: Record<AlertSeverity, string> = {
  critical: SLO_COLORS.bad,
  warning: SLO_COLORS.warning,
  info: '#0277bd',
  unknown: SLO_COLORS.unknown,
};

/** The name part of a user ref, e.g. `user:default/aiko.tanaka` → `aiko.tanaka`. */
export const userName = (userRef: string): string =>
  entityRefName(userRef, 'user');

/** A responder by their catalog name as the backend sent it, else by the name part of their ref. */
export function responderName(
  alert: Pick<AlertItem, 'responderNames'>,
  userRef: string,
): string {
  return alert.responderNames?.[userRef] ?? userName(userRef);
}

/** The source's display name; a source this UI does not know shows as sent. */
export function sourceText(t: SreTranslate, source: string): string {
  return translateCoded(t, `alerts.sources.${source}`, {}, source);
}

/** The chip label of a noise flag. */
export function noiseLabel(t: SreTranslate, noise: AlertNoise): string {
  return translateCoded(t, `alerts.noise.${noise.flag}.label`, {}, noise.flag);
}

/**
 * Why the flag was raised; flags this UI does not know fall back to the
 * backend's English. A monitor is named as people know it (an alarm by its
 * name, not its ARN), also in what an older backend stored.
 */
export function noiseExplanation(t: SreTranslate, noise: AlertNoise): string {
  const { monitor } = noise.params;
  return translateCoded(
    t,
    `alerts.noise.${noise.flag}.explanation`,
    typeof monitor === 'string'
      ? { ...noise.params, monitor: monitorName(monitor) }
      : noise.params,
    noise.explanation,
  );
}

/** The noise flags of several firings, each flag once (as the newest firing explains it). */
export function groupNoise(
  alerts: Array<Pick<AlertItem, 'noise'>>,
): AlertNoise[] {
  const seen = new Map<string, AlertNoise>();
  for (const alert of alerts) {
    for (const noise of alert.noise) {
      if (!seen.has(noise.flag)) seen.set(noise.flag, noise);
    }
  }
  return [...seen.values()];
}

/** How long the alert lasted; a firing one is "ongoing". */
export function alertDuration(
  t: SreTranslate,
  format: Formats,
  alert: AlertItem,
): string {
  if (alert.status === 'firing') return t('alerts.table.ongoing');
  if (!alert.endsAt) return t('alerts.summary.notApplicable');
  const seconds =
    (Date.parse(alert.endsAt) - Date.parse(alert.startsAt)) / 1000;
  return format.duration(Math.max(0, seconds));
}

/**
 * The alert as it is after the signed-in user acknowledged it. Only the
 * acknowledgement is taken from the backend's answer: the noise flags were
 * computed over the whole range, so they stay, less "never acknowledged".
 */
export function acknowledged(row: AlertItem, updated: AlertItem): AlertItem {
  return {
    ...row,
    acknowledgedBy: updated.acknowledgedBy ?? row.acknowledgedBy,
    acknowledgedAt: updated.acknowledgedAt ?? row.acknowledgedAt,
    responderNames: { ...row.responderNames, ...updated.responderNames },
    noise: row.noise.filter(noise => noise.flag !== 'never-acknowledged'),
  };
}

/**
 * The alert as it is after the signed-in user took their acknowledgement
 * back. `before` is the row as it was before they acknowledged: with no one
 * left acknowledging it, its noise flags (e.g. "never acknowledged") return.
 */
export function unacknowledged(
  row: AlertItem,
  before: AlertItem,
  updated: AlertItem,
): AlertItem {
  const acknowledgedBy = updated.acknowledgedBy ?? [];
  return {
    ...row,
    acknowledgedBy,
    // The backend sends null once no one acknowledges it.
    acknowledgedAt: updated.acknowledgedAt ?? undefined,
    responderNames: updated.responderNames ?? row.responderNames,
    noise: acknowledgedBy.length ? row.noise : before.noise,
  };
}

/**
 * Why acknowledging failed, in the backend's words: a 403 also says who may
 * acknowledge; a 409 (e.g. resolved too long ago) and others say only what
 * the backend said.
 */
export function acknowledgeFailedText(
  t: SreTranslate,
  title: string,
  error: unknown,
): string {
  const message = errorMessage(error);
  return isNotAllowed(error)
    ? t('alerts.table.acknowledgeNotAllowed', { title, error: message })
    : t('alerts.table.acknowledgeFailed', { title, error: message });
}
