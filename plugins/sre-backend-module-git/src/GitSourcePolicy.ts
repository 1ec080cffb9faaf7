import { isChildPath } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { NotAllowedError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import fs from 'fs/promises';
import path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { redactCredentials } from '@baton/plugin-sre-common';

/** A transport git may use for one source (GIT_ALLOW_PROTOCOL). @public */
export type GitProtocol = 'https' | 'http' | 'file';

/** A git host that may be cloned from, and whether it also speaks plain http. @public */
export interface AllowedGitHost {
  /** As in a URL: lower-case, with the port unless it is the default one. */
  host: string;
  /** `http` when the integration's own URL is http; https is always allowed. */
  protocol: 'https' | 'http';
}

/** What the policy lets git read, in the form git is to be given. @public */
export type AllowedGitSource =
  | {
      /** A repository on disk under a local root, read in place. */
      kind: 'local';
      /** Its real path (symbolic links resolved). */
      path: string;
      /** The real path of the local root it lies under. */
      root: string;
    }
  | {
      /** A repository to clone: from an integration's host, or a `file:` URL under a local root. */
      kind: 'clone';
      /** The URL git is given: normalised, so git reads the host that was checked. */
      url: string;
      /** The only transport the clone and its fetches may use. */
      protocol: GitProtocol;
    };

// URL parsers disagree about these, so a URL holding one is never handed to git.
const AMBIGUOUS_CHARACTERS = /[\s\\]/;
// user@host:path or host.name:path, git's short form of ssh.
const SCP_LIKE = /^(?:[\w.-]+@)?([\w.-]+):(?![:/])(.+)$/;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

const refuse = (location: string, reason: string) =>
  new NotAllowedError(
    `Repository ${redactCredentials(location)} is not read: ${reason}`,
  );

function hostOf(url: string | undefined): AllowedGitHost | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      return undefined;
    }
    return {
      host: parsed.host.toLowerCase(),
      protocol: parsed.protocol === 'http:' ? 'http' : 'https',
    };
  } catch {
    return undefined;
  }
}

/** The git hosts of Backstage's `integrations` config (including its defaults, such as github.com). @public */
export function gitHostsOfIntegrations(config: Config): AllowedGitHost[] {
  const integrations = ScmIntegrations.fromConfig(config);
  // Where git clones from: the integration's host, over the scheme of its own URL.
  const onHost = (host: string, url?: string) =>
    `${url?.startsWith('http:') ? 'http' : 'https'}://${host}`;
  const urls = [
    ...integrations.github
      .list()
      .map(i => onHost(i.config.host, i.config.apiBaseUrl)),
    ...integrations.gitlab.list().map(i => i.config.baseUrl),
    ...integrations.bitbucketCloud.list().map(i => onHost(i.config.host)),
    ...integrations.bitbucketServer
      .list()
      .map(i => onHost(i.config.host, i.config.apiBaseUrl)),
    ...integrations.azure.list().map(i => onHost(i.config.host)),
    ...integrations.gerrit
      .list()
      .flatMap(i => [i.config.cloneUrl, i.config.baseUrl]),
    ...integrations.gitea.list().map(i => i.config.baseUrl),
  ];
  const hosts = new Map<string, AllowedGitHost>();
  for (const allowed of urls.map(hostOf)) {
    if (!allowed) continue;
    const known = hosts.get(allowed.host);
    if (!known || allowed.protocol === 'http') hosts.set(allowed.host, allowed);
  }
  return [...hosts.values()];
}

/**
 * Which repositories a catalog entity may make the backend read: https (or
 * http, where the integration is http) URLs of the hosts of Backstage's
 * integrations, and paths or `file:` URLs under the configured local roots.
 * Everything else (ssh, `ext::`, other hosts, other paths) is refused.
 * @public
 */
export class GitSourcePolicy {
  readonly #hosts: Map<string, AllowedGitHost>;
  readonly #localRoots: string[];

