import { useApi } from '@backstage/core-plugin-api';
import type {
  Review,
  ReviewActionItem,
  TeamReviewResponse,
} from '@baton/plugin-sre-common';
import { useCallback, useRef, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { sreApiRef } from '../api/SreApi';

/** A change to the loaded review, from what a save returned. */
export type TeamReviewChange = (
  response: TeamReviewResponse,
) => TeamReviewResponse;

/** The team's review page as loaded, with the saves made since. */
export interface TeamReviewState {
  /** The last response that loaded; still there when loading again fails. */
  response?: TeamReviewResponse;
  /** Also true while loading again, with the previous response still there. */
  loading: boolean;
  /** Why the last load failed. */
  error?: Error;
  /** Loads everything again; changes made through `update` are dropped for the server's state. */
  reload(): void;
  /** Applies a save to the loaded response, until the next load. */
  update(change: TeamReviewChange): void;
}

/** Loads a team's review page: the agenda since `since` (the backend's default when left out). */
export function useTeamReview(
  groupRef: string,
  since: string | undefined,
): TeamReviewState {
  const sreApi = useApi(sreApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => sreApi.getTeamReview(groupRef, since ? { since } : {}),
    [sreApi, groupRef, since],
  );
  // A failed load (e.g. a `since` the backend refuses) keeps the page there was.
  const loaded = useRef<TeamReviewResponse>();
  if (value) loaded.current = value;
  const base = value ?? (error ? loaded.current : undefined);
  // Saves change the response they were made on; a new load replaces them.
  const [changed, setChanged] = useState<{
    base: TeamReviewResponse;
    response: TeamReviewResponse;
  }>();
  const response = changed && changed.base === base ? changed.response : base;
  const update = useCallback(
    (change: TeamReviewChange) => {
      if (!base) return;
      setChanged(previous =>
        previous?.base === base
          ? { base, response: change(previous.response) }
          : { base, response: change(base) },
      );
    },
    [base],
  );
  return { response, loading, error, reload: retry, update };
}

/** The review in progress as saved. */
export const withCurrentReview =
  (review: Review): TeamReviewChange =>
  response => ({ ...response, current: review });

/** An action item just raised in the review in progress. */
export const withAddedAction =
  (item: ReviewActionItem): TeamReviewChange =>
  response => ({
    ...response,
    current: response.current && {
      ...response.current,
      actionItems: [...response.current.actionItems, item],
    },
    openActionItems: [...response.openActionItems, item],
  });

/** An action item as changed: one marked done or dropped leaves the open ones. */
export const withUpdatedAction =
  (item: ReviewActionItem): TeamReviewChange =>
  response => ({
    ...response,
    current: response.current && {
      ...response.current,
      actionItems: response.current.actionItems.map(existing =>
        existing.id === item.id ? item : existing,
      ),
    },
    openActionItems:
      item.status === 'open'
        ? response.openActionItems.map(existing =>
            existing.id === item.id ? item : existing,
          )
        : response.openActionItems.filter(existing => existing.id !== item.id),
  });
