export interface Config {
  sre?: {
    /**
     * AWS IAM as the access inventory of the Resource entities annotated
     * `baton.dev/access-source: aws-account:<account id>`: the IAM credential
     * report, each user's groups and the managed policies attached to users
     * and groups. The module registers the source only when this is present.
     */
    awsIam?: {
      /**
       * The accounts this backend can read. An `aws-account:<id>` whose id is
       * not listed here fails, naming it.
       */
      accounts: Array<{
        /**
         * The 12-digit account id, as a string: quote it in YAML, or a
         * leading zero is lost.
         */
        accountId: string;
        /**
         * The region IAM requests are signed for (default `us-east-1`, the
         * commercial partition's IAM endpoint; `cn-north-1` in China,
         * `us-gov-west-1` in GovCloud).
         */
        region?: string;
        /**
         * A profile of the shared AWS config files (`~/.aws/config`), read by
         * the SDK's default chain; a profile with `role_arn` and
         * `source_profile` or `credential_source` assumes a role in the
         * account. Not together with `credentials`.
         */
        profile?: string;
        /**
         * Static credentials. Without them (and without `profile`) the AWS
         * SDK's default credential chain is used (environment, shared config,
         * web identity, ECS or EC2 instance role), which is the better choice
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
