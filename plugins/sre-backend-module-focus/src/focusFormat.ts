import type { CostFileFormat } from '@baton/plugin-sre-node';
import { readFocusCsv } from './FocusCsvReader';

/**
 * FinOps FOCUS 1.x CSV (plain or gzip) for `POST /costs/import?format=focus`
 * and the CLI.
 * @public
 */
export const focusCostFileFormat: CostFileFormat = {
  id: 'focus',
  read: readFocusCsv,
};
