import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { readSchedulerServiceTaskScheduleDefinitionFromConfig } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { scheduleFromConfig } from '../sources/scheduleFromConfig';

// Reminders of campaigns due soon: once a day is enough, and not at start-up.
const DEFAULT_ACCESS_REMINDER_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { hours: 24 },
    timeout: { minutes: 10 },
    initialDelay: { minutes: 10 },
  };

/** `sre.accessReviews`, read and checked. */
export interface AccessReviewsConfig {
  /** Access-list files by source name (`sre.accessReviews.files`). */
  files?: Record<string, string>;
  /** Admins' user refs, in full. */
  admins: string[];
  notifications: boolean;
  reminders: {
    schedule: SchedulerServiceTaskScheduleDefinition;
    daysBefore: number;
  };
  /** Campaigns started on a schedule; none unless configured. */
  campaigns?: {
    schedule: SchedulerServiceTaskScheduleDefinition;
    title: string;
    dueDays: number;
  };
}

/** Reads `sre.accessReviews`; throws for a bad value, naming the key. */
export function readAccessReviewsConfig(config: Config): AccessReviewsConfig {
  const access = config.getOptionalConfig('sre.accessReviews');
  const files = access?.getOptionalConfig('files');
  const reminders = access?.getOptionalConfig('reminders');
  const campaigns = access?.getOptionalConfig('campaigns');
  return {
    files: files
      ? Object.fromEntries(
          files.keys().map(name => [name, files.getString(name)]),
        )
      : undefined,
    // `jane`, `user:jane` and `user:default/jane` name one user.
    admins: (access?.getOptionalStringArray('admins') ?? []).map(ref =>
      stringifyEntityRef(
        parseEntityRef(ref, {
          defaultKind: 'user',
          defaultNamespace: 'default',
        }),
      ),
    ),
    notifications: access?.getOptionalBoolean('notifications') !== false,
    reminders: {
      schedule: scheduleFromConfig(
        reminders,
        'schedule',
        DEFAULT_ACCESS_REMINDER_SCHEDULE,
      ),
      daysBefore: reminders?.getOptionalNumber('daysBefore') ?? 3,
    },
    campaigns: campaigns
      ? {
          schedule: readSchedulerServiceTaskScheduleDefinitionFromConfig(
            campaigns.getConfig('schedule'),
          ),
          title:
            campaigns.getOptionalString('title') ?? 'Scheduled access review',
          dueDays: campaigns.getOptionalNumber('dueDays') ?? 14,
        }
      : undefined,
  };
}
