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
       * two-factor audit. Exactly one of `token` and `app` is set.
       * @visibility secret
       */
      token?: string;
      /**
       * A GitHub App, instead of `token`: every request carries an
       * installation access token that the module gets with a JWT signed by
       * the App's private key, and gets again before it expires. The App
       * needs the organization permission "Members" (read) and the repository
       * permission "Metadata" (read), and its installation must be on the
       * organization, with access to the reviewed repositories. Exactly one
       * of `token` and `app` is set.
       */
      app?: {
        /** The App's ID (its settings page, "App ID"), e.g. `123456`. */
        appId: number | string;
        /**
         * The App's private key as GitHub generates it, PEM
         * (`-----BEGIN RSA PRIVATE KEY----- …`); line breaks may be written
         * as `\n`.
         * @visibility secret
         */
        privateKey: string;
        /**
         * The ID of the App's installation on the organization, e.g.
         * `7890123`: the number at the end of the installation's settings
         * URL, `https://github.com/organizations/<org>/settings/installations/<id>`.
         */
        installationId: number | string;
      };
      /**
       * The API's root for GitHub Enterprise Server, e.g.
       * `https://github.example.com/api/v3`; `https://api.github.com` unless set.
       */
      baseUrl?: string;
      /**
       * GitHub deployments as production changes (the change source
       * `github`): the deployments to protected environments of the
       * repositories that entities name in `baton.dev/repos` (else
       * `backstage.io/source-location`) and `baton.dev/iac`, pulled on
       * `sre.changes.schedule`. The token or App also needs the
       * repositories' "Actions", "Deployments", "Contents" and "Pull
       * requests" (read) permissions, or a classic token's `repo` scope.
       */
      changes?: {
        /** Registers the change source; off unless true. */
        enabled: boolean;
        /**
         * The environments whose deployments are production changes, e.g.
         * `[production]` (any case). Unless set: every environment with a
         * required-reviewers protection rule.
         */
        environments?: string[];
        /**
         * How many hours before the last pull a deployment is read again, so
         * that one that was waiting or running then is stored with its
         * outcome; 48 unless set, at most 720.
         */
        followUpHours?: number;
      };
    };
  };
}
