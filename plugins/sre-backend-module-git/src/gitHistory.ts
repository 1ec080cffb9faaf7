import type {
  GitIdentity,
  HistoryChange,
  HistoryCommit,
} from '@baton/plugin-sre-common';
import { spawn } from 'child_process';
import {
  type GitProcessOptions,
  gitEnvironment,
  SAFE_CONFIG,
  streamGit,
} from './gitProcess';

/** Where to read history: a working copy or a bare repository, at a revision, optionally one subfolder. @public */
export interface GitHistoryScope {
  /** Path of a working copy or a bare repository. */
  repository: string;
  /** Any revision git understands; defaults to HEAD. */
  revision?: string;
  /** Only files under this folder (for monorepos). */
  subdir?: string;
  /**
   * One file instead of a folder (e.g. a runbook outside `subdir`): its own
   * history through renames (`git log --follow`); `subdir` is then not read.
   */
  file?: string;
  /** Apply `.mailmap` to authors (default); false reads `%an`/`%ae` as recorded. */
  mailmap?: boolean;
  /** git's diff.renameLimit for the log (git's default when unset). */
  renameLimit?: number;
}

const RECORD = '\x1e';
const FIELD = '\x1f';
const TRAILER = '\x1d';
// %aN/%aE apply .mailmap, %an/%ae do not; co-authors come from the trailers.
const logFormat = (mailmap: boolean) =>
  `${RECORD}%H${FIELD}${mailmap ? '%aN' : '%an'}${FIELD}${
    mailmap ? '%aE' : '%ae'
  }${FIELD}%at${FIELD}%(trailers:key=Co-authored-by,valueonly,separator=%x1d)`;

function pathspec(scope: GitHistoryScope): string[] {
  // A file's name is taken as written: a `*` in it is no glob.
  if (scope.file) return ['--', `:(literal)${scope.file}`];
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

/** A file at a revision: its path, blob id and size in bytes. @public */
export interface GitBlob {
  /** Relative, `/`-separated. */
  path: string;
  /** The blob's object id. */
  object: string;
  /** In bytes. */
  size: number;
}

/** The files of the repository at the revision with their blob ids and sizes (`git ls-tree -r -l`); submodules left out. @public */
export async function listBlobs(
  scope: GitHistoryScope,
  options: GitProcessOptions = {},
): Promise<GitBlob[]> {
  const blobs: GitBlob[] = [];
  for await (const token of gitTokens(
    [
      '-C',
      scope.repository,
      'ls-tree',
      '-r',
      '-l',
      '-z',
      scope.revision ?? 'HEAD',
      ...pathspec(scope),
    ],
    options,
  )) {
    // "<mode> <type> <object> <size padded>\t<path>"
    const tab = token.indexOf('\t');
    const [, type, object, size] = token.slice(0, tab).split(/\s+/);
    if (tab > 0 && type === 'blob') {
      blobs.push({ path: token.slice(tab + 1), object, size: Number(size) });
    }
  }
  return blobs;
}

/**
 * The first `maxBytes` of each blob, as text, through one
 * `git cat-file --batch`. Sizes there are bytes, so output is parsed as bytes.
 * @public
 */
export async function readBlobHeads(
  repository: string,
  objects: string[],
  maxBytes: number,
  options: GitProcessOptions = {},
): Promise<Map<string, string>> {
  const heads = new Map<string, string>();
  await forEachBlobHead(
    repository,
    objects,
    maxBytes,
    (object, head) => heads.set(object, head.toString('utf8')),
    options,
  );
  return heads;
}

/**
 * Hands the first `maxBytes` of each blob to `visit` as it arrives from one
 * `git cat-file --batch`, so no more than one blob's head is held at a time;
 * the rest of each blob is skipped, not kept. Missing objects are left out.
 */
export async function forEachBlobHead(
  repository: string,
  objects: string[],
  maxBytes: number,
  visit: (object: string, head: Buffer) => void,
  options: GitProcessOptions = {},
): Promise<void> {
  if (!objects.length) return;
  const child = spawn(
    'git',
    [...SAFE_CONFIG, '-C', repository, 'cat-file', '--batch', '--buffer'],
    { stdio: ['pipe', 'pipe', 'pipe'], env: gitEnvironment(options) },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', chunk => (stderr = (stderr + chunk).slice(-4096)));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  child.stdin.on('error', () => undefined);
  child.stdin.end(`${objects.join('\n')}\n`);

  // "<object> <type> <size>\n<content>\n", or "<object> missing\n".
  let header: Buffer[] = [];
  // The blob being read: bytes still to come, and its head so far.
  let body:
    | { object: string; left: number; kept: Buffer[]; size: number }
    | undefined;
  // The newline after a blob's content is still to come.
  let afterBody = false;
  const finish = (current: NonNullable<typeof body>) => {
    body = undefined;
    afterBody = true;
    visit(current.object, Buffer.concat(current.kept, current.size));
  };
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    let offset = 0;
    while (offset < chunk.length) {
      if (body) {
        const n = Math.min(body.left, chunk.length - offset);
        const keep = Math.min(n, maxBytes - body.size);
        if (keep > 0) {
          body.kept.push(chunk.subarray(offset, offset + keep));
          body.size += keep;
        }
        body.left -= n;
        offset += n;
        if (body.left === 0) finish(body);
      } else if (afterBody) {
        afterBody = false;
        offset += 1;
      } else {
        const newline = chunk.indexOf(10, offset);
        if (newline === -1) {
          header.push(chunk.subarray(offset));
          break;
        }
        header.push(chunk.subarray(offset, newline));
        const [object, type, size] = Buffer.concat(header)
          .toString('latin1')
          .split(' ');
        header = [];
        offset = newline + 1;
        if (type !== 'missing') {
          body = { object, left: Number(size), kept: [], size: 0 };
          if (body.left === 0) finish(body);
        }
      }
    }
  }
  const code = await exited;
  if (code !== 0)
    throw new Error(`git cat-file failed (${code}): ${stderr.trim()}`);
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
 * detected, as a stream: one commit in memory at a time. A `file` scope's
 * history is read newest first and handed over reversed (git cannot follow
 * a file's renames with `--reverse`), so it is held whole: one file's commits.
 * @public
 */
export async function* readCommits(
  scope: GitHistoryScope,
  options: GitProcessOptions = {},
): AsyncGenerator<HistoryCommit> {
  if (!scope.file) {
    yield* logCommits(scope, options);
    return;
  }
  const newestFirst: HistoryCommit[] = [];
  for await (const commit of logCommits(scope, options)) {
    newestFirst.push(commit);
  }
  yield* newestFirst.reverse();
}

/** `git log` parsed: oldest first, or newest first following a `file` through renames. */
async function* logCommits(
  scope: GitHistoryScope,
  options: GitProcessOptions,
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
      ...(scope.renameLimit
        ? ['-c', `diff.renameLimit=${scope.renameLimit}`]
        : []),
      'log',
      scope.file ? '--follow' : '--reverse',
      '--no-merges',
      '--name-status',
      '--find-renames',
      '-z',
      `--format=${logFormat(scope.mailmap ?? true)}`,
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
