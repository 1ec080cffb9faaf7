import type {
  AccessDecision,
  AccessReviewItem,
} from '@baton/plugin-sre-common';
import Checkbox from '@material-ui/core/Checkbox';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { usePersonName } from '../components/PeopleNames';
import { WholeWordTable } from '../components/WholeWordTable';
import { useSreText } from '../language';
import {
  DecisionCell,
  FlagChips,
  LastUsedCell,
  PersonCell,
  ResourceCell,
} from './AccessItemCells';
import { DecisionButtons } from './DecisionButtons';

/** What the signed-in user may do with one row. */
export type RowAccess = 'decide' | 'own' | 'none';

/**
 * The items of a campaign, one grant a row. Rows the signed-in user may
 * decide get a checkbox and the decision buttons; a row about their own
 * access says another reviewer decides it.
 */
export function AccessItemsTable(props: {
  items: AccessReviewItem[];
  access(item: AccessReviewItem): RowAccess;
  selected: ReadonlySet<string>;
  onSelect(ids: string[], selected: boolean): void;
  onDecide(items: AccessReviewItem[], decision: AccessDecision): void;
  /** Whether any row may be decided at all: without, the selection and action columns are left out. */
  decidable: boolean;
}) {
  const { items, access, selected, onSelect, onDecide, decidable } = props;
  const { t, format } = useSreText();
  const name = usePersonName();
  const selectable = items.filter(item => access(item) === 'decide');
  const allSelected =
    selectable.length > 0 && selectable.every(item => selected.has(item.id));
  const someSelected = selectable.some(item => selected.has(item.id));
  return (
    <WholeWordTable size="small" aria-label={t('access.items.label')}>
      <TableHead>
        <TableRow>
          {decidable && (
            <TableCell padding="checkbox">
              <Checkbox
                checked={allSelected}
                indeterminate={someSelected && !allSelected}
                disabled={!selectable.length}
                onChange={event =>
                  onSelect(
                    selectable.map(item => item.id),
                    event.target.checked,
                  )
                }
                inputProps={{ 'aria-label': t('access.items.selectAll') }}
              />
            </TableCell>
          )}
          <TableCell>{t('access.items.columns.principal')}</TableCell>
          <TableCell>{t('access.items.columns.person')}</TableCell>
          <TableCell>{t('access.items.columns.resource')}</TableCell>
          <TableCell>{t('access.items.columns.privilege')}</TableCell>
          <TableCell>{t('access.items.columns.lastUsed')}</TableCell>
          <TableCell>{t('access.items.columns.flags')}</TableCell>
          <TableCell>{t('access.items.columns.reviewers')}</TableCell>
          <TableCell>{t('access.items.columns.decision')}</TableCell>
          {decidable && (
            <TableCell>{t('access.items.columns.actions')}</TableCell>
          )}
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map(item => {
          const rowAccess = access(item);
          const names = { principal: item.principal, resource: item.resource };
          return (
            <TableRow key={item.id} selected={selected.has(item.id)}>
              {decidable && (
                <TableCell padding="checkbox">
                  {rowAccess === 'decide' && (
                    <Checkbox
                      checked={selected.has(item.id)}
                      onChange={event =>
                        onSelect([item.id], event.target.checked)
                      }
                      inputProps={{
                        'aria-label': t('access.items.select', names),
                      }}
                    />
                  )}
                </TableCell>
              )}
              <TableCell>
                <Typography variant="body2" style={{ fontWeight: 500 }}>
                  {item.principal}
                </Typography>
                <Typography variant="caption" color="textSecondary">
                  {item.principalKind}
                </Typography>
              </TableCell>
              <TableCell>
                <PersonCell item={item} />
              </TableCell>
              <TableCell>
                <ResourceCell item={item} />
              </TableCell>
              <TableCell>{item.privilege}</TableCell>
              <TableCell>
                <LastUsedCell item={item} />
              </TableCell>
              <TableCell>
                <FlagChips item={item} />
              </TableCell>
              <TableCell>
                {item.reviewers.length
                  ? format.list(item.reviewers.map(name))
                  : t('access.items.noReviewers')}
              </TableCell>
              <TableCell>
                <DecisionCell item={item} />
              </TableCell>
              {decidable && (
                <TableCell>
                  {rowAccess === 'decide' && (
                    <DecisionButtons
                      label={t('access.items.decideLabel', names)}
                      onDecide={decision => onDecide([item], decision)}
                    />
                  )}
                  {rowAccess === 'own' && (
                    <Typography variant="caption" color="textSecondary">
                      {t('access.items.yourAccess')}
                    </Typography>
                  )}
                </TableCell>
              )}
            </TableRow>
          );
        })}
      </TableBody>
    </WholeWordTable>
  );
}
