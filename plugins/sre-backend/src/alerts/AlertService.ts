import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  isError,
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ALERT_SOURCES,
  AlertFacts,
  AlertItem,
  AlertListResponse,
  alertNoise,
  AlertNoisePolicy,
  AlertSource,
  AlertSummary,
  DEFAULT_ALERT_NOISE_POLICY,
  isCryingWolf,
  isHttpUrl,
  MonitorNoiseResponse,
  ReadinessFacts,
  rankMonitorNoise,
  ReviewSummary,
  summariseAlerts,
} from '@baton/plugin-sre-common';
import type {
  AlertDelivery,
  AlertEvent,
  AlertPoller,
  AlertWebhookReceiver,
  AlertWebhookRequest,
} from '@baton/plugin-sre-node';
import type { EntityVisibility } from '../catalog/entityVisibility';
import { entityOwnershipClaims } from '../catalog/ownershipClaims';
import { teamEntityRefs } from '../catalog/teamEntities';
import {
  SelectorEntityMap,
  SelectorEntityMapper,
} from '../catalog/SelectorEntityMapper';
import type { AlertResource } from './permissionRules';
import { AlertReceiverRegistry } from './AlertReceiverRegistry';
import {
  AlertStore,
  cursorAfter,
  decodeCursor,
  StoredAlert,
} from './AlertStore';
import { namesOf, responderNames } from './responderNames';
import { storableAlertEvent } from './storableAlertEvent';
import { WebhookSecrets } from '../routing/webhookSecrets';
import type { SourceRunObserver } from '../sources/SourceStatusService';

const DAY = 86_400_000;
/** How long confirming an SNS subscription may take before SNS is asked to send it again. */
const SUBSCRIBE_TIMEOUT_MS = 5_000;
/** Errors a receiver throws on purpose; their status is the answer. */
const RECEIVER_ERRORS = new Set([
  'InputError',
  'AuthenticationError',
  'NotAllowedError',
  'NotFoundError',
  'ServiceUnavailableError',
]);
const ALERT_ID = /^[1-9]\d{0,15}$/;

/** When acknowledging is open, in minutes. */
export interface AlertAcknowledgePolicy {
  /** How long after an alert resolved it can still be acknowledged. */
  afterResolutionMinutes: number;
  /** How long a person can take their own acknowledgement back. */
  undoMinutes: number;
}

/** The documented defaults of `sre.alerts.acknowledge`. */
export const DEFAULT_ALERT_ACKNOWLEDGE_POLICY: AlertAcknowledgePolicy = {
  afterResolutionMinutes: 60,
  undoMinutes: 5,
};
/** Without a last review (issue: reliability review), the list starts this far back. */
const DEFAULT_RANGE_MS = 14 * DAY;
/** Summaries and noise look at no more alerts than this per request. */
const SUMMARY_CAP = 10_000;
/** Alerts listed that started before the range and still fire; more would be an outage of its own. */
const FIRING_BEFORE_CAP = 100;
/** The noise ranking looks at no more alerts than this. */
const RANKING_CAP = 50_000;
/** Pulls overlap the previous one by this much, for alerts that changed late. */
const POLL_OVERLAP_MS = 60 * 60_000;
const FIRST_POLL_MS = 7 * DAY;
/** How far back a catalog change re-maps alerts. */
const REMAP_MS = 30 * DAY;

/**
 * Where a card's default range starts: the last finished review of a team,
 * or the one covering an entity (the review domain's LastReviewLookup).
 */
export interface LastReviewSource {
  forEntity(entityRef: string): Promise<ReviewSummary | undefined>;
  forTeam(teamRef: string): Promise<ReviewSummary | undefined>;
}

/** Stores the production changes a webhook delivery carries (the changes domain's ChangeService). */
export interface WebhookChangeRecorder {
  /** Checks every change (a 400 names the field) and stores them all, or none. */
  record(changes: unknown[], source: string): Promise<{ ids: string[] }>;
}

/** The source a webhook's changes are stored under. */
const WEBHOOK_CHANGE_SOURCE = 'webhook';