  constructor(options: { hosts: AllowedGitHost[]; localRoots: string[] }) {
    this.#hosts = new Map(
      options.hosts.map(host => [host.host.toLowerCase(), host]),
    );
    this.#localRoots = options.localRoots.map(root => path.resolve(root));
  }

  /** The policy of `integrations` and `sre.knowledge.git.localRoots` (relative roots are relative to the working directory). */
  static fromConfig(config: Config): GitSourcePolicy {
    return new GitSourcePolicy({
      hosts: gitHostsOfIntegrations(config),
      localRoots:
        config.getOptionalStringArray('sre.knowledge.git.localRoots') ?? [],
    });
  }

  /** What git may be given for a location; NotAllowedError (with the reason) when nothing. */
  async check(location: string): Promise<AllowedGitSource> {
    if (/\p{Cc}/u.test(location)) {
      throw refuse(location, 'it holds a control character');
    }
    if (path.isAbsolute(location)) {
      return { kind: 'local', ...(await this.#underRoot(location, location)) };
    }
    if (AMBIGUOUS_CHARACTERS.test(location)) {
      throw refuse(location, 'a URL may hold no whitespace or backslash');
    }
    const scheme = SCHEME.exec(location)?.[1].toLowerCase();
    if (scheme === 'file') {
      let file: string;
      try {
        file = fileURLToPath(location);
      } catch {
        throw refuse(location, 'a file: URL must name a path on this host');
      }
      const { path: real } = await this.#underRoot(location, file);
      return { kind: 'clone', url: pathToFileURL(real).href, protocol: 'file' };
    }
    if (scheme === 'https' || scheme === 'http') {
      return this.#onIntegrationHost(location, scheme);
    }
    const scp = SCP_LIKE.exec(location);
    if (scp) {
      throw refuse(
        location,
        `ssh is not allowed; use the https URL (https://${scp[1]}/${scp[2]}) of a host in Backstage's integrations`,
      );
    }
    throw refuse(
      location,
      scheme
        ? `the ${scheme} transport is not allowed; only https URLs of hosts in Backstage's integrations, and paths under sre.knowledge.git.localRoots`
        : 'a path must be absolute (a relative one is relative to the catalog file that names it)',
    );
  }

  #onIntegrationHost(
    location: string,
    scheme: 'https' | 'http',
  ): AllowedGitSource {
    let url: URL;
    try {
      url = new URL(location);
    } catch {
      throw refuse(location, 'it is not a valid URL');
    }
    const host = this.#hosts.get(url.host.toLowerCase());
    if (!host) {
      throw refuse(
        location,
        `${url.host} is not the host of any of Backstage's integrations (integrations.github, gitlab, bitbucketCloud, bitbucketServer, azure, gerrit, gitea)`,
      );
    }
    if (scheme === 'http' && host.protocol !== 'http') {
      throw refuse(
        location,
        `${url.host} is configured with https; plain http is only used for an integration whose URL is http`,
      );
    }
    return { kind: 'clone', url: url.href, protocol: scheme };
  }

  /** The real path of a location under a local root; refused when it leaves every root. */
  async #underRoot(
    location: string,
    file: string,
  ): Promise<{ path: string; root: string }> {
    if (this.#localRoots.length === 0) {
      throw refuse(
        location,
        'local repositories are only read under sre.knowledge.git.localRoots, and none is configured',
      );
    }
    const resolved = path.resolve(file);
    // isChildPath compares real paths, so neither `..` nor a symbolic link leads out of a root.
    const root = this.#localRoots.find(candidate =>
      isChildPath(candidate, resolved),
    );
    if (!root) {
      throw refuse(
        location,
        `it is not under sre.knowledge.git.localRoots (${this.#localRoots.join(
          ', ',
        )})`,
      );
    }
    try {
      return {
        path: await fs.realpath(resolved),
        root: await fs.realpath(root),
      };
    } catch {
      throw refuse(location, 'no such folder');
    }
  }
}
