import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { DrillDue } from '@baton/plugin-sre-common';
import {
  type CatalogSnapshot,
  relationTargets,
} from '../catalog/CatalogSnapshot';
import type {
  DrillNotificationLevel,
  DrillNotificationStore,
} from './DrillNotificationStore';
import type { DrillService } from './DrillService';

const DAY_MS = 86_400_000;
/** A drill due for longer than this is overdue: told again, with high severity. */
export const DRILL_OVERDUE_AFTER_DAYS = 30;

/** Where the frontend shows a team's drills. */
const teamDrillsLink = (teamRef: string) =>
  `/drills?team=${encodeURIComponent(teamRef)}`;

/** One scope per due occurrence: a drill recorded since makes the next due date a new notification. */
export const drillDueScope = (due: DrillDue) =>
  `sre-drill-due:${due.entityRef}:${due.scenario}:${
    due.lastPerformedAt ?? 'never'
  }`;

/**
 * Tells the owning team, through Backstage notifications, when one of its
 * services is due for a drill (DrillService.teamDrills decides what is
 * due), once when it falls due and once more, with high severity, when it
 * has been due for {@link DRILL_OVERDUE_AFTER_DAYS} days. What was sent is
 * stored, so no run tells a team twice. A portal without the notifications
 * backend makes sending fail: that is logged, not stored, and tried again on
 * the next run.
 */
export class DrillDueNotifier {
  constructor(
    private readonly options: {
      drills: Pick<DrillService, 'teamDrills'>;
      snapshot: CatalogSnapshot;
      store: DrillNotificationStore;
      notifications: NotificationService;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  /** Notifies every team that owns a service of its due drills not yet notified at their level. */
  async notifyDue(): Promise<{ teams: number; sent: number }> {
    const now = this.options.now?.() ?? new Date();
    const index = await this.options.snapshot.current();
    // The Groups that own services themselves: a parent team is not told of its sub-teams' drills twice.
    const owners = new Map<string, Set<string>>();
    for (const entity of index.services()) {
      for (const owner of relationTargets(entity, RELATION_OWNED_BY)) {
        if (!index.group(owner)) continue;
        const owned = owners.get(owner) ?? new Set<string>();
        owned.add(stringifyEntityRef(entity));
        owners.set(owner, owned);
      }
    }
    let sent = 0;
    const teams = [...owners.keys()].sort((a, b) => a.localeCompare(b, 'en'));
    for (const teamRef of teams) {
      const { due, intervals } = await this.options.drills.teamDrills(teamRef);
      const mine = due.filter(item => owners.get(teamRef)!.has(item.entityRef));
      const told = await this.options.store.sentFor(teamRef);
      for (const item of mine) {
        const scope = drillDueScope(item);
        const before = told.get(scope);
        // A never-drilled service has no due date: it is due from when the team was first told.
        const dueFrom = item.dueSince
          ? Date.parse(item.dueSince)
          : Date.parse(before?.firstSentAt ?? now.toISOString());
        const level: DrillNotificationLevel =
          now.getTime() - dueFrom >= DRILL_OVERDUE_AFTER_DAYS * DAY_MS
            ? 'overdue'
            : 'due';
        if (before && (before.level === level || before.level === 'overdue')) {
          continue;
        }
        const delivered = await this.#send(teamRef, scope, {
          ...item,
          level,
          entityName: index.nameOf(item.entityRef),
          intervalDays: intervals[item.scenario],
        });
        if (!delivered) continue;
        await this.options.store.record(teamRef, scope, level, now);
        sent++;
      }
      await this.options.store.forgetAllBut(teamRef, mine.map(drillDueScope));
    }
    return { teams: teams.length, sent };
  }

  async #send(
    teamRef: string,
    scope: string,
    due: DrillDue & {
      level: DrillNotificationLevel;
      entityName: string;
      intervalDays?: number;
    },
  ): Promise<boolean> {
    const scenario = due.scenario.replace(/-/g, ' ');
    const policy = due.intervalDays
      ? ` The policy is one every ${due.intervalDays} days.`
      : '';
    const description = due.lastPerformedAt
      ? `Last drilled ${due.lastPerformedAt.slice(0, 10)}; due since ${
          due.dueSince
        }.${policy}`
      : `Never drilled.${policy}`;
    try {
      await this.options.notifications.send({
        recipients: { type: 'entity', entityRef: teamRef },
        payload: {
          title: `${due.level === 'overdue' ? 'Drill overdue' : 'Drill due'}: ${
            due.entityName
          } (${scenario})`,
          description,
          link: teamDrillsLink(teamRef),
          topic: 'drill-due',
          severity: due.level === 'overdue' ? 'high' : 'normal',
          scope,
        },
      });
      return true;
    } catch (error) {
      this.options.logger.warn(
        `Could not notify ${teamRef} of a due drill (is the notifications backend installed?): ${error}`,
      );
      return false;
    }
  }
}
