import Box from '@material-ui/core/Box';
import type { ReactNode } from 'react';

/** The row of filters or controls above a card's chart or table, named for screen readers. */
export function FilterBar(props: { label: string; children: ReactNode }) {
  return (
    <Box
      role="group"
      aria-label={props.label}
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      mb={1}
    >
      {props.children}
    </Box>
  );
}
