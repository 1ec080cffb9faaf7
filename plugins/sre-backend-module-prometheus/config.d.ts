export interface Config {
  sre?: {
    /** The Prometheus SLI source. */
    prometheus?: {
      /**
       * The Prometheus servers Baton may query. An OpenSLO `metricSourceRef`
       * names one; a metric source without it uses the first.
       */
      instances?: Array<{
        /** The name an OpenSLO `metricSourceRef` uses, e.g. `main`. */
        name: string;
        /** The server's URL, with any path prefix, e.g. `http://prometheus:9090`. */
        baseUrl: string;
        /**
         * A bearer token sent as `Authorization: Bearer <token>`.
         * @visibility secret
         */
        token?: string;
        /** The user for basic authentication, with `password`. */
        username?: string;
        /**
         * The password for basic authentication, with `username`.
         * @visibility secret
         */
        password?: string;
      }>;
    };
  };
}
