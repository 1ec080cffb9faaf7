import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type {
  CostAnomalyPolicy,
  CostExchangeRates,
  CostMetric,
} from '@baton/plugin-sre-common';
import { scheduleFromConfig } from '../sources/scheduleFromConfig';
import { CostUploadLimits, DEFAULT_COST_UPLOAD_LIMITS } from './CostService';
import { readExchangeRates } from './exchangeRates';

// Cost sources publish daily data at most a few times a day; AWS charges per request.
const DEFAULT_COST_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 6 },
  timeout: { minutes: 30 },
  initialDelay: { seconds: 15 },
};

/** `sre.cost`, read and checked. */
export interface CostConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  metric: CostMetric;
  anomalyPolicy?: Partial<CostAnomalyPolicy>;
  exchangeRates?: CostExchangeRates;
  uploadLimits: CostUploadLimits & { maxBytes: number };
}

/** Reads `sre.cost`; throws for a bad value, naming the key. */
export function readCostConfig(config: Config): CostConfig {
  const cost = config.getOptionalConfig('sre.cost');
  const upload = cost?.getOptionalConfig('import');
  return {
    schedule: scheduleFromConfig(cost, 'schedule', DEFAULT_COST_SCHEDULE),
    metric:
      cost?.getOptionalString('metric') === 'billed' ? 'billed' : 'effective',
    anomalyPolicy: cost?.getOptional('anomaly'),
    exchangeRates: readExchangeRates(cost),
    uploadLimits: {
      maxPeriodDays:
        upload?.getOptionalNumber('maxPeriodDays') ??
        DEFAULT_COST_UPLOAD_LIMITS.maxPeriodDays,
      maxBytes:
        upload?.getOptionalNumber('maxBytes') ??
        DEFAULT_COST_UPLOAD_LIMITS.maxBytes,
    },
  };
}
