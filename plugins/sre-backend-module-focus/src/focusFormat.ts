import type { CostFileFormat } from '@baton/plugin-sre-node';
import { readFocusFile } from './readFocusFile';

/**
 * FinOps FOCUS 1.0 to 1.2 files for `POST /costs/import?format=focus` and
 * the CLI: CSV, gzip-compressed CSV or Parquet, told apart by content.
 * @public
 */
export const focusCostFileFormat: CostFileFormat = {
  id: 'focus',
  read: readFocusFile,
};
