import type { Config } from '@backstage/config';

/** The API origin from Mackerel's API documentation ("The base URL is https://api.mackerelio.com/"). */
export const DEFAULT_MACKEREL_BASE_URL = 'https://api.mackerelio.com';

/** One Mackerel organization that the source can ask. @public */
export interface MackerelInstance {
  /** The name an OpenSLO `metricSourceRef` uses. */
  name: string;
  /** The organization's API key, sent as `X-Api-Key`. */
  apiKey: string;
  /** The API's origin, e.g. `https://api.mackerelio.com`. */
  baseUrl: string;
}

/**
 * Reads `sre.mackerel.instances`; an empty list when none are configured.
 * Fails at start-up, naming the setting, on a duplicate name or a bad URL.
 */
export function readMackerelInstances(config: Config): MackerelInstance[] {
  const entries = config.getOptionalConfigArray('sre.mackerel.instances') ?? [];
  const instances = entries.map((entry, index) => {
    const at = `sre.mackerel.instances[${index}]`;
    const baseUrl =
      entry.getOptionalString('baseUrl') ?? DEFAULT_MACKEREL_BASE_URL;
    if (!URL.canParse(baseUrl)) {
      throw new Error(`${at}.baseUrl is not a URL: '${baseUrl}'`);
    }
    return {
      name: entry.getString('name'),
      apiKey: entry.getString('apiKey'),
      baseUrl,
    };
  });
  const seen = new Set<string>();
  for (const [index, { name }] of instances.entries()) {
    if (seen.has(name)) {
      throw new Error(
        `sre.mackerel.instances[${index}].name '${name}' is used twice; each instance needs its own name`,
      );
    }
    seen.add(name);
  }
  return instances;
}
