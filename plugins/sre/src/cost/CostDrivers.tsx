import type { CostReport } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { WholeWordTable } from '../components/WholeWordTable';
import { useSreText } from '../language';
import { CostChange } from './CostChange';
import { changeColor, formatMoney, formatMoneyChange } from './costFormat';

const COLUMNS = ['service', 'amount', 'change', 'changeAmount'] as const;

/** The service names the spend goes to, largest first, each with its change vs the previous period. */
export function CostDrivers({ report }: { report: CostReport }) {
  const { t, format } = useSreText();
  return (
    <Box mb={2}>
      <Typography variant="subtitle2">{t('cost.drivers.title')}</Typography>
      {report.drivers.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {t('cost.drivers.none')}
        </Typography>
      ) : (
        <WholeWordTable size="small" aria-label={t('cost.drivers.label')}>
          <TableHead>
            <TableRow>
              {COLUMNS.map(column => (
                <TableCell
                  key={column}
                  align={column === 'service' ? 'left' : 'right'}
                >
                  {t(`cost.drivers.columns.${column}`)}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {report.drivers.map(driver => (
              <TableRow key={driver.name}>
                <TableCell>
                  {driver.name || (
                    <Typography
                      variant="body2"
                      component="span"
                      color="textSecondary"
                    >
                      {t('cost.drivers.noName')}
                    </Typography>
                  )}
                </TableCell>
                <TableCell align="right">
                  {formatMoney(format, driver.amount, report.currency)}
                </TableCell>
                <TableCell align="right">
                  <CostChange
                    variant="text"
                    change={driver.change}
                    currency={report.currency}
                    noSpendBefore={t('cost.drivers.newSpend')}
                  />
                </TableCell>
                <TableCell
                  align="right"
                  style={{ color: changeColor(driver.change) }}
                >
                  {formatMoneyChange(
                    format,
                    driver.changeAmount,
                    report.currency,
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </WholeWordTable>
      )}
    </Box>
  );
}
