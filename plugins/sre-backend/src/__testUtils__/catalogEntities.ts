import type { Entity } from '@backstage/catalog-model';

/** A relation as the catalog's processors write it. */
export const relation = (type: string, targetRef: string) => ({
  type,
  targetRef,
});

/** A User in the default namespace; its teams as memberOf relations. */
export function userEntity(
  name: string,
  options: { displayName?: string; memberOf?: string[] } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: {
      profile: options.displayName ? { displayName: options.displayName } : {},
    },
    relations: (options.memberOf ?? []).map(team => relation('memberOf', team)),
  };
}

/** A team Group in the default namespace; its members as hasMember relations. */
export function groupEntity(name: string, members: string[] = []): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
    relations: members.map(member => relation('hasMember', member)),
  };
}

/** A Component (a production service) or Resource owned by a team, with what it depends on. */
export function ownedEntity(
  kind: 'Component' | 'Resource',
  name: string,
  options: {
    owner: string;
    dependsOn?: string[];
    annotations?: Record<string, string>;
    title?: string;
  },
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      namespace: 'default',
      ...(options.title ? { title: options.title } : {}),
      annotations: options.annotations ?? {},
    },
    spec: {
      type: kind === 'Component' ? 'service' : 'database',
      owner: options.owner,
      lifecycle: 'production',
    },
    relations: [
      relation('ownedBy', options.owner),
      ...(options.dependsOn ?? []).map(ref => relation('dependsOn', ref)),
    ],
  };
}
