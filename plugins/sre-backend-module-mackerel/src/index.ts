/**
 * Baton's Mackerel SLI source: SLIs from Mackerel service and host metrics.
 *
 * @packageDocumentation
 */

export { sreModuleMackerel as default } from './module';
export {
  MackerelSliSource,
  type MackerelSliSourceOptions,
} from './MackerelSliSource';
export { type MackerelInstance } from './MackerelConfig';
