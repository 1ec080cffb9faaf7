/**
 * Baton's AWS Cost Explorer module: daily cost by cost allocation tag and
 * service, fetching only the days that are not final yet.
 *
 * @packageDocumentation
 */

export { sreModuleAwsCost as default } from './module';
export {
  AwsCostExplorerSource,
  type AwsCostExplorerSourceOptions,
} from './AwsCostExplorerSource';
