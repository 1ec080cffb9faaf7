import type { CostReport } from '@baton/plugin-sre-common';
import { useEffect, useState } from 'react';
import type { CostQuery } from '../api/SreApi';
import { useCardData } from '../components/useCardData';
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
  client: object,
  /** What `load` reports on, e.g. the entity ref: a new subject loads anew. */
  subject: string,
  load: (query: CostQuery) => Promise<R>,
): CostReportState<R> {
  const [selection, select] = useState<CostSelection>(DEFAULT_COST_SELECTION);
  const [last, setLast] = useState<R>();
  const query = costQuery(selection, new Date());
  const { value, loading, error } = useCardData(
    client,
    `cost:${subject}:${JSON.stringify(query)}`,
    () => load(query),
  );
  useEffect(() => {
    if (value) setLast(value);
  }, [value]);
  return { selection, select, report: value ?? last, loading, error };
}
