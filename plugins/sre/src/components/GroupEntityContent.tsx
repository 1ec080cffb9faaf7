import { stringifyEntityRef } from '@backstage/catalog-model';
import { EmptyState } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { ReactNode } from 'react';

/**
 * A Group tab's content for the Group whose page it is on, keyed by its
 * ref; on any other entity's page, says that it belongs to a team.
 */
export function GroupEntityContent(props: {
  notGroupTitle: string;
  notGroup(kind: string): string;
  children(groupRef: string): ReactNode;
}) {
  const { entity } = useEntity();
  if (entity.kind.toLocaleLowerCase('en-US') !== 'group') {
    return (
      <EmptyState
        missing="info"
        title={props.notGroupTitle}
        description={props.notGroup(entity.kind)}
      />
    );
  }
  return <>{props.children(stringifyEntityRef(entity))}</>;
}
