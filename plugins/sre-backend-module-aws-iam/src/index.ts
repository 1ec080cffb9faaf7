/**
 * Baton's AWS IAM module: who has access to an AWS account, from the IAM
 * credential report and each user's groups and attached managed policies.
 *
 * @packageDocumentation
 */

export { sreModuleAwsIam as default } from './module';
export {
  AwsIamAccessSource,
  type AwsIamAccessSourceOptions,
} from './AwsIamAccessSource';
