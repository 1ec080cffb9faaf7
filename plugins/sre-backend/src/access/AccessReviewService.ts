import type {
  AuthService,
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  PermissionRule,
} from '@backstage/plugin-permission-node';
import {
  ACCESS_STALE_DAYS,
  AccessCampaign,
  AccessCommentReason,
  accessCommentReason,
  AccessCampaignDetail,
  AccessDecision,
  AccessProgress,
  AccessReviewItem,
  accessReviewClosePermission,
  accessReviewCreatePermission,
  accessReviewDecidePermission,
  accessReviewReadPermission,
  ANNOTATION_ACCESS_SOURCE,
  ANNOTATION_SOURCE_LOCATION,
  SERVICE_KINDS,
} from '@baton/plugin-sre-common';
import { requirePermission } from '../routing/RequestAuthorizer';
import { resolveUserRefs } from '../catalog/userRefs';
import { CatalogIndex, relationTargets } from '../catalog/CatalogSnapshot';
import { PeopleDirectory } from '../catalog/PeopleDirectory';
import { AccessReviewNotifier } from './AccessReviewNotifier';
import { AccessReviewStore, NewAccessItem } from './AccessReviewStore';
import { AccessSourceRegistry } from './AccessSourceRegistry';
import {
  accessEvidenceCsv,
  AccessEvidenceDetail,
  accessEvidenceJson,
} from './evidence';

const DAY = 86_400_000;

/** A decision as the router parsed it. */
export interface DecisionInput {
  itemId: string;
  decision: AccessDecision;
  transferTo?: string;
  comment?: string;
}

