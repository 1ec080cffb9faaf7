import type { CostRow } from '@baton/plugin-sre-node';
import { parse } from 'csv-parse/sync';
import fs from 'fs';
import path from 'path';

// Test helpers: a fixture's expected sums from its own cells, split by
// csv-parse and summed as BigInt micro-units, with no code under test and no
// float.

export type Table = string[][];

export const fixturePath = (file: string) =>
  path.resolve(__dirname, '../__fixtures__', file);

export function tableOf(file: string): Table {
  return parse(fs.readFileSync(fixturePath(file)), {
    bom: true,
    skip_empty_lines: true,
  }) as Table;
}

/** A plain decimal string with at most 6 decimals, in micro-units. */
export function micros(text: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{0,6}))?$/.exec(text.trim());
  if (!match) throw new Error(`not a decimal with at most 6 places: '${text}'`);
  const value =
    BigInt(match[2]) * 1_000_000n + BigInt((match[3] ?? '').padEnd(6, '0'));
  return match[1] ? -value : value;
}

export interface Sums {
  billed: bigint;
  effective: bigint;
  rows: number;
}

/** Sums per `<service tag> <currency>`; rows without a service tag under `(none)`. */
export type Totals = Record<string, Sums>;

export function addTo(
  totals: Totals,
  service: string | undefined,
  currency: string,
  billed: string,
  effective: string,
) {
  const key = `${service ?? '(none)'} ${currency}`;
  const sums = (totals[key] ??= { billed: 0n, effective: 0n, rows: 0 });
  sums.billed += micros(billed);
  sums.effective += micros(effective);
  sums.rows += 1;
}

/** The sums of the tables' rows, from their cells. */
export function expectedTotals(...tables: Table[]): Totals {
  const totals: Totals = {};
  for (const [header, ...rows] of tables) {
    const at = (row: string[], name: string) => row[header.indexOf(name)];
    for (const row of rows) {
      const tagsText = at(row, 'Tags');
      const tags = tagsText ? JSON.parse(tagsText) : {};
      addTo(
        totals,
        tags.service,
        at(row, 'BillingCurrency'),
        at(row, 'BilledCost'),
        at(row, 'EffectiveCost'),
      );
    }
  }
  return totals;
}

/** The sums of rows as a reader yields them. */
export async function totalsOf(rows: AsyncIterable<CostRow>): Promise<Totals> {
  const totals: Totals = {};
  for await (const row of rows) {
    addTo(
      totals,
      row.tags.service,
      row.billingCurrency,
      row.billedCost,
      row.effectiveCost,
    );
  }
  return totals;
}
