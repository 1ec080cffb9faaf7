import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { ReactElement, ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';

/** Size before the container is measured; also what tests render at. */
const INITIAL_SIZE = { width: 480, height: 180 };

/**
 * A card's chart under its title, as an image named `label` for screen
 * readers, with an optional caption below; `empty` instead of the chart
 * when there is nothing to draw.
 */
export function ChartFrame(props: {
  title: string;
  label: string;
  empty?: string;
  caption?: ReactNode;
  children: ReactElement;
}) {
  return (
    <Box mb={2}>
      <Typography variant="subtitle2">{props.title}</Typography>
      {props.empty ? (
        <Typography variant="body2" color="textSecondary">
          {props.empty}
        </Typography>
      ) : (
        <Box aria-label={props.label} role="img" height={INITIAL_SIZE.height}>
          <ResponsiveContainer
            width="100%"
            height={INITIAL_SIZE.height}
            initialDimension={INITIAL_SIZE}
          >
            {props.children}
          </ResponsiveContainer>
        </Box>
      )}
      {props.caption && (
        <Typography variant="caption" color="textSecondary">
          {props.caption}
        </Typography>
      )}
    </Box>
  );
}
