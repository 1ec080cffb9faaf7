import ListItemText, {
  type ListItemTextProps,
} from '@material-ui/core/ListItemText';
import type { ElementType } from 'react';

/**
 * A list item's text that wraps. Backstage's theme cuts a dense list's text
 * to one line with an ellipsis, which hides reasons, fixes and evidence past
 * a card's edge; a long URL breaks instead of widening the line.
 */
export function WrappingListItemText<
  Primary extends ElementType = 'span',
  Secondary extends ElementType = 'p',
>(props: ListItemTextProps<Primary, Secondary>) {
  return (
    <ListItemText
      {...props}
      style={{ whiteSpace: 'normal', overflowWrap: 'anywhere', ...props.style }}
    />
  );
}
