import type {
  AccessCampaignState,
  AccessDecision,
  AccessReviewItem,
} from '@baton/plugin-sre-common';
import { useCallback, useState } from 'react';
import { AccessItemsTable, RowAccess } from './AccessItemsTable';
import { canDecide } from './accessRules';
import { BulkDecisionBar } from './BulkDecisionBar';
import { DecisionDialog } from './DecisionDialog';

/**
 * A campaign's items with the signed-in user's decisions: a row's buttons
 * or a selection of rows open the decision dialog; what it saved goes to
 * `onDecided`.
 */
export function AccessItemsReview(props: {
  campaignId: string;
  state: AccessCampaignState;
  items: AccessReviewItem[];
  userRef: string | undefined;
  onDecided(items: AccessReviewItem[]): void;
}) {
  const { campaignId, state, items, userRef, onDecided } = props;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [deciding, setDeciding] = useState<{
    items: AccessReviewItem[];
    decision: AccessDecision;
  }>();
  const access = (item: AccessReviewItem): RowAccess => {
    if (canDecide(item, state, userRef)) return 'decide';
    return state === 'open' && userRef && item.userRef === userRef
      ? 'own'
      : 'none';
  };
  // Only what is shown and may be decided goes into a bulk decision.
  const selectedItems = items.filter(
    item => selected.has(item.id) && access(item) === 'decide',
  );
  const select = (ids: string[], checked: boolean) =>
    setSelected(current => {
      const next = new Set(current);
      for (const id of ids) {
        if (checked) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  const decided = useCallback(
    (saved: AccessReviewItem[]) => {
      setDeciding(undefined);
      setSelected(current => {
        const next = new Set(current);
        saved.forEach(item => next.delete(item.id));
        return next;
      });
      onDecided(saved);
    },
    [onDecided],
  );
  const decidable =
    state === 'open' && items.some(item => access(item) !== 'none');
  return (
    <>
      <BulkDecisionBar
        count={selectedItems.length}
        onDecide={decision => setDeciding({ items: selectedItems, decision })}
        onClear={() => setSelected(new Set())}
      />
      <AccessItemsTable
        items={items}
        access={access}
        selected={selected}
        onSelect={select}
        onDecide={(chosen, decision) =>
          setDeciding({ items: chosen, decision })
        }
        decidable={decidable}
      />
      {deciding && (
        <DecisionDialog
          campaignId={campaignId}
          items={deciding.items}
          decision={deciding.decision}
          onClose={() => setDeciding(undefined)}
          onDecided={decided}
        />
      )}
    </>
  );
}
