export interface Config {
  sre?: {
    /** HCP Terraform or Terraform Enterprise, for production changes (Terraform applies). */
    terraform?: {
      /**
       * The API's origin: `https://app.terraform.io` (the default) for HCP
       * Terraform, or a Terraform Enterprise host.
       */
      baseUrl?: string;
      /**
       * A user or team API token that can read the runs of the annotated
       * workspaces. Without it the module adds nothing.
       * @visibility secret
       */
      token?: string;
      /** How long one API request may take, in seconds (default 30). */
      requestTimeoutSeconds?: number;
      /**
       * How long before the last pull a run may have been created and still
       * applied since (one that awaited confirmation), in hours (default 24).
       */
      lookbackHours?: number;
    };
    webhooks?: {
      /** The run notifications webhook, `POST /api/sre/webhooks/terraform`; off without a secret. */
      terraform?: {
        /**
         * The notification configuration's token, with which HCP Terraform
         * signs each delivery (`X-TFE-Notification-Signature`).
         * @visibility secret
         */
        secret?: string;
        /**
         * Further tokens, all accepted (the new and the old one while changing it).
         * @visibility secret
         */
        secrets?: string[];
      };
    };
  };
}
