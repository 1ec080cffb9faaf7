import type { CostReport } from '@baton/plugin-sre-common';
import { DependencyList, useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import type { CostQuery } from '../api/SreApi';
import { costQuery, CostSelection, DEFAULT_COST_SELECTION } from './costRange';

/** A cost report for the user's selection, and what the card shows while a new one loads. */
export interface CostReportState<R extends CostReport> {
  selection: CostSelection;
  select(selection: CostSelection): void;
  /** The report of the selection, or while it loads or after it failed, the last one loaded. */
  report?: R;
  loading: boolean;
  error?: Error;
}

/**
 * Loads a report for the selection, again on every change of it. The last
 * report stays shown while the next loads or when it fails, so the range
 * and currency controls never disappear under the user.
 */
export function useCostReport<R extends CostReport>(
  load: (query: CostQuery) => Promise<R>,
  deps: DependencyList,
): CostReportState<R> {
  const [selection, select] = useState<CostSelection>(DEFAULT_COST_SELECTION);
  const [last, setLast] = useState<R>();
  const { value, loading, error } = useAsync(
    // Async, so that a loader that throws gives an error state, not a crash.
    async () => load(costQuery(selection, new Date())),
    // `load` is a new function each render; `deps` says what it reads.
    [...deps, selection],
  );
  useEffect(() => {
    if (value) setLast(value);
  }, [value]);
  return { selection, select, report: value ?? last, loading, error };
}
