import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { TeamChangesReport } from './TeamChangesReport';

/** The Changes tab of a Group entity page. @public */
export function EntityTeamChangesContent() {
  const { entity } = useEntity();
  return <TeamChangesReport teamRef={stringifyEntityRef(entity)} />;
}
