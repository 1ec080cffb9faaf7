/**
 * Baton's git knowledge source: truck factor and knowledge map from git history.
 *
 * @packageDocumentation
 */

export { sreModuleGit as default } from './module';
export { GitKnowledgeSource } from './GitKnowledgeSource';
export {
  GitSourcePolicy,
  gitHostsOfIntegrations,
  type AllowedGitHost,
  type AllowedGitSource,
  type GitProtocol,
} from './GitSourcePolicy';
export type { GitProcessOptions } from './gitProcess';
export {
  computeTruckFactor,
  listCountedFiles,
  type TruckFactorOptions,
} from './truckFactor';
export {
  listBlobs,
  listFiles,
  readBlobHeads,
  type GitBlob,
  readCommits,
  resolveRevision,
  type GitHistoryScope,
} from './gitHistory';
