import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { TeamBusFactorReport } from './TeamBusFactorReport';

/** The bus-factor tab of a Group entity page. @public */
export function EntityTeamBusFactorContent() {
  const { entity } = useEntity();
  return <TeamBusFactorReport groupRef={stringifyEntityRef(entity)} />;
}
