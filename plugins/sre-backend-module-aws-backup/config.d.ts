export interface Config {
  sre?: {
    /**
     * AWS Backup as a backup source: per account and region, the protected
     * resources, their tags, and their backup, copy and restore jobs. The
     * module registers a source per account only when this is present.
     */
    awsBackup?: {
      accounts: Array<{
        /**
         * The 12-digit account id, as a string: quote it in YAML, or a
         * leading zero is lost.
         */
        accountId: string;
        /** The regions whose AWS Backup is read in this account (at least one). */
        regions: string[];
        /**
         * A profile of the shared AWS config files (`~/.aws/config`), read by
         * the SDK's default chain; a profile with `role_arn` and
         * `source_profile` or `credential_source` assumes a role in the
         * account. Not together with `credentials`.
         */
        profile?: string;
        /**
         * Static credentials. Without them (and without `profile`) the AWS
         * SDK's default credential chain is used, which is the better choice
         * where it is available.
         */
        credentials?: {
          /** @visibility secret */
          accessKeyId: string;
          /** @visibility secret */
          secretAccessKey: string;
          /** For temporary credentials. @visibility secret */
          sessionToken?: string;
        };
      }>;
    };
  };
}