/** Receives, stores, maps and serves alerts; judges which ones cry wolf. */
export class AlertService {
  constructor(
    private readonly options: {
      store: AlertStore;
      mapper: SelectorEntityMapper;
      receivers: AlertReceiverRegistry;
      pollers: AlertPoller[];
      secrets: WebhookSecrets;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      noisePolicy?: AlertNoisePolicy;
      acknowledgePolicy?: Partial<AlertAcknowledgePolicy>;
      /** The last finished review of an entity's or a team's owners: the default start of a range. */
      lastReview?: LastReviewSource;
      /** Told each poller's pull: its alerts, or its error. */
      pollerStatus?: SourceRunObserver;
      /** Told each authenticated webhook delivery, by source: its alerts, or its error. */
      webhookStatus?: SourceRunObserver;
      /** Stores the `changes` of a delivery; without it, a delivery with changes is refused. */
      changes?: WebhookChangeRecorder;
      now?: () => Date;
    },
  ) {}

  #now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /**
   * One webhook delivery: checks the caller, parses and stores it in one
   * transaction. Answers only after the commit, so a sender that gets no 2xx
   * can retry and nothing is lost or doubled.
   */
  async receiveWebhook(
    sourceName: string,
    request: {
      rawBody: Buffer;
      headers: Record<string, string | string[] | undefined>;
      /** The `token` query parameter as given, for the sources that can only call a URL. */
      queryToken?: unknown;
    },
  ): Promise<{ received: number; stored: number; changes?: number }> {
    const source = ALERT_SOURCES.find(s => s === sourceName) as
      | AlertSource
      | undefined;
    const receiver = source ? this.options.receivers.get(source) : undefined;
    if (!source) {
      throw new NotFoundError(
        `No alert webhook for '${sourceName}'; sources: ${ALERT_SOURCES.join(
          ', ',
        )}`,
      );
    }
    if (!receiver) {
      throw new NotFoundError(
        `The ${source} webhook needs its backend module, @baton/plugin-sre-backend-module-${source}`,
      );
    }
    // The secret or the source's signature over the raw bytes comes before anything reads the body.
    this.options.secrets.authenticate(
      source,
      { ...request, queryToken: request.queryToken },
      receiver,
    );
    // Recorded only once authenticated: anyone may send a wrong secret.
    try {
      const result = await this.#storeDelivery(source, receiver, request);
      await this.options.webhookStatus?.succeeded(source, {
        received: result.received,
        alerts: result.stored,
      });
      return result;
    } catch (error) {
      await this.options.webhookStatus?.failed(source, error);
      throw error;
    }
  }

