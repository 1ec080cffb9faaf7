import type { CostRow } from '@baton/plugin-sre-node';
import fs from 'fs';
import path from 'path';
import { Readable } from 'stream';
import v8 from 'v8';
import vm from 'vm';
import { gzipSync } from 'zlib';
import { readFocusCsv } from './FocusCsvReader';

// A FOCUS 1.0 export with every 1.0 column in the order the specification
// lists them (alphabetical), 29 rows: AWS in USD (EC2 on demand and under a
// Savings Plan, EBS, RDS, S3, NAT gateway, CloudWatch, ElastiCache, Business
// support for the month, a credit, taxes) and Mackerel, a SaaS billed in JPY.
// Tags follow FOCUS's Key-Value Format: string, number, boolean and null
// values. CRLF line ends, as spreadsheet tools and many exporters write.
const FIXTURE = path.join(
  __dirname,
  '__fixtures__',
  'focus-1.0-aws-mackerel-2025-01.csv',
);

async function readAll(body: Readable): Promise<CostRow[]> {
  const rows: CostRow[] = [];
  for await (const row of readFocusCsv(body)) {
    rows.push(row);
  }
  return rows;
}

const fixtureRows = () => readAll(fs.createReadStream(FIXTURE));

/** One chunk, as a small upload arrives. */
const bodyOf = (text: string | Buffer) =>
  Readable.from([typeof text === 'string' ? Buffer.from(text) : text]);

const quote = (cell: string) =>
  /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;

const VALID = {
  BilledCost: '1.5',
  EffectiveCost: '1.25',
  BillingCurrency: 'USD',
  ChargePeriodStart: '2025-01-01T00:00:00Z',
  ChargePeriodEnd: '2025-01-02T00:00:00Z',
};

/** A CSV whose header is the keys of the first row (the required columns and `extra` by default). */
function csvOf(rows: Array<Record<string, string>>): string {
  const columns = Object.keys(rows[0]);
  return [columns, ...rows.map(row => columns.map(c => row[c]))]
    .map(cells => cells.map(quote).join(','))
    .join('\n');
}

/** A file with one data row: the valid required cells, changed by `cells`. */
const oneRow = (cells: Record<string, string>) =>
  bodyOf(csvOf([{ ...VALID, ...cells }]));

