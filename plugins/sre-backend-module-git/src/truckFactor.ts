import {
  KnowledgeFileFilter,
  TruckFactorCalculator,
  TruckFactorResult,
} from '@baton/plugin-sre-common';
import {
  GitHistoryScope,
  listFiles,
  readCommits,
  resolveRevision,
} from './gitHistory';

/** How to compute a repository's truck factor. @public */
export interface TruckFactorOptions extends GitHistoryScope {
  /** The published algorithm: `Co-authored-by:` trailers do not count. */
  classic?: boolean;
  /** Globs of further files to leave out, beside vendored, generated and documentation files. */
  exclude?: string[];
  /** Regular expressions (case-insensitive) of bot names or e-mails; defaults to DEFAULT_BOT_PATTERNS. */
  botPatterns?: string[];
}

/** The truck factor of a repository at a revision, read straight from git. @public */
export async function computeTruckFactor(
  options: TruckFactorOptions,
): Promise<TruckFactorResult & { revision: string }> {
  // Pin the revision once, so files and history describe the same commit.
  const revision = await resolveRevision(options);
  const scope = { ...options, revision };
  const filter = new KnowledgeFileFilter(options.exclude);
  const files = (await listFiles(scope)).filter(
    path => !filter.isExcluded(path),
  );
  const calculator = new TruckFactorCalculator({
    pairing: !options.classic,
    botPatterns: options.botPatterns,
  });
  for await (const commit of readCommits(scope)) {
    calculator.addCommit(commit);
  }
  return {
    ...calculator.compute(files),
    revision,
  };
}
