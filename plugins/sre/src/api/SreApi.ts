import { createApiRef } from '@backstage/core-plugin-api';
import type {
  AlertItem,
  AlertListResponse,
  CostReport,
  KnowledgeReport,
  ReadinessReport,
  TeamReport,
  SloResponse,
} from '@baton/plugin-sre-common';

/** A list page of the REST API. @public */
export interface SreList<T> {
  items: T[];
  nextCursor?: string;
}

/** The client of Baton's backend (`/api/sre`). @public */
export interface SreApi {
  getHealth(): Promise<{ status: string }>;
  /** The entity's SLOs, one item per objective, and the definitions that could not be used. */
  getSlos(entityRef: string): Promise<SloResponse>;
  /** One page of the entity's alerts, newest first, with the summary over the whole range (by default the last 14 days). */
  getAlerts(
    entityRef: string,
    options?: { from?: string; to?: string; limit?: number; cursor?: string },
  ): Promise<AlertListResponse>;
  /** Records the signed-in user as having acknowledged the alert; returns the updated alert. */
  acknowledgeAlert(id: string): Promise<AlertItem>;
  getCosts(
    entityRef: string,
    query?: { from?: string; to?: string; granularity?: 'day' | 'month' },
  ): Promise<CostReport>;
  getReadiness(entityRef: string): Promise<ReadinessReport>;
  /** The truck factor and knowledge map; a 404 ResponseError before the first computation. */
  getKnowledge(entityRef: string): Promise<KnowledgeReport>;
  /** A team's bus-factor report; with `absent`, the leave simulation. */
  getTeamReport(
    groupRef: string,
    query?: { absent?: string[]; days?: number },
  ): Promise<TeamReport>;
}

/** @public */
export const sreApiRef = createApiRef<SreApi>({ id: 'plugin.sre.api' });
