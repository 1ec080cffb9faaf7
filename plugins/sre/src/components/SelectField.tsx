import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import { useId } from 'react';

/** One choice of a {@link SelectField}. */
export interface SelectOption<T extends string> {
  value: T;
  label: string;
}

/** A small native select, as the filter bars above charts and tables use. */
export function SelectField<T extends string>(props: {
  label: string;
  value: T;
  options: ReadonlyArray<SelectOption<T>>;
  onChange(value: T): void;
}) {
  const id = useId();
  return (
    <Box mr={2} mb={1}>
      <TextField
        select
        size="small"
        variant="outlined"
        id={id}
        label={props.label}
        value={props.value}
        SelectProps={{ native: true }}
        // The options are the only values the native select can give.
        onChange={event => props.onChange(event.target.value as T)}
      >
        {props.options.map(option => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </TextField>
    </Box>
  );
}
