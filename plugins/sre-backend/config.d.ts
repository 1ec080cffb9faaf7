import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

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
    /** The knowledge map and truck factor, computed from each entity's repositories. */
    knowledge?: {
      /** When to recompute; defaults to every 6 hours, first 15 s after start. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Globs of further files to leave out, beside vendored, generated and documentation files. */
      exclude?: string[];
      /** Regular expressions (case-insensitive) of bot names or e-mails; replaces the defaults. */
      botPatterns?: string[];
    };
    /** The "ready for leave" score; every key is optional and overrides the documented default. */
    readiness?: {
      /** Weight of each check by id (truck-factor, runbook, …). */
      weights?: { [checkId: string]: number };
      /** Checks that keep a service from `ready` when they fail or are unknown. */
      critical?: string[];
      /** minTruckFactor, recentCommitDays, drillMaxAgeDays, readyScore, … */
      thresholds?: { [name: string]: number };
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
