import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { type Config, readDurationFromConfig } from '@backstage/config';
import { ReadinessPolicy, readinessPolicy } from '@baton/plugin-sre-common';
import { Duration } from 'luxon';
import { scheduleFromConfig } from '../sources/scheduleFromConfig';

const DEFAULT_KNOWLEDGE_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 6 },
  timeout: { minutes: 30 },
  initialDelay: { seconds: 15 },
};

/** `sre.knowledge`, read and checked. */
export interface KnowledgeConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  exclude?: string[];
  botPatterns?: string[];
  /** How long one repository's read may take; the KnowledgeService default when unset. */
  repositoryTimeoutMs?: number;
}

/** Reads `sre.knowledge`; throws for a bad value, naming the key. */
export function readKnowledgeConfig(config: Config): KnowledgeConfig {
  const knowledge = config.getOptionalConfig('sre.knowledge');
  return {
    schedule: scheduleFromConfig(
      knowledge,
      'schedule',
      DEFAULT_KNOWLEDGE_SCHEDULE,
    ),
    exclude: knowledge?.getOptionalStringArray('exclude'),
    botPatterns: knowledge?.getOptionalStringArray('botPatterns'),
    repositoryTimeoutMs: knowledge?.has('repositoryTimeout')
      ? Duration.fromObject(
          readDurationFromConfig(knowledge, { key: 'repositoryTimeout' }),
        ).toMillis()
      : undefined,
  };
}

/** `sre.readiness`: the score's weights, critical checks and thresholds over the defaults. */
export function readReadinessPolicy(config: Config): ReadinessPolicy {
  const readiness = config.getOptionalConfig('sre.readiness');
  return readinessPolicy({
    weights: readiness?.getOptional('weights'),
    critical: readiness?.getOptional('critical'),
    thresholds: readiness?.getOptional('thresholds'),
  });
}
