import fs from 'fs';
import {
  type ColumnSource,
  parquetWriteBuffer,
  schemaFromColumnData,
} from 'hyparquet-writer';
import { Readable } from 'stream';
import { gzipSync } from 'zlib';
import {
  type Table,
  expectedTotals,
  fixturePath,
  tableOf,
  totalsOf,
} from './__testUtils__/fixtureTotals';
import { focusCostFileFormat } from './focusFormat';

// Each provider's FOCUS export in its documented layout (see
// __fixtures__/README.md for where each layout comes from), read through
// the reader that POST /costs/import uses. The expected sums come from the
// fixture's own cells, split by csv-parse and summed as BigInt micro-units:
// no code under test, no float.

interface ProviderFixture {
  provider: string;
  file: string;
  /** The documented number of columns, so a fixture cannot lose one unnoticed. */
  columns: number;
  currencies: string[];
  /** Delivered gzip-compressed (OCI's `.csv.gz`): the test compresses the stored CSV. */
  gzip?: boolean;
}

const FIXTURES: ProviderFixture[] = [
  {
    provider: 'AWS Data Exports, FOCUS 1.0 with AWS columns',
    file: 'aws-focus-1.0-with-aws-columns-2025-03.csv',
    columns: 48,
    currencies: ['USD'],
  },
  {
    provider: 'Azure Cost Management, FOCUS 1.2-preview',
    file: 'azure-focus-1.2-preview-2025-03.csv',
    columns: 105,
    currencies: ['EUR', 'USD'],
  },
  {
    provider: 'OCI FOCUS cost report',
    file: 'oci-focus-report-2025-03.csv',
    columns: 49,
    currencies: ['USD'],
    gzip: true,
  },
];

/** The fixture as its provider delivers it. */
function delivered(fixture: ProviderFixture): Readable {
  const file = fixturePath(fixture.file);
  return fixture.gzip
    ? Readable.from([gzipSync(fs.readFileSync(file))])
    : fs.createReadStream(file);
}

const CHARGE_CATEGORIES = ['Adjustment', 'Credit', 'Purchase', 'Tax', 'Usage'];

const AMOUNT_COLUMNS = new Set([
  'BilledCost',
  'EffectiveCost',
  'ListCost',
  'ContractedCost',
  'ListUnitPrice',
  'ContractedUnitPrice',
  'ConsumedQuantity',
  'PricingQuantity',
]);
const TIME_COLUMNS = new Set([
  'BillingPeriodStart',
  'BillingPeriodEnd',
  'ChargePeriodStart',
  'ChargePeriodEnd',
]);

/**
 * The CSV fixture as the Parquet file of the same export: AWS's table
 * dictionary types amounts and quantities as double and periods as
 * timestamp; every other column is a string, an empty cell null.
 */
function parquetOf(table: Table): Buffer {
  const [header, ...rows] = table;
  const columnData: ColumnSource[] = header.map((name, index) => {
    const cells = rows.map(row => row[index]);
    if (AMOUNT_COLUMNS.has(name)) {
      return {
        name,
        data: cells.map(cell => (cell === '' ? null : Number(cell))),
        type: 'DOUBLE',
      };
    }
    if (TIME_COLUMNS.has(name)) {
      return {
        name,
        data: cells.map(cell => (cell === '' ? null : new Date(cell))),
        type: 'TIMESTAMP',
      };
    }
    return {
      name,
      data: cells.map(cell => (cell === '' ? null : cell)),
      type: 'STRING',
    };
  });
  const schema = schemaFromColumnData({ columnData });
  return Buffer.from(
    parquetWriteBuffer({
      columnData: columnData.map(({ type: _type, ...column }) => column),
      schema,
    }),
  );
}

describe.each(FIXTURES)('$provider fixture', fixture => {
  const table = tableOf(fixture.file);
  const expected = expectedTotals(table);

  it('has the documented columns and a row of each charge category', () => {
    const [header, ...rows] = table;
    expect(header).toHaveLength(fixture.columns);
    expect(new Set(header).size).toBe(fixture.columns);
    expect(rows.every(row => row.length === fixture.columns)).toBe(true);
    const category = header.indexOf('ChargeCategory');
    expect([...new Set(rows.map(row => row[category]))].sort()).toEqual(
      CHARGE_CATEGORIES,
    );
  });

  it('imports every row and totals exactly per service tag and currency', async () => {
    const read = await totalsOf(focusCostFileFormat.read(delivered(fixture)));
    expect(read).toEqual(expected);
    // Not vacuous: two tagged services, the fixture's currencies, all rows.
    const keys = Object.keys(expected);
    expect(
      new Set(keys.map(key => key.split(' ')[0]).filter(s => s !== '(none)'))
        .size,
    ).toBe(2);
    expect([...new Set(keys.map(key => key.split(' ')[1]))].sort()).toEqual(
      fixture.currencies,
    );
    expect(
      Object.values(read).reduce((rows, sums) => rows + sums.rows, 0),
    ).toBe(table.length - 1);
  });
});

describe('AWS fixture as Parquet', () => {
  it('totals exactly like the CSV, read through the same upload reader', async () => {
    const table = tableOf(FIXTURES[0].file);
    const file = parquetOf(table);
    // Content, not a name, tells the format: the first bytes are PAR1.
    expect(file.subarray(0, 4).toString()).toBe('PAR1');
    const read = await totalsOf(
      focusCostFileFormat.read(Readable.from([file])),
    );
    expect(read).toEqual(expectedTotals(table));
  });
});

describe('OCI fixture', () => {
  const file = 'oci-focus-report-2025-03.csv';

  it('has OCI’s oci_ columns after the FOCUS ones and CRLF line ends', () => {
    const table = tableOf(file);
    const [header] = table;
    const firstOci = header.findIndex(name => name.startsWith('oci_'));
    expect(header.slice(firstOci)).toEqual([
      'oci_ReferenceNumber',
      'oci_CompartmentId',
      'oci_CompartmentName',
      'oci_OverageFlag',
      'oci_UnitPriceOverage',
      'oci_BilledQuantityOverage',
      'oci_CostOverage',
      'oci_AttributedUsage',
      'oci_AttributedCost',
      'oci_BackReferenceNumber',
    ]);
    // Oracle's own loader reads these reports with record delimiter CRLF.
    const text = fs.readFileSync(fixturePath(file), 'utf8');
    expect(text.split('\r\n')).toHaveLength(table.length + 1);
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
  });

  it('totals the same read uncompressed', async () => {
    const read = await totalsOf(
      focusCostFileFormat.read(fs.createReadStream(fixturePath(file))),
    );
    expect(read).toEqual(expectedTotals(tableOf(file)));
  });
});
