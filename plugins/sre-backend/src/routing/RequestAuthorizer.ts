import type {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  PermissionRule,
} from '@backstage/plugin-permission-node';
import type { Request } from 'express';
import type { EntityVisibility } from '../catalog/entityVisibility';
import { entityRefFromParams } from './entityRefParams';

/** Who may call a route: people only, or people and services (scripts, the CLI). */
export type CallerKind = 'user' | 'user-or-service';

/** A caller as the routes see it: credentials, and a name for audit trails. */
export interface Caller {
  credentials: BackstageCredentials<
    BackstageUserPrincipal | BackstageServicePrincipal
  >;
  /** The user's entity ref, or a service's subject (e.g. `external:cost-export`). */
  actor: string;
  /** Set for a signed-in user. */
  userEntityRef?: string;
}

/** What a denial says: the permission's name, so an operator knows what to grant. */
function denied(permission: { name: string }): NotAllowedError {
  return new NotAllowedError(
    `You may not do this: permission ${permission.name} was denied`,
  );
}

/** Throws 403 naming the permission unless the policy allows it to these credentials. */
export async function requirePermission(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  permission: BasicPermission,
): Promise<void> {
  const [decision] = await permissions.authorize([{ permission }], {
    credentials,
  });
  if (decision.result !== AuthorizeResult.ALLOW) throw denied(permission);
}

/**
 * The one place that answers "who is calling, and may they do this?" for
 * every router: Backstage credentials, Baton's permissions through the
 * portal's permission policy, and the catalog's own visibility — an entity
 * the caller cannot read in the catalog does not exist for Baton either.
 */
export class RequestAuthorizer {
  constructor(
    private readonly options: {
      httpAuth: HttpAuthService;
      permissions: PermissionsService;
      catalog: CatalogService;
    },
  ) {}

  /** The caller's credentials; a 401 without them, a 403 for a service on a people-only route. */
  async caller(
    req: Request,
    kind: CallerKind = 'user-or-service',
  ): Promise<Caller> {
    const credentials = await this.options.httpAuth.credentials(req, {
      allow: kind === 'user' ? ['user'] : ['user', 'service'],
    });
    const { principal } = credentials;
    if (principal.type === 'user') {
      return {
        credentials,
        actor: principal.userEntityRef,
        userEntityRef: principal.userEntityRef,
      };
    }
    return { credentials, actor: principal.subject };
  }

  /** Throws 403 naming the permission unless the policy allows it. */
  async authorize(caller: Caller, permission: BasicPermission): Promise<void> {
    await requirePermission(
      this.options.permissions,
      caller.credentials,
      permission,
    );
  }

  /**
   * Throws 403 naming the permission unless the policy allows it on this
   * resource: a conditional decision is applied to the resource with the
   * plugin's own rules. `resource` is loaded only when a condition needs it.
   */
  async authorizeResource<TResource>(
    caller: Caller,
    permission: ResourcePermission,
    rules: PermissionRule<TResource, any, string, any>[],
    resource: () => Promise<TResource>,
  ): Promise<void> {
    const [decision] = await this.options.permissions.authorizeConditional(
      [{ permission }],
      { credentials: caller.credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) return;
    if (
      decision.result === AuthorizeResult.CONDITIONAL &&
      createConditionAuthorizer(rules)(decision, await resource())
    ) {
      return;
    }
    throw denied(permission);
  }

  /**
   * The entity as the caller sees it in the catalog, read with the caller's
   * own credentials: a 404 (as the catalog would answer) when it does not
   * exist or the caller may not read it.
   */
  async visibleEntity(
    caller: Caller,
    entityRef: string,
    expectedKind?: string,
  ): Promise<Entity> {
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials: caller.credentials,
    });
    if (
      !entity ||
      (expectedKind && entity.kind.toLocaleLowerCase('en-US') !== expectedKind)
    ) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    return entity;
  }

  /** The refs among `entityRefs` that the caller may read in the catalog. */
  async visibleRefs(
    caller: Caller,
    entityRefs: Iterable<string>,
  ): Promise<Set<string>> {
    const refs = [...new Set(entityRefs)];
    if (!refs.length) return new Set();
    const { items } = await this.options.catalog.getEntitiesByRefs(
      {
        entityRefs: refs,
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
      },
      { credentials: caller.credentials },
    );
    return new Set(
      items.flatMap(item => (item ? [stringifyEntityRef(item)] : [])),
    );
  }

  /** The filter of a team-wide report: what this caller may read. */
  visibility(caller: Caller): EntityVisibility {
    return refs => this.visibleRefs(caller, refs);
  }

  /**
   * The caller and the entity of an `/entities/:kind/:namespace/:name/…`
   * route; 404 when the caller may not read it.
   */
  async readableEntity(
    req: Request,
  ): Promise<{ caller: Caller; entityRef: string; entity: Entity }> {
    const caller = await this.caller(req);
    const entityRef = entityRefFromParams(req.params);
    const entity = await this.visibleEntity(caller, entityRef);
    return { caller, entityRef, entity };
  }

  /**
   * The caller and the Group of a `/…/:namespace/:name` team route (or
   * `:team`); 404 when it is no Group the caller may read.
   */
  async readableTeam(
    req: Request,
    kind: CallerKind = 'user-or-service',
  ): Promise<{ caller: Caller; teamRef: string; team: Entity }> {
    const caller = await this.caller(req, kind);
    const teamRef = entityRefFromParams({
      kind: 'group',
      namespace: req.params.namespace,
      name: req.params.name ?? req.params.team,
    });
    const team = await this.visibleEntity(caller, teamRef, 'group');
    return { caller, teamRef, team };
  }
}
