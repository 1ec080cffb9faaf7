import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { CostBatch, CostRow } from '@baton/plugin-sre-node';
import fs from 'fs';
import path from 'path';
import { gzipSync } from 'zlib';
import { FocusFileCostSource } from './FocusFileCostSource';

const HEADER =
  'BilledCost,EffectiveCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ServiceName';
const fileOf = (...rows: string[]) => [HEADER, ...rows].join('\n');
const row = (cost: string, service: string) =>
  `${cost},${cost},USD,2025-01-01T00:00:00Z,2025-01-02T00:00:00Z,${service}`;

const PULL = {
  finalDays: new Set<string>(),
  now: new Date('2025-01-05T00:00:00Z'),
};

async function pullAll(source: FocusFileCostSource): Promise<CostBatch[]> {
  const batches: CostBatch[] = [];
  for await (const batch of source.pull(PULL)) {
    batches.push(batch);
  }
  return batches;
}

async function costsOf(rows: AsyncIterable<CostRow>): Promise<string[]> {
  const costs: string[] = [];
  for await (const { billedCost, serviceName } of rows) {
    costs.push(`${serviceName}=${billedCost}`);
  }
  return costs;
}

describe('FocusFileCostSource', () => {
  const mockDir = createMockDirectory();

  beforeEach(() => {
    mockDir.clear();
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('yields one batch of every file: .csv, .csv.gz and .parquet files of a folder by name, then a configured file', async () => {
    mockDir.setContent({
      exports: {
        'focus-2025-02.csv': fileOf(row('2', 'Amazon Simple Storage Service')),
        'focus-2025-01.csv.gz': gzipSync(
          fileOf(row('1', 'Amazon Elastic Compute Cloud')),
        ),
        // Named .parquet, but CSV inside: the content tells the format.
        'part-00000.snappy.parquet': fileOf(row('3', 'Amazon Athena')),
        'README.txt': 'not a cost file',
        'older.csv': {}, // a folder named like a file
        archive: { 'focus-2024-12.csv': fileOf(row('9', 'ignored')) },
      },
      'saas-2025-01.csv': fileOf(row('300', 'Mackerel')),
    });
    const paths = [
      mockDir.resolve('exports'),
      mockDir.resolve('saas-2025-01.csv'),
    ];
    const source = new FocusFileCostSource({
      paths,
      logger: mockServices.logger.mock(),
    });

    const batches = await pullAll(source);

    expect(batches).toEqual([
      {
        origin: `FOCUS files in ${paths.join(', ')}`,
        fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
        rows: expect.anything(),
      },
    ]);
    expect(batches[0].period).toBeUndefined();
    await expect(costsOf(batches[0].rows)).resolves.toEqual([
      'Amazon Elastic Compute Cloud=1',
      'Amazon Simple Storage Service=2',
      'Amazon Athena=3',
      'Mackerel=300',
    ]);
  });

  it('changes the fingerprint when a file is added, changed or removed, and only then', async () => {
    mockDir.setContent({ 'a.csv': fileOf(row('1', 'EC2')) });
    const source = new FocusFileCostSource({
      paths: [mockDir.path],
      logger: mockServices.logger.mock(),
    });
    const fingerprint = async () => (await pullAll(source))[0]?.fingerprint;

    const first = await fingerprint();
    expect(await fingerprint()).toBe(first);
    mockDir.addContent({ 'b.csv': fileOf(row('2', 'RDS')) });
    const added = await fingerprint();
    expect(added).not.toBe(first);
    mockDir.addContent({ 'b.csv': fileOf(row('2', 'RDS'), row('3', 'S3')) });
    const changed = await fingerprint();
    expect(changed).not.toBe(added);
    fs.rmSync(mockDir.resolve('a.csv'));
    const removed = await fingerprint();
    expect([first, added, changed]).not.toContain(removed);
    fs.rmSync(mockDir.resolve('b.csv'));
    // No file at all: no batch, so nothing stored is replaced.
    await expect(pullAll(source)).resolves.toEqual([]);
  });

  it('warns about a missing path and reads the others', async () => {
    mockDir.setContent({ 'a.csv': fileOf(row('1', 'EC2')) });
    const logger = mockServices.logger.mock();
    const missing = mockDir.resolve('not-mounted');
    const source = new FocusFileCostSource({
      id: 'finops-exports',
      paths: [missing, mockDir.resolve('a.csv')],
      logger,
    });

    const batches = await pullAll(source);

    expect(batches).toHaveLength(1);
    await expect(costsOf(batches[0].rows)).resolves.toEqual(['EC2=1']);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      `FOCUS cost source 'finops-exports': ${missing} does not exist; skipped`,
    );
  });

  it('opens a file only when its rows are read, and again each time', async () => {
    mockDir.setContent({ 'a.csv': fileOf(row('1', 'EC2')) });
    const source = new FocusFileCostSource({
      paths: [mockDir.path],
      logger: mockServices.logger.mock(),
    });

    const [batch] = await pullAll(source);
    // Changed after the pull: the batch sees what the file holds when read.
    mockDir.addContent({ 'a.csv': fileOf(row('1', 'EC2'), row('2', 'RDS')) });

    await expect(costsOf(batch.rows)).resolves.toEqual(['EC2=1', 'RDS=2']);
    fs.rmSync(mockDir.resolve('a.csv'));
    await expect(costsOf(batch.rows)).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  it("passes a bad row's InputError on with the file, its row and column", async () => {
    mockDir.setContent({
      'a.csv': fileOf(row('1', 'EC2'), row('one', 'EC2')),
    });
    const [batch] = await pullAll(
      new FocusFileCostSource({
        paths: [mockDir.path],
        logger: mockServices.logger.mock(),
      }),
    );

    await expect(costsOf(batch.rows)).rejects.toMatchObject({
      name: 'InputError',
      row: 2,
      column: 'BilledCost',
      message: `${mockDir.resolve(
        'a.csv',
      )}: row 2, column BilledCost: 'one' is not a number`,
    });
  });

  it('reads a file named both directly and through its folder once', async () => {
    mockDir.setContent({ 'a.csv': fileOf(row('1', 'EC2')) });
    const source = new FocusFileCostSource({
      paths: [mockDir.resolve('a.csv'), mockDir.path],
      logger: mockServices.logger.mock(),
    });

    const batches = await pullAll(source);
    expect(batches).toHaveLength(1);
    await expect(costsOf(batches[0].rows)).resolves.toEqual(['EC2=1']);
  });

  it('reads its id and paths from config, resolving relative paths from the working directory', async () => {
    mockDir.setContent({ exports: { 'a.csv': fileOf(row('1', 'EC2')) } });
    jest.spyOn(process, 'cwd').mockReturnValue(mockDir.path);

    const source = FocusFileCostSource.fromConfig(
      new ConfigReader({
        sre: { focus: { paths: ['exports'], sourceId: 'focus-aws' } },
      }),
      { logger: mockServices.logger.mock() },
    );
    const defaulted = FocusFileCostSource.fromConfig(
      new ConfigReader({ sre: { focus: { paths: ['exports'] } } }),
      { logger: mockServices.logger.mock() },
    );

    expect(source.id).toBe('focus-aws');
    expect(defaulted.id).toBe('focus');
    await expect(pullAll(source)).resolves.toEqual([
      expect.objectContaining({
        origin: `FOCUS files in ${path.join(mockDir.path, 'exports')}`,
      }),
    ]);
  });
});
