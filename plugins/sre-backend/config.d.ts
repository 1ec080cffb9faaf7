export interface Config {
  /** Baton (the `sre` plugin). */
  sre?: {
    /**
     * Feed the demo catalog with deterministic demo data. Off in production.
     * @visibility backend
     */
    demo?: boolean;
    /** Shared secrets of the alert webhooks; a source without one is disabled (404). */
    webhooks?: {
      [source in
        | 'alertmanager'
        | 'mackerel'
        | 'cloudwatch'
        | 'sentry'
        | 'generic']?: {
        /** @visibility secret */
        secret: string;
      };
    };
    /** Prometheus instances used as SLI sources. */
    prometheus?: {
      instances: Array<{
        /** Name that an OpenSLO `metricSourceRef` refers to. */
        name: string;
        baseUrl: string;
        /** @visibility secret */
        token?: string;
      }>;
    };
  };
}
