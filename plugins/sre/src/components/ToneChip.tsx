import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';

const TONES = {
  good: '#2e7d32',
  warning: '#ed6c02',
  bad: '#c62828',
  neutral: '#757575',
};

/** How a chip reads: fine, worth a look, a finding, or neither. */
export type Tone = keyof typeof TONES;

/** A small chip in its tone's colour, with its explanation on hover. */
export function ToneChip(props: { label: string; help: string; tone: Tone }) {
  const color = TONES[props.tone];
  // Findings fill in their colour; what is fine is only outlined in it.
  const filled = props.tone === 'warning' || props.tone === 'bad';
  return (
    <Tooltip title={props.help}>
      <Chip
        size="small"
        variant={filled ? 'default' : 'outlined'}
        label={props.label}
        style={{
          margin: '0 4px 4px 0',
          borderColor: color,
          ...(filled ? { backgroundColor: color, color: '#fff' } : { color }),
        }}
      />
    </Tooltip>
  );
}

/** A chip of a list: its key, colour, text and hover text. */
export interface ToneChipSpec {
  key: string;
  tone: Tone;
  label: string;
  help: string;
}

/** Chips in a row that wraps, as a list named `label` for screen readers. */
export function ToneChipList(props: { label: string; chips: ToneChipSpec[] }) {
  return (
    <Box display="flex" flexWrap="wrap" role="list" aria-label={props.label}>
      {props.chips.map(({ key, ...chip }) => (
        <Box role="listitem" key={key} component="span">
          <ToneChip {...chip} />
        </Box>
      ))}
    </Box>
  );
}
