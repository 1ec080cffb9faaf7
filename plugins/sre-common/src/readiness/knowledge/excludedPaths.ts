import { minimatch } from 'minimatch';
import { LinguistClassifier, type LinguistRules } from './linguist';

/**
 * Decides which files of a repository count for the truck factor: those
 * GitHub Linguist counts in a repository's language statistics (a language
 * of type programming or markup; not vendored, documentation or generated),
 * as Avelino et al.'s tool does, minus further globs.
 * @public
 */
export class KnowledgeFileFilter {
  readonly #classifier: LinguistClassifier;
  readonly #extraGlobs: string[];

  /**
   * @param rules - Linguist's data (`loadLinguistRules()`).
   * @param extraGlobs - further paths to leave out, as globs (`**\/generated/**`).
   */
  constructor(rules: LinguistRules, extraGlobs: string[] = []) {
    this.#classifier = new LinguistClassifier(rules);
    this.#extraGlobs = extraGlobs;
  }

  /** The Linguist classification behind the filter (cached per path). */
  get classifier(): LinguistClassifier {
    return this.#classifier;
  }

  /**
   * Whether content is needed to decide a path: no language by name (a
   * shebang may name one), an ambiguous extension whose candidates differ
   * in type, or a file that counts by name unless generated.rb's content
   * checks call it generated (minified, a generator's banner).
   */
  needsContent(path: string): boolean {
    return this.#classifier.needsContent(path) && !this.#isExtra(path);
  }

  /**
   * Whether a path (relative, `/`-separated) is left out. `content` (the
   * first LINGUIST_CONTENT_BYTES, latin1) decides the paths `needsContent`
   * names; without it they are decided by name.
   */
  isExcluded(path: string, content?: string): boolean {
    return !this.#classifier.counts(path, content) || this.#isExtra(path);
  }

  #isExtra(path: string): boolean {
    return this.#extraGlobs.some(glob => minimatch(path, glob, { dot: true }));
  }
}
