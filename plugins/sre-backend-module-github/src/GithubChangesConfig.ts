import type { Config } from '@backstage/config';

/** How long after its creation a deployment's outcome is read again, unless set. */
export const DEFAULT_FOLLOW_UP_HOURS = 48;

/** `sre.github.changes`, read and checked. */
export interface GithubChangesConfig {
  /**
   * The environments whose deployments are production changes (names, any
   * case); undefined: every environment with a required-reviewers rule.
   */
  environments?: string[];
  /**
   * How many hours before the last pull a deployment is read again, so that
   * one that was running or waiting then is stored with its outcome.
   */
  followUpHours: number;
}

/**
 * Reads `sre.github.changes`; undefined unless `enabled` is true. Fails at
 * start-up, naming the setting, on a bad value.
 */
export function readGithubChangesConfig(
  config: Config,
): GithubChangesConfig | undefined {
  const changes = config.getOptionalConfig('sre.github.changes');
  if (!changes?.getOptionalBoolean('enabled')) {
    return undefined;
  }
  let environments: string[] | undefined;
  if (changes.has('environments')) {
    environments = changes
      .getStringArray('environments')
      .map(name => name.trim());
    if (environments.length === 0 || environments.some(name => !name)) {
      throw new Error(
        'sre.github.changes.environments must list environment names, such as [production]; leave it out to read the environments with required reviewers',
      );
    }
  }
  const followUpHours =
    changes.getOptionalNumber('followUpHours') ?? DEFAULT_FOLLOW_UP_HOURS;
  // GitHub lets a job wait 30 days for its approval; longer is a wrong unit.
  if (
    !Number.isFinite(followUpHours) ||
    followUpHours < 0 ||
    followUpHours > 720
  ) {
    throw new Error(
      `sre.github.changes.followUpHours must be between 0 and 720 hours; got ${followUpHours}`,
    );
  }
  return { ...(environments && { environments }), followUpHours };
}
