import type { AuthService } from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  costMovers,
  readinessChanges,
  Review,
  ReviewActionItem,
  ReviewAgenda,
  ReviewCostSection,
  reviewAlertsSection,
  reviewMarkdown,
  reviewSlosSection,
  STALE_RUNBOOK_REASONS,
  TeamReport,
  TeamReviewResponse,
  TeamDrillsResponse,
} from '@baton/plugin-sre-common';
import type { AccessReviewService } from '../access/AccessReviewService';
import type { ChangeService } from '../changes/ChangeService';
import type { AlertService } from '../alerts/AlertService';
import type { CostService } from '../cost/CostService';
import type { KnowledgeService } from '../readiness/KnowledgeService';
import type { ReadinessService } from '../readiness/ReadinessService';
import type { SloService } from '../slo/SloService';
import type { EntityVisibility } from '../catalog/entityVisibility';
import { responderNames } from '../alerts/responderNames';
import { ownershipClaims } from '../catalog/ownershipClaims';
import { resolveUserRefs } from '../catalog/userRefs';
import type { ReviewTeamResource } from './permissionRules';
import { ActionItemChange, ReviewStore } from './ReviewStore';

const DAY = 86_400_000;
/** Without a review before, the agenda covers this many days, as the alert card does. */
export const DEFAULT_AGENDA_DAYS = 14;
/** The longest agenda: a year, within what the cost and alert reports cover. */
export const MAX_AGENDA_DAYS = 366;
/** Finished reviews listed with a team's agenda. */
const HISTORY_LIMIT = 20;
/** Alerts read for one agenda; more than a fortnight of any sane team's. */
const AGENDA_ALERT_LIMIT = 5_000;

const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);

/** A review's input as the router parsed it. */
export interface ReviewActionInput {
  title: string;
  ownerRef?: string | null;
  due?: string | null;
  link?: string | null;
}

/**
 * A team's reliability review: the agenda assembled from what Baton stores
 * (alerts, SLOs, cost, readiness, knowledge) since the last review, and the
 * reviews themselves with notes and action items.
 */
export class ReviewService {
  constructor(
    private readonly options: {
      store: ReviewStore;
      catalog: CatalogService;
      auth: AuthService;
      alerts: Pick<AlertService, 'listForTeam'>;
      slos: Pick<SloService, 'getSlos'>;
      costs: Pick<CostService, 'teamReport'>;
      readiness: Pick<ReadinessService, 'getTeamReport'>;
      knowledge: Pick<KnowledgeService, 'findReports'>;
      accessReviews: Pick<AccessReviewService, 'teamSummary'>;
      changes: Pick<ChangeService, 'reviewSection'>;
      /** The team's drills (the drills domain, which builds on reviews). */
      drills: {
        teamDrills(
          teamRef: string,
          options: { visible?: EntityVisibility },
        ): Promise<TeamDrillsResponse>;
      };
      now?: () => Date;
    },
  ) {}

  #now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** The team's review page: the agenda since the review in progress, the last review or `since`, open action items and history. */
  async teamReview(
    teamRef: string,
    query: { since?: Date; visible?: EntityVisibility },
  ): Promise<TeamReviewResponse> {
    const report = await this.#teamReport(teamRef, query.visible);
    const { store } = this.options;
    const [current, last, openActionItems, history] = await Promise.all([
      store.inProgress(teamRef),
      store.lastFinished([teamRef]),
      store.openActions(teamRef),
      store.finished(teamRef, HISTORY_LIMIT),
    ]);
    const now = this.#now();
    let since: Date;
    let sinceSource: TeamReviewResponse['sinceSource'];
    if (query.since) {
      since = query.since;
      sinceSource = 'chosen';
    } else if (current) {
      since = new Date(current.since);
      sinceSource = 'current-review';
    } else if (last?.finishedAt) {
      since = new Date(last.finishedAt);
      sinceSource = 'last-review';
    } else {
      since = new Date(now.getTime() - DEFAULT_AGENDA_DAYS * DAY);
      sinceSource = 'default';
    }
    this.#checkSpan(since, now);
    return {
      team: report.team,
      members: report.members,
      since: since.toISOString(),
      sinceSource,
      current: current ?? null,
      lastReview: last ?? null,
      openActionItems,
      agenda: await this.#agenda(report, since, now, query.visible),
      history,
    };
  }

