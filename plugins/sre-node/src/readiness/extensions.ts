import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { HistoryCommit } from '@baton/plugin-sre-common';

/** A repository's files at its head and the history that led to them. @public */
export interface RepositoryHistory {
  /** The commit read. */
  revision: string;
  /** The files at that commit (within the folder, if one was asked for). */
  files: string[];
  /** The non-merge history, oldest first, streamed. */
  commits: AsyncIterable<HistoryCommit>;
  /**
   * The history of each file asked for with `follow` (e.g. a runbook
   * outside the folder read), kept apart from `files` and `commits`;
   * undefined when the source cannot follow files.
   */
  followed?: FollowedFileHistory[];
}

/** One file's own history, read beside a repository's folder. @public */
export interface FollowedFileHistory {
  /** The path asked for, relative to the repository's root. */
  path: string;
  /** Whether the file is there at the commit read. */
  present: boolean;
  /** The non-merge commits that changed it (through renames), oldest first, streamed. */
  commits: AsyncIterable<HistoryCommit>;
}

/** How one repository read is run. @public */
export interface KnowledgeSourceReadOptions {
  /**
   * Aborted when the read must stop: the refresh task was cancelled or ran
   * out of time, or this repository exceeded its time. A source stops what it
   * started (processes, requests) and rejects, or ends `commits` with an
   * error. Sources that ignore it are abandoned by the caller, but their work
   * then runs on unobserved.
   */
  signal?: AbortSignal;
}

/**
 * Reads a repository's history for the knowledge map and truck factor
 * (a local git repository, a cached clone of a remote one, a hosting API, …).
 * @public
 */
export interface KnowledgeSource {
  /** Whether this source can read the location: a git URL or an absolute path. */
  supports(location: string): boolean;
  /**
   * Brings the repository up to date (clone or fetch where it is remote) and
   * opens its history at the head of its default branch.
   */
  readHistory(
    repository: {
      location: string;
      subdir?: string;
      /** Files of the repository, outside `subdir`, whose own history is wanted too (`followed`). */
      follow?: string[];
    },
    options?: KnowledgeSourceReadOptions,
  ): Promise<RepositoryHistory>;
}

/** Lets modules add knowledge sources to the sre backend plugin. @public */
export interface SreKnowledgeSourcesExtensionPoint {
  addKnowledgeSource(...sources: KnowledgeSource[]): void;
}

/** @public */
export const sreKnowledgeSourcesExtensionPoint =
  createExtensionPoint<SreKnowledgeSourcesExtensionPoint>({
    id: 'sre.knowledge-sources',
  });
