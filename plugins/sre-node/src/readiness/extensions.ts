import { createExtensionPoint } from '@backstage/backend-plugin-api';

/** One change of a file in a repository's history. @public */
export interface FileChange {
  commit: string;
  authorName: string;
  authorEmail: string;
  /** Co-authors named by `Co-authored-by:` trailers. */
  coAuthors: Array<{ name: string; email: string }>;
  timestamp: Date;
  status: 'A' | 'M' | 'D' | 'R';
  path: string;
  /** The path before a rename. */
  previousPath?: string;
}

/**
 * Reads a repository's history for the knowledge map and truck factor
 * (`git log`, a hosting API, …).
 * @public
 */
export interface KnowledgeSource {
  /** Whether this source can read the given repository location. */
  supports(location: string): boolean;
  /** The files at a revision and the changes that led to them. */
  readHistory(options: { location: string; revision?: string }): Promise<{
    files: string[];
    changes: FileChange[];
  }>;
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
