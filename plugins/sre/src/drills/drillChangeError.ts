import { errorMessage, isNotAllowed } from '../components/responseErrors';
import type { SreTranslate } from '../translation';

/**
 * Why a change to a team's drills failed, in the backend's words; a 403
 * also says that only the team's members (and those of teams above it) may.
 */
export function drillChangeError(t: SreTranslate, error: unknown): string {
  const message = errorMessage(error);
  return isNotAllowed(error)
    ? t('drills.notAllowed', { error: message })
    : message;
}
