import type { LoggerService } from '@backstage/backend-plugin-api';
import type { AlertEvent, AlertPoller } from '@baton/plugin-sre-node';
import { MackerelApiClient } from './MackerelApiClient';
import {
  DEFAULT_MACKEREL_BASE_URL,
  type MackerelInstance,
} from './MackerelConfig';
import {
  mackerelAlertEvent,
  mackerelAlertStatus,
  type MackerelAlertStatus,
} from './mackerelAlertEvent';

/**
 * How long before `since` paging goes on. Alerts come newest opened first,
 * so one opened before `since` and closed after it sits among older alerts;
 * without this margin the poller would never see an alert close that had
 * been open across two polls.
 */
const DEFAULT_LOOKBACK_SECONDS = 24 * 60 * 60;
/** Pages of (at most 100) alerts read per poll before giving up on older ones. */
const DEFAULT_MAX_PAGES = 50;

/** Where mackerel.io shows an alert, for the API origin that belongs to it. */
const WEB_ORIGIN_BY_API: Record<string, string> = {
  [new URL(DEFAULT_MACKEREL_BASE_URL).origin]: 'https://mackerel.io',
};

/** Options of {@link MackerelAlertPoller}. @public */
export interface MackerelAlertPollerOptions {
  /** The organization to read. */
  instance: MackerelInstance;
  logger?: LoggerService;
  /** How long one request may take; 30 seconds unless set. */
  requestTimeoutMs?: number;
  /**
   * How far before `since` to page for alerts that opened earlier and closed
   * since; 24 hours unless set.
   */
  lookbackSeconds?: number;
  /** The most pages of alerts read in one poll; 50 (5,000 alerts) unless set. */
  maxPages?: number;
}

/** An alert as `GET /api/v0/alerts` lists it (the fields used here). */
interface ListedAlert {
  id: string;
  status: MackerelAlertStatus;
  monitorId?: string;
  hostId?: string;
  openedAt: number;
  closedAt?: number;
}

interface MonitorFacts {
  name: string;
  /** The service of a service-metric or external monitor. */
  service?: string;
}

interface HostFacts {
  name?: string;
  serviceName?: string;
  roleName?: string;
}

/**
 * Pulls one Mackerel organization's alerts (`GET /api/v0/alerts?withClosed=true`,
 * newest first, paged with `nextId`) into the same alert events as the
 * webhook. Monitor names come from `GET /api/v0/monitors` and host roles from
 * `GET /api/v0/hosts/<hostId>`, each asked once per poll.
 *
 * @public
 */
export class MackerelAlertPoller implements AlertPoller {
  readonly id: string;
  readonly #client: MackerelApiClient;
  readonly #logger?: LoggerService;
  readonly #lookbackSeconds: number;
  readonly #maxPages: number;

