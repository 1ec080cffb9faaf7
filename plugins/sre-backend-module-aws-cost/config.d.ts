export interface Config {
  sre?: {
    /**
     * AWS Cost Explorer as a cost source (GetCostAndUsage, daily, by a cost
     * allocation tag and by service). The module registers the source only when
     * this is present; `awsCost: {}` takes every default. It is pulled on
     * `sre.cost.schedule` (every 6 hours by default); each request costs USD 0.01.
     */
    awsCost?: {
      /**
       * The cost allocation tag whose value names a service (default
       * `service`). It must be activated in the Billing console.
       */
      tagKey?: string;
      /**
       * The region of the Cost Explorer endpoint (default `us-east-1`, the
       * commercial partition's; `cn-northwest-1` in the China partition).
       */
      region?: string;
      /**
       * How many days before today are kept up to date, today included
       * (default 90). Only the days not yet final are requested.
       */
      lookbackDays?: number;
      /** The id stored with this source's rows (default `aws-cost`). */
      sourceId?: string;
      /**
       * Static credentials. Without them the AWS SDK's default credential
       * chain is used (environment, shared config, web identity, ECS or EC2
       * instance role), which is the better choice where it is available.
       */
      credentials?: {
        /** @visibility secret */
        accessKeyId: string;
        /** @visibility secret */
        secretAccessKey: string;
        /** For temporary credentials. @visibility secret */
        sessionToken?: string;
      };
    };
  };
}
