import { useRef } from 'react';
import { useCardData } from '../components/useCardData';

/**
 * A changes response for a range, requested as cards request theirs; while
 * another range loads, the last response stays `shown`.
 */
export function useChangesData<T>(
  client: object,
  key: string,
  load: () => Promise<T>,
) {
  const state = useCardData(client, key, load);
  const last = useRef<T>();
  if (state.value) last.current = state.value;
  return {
    ...state,
    shown: state.value ?? (state.loading ? last.current : undefined),
  };
}
