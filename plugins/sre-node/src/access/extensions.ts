import { createExtensionPoint } from '@backstage/backend-plugin-api';

/** One grant of access found at a source. @public */
export interface AccessGrant {
  /** The principal as the source names it (login, IAM user name, e-mail). */
  principal: string;
  /** What the access is to, e.g. `github-org:acme` or a repository. */
  resource: string;
  /** Role or privilege, e.g. `admin`, `member`, a policy name. */
  privilege: string;
  lastUsedAt?: Date;
}

/**
 * Lists who has access to one kind of resource. Answers for the Resource
 * entities whose `baton.dev/access-source` starts with its `prefix`.
 * @public
 */
export interface AccessSource {
  /** e.g. `github-org`, `aws-account`, `file`. */
  readonly prefix: string;
  /** Lists the grants of the access source `prefix:target`. */
  listGrants(target: string): Promise<AccessGrant[]>;
}

/** Lets modules add access inventories to the sre backend plugin. @public */
export interface SreAccessSourcesExtensionPoint {
  addAccessSource(...sources: AccessSource[]): void;
}

/** @public */
export const sreAccessSourcesExtensionPoint =
  createExtensionPoint<SreAccessSourcesExtensionPoint>({
    id: 'sre.access-sources',
  });
