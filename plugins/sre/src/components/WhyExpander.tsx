import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Collapse from '@material-ui/core/Collapse';
import { type ReactNode, useState } from 'react';

/** A card's "Why?" button, and how its numbers are made below it once opened. */
export function WhyExpander(props: {
  showLabel: string;
  hideLabel: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Box>
      <Button size="small" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? props.hideLabel : props.showLabel}
      </Button>
      <Collapse in={open}>
        <Box mt={1}>{props.children}</Box>
      </Collapse>
    </Box>
  );
}
