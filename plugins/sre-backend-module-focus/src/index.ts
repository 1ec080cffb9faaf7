/**
 * Baton's FOCUS module: FinOps FOCUS 1.0 to 1.2 cost files (CSV, gzip CSV
 * and Parquet), from configured folders and from uploads.
 *
 * @packageDocumentation
 */

export { sreModuleFocus as default } from './module';
export { readFocusCsv, type FocusCsvReadOptions } from './FocusCsvReader';
export { readFocusFile, readFocusFilePath } from './readFocusFile';
export { focusCostFileFormat } from './focusFormat';
export {
  FocusFileCostSource,
  type FocusFileCostSourceOptions,
} from './FocusFileCostSource';
