import type { AlertItem } from '@baton/plugin-sre-common';
import { useCallback, useEffect, useState } from 'react';
import { undoUntil } from './acknowledgeWindow';

/** An acknowledgement the signed-in user made on this card. */
export interface RecentAcknowledgement {
  /** The alert's row as it was before, to put back on undo. */
  before: AlertItem;
  /** When the undo window closes, in ms since the epoch. */
  until: number;
}

/**
 * The acknowledgements the signed-in user made here, by alert id, each kept
 * only while it can still be taken back. The window is counted from when the
 * request was sent, so the card stops offering an undo before the backend
 * would refuse it.
 */
export function useRecentAcknowledgements() {
  const [recent, setRecent] = useState<
    ReadonlyMap<string, RecentAcknowledgement>
  >(new Map());

  useEffect(() => {
    if (!recent.size) return undefined;
    const next = Math.min(...[...recent.values()].map(entry => entry.until));
    const timer = setTimeout(
      () =>
        setRecent(
          current =>
            new Map(
              [...current].filter(([, entry]) => entry.until > Date.now()),
            ),
        ),
      Math.max(0, next - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [recent]);

  const remember = useCallback(
    (before: AlertItem, sentAt: number) =>
      setRecent(current =>
        new Map(current).set(before.id, { before, until: undoUntil(sentAt) }),
      ),
    [],
  );
  const forget = useCallback(
    (id: string) =>
      setRecent(current => {
        const rest = new Map(current);
        rest.delete(id);
        return rest;
      }),
    [],
  );
  return { recent, remember, forget };
}
