export interface Config {
  sre?: {
    webhooks?: {
      sentry?: {
        /**
         * How far `Sentry-Hook-Timestamp` may be from now, either way, before
         * a delivery is refused as replayed (401); default 300 seconds.
         */
        timestampToleranceSeconds?: number;
      };
    };
  };
}
