import {
  ANNOTATION_REPOS,
  ANNOTATION_SOURCE_LOCATION,
} from '../../annotations';

/** A repository and the folder of it that belongs to an entity. @public */
export interface RepoSpec {
  /** A git URL or a path. */
  location: string;
  subdir?: string;
}

const REMOTE_LOCATION = /^([a-z][a-z0-9+.-]*:\/\/|[\w.-]+@[\w.-]+:)/i;

/** Whether a repository location is a URL or scp-like address rather than a path. @public */
export function isRemoteLocation(location: string): boolean {
  return REMOTE_LOCATION.test(location);
}

/**
 * Parses `location[:subdir]`, where location is a path, a URL
 * (`https://host:port/x.git`) or scp-like (`git@host:org/x.git`): the colons
 * those forms need are never read as the subdir separator.
 * @public
 */
export function parseRepoSpec(spec: string): RepoSpec {
  const trimmed = spec.trim();
  const prefix =
    /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(trimmed)?.[0] ?? // scheme://host[:port]
    /^[\w.-]+@[\w.-]+:/.exec(trimmed)?.[0] ?? // user@host:
    /^[A-Za-z]:(?=[\\/])/.exec(trimmed)?.[0] ?? // a Windows drive
    '';
  const separator = trimmed.indexOf(':', prefix.length);
  if (separator < 0) return { location: trimmed };
  const subdir = trimmed.slice(separator + 1).replace(/^\/+|\/+$/g, '');
  return {
    location: trimmed.slice(0, separator),
    ...(subdir ? { subdir } : {}),
  };
}

/**
 * The repositories whose history is an entity's knowledge: `baton.dev/repos`
 * (comma-separated), else `backstage.io/source-location` — whose browse URLs
 * (`…/tree/<ref>/<folder>`) become the repository and folder.
 * @public
 */
export function repoSpecsOf(
  annotations: Record<string, string> = {},
): RepoSpec[] {
  const repos = annotations[ANNOTATION_REPOS];
  if (repos) {
    return repos
      .split(',')
      .map(entry => entry.trim())
      .filter(Boolean)
      .map(parseRepoSpec);
  }
  const source = annotations[ANNOTATION_SOURCE_LOCATION];
  if (!source) return [];
  const target = source.replace(/^(url|dir):/, '');
  const browse =
    /^(https?:\/\/[^/]+\/[^/]+\/[^/]+?)(?:\.git)?\/(?:-\/)?tree\/[^/]+\/?(.*)$/.exec(
      target,
    );
  if (browse) {
    const subdir = browse[2].replace(/\/+$/, '');
    return [{ location: `${browse[1]}.git`, ...(subdir ? { subdir } : {}) }];
  }
  return [{ location: target.replace(/\/+$/, '') }];
}

/** A repository location as one comparable key: host and path, lower-cased, without credentials, `.git` or scheme. */
function repositoryKey(location: string): string {
  const scp = /^[\w.-]+@([\w.-]+):(.*)$/.exec(location);
  const bare = scp
    ? `${scp[1]}/${scp[2]}`
    : location.replace(/^[a-z][a-z0-9+.-]*:\/\/([^@/]*@)?/i, '');
  return bare
    .replace(/\/+$/, '')
    .replace(/\.git$/, '')
    .toLowerCase();
}

/**
 * Where a runbook link points inside one of the entity's repositories: a
 * browse URL (`https://host/org/repo/blob/<ref>/<path>`, GitLab's `/-/blob/`,
 * `tree` and `raw` too, optionally `url:`-prefixed) of the same repository,
 * or a path under a local repository. The ref in the URL is not compared:
 * the history read is the default branch's. Undefined when the file is in
 * none of them, or outside the folder (`subdir`) whose history is read.
 * @public
 */
export function runbookFileIn(
  url: string,
  specs: RepoSpec[],
): { index: number; path: string } | undefined {
  const target = url.trim().replace(/^url:/, '');
  const browse =
    /^(https?:\/\/[^/]+\/.+?)(?:\.git)?\/(?:-\/)?(?:blob|tree|raw)\/[^/]+\/(.+?)\/*(?:[?#].*)?$/.exec(
      target,
    );
  for (const [index, spec] of specs.entries()) {
    let path: string | undefined;
    if (browse && isRemoteLocation(spec.location)) {
      if (repositoryKey(browse[1]) === repositoryKey(spec.location)) {
        path = decodeURIComponent(browse[2]);
      }
    } else if (!isRemoteLocation(spec.location)) {
      const file = target.replace(/^file:(\/\/)?/, '');
      const root = spec.location.replace(/\/+$/, '');
      if (file.startsWith(`${root}/`)) path = file.slice(root.length + 1);
    }
    if (
      path &&
      !path.split('/').includes('..') &&
      (!spec.subdir || path.startsWith(`${spec.subdir}/`))
    ) {
      return { index, path };
    }
  }
  return undefined;
}
