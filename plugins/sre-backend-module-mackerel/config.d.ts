export interface Config {
  sre?: {
    /** The Mackerel SLI source and alert pollers; without instances neither is registered. */
    mackerel?: {
      /**
       * One entry per Mackerel organization. An OpenSLO `metricSourceRef`
       * names one; a metric source without it uses the first.
       */
      instances?: Array<{
        /** The name an OpenSLO `metricSourceRef` uses, e.g. `main`. */
        name: string;
        /**
         * An API key of the organization, with Read permission.
         * @visibility secret
         */
        apiKey: string;
        /** The API's origin; defaults to https://api.mackerelio.com. */
        baseUrl?: string;
      }>;
    };
  };
}
