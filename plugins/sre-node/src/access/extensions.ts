import { createExtensionPoint } from '@backstage/backend-plugin-api';

/**
 * How a principal is named at its source, so that the backend can match it
 * to a catalog User: `github-login` by `github.com/user-login`,
 * `aws-iam-user` by `baton.dev/aws-iam-user`, `email` by
 * `spec.profile.email`. `other` is kept and flagged as unmatched.
 * @public
 */
export type AccessPrincipalKind =
  | 'github-login'
  | 'aws-iam-user'
  | 'email'
  | 'other';

/** One grant of access found at a source. @public */
export interface AccessGrant {
  /** The principal as the source names it (login, IAM user name, e-mail). */
  principal: string;
  principalKind: AccessPrincipalKind;
  /**
   * What the access is to: the source itself (`github-org:acme`,
   * `aws-account:123456789012`) or a part of it (`github-repo:acme/checkout`,
   * `github-team:acme/platform`, `aws-iam-group:admins`).
   */
  resource: string;
  /** Role or privilege, e.g. `admin`, `member`, `outside-collaborator`, a policy name. */
  privilege: string;
  /** When the principal last used this access, when the source knows; null when it never did. */
  lastUsedAt?: Date | null;
  /**
   * Facts a reviewer weighs, as stable codes: `two-factor-disabled`,
   * `outside-collaborator`, `no-mfa`, `console-password`,
   * `active-access-key`.
   */
  flags?: string[];
}

/** What a source found for one `baton.dev/access-source` value. @public */
export interface AccessInventory {
  grants: AccessGrant[];
  /** When the source produced the data (e.g. the IAM credential report's time); default: when it was fetched. */
  generatedAt?: Date;
}

/**
 * Lists who has access to one kind of resource. Answers for the Resource
 * entities whose `baton.dev/access-source` starts with its `prefix`.
 * @public
 */
export interface AccessSource {
  /** e.g. `github-org`, `aws-account`, `file`. */
  readonly prefix: string;
  /**
   * Lists the grants of the access source `prefix:target`. `repositories`
   * holds the repositories (`owner/name`) the catalog knows, for sources
   * that list per-repository access.
   */
  listGrants(
    target: string,
    context: { repositories: string[] },
  ): Promise<AccessInventory>;
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
