import type { Config } from '@backstage/config';
import {
  type CostExchangeRates,
  exchangeRatesProblems,
} from '@baton/plugin-sre-common';

const KEY = 'sre.cost.exchangeRates';

/**
 * `sre.cost.exchangeRates` (under the `sre.cost` config), checked at
 * start-up: a bad table stops the backend with the keys that are wrong
 * rather than converting with a rate nobody meant.
 */
export function readExchangeRates(
  costConfig: Config | undefined,
): CostExchangeRates | undefined {
  const table = costConfig?.getOptionalConfig('exchangeRates');
  if (!table) return undefined;
  // The reader's own errors name the full key, e.g. a rate written as text.
  const base = table.getString('base');
  const ratesConfig = table.getConfig('rates');
  const rates = Object.fromEntries(
    ratesConfig
      .keys()
      .map(currency => [currency, ratesConfig.getNumber(currency)]),
  );
  const problems = exchangeRatesProblems({ base, rates });
  if (problems.length) {
    throw new Error(
      `Invalid ${KEY}: ${problems.map(p => `${KEY}.${p}`).join('; ')}`,
    );
  }
  return { base, rates };
}
