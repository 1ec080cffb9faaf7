import { fieldError } from '../components/responseErrors';

/** The fields of a decision the backend's 400 messages name, in one item or many. */
export type DecisionField = 'comment' | 'transferTo';

const DECISION_FIELDS: readonly DecisionField[] = ['comment', 'transferTo'];

/**
 * The field a 400 message about a decision names, and what it says, e.g.
 * `decisions[1].comment: keeping access …` → comment, `keeping access …`.
 */
export const decisionFieldError = (
  error: unknown,
): { field?: DecisionField; message: string } =>
  fieldError(error, DECISION_FIELDS, 'decisions');
