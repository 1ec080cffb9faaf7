import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';

/** One figure of a card's summary: a small label (with `help` on hover) over its value, a group named by the label. */
export function SummaryFigure(props: {
  label: string;
  help?: string;
  children: ReactNode;
}) {
  const label = (
    <Typography variant="overline" color="textSecondary" component="div">
      {props.label}
    </Typography>
  );
  return (
    <Box role="group" aria-label={props.label} mr={4} mb={1}>
      {props.help ? <Tooltip title={props.help}>{label}</Tooltip> : label}
      <Typography variant="h6" component="div">
        {props.children}
      </Typography>
    </Box>
  );
}
