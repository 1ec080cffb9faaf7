/**
 * Baton's GitHub module: the owners, members, outside collaborators, team
 * memberships and repository admins of GitHub organizations, as an access
 * inventory for access reviews.
 *
 * @packageDocumentation
 */

export { sreModuleGithub as default } from './module';
export {
  GithubOrgAccessSource,
  type GithubOrgAccessSourceOptions,
} from './GithubOrgAccessSource';
