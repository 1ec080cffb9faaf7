/**
 * Baton's HCP Terraform module: Terraform applies on HCP Terraform or
 * Terraform Enterprise become production changes, from run notifications
 * (signed with the notification token) and from the run API.
 *
 * @packageDocumentation
 */

export { sreModuleTerraform as default } from './module';
export {
  TerraformApiClient,
  type JsonApiDocument,
  type JsonApiResource,
  type TerraformApiConfig,
} from './TerraformApiClient';
export { TerraformChangeSource } from './TerraformChangeSource';
export { DEFAULT_TERRAFORM_BASE_URL } from './TerraformConfig';
export { TerraformNotificationReceiver } from './TerraformNotificationReceiver';
export {
  TerraformWorkspaceDirectory,
  type TerraformWorkspaceMap,
} from './TerraformWorkspaceDirectory';