  /** An authenticated delivery: parsed, checked and stored in one transaction. */
  async #storeDelivery(
    source: AlertSource,
    receiver: AlertWebhookReceiver,
    request: { rawBody: Buffer; headers: AlertWebhookRequest['headers'] },
  ): Promise<{ received: number; stored: number; changes?: number }> {
    let body: unknown;
    try {
      body = JSON.parse(request.rawBody.toString('utf8'));
    } catch {
      body = undefined;
    }
    const webhookRequest = {
      rawBody: request.rawBody,
      headers: request.headers,
      body,
    };
    const delivery = await this.#readDelivery(source, async () => {
      await receiver.verifyDelivery?.(webhookRequest);
      if (body === undefined && source !== 'cloudwatch') {
        throw new InputError('The body is not JSON');
      }
      return receiver.parse(webhookRequest);
    });
    const events = delivery.events.map((event, index) => {
      const storable = storableAlertEvent(event);
      if (storable.problem !== undefined) {
        throw new InputError(
          `The ${source} delivery's event ${index}: ${storable.problem}`,
        );
      }
      return storable.event;
    });
    if (delivery.subscribeUrl) {
      await this.#confirmSubscription(delivery.subscribeUrl);
    }
    // The alerts are checked above and the changes here, before either is
    // stored; a change re-sent after a failed alert write replaces itself.
    let changes: number | undefined;
    if (delivery.changes?.length) {
      if (!this.options.changes) {
        throw new InputError(`changes: the ${source} webhook takes no changes`);
      }
      const { ids } = await this.options.changes.record(
        delivery.changes,
        WEBHOOK_CHANGE_SOURCE,
      );
      changes = ids.length;
    }
    const map = await this.#mapForAlerts();
    try {
      const stored = await this.options.store.ingest(
        events,
        labels => map.entityRefsFor(labels),
        this.#now(),
      );
      return {
        received: events.length,
        stored,
        ...(changes !== undefined ? { changes } : {}),
      };
    } catch (error) {
      this.options.logger.error(`Storing ${source} alerts failed: ${error}`);
      throw new ServiceUnavailableError(
        'The alert could not be stored; retry later',
      );
    }
  }

  /**
   * Runs a receiver's checks and parser. What it throws on purpose (an
   * error with an HTTP status) passes; anything else is a receiver's bug
   * that bad input tripped, answered as the 400 it is for the sender and
   * logged (without the body) for the maintainers.
   */
  async #readDelivery(
    source: AlertSource,
    read: () => Promise<AlertDelivery>,
  ): Promise<AlertDelivery> {
    try {
      return await read();
    } catch (error) {
      if (isError(error) && RECEIVER_ERRORS.has(error.name)) throw error;
      this.options.logger.warn(
        `The ${source} receiver failed on a delivery it should have refused: ${error}`,
      );
      throw new InputError(`The ${source} delivery could not be read`);
    }
  }

  /**
   * Fetches an Amazon SNS SubscribeURL (checked by the receiver to be https
   * on an SNS host) when confirming is switched on; a slow or failed fetch is
   * a 503, so SNS sends the confirmation again.
   */
  async #confirmSubscription(url: string): Promise<void> {
    if (!this.options.secrets.confirmSnsSubscriptions) {
      this.options.logger.info(
        'An SNS subscription asked for confirmation; set sre.webhooks.cloudwatch.confirmSubscriptions to confirm it',
      );
      return;
    }
    if (!isHttpUrl(url)) {
      throw new InputError('SubscribeURL must be an https URL');
    }
    let response: Response;
    try {
      response = await fetch(url, {
        signal: AbortSignal.timeout(SUBSCRIBE_TIMEOUT_MS),
        redirect: 'error',
      });
    } catch (error) {
      throw new ServiceUnavailableError(
        `Confirming the SNS subscription failed: ${
          isError(error) && error.name === 'TimeoutError'
            ? `no answer within ${SUBSCRIBE_TIMEOUT_MS / 1000} s`
            : 'the request failed'
        }`,
      );
    }
    if (!response.ok) {
      throw new ServiceUnavailableError(
        `Confirming the SNS subscription failed with HTTP ${response.status}`,
      );
    }
    this.options.logger.info(
      'Confirmed an SNS subscription for CloudWatch alarms',
    );
  }

  /**
   * An entity's alerts that started in [from, to), newest first, with noise
   * flags and a summary over the range; the first page starts with the
   * alerts that started before the range and still fire.
   */
  async list(
    entityRef: string,
    query: { from?: Date; to?: Date; limit: number; cursor?: string },
  ): Promise<AlertListResponse> {
    const range = await this.#range(
      query,
      () =>
        this.options.lastReview?.forEntity(entityRef) ??
        Promise.resolve(undefined),
    );
    const { from, to } = range;
    const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
    if (query.cursor && !cursor) throw new InputError('cursor is not valid');

    const policy = this.options.noisePolicy ?? DEFAULT_ALERT_NOISE_POLICY;
    // The mapper's catalog snapshot knows the runbooks: no catalog call per request.
    const map = await this.#mapForAlerts();
    const runbook = map.hasRunbook(entityRef);
    // The flapping rule also counts firings shortly before the range.
    const [history, earlier] = await Promise.all([
      this.options.store.factsForEntity(
        entityRef,
        new Date(from.getTime() - policy.flapWindowHours * 3_600_000),
        to,
        SUMMARY_CAP,
      ),
      cursor
        ? Promise.resolve([])
        : this.options.store.firingBefore([entityRef], from, FIRING_BEFORE_CAP),
    ]);
    const inRange = history.filter(
      a => Date.parse(a.startsAt) >= from.getTime(),
    );
    const noise = alertNoise([...earlier, ...inRange], {
      history: withEarlier(history, earlier),
      hasRunbook: runbook,
      policy,
    });
    const earlierItems = earlier.map((alert, index) => ({
      ...alert,
      noise: noise[index],
      firingSinceBeforeRange: true,
    }));
    const flagged = inRange.map((alert, index) => ({
      ...alert,
      noise: noise[earlier.length + index],
    }));
    let items: AlertItem[];
    let nextCursor: string | undefined;
    if (history.length < SUMMARY_CAP) {
      // The whole range is loaded already: the page is a slice of it (newest first).
      const start = cursor
        ? flagged.findIndex(
            alert =>
              Date.parse(alert.startsAt) < cursor.startsAt ||
              (Date.parse(alert.startsAt) === cursor.startsAt &&
                Number(alert.id) < cursor.id),
          )
        : 0;
      const rest = start < 0 ? [] : flagged.slice(start);
      const page = rest.slice(0, query.limit);
      const whole = await this.options.store.getAlerts(
        page.map(alert => alert.id),
      );
      items = whole.map((alert, index) => ({
        ...alert,
        noise: page[index].noise,
      }));
      if (rest.length > query.limit) {
        nextCursor = cursorAfter(page[page.length - 1]);
      }
    } else {
      const page = await this.options.store.listForEntity({
        entityRef,
        from,
        to,
        limit: query.limit,
        cursor,
      });
      const byId = new Map(flagged.map(alert => [alert.id, alert]));
      items = page.alerts.map(alert => ({
        ...alert,
        noise: byId.get(alert.id)?.noise ?? [],
      }));
      nextCursor = page.nextCursor;
    }
    items = [...earlierItems, ...items];
    const named = await this.#named(items, summariseAlerts(flagged));
    return {
      ...named,
      ...(await this.#setup([entityRef], map, items.length > 0, from)),
      from: from.toISOString(),
      to: to.toISOString(),
      fromSource: range.fromSource,
      ...(range.lastReview ? { lastReview: range.lastReview } : {}),
      ...(nextCursor ? { nextCursor } : {}),
    };
  }

  /**
   * The alerts of every entity a team owns over its whole tree (sub-teams
   * and members, as the bus-factor report and the agenda count them), or of
   * `entityRefs`: those that started before the range and still fire, then
   * the range's, newest first, with the summary over the range.
   */
  async listForTeam(
    teamRef: string,
    query: { from?: Date; to?: Date; limit: number },
    options: { entityRefs?: string[]; visible?: EntityVisibility } = {},
  ): Promise<AlertListResponse & { entityRefs: string[] }> {
    const range = await this.#range(
      query,
      () =>
        this.options.lastReview?.forTeam(teamRef) ?? Promise.resolve(undefined),
    );
    const { from, to } = range;
    const teamRefs =
      options.entityRefs ?? (await teamEntityRefs(this.options, teamRef));
    const visible = options.visible && (await options.visible(teamRefs));
    const refs = visible ? teamRefs.filter(ref => visible.has(ref)) : teamRefs;
    // The mapper's catalog snapshot knows the runbooks.
    const map = await this.options.mapper.current();
    const policy = this.options.noisePolicy ?? DEFAULT_ALERT_NOISE_POLICY;
    const [history, earlier] = refs.length
      ? await Promise.all([
          this.options.store.allForEntities(
            refs,
            new Date(from.getTime() - policy.flapWindowHours * 3_600_000),
            to,
            SUMMARY_CAP,
          ),
          this.options.store.firingBefore(refs, from, FIRING_BEFORE_CAP),
        ])
      : [[], []];
    const inRange = history.filter(
      a => Date.parse(a.startsAt) >= from.getTime(),
    );
    const listed = [...earlier, ...inRange];
    const noise = alertNoise(listed, {
      history: withEarlier(history, earlier),
      policy,
    });
    const flagged = listed.map((alert, index) => ({
      ...alert,
      // The runbook rule looks at the alert's own entities.
      noise: noise[index].filter(
        n =>
          n.flag !== 'no-runbook' ||
          !alert.entityRefs.some(ref => map.hasRunbook(ref)),
      ),
      ...(index < earlier.length ? { firingSinceBeforeRange: true } : {}),
    }));
    const named = await this.#named(
      flagged.slice(0, earlier.length + query.limit),
      summariseAlerts(flagged.slice(earlier.length)),
    );
    return {
      ...named,
      ...(await this.#setup(refs, map, flagged.length > 0, from)),
      from: from.toISOString(),
      to: to.toISOString(),
      fromSource: range.fromSource,
      ...(range.lastReview ? { lastReview: range.lastReview } : {}),
      entityRefs: refs,
    };
  }

  /** The items and the summary with the catalog names of the people who acknowledged. */
  async #named(
    items: AlertItem[],
    summary: AlertSummary,
  ): Promise<{ items: AlertItem[]; summary: AlertSummary }> {
    const names = await responderNames(
      this.options,
      items.flatMap(item => item.acknowledgedBy),
    );
    const missing = summary.responders
      .map(responder => responder.userRef)
      .filter(ref => names[ref] === undefined);
    Object.assign(names, await responderNames(this.options, missing));
    return {
      items: items.map(item => {
        const own = namesOf(item.acknowledgedBy, names);
        return own ? { ...item, responderNames: own } : item;
      }),
      summary: {
        ...summary,
        responders: summary.responders.map(responder =>
          names[responder.userRef] === undefined
            ? responder
            : { ...responder, name: names[responder.userRef] },
        ),
      },
    };
  }

  /**
   * Whether alerts can reach the entities, and with nothing listed, when the
   * last one before the range started: the card tells "none in this range"
   * from "nothing set up" by it.
   */
  async #setup(
    refs: string[],
    map: SelectorEntityMap,
    listed: boolean,
    from: Date,
  ): Promise<Pick<AlertListResponse, 'configured' | 'lastAlertAt'>> {
    if (listed) return { configured: true };
    const lastAlertAt = await this.options.store.lastStartedBefore(refs, from);
    if (lastAlertAt) return { configured: true, lastAlertAt };
    const sourcesOn =
      this.options.pollers.length > 0 ||
      ALERT_SOURCES.some(
        source =>
          this.options.receivers.get(source) &&
          this.options.secrets.enabled(source),
      );
    return {
      configured:
        sourcesOn &&
        (refs.some(ref => map.hasSelector(ref)) ||
          (await this.options.store.hasAlertsFor(refs))),
    };
  }

  /** Every monitor that fired in the range, the noisiest first. */
  async noiseRanking(
    query: {
      from?: Date;
      to?: Date;
    },
    options: { visible?: EntityVisibility } = {},
  ): Promise<MonitorNoiseResponse> {
    const { from, to } = await this.#range(query);
    const policy = this.options.noisePolicy ?? DEFAULT_ALERT_NOISE_POLICY;
    const history = await this.options.store.allForEntities(
      undefined,
      new Date(from.getTime() - policy.flapWindowHours * 3_600_000),
      to,
      RANKING_CAP,
    );
    const inRange = history.filter(
      a => Date.parse(a.startsAt) >= from.getTime(),
    );
    // Only transient and flapping count for the ranking; the runbook rule needs each entity.
    const noise = alertNoise(inRange, { history, hasRunbook: true, policy });
    let items = rankMonitorNoise(
      inRange.map((alert, index) => ({ ...alert, noise: noise[index] })),
    );
    if (options.visible) {
      // A monitor of entities the caller cannot see is not theirs to see;
      // one mapped to no entity belongs to nobody and stays.
      const visible = await options.visible(
        items.flatMap(item => item.entityRefs),
      );
      items = items.flatMap(item => {
        if (!item.entityRefs.length) return [item];
        const entityRefs = item.entityRefs.filter(ref => visible.has(ref));
        return entityRefs.length ? [{ ...item, entityRefs }] : [];
      });
    }
    return {
      items,
      from: from.toISOString(),
      to: to.toISOString(),
    };
  }

  /**
   * What the readiness checks read of each entity's alerts: acknowledgements
   * per responder over `responderDays`, alerts seen and the noisy share over
   * `alertsSeenDays`. Empty while no alert was ever stored (the checks are
   * then unknown rather than failed).
   */
  async readinessFacts(
    entityRefs: string[],
    windows: { responderDays: number; alertsSeenDays: number },
  ): Promise<Map<string, NonNullable<ReadinessFacts['alerts']>>> {
    const result = new Map<string, NonNullable<ReadinessFacts['alerts']>>();
    if (!entityRefs.length || !(await this.options.store.hasAlerts())) {
      return result;
    }
    const policy = this.options.noisePolicy ?? DEFAULT_ALERT_NOISE_POLICY;
    const now = this.#now().getTime();
    const respondersFrom = now - windows.responderDays * DAY;
    const seenFrom = now - windows.alertsSeenDays * DAY;
    const facts = await this.options.store.factsForEntities(
      entityRefs,
      new Date(
        Math.min(respondersFrom, seenFrom - policy.flapWindowHours * 3_600_000),
      ),
      new Date(now),
      RANKING_CAP,
    );
    const map = await this.options.mapper.current();
    for (const ref of entityRefs) {
      const history = facts.get(ref) ?? [];
      const acknowledgements: Record<string, number> = {};
      for (const alert of history) {
        if (Date.parse(alert.startsAt) < respondersFrom) continue;
        for (const userRef of alert.acknowledgedBy) {
          acknowledgements[userRef] = (acknowledgements[userRef] ?? 0) + 1;
        }
      }
      const seen = history.filter(a => Date.parse(a.startsAt) >= seenFrom);
      const noise = alertNoise(seen, {
        history,
        hasRunbook: map.hasRunbook(ref),
        policy,
      });
      result.set(ref, {
        acknowledgements,
        seenInWindow: seen.length,
        noisyShare: seen.length
          ? noise.filter(isCryingWolf).length / seen.length
          : 0,
      });
    }
    return result;
  }

  /** [from, to): by default up to now, from the owners' last finished review (if `lastReview` finds one before `to`), else 14 days before. */
  async #range(
    query: { from?: Date; to?: Date },
    lastReview?: () => Promise<ReviewSummary | undefined>,
  ): Promise<{
    from: Date;
    to: Date;
    fromSource: AlertListResponse['fromSource'];
    lastReview?: AlertListResponse['lastReview'];
  }> {
    const to = query.to ?? this.#now();
    if (query.from) {
      if (query.from >= to) throw new InputError('from must be before to');
      return { from: query.from, to, fromSource: 'query' };
    }
    const review = await lastReview?.();
    if (review?.finishedAt && Date.parse(review.finishedAt) < to.getTime()) {
      return {
        from: new Date(review.finishedAt),
        to,
        fromSource: 'last-review',
        lastReview: {
          id: review.id,
          teamRef: review.teamRef,
          finishedAt: review.finishedAt,
        },
      };
    }
    return {
      from: new Date(to.getTime() - DEFAULT_RANGE_MS),
      to,
      fromSource: 'default',
    };
  }

  /** The alert as its acknowledge permission sees it: who owns it. */
  async alertResource(id: number): Promise<AlertResource> {
    const alert = await this.options.store.acknowledgeable(id);
    if (!alert) throw new NotFoundError(`No alert ${id}`);
    return {
      id: String(id),
      ownerClaims: await entityOwnershipClaims(this.options, alert.entityRefs),
    };
  }

  /** Alert resources by id, for the permission framework's conditional decisions. */
  async alertResources(
    ids: string[],
  ): Promise<Array<AlertResource | undefined>> {
    return Promise.all(
      ids.map(id =>
        ALERT_ID.test(id)
          ? this.alertResource(Number(id)).catch(() => undefined)
          : undefined,
      ),
    );
  }

  /**
   * Records that the signed-in user acknowledged the alert: while it fires,
   * or within the configured window after it resolved (a late
   * acknowledgement of an old alert would only rewrite its history).
   */
  async acknowledge(id: number, userRef: string): Promise<StoredAlert> {
    const alert = await this.options.store.acknowledgeable(id);
    if (!alert) throw new NotFoundError(`No alert ${id}`);
    const now = this.#now();
    const { afterResolutionMinutes } = this.#ackPolicy();
    if (
      alert.status === 'resolved' &&
      alert.endsAt &&
      Date.parse(alert.endsAt) + afterResolutionMinutes * 60_000 < now.getTime()
    ) {
      throw new ConflictError(
        `Alert ${id} resolved at ${alert.endsAt}; it can be acknowledged up to ${afterResolutionMinutes} minutes after it resolved`,
      );
    }
    const stored = await this.options.store.acknowledge(id, userRef, now);
    if (!stored) throw new NotFoundError(`No alert ${id}`);
    return this.#withNames(stored);
  }

  /** Takes back the signed-in user's own acknowledgement, within minutes of making it. */
  async unacknowledge(id: number, userRef: string): Promise<StoredAlert> {
    const now = this.#now();
    const { undoMinutes } = this.#ackPolicy();
    const stored = await this.options.store.unacknowledge(
      id,
      userRef,
      new Date(now.getTime() - undoMinutes * 60_000),
      now,
    );
    if (stored === undefined) throw new NotFoundError(`No alert ${id}`);
    if (stored === false) {
      throw new ConflictError(
        `You have no acknowledgement of alert ${id} from the last ${undoMinutes} minutes to take back`,
      );
    }
    return this.#withNames(stored);
  }

  /** The alert with the catalog names of those who acknowledged it. */
  async #withNames(alert: StoredAlert): Promise<StoredAlert> {
    const own = namesOf(
      alert.acknowledgedBy,
      await responderNames(this.options, alert.acknowledgedBy),
    );
    return own ? { ...alert, responderNames: own } : alert;
  }

  #ackPolicy(): AlertAcknowledgePolicy {
    return {
      ...DEFAULT_ALERT_ACKNOWLEDGE_POLICY,
      ...this.options.acknowledgePolicy,
    };
  }

  /** The catalog snapshot for storing and showing alerts, the last one while the catalog is unreachable. */
  #mapForAlerts() {
    return this.options.mapper.currentOrLast(error =>
      this.options.logger.warn(
        `The catalog could not be read; alerts are mapped with its last snapshot (or none) until it answers: ${error}`,
      ),
    );
  }

  /** Maps the last 30 days of alerts again from their labels and the current catalog. */
  async remapRecent(): Promise<number> {
    const map = await this.options.mapper.current();
    return this.options.store.remap(
      new Date(this.#now().getTime() - REMAP_MS),
      labels => map.entityRefsFor(labels),
    );
  }

  /** Runs every poller from where it got to; a failing poller does not stop the others. */
  async pollAll(): Promise<number> {
    let stored = 0;
    for (const poller of this.options.pollers) {
      const started = this.#now();
      try {
        const last = await this.options.store.pollerPosition(poller.id);
        const since = last
          ? new Date(last.getTime() - POLL_OVERLAP_MS)
          : new Date(started.getTime() - FIRST_POLL_MS);
        const polled = await poller.poll({ since });
        // The same checks as for webhooks; an event no database could keep is left out, not the whole pull.
        const events: AlertEvent[] = [];
        for (const event of polled) {
          const storable = storableAlertEvent(event);
          if (storable.problem === undefined) {
            events.push(storable.event);
          } else {
            this.options.logger.warn(
              `Alert poller ${poller.id} returned an event that cannot be stored: ${storable.problem}`,
            );
          }
        }
        const map = await this.#mapForAlerts();
        const changed = await this.options.store.ingest(
          events,
          labels => map.entityRefsFor(labels),
          started,
        );
        stored += changed;
        await this.options.store.savePollerPosition(poller.id, started);
        await this.options.pollerStatus?.succeeded(poller.id, {
          received: polled.length,
          alerts: changed,
        });
      } catch (error) {
        this.options.logger.warn(`Alert poller ${poller.id} failed: ${error}`);
        await this.options.pollerStatus?.failed(poller.id, error);
      }
    }
    return stored;
  }
}

/** The range's history with the older alerts that still fire, each once: the flapping rule counts every firing. */
function withEarlier(history: AlertFacts[], earlier: AlertFacts[]) {
  const known = new Set(history.map(alert => alert.id));
  return [...history, ...earlier.filter(alert => !known.has(alert.id))];
}