  /** Starts a review of the team; its agenda starts at `since`, by default the end of the last review. */
  async start(
    teamRef: string,
    input: { attendees: string[]; since?: Date },
    actor: string,
  ): Promise<Review> {
    await this.#group(teamRef);
    const attendees = await this.#users(input.attendees, 'attendees');
    const now = this.#now();
    const last = await this.options.store.lastFinished([teamRef]);
    let since = input.since;
    if (!since) {
      since = last?.finishedAt
        ? new Date(last.finishedAt)
        : new Date(now.getTime() - DEFAULT_AGENDA_DAYS * DAY);
    } else if (last?.finishedAt && since < new Date(last.finishedAt)) {
      // What the last review looked at is done; a new one starts after it.
      throw new InputError(
        `since: must not be before the end of the team's last review (${last.finishedAt})`,
      );
    }
    this.#checkSpan(since, now);
    return this.options.store.start({
      teamRef,
      since,
      attendees,
      actor,
      now,
    });
  }

  /** A review and, once finished, the agenda it looked at. */
  async getReview(
    teamRef: string,
    id: string,
  ): Promise<{ review: Review; agenda: ReviewAgenda | null }> {
    const review = await this.#review(teamRef, id);
    return {
      review,
      agenda: await this.options.store.agendaOf(teamRef, id),
    };
  }

  async update(
    teamRef: string,
    id: string,
    input: { notes?: string; attendees?: string[]; revision: number },
  ): Promise<Review> {
    await this.#review(teamRef, id);
    return this.options.store.update({
      teamRef,
      id,
      revision: input.revision,
      notes: input.notes,
      attendees: input.attendees
        ? await this.#users(input.attendees, 'attendees')
        : undefined,
      now: this.#now(),
    });
  }

  /** Abandons a review in progress (started by mistake): it never becomes the last review, and its open items carry over. */
  async abandon(teamRef: string, id: string, actor: string): Promise<Review> {
    await this.#review(teamRef, id);
    return this.options.store.abandon({
      teamRef,
      id,
      actor,
      now: this.#now(),
    });
  }

  /** The team as the review permission's rule sees it: who counts as one of its own. */
  async reviewTeamResource(teamRef: string): Promise<ReviewTeamResource> {
    return {
      teamRef,
      memberClaims: await ownershipClaims(this.options, [teamRef]),
    };
  }

