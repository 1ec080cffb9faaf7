import type { Config } from '@backstage/config';
import {
  readAwsStaticCredentials,
  type AwsStaticCredentials,
} from '@baton/plugin-sre-node';

/** The cost allocation tag that names a service unless `sre.awsCost.tagKey` says otherwise. */
export const DEFAULT_TAG_KEY = 'service';
/** Cost Explorer's API endpoint for the commercial partition is in us-east-1. */
export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_LOOKBACK_DAYS = 90;
export const DEFAULT_SOURCE_ID = 'aws-cost';

/** `sre.awsCost`, with its defaults applied. */
export interface AwsCostConfig {
  /** The cost source's id, stored with its rows. */
  sourceId: string;
  /** The cost allocation tag whose value names a service. */
  tagKey: string;
  /** The region of the Cost Explorer endpoint. */
  region: string;
  /** How many days before today are kept up to date. */
  lookbackDays: number;
  /** Absent: the AWS SDK's default credential chain. */
  credentials?: AwsStaticCredentials;
}

function nonEmpty(value: string, key: string): string {
  if (value.trim() === '') {
    throw new Error(`sre.awsCost.${key} must not be empty`);
  }
  return value;
}

/**
 * Reads `sre.awsCost`; undefined when it is absent (`awsCost: {}` takes every
 * default). Fails at start-up, naming the setting, on a bad value; never with
 * a credential in the message.
 */
export function readAwsCostConfig(config: Config): AwsCostConfig | undefined {
  if (!config.has('sre.awsCost')) {
    return undefined;
  }
  const awsCost = config.getConfig('sre.awsCost');
  const lookbackDays =
    awsCost.getOptionalNumber('lookbackDays') ?? DEFAULT_LOOKBACK_DAYS;
  if (!Number.isInteger(lookbackDays) || lookbackDays < 1) {
    throw new Error(
      `sre.awsCost.lookbackDays must be a whole number of days, at least 1; got ${lookbackDays}`,
    );
  }
  const credentials = readAwsStaticCredentials(
    awsCost.getOptionalConfig('credentials'),
  );
  return {
    sourceId: nonEmpty(
      awsCost.getOptionalString('sourceId') ?? DEFAULT_SOURCE_ID,
      'sourceId',
    ),
    tagKey: nonEmpty(
      awsCost.getOptionalString('tagKey') ?? DEFAULT_TAG_KEY,
      'tagKey',
    ),
    region: nonEmpty(
      awsCost.getOptionalString('region') ?? DEFAULT_REGION,
      'region',
    ),
    lookbackDays,
    ...(credentials && { credentials }),
  };
}