  constructor(options: MackerelAlertPollerOptions) {
    this.id = `mackerel:${options.instance.name}`;
    this.#client = new MackerelApiClient(options.instance, {
      timeoutMs: options.requestTimeoutMs,
    });
    this.#logger = options.logger;
    this.#lookbackSeconds = options.lookbackSeconds ?? DEFAULT_LOOKBACK_SECONDS;
    this.#maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  }

  async poll(options: { since: Date }): Promise<AlertEvent[]> {
    const since = options.since.getTime() / 1000;
    const alerts = await this.#alertsSince(since);
    if (alerts.length === 0) return [];

    const monitors = await this.#monitors();
    const orgName = await this.#orgName();
    const webOrigin =
      WEB_ORIGIN_BY_API[new URL(this.#client.instance.baseUrl).origin];
    const hosts = new Map<string, Promise<HostFacts | undefined>>();
    const events: AlertEvent[] = [];
    // One after the other: few requests at a time, and each host asked once.
    for (const alert of alerts) {
      const monitor = alert.monitorId
        ? monitors.get(alert.monitorId)
        : undefined;
      let host: HostFacts | undefined;
      if (alert.hostId) {
        if (!hosts.has(alert.hostId)) {
          hosts.set(alert.hostId, this.#host(alert.hostId));
        }
        host = await hosts.get(alert.hostId);
      }
      events.push(
        mackerelAlertEvent({
          id: alert.id,
          status: alert.status,
          isOpen: alert.closedAt === undefined,
          openedAt: alert.openedAt,
          closedAt: alert.closedAt,
          // A deleted monitor is no longer listed; its id still groups its alerts.
          monitorName: monitor?.name ?? alert.monitorId ?? 'unknown monitor',
          hostName: host?.name,
          serviceName: host?.serviceName ?? monitor?.service,
          roleName: host?.roleName,
          orgName,
          url:
            webOrigin && orgName
              ? `${webOrigin}/orgs/${encodeURIComponent(
                  orgName,
                )}/alerts/${encodeURIComponent(alert.id)}`
              : undefined,
        }),
      );
    }
    return events;
  }

  /** The alerts opened or closed at or after `since`, newest first. */
  async #alertsSince(since: number): Promise<ListedAlert[]> {
    const stopBefore = since - this.#lookbackSeconds;
    const found: ListedAlert[] = [];
    let nextId: string | undefined;
    let skipped = 0;
    for (let page = 1; ; page++) {
      const body = await this.#client.get('/api/v0/alerts', {
        what: 'the alerts',
        query: { withClosed: 'true', ...(nextId ? { nextId } : {}) },
      });
      const list = (body as { alerts?: unknown } | null)?.alerts;
      if (!Array.isArray(list)) {
        throw this.#client.error('the alerts', 'the answer has no alerts list');
      }
      let reachedOlder = false;
      for (const item of list) {
        const alert = listedAlert(item);
        if (!alert) {
          skipped++;
          continue;
        }
        if (alert.openedAt < stopBefore) reachedOlder = true;
        if (
          alert.openedAt >= since ||
          (alert.closedAt !== undefined && alert.closedAt >= since)
        ) {
          found.push(alert);
        }
      }
      const next = (body as { nextId?: unknown }).nextId;
      nextId = typeof next === 'string' && next !== '' ? next : undefined;
      if (reachedOlder || !nextId) break;
      if (page >= this.#maxPages) {
        this.#logger?.warn(
          `Mackerel '${
            this.#client.instance.name
          }': stopped after ${page} pages of alerts; older alerts are not read in this poll`,
        );
        break;
      }
    }
    if (skipped > 0) {
      this.#logger?.warn(
        `Mackerel '${
          this.#client.instance.name
        }': skipped ${skipped} alert(s) without an id, status or openedAt`,
      );
    }
    this.#logger?.debug(
      `Mackerel '${this.#client.instance.name}': ${
        found.length
      } alert(s) opened or closed since ${new Date(
        since * 1000,
      ).toISOString()}`,
    );
    return found;
  }

  /** Every monitor's name (and service), by id, from `GET /api/v0/monitors`. */
  async #monitors(): Promise<Map<string, MonitorFacts>> {
    const body = await this.#client.get('/api/v0/monitors', {
      what: 'the monitors',
    });
    const list = (body as { monitors?: unknown } | null)?.monitors;
    if (!Array.isArray(list)) {
      throw this.#client.error(
        'the monitors',
        'the answer has no monitors list',
      );
    }
    const monitors = new Map<string, MonitorFacts>();
    for (const monitor of list) {
      const id = stringField(monitor, 'id');
      if (!id) continue;
      // A connectivity monitor may have no name; Mackerel's default is its type.
      const name =
        stringField(monitor, 'name') ?? stringField(monitor, 'type') ?? id;
      const service = stringField(monitor, 'service');
      monitors.set(id, service ? { name, service } : { name });
    }
    return monitors;
  }

  /** The organization's name (`GET /api/v0/org`), as the webhook's `orgName`. */
  async #orgName(): Promise<string | undefined> {
    const body = await this.#client.get('/api/v0/org', {
      what: 'the organization',
    });
    return stringField(body, 'name');
  }

  /**
   * A host's name and first role (`GET /api/v0/hosts/<hostId>`, whose
   * `roles` maps service names to role names); undefined for a host
   * Mackerel no longer knows.
   */
  async #host(hostId: string): Promise<HostFacts | undefined> {
    const body = await this.#client.get(
      `/api/v0/hosts/${encodeURIComponent(hostId)}`,
      { what: `host '${hostId}'`, allowNotFound: true },
    );
    const host = (body as { host?: unknown } | undefined)?.host;
    if (typeof host !== 'object' || host === null) {
      this.#logger?.debug(
        `Mackerel '${
          this.#client.instance.name
        }': host '${hostId}' not found; its alerts carry no host labels`,
      );
      return undefined;
    }
    const roles = (host as { roles?: unknown }).roles;
    let serviceName: string | undefined;
    let roleName: string | undefined;
    if (typeof roles === 'object' && roles !== null && !Array.isArray(roles)) {
      const first = Object.entries(roles).find(([service]) => service !== '');
      if (first) {
        serviceName = first[0];
        const names = first[1];
        if (Array.isArray(names) && typeof names[0] === 'string') {
          roleName = names[0];
        }
      }
    }
    return { name: stringField(host, 'name'), serviceName, roleName };
  }
}

/** An alert of the list in the documented shape; undefined when it cannot be keyed or timed. */
function listedAlert(item: unknown): ListedAlert | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const { openedAt, closedAt } = item as {
    openedAt?: unknown;
    closedAt?: unknown;
  };
  const id = stringField(item, 'id');
  const status = mackerelAlertStatus((item as { status?: unknown }).status);
  if (!id || !status || !isEpochSeconds(openedAt)) return undefined;
  return {
    id,
    status,
    monitorId: stringField(item, 'monitorId'),
    hostId: stringField(item, 'hostId'),
    openedAt,
    closedAt: isEpochSeconds(closedAt) ? closedAt : undefined,
  };
}

function isEpochSeconds(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function stringField(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' && field !== '' ? field : undefined;
}
