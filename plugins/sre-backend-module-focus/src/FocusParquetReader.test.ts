import type { CostRow } from '@baton/plugin-sre-node';
import fs from 'fs';
import {
  type ColumnSource,
  type SchemaElement,
  parquetWriteBuffer,
  schemaFromColumnData,
} from 'hyparquet-writer';
import os from 'os';
import path from 'path';
import { Readable } from 'stream';
import { decimalText } from './FocusParquetReader';
import { readFocusFile, readFocusFilePath } from './readFocusFile';

async function readAll(rows: AsyncIterable<CostRow>): Promise<CostRow[]> {
  const read: CostRow[] = [];
  for await (const row of rows) read.push(row);
  return read;
}

const decimal = (
  name: string,
  scale: number,
  physical: 'FIXED_LEN_BYTE_ARRAY' | 'INT64' = 'FIXED_LEN_BYTE_ARRAY',
): SchemaElement => ({
  name,
  type: physical,
  ...(physical === 'FIXED_LEN_BYTE_ARRAY' ? { type_length: 16 } : {}),
  converted_type: 'DECIMAL',
  logical_type: {
    type: 'DECIMAL',
    precision: physical === 'INT64' ? 18 : 38,
    scale,
  },
  precision: physical === 'INT64' ? 18 : 38,
  scale,
  repetition_type: 'OPTIONAL',
});

/** A Parquet file as Azure and AWS write FOCUS: typed columns, a DECIMAL or DOUBLE amount each. */
function parquetOf(
  columnData: ColumnSource[],
  overrides: Record<string, SchemaElement> = {},
  options: { rowGroupSize?: number } = {},
): Buffer {
  const schema = schemaFromColumnData({
    columnData,
    schemaOverrides: overrides,
  });
  return Buffer.from(
    parquetWriteBuffer({
      // The schema carries the types.
      columnData: columnData.map(({ type: _type, ...column }) => column),
      schema,
      rowGroupSize: options.rowGroupSize,
    }),
  );
}

const DAY = Date.UTC(2025, 0, 1);
const at = (hours: number) => new Date(DAY + hours * 3_600_000);

