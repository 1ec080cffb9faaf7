import { createApiRef } from '@backstage/core-plugin-api';
import type {
  AlertItem,
  AlertListResponse,
  CostReport,
  KnowledgeReport,
  TeamCostReport,
  ReadinessReport,
  TeamReport,
  SloResponse,
} from '@baton/plugin-sre-common';

/** A list page of the REST API. @public */
export interface SreList<T> {
  items: T[];
  nextCursor?: string;
}

/** The range, granularity and currency of a cost report; the backend defaults each one left out. @public */
export interface CostQuery {
  /** First day, YYYY-MM-DD (UTC); default: 30 days before `to`. */
  from?: string;
  /** Day after the last, YYYY-MM-DD (UTC); default: tomorrow, so today is in. */
  to?: string;
  /** Default `day`. */
  granularity?: 'day' | 'month';
  /** ISO 4217 code; default: the currency with the largest spend. */
  currency?: string;
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
  /** The entity's spend over a range (by default the last 30 days), with its change, drivers, anomalies and forecast. */
  getCosts(entityRef: string, query?: CostQuery): Promise<CostReport>;
  /** A team's spend: the sum over the entities it owns, each entity's total, and its share of unallocated spend. */
  getTeamCosts(groupRef: string, query?: CostQuery): Promise<TeamCostReport>;
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
