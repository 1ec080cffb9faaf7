import { minimatch } from 'minimatch';

/**
 * Path conventions for vendored, generated and documentation files, after
 * GitHub Linguist's vendor and documentation rules: such files say nothing
 * about who knows a service's code, so the truck factor leaves them out.
 */
const LINGUIST_STYLE_RULES: RegExp[] = [
  // vendored dependencies and build output
  /(^|\/)node_modules\//,
  /(^|\/)bower_components\//,
  /(^|\/)(3rd|third)[-_]?party\//i,
  /(^|\/)vendors?\//i,
  /(^|\/)extern(al)?\//,
  /(^|\/)cache\//,
  /(^|\/)dist\//,
  /^deps\//,
  /(^|\/)Godeps\/_workspace\//,
  /(^|\/)\.yarn\/(releases|plugins|sdks)\//,
  /(^|\/)gradlew(\.bat)?$/,
  /(^|\/)gradle\/wrapper\//,
  /(^|\/)mvnw(\.cmd)?$/,
  /(^|\/)\.mvn\/wrapper\//,
  /(^|\/)(configure|config\.guess|config\.sub)$/,
  /(\.|-)min\.(js|css)$/,
  /^[Tt]ests?\/fixtures\//,
  // generated files
  /(^|\/)(package-lock\.json|yarn\.lock|pnpm-lock\.yaml|npm-shrinkwrap\.json)$/,
  /(^|\/)(Gemfile\.lock|Cargo\.lock|poetry\.lock|composer\.lock|go\.sum|Pipfile\.lock)$/,
  /\.(js|css)\.map$/,
  /\.pb\.go$/,
  /_pb2(_grpc)?\.py$/,
  /(^|\/)__generated__\//,
  /\.designer\.(cs|vb)$/,
  // documentation
  /^docs?\//i,
  /^Documentation\//,
  /(^|\/)(CONTRIBUTING|COPYING|LICEN[CS]E|README)(\.|$)/,
];

/** Decides which files of a repository count for the truck factor. @public */
export class KnowledgeFileFilter {
  readonly #extraGlobs: string[];

  /** @param extraGlobs - further paths to leave out, as globs (`**\/generated/**`). */
  constructor(extraGlobs: string[] = []) {
    this.#extraGlobs = extraGlobs;
  }

  /** Whether a path (relative, `/`-separated) is vendored, generated or documentation. */
  isExcluded(path: string): boolean {
    return (
      LINGUIST_STYLE_RULES.some(rule => rule.test(path)) ||
      this.#extraGlobs.some(glob => minimatch(path, glob, { dot: true }))
    );
  }
}