describe('readFocusCsv', () => {
  describe('a FOCUS 1.0 export', () => {
    it('reads every row into the CostRow fields, and nothing from the columns it does not use', async () => {
      const rows = await fixtureRows();

      expect(rows).toHaveLength(29);
      expect(rows[0]).toEqual({
        chargePeriodStart: new Date('2025-01-01T00:00:00Z'),
        chargePeriodEnd: new Date('2025-01-02T00:00:00Z'),
        billedCost: '2.976000000',
        effectiveCost: '2.976000000',
        billingCurrency: 'USD',
        chargeCategory: 'Usage',
        serviceName: 'Amazon Elastic Compute Cloud',
        serviceCategory: 'Compute',
        resourceId:
          'arn:aws:ec2:ap-northeast-1:210987654321:instance/i-0a1b2c3d4e5f60718',
        subAccountId: '210987654321',
        tags: {
          service: 'checkout-api',
          env: 'prod',
          'aws:createdBy': 'AssumedRole:AROAEXAMPLE:deploy',
        },
      });
      const fields = new Set(rows.flatMap(row => Object.keys(row)));
      expect([...fields].sort()).toEqual([
        'billedCost',
        'billingCurrency',
        'chargeCategory',
        'chargePeriodEnd',
        'chargePeriodStart',
        'effectiveCost',
        'resourceId',
        'serviceCategory',
        'serviceName',
        'subAccountId',
        'tags',
      ]);
    });

    it('keeps amounts exactly as written: every decimal, trailing zeros, the sign', async () => {
      const rows = await fixtureRows();
      const byResource = (id: string) =>
        rows.filter(row => row.resourceId === id).map(row => row.billedCost);

      expect(byResource('arn:aws:s3:::baton-catalog-images')).toEqual([
        '0.0318548387',
        '0.0000123456',
        '0.0000098765',
      ]);
      const credit = rows.find(
        row => row.chargeCategory === 'Credit' && row.billingCurrency === 'USD',
      );
      expect(credit).toMatchObject({
        billedCost: '-25.00',
        effectiveCost: '-25.00',
      });
      // A Savings Plan: the usage row bills nothing and carries the amortized
      // cost; the plan's fee row bills it and carries none.
      const covered = rows.find(row =>
        row.resourceId?.endsWith('i-0f9e8d7c6b5a43210'),
      );
      expect(covered).toMatchObject({
        billedCost: '0',
        effectiveCost: '1.8403200000',
      });
    });

    it('reads several currencies and charge categories from one file', async () => {
      const rows = await fixtureRows();
      const count = (values: Array<string | undefined>) =>
        values.reduce<Record<string, number>>(
          (counts, value) => ({
            ...counts,
            [String(value)]: (counts[String(value)] ?? 0) + 1,
          }),
          {},
        );

      expect(count(rows.map(row => row.billingCurrency))).toEqual({
        USD: 22,
        JPY: 7,
      });
      expect(count(rows.map(row => row.chargeCategory))).toEqual({
        Usage: 21,
        Purchase: 3,
        Credit: 2,
        Tax: 3,
      });
      expect(
        rows
          .filter(row => row.billingCurrency === 'JPY')
          .map(row => row.billedCost),
      ).toEqual([
        '383.225806',
        '383.225806',
        '127.741935',
        '63.870967',
        '3000',
        '-500',
        '1345.806451',
      ]);
    });

    it('reads a month-long charge period (the support fee) and hourly ones', async () => {
      const rows = await fixtureRows();
      const support = rows.find(
        row => row.serviceName === 'AWS Support (Business)',
      );
      const hourly = rows.filter(row =>
        row.resourceId?.endsWith('i-07c1d2e3f4a5b6c7d'),
      );

      expect(support).toMatchObject({
        chargePeriodStart: new Date('2025-01-01T00:00:00Z'),
        chargePeriodEnd: new Date('2025-02-01T00:00:00Z'),
        chargeCategory: 'Purchase',
        resourceId: undefined,
        tags: {},
      });
      expect(
        hourly.map(row => [
          row.chargePeriodStart.toISOString(),
          row.chargePeriodEnd.toISOString(),
        ]),
      ).toEqual([
        ['2025-01-01T09:00:00.000Z', '2025-01-01T10:00:00.000Z'],
        ['2025-01-01T10:00:00.000Z', '2025-01-01T11:00:00.000Z'],
      ]);
    });

    it('turns number and boolean tag values into strings and leaves null ones out', async () => {
      const rows = await fixtureRows();

      expect(
        rows.find(row => row.resourceId?.endsWith('i-07c1d2e3f4a5b6c7d'))?.tags,
      ).toEqual({
        service: 'search',
        env: 'staging',
        backup: 'true',
        'cost-center': '4711',
      });
      expect(
        rows.find(row => row.resourceId?.endsWith('vol-0d1e2f3a4b5c6d7e8'))
          ?.tags,
      ).toEqual({ service: 'checkout-api', env: 'prod' });
    });

    it('gives {} for empty or {} Tags, and undefined for empty optional cells', async () => {
      const rows = await fixtureRows();
      const nat = rows.find(
        row => row.serviceName === 'Amazon Virtual Private Cloud',
      );
      const cloudWatch = rows.find(
        row => row.serviceName === 'AmazonCloudWatch',
      );

      expect(nat?.tags).toEqual({});
      expect(cloudWatch).toMatchObject({ resourceId: undefined, tags: {} });
      expect(rows.filter(row => row.chargeCategory === 'Tax')).toEqual([
        expect.objectContaining({ resourceId: undefined, tags: {} }),
        expect.objectContaining({ resourceId: undefined, tags: {} }),
        expect.objectContaining({ resourceId: undefined, tags: {} }),
      ]);
      expect(
        rows
          .filter(row => !('service' in row.tags))
          .map(row => row.serviceName),
      ).toEqual([
        'Amazon Elastic Compute Cloud',
        'Amazon Simple Storage Service',
        'Amazon Virtual Private Cloud',
        'AmazonCloudWatch',
        'AWS Support (Business)',
        'Amazon Elastic Compute Cloud',
        'Amazon Elastic Compute Cloud',
        'Amazon Relational Database Service',
        'Mackerel',
        'Mackerel',
        'Mackerel',
        'Mackerel',
      ]);
    });
  });

  describe('columns', () => {
    it('needs only the five required columns; the optional fields are then undefined and tags {}', async () => {
      await expect(readAll(oneRow({}))).resolves.toEqual([
        {
          chargePeriodStart: new Date('2025-01-01T00:00:00Z'),
          chargePeriodEnd: new Date('2025-01-02T00:00:00Z'),
          billedCost: '1.5',
          effectiveCost: '1.25',
          billingCurrency: 'USD',
          chargeCategory: undefined,
          serviceName: undefined,
          serviceCategory: undefined,
          resourceId: undefined,
          subAccountId: undefined,
          tags: {},
        },
      ]);
    });

    it('finds columns by name in any order, ignores custom and unknown columns, and skips a BOM', async () => {
      const text = [
        '\uFEFFx_Team,Tags,ChargePeriodEnd,ResourceId,EffectiveCost,BillingCurrency,ServiceName,ChargePeriodStart,ChargeDescription,BilledCost,SubAccountId,ServiceCategory,ChargeCategory',
        'payments,"{""service"":""payments-api""}",2025-01-02T00:00:00Z,i-1,2,EUR,Amazon EC2,2025-01-01T00:00:00Z,"On Demand, ""Linux""\nsecond line",3,sub-1,Compute,Usage',
      ].join('\r\n');

      await expect(readAll(bodyOf(text))).resolves.toEqual([
        {
          chargePeriodStart: new Date('2025-01-01T00:00:00Z'),
          chargePeriodEnd: new Date('2025-01-02T00:00:00Z'),
          billedCost: '3',
          effectiveCost: '2',
          billingCurrency: 'EUR',
          chargeCategory: 'Usage',
          serviceName: 'Amazon EC2',
          serviceCategory: 'Compute',
          resourceId: 'i-1',
          subAccountId: 'sub-1',
          tags: { service: 'payments-api' },
        },
      ]);
    });

    it('trims optional cells and gives undefined for blank ones', async () => {
      const [row] = await readAll(
        oneRow({
          ServiceName: '  Amazon Simple Storage Service ',
          ResourceId: '   ',
          ChargeCategory: 'Usage',
          Tags: '  ',
        }),
      );

      expect(row).toMatchObject({
        serviceName: 'Amazon Simple Storage Service',
        resourceId: undefined,
        chargeCategory: 'Usage',
        tags: {},
      });
    });

    it.each([
      ['0', '0'],
      ['-25.00', '-25.00'],
      ['0.0000123456', '0.0000123456'],
      ['.5', '.5'],
      ['3.', '3.'],
      ['+3', '+3'],
      ['1.5e-7', '1.5e-7'],
      ['2E+3', '2E+3'],
      ['1e-99999', '1e-99999'],
      ['123456789012345678901234567890', '123456789012345678901234567890'],
      [' 42.10 ', '42.10'],
    ])('reads BilledCost %j as the number %j', async (cell, expected) => {
      const [row] = await readAll(oneRow({ BilledCost: cell }));

      expect(row.billedCost).toBe(expected);
    });

    it.each([
      'abc',
      '1,234.50',
      '$3',
      '3 USD',
      'NaN',
      'Infinity',
      '0x10',
      '1/2',
      '--1',
      '1.2.3',
      '1e',
      '.',
    ])('rejects EffectiveCost %j, naming row and column', async cell => {
      await expect(
        readAll(oneRow({ EffectiveCost: cell })),
      ).rejects.toMatchObject({
        name: 'InputError',
        row: 1,
        column: 'EffectiveCost',
        message: `row 1, column EffectiveCost: '${cell}' is not a number`,
      });
    });

    it.each(['1e999999999', '1e30', '1234567890123456789012345678901'])(
      'rejects BilledCost %j, which the backend could not sum',
      async cell => {
        await expect(
          readAll(oneRow({ BilledCost: cell })),
        ).rejects.toMatchObject({
          row: 1,
          column: 'BilledCost',
          message: `row 1, column BilledCost: '${cell}' is too large to be an amount`,
        });
      },
    );

    it.each([
      '123456789012345678901234567890',
      '0000000000000000000000000000001.5',
    ])(
      'accepts BilledCost %j: at most 30 whole digits, however long',
      async cell => {
        const [row] = await readAll(oneRow({ BilledCost: cell }));
        expect(row.billedCost).toBe(cell);
      },
    );

    it.each(['BilledCost', 'EffectiveCost'])(
      'rejects an empty %s: FOCUS requires it',
      async column => {
        await expect(readAll(oneRow({ [column]: '' }))).rejects.toMatchObject({
          row: 1,
          column,
          message: `row 1, column ${column}: is empty; FOCUS requires a number`,
        });
      },
    );

    it.each(['usd', 'US', 'USDX', '$', '840', ''])(
      'rejects BillingCurrency %j',
      async cell => {
        await expect(
          readAll(oneRow({ BillingCurrency: cell })),
        ).rejects.toMatchObject({
          row: 1,
          column: 'BillingCurrency',
          message: expect.stringContaining(
            `row 1, column BillingCurrency: '${cell}' is not an ISO 4217 currency code`,
          ),
        });
      },
    );

    it.each([
      ['2025-01-01T00:00:00Z', '2025-01-01T00:00:00.000Z'],
      ['2025-01-01T00:00:00.250Z', '2025-01-01T00:00:00.250Z'],
      ['2025-01-01T09:00:00+09:00', '2025-01-01T00:00:00.000Z'],
      ['2024-12-31T19:00:00-0500', '2025-01-01T00:00:00.000Z'],
      ['2025-01-01 00:00:00Z', '2025-01-01T00:00:00.000Z'],
      ['2025-01-01T00:00Z', '2025-01-01T00:00:00.000Z'],
      ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
      // No zone is UTC, as FOCUS date/times are (the FinOps Foundation's sample export).
      ['2024-09-18 22:00:00', '2024-09-18T22:00:00.000Z'],
      ['2024-09-18T22:00:00', '2024-09-18T22:00:00.000Z'],
      ['2024-09-18 22:00:00.123456', '2024-09-18T22:00:00.123Z'],
      ['2024-09-18T22:00:00.5', '2024-09-18T22:00:00.500Z'],
      // BigQuery's CSV export of a TIMESTAMP.
      ['2024-09-18 22:00:00 UTC', '2024-09-18T22:00:00.000Z'],
      ['2024-09-18 22:00:00.000+00:00', '2024-09-18T22:00:00.000Z'],
    ])('reads ChargePeriodStart %j as %s', async (cell, expected) => {
      const [row] = await readAll(
        oneRow({
          ChargePeriodStart: cell,
          ChargePeriodEnd: '2025-03-01T00:00:00Z',
        }),
      );

      expect(row.chargePeriodStart.toISOString()).toBe(expected);
    });

    it.each([
      '2025-01-01',
      '2025-02-29T00:00:00Z',
      '2025-13-01T00:00:00Z',
      '2025-01-01T24:00:00Z',
      '2025-01-01T00:00:00+25:00',
      '01/01/2025 00:00',
      '1735689600',
      'yesterday',
      '',
      'NULL',
    ])('rejects ChargePeriodStart %j', async cell => {
      await expect(
        readAll(oneRow({ ChargePeriodStart: cell })),
      ).rejects.toMatchObject({
        name: 'InputError',
        row: 1,
        column: 'ChargePeriodStart',
        message: expect.stringMatching(
          /^row 1, column ChargePeriodStart: .*(is empty|is not a valid ISO 8601 date and time, e.g. 2024-01-01T00:00:00Z)/,
        ),
      });
    });

    it.each([
      ['the same as', '2025-01-01T00:00:00Z'],
      ['before', '2024-12-31T00:00:00Z'],
    ])(
      'rejects a ChargePeriodEnd %s ChargePeriodStart',
      async (_relation, end) => {
        await expect(
          readAll(oneRow({ ChargePeriodEnd: end })),
        ).rejects.toMatchObject({
          row: 1,
          column: 'ChargePeriodEnd',
          message: expect.stringContaining('is not after ChargePeriodStart'),
        });
      },
    );

    it('compares the period as instants, whatever the offsets', async () => {
      // 09:00+09:00 is midnight UTC: an hour-long charge, not a backwards one.
      const [row] = await readAll(
        oneRow({
          ChargePeriodStart: '2025-01-01T09:00:00+09:00',
          ChargePeriodEnd: '2025-01-01T01:00:00Z',
        }),
      );

      expect(
        row.chargePeriodEnd.getTime() - row.chargePeriodStart.getTime(),
      ).toBe(3_600_000);
    });

    it('reads Tags as a JSON object of strings; JSON null means no tags', async () => {
      const rows = await readAll(
        bodyOf(
          csvOf([
            { ...VALID, Tags: '{"service":"checkout-api","env":"prod"}' },
            { ...VALID, Tags: '{"ratio":0.25,"on":false,"off":null}' },
            { ...VALID, Tags: 'null' },
            { ...VALID, Tags: '{"__proto__":"x","constructor":"y"}' },
          ]),
        ),
      );

      expect(rows.map(row => row.tags)).toEqual([
        { service: 'checkout-api', env: 'prod' },
        { ratio: '0.25', on: 'false' },
        {},
        JSON.parse('{"__proto__":"x","constructor":"y"}'),
      ]);
      // A key named __proto__ is a tag, not the object's prototype.
      expect(Object.getPrototypeOf(rows[3].tags)).toBe(Object.prototype);
      expect(Object.keys(rows[3].tags)).toEqual(['__proto__', 'constructor']);
    });

    it("reads Tags as Google Cloud's FOCUS view writes them: a list of key/value records", async () => {
      const rows = await readAll(
        bodyOf(
          csvOf([
            {
              ...VALID,
              Tags: JSON.stringify([
                {
                  key: 'service',
                  value: 'checkout-api',
                  x_type: 'label',
                  x_inherited: false,
                  x_namespace: null,
                },
                {
                  key: 'goog-k8s-cluster-name',
                  value: 'prod',
                  x_type: 'system_label',
                },
                { key: 'no-value', value: null },
              ]),
            },
            { ...VALID, Tags: '[]' },
          ]),
        ),
      );

      expect(rows.map(row => row.tags)).toEqual([
        { service: 'checkout-api', 'goog-k8s-cluster-name': 'prod' },
        {},
      ]);
    });

    it.each([
      ['service=checkout-api', /'service=checkout-api' is not JSON/],
      ['{"service":"checkout-api"', /is not JSON/],
      ['["service","checkout-api"]', /is not a JSON object/],
      ['[{"value":"checkout-api"}]', /is not a JSON object/],
      ['"checkout-api"', /is not a JSON object/],
      ['42', /is not a JSON object/],
      ['{"owner":{"team":"sre"}}', /tag 'owner' has an object value/],
      ['{"envs":["prod","dr"]}', /tag 'envs' has an array value/],
    ])('rejects Tags %j', async (cell, message) => {
      await expect(readAll(oneRow({ Tags: cell }))).rejects.toMatchObject({
        name: 'InputError',
        row: 1,
        column: 'Tags',
        message: expect.stringMatching(message),
      });
    });
  });

  describe('NULL as real exports write it', () => {
    it('reads NULL and null, quoted or not, as no value in every optional column and in Tags', async () => {
      const header = [
        ...Object.keys(VALID),
        'ServiceName',
        'ResourceId',
        'SubAccountId',
        'ChargeCategory',
        'ServiceCategory',
        'Tags',
      ];
      const required = Object.values(VALID).join(',');
      const body = bodyOf(
        [
          header.join(','),
          `${required},NULL,NULL,null,NULL,null,NULL`,
          `${required},"NULL","null","NULL","null","NULL","null"`,
          `${required},,,,,,`,
          `${required}, NULL ,"",  ,Usage,Compute,{}`,
        ].join('\n'),
      );

      const rows = await readAll(body);

      expect(rows).toHaveLength(4);
      for (const row of rows) {
        expect(row).toMatchObject({
          serviceName: undefined,
          resourceId: undefined,
          subAccountId: undefined,
          tags: {},
        });
      }
      expect(rows.map(row => row.chargeCategory)).toEqual([
        undefined,
        undefined,
        undefined,
        'Usage',
      ]);
    });

    it.each(['BilledCost', 'EffectiveCost'])(
      'still requires %s: NULL there is an error naming the row and column',
      async column => {
        await expect(
          readAll(oneRow({ [column]: 'NULL' })),
        ).rejects.toMatchObject({
          name: 'InputError',
          row: 1,
          column,
          message: `row 1, column ${column}: is empty; FOCUS requires a number`,
        });
      },
    );

    it('reads the rows of the FinOps Foundation sample layout: space timestamps without a zone, NULL Tags, x_ columns', async () => {
      // The cells that the FOCUS 1.0 sample export refused before: its
      // timestamps and its Tags, with a provider column beside them.
      const body = bodyOf(
        [
          'BilledCost,BillingCurrency,ChargePeriodEnd,ChargePeriodStart,EffectiveCost,Tags,x_ServiceCode',
          '0.0155,USD,2024-09-18 23:00:00,2024-09-18 22:00:00,0.0155,NULL,AmazonEC2',
        ].join('\n'),
      );

      await expect(readAll(body)).resolves.toEqual([
        expect.objectContaining({
          chargePeriodStart: new Date('2024-09-18T22:00:00Z'),
          chargePeriodEnd: new Date('2024-09-18T23:00:00Z'),
          billedCost: '0.0155',
          tags: {},
        }),
      ]);
    });
  });

  describe('text cells the database could not keep', () => {
    it.each(['ServiceName', 'ChargeCategory', 'ResourceId', 'SubAccountId'])(
      'refuses a NUL character in %s, naming the row and column',
      async column => {
        await expect(readAll(oneRow({ [column]: 'a\u0000b' }))).rejects.toThrow(
          `row 1, column ${column}: contains a NUL character`,
        );
      },
    );

    it('refuses a ServiceName longer than the stored 255 characters', async () => {
      await expect(
        readAll(oneRow({ ServiceName: 's'.repeat(256) })),
      ).rejects.toThrow(
        /^row 1, column ServiceName: .* is longer than 255 characters$/,
      );
      await expect(
        readAll(oneRow({ ServiceName: 's'.repeat(255) })),
      ).resolves.toHaveLength(1);
    });
  });

  describe('errors', () => {
    it('names the data row (1-based, the header is row 0) and the column', async () => {
      const text = csvOf([
        VALID,
        { ...VALID, BilledCost: 'abc' },
        { ...VALID, BilledCost: 'also bad' },
      ]);

      await expect(readAll(bodyOf(text))).rejects.toMatchObject({
        name: 'InputError',
        row: 2,
        column: 'BilledCost',
        message: "row 2, column BilledCost: 'abc' is not a number",
      });
    });

    it('shortens a huge cell in the message', async () => {
      const error = readAll(oneRow({ BilledCost: 'x'.repeat(10_000) }));

      await expect(error).rejects.toMatchObject({
        message: `row 1, column BilledCost: '${'x'.repeat(
          57,
        )}...' is not a number`,
      });
    });

    it('names every missing required column as row 0, before reading any row', async () => {
      const yielded: CostRow[] = [];
      const text = [
        'BilledCost,ChargePeriodStart,Tags',
        '1,2025-01-01T00:00:00Z,{}',
        '2,2025-01-01T00:00:00Z,{}',
      ].join('\n');

      const reading = (async () => {
        for await (const row of readFocusCsv(bodyOf(text))) {
          yielded.push(row);
        }
      })();

      await expect(reading).rejects.toMatchObject({
        name: 'InputError',
        row: 0,
        column: 'EffectiveCost',
        missingColumns: ['EffectiveCost', 'BillingCurrency', 'ChargePeriodEnd'],
        message:
          'row 0 (the header): missing the required FOCUS columns EffectiveCost, BillingCurrency, ChargePeriodEnd',
      });
      expect(yielded).toEqual([]);
    });

    it('treats an empty file as a header without any column', async () => {
      await expect(readAll(bodyOf(''))).rejects.toMatchObject({
        row: 0,
        missingColumns: [
          'BilledCost',
          'EffectiveCost',
          'BillingCurrency',
          'ChargePeriodStart',
          'ChargePeriodEnd',
        ],
      });
    });

    it('rejects a used column that appears twice', async () => {
      const text = `BilledCost,EffectiveCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ServiceName,ServiceName\n1,1,USD,2025-01-01T00:00:00Z,2025-01-02T00:00:00Z,a,b`;

      await expect(readAll(bodyOf(text))).rejects.toMatchObject({
        row: 0,
        column: 'ServiceName',
        message: 'row 0 (the header): column ServiceName appears twice',
      });
    });

    it('yields the rows before a bad one: the caller decides what a failed file means', async () => {
      const yielded: string[] = [];
      const text = csvOf([
        VALID,
        { ...VALID, BilledCost: '2' },
        { ...VALID, ChargePeriodEnd: 'soon' },
      ]);

      const reading = (async () => {
        for await (const row of readFocusCsv(bodyOf(text))) {
          yielded.push(row.billedCost);
        }
      })();

      await expect(reading).rejects.toMatchObject({
        row: 3,
        column: 'ChargePeriodEnd',
      });
      expect(yielded).toEqual(['1.5', '2']);
    });

    it('reports a CSV syntax error with its row and line', async () => {
      const header = Object.keys(VALID).join(',');
      const good = Object.values(VALID).join(',');

      await expect(
        readAll(bodyOf(`${header}\n${good}\n${good}\n1,"2,USD\n`)),
      ).rejects.toMatchObject({
        name: 'InputError',
        row: 3,
        line: 4,
        message: expect.stringMatching(
          /^row 3, line 4: the file is not valid CSV: Quote Not Closed/,
        ),
      });
      await expect(
        readAll(bodyOf(`${header}\n${good}\n${good},extra\n`)),
      ).rejects.toMatchObject({
        name: 'InputError',
        row: 2,
        line: 3,
        message: expect.stringContaining('Invalid Record Length'),
      });
    });

    it('fails on a line without an end instead of buffering it', async () => {
      const endless = Readable.from(
        (function* chunks() {
          yield Buffer.from(`${Object.keys(VALID).join(',')}\n`);
          for (let i = 0; i < 64; i++) {
            yield Buffer.alloc(64 * 1024, 'x');
          }
        })(),
      );

      await expect(readAll(endless)).rejects.toMatchObject({
        name: 'InputError',
        row: 1,
        message: expect.stringContaining('Max Record Size'),
      });
    });

    it('passes an error of the body itself through unchanged', async () => {
      const failure = Object.assign(new Error('socket hang up'), {
        code: 'ECONNRESET',
      });
      const body = new Readable({
        read() {
          this.push(`${Object.keys(VALID).join(',')}\n`);
          this.destroy(failure);
        },
      });

      await expect(readAll(body)).rejects.toBe(failure);
    });
  });

  describe('gzip', () => {
    it('detects gzip by its magic bytes, whatever the name', async () => {
      const gzipped = gzipSync(fs.readFileSync(FIXTURE));

      expect([...gzipped.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
      await expect(readAll(bodyOf(gzipped))).resolves.toEqual(
        await fixtureRows(),
      );
    });

    it('detects gzip when its first bytes arrive in separate chunks', async () => {
      const gzipped = gzipSync(fs.readFileSync(FIXTURE));
      const byteByByte = Readable.from(
        [...gzipped].map(byte => Buffer.from([byte])),
      );

      await expect(readAll(byteByByte)).resolves.toHaveLength(29);
    });

    it('reports a truncated gzip file as bad input', async () => {
      const gzipped = gzipSync(fs.readFileSync(FIXTURE));

      await expect(
        readAll(bodyOf(gzipped.subarray(0, gzipped.length / 2))),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(
          /^The file starts like gzip but is not valid gzip/,
        ),
      });
    });

    it('reads a body of strings as well as one of bytes', async () => {
      const lines = fs.readFileSync(FIXTURE, 'utf8').split(/(?<=\n)/);

      await expect(readAll(Readable.from(lines))).resolves.toHaveLength(29);
    });
  });

  describe('streaming', () => {
    it('reads the same rows wherever the chunks of the body end', async () => {
      // CRLF line ends, quoted Tags, and a name whose UTF-8 bytes a chunk
      // end can split.
      const fixture = fs.readFileSync(FIXTURE);
      const columns = fixture.toString('utf8').split('\r\n')[0].split(',');
      const cells: Record<string, string> = {
        ...VALID,
        ServiceName: 'さくらのクラウド',
        Tags: '{"service":"帳票"}',
      };
      const last = columns.map(column => quote(cells[column] ?? '')).join(',');
      const file = Buffer.concat([fixture, Buffer.from(`${last}\r\n`)]);
      const whole = await readAll(bodyOf(file));

      expect(whole).toHaveLength(30);
      expect(whole[29]).toMatchObject({
        serviceName: 'さくらのクラウド',
        tags: { service: '帳票' },
      });
      for (const size of [1, 2, 3, 7, 64, 1000]) {
        const chunks: Buffer[] = [];
        for (let at = 0; at < file.length; at += size) {
          chunks.push(file.subarray(at, at + size));
        }
        await expect(readAll(Readable.from(chunks))).resolves.toEqual(whole);
      }
    });

    it('reads a byte stream a mebibyte ahead, not the 64 KiB a file stream holds by default', async () => {
      const body = fs.createReadStream(FIXTURE);
      expect(body.readableHighWaterMark).toBe(64 * 1024);
      const rows = readFocusCsv(body);
      await rows.next();
      expect(body.readableHighWaterMark).toBeGreaterThanOrEqual(1024 * 1024);
      await rows.return!();
    });

    it('closes the body when the caller stops early', async () => {
      const body = Readable.from(
        (function* chunks() {
          yield `${Object.keys(VALID).join(',')}\n`;
          for (;;) {
            yield `${Object.values(VALID).join(',')}\n`;
          }
        })(),
      );

      let read = 0;
      for await (const _row of readFocusCsv(body)) {
        read += 1;
        if (read === 3) {
          break;
        }
      }

      expect(read).toBe(3);
      expect(body.destroyed).toBe(true);
    });

    it("reads each row's own dates and tags when a file repeats them, and past the distinct values it remembers", async () => {
      // Rows with the same cells share what was read once; past 4,096
      // distinct values the reader starts over, still reading every row right.
      const DISTINCT = 5_000;
      const rows = Array.from({ length: DISTINCT * 2 }, (_, i) => {
        const n = i % DISTINCT;
        const start = Date.UTC(2025, 0, 1) + n * 3_600_000;
        return {
          ...VALID,
          ChargePeriodStart: new Date(start).toISOString(),
          ChargePeriodEnd: new Date(start + 3_600_000).toISOString(),
          Tags: JSON.stringify({
            service: `svc-${n}`,
            team: n % 2 ? 'a' : 'b',
          }),
        };
      });

      const read = await readAll(bodyOf(csvOf(rows)));

      expect(read).toHaveLength(DISTINCT * 2);
      for (const i of [0, 4_095, 4_096, 4_999, 5_000, 9_999]) {
        const n = i % DISTINCT;
        expect(read[i].chargePeriodStart.toISOString()).toBe(
          rows[i].ChargePeriodStart,
        );
        expect(read[i].chargePeriodEnd.getTime()).toBe(
          Date.UTC(2025, 0, 1) + (n + 1) * 3_600_000,
        );
        expect(read[i].tags).toEqual({
          service: `svc-${n}`,
          team: n % 2 ? 'a' : 'b',
        });
      }
      // Each row has its own Date: changing one changes no other row.
      read[0].chargePeriodStart.setTime(0);
      expect(read[DISTINCT].chargePeriodStart.toISOString()).toBe(
        rows[DISTINCT].ChargePeriodStart,
      );
    });

    it('reads 200,000 rows in bounded memory', async () => {
      // gc() lets the test measure what is retained, not garbage not yet
      // collected. Keeping these rows in an array instead retains about
      // 125 MB, and fails this test.
      v8.setFlagsFromString('--expose-gc');
      const gc: () => void = vm.runInNewContext('gc');
      const ROWS = 200_000;
      function* generated() {
        yield 'BillingAccountId,BilledCost,BillingCurrency,ChargeCategory,ChargePeriodEnd,ChargePeriodStart,EffectiveCost,ResourceId,ServiceName,SubAccountId,Tags\n';
        for (let i = 0; i < ROWS; i++) {
          const day = 1 + (i % 28);
          const start = `2025-01-${String(day).padStart(2, '0')}T00:00:00Z`;
          const end = `2025-01-${String(day + 1).padStart(2, '0')}T00:00:00Z`;
          const id = i.toString(16).padStart(17, '0');
          yield `123456789012,${
            i / 7
          },USD,Usage,${end},${start},0.${i},arn:aws:ec2:ap-northeast-1:210987654321:instance/i-${id},Amazon Elastic Compute Cloud,210987654321,"{""service"":""svc-${
            i % 50
          }"",""env"":""prod""}"\n`;
        }
      }

      gc();
      const before = process.memoryUsage().heapUsed;
      let growth = 0;
      let rows = 0;
      for await (const _row of readFocusCsv(Readable.from(generated()))) {
        rows += 1;
        if (rows % 20_000 === 0) {
          gc();
          growth = Math.max(growth, process.memoryUsage().heapUsed - before);
        }
      }

      expect(rows).toBe(ROWS);
      expect(growth).toBeLessThan(50 * 1024 * 1024);
    }, 120_000);
  });
});
