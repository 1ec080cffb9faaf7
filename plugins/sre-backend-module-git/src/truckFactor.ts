import {
  KnowledgeFileFilter,
  loadLinguistRules,
  TruckFactorCalculator,
  TruckFactorResult,
} from '@baton/plugin-sre-common';
import {
  GitHistoryScope,
  listBlobs,
  readBlobHeads,
  readCommits,
  resolveRevision,
} from './gitHistory';

/** How to compute a repository's truck factor. @public */
export interface TruckFactorOptions extends GitHistoryScope {
  /**
   * The published method (Avelino et al., ICPC 2016, as their tool runs it):
   * `Co-authored-by:` trailers do not count, authors as recorded (`%an`/`%ae`,
   * no `.mailmap`), no bot filter, git's rename limit raised to 999999.
   */
  classic?: boolean;
  /** Pairs of author names that are one person (the tool's alias.txt), merged case-insensitively. */
  aliases?: Array<[string, string]>;
  /** Globs of further files to leave out, beside those Linguist does not count. */
  exclude?: string[];
  /** Regular expressions (case-insensitive) of bot names or e-mails; defaults to DEFAULT_BOT_PATTERNS (none when classic). */
  botPatterns?: string[];
}

// heuristics.rb reads the first 50 KiB of a file.
const HEAD_BYTES = 50 * 1024;

/**
 * The files at the revision that GitHub Linguist counts (see
 * KnowledgeFileFilter): empty files have no language; paths whose name
 * cannot decide are read (one `git cat-file --batch`).
 * @public
 */
export async function listCountedFiles(
  scope: GitHistoryScope,
  exclude?: string[],
): Promise<string[]> {
  const filter = new KnowledgeFileFilter(loadLinguistRules(), exclude);
  // Linguist.detect: an empty blob has no language.
  const blobs = (await listBlobs(scope)).filter(blob => blob.size > 0);
  const undecided = blobs.filter(blob => filter.needsContent(blob.path));
  const heads = await readBlobHeads(
    scope.repository,
    [...new Set(undecided.map(blob => blob.object))],
    HEAD_BYTES,
  );
  return blobs
    .filter(blob => !filter.isExcluded(blob.path, heads.get(blob.object)))
    .map(blob => blob.path);
}

/** The truck factor of a repository at a revision, read straight from git. @public */
export async function computeTruckFactor(
  options: TruckFactorOptions,
): Promise<TruckFactorResult & { revision: string }> {
  // Pin the revision once, so files and history describe the same commit.
  const revision = await resolveRevision(options);
  const scope: GitHistoryScope = {
    ...options,
    revision,
    ...(options.classic ? { mailmap: false, renameLimit: 999_999 } : {}),
  };
  // The file set is read while the history streams: two git processes at once.
  const counted = listCountedFiles(scope, options.exclude);
  counted.catch(() => undefined); // awaited below; a history failure may come first
  const calculator = new TruckFactorCalculator({
    pairing: !options.classic,
    // The published tool counts every author, bots too.
    botPatterns: options.botPatterns ?? (options.classic ? [] : undefined),
    aliases: options.aliases,
  });
  for await (const commit of readCommits(scope)) {
    calculator.addCommit(commit);
  }
  const files = await counted;
  return {
    ...calculator.compute(files),
    revision,
  };
}
