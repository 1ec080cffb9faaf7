import { useApi } from '@backstage/core-plugin-api';
import type {
  AccessCampaignDetail,
  AccessReviewItem,
} from '@baton/plugin-sre-common';
import { useCallback, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { sreApiRef } from '../api/SreApi';

/** A campaign as loaded, with the decisions saved since. */
export interface AccessCampaignState {
  detail?: AccessCampaignDetail;
  error?: Error;
  /** Loads again; the previous detail stays shown meanwhile. */
  reload(): void;
  /** Shows items as a decision returned them, until the next load. */
  applyDecided(items: AccessReviewItem[]): void;
  /** Shows the campaign as a sign-off returned it. */
  replace(detail: AccessCampaignDetail): void;
}

/** Loads a campaign with its items and audit log. */
export function useAccessCampaign(campaignId: string): AccessCampaignState {
  const sreApi = useApi(sreApiRef);
  const { value, error, retry } = useAsyncRetry(
    () => sreApi.getAccessCampaign(campaignId),
    [sreApi, campaignId],
  );
  // Changes apply to the load they were made on; a new load replaces them.
  const [changed, setChanged] = useState<{
    base: AccessCampaignDetail;
    detail: AccessCampaignDetail;
  }>();
  const detail = changed && changed.base === value ? changed.detail : value;
  const change = useCallback(
    (apply: (detail: AccessCampaignDetail) => AccessCampaignDetail) => {
      if (!value) return;
      setChanged(previous =>
        previous?.base === value
          ? { base: value, detail: apply(previous.detail) }
          : { base: value, detail: apply(value) },
      );
    },
    [value],
  );
  const applyDecided = useCallback(
    (items: AccessReviewItem[]) => {
      const byId = new Map(items.map(item => [item.id, item]));
      change(current => ({
        ...current,
        items: current.items.map(item => byId.get(item.id) ?? item),
      }));
    },
    [change],
  );
  const replace = useCallback(
    (next: AccessCampaignDetail) => change(() => next),
    [change],
  );
  return { detail, error, reload: retry, applyDecided, replace };
}
