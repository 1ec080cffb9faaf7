import type { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { DrillSource } from '@baton/plugin-sre-node';
import {
  ANNOTATION_BACKUPS,
  Drill,
  DrillDue,
  DrillOutcome,
  DrillScenario,
  EntityDrillsResponse,
  ReadinessFacts,
  ReviewActionItem,
  TeamDrillsResponse,
} from '@baton/plugin-sre-common';
import type { BackupService } from '../backups/BackupService';
import type { CatalogSnapshot } from '../catalog/CatalogSnapshot';
import { dependenciesOf, evidenceResourcesOf } from '../catalog/dependencies';
import type { EntityVisibility } from '../catalog/entityVisibility';
import { ownershipClaims } from '../catalog/ownershipClaims';
import { resolveUserRefs } from '../catalog/userRefs';
import type { ReviewTeamResource } from '../review/permissionRules';
import type { SourceRunObserver } from '../sources/SourceStatusService';
import type { DrillsConfig } from './drillsConfig';
import type { DrillStore } from './DrillStore';

const DAY_MS = 86_400_000;
/** A clock a little ahead is not "the future". */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Most drills an entity's list, or one readiness read, takes. */
const DRILL_READ_LIMIT = 5_000;

/** A drill to plan, as the router parsed it. */
export interface DrillPlanInput {
  scenario: DrillScenario;
  title: string;
  entityRefs: string[];
  plannedFor?: string | null;
}

/** How a drill went, as the router parsed it. */
export interface DrillRecordInput {
  performedAt: Date;
  participants: string[];
  outcome: DrillOutcome;
  recoveryMinutes?: number | null;
  notes?: string;
}

/** A follow-up item of a drill, as the router parsed it. */
export interface DrillActionInput {
  title: string;
  ownerRef?: string | null;
  due?: string | null;
  link?: string | null;
}

/** An entity's recorded drills as the readiness checks read them. */
export type DrillReadinessFacts = NonNullable<ReadinessFacts['drills']>;

/**
 * The drills domain: teams plan recovery drills and record how they went
 * (who took part, the outcome, time to recover, what went wrong), raise
 * follow-up action items that their next reliability review carries over,
 * and see which services are due for a drill. Readiness reads the recorded
 * drills.
 */
export class DrillService {
  constructor(
    private readonly options: {
      store: DrillStore;
      snapshot: CatalogSnapshot;
      catalog: CatalogService;
      auth: AuthService;
      config: DrillsConfig;
      /** What backup sources say each service keeps: a service with evidence is due for restore drills too. */
      backups?: Pick<BackupService, 'readinessFacts'>;
      /** Where drills recorded outside Baton come from. */
      sources?: DrillSource[];
      /** Records each source's last import, or why it failed, for the admin page. */
      sourceStatus?: SourceRunObserver;
      now?: () => Date;
    },
  ) {}

  #now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** The team as a permission resource: drills are changed by those who may change its review. */
  async teamResource(teamRef: string): Promise<ReviewTeamResource> {
    return {
      teamRef,
      memberClaims: await ownershipClaims(this.options, [teamRef]),
    };
  }

  /** A team's drills, newest first, with the services due for one; only entities `visible` lets through are named. */
  async teamDrills(
    teamRef: string,
    options: { visible?: EntityVisibility } = {},
  ): Promise<TeamDrillsResponse> {
    const [index, stored] = await Promise.all([
      this.options.snapshot.currentWith(teamRef),
      this.options.store.listForTeam(teamRef),
    ]);
    let services = index.teamServices(teamRef);
    // Worked out once: the caller's visibility is asked of them, then filters them.
    const dependencies = new Map(
      services.map(entity => [entity, dependenciesOf(index, entity)]),
    );
    let drills = stored;
    let readable: Set<string> | undefined;
    if (options.visible) {
      readable = await options.visible([
        ...new Set([
          ...services.flatMap(entity => [
            stringifyEntityRef(entity),
            ...dependencies.get(entity)!.map(dependency => dependency.ref),
          ]),
          ...stored.flatMap(drill => drill.entityRefs),
        ]),
      ]);
      const canRead = readable;
      services = services.filter(e => canRead.has(stringifyEntityRef(e)));
      drills = stored.map(drill => ({
        ...drill,
        entityRefs: drill.entityRefs.filter(ref => canRead.has(ref)),
      }));
    }
    // A service's restores are those of the Resources it keeps its data in
    // too, as the readiness checks count them.
    const restoreTargets = new Map(
      services.map(entity => [
        stringifyEntityRef(entity),
        [
          { ref: stringifyEntityRef(entity), entity },
          ...evidenceResourcesOf(
            entity,
            dependencies
              .get(entity)!
              .filter(dependency => !readable || readable.has(dependency.ref)),
          ),
        ],
      ]),
    );
    const { intervals } = this.options.config;
    const backupEvidence = intervals['restore-from-backup']
      ? await this.options.backups?.readinessFacts(
          [
            ...new Map(
              [...restoreTargets.values()]
                .flat()
                .map(target => [target.ref, target.entity]),
            ).values(),
          ],
          index,
        )
      : undefined;
    const longestInterval = Math.max(0, ...Object.values(intervals));
    const recent = longestInterval
      ? await this.readinessFacts(
          [...new Set([...restoreTargets.values()].flat().map(t => t.ref))],
          longestInterval,
        )
      : new Map<string, DrillReadinessFacts>();
    const due: DrillDue[] = [];
    const now = this.#now().getTime();
    for (const entity of services) {
      const entityRef = stringifyEntityRef(entity);
      const targets = restoreTargets.get(entityRef)!;
      // Declared in its annotation, or protected resources a backup source
      // maps to it or to a Resource it depends on (as the backups check reads them).
      const keepsBackups =
        Boolean(entity.metadata.annotations?.[ANNOTATION_BACKUPS]?.trim()) ||
        targets.some(target =>
          Boolean(backupEvidence?.get(target.ref)?.resources.length),
        );
      for (const [scenario, days] of Object.entries(intervals) as Array<
        [DrillScenario, number]
      >) {
        // Restores are drilled where there is something to restore.
        if (scenario === 'restore-from-backup' && !keepsBackups) continue;
        const drilledRefs =
          scenario === 'restore-from-backup'
            ? targets.map(target => target.ref)
            : [entityRef];
        // The team's own drills, and any team's recent ones, as the checks count them.
        const last = [
          ...drills
            .filter(
              drill =>
                drill.scenario === scenario &&
                drill.entityRefs.some(ref => drilledRefs.includes(ref)),
            )
            .map(drill => drill.performedAt),
          ...drilledRefs.flatMap(ref =>
            (recent.get(ref) ?? [])
              .filter(drill => drill.scenario === scenario)
              .map(drill => drill.performedAt),
          ),
        ]
          .filter((at): at is string => Boolean(at))
          .sort((a, b) => Date.parse(a) - Date.parse(b))
          .at(-1);
        if (!last) {
          due.push({
            entityRef,
            scenario,
            lastPerformedAt: null,
            dueSince: null,
          });
        } else if (Date.parse(last) + days * DAY_MS < now) {
          due.push({
            entityRef,
            scenario,
            lastPerformedAt: last,
            dueSince: new Date(Date.parse(last) + days * DAY_MS)
              .toISOString()
              .slice(0, 10),
          });
        }
      }
    }
    return { teamRef, drills, due, intervals };
  }

  /** The drills that practised on an entity, newest first. */
  async entityDrills(entityRef: string): Promise<EntityDrillsResponse> {
    return {
      entityRef,
      drills: await this.options.store.listForEntities([entityRef], {
        limit: DRILL_READ_LIMIT,
      }),
    };
  }

  /** Plans a drill of the team, and records it at once when `record` is given. */
  async plan(
    teamRef: string,
    input: DrillPlanInput,
    actor: string,
    options: { record?: DrillRecordInput; visible?: EntityVisibility } = {},
  ): Promise<Drill> {
    const { record } = options;
    const entityRefs = await this.#entities(input.entityRefs, options.visible);
    // Checked before anything is written: a bad record leaves no planned drill behind.
    const recorded = record && (await this.#checkedRecord(record));
    const now = this.#now();
    const drill = await this.options.store.create({
      teamRef,
      scenario: input.scenario,
      title: input.title,
      entityRefs,
      plannedFor: input.plannedFor ?? null,
      actor,
      now,
      ...(recorded ? { record: { ...recorded, actor, now } } : {}),
    });
    return drill;
  }

  /** Records how a planned drill went. */
  async record(
    teamRef: string,
    id: string,
    input: DrillRecordInput,
    actor: string,
  ): Promise<Drill> {
    const record = await this.#checkedRecord(input);
    return this.options.store.record(teamRef, id, {
      ...record,
      actor,
      now: this.#now(),
    });
  }

  async addAction(
    teamRef: string,
    drillId: string,
    input: DrillActionInput,
    actor: string,
  ): Promise<ReviewActionItem> {
    const ownerRef = input.ownerRef
      ? (
          await resolveUserRefs(this.options, [
            { ref: input.ownerRef, field: 'ownerRef' },
          ])
        )[0]
      : null;
    return this.options.store.addAction(teamRef, drillId, {
      title: input.title,
      ownerRef,
      due: input.due ?? null,
      link: input.link ?? null,
      actor,
      now: this.#now(),
    });
  }

  /**
   * Records the drills each source has that the team has not: a drill of
   * the team with the same title and time is the same drill. A source that
   * fails, or a drill the checks refuse (e.g. a service the catalog does
   * not have yet), counts as failed and is tried again on the next run.
   */
  async importAll(): Promise<{
    received: number;
    failed: number;
    errors: string[];
  }> {
    let received = 0;
    const errors: string[] = [];
    for (const source of this.options.sources ?? []) {
      let recorded = 0;
      try {
        for (const drill of await source.readDrills({ now: this.#now() })) {
          const performedAt = new Date(drill.performedAt);
          const known = await this.options.store.listForTeam(drill.teamRef);
          if (
            known.some(
              other =>
                other.title === drill.title &&
                other.performedAt !== null &&
                Date.parse(other.performedAt) === performedAt.getTime(),
            )
          ) {
            continue;
          }
          await this.plan(
            drill.teamRef,
            {
              scenario: drill.scenario,
              title: drill.title,
              entityRefs: drill.entityRefs,
            },
            drill.recordedBy,
            {
              record: {
                performedAt,
                participants: drill.participants,
                outcome: drill.outcome,
                recoveryMinutes: drill.recoveryMinutes,
                notes: drill.notes,
              },
            },
          );
          recorded++;
        }
      } catch (error) {
        received += recorded;
        errors.push(`Drill source ${source.id}: ${(error as Error).message}`);
        await this.options.sourceStatus?.failed(source.id, error);
        continue;
      }
      received += recorded;
      await this.options.sourceStatus?.succeeded(source.id, {
        received: recorded,
      });
    }
    return { received, failed: errors.length, errors };
  }

  /** Each entity's drills recorded as taking place in the last `days`, newest first. */
  async readinessFacts(
    entityRefs: string[],
    days: number,
  ): Promise<Map<string, DrillReadinessFacts>> {
    const since = new Date(this.#now().getTime() - days * DAY_MS);
    const drills = await this.options.store.listForEntities(entityRefs, {
      performedSince: since,
      limit: DRILL_READ_LIMIT,
    });
    const facts = new Map<string, DrillReadinessFacts>(
      entityRefs.map(ref => [ref, []]),
    );
    for (const drill of drills) {
      if (!drill.performedAt || !drill.outcome) continue;
      for (const ref of drill.entityRefs) {
        facts.get(ref)?.push({
          id: drill.id,
          title: drill.title,
          teamRef: drill.teamRef,
          scenario: drill.scenario,
          performedAt: drill.performedAt,
          participants: drill.participants,
          outcome: drill.outcome,
        });
      }
    }
    return facts;
  }

  /**
   * The entities named, each one in the catalog and readable by the caller
   * (`visible`); a 400 names the first that is not, the same either way.
   */
  async #entities(
    refs: string[],
    visible?: EntityVisibility,
  ): Promise<string[]> {
    const { items } = await this.options.catalog.getEntitiesByRefs(
      { entityRefs: refs, fields: ['kind', 'metadata.name'] },
      { credentials: await this.options.auth.getOwnServiceCredentials() },
    );
    const readable = visible ? await visible(refs) : new Set(refs);
    items.forEach((item, index) => {
      if (!item || !readable.has(refs[index])) {
        throw new InputError(
          `entityRefs[${index}]: ${refs[index]} is not in the catalog`,
        );
      }
    });
    return [...new Set(refs)];
  }

  async #checkedRecord(input: DrillRecordInput) {
    if (input.performedAt.getTime() > this.#now().getTime() + CLOCK_SKEW_MS) {
      throw new InputError(
        'performedAt: a recorded drill cannot take place in the future; plan it instead',
      );
    }
    const participants = [
      ...new Set(
        await resolveUserRefs(
          this.options,
          input.participants.map((ref, index) => ({
            ref,
            field: `participants[${index}]`,
          })),
        ),
      ),
    ];
    return {
      performedAt: input.performedAt,
      participants,
      outcome: input.outcome,
      recoveryMinutes: input.recoveryMinutes ?? null,
      notes: input.notes ?? '',
    };
  }
}
