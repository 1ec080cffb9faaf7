export interface Config {
  sre?: {
    /**
     * GitHub as an access inventory: the members, owners, outside
     * collaborators, team memberships and repository admins of the
     * organizations that Resource entities name with
     * `baton.dev/access-source: github-org:<org>`. The module registers the
     * source only when this is present.
     */
    github?: {
      /**
       * A token that reads the organizations: a personal access token
       * (classic) with `read:org` and `repo`, or a fine-grained token with
       * the organization's "Members" (read) and the repositories' "Metadata"
       * (read) permissions. Its user must own the organization for the
       * two-factor audit. GitHub App authentication is not supported yet.
       * @visibility secret
       */
      token: string;
      /**
       * The API's root for GitHub Enterprise Server, e.g.
       * `https://github.example.com/api/v3`; `https://api.github.com` unless set.
       */
      baseUrl?: string;
    };
  };
}
