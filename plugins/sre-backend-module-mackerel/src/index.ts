/**
 * Baton's Mackerel module: SLIs from Mackerel service and host metrics, and
 * alert history from Mackerel's webhook and alerts API.
 *
 * @packageDocumentation
 */

export { sreModuleMackerel as default } from './module';
export {
  MackerelSliSource,
  type MackerelSliSourceOptions,
} from './MackerelSliSource';
export { MackerelAlertReceiver } from './MackerelAlertReceiver';
export {
  MackerelAlertPoller,
  type MackerelAlertPollerOptions,
} from './MackerelAlertPoller';
export { type MackerelInstance } from './MackerelConfig';
