import {
  Entity,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  CatalogIndex,
  CatalogSnapshot,
  profileName,
  relationTargets,
} from '../catalog/CatalogSnapshot';
import { dependenciesOf, evidenceResourcesOf } from '../catalog/dependencies';
import type { EntityVisibility } from '../catalog/entityVisibility';
import {
  ANNOTATION_ACCESS_SOURCE,
  evaluateReadiness,
  KnowledgeReport,
  ReadinessFacts,
  ReadinessPolicy,
  ReadinessReport,
  ReadinessTrendPoint,
  simulateLeave,
  soleCovers,
  TeamReport,
  withFormerHolders,
} from '@baton/plugin-sre-common';
import { KnowledgeService } from './KnowledgeService';
import {
  backupsThroughResources,
  drillsThroughResources,
} from './resourceEvidence';
import type { AccessReviewStore } from '../access/AccessReviewStore';
import type { AlertService } from '../alerts/AlertService';
import type { BackupService } from '../backups/BackupService';
import type { ChangeService } from '../changes/ChangeService';
import type { SloStore } from '../slo/SloStore';
import { ReadinessHistoryStore } from './ReadinessHistoryStore';

const TREND_DAYS = 90;
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** The owner of an entity as readiness counts it: the Users it stands for. */
function ownerOf(index: CatalogIndex, entity: Entity): ReadinessFacts['owner'] {
  const ref = relationTargets(entity, RELATION_OWNED_BY)[0] ?? '';
  const owner = index.byRef.get(ref);
  if (!owner) return { ref, kind: 'missing', members: [] };
  if (owner.kind.toLocaleLowerCase('en-US') === 'user') {
    return { ref, kind: 'user', members: [ref] };
  }
  return { ref, kind: 'group', members: index.members(ref) };
}

/** The dependencies that stand for an access source. */
function accessResourcesOf(
  dependencies: Array<{ ref: string; entity: Entity }>,
): ReadinessFacts['accessResources'] {
  return dependencies.flatMap(({ ref, entity }) => {
    const source = entity.metadata.annotations?.[ANNOTATION_ACCESS_SOURCE];
    return source ? [{ ref, source }] : [];
  });
}

/**
 * An entity's stored trend, none where the caller may not read all it
 * depends on: the snapshots counted that too, and their scores would show
 * what the caller's catalog hides.
 */
function storedTrendFor(
  trends: Map<string, ReadinessTrendPoint[]>,
  entityRef: string,
  partlyHidden: Set<string>,
): ReadinessTrendPoint[] {
  return partlyHidden.has(entityRef) ? [] : trends.get(entityRef) ?? [];
}

/**
 * A stored trend that ends at the score shown beside it: today's point is
 * the report's own, not the last snapshot's. The snapshot was taken at the
 * last knowledge refresh, over the whole catalog; the report is computed
 * now (a drill recorded since counts) and only over what the caller may read.
 */
function endingAtNow(
  trend: ReadinessTrendPoint[],
  report: Pick<ReadinessTrendPoint, 'score' | 'level' | 'truckFactor'>,
  now: Date,
): ReadinessTrendPoint[] {
  const today = dayOf(now);
  return [
    ...trend.filter(point => point.day !== today),
    {
      day: today,
      score: report.score,
      level: report.level,
      truckFactor: report.truckFactor,
    },
  ];
}

/** Builds readiness reports and team bus-factor reports from the catalog and stored facts. */
export class ReadinessService {
  constructor(
    private readonly options: {
      /** The process's catalog snapshot: the team tree, owners and names. */
      catalog: CatalogSnapshot;
      knowledge: KnowledgeService;
      history: ReadinessHistoryStore;
      /** SLOs read from each entity's OpenSLO files. */
      slos: Pick<SloStore, 'countDefinitions'>;
      /** Responders, alerts seen and noise from the stored alert history. */
      alerts?: Pick<AlertService, 'readinessFacts'>;
      /** Admins and sign-offs of access-reviewed Resources, from the campaigns' frozen inventories. */
      accessReviews?: Pick<AccessReviewStore, 'readinessFacts'>;
      /** Who ran and paired on production changes, and how many were paired and reviewed. */
      changes?: Pick<ChangeService, 'readinessFacts'>;
      /** Protected resources and what their copies prove, from the backup sources' latest pulls. */
      backups?: Pick<BackupService, 'readinessFacts'>;
      /** The recovery drills recorded on each entity (the drills domain, which builds on reviews). */
      drills?: {
        readinessFacts(
          entityRefs: string[],
          days: number,
        ): Promise<Map<string, NonNullable<ReadinessFacts['drills']>>>;
      };
      policy: ReadinessPolicy;
      now?: () => Date;
    },
  ) {}

