/**
 * Baton's Prometheus SLI source: OpenSLO metric sources of type `Prometheus`,
 * read with the HTTP API's `query_range`.
 *
 * @packageDocumentation
 */

export { sreModulePrometheus as default } from './module';
export {
  PrometheusSliSource,
  type PrometheusSliSourceOptions,
} from './PrometheusSliSource';
export {
  readPrometheusInstances,
  type PrometheusInstance,
} from './PrometheusInstance';
