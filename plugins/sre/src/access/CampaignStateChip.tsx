import type { AccessCampaignState } from '@baton/plugin-sre-common';
import Chip from '@material-ui/core/Chip';
import { useSreText } from '../language';

/** Open, or signed off. */
export function CampaignStateChip({ state }: { state: AccessCampaignState }) {
  const { t } = useSreText();
  return (
    <Chip
      size="small"
      color={state === 'open' ? 'primary' : 'default'}
      variant={state === 'open' ? 'outlined' : 'default'}
      label={t(`access.state.${state}`)}
    />
  );
}