  #now(): Date {
    return this.options.now?.() ?? new Date();
  }

  #trendSince(): string {
    return dayOf(new Date(this.#now().getTime() - TREND_DAYS * 86_400_000));
  }

  /** Records today's score and level of every entity; run after each knowledge refresh. */
  async snapshotAll(): Promise<number> {
    const view = await this.options.catalog.current();
    const services = view.services();
    const points = (await this.#facts(services, view)).facts.map(facts => {
      const report = evaluateReadiness(facts, this.options.policy);
      return {
        entityRef: report.entityRef,
        score: report.score,
        level: report.level,
        truckFactor: report.truckFactor,
      };
    });
    await this.options.history.record(dayOf(this.#now()), points);
    return points.length;
  }

  /** An entity's knowledge map, its former holders marked and left out of the truck factor as readiness counts them. */
  async getKnowledge(entityRef: string): Promise<KnowledgeReport> {
    return withFormerHolders(
      await this.options.knowledge.getReport(entityRef),
      this.#now().toISOString(),
      this.options.policy.thresholds.knowledgeHolderDays,
    );
  }

  /**
   * An entity's readiness report; with `visible` (the caller's catalog),
   * what it depends on counts only where the caller may read it.
   */
  async getReadiness(
    entityRef: string,
    options: { visible?: EntityVisibility } = {},
  ): Promise<ReadinessReport> {
    const view = await this.options.catalog.currentWith(entityRef);
    const entity = view.byRef.get(entityRef);
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    const {
      facts: [facts],
      partlyHidden,
    } = await this.#facts([entity], view, options.visible);
    const report = evaluateReadiness(facts, this.options.policy);
    const trends = await this.options.history.trends(
      [entityRef],
      this.#trendSince(),
    );
    return {
      ...report,
      trend: endingAtNow(
        storedTrendFor(trends, entityRef, partlyHidden),
        report,
        this.#now(),
      ),
    };
  }

  async getTeamReport(
    teamRef: string,
    options: { absent: string[]; days: number; visible?: EntityVisibility },
  ): Promise<TeamReport> {
    const view = await this.options.catalog.currentWith(teamRef);
    const team = view.group(teamRef);
    if (!team) {
      throw new NotFoundError(`No group ${teamRef} in the catalog`);
    }
    const members = view.members(teamRef);
    // The shared snapshot sees all; the caller's filter below hides the rest.
    let services = view.teamServices(teamRef);
    if (options.visible) {
      // Only what the caller's catalog shows them is reported, and simulated.
      const visible = await options.visible(
        services.map(e => stringifyEntityRef(e)),
      );
      services = services.filter(e => visible.has(stringifyEntityRef(e)));
    }
    const { facts, partlyHidden } = await this.#facts(
      services,
      view,
      options.visible,
    );
    const { policy } = this.options;
    const simulations = simulateLeave(
      facts,
      options.absent,
      policy,
      options.days,
    );

    const { knowledgeHolderDays } = policy.thresholds;
    // Knowledge as readiness counts it now: former holders marked.
    const knowledgeNow = facts.map(
      f =>
        f.knowledge &&
        withFormerHolders(f.knowledge, f.now, knowledgeHolderDays),
    );
    const knowledgeMap = members.map(userRef => {
      const held = facts.flatMap((f, index) => {
        const person = knowledgeNow[index]?.people.find(
          p => p.userRef === userRef,
        );
        return person && person.files > 0
          ? [{ ref: stringifyEntityRef(f.entity), person }]
          : [];
      });
      return {
        userRef,
        name: view.nameOf(userRef),
        shares: Object.fromEntries(held.map(h => [h.ref, h.person.share])),
        former: held.filter(h => h.person.former).map(h => h.ref),
      };
    });

    const trends = await this.options.history.trends(
      simulations.map(simulation => simulation.entityRef),
      this.#trendSince(),
    );

    return {
      team: { ref: teamRef, title: profileName(team) },
      members: members.map(userRef => ({
        userRef,
        name: view.nameOf(userRef),
      })),
      absent: options.absent,
      days: options.days,
      services: simulations.map((simulation, index) => ({
        entityRef: simulation.entityRef,
        kind: services[index].kind.toLocaleLowerCase('en-US'),
        title: services[index].metadata.title ?? services[index].metadata.name,
        readiness: {
          ...simulation.before,
          trend: endingAtNow(
            storedTrendFor(trends, simulation.entityRef, partlyHidden),
            simulation.before,
            this.#now(),
          ),
        },
        ...(options.absent.length || options.days
          ? {
              during: {
                level: simulation.after.level,
                score: simulation.after.score,
                truckFactor: simulation.after.truckFactor,
                affected: simulation.affected,
                uncovered: simulation.uncovered,
                uncoveredCodes: simulation.uncoveredCodes,
                flipped: simulation.flipped,
              },
            }
          : {}),
      })),
      soleCovers: soleCovers(facts, policy).map(cover => ({
        ...cover,
        name: view.nameOf(cover.userRef),
      })),
      knowledgeMap,
      knowledgeHolderDays,
    };
  }

  /**
   * The facts of each entity, with all their knowledge read in one query.
   * With `visible`, what the entities depend on counts only where the
   * caller may read it (asked once for all of them); `partlyHidden` names
   * the entities some of whose dependencies the caller may not read.
   */
  async #facts(
    entities: Entity[],
    view: CatalogIndex,
    visible?: EntityVisibility,
  ): Promise<{ facts: ReadinessFacts[]; partlyHidden: Set<string> }> {
    const refs = entities.map(entity => stringifyEntityRef(entity));
    const readable = visible
      ? await visible([
          ...new Set(
            entities.flatMap(entity =>
              dependenciesOf(view, entity).map(dependency => dependency.ref),
            ),
          ),
        ])
      : undefined;
    const dependencies = entities.map(entity =>
      dependenciesOf(view, entity, readable),
    );
    const partlyHidden = new Set(
      refs.filter(
        (_, index) =>
          dependencies[index].length <
          dependenciesOf(view, entities[index]).length,
      ),
    );
    const evidenceResources = entities.map((entity, index) =>
      evidenceResourcesOf(entity, dependencies[index]),
    );
    // The entities and the Resources whose evidence counts for them, each read once.
    const evidenceEntities = new Map(
      [
        ...entities.map((entity, index) => ({ ref: refs[index], entity })),
        ...evidenceResources.flat(),
      ].map(({ ref, entity }) => [ref, entity]),
    );
    const knowledge = await this.options.knowledge.findReports(refs);
    const sloCounts = await this.options.slos.countDefinitions(refs);
    const { thresholds } = this.options.policy;
    const alerts =
      (await this.options.alerts?.readinessFacts(refs, thresholds)) ??
      new Map();
    const changes = await this.options.changes?.readinessFacts(
      refs,
      thresholds.changesDays,
    );
    const drills = await this.options.drills?.readinessFacts(
      [...evidenceEntities.keys()],
      Math.max(thresholds.restorePractisedDays, thresholds.drillMaxAgeDays),
    );
    const backups = await this.options.backups?.readinessFacts(
      [...evidenceEntities.values()],
      view,
    );
    const now = this.#now().toISOString();
    const accessResources = dependencies.map(accessResourcesOf);
    const access =
      (await this.options.accessReviews?.readinessFacts([
        ...new Set(accessResources.flat().map(resource => resource.ref)),
      ])) ?? new Map();
    const facts = entities.map((entity, index) => ({
      now,
      entity,
      owner: ownerOf(view, entity),
      names: view.names,
      knowledge: knowledge.get(refs[index]),
      alerts: alerts.get(refs[index]),
      slos: sloCounts.has(refs[index])
        ? { count: sloCounts.get(refs[index])! }
        : undefined,
      accessResources: accessResources[index].map(resource => ({
        ...resource,
        ...access.get(resource.ref),
      })),
      changes: changes?.get(refs[index]),
      ...(backups
        ? {
            backups: backupsThroughResources(
              backups.get(refs[index]),
              evidenceResources[index].map(({ ref }) => ({
                ref,
                facts: backups.get(ref),
              })),
            ),
          }
        : {}),
      drills:
        drills &&
        drillsThroughResources(
          drills.get(refs[index]),
          evidenceResources[index].map(({ ref }) => ({
            ref,
            facts: drills.get(ref),
          })),
        ),
    }));
    return { facts, partlyHidden };
  }
}
