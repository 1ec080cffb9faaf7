import Table, { TableProps } from '@material-ui/core/Table';
import { makeStyles } from '@material-ui/core/styles';
import type { ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  frame: {
    // Too wide for its card, the table scrolls as a whole instead of squeezing
    // its columns until words break letter by letter.
    overflowX: 'auto',
    maxWidth: '100%',
  },
  table: {
    '& th, & td': {
      wordBreak: 'normal',
      overflowWrap: 'normal',
      hyphens: 'manual',
    },
    '& th': { whiteSpace: 'nowrap' },
  },
  stickyFirstColumn: {
    '& tr > *:first-child': {
      position: 'sticky',
      left: 0,
      zIndex: 1,
      backgroundColor: theme.palette.background.paper,
    },
  },
}));

/**
 * A table whose cells never break inside a word: headers stay on one line,
 * text wraps only between words, and a table wider than its card scrolls
 * sideways (its first column staying in view when `stickyFirstColumn`).
 */
export function WholeWordTable(
  props: TableProps & { stickyFirstColumn?: boolean; children: ReactNode },
) {
  const { stickyFirstColumn, className, children, ...tableProps } = props;
  const classes = useStyles();
  return (
    <div className={classes.frame}>
      <Table
        {...tableProps}
        className={[
          classes.table,
          stickyFirstColumn ? classes.stickyFirstColumn : '',
          className ?? '',
        ]
          .filter(Boolean)
          .join(' ')}
      >
        {children}
      </Table>
    </div>
  );
}
