import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { entityRefToPath } from '@baton/plugin-sre-common';
import { parseEntityRef } from '@backstage/catalog-model';
import type { SreApi } from './SreApi';

/** Talks to the sre backend through the app's discovery and fetch APIs. @public */
export class SreClient implements SreApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  getHealth: SreApi['getHealth'] = () => this.#get('/health');

  getSlos: SreApi['getSlos'] = entityRef =>
    this.#get(`/entities/${entityRefToPath(entityRef)}/slos`);

  getAlerts: SreApi['getAlerts'] = (entityRef, options) =>
    this.#get(`/entities/${entityRefToPath(entityRef)}/alerts`, options);

  acknowledgeAlert: SreApi['acknowledgeAlert'] = id =>
    this.#request(`/alerts/${encodeURIComponent(id)}/ack`, { method: 'POST' });

  getCosts: SreApi['getCosts'] = (entityRef, query) =>
    this.#get(`/entities/${entityRefToPath(entityRef)}/costs`, { ...query });

  getTeamCosts: SreApi['getTeamCosts'] = (groupRef, query) =>
    this.#get(`${this.#teamPath(groupRef)}/costs`, { ...query });

  getReadiness: SreApi['getReadiness'] = entityRef =>
    this.#get(`/entities/${entityRefToPath(entityRef)}/readiness`);

  getKnowledge: SreApi['getKnowledge'] = entityRef =>
    this.#get(`/entities/${entityRefToPath(entityRef)}/knowledge`);

  getTeamReport: SreApi['getTeamReport'] = (groupRef, query) =>
    this.#get(`${this.#teamPath(groupRef)}/report`, {
      absent: query?.absent,
      days: query?.days,
    });

  /** `/teams/{namespace}/{name}` of a group ref such as `group:default/team-a` or `team-a`. */
  #teamPath(groupRef: string): string {
    const { namespace, name } = parseEntityRef(groupRef, {
      defaultKind: 'group',
    });
    return `/teams/${encodeURIComponent(namespace)}/${encodeURIComponent(
      name,
    )}`;
  }

  #get<T>(
    path: string,
    query?: Record<string, string | number | string[] | undefined>,
  ): Promise<T> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      for (const item of [value ?? []].flat()) {
        params.append(key, String(item));
      }
    }
    return this.#request(params.size ? `${path}?${params}` : path);
  }

  async #request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('sre');
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