  /** Finishes a review: the agenda up to now is kept with it, and its time becomes the team's last review. */
  async finish(
    teamRef: string,
    id: string,
    actor: string,
    visible?: EntityVisibility,
  ): Promise<Review> {
    const review = await this.#review(teamRef, id);
    if (review.state === 'finished') {
      throw new ConflictError(
        `Review ${id} was finished at ${review.finishedAt}; a finished review does not change`,
      );
    }
    const now = this.#now();
    const agenda = await this.#agenda(
      await this.#teamReport(teamRef, visible),
      new Date(review.since),
      now,
      visible,
    );
    // The store finishes it only if nobody did meanwhile.
    return this.options.store.finish({ teamRef, id, actor, agenda, now });
  }

  async addAction(
    teamRef: string,
    reviewId: string,
    input: ReviewActionInput,
    actor: string,
  ): Promise<ReviewActionItem> {
    const ownerRef = input.ownerRef
      ? (await this.#users([input.ownerRef], 'ownerRef'))[0]
      : null;
    return this.options.store.addAction({
      teamRef,
      reviewId,
      title: input.title,
      ownerRef,
      due: input.due ?? null,
      link: input.link ?? null,
      actor,
      now: this.#now(),
    });
  }

  async updateAction(
    teamRef: string,
    actionId: string,
    change: ActionItemChange,
    actor: string,
  ): Promise<ReviewActionItem> {
    const ownerRef = change.ownerRef
      ? (await this.#users([change.ownerRef], 'ownerRef'))[0]
      : change.ownerRef;
    return this.options.store.updateAction({
      teamRef,
      actionId,
      change: { ...change, ownerRef },
      actor,
      now: this.#now(),
    });
  }

  /** A review as Markdown: a finished one with the agenda it looked at, one in progress with today's. */
  async markdown(
    teamRef: string,
    id: string,
    visible?: EntityVisibility,
  ): Promise<string> {
    const report = await this.#teamReport(teamRef, visible);
    const review = await this.#review(teamRef, id);
    let agenda = await this.options.store.agendaOf(teamRef, id);
    let carriedOver: ReviewActionItem[] = [];
    if (review.state === 'in-progress') {
      agenda = await this.#agenda(
        report,
        new Date(review.since),
        this.#now(),
        visible,
      );
      carriedOver = (await this.options.store.openActions(teamRef)).filter(
        item => item.reviewId !== review.id,
      );
    }
    const memberNames = Object.fromEntries(
      report.members.map(member => [member.userRef, member.name]),
    );
    // Whoever is no member (a portal admin who ran it, an owner from another
    // team) by their catalog name too, never by ref.
    const others = [
      review.startedBy,
      review.finishedBy,
      ...review.attendees,
      ...[...review.actionItems, ...carriedOver].map(item => item.ownerRef),
    ].filter(
      (ref): ref is string => typeof ref === 'string' && !(ref in memberNames),
    );
    return reviewMarkdown({
      team: report.team,
      review,
      agenda,
      carriedOver,
      names: {
        ...(await responderNames(this.options, others)),
        ...memberNames,
      },
    });
  }

  async #agenda(
    report: TeamReport,
    since: Date,
    until: Date,
    visible?: EntityVisibility,
  ): Promise<ReviewAgenda> {
    const teamRef = report.team.ref;
    const services = report.services.map(service => ({
      entityRef: service.entityRef,
      title: service.title,
    }));
    const titles = new Map(services.map(s => [s.entityRef, s.title]));
    const titleOf = (ref: string) =>
      titles.get(ref) ?? parseEntityRef(ref).name;
    const refs = services.map(service => service.entityRef);

    const memberRefs = report.members.map(member => member.userRef);
    const [alerts, slos, cost, knowledge, access, changes, drills] =
      await Promise.all([
        // The services of the team and its sub-teams, as the readiness report has them.
        this.options.alerts.listForTeam(
          teamRef,
          { from: since, to: until, limit: AGENDA_ALERT_LIMIT },
          { entityRefs: refs },
        ),
        Promise.all(
          services.map(async service => ({
            ...service,
            slos: (await this.options.slos.getSlos(service.entityRef)).items,
          })),
        ),
        this.#costSection(teamRef, refs, since, until, titleOf),
        this.options.knowledge.findReports(refs),
        this.options.accessReviews.teamSummary(memberRefs, since),
        this.options.changes.reviewSection(refs, since, until, { visible }),
        this.options.drills.teamDrills(teamRef, { visible }),
      ]);

    const alertsSection = reviewAlertsSection(alerts.items, services);
    const slosSection = reviewSlosSection(slos, since.toISOString());

    const acknowledged = new Map<string, number>();
    for (const alert of alerts.items) {
      // Still firing from before the agenda, acknowledged before it too: not this period's work.
      if (
        alert.acknowledgedAt &&
        Date.parse(alert.acknowledgedAt) < since.getTime()
      ) {
        continue;
      }
      for (const userRef of new Set(alert.acknowledgedBy)) {
        acknowledged.set(userRef, (acknowledged.get(userRef) ?? 0) + 1);
      }
    }
    const members = report.members.map(member => ({
      userRef: member.userRef,
      name: member.name,
      commits: refs.flatMap(ref => {
        const person = knowledge
          .get(ref)
          ?.people.find(p => p.userRef === member.userRef);
        return person?.lastCommitAt &&
          Date.parse(person.lastCommitAt) >= since.getTime()
          ? [
              {
                entityRef: ref,
                title: titleOf(ref),
                lastCommitAt: person.lastCommitAt,
              },
            ]
          : [];
      }),
      acknowledged: acknowledged.get(member.userRef) ?? 0,
      decisions: access.decisions.get(member.userRef) ?? 0,
    }));

    return {
      since: since.toISOString(),
      until: until.toISOString(),
      alerts: alertsSection,
      slos: slosSection.checked
        ? slosSection
        : {
            ...slosSection,
            unavailable: {
              code: 'no-slos',
              message:
                'None of the team’s services defines an SLO (annotation baton.dev/openslo)',
            },
          },
      cost,
      readiness: {
        services: report.services.length,
        changes: readinessChanges(
          report.services.map(service => ({
            entityRef: service.entityRef,
            title: service.title,
            level: service.readiness.level,
            score: service.readiness.score,
            trend: service.readiness.trend,
          })),
          since.toISOString(),
        ),
      },
      access: {
        openItems: access.campaigns.reduce((sum, c) => sum + c.openItems, 0),
        campaigns: access.campaigns,
        ...(access.campaigns.length
          ? {}
          : {
              unavailable: {
                code: 'no-open-campaign' as const,
                message:
                  'No open access-review campaign has items for the team’s members to decide',
              },
            }),
      },
      changes,
      backupsDrills: {
        backupGaps: report.services.flatMap(service => {
          const check = service.readiness.checks.find(c => c.id === 'backups');
          return check &&
            (check.status === 'fail' || check.status === 'unknown')
            ? [
                {
                  entityRef: service.entityRef,
                  title: service.title,
                  status: check.status,
                  reason: check.reason,
                  reasonCode: check.reasonCode,
                  reasonParams: check.reasonParams,
                },
              ]
            : [];
        }),
        staleRunbooks: report.services.flatMap(service => {
          const check = service.readiness.checks.find(c => c.id === 'runbook');
          return check?.status === 'fail' &&
            STALE_RUNBOOK_REASONS.includes(check.reasonCode)
            ? [
                {
                  entityRef: service.entityRef,
                  title: service.title,
                  reason: check.reason,
                  reasonCode: check.reasonCode,
                  reasonParams: check.reasonParams,
                },
              ]
            : [];
        }),
        drillsDone: drills.drills.filter(
          drill =>
            drill.performedAt !== null &&
            Date.parse(drill.performedAt) >= since.getTime() &&
            Date.parse(drill.performedAt) <= until.getTime(),
        ),
        drillsDue: drills.due,
      },
      activity: { members },
    };
  }

  async #costSection(
    teamRef: string,
    entityRefs: string[],
    since: Date,
    until: Date,
    titleOf: (ref: string) => string,
  ): Promise<ReviewCostSection> {
    const from = dayOf(since.getTime());
    // The day after `until`, so that today's spend is in.
    const to = dayOf(Math.floor(until.getTime() / DAY) * DAY + DAY);
    const report = await this.options.costs.teamReport(
      teamRef,
      { from, to, granularity: 'day' },
      { entityRefs },
    );
    if (!report.sources.length) {
      return {
        from,
        to,
        currency: null,
        total: null,
        previousTotal: null,
        change: null,
        changeAmount: null,
        movers: [],
        anomalies: [],
        unallocatedShare: null,
        unavailable: {
          code: 'no-cost-data',
          message:
            'No cost source is set up: import a FOCUS file or configure AWS Cost Explorer',
        },
      };
    }
    const { currency } = report;
    return {
      from: report.from,
      to: report.to,
      currency,
      total: report.total,
      previousTotal: report.previousTotal,
      change: report.change,
      changeAmount: report.changeAmount,
      coverage: report.coverage,
      movers: costMovers(
        report.entities.map(entity => ({
          ...entity,
          title: titleOf(entity.entityRef),
        })),
      ),
      anomalies: report.entities
        .flatMap(entity =>
          entity.anomalies.map(anomaly => ({
            entityRef: entity.entityRef,
            title: titleOf(entity.entityRef),
            date: anomaly.date,
            amount: { amount: anomaly.amount, currency },
            expected: { amount: anomaly.expected, currency },
            rule: anomaly.rule,
          })),
        )
        .sort(
          (a, b) =>
            b.date.localeCompare(a.date) ||
            a.entityRef.localeCompare(b.entityRef),
        ),
      unallocatedShare: report.unallocated.share,
    };
  }

  async #teamReport(
    teamRef: string,
    visible?: EntityVisibility,
  ): Promise<TeamReport> {
    // The bus-factor report knows the team, its members (sub-teams too),
    // its services and their readiness with daily history.
    return this.options.readiness.getTeamReport(teamRef, {
      absent: [],
      days: 0,
      visible,
    });
  }

  /** An agenda starts in the past, and at most MAX_AGENDA_DAYS ago. */
  #checkSpan(since: Date, now: Date): void {
    if (since >= now) throw new InputError('since: must be in the past');
    if (now.getTime() - since.getTime() > MAX_AGENDA_DAYS * DAY) {
      throw new InputError(
        `since: an agenda covers at most ${MAX_AGENDA_DAYS} days`,
      );
    }
  }

  async #review(teamRef: string, id: string): Promise<Review> {
    const review = await this.options.store.get(teamRef, id);
    if (!review) throw new NotFoundError(`${teamRef} has no review ${id}`);
    return review;
  }

  async #group(teamRef: string): Promise<Entity> {
    const entity = await this.options.catalog.getEntityByRef(teamRef, {
      credentials: await this.options.auth.getOwnServiceCredentials(),
    });
    if (!entity || entity.kind.toLocaleLowerCase('en-US') !== 'group') {
      throw new NotFoundError(`No group ${teamRef} in the catalog`);
    }
    return entity;
  }

  /** Catalog User refs, normalised and without repeats; a 400 names the first that is not one. */
  async #users(refs: string[], field: string): Promise<string[]> {
    const resolved = await resolveUserRefs(
      this.options,
      refs.map((ref, index) => ({
        ref,
        field: field === 'attendees' ? `${field}[${index}]` : field,
      })),
    );
    return [...new Set(resolved)];
  }
}
