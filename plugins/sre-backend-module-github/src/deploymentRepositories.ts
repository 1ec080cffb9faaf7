import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_IAC,
  parseRepoSpec,
  repoSpecsOf,
} from '@baton/plugin-sre-common';

/** A GitHub repository whose deployments are production changes of some entities. */
export interface DeploymentRepository {
  owner: string;
  repo: string;
  /** The entities that name it (full refs, sorted). */
  entityRefs: string[];
  /** Whether some entity names it as its infrastructure as code (`baton.dev/iac`). */
  iac: boolean;
}

/** `scheme://[user@]host[:port]/owner/repo…` or scp-like `user@host:owner/repo…`. */
const REMOTE =
  /^(?:[a-z][a-z0-9+.-]*:\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/|[\w.-]+@([^:/]+):)([^/]+)\/([^/#?]+?)(?:\.git)?\/?(?:[/#?]|$)/i;

/**
 * The `owner/name` of a repository location on the GitHub at `host`
 * (`github.com`, or a GitHub Enterprise Server's host); undefined for a
 * path, another host or no repository at all.
 */
export function githubRepositoryOf(
  location: string,
  host: string,
): { owner: string; repo: string } | undefined {
  const match = REMOTE.exec(location.trim().replace(/^(url|dir):/, ''));
  if (!match) return undefined;
  const [, urlHost, scpHost, owner, repo] = match;
  if ((urlHost ?? scpHost).toLowerCase() !== host.toLowerCase()) {
    return undefined;
  }
  return { owner, repo };
}

/** The web host of the GitHub whose API is at `baseUrl`. */
export function githubWebHost(baseUrl: string): string {
  const { host } = new URL(baseUrl);
  // github.com's API has its own host; a GitHub Enterprise Server answers at https://<host>/api/v3.
  return host.toLowerCase() === 'api.github.com' ? 'github.com' : host;
}

/**
 * The GitHub repositories that entities name in `baton.dev/repos` (else
 * `backstage.io/source-location`, as the knowledge source reads them) and in
 * `baton.dev/iac`, each once (GitHub names are case-insensitive), with the
 * entities that name it.
 */
export function deploymentRepositoriesOf(
  entities: Entity[],
  host: string,
): DeploymentRepository[] {
  const byName = new Map<string, DeploymentRepository>();
  const add = (location: string, entityRef: string, iac: boolean) => {
    const found = githubRepositoryOf(location, host);
    if (!found) return;
    const key = `${found.owner}/${found.repo}`.toLowerCase();
    const repository = byName.get(key) ?? { ...found, entityRefs: [], iac };
    repository.iac ||= iac;
    if (!repository.entityRefs.includes(entityRef)) {
      repository.entityRefs.push(entityRef);
    }
    byName.set(key, repository);
  };
  for (const entity of entities) {
    const entityRef = stringifyEntityRef(entity);
    const annotations = entity.metadata.annotations ?? {};
    for (const { location } of repoSpecsOf(annotations)) {
      add(location, entityRef, false);
    }
    for (const spec of (annotations[ANNOTATION_IAC] ?? '').split(',')) {
      if (spec.trim()) add(parseRepoSpec(spec).location, entityRef, true);
    }
  }
  return [...byName.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, repository]) => ({
      ...repository,
      entityRefs: [...repository.entityRefs].sort(),
    }));
}
