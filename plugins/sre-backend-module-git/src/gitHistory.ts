import type {
  GitIdentity,
  HistoryChange,
  HistoryCommit,
} from '@baton/plugin-sre-common';
import { type GitProcessOptions, streamGit } from './gitProcess';

/** Where to read history: a working copy or a bare repository, at a revision, optionally one subfolder. @public */
export interface GitHistoryScope {
  /** Path of a working copy or a bare repository. */
  repository: string;
  /** Any revision git understands; defaults to HEAD. */
  revision?: string;
  /** Only files under this folder (for monorepos). */
  subdir?: string;
}

const RECORD = '\x1e';
const FIELD = '\x1f';
const TRAILER = '\x1d';
// %aN/%aE apply .mailmap; co-authors come from the trailers.
const LOG_FORMAT = `${RECORD}%H${FIELD}%aN${FIELD}%aE${FIELD}%at${FIELD}%(trailers:key=Co-authored-by,valueonly,separator=%x1d)`;

function pathspec(scope: GitHistoryScope): string[] {
  const subdir = scope.subdir?.replace(/^\/+|\/+$/g, '');
  return subdir ? ['--', subdir] : [];
}

/** Runs git and yields its NUL-separated output tokens as they arrive. */
async function* gitTokens(
  args: string[],
  options: GitProcessOptions,
): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of streamGit(args, options)) {
    const tokens = (rest + chunk).split('\0');
    rest = tokens.pop()!;
    for (const token of tokens) yield token;
  }
  if (rest) yield rest;
}

/** The commit a revision names, so results say exactly what they were computed on. @public */
export async function resolveRevision(
  scope: GitHistoryScope,
  options: GitProcessOptions = {},
): Promise<string> {
  let output = '';
  for await (const token of gitTokens(
    [
      '-C',
      scope.repository,
      'rev-parse',
      '--verify',
      `${scope.revision ?? 'HEAD'}^{commit}`,
    ],
    options,
  )) {
    output += token;
  }
  return output.trim();
}

/** The files of the repository at the revision (`git ls-tree -r`), nothing checked out. @public */
export async function listFiles(
  scope: GitHistoryScope,
  options: GitProcessOptions = {},
): Promise<string[]> {
  const files: string[] = [];
  for await (const token of gitTokens(
    [
      '-C',
      scope.repository,
      'ls-tree',
      '-r',
      '-z',
      '--name-only',
      scope.revision ?? 'HEAD',
      ...pathspec(scope),
    ],
    options,
  )) {
    if (token) files.push(token);
  }
  return files;
}

function parseIdentity(value: string): GitIdentity | undefined {
  const match = /^\s*(.*?)\s*<([^>]*)>\s*$/.exec(value);
  return match ? { name: match[1], email: match[2] } : undefined;
}

/**
 * The non-merge history up to the revision, oldest first, with renames
 * detected, as a stream: one commit in memory at a time.
 * @public
 */
export async function* readCommits(
  scope: GitHistoryScope,
  options: GitProcessOptions = {},
): AsyncGenerator<HistoryCommit> {
  let current: HistoryCommit | undefined;
  // A status token, then one path (two for renames and copies).
  let pending:
    | { status: HistoryChange['status']; paths: string[]; need: number }
    | undefined;

  for await (const raw of gitTokens(
    [
      '-C',
      scope.repository,
      '-c',
      'core.quotePath=false',
      'log',
      '--reverse',
      '--no-merges',
      '--name-status',
      '--find-renames',
      '-z',
      `--format=${LOG_FORMAT}`,
      scope.revision ?? 'HEAD',
      ...pathspec(scope),
    ],
    options,
  )) {
    if (pending) {
      pending.paths.push(raw);
      if (pending.paths.length === pending.need) {
        const [first, second] = pending.paths;
        current!.changes.push(
          second === undefined
            ? { status: pending.status, path: first }
            : { status: pending.status, path: second, previousPath: first },
        );
        pending = undefined;
      }
      continue;
    }
    const token = raw.startsWith('\n') ? raw.slice(1) : raw;
    if (token.startsWith(RECORD)) {
      if (current) yield current;
      const [id, name, email, time, trailers] = token.slice(1).split(FIELD);
      current = {
        id,
        author: { name, email },
        coAuthors: (trailers ?? '')
          .split(TRAILER)
          .map(parseIdentity)
          .filter((identity): identity is GitIdentity => Boolean(identity)),
        timestamp: new Date(Number(time) * 1000),
        changes: [],
      };
    } else if (token) {
      const status = token[0] as HistoryChange['status'];
      pending = {
        status,
        paths: [],
        need: status === 'R' || status === 'C' ? 2 : 1,
      };
    }
  }
  if (current) yield current;
}
