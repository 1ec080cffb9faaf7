import type {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import type { EntityVisibility } from '../catalog/entityVisibility';
import {
  Entity,
  RELATION_DEPENDS_ON,
  RELATION_HAS_MEMBER,
  RELATION_OWNED_BY,
  RELATION_PARENT_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_ACCESS_SOURCE,
  evaluateReadiness,
  KnowledgeReport,
  ReadinessFacts,
  ReadinessPolicy,
  ReadinessReport,
  simulateLeave,
  soleCovers,
  TeamReport,
  withFormerHolders,
} from '@baton/plugin-sre-common';
import { KnowledgeService } from './KnowledgeService';
import type { AccessReviewStore } from '../access/AccessReviewStore';
import type { AlertService } from '../alerts/AlertService';
import type { SloStore } from '../slo/SloStore';
import { ReadinessHistoryStore } from './ReadinessHistoryStore';

const SERVICE_KINDS = ['component', 'system', 'resource'];
const TREND_DAYS = 90;
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

const relationTargets = (entity: Entity, type: string) =>
  (entity.relations ?? [])
    .filter(relation => relation.type === type)
    .map(relation => relation.targetRef);

/** The catalog entities readiness needs, read once per request. */
class CatalogView {
  readonly byRef = new Map<string, Entity>();
  /** Display names by ref, for the reasons the checks write. */
  readonly names: Record<string, string> = {};

  constructor(entities: Entity[]) {
    for (const entity of entities) {
      const ref = stringifyEntityRef(entity);
      this.byRef.set(ref, entity);
      this.names[ref] = profileName(entity);
    }
  }

  nameOf(ref: string): string {
    return this.names[ref] ?? ref;
  }

  /** A group and every group below it. */
  groupTree(groupRef: string): string[] {
    const refs: string[] = [];
    const visit = (ref: string) => {
      if (refs.includes(ref) || !this.byRef.has(ref)) return;
      refs.push(ref);
      relationTargets(this.byRef.get(ref)!, RELATION_PARENT_OF).forEach(visit);
    };
    visit(groupRef);
    return refs;
  }

  /** The Users of a group and its sub-groups. */
  members(groupRef: string): string[] {
    const members = new Set<string>();
    for (const ref of this.groupTree(groupRef)) {
      for (const member of relationTargets(
        this.byRef.get(ref)!,
        RELATION_HAS_MEMBER,
      )) {
        members.add(member);
      }
    }
    return [...members].sort();
  }

  owner(entity: Entity): ReadinessFacts['owner'] {
    const ref = relationTargets(entity, RELATION_OWNED_BY)[0] ?? '';
    const owner = this.byRef.get(ref);
    if (!owner) return { ref, kind: 'missing', members: [] };
    if (owner.kind.toLocaleLowerCase('en-US') === 'user') {
      return { ref, kind: 'user', members: [ref] };
    }
    return { ref, kind: 'group', members: this.members(ref) };
  }

  accessResources(entity: Entity): ReadinessFacts['accessResources'] {
    return relationTargets(entity, RELATION_DEPENDS_ON).flatMap(ref => {
      const source =
        this.byRef.get(ref)?.metadata.annotations?.[ANNOTATION_ACCESS_SOURCE];
      return source ? [{ ref, source }] : [];
    });
  }
}

/** Builds readiness reports and team bus-factor reports from the catalog and stored facts. */
export class ReadinessService {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      knowledge: KnowledgeService;
      history: ReadinessHistoryStore;
      /** SLOs read from each entity's OpenSLO files. */
      slos: Pick<SloStore, 'countDefinitions'>;
      /** Responders, alerts seen and noise from the stored alert history. */
      alerts?: Pick<AlertService, 'readinessFacts'>;
      /** Admins and sign-offs of access-reviewed Resources, from the campaigns' frozen inventories. */
      accessReviews?: Pick<AccessReviewStore, 'readinessFacts'>;
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
    const view = await this.#catalogView();
    const services = [...view.byRef.values()].filter(e =>
      SERVICE_KINDS.includes(e.kind.toLocaleLowerCase('en-US')),
    );
    const points = (await this.#facts(services, view)).map(facts => {
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

  async getReadiness(entityRef: string): Promise<ReadinessReport> {
    const view = await this.#catalogView();
    const entity = view.byRef.get(entityRef);
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    const [facts] = await this.#facts([entity], view);
    const report = evaluateReadiness(facts, this.options.policy);
    const trends = await this.options.history.trends(
      [entityRef],
      this.#trendSince(),
    );
    return { ...report, trend: trends.get(entityRef) ?? [] };
  }

  async getTeamReport(
    teamRef: string,
    options: { absent: string[]; days: number; visible?: EntityVisibility },
  ): Promise<TeamReport> {
    const view = await this.#catalogView();
    const team = view.byRef.get(teamRef);
    if (!team || team.kind.toLocaleLowerCase('en-US') !== 'group') {
      throw new NotFoundError(`No group ${teamRef} in the catalog`);
    }
    const members = view.members(teamRef);
    const owners = new Set([...view.groupTree(teamRef), ...members]);
    let services = [...view.byRef.values()]
      .filter(
        e =>
          SERVICE_KINDS.includes(e.kind.toLocaleLowerCase('en-US')) &&
          relationTargets(e, RELATION_OWNED_BY).some(ref => owners.has(ref)),
      )
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name, 'en'));
    if (options.visible) {
      // Only what the caller's catalog shows them is reported, and simulated.
      const visible = await options.visible(
        services.map(e => stringifyEntityRef(e)),
      );
      services = services.filter(e => visible.has(stringifyEntityRef(e)));
    }
    const facts = await this.#facts(services, view);
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
          trend: trends.get(simulation.entityRef) ?? [],
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

  /** The facts of each entity, with all their knowledge read in one query. */
  async #facts(
    entities: Entity[],
    view: CatalogView,
  ): Promise<ReadinessFacts[]> {
    const refs = entities.map(entity => stringifyEntityRef(entity));
    const knowledge = await this.options.knowledge.findReports(refs);
    const sloCounts = await this.options.slos.countDefinitions(refs);
    const { thresholds } = this.options.policy;
    const alerts =
      (await this.options.alerts?.readinessFacts(refs, thresholds)) ??
      new Map();
    const now = this.#now().toISOString();
    const accessResources = entities.map(entity =>
      view.accessResources(entity),
    );
    const access =
      (await this.options.accessReviews?.readinessFacts([
        ...new Set(accessResources.flat().map(resource => resource.ref)),
      ])) ?? new Map();
    return entities.map((entity, index) => ({
      now,
      entity,
      owner: view.owner(entity),
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
    }));
  }

  async #catalogView(): Promise<CatalogView> {
    const credentials: BackstageCredentials =
      await this.options.auth.getOwnServiceCredentials();
    const kinds = [...SERVICE_KINDS, 'group', 'user'];
    const { items } = await this.options.catalog.getEntities(
      { filter: { kind: kinds } },
      { credentials },
    );
    return new CatalogView(items);
  }
}

function profileName(entity: Entity): string {
  const profile = entity.spec?.profile as { displayName?: string } | undefined;
  return profile?.displayName ?? entity.metadata.title ?? entity.metadata.name;
}
