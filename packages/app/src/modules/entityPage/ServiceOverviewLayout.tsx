import { makeStyles } from '@material-ui/core/styles';
import type { EntityContentLayoutProps } from '@backstage/plugin-catalog-react/alpha';
import { Fragment } from 'react';

const useStyles = makeStyles(theme => ({
  grid: {
    display: 'grid',
    // Two columns when each can be at least ~34rem wide (a 1440 px window),
    // one below that, so that no card is squeezed.
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 34rem), 1fr))',
    gap: theme.spacing(3),
    alignItems: 'start',
    '& > *': { minWidth: 0 },
  },
}));

/**
 * The overview of a service in the demo portal: every card in one grid, in
 * the order `app.extensions` lists them (Baton's first), instead of the
 * default layout's single column under the stock cards.
 */
export function ServiceOverviewLayout(props: EntityContentLayoutProps) {
  const classes = useStyles();
  return (
    <div className={classes.grid}>
      {props.cards.map((card, index) => (
        <Fragment key={card.element.key ?? index}>{card.element}</Fragment>
      ))}
    </div>
  );
}
