import { stringify } from 'csv-stringify/sync';

/** A CSV cell's value: text, a number, or nothing (an empty cell). @public */
export type CsvValue = string | number | null | undefined;

/**
 * Rows as CSV for a spreadsheet. A cell a spreadsheet would run as a formula
 * (`=`, `+`, `-`, `@`, tab or CR first, or their full-width forms; a negative
 * number stays a number) gets a leading apostrophe, as OWASP advises against
 * CSV injection; a cell holding a comma, quote or line break is quoted. Every
 * row ends with `lineEnd`; an empty row is a blank line.
 * @public
 */
export function formulaSafeCsv(
  rows: ReadonlyArray<ReadonlyArray<CsvValue>>,
  options: { lineEnd?: '\n' | '\r\n' } = {},
): string {
  return stringify(
    rows.map(row => [...row]),
    {
      escape_formulas: true,
      // csv-stringify quotes only the row delimiter itself: a lone CR or LF must be quoted too.
      quoted_match: /[\r\n]/,
      record_delimiter: options.lineEnd ?? '\n',
    },
  );
}

/** One cell as {@link formulaSafeCsv} writes it. @public */
export const formulaSafeCsvCell = (value: CsvValue): string =>
  formulaSafeCsv([[value]]).slice(0, -1);