describe('Parquet FOCUS files', () => {
  it('reads DECIMAL amounts exactly, past what a float holds, and DOUBLE ones as their shortest decimal', async () => {
    const file = parquetOf(
      [
        {
          name: 'BilledCost',
          data: [123456789012345678901234567n, -25n, 0n],
        },
        { name: 'EffectiveCost', data: [1n, -2500000000n, 7n] },
        { name: 'x_BilledCostInUsd', data: [0.1, 0.2, 0.3], type: 'DOUBLE' },
        {
          name: 'BillingCurrency',
          data: ['USD', 'JPY', 'EUR'],
          type: 'STRING',
        },
        {
          name: 'ChargePeriodStart',
          data: [at(0), at(1), at(2)],
          type: 'TIMESTAMP',
        },
        {
          name: 'ChargePeriodEnd',
          data: [at(1), at(2), at(3)],
          type: 'TIMESTAMP',
        },
      ],
      {
        BilledCost: decimal('BilledCost', 10),
        EffectiveCost: decimal('EffectiveCost', 2, 'INT64'),
      },
    );

    const rows = await readAll(readFocusFile(Readable.from([file])));

    expect(
      rows.map(row => [row.billedCost, row.effectiveCost, row.billingCurrency]),
    ).toEqual([
      ['12345678901234567.8901234567', '0.01', 'USD'],
      ['-0.0000000025', '-25000000.00', 'JPY'],
      ['0.0000000000', '0.07', 'EUR'],
    ]);
    expect(rows.map(row => row.chargePeriodStart.toISOString())).toEqual([
      '2025-01-01T00:00:00.000Z',
      '2025-01-01T01:00:00.000Z',
      '2025-01-01T02:00:00.000Z',
    ]);
  });

  it('reads DOUBLE amounts as the decimal the exporter meant, not the float behind it', async () => {
    const file = parquetOf(
      [
        { name: 'BilledCost', data: [0.1, 1e-7, 123.456], type: 'DOUBLE' },
        { name: 'EffectiveCost', data: [0.3, 0, -5.5], type: 'DOUBLE' },
        { name: 'BillingCurrency', data: ['USD', 'USD', 'USD'] },
        {
          name: 'ChargePeriodStart',
          data: [at(0), at(0), at(0)],
          type: 'TIMESTAMP',
        },
        {
          name: 'ChargePeriodEnd',
          data: [at(24), at(24), at(24)],
          type: 'TIMESTAMP',
        },
      ],
      {},
    );

    const rows = await readAll(readFocusFile(Readable.from([file])));

    expect(rows.map(row => [row.billedCost, row.effectiveCost])).toEqual([
      ['0.1', '0.3'],
      ['1e-7', '0'],
      ['123.456', '-5.5'],
    ]);
  });

  it('reads text timestamps, NULL text and JSON Tags like the CSV reader, ignores x_ columns, and reads every row group', async () => {
    const n = 5;
    const file = parquetOf(
      [
        { name: 'x_ServiceCode', data: Array(n).fill('AmazonEC2') },
        { name: 'BilledCost', data: ['1.5', '2', '3', '4', '5'] },
        { name: 'EffectiveCost', data: ['1.25', '2', '3', '4', '5'] },
        { name: 'BillingCurrency', data: Array(n).fill('USD') },
        {
          name: 'ChargePeriodStart',
          data: Array(n).fill('2024-09-18 22:00:00'),
        },
        { name: 'ChargePeriodEnd', data: Array(n).fill('2024-09-18 23:00:00') },
        {
          name: 'ServiceName',
          data: ['Amazon EC2', 'NULL', null, 'Amazon S3', ''],
        },
        {
          name: 'Tags',
          data: ['{"service":"checkout-api"}', 'NULL', null, '{}', ''],
        },
      ],
      {},
      { rowGroupSize: 2 },
    );

    const rows = await readAll(readFocusFile(Readable.from([file])));

    expect(rows.map(row => row.billedCost)).toEqual([
      '1.5',
      '2',
      '3',
      '4',
      '5',
    ]);
    expect(rows.map(row => row.serviceName)).toEqual([
      'Amazon EC2',
      undefined,
      undefined,
      'Amazon S3',
      undefined,
    ]);
    expect(rows.map(row => row.tags)).toEqual([
      { service: 'checkout-api' },
      {},
      {},
      {},
      {},
    ]);
    expect(rows[0].chargePeriodStart.toISOString()).toBe(
      '2024-09-18T22:00:00.000Z',
    );
  });

  it("reads a JSON Tags column holding Google Cloud's key/value records", async () => {
    const file = parquetOf([
      { name: 'BilledCost', data: ['1', '2'] },
      { name: 'EffectiveCost', data: ['1', '2'] },
      { name: 'BillingCurrency', data: ['USD', 'USD'] },
      {
        name: 'ChargePeriodStart',
        data: Array(2).fill('2025-03-01T00:00:00Z'),
      },
      { name: 'ChargePeriodEnd', data: Array(2).fill('2025-03-02T00:00:00Z') },
      {
        name: 'Tags',
        data: [
          [{ key: 'service', value: 'checkout-api', x_type: 'label' }],
          [],
        ],
        type: 'JSON',
      },
    ]);

    const rows = await readAll(readFocusFile(Readable.from([file])));

    expect(rows.map(row => row.tags)).toEqual([
      { service: 'checkout-api' },
      {},
    ]);
  });

  it('names a missing required column as row 0, and a bad cell by row and column', async () => {
    const missing = parquetOf([
      { name: 'BilledCost', data: ['1'] },
      { name: 'BillingCurrency', data: ['USD'] },
      { name: 'ChargePeriodStart', data: ['2025-01-01T00:00:00Z'] },
      { name: 'ChargePeriodEnd', data: ['2025-01-02T00:00:00Z'] },
    ]);
    const bad = parquetOf(
      [
        { name: 'BilledCost', data: ['1', '2'] },
        { name: 'EffectiveCost', data: ['1', 'abc'] },
        { name: 'BillingCurrency', data: ['USD', 'USD'] },
        { name: 'ChargePeriodStart', data: Array(2).fill('2025-01-01') },
        { name: 'ChargePeriodEnd', data: Array(2).fill('2025-01-02') },
      ],
      {},
      { rowGroupSize: 1 },
    );

    await expect(
      readAll(readFocusFile(Readable.from([missing]))),
    ).rejects.toMatchObject({
      name: 'InputError',
      row: 0,
      column: 'EffectiveCost',
      message:
        'row 0 (the header): missing the required FOCUS column EffectiveCost',
    });
    await expect(
      readAll(readFocusFile(Readable.from([bad]))),
    ).rejects.toMatchObject({
      name: 'InputError',
      row: 1,
      column: 'ChargePeriodStart',
    });
  });

  it('reports a file that starts like Parquet but is not one as bad input', async () => {
    const broken = Buffer.concat([
      Buffer.from('PAR1'),
      Buffer.alloc(100, 7),
      Buffer.from('PAR1'),
    ]);

    await expect(
      readAll(readFocusFile(Readable.from([broken]))),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(
        /^The file starts like Parquet but is not a valid Parquet file/,
      ),
    });
  });

  it('reads a Parquet upload arriving in small chunks through a temporary file it removes, and the same file from disk', async () => {
    const file = parquetOf([
      { name: 'BilledCost', data: ['1', '2'] },
      { name: 'EffectiveCost', data: ['1', '2'] },
      { name: 'BillingCurrency', data: ['USD', 'JPY'] },
      { name: 'ChargePeriodStart', data: Array(2).fill('2025-01-01T00:00Z') },
      { name: 'ChargePeriodEnd', data: Array(2).fill('2025-01-02T00:00Z') },
    ]);
    const chunks = Array.from({ length: Math.ceil(file.length / 3) }, (_, i) =>
      file.subarray(i * 3, i * 3 + 3),
    );
    const tempBefore = fs
      .readdirSync(os.tmpdir())
      .filter(name => name.startsWith('baton-focus-'));

    const uploaded = await readAll(readFocusFile(Readable.from(chunks)));

    expect(uploaded.map(row => row.billingCurrency)).toEqual(['USD', 'JPY']);
    expect(
      fs
        .readdirSync(os.tmpdir())
        .filter(name => name.startsWith('baton-focus-')),
    ).toEqual(tempBefore);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'focus-parquet-test-'));
    try {
      // Named .csv: the content, not the name, tells the format.
      const onDisk = path.join(dir, 'export.csv');
      fs.writeFileSync(onDisk, file);
      await expect(readAll(readFocusFilePath(onDisk))).resolves.toEqual(
        uploaded,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [12345n, 3, '12.345'],
    [-12345n, 3, '-12.345'],
    [5n, 3, '0.005'],
    [-5n, 3, '-0.005'],
    [0n, 2, '0.00'],
    [42n, 0, '42'],
    [42n, -2, '4200'],
  ])('writes the unscaled %s at scale %s as %s', (unscaled, scale, text) => {
    expect(decimalText(unscaled, scale)).toBe(text);
  });
});
