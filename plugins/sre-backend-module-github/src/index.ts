/**
 * Baton's GitHub module: the owners, members, outside collaborators, team
 * memberships and repository admins of GitHub organizations, as an access
 * inventory for access reviews; and the deployments of GitHub Actions to
 * protected environments, as production changes.
 *
 * @packageDocumentation
 */

export { sreModuleGithub as default } from './module';
export {
  GithubOrgAccessSource,
  type GithubOrgAccessSourceOptions,
} from './GithubOrgAccessSource';
export {
  GithubDeploymentChangeSource,
  type GithubDeploymentChangeSourceOptions,
} from './GithubDeploymentChangeSource';