const GITHUB_REPO =
  /github\.com[/:]([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)(?:\.git)?(?:[/#?]|$)/;

/** Progress of a campaign: decided items, overall and per reviewer. */
export function accessProgress(items: AccessReviewItem[]): AccessProgress {
  const byReviewer = new Map<string, { total: number; decided: number }>();
  for (const item of items) {
    for (const reviewer of item.reviewers) {
      const entry = byReviewer.get(reviewer) ?? { total: 0, decided: 0 };
      entry.total += 1;
      if (item.decision) entry.decided += 1;
      byReviewer.set(reviewer, entry);
    }
  }
  return {
    total: items.length,
    decided: items.filter(item => item.decision).length,
    byReviewer: [...byReviewer.entries()]
      .map(([userRef, counts]) => ({ userRef, ...counts }))
      .sort((a, b) => a.userRef.localeCompare(b.userRef, 'en')),
  };
}

/** What a 400 says when a decision lacks the comment sre-common's rule asks for. */
const COMMENT_NEEDED: Record<AccessCommentReason, string> = {
  transfer: 'a transfer needs a comment saying why and what is handed over',
  stale: `keeping access unused for more than ${ACCESS_STALE_DAYS} days needs a comment saying why`,
};

/**
 * Access reviews: campaigns over the Resources with `baton.dev/access-source`,
 * each freezing the inventory its sources report when it starts; decisions by
 * the Resource owner's members (never about themselves), an append-only
 * audit log, and the evidence an auditor asks for.
 */
export class AccessReviewService {
  constructor(
    private readonly options: {
      store: AccessReviewStore;
      sources: AccessSourceRegistry;
      catalog: CatalogService;
      auth: AuthService;
      permissions: PermissionsService;
      /** The decide permission's rules, to resolve a conditional decision on an item. */
      decideRules: PermissionRule<AccessReviewItem, unknown, string, any>[];
      logger: LoggerService;
      /** Users who review the items nobody else may decide (e.g. an owner about themself). */
      admins: string[];
      /** Tells reviewers when a campaign starts and before it is due. */
      notifier?: AccessReviewNotifier;
      now?: () => Date;
    },
  ) {}

  #now(): Date {
    return this.options.now?.() ?? new Date();
  }

  async #authorize(
    permission: BasicPermission,
    credentials: BackstageCredentials,
  ): Promise<void> {
    await requirePermission(this.options.permissions, credentials, permission);
  }

  /**
   * Starts a campaign: every Resource in scope is asked for its grants now,
   * and the answers are copied into the campaign, so that decisions are
   * about one fixed list. A source that fails is recorded with its error.
   */
  async createCampaign(
    input: { title: string; dueDate?: string; resourceRefs?: string[] },
    actor: string,
    credentials: BackstageCredentials,
  ): Promise<AccessCampaignDetail> {
    await this.#authorize(accessReviewCreatePermission, credentials);
    const entities = await this.#catalog();
    const people = new PeopleDirectory(
      entities.filter(e => e.kind.toLocaleLowerCase('en-US') === 'user'),
    );
    const catalogIndex = new CatalogIndex(entities);
    const inScope = entities.filter(
      e =>
        e.kind.toLocaleLowerCase('en-US') === 'resource' &&
        e.metadata.annotations?.[ANNOTATION_ACCESS_SOURCE],
    );
    let resources = inScope;
    if (input.resourceRefs?.length) {
      resources = input.resourceRefs.map((ref, index) => {
        const found = inScope.find(e => stringifyEntityRef(e) === ref);
        if (!found) {
          throw new InputError(
            `resourceRefs[${index}]: ${ref} is not a Resource with the ${ANNOTATION_ACCESS_SOURCE} annotation`,
          );
        }
        return found;
      });
    }
    if (!resources.length) {
      throw new InputError(
        `resourceRefs: no Resource in the catalog has the ${ANNOTATION_ACCESS_SOURCE} annotation`,
      );
    }
    const repositories = repositoriesOf(entities);
    const now = this.#now();
    const items: NewAccessItem[] = [];
    const scope: AccessCampaign['resources'] = [];
    for (const resource of resources) {
      const resourceRef = stringifyEntityRef(resource);
      const source = resource.metadata.annotations![ANNOTATION_ACCESS_SOURCE];
      const found = this.options.sources.forAnnotation(source);
      if (!found) {
        scope.push({
          resourceRef,
          source,
          generatedAt: null,
          error: `No access source module handles '${source}'`,
        });
        continue;
      }
      let inventory;
      try {
        inventory = await found.source.listGrants(found.target, {
          repositories,
        });
      } catch (error) {
        this.options.logger.warn(
          `Access source ${source} of ${resourceRef} failed: ${error}`,
        );
        scope.push({
          resourceRef,
          source,
          generatedAt: null,
          error: (error as Error).message,
        });
        continue;
      }
      const generatedAt = (inventory.generatedAt ?? now).toISOString();
      scope.push({ resourceRef, source, generatedAt, error: null });
      const owners = this.#reviewersOf(resource, catalogIndex);
      for (const grant of inventory.grants) {
        const userRef = people.matchPrincipal(
          grant.principalKind,
          grant.principal,
        );
        const flags = [...(grant.flags ?? [])];
        if (!userRef) flags.push('no-person-in-catalog');
        if (grant.lastUsedAt === null) flags.push('never-used');
        if (/admin|owner|root|AdministratorAccess/i.test(grant.privilege)) {
          flags.push('admin-privilege');
        }
        // Nobody reviews their own access; an admin steps in when no one else may.
        let reviewers = owners.filter(ref => ref !== userRef);
        if (!reviewers.length) {
          reviewers = this.options.admins.filter(ref => ref !== userRef);
        }
        items.push({
          resourceRef,
          source,
          generatedAt,
          principal: grant.principal,
          principalKind: grant.principalKind,
          userRef,
          resource: grant.resource,
          privilege: grant.privilege,
          lastUsedAt: grant.lastUsedAt ? grant.lastUsedAt.toISOString() : null,
          flags: [...new Set(flags)],
          reviewers,
        });
      }
    }
    const id = await this.options.store.createCampaign({
      title: input.title,
      dueDate: input.dueDate ?? null,
      resources: scope,
      items,
      actor,
      now,
    });
    const detail = await this.#detail(id);
    await this.options.notifier?.campaignStarted({
      ...detail.campaign,
      items: detail.items,
    });
    return detail;
  }

  /** Reminds the reviewers of open campaigns due within `days` days who still have items to decide. Returns how many were reminded. */
  async remindDue(days: number): Promise<number> {
    const { notifier } = this.options;
    if (!notifier) return 0;
    const last = new Date(this.#now().getTime() + days * DAY)
      .toISOString()
      .slice(0, 10);
    let reminded = 0;
    for (const {
      items,
      ...campaign
    } of await this.options.store.listCampaigns()) {
      if (campaign.state !== 'open' || !campaign.dueDate) continue;
      if (campaign.dueDate > last) continue;
      reminded += await notifier.dueSoon({
        ...campaign,
        dueDate: campaign.dueDate,
        items,
      });
    }
    return reminded;
  }

  /**
   * The campaign a schedule starts, as the plugin itself: none while one it
   * started is still open, or while no Resource is in scope (the catalog may
   * still be filling). Returns the new campaign's id.
   */
  async createScheduledCampaign(options: {
    title: string;
    dueDays: number;
  }): Promise<string | undefined> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    // A service's subject names it, e.g. `plugin:sre`.
    const actor = credentials.principal.subject;
    // The demo checks every minute: this must not read every campaign's items.
    if (await this.options.store.hasOpenCampaignBy(actor)) return undefined;
    const now = this.#now();
    try {
      const { campaign } = await this.createCampaign(
        {
          title: `${options.title} ${now.toISOString().slice(0, 10)}`,
          dueDate: new Date(now.getTime() + options.dueDays * DAY)
            .toISOString()
            .slice(0, 10),
        },
        actor,
        credentials,
      );
      return campaign.id;
    } catch (error) {
      if (error instanceof InputError) return undefined;
      throw error;
    }
  }

  async listCampaigns(
    credentials: BackstageCredentials,
  ): Promise<AccessCampaign[]> {
    await this.#authorize(accessReviewReadPermission, credentials);
    const campaigns = await this.options.store.listCampaigns();
    return campaigns.map(({ items, ...campaign }) => ({
      ...campaign,
      progress: accessProgress(items),
    }));
  }

  async getCampaign(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<AccessCampaignDetail> {
    await this.#authorize(accessReviewReadPermission, credentials);
    return this.#detail(id);
  }

  async #detail(id: string): Promise<AccessEvidenceDetail> {
    const found = await this.options.store.getCampaign(id);
    if (!found) throw new NotFoundError(`No access-review campaign ${id}`);
    const { items, ...campaign } = found;
    return {
      campaign: { ...campaign, progress: accessProgress(items) },
      items,
      audit: await this.options.store.audit(id),
    };
  }

  /**
   * Records decisions, all or none: the campaign must be open, the caller a
   * reviewer of each item and never the person it is about, a transfer
   * names a catalog User other than the caller and says why, and keeping
   * stale access says why.
   */
  async decide(
    campaignId: string,
    decisions: DecisionInput[],
    actor: string,
    credentials: BackstageCredentials,
  ): Promise<AccessReviewItem[]> {
    const [permission] = await this.options.permissions.authorizeConditional(
      [{ permission: accessReviewDecidePermission }],
      { credentials },
    );
    if (permission.result === AuthorizeResult.DENY) {
      throw new NotAllowedError(
        `You may not decide access reviews: permission ${accessReviewDecidePermission.name} was denied`,
      );
    }
    const allowedByPolicy = createConditionAuthorizer(this.options.decideRules);
    const transferTargets = decisions
      .map((d, index) => ({ ...d, index }))
      .filter(d => d.decision === 'transfer' && d.transferTo);
    const users = await resolveUserRefs(
      this.options,
      transferTargets.map(d => ({
        ref: d.transferTo!,
        field:
          decisions.length > 1
            ? `decisions[${d.index}].transferTo`
            : 'transferTo',
      })),
    );
    const transferTo = new Map(
      transferTargets.map((d, i) => [d.index, users[i]]),
    );
    const now = this.#now();
    const writes = decisions.map((decision, index) => {
      const field = decisions.length > 1 ? `decisions[${index}].` : '';
      if (decision.decision === 'transfer') {
        if (!decision.transferTo) {
          throw new InputError(
            `${field}transferTo: a transfer names the user who takes the access over`,
          );
        }
        // Compared as resolved refs, so `bo`, `user:bo` and `User:default/Bo` are all Bo.
        if (
          transferTo.get(index)!.toLocaleLowerCase('en-US') ===
          actor.toLocaleLowerCase('en-US')
        ) {
          throw new InputError(
            `${field}transferTo: you cannot transfer access to yourself; another reviewer decides whether you take it over`,
          );
        }
      }
      return {
        itemId: decision.itemId,
        decision: decision.decision,
        transferTo:
          decision.decision === 'transfer' ? transferTo.get(index)! : null,
        comment: decision.comment?.trim() || null,
      };
    });
    return this.options.store.decide({
      campaignId,
      decisions: writes,
      actor,
      now,
      check: (state, items) => {
        writes.forEach((write, index) => {
          const field = decisions.length > 1 ? `decisions[${index}].` : '';
          const item = items.get(write.itemId);
          if (!item) {
            throw new NotFoundError(
              `Campaign ${campaignId} has no item ${write.itemId}`,
            );
          }
          if (state !== 'open') {
            throw new ConflictError(
              `Campaign ${campaignId} is closed; its decisions are locked`,
            );
          }
          if (item.userRef === actor) {
            throw new NotAllowedError(
              `Item ${item.id} is about your own access (${item.principal} on ${item.resource}); another reviewer decides it`,
            );
          }
          if (!item.reviewers.includes(actor)) {
            throw new NotAllowedError(
              `You are not a reviewer of item ${item.id}; its reviewers are ${
                item.reviewers.join(', ') ||
                'nobody (configure sre.accessReviews.admins)'
              }`,
            );
          }
          if (
            permission.result === AuthorizeResult.CONDITIONAL &&
            !allowedByPolicy(permission, item)
          ) {
            throw new NotAllowedError(
              `The permission policy does not let you decide item ${item.id}`,
            );
          }
          if (write.transferTo && write.transferTo === item.userRef) {
            throw new InputError(
              `${field}transferTo: ${write.transferTo} already holds this access`,
            );
          }
          const reason = accessCommentReason(write.decision, item, now);
          if (reason && !write.comment) {
            throw new InputError(`${field}comment: ${COMMENT_NEEDED[reason]}`);
          }
        });
      },
    });
  }

  /** Signs a campaign off: every item decided; the decisions lock. */
  async close(
    campaignId: string,
    actor: string,
    credentials: BackstageCredentials,
  ): Promise<AccessCampaignDetail> {
    await this.#authorize(accessReviewClosePermission, credentials);
    if (!(await this.options.store.getCampaign(campaignId))) {
      throw new NotFoundError(`No access-review campaign ${campaignId}`);
    }
    const closed = await this.options.store.close({
      campaignId,
      actor,
      now: this.#now(),
      check: items => {
        const open = items.filter(item => !item.decision).length;
        if (open) {
          throw new ConflictError(
            `Campaign ${campaignId} has ${open} undecided items; decide them before signing off`,
          );
        }
        const count = (decision: AccessDecision) =>
          items.filter(item => item.decision === decision).length;
        return {
          keep: count('keep'),
          revoke: count('revoke'),
          transfer: count('transfer'),
        };
      },
    });
    if (!closed) {
      throw new ConflictError(`Campaign ${campaignId} is closed already`);
    }
    return this.#detail(campaignId);
  }

  /** The evidence file; its download is itself logged. */
  async evidence(
    campaignId: string,
    format: 'csv' | 'json',
    actor: string,
    credentials: BackstageCredentials,
  ): Promise<string> {
    await this.#authorize(accessReviewReadPermission, credentials);
    const detail = await this.#detail(campaignId);
    const now = this.#now();
    await this.options.store.recordEvidenceDownload({
      campaignId,
      actor,
      format,
      now,
    });
    return format === 'csv'
      ? accessEvidenceCsv(detail)
      : JSON.stringify(accessEvidenceJson(detail, now), null, 2);
  }

  /** The caller's undecided items of open campaigns. */
  async tasks(userRef: string): Promise<AccessReviewItem[]> {
    return this.options.store.openItemsFor(userRef);
  }

  /**
   * For a team's reliability review: undecided items its members review, per
   * open campaign, and each member's decisions since a time.
   */
  async teamSummary(
    members: string[],
    since: Date,
  ): Promise<{
    campaigns: Array<{
      id: string;
      title: string;
      dueDate: string | null;
      openItems: number;
    }>;
    decisions: Map<string, number>;
  }> {
    const items = (await this.options.store.undecidedItems()).filter(item =>
      item.reviewers.some(reviewer => members.includes(reviewer)),
    );
    const campaigns = new Map<
      string,
      { id: string; title: string; dueDate: string | null; openItems: number }
    >();
    for (const item of items) {
      const campaign = campaigns.get(item.campaignId) ?? {
        id: item.campaignId,
        title: item.campaignTitle,
        dueDate: item.dueDate,
        openItems: 0,
      };
      campaign.openItems += 1;
      campaigns.set(item.campaignId, campaign);
    }
    return {
      campaigns: [...campaigns.values()],
      decisions: await this.options.store.decisionCounts(members, since),
    };
  }

  /** Items by id, for the permission framework's conditional decisions. */
  async itemsByIds(
    ids: string[],
  ): Promise<Array<AccessReviewItem | undefined>> {
    return this.options.store.itemsByIds(ids);
  }

  /**
   * The owner of a Resource decides: every member of an owning Group (its
   * sub-groups' members too, as a product team owns what its squads run),
   * or the owning User.
   */
  #reviewersOf(resource: Entity, index: CatalogIndex): string[] {
    const reviewers = new Set<string>();
    for (const owner of relationTargets(resource, RELATION_OWNED_BY)) {
      const entity = index.byRef.get(owner);
      if (!entity) continue;
      if (entity.kind.toLocaleLowerCase('en-US') === 'user') {
        reviewers.add(owner);
      } else {
        index.members(owner).forEach(member => reviewers.add(member));
      }
    }
    return [...reviewers].sort();
  }

  async #catalog(): Promise<Entity[]> {
    const { items } = await this.options.catalog.getEntities(
      {
        filter: {
          kind: [...SERVICE_KINDS, 'user', 'group'],
        },
      },
      { credentials: await this.options.auth.getOwnServiceCredentials() },
    );
    return items;
  }
}

/** The GitHub repositories (`owner/name`) the catalog's entities point at. */
function repositoriesOf(entities: Entity[]): string[] {
  const repositories = new Set<string>();
  for (const entity of entities) {
    const location = entity.metadata.annotations?.[ANNOTATION_SOURCE_LOCATION];
    const match = location ? GITHUB_REPO.exec(location) : null;
    if (match) repositories.add(`${match[1]}/${match[2]}`);
  }
  return [...repositories].sort();
}
