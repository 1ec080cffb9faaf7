import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  entityRefToPath,
  type AccessCampaign,
  type AccessReviewItem,
  type SourceStatusList,
} from '@baton/plugin-sre-common';
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

  unacknowledgeAlert: SreApi['unacknowledgeAlert'] = id =>
    this.#request(`/alerts/${encodeURIComponent(id)}/ack`, {
      method: 'DELETE',
    });

  getCosts: SreApi['getCosts'] = (entityRef, query) =>
    this.#get(`/entities/${entityRefToPath(entityRef)}/costs`, { ...query });

  getTeamCosts: SreApi['getTeamCosts'] = (groupRef, query) =>
    this.#get(`${this.#teamPath(groupRef)}/costs`, { ...query });

  getEntityChanges: SreApi['getEntityChanges'] = (entityRef, query) =>
    this.#get('/changes', { entityRef, from: query?.from, to: query?.to });

  getTeamChanges: SreApi['getTeamChanges'] = (teamRef, query) =>
    this.#get('/changes/team', { teamRef, from: query?.from, to: query?.to });

  getReadiness: SreApi['getReadiness'] = entityRef =>
    this.#get(`/entities/${entityRefToPath(entityRef)}/readiness`);

  getKnowledge: SreApi['getKnowledge'] = entityRef =>
    this.#get(`/entities/${entityRefToPath(entityRef)}/knowledge`);

  getTeamReport: SreApi['getTeamReport'] = (groupRef, query) =>
    this.#get(`${this.#teamPath(groupRef)}/report`, {
      absent: query?.absent,
      days: query?.days,
    });

  getTeamReview: SreApi['getTeamReview'] = (groupRef, query) =>
    this.#get(this.#reviewsPath(groupRef), { since: query?.since });

  startReview: SreApi['startReview'] = (groupRef, input) =>
    this.#send('POST', this.#reviewsPath(groupRef), input);

  getReview: SreApi['getReview'] = (groupRef, id) =>
    this.#get(this.#reviewsPath(groupRef, id));

  getReviewMarkdown: SreApi['getReviewMarkdown'] = async (groupRef, id) => {
    const response = await this.#fetch(
      `${this.#reviewsPath(groupRef, id)}?format=markdown`,
      { headers: { Accept: 'text/markdown' } },
    );
    return response.text();
  };

  updateReview: SreApi['updateReview'] = (groupRef, id, input) =>
    this.#send('PATCH', this.#reviewsPath(groupRef, id), input);

  finishReview: SreApi['finishReview'] = (groupRef, id) =>
    this.#request(this.#reviewsPath(groupRef, id, 'finish'), {
      method: 'POST',
    });

  abandonReview: SreApi['abandonReview'] = (groupRef, id) =>
    this.#request(this.#reviewsPath(groupRef, id, 'abandon'), {
      method: 'POST',
    });

  addReviewAction: SreApi['addReviewAction'] = (groupRef, reviewId, input) =>
    this.#send('POST', this.#reviewsPath(groupRef, reviewId, 'actions'), input);

  updateReviewAction: SreApi['updateReviewAction'] = (
    groupRef,
    actionId,
    patch,
  ) =>
    this.#send(
      'PATCH',
      this.#reviewsPath(groupRef, 'actions', actionId),
      patch,
    );

  getTeamDrills: SreApi['getTeamDrills'] = groupRef =>
    this.#get(this.#drillsPath(groupRef));

  planDrill: SreApi['planDrill'] = (groupRef, input) =>
    this.#send('POST', this.#drillsPath(groupRef), input);

  recordDrill: SreApi['recordDrill'] = (groupRef, drillId, input) =>
    this.#send('POST', this.#drillsPath(groupRef, drillId, 'record'), input);

  addDrillAction: SreApi['addDrillAction'] = (groupRef, drillId, input) =>
    this.#send('POST', this.#drillsPath(groupRef, drillId, 'actions'), input);

  getEntityDrills: SreApi['getEntityDrills'] = entityRef =>
    this.#get(`/entities/${entityRefToPath(entityRef)}/drills`);

  getBackups: SreApi['getBackups'] = entityRef =>
    this.#get(`/entities/${entityRefToPath(entityRef)}/backups`);

  getBackupHistory: SreApi['getBackupHistory'] = (entityRef, query) =>
    this.#get(`/entities/${entityRefToPath(entityRef)}/backups/history`, query);

  listAccessCampaigns: SreApi['listAccessCampaigns'] = async () =>
    (await this.#get<{ items: AccessCampaign[] }>('/access-reviews')).items;

  createAccessCampaign: SreApi['createAccessCampaign'] = input =>
    this.#send('POST', '/access-reviews', input);

  getAccessCampaign: SreApi['getAccessCampaign'] = id =>
    this.#get(this.#accessPath(id));

  decideAccessItem: SreApi['decideAccessItem'] = (campaignId, itemId, input) =>
    this.#send(
      'POST',
      this.#accessPath(campaignId, 'items', itemId, 'decision'),
      input,
    );

  decideAccessItems: SreApi['decideAccessItems'] = async (
    campaignId,
    itemIds,
    input,
  ) =>
    (
      await this.#send<{ items: AccessReviewItem[] }>(
        'POST',
        this.#accessPath(campaignId, 'decisions'),
        { itemIds, ...input },
      )
    ).items;

  closeAccessCampaign: SreApi['closeAccessCampaign'] = id =>
    this.#request(this.#accessPath(id, 'close'), { method: 'POST' });

  getAccessEvidence: SreApi['getAccessEvidence'] = async (id, format) => {
    const response = await this.#fetch(
      `${this.#accessPath(id, 'evidence')}?format=${format}`,
    );
    return response.text();
  };

  getAccessTasks: SreApi['getAccessTasks'] = async () =>
    (await this.#get<{ items: AccessReviewItem[] }>('/tasks')).items;

  getSourceStatus: SreApi['getSourceStatus'] = async () =>
    (await this.#get<SourceStatusList>('/sources')).items;

  /** `/access-reviews/{id}` with further path segments. */
  #accessPath(id: string, ...segments: string[]): string {
    return [
      '/access-reviews',
      ...[id, ...segments].map(encodeURIComponent),
    ].join('/');
  }

  /** `/teams/{namespace}/{name}` of a group ref such as `group:default/team-a` or `team-a`. */
  #teamPath(
    groupRef: string,
    root: 'teams' | 'reviews' | 'drills' = 'teams',
  ): string {
    const { namespace, name } = parseEntityRef(groupRef, {
      defaultKind: 'group',
    });
    return `/${root}/${encodeURIComponent(namespace)}/${encodeURIComponent(
      name,
    )}`;
  }

  /** `/reviews/{namespace}/{name}` of a group ref, with further path segments, e.g. a review's id. */
  #reviewsPath(groupRef: string, ...segments: string[]): string {
    return [
      this.#teamPath(groupRef, 'reviews'),
      ...segments.map(encodeURIComponent),
    ].join('/');
  }

  /** `/drills/{namespace}/{name}` of a group ref, with further path segments, e.g. a drill's id. */
  #drillsPath(groupRef: string, ...segments: string[]): string {
    return [
      this.#teamPath(groupRef, 'drills'),
      ...segments.map(encodeURIComponent),
    ].join('/');
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

  #send<T>(method: 'POST' | 'PATCH', path: string, body: unknown): Promise<T> {
    return this.#request(path, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  async #request<T>(path: string, init?: RequestInit): Promise<T> {
    const response = await this.#fetch(path, init);
    return (await response.json()) as T;
  }

  /** The response of a request that succeeded; a ResponseError otherwise. */
  async #fetch(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('sre');
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
