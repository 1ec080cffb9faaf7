/** A person as git records them (after `.mailmap`). @public */
export interface GitIdentity {
  name: string;
  email: string;
}

/** One file touched by a commit, as `git log --name-status --find-renames` reports it. @public */
export interface HistoryChange {
  /** A added, M modified, D deleted, R renamed, C copied, T type changed. */
  status: 'A' | 'M' | 'D' | 'R' | 'C' | 'T';
  path: string;
  /** The source path of a rename or copy. */
  previousPath?: string;
}

/** One non-merge commit of a repository's history. @public */
export interface HistoryCommit {
  id: string;
  author: GitIdentity;
  /** People named by `Co-authored-by:` trailers. */
  coAuthors: GitIdentity[];
  timestamp: Date;
  changes: HistoryChange[];
}
