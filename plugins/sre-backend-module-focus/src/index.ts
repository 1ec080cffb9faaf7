/**
 * Baton's FOCUS module: FinOps FOCUS 1.x cost files, from configured folders
 * and from uploads, read as they stream in.
 *
 * @packageDocumentation
 */

export { sreModuleFocus as default } from './module';
export { readFocusCsv } from './FocusCsvReader';
export { focusCostFileFormat } from './focusFormat';
export {
  FocusFileCostSource,
  type FocusFileCostSourceOptions,
} from './FocusFileCostSource';
