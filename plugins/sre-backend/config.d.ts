import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import type { HumanDuration } from '@backstage/types';

export interface Config {
  /** Baton (the `sre` plugin). */
  sre?: {
    /**
     * Feed the demo catalog with deterministic demo data. Off in production.
     * @visibility backend
     */
    demo?: boolean;
    /**
     * Users or groups (`jane`, `user:default/jane`, `group:default/sre`) who
     * may do every Baton action under Baton's default permission rules
     * (`sreDefaultPolicyDecision`): start and sign off access reviews,
     * upload cost files, acknowledge any alert, change any team's review.
     * @visibility backend
     */
    admins?: string[];
    /** How Baton reads the catalog. */
    catalog?: {
      /**
       * How long one read of the catalog (services, groups, users) serves
       * team reports, readiness, review agendas and alert and cost mapping
       * in each backend process, in seconds: 0–3600, 30 by default. A
       * catalog change shows up at the latest this long after it is
       * processed; a user's visibility is still checked on every request.
       * @visibility backend
       */
      snapshotMaxAgeSeconds?: number;
    };
    /**
     * Shared secrets of the alert webhooks; a source without any is disabled
     * (404). `secret` and `secrets` may both be given and every one is
     * accepted, so a secret can be rotated without losing deliveries.
     */
    webhooks?: {
      [source in 'alertmanager' | 'mackerel' | 'sentry' | 'generic']?: {
        /** @visibility secret */
        secret?: string;
        /**
         * Further secrets, all accepted (e.g. the new and the old one while rotating).
         * @visibility secret
         */
        secrets?: string[];
      };
    } & {
      cloudwatch?: {
        /** @visibility secret */
        secret?: string;
        /**
         * Further secrets, all accepted (e.g. the new and the old one while rotating).
         * @visibility secret
         */
        secrets?: string[];
        /** Confirm Amazon SNS subscriptions by fetching their SubscribeURL (default false). */
        confirmSubscriptions?: boolean;
      };
    };
    /** Alert history. */
    alerts?: {
      /** When an alert can be acknowledged (by the owners of its entities). */
      acknowledge?: {
        /** How long after it resolved an alert can still be acknowledged (default 60 minutes). */
        afterResolutionMinutes?: number;
        /** How long a person can take their own acknowledgement back (default 5 minutes). */
        undoMinutes?: number;
      };
      /** How often alert pollers (e.g. Mackerel's) pull; defaults to every 5 minutes. */
      pollSchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Cry-wolf rules; each key overrides the documented default. */
      noise?: {
        /** Resolved by the source within this many minutes, never acknowledged (default 5). */
        transientMinutes?: number;
        /** The same monitor firing this many times… (default 3) */
        flapCount?: number;
        /** …within this many hours (default 24). */
        flapWindowHours?: number;
      };
    };
    /** Cost panels. */
    cost?: {
      /** Limits of `POST /costs/import` (stored as the source `upload:<name>`). */
      import?: {
        /** Days one upload may replace, first to last (default 400). */
        maxPeriodDays?: number;
        /** Largest upload in bytes; larger ones get 413 (default 1 GiB). */
        maxBytes?: number;
      };
      /** Which FOCUS column the cards show: EffectiveCost (default, amortized) or BilledCost. */
      metric?: 'effective' | 'billed';
      /** How often every cost source is pulled; defaults to every 6 hours, first 15 s after start. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** The anomaly flag: a day above the trailing mean + sigma × σ, or more than `jump` (0.5 = +50%) above it. */
      anomaly?: {
        /** Default 3. */
        sigma?: number;
        /** Days in the trailing mean; default 28. */
        trailingDays?: number;
        /** Days of history needed before the sigma rule applies; default 7. */
        minHistoryDays?: number;
        /** Off unless set. */
        jump?: number;
      };
      /**
       * Converts spend in several currencies into one total on the cost
       * cards (each currency's own total stays shown). Without it, the cards
       * show each currency's total side by side. Checked at start-up: a code
       * that is not ISO 4217 or a rate that is not a number > 0 stops the
       * backend with the key named. E.g. `{ base: USD, rates: { JPY: 0.0067, EUR: 1.08 } }`.
       */
      exchangeRates?: {
        /** ISO 4217 code of the converted total, e.g. USD. */
        base: string;
        /** Units of `base` one unit of each currency is worth (ISO 4217 code → rate), e.g. JPY: 0.0067. */
        rates: { [currency: string]: number };
      };
    };
    /** Backups: the backup sources' pulls (protected resources, copy and restore jobs). */
    backups?: {
      /** How often every backup source is pulled; defaults to every 6 hours, first 1 minute after start. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    /** Recovery drills: when a service is due for one, and the import of drills recorded outside Baton. */
    drills?: {
      /** Days between drills of a scenario, e.g. `restore-from-backup: 180` (the default, the only scenario due unless set). */
      intervals?: Partial<
        Record<
          | 'restore-from-backup'
          | 'region-failover'
          | 'access-loss'
          | 'on-call-handover'
          | 'other',
          number
        >
      >;
      /** How often drills recorded outside Baton are imported from the drill sources; defaults to every 30 minutes, first 30 s after start. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * Backstage notifications to the owning Group when one of its services
       * is due for a drill: once when it falls due, once more (high severity)
       * when it has been due for 30 days; never twice for the same due drill
       * (default false; needs the notifications backend).
       */
      notifications?: boolean;
      /** How often due drills are looked for when `notifications` is on; defaults to every 24 hours, first 2 minutes after start. */
      notificationSchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    /** Production changes: who made them, paired or not, reviewed or not, at what hour. */
    changes?: {
      /** How often every change source is pulled; defaults to every 30 minutes, first 30 s after start. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Working hours of teams without their own (default Monday–Friday 09:00–18:00 UTC); a change outside them is off-hours. */
      workingHours?: {
        /** IANA time zone, e.g. `Asia/Tokyo`. */
        timeZone: string;
        /** ISO weekdays, 1 = Monday … 7 = Sunday (default Monday–Friday). */
        days?: number[];
        /** `HH:MM`, local: the first working minute. */
        start: string;
        /** `HH:MM`, local: the working day ends before it. */
        end: string;
        /** Local dates (`YYYY-MM-DD`) not worked. */
        holidays?: string[];
      };
      /** Working hours per Group; an entity's changes use its owning team's (the nearest up the tree that has some). */
      teams?: Array<{
        /** A Group ref, e.g. `group:default/platform`. */
        group: string;
        workingHours: {
          timeZone: string;
          days?: number[];
          start: string;
          end: string;
          holidays?: string[];
        };
      }>;
      /** An alert on a change's entity within this many minutes after it started "followed" it (default 120). */
      alertWindowMinutes?: number;
      /** When a Terraform workspace's applies count as getting slower. */
      slowApply?: {
        /** The applies of the last this many days are compared (default 90). */
        windowDays?: number;
        /** Fewer applies than this: no trend (default 6). */
        minApplies?: number;
        /** The later half's median this many percent above the earlier half's (default 25). */
        risePercent?: number;
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
      /**
       * How long reading one repository (clone or fetch, then its history) may
       * take; default 10 minutes. A repository that takes longer is abandoned
       * (its git processes stopped), its entity keeps its last snapshot with the
       * error beside it, and the refresh goes on with the next. An object such
       * as `{ minutes: 10 }` or an ISO 8601 duration.
       */
      repositoryTimeout?: HumanDuration | string;
    };
    /** The "ready for leave" score; every key is optional and overrides the documented default. */
    readiness?: {
      /** Weight of each check by id (truck-factor, runbook, …). */
      weights?: { [checkId: string]: number };
      /** Checks that keep a service from `ready` when they fail or are unknown. */
      critical?: string[];
      /** minTruckFactor, recentCommitDays, drillMaxAgeDays, runbookMaxAgeDays, readyScore, … */
      thresholds?: { [name: string]: number };
    };
    /** Access reviews: campaigns over Resources with `baton.dev/access-source`. */
    accessReviews?: {
      /**
       * Users who review the items nobody else may decide: when the owning
       * Group has no other member than the person an item is about, or the
       * owner is that person. Full or short user refs (`user:default/jane`, `jane`).
       */
      admins?: string[];
      /**
       * Hand-exported inventories (SaaS accounts) by name, for Resources
       * annotated `baton.dev/access-source: file:<name>`: a CSV or YAML path.
       */
      files?: { [name: string]: string };
      /**
       * Backstage notifications to reviewers when a campaign starts and
       * before it is due (default true; needs the notifications backend).
       */
      notifications?: boolean;
      /** Reminders of campaigns due soon, to reviewers with undecided items. */
      reminders?: {
        /** Default: every 24 hours. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /** Remind this many days before the due date, and after it (default 3). */
        daysBefore?: number;
      };
      /**
       * Campaigns started on a schedule, e.g. quarterly. A run starts none
       * while the last one it started is still open.
       */
      campaigns?: {
        schedule: SchedulerServiceTaskScheduleDefinitionConfig;
        /** The date is appended (default `Scheduled access review`). */
        title?: string;
        /** Days from the start to the due date (default 14). */
        dueDays?: number;
      };
    };
    /** SLOs from OpenSLO files (`baton.dev/openslo`). */
    slo?: {
      /** How often SLI snapshots are fetched; defaults to every 5 minutes. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Evaluation step, a duration that divides 5m (default `5m`). Changing it restarts every series. */
      step?: string;
      /** Multiwindow burn-rate rules; `burnRate` is for a 30-day window and is scaled to each SLO's window. */
      alertRules?: Array<{
        severity: 'page' | 'ticket';
        longWindow: '5m' | '30m' | '1h' | '2h' | '6h' | '1d' | '3d';
        shortWindow: '5m' | '30m' | '1h' | '2h' | '6h' | '1d' | '3d';
        burnRate: number;
      }>;
      /** Flag an SLO as low-traffic when one bad event spends at least this share of its budget (default 0.01). */
      lowTrafficBudgetShare?: number;
      /** Points of the burn-down chart (default 60). */
      historyPoints?: number;
      /** Maintenance windows for every SLO, ISO 8601 intervals (`2026-11-20T01:00Z/PT2H`). */
      maintenance?: string[];
    };
  };
}
