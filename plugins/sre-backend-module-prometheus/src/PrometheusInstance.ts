import type { Config } from '@backstage/config';

/** A Prometheus server Baton may query, as `sre.prometheus.instances` lists it. @public */
export interface PrometheusInstance {
  /** The name an OpenSLO `metricSourceRef` uses. */
  name: string;
  /** The server's URL, with any path prefix. */
  baseUrl: string;
  /** A bearer token; exclusive with `username` and `password`. */
  token?: string;
  /** Basic authentication, with `password`. */
  username?: string;
  password?: string;
}

/**
 * Reads `sre.prometheus.instances`, failing at startup on a setting that
 * would otherwise fail every query later.
 *
 * @public
 */
export function readPrometheusInstances(config: Config): PrometheusInstance[] {
  const instances = (
    config.getOptionalConfigArray('sre.prometheus.instances') ?? []
  ).map((c, index): PrometheusInstance => {
    const key = `sre.prometheus.instances[${index}]`;
    const instance = {
      name: c.getString('name'),
      baseUrl: c.getString('baseUrl'),
      token: c.getOptionalString('token'),
      username: c.getOptionalString('username'),
      password: c.getOptionalString('password'),
    };
    let url: URL;
    try {
      url = new URL(instance.baseUrl);
    } catch {
      throw new Error(`${key}.baseUrl is not a URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error(`${key}.baseUrl must be an http or https URL`);
    }
    // fetch refuses URLs with credentials, and they would end up in messages.
    if (url.username || url.password) {
      throw new Error(
        `${key}.baseUrl must not hold credentials; use username and password`,
      );
    }
    if (!instance.username !== !instance.password) {
      throw new Error(`${key} needs both username and password, or neither`);
    }
    if (instance.token && instance.username) {
      throw new Error(`${key} has both a token and a username: choose one`);
    }
    return instance;
  });
  const names = instances.map(i => i.name);
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate !== undefined) {
    throw new Error(`sre.prometheus.instances names '${duplicate}' twice`);
  }
  return instances;
}
