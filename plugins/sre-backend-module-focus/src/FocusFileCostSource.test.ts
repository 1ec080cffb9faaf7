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

  it('yields one batch per file: .csv and .csv.gz files of a folder by name, then a configured file', async () => {
    mockDir.setContent({
      exports: {
        'focus-2025-02.csv': fileOf(row('2', 'Amazon Simple Storage Service')),
        'focus-2025-01.csv.gz': gzipSync(
          fileOf(row('1', 'Amazon Elastic Compute Cloud')),
        ),
        'README.txt': 'not a cost file',
        'older.csv': {}, // a folder named like a file
        archive: { 'focus-2024-12.csv': fileOf(row('9', 'ignored')) },
      },
      'saas-2025-01.csv': fileOf(row('300', 'Mackerel')),
    });
    const source = new FocusFileCostSource({
      paths: [mockDir.resolve('exports'), mockDir.resolve('saas-2025-01.csv')],
      logger: mockServices.logger.mock(),
    });

    const batches = await pullAll(source);

    const files = [
      mockDir.resolve('exports/focus-2025-01.csv.gz'),
      mockDir.resolve('exports/focus-2025-02.csv'),
      mockDir.resolve('saas-2025-01.csv'),
    ];
    expect(batches).toEqual(
      files.map(file => {
        const stats = fs.statSync(file);
        return {
          origin: file,
          fingerprint: `${stats.size}:${stats.mtimeMs}`,
          rows: expect.anything(),
        };
      }),
    );
    expect(batches.every(batch => batch.period === undefined)).toBe(true);
    await expect(
      Promise.all(batches.map(batch => costsOf(batch.rows))),
    ).resolves.toEqual([
      ['Amazon Elastic Compute Cloud=1'],
      ['Amazon Simple Storage Service=2'],
      ['Mackerel=300'],
    ]);
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

    expect(batches.map(batch => batch.origin)).toEqual([
      mockDir.resolve('a.csv'),
    ]);
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

  it("passes a bad row's InputError on with its row and column", async () => {
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
    });
  });

  it('reads a file named both directly and through its folder once', async () => {
    mockDir.setContent({ 'a.csv': fileOf(row('1', 'EC2')) });
    const source = new FocusFileCostSource({
      paths: [mockDir.resolve('a.csv'), mockDir.path],
      logger: mockServices.logger.mock(),
    });

    await expect(pullAll(source)).resolves.toHaveLength(1);
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
        origin: path.join(mockDir.path, 'exports', 'a.csv'),
      }),
    ]);
  });
});
