import type { AuthorSet } from './knowledge/truckFactor';

/** @public */
export type ReadinessCheckStatus = 'pass' | 'fail' | 'unknown';

/** One check of the "ready for leave" score. @public */
export interface ReadinessCheck {
  id: string;
  title: string;
  status: ReadinessCheckStatus;
  reason: string;
  fix: string;
}

/** An entity's "ready for leave" report as `GET /entities/{ref}/readiness` returns it. @public */
export interface ReadinessReport {
  /** 0–100. */
  score: number;
  level: string;
  checks: ReadinessCheck[];
  truckFactor: number | null;
  knowledge: Array<{ userRef: string; share: number }>;
}

/** A person who holds knowledge of an entity's code. @public */
export interface KnowledgePerson {
  /** The name this person used most in git. */
  name: string;
  emails: string[];
  /** The catalog User matched by e-mail or GitHub login; null when none matches. */
  userRef: string | null;
  /** Files this person is an author of (degree of authorship). */
  files: number;
  /** `files` as a fraction of the counted files. */
  share: number;
  commits: number;
  lastCommitAt: string | null;
}

/** An entity's knowledge map and truck factor as `GET /entities/{ref}/knowledge` returns it. @public */
export interface KnowledgeReport {
  entityRef: string;
  computedAt: string;
  /** `error` when a repository could not be read; `error.message` says why. */
  status: 'ok' | 'error';
  error?: { message: string };
  repositories: Array<{ location: string; subdir?: string; revision?: string }>;
  truckFactor: number | null;
  fileCount: number;
  filesWithoutAuthor: number;
  mode: 'pairing' | 'classic';
  /** The people whose absence leaves most files without an author, in removal order. */
  truckFactorAuthors: KnowledgePerson[];
  people: KnowledgePerson[];
  /** Which people (indexes into `people`) author which files: lets a leave simulation recompute the truck factor. */
  authorSets: AuthorSet[];
  /** Infrastructure-as-code files (Terraform) found at the revision. */
  iacFiles: number;
  /** The rule that produced the numbers, for the card's "why". */
  rule: string;
}
