import type { CostRow } from '@baton/plugin-sre-node';
import { Readable } from 'stream';
import { FocusCsvReadOptions, readFocusCsv } from './FocusCsvReader';
import { chunkCounts, liveChunkWorkers } from './FocusCsvChunks';

// Files bigger than one piece, read by worker threads with tiny pieces,
// against the same files read on the calling thread alone (workers: 0).

const HEADER =
  'BilledCost,EffectiveCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ServiceName,ServiceCategory,ResourceId,SubAccountId,Tags';

/** A data row; `cells` replaces cells by column name, already CSV-quoted where needed. */
function line(i: number, cells: Partial<Record<string, string>> = {}): string {
  const day = 1 + (i % 28);
  const values: Partial<Record<string, string>> = {
    BilledCost: `${i}.${i % 97}`,
    EffectiveCost: `${(i * 7) % 1000}.0001`,
    BillingCurrency: i % 10 === 0 ? 'JPY' : 'USD',
    ChargePeriodStart: `2025-01-${String(day).padStart(2, '0')}T00:00:00Z`,
    ChargePeriodEnd: `2025-01-${String(day + 1).padStart(2, '0')}T00:00:00Z`,
    ChargeCategory: i % 50 === 0 ? 'Credit' : 'Usage',
    // Multi-byte text: a piece cut never splits a character.
    ServiceName: i % 3 === 0 ? 'さくらのクラウド' : `Service ${i % 7}`,
    ServiceCategory: i % 11 === 0 ? '' : 'Compute',
    ResourceId: i % 5 === 0 ? 'NULL' : `arn:aws:ec2:r:1:instance/i-${i}`,
    SubAccountId: `${100 + (i % 4)}`,
    Tags:
      i % 9 === 0 ? '' : `"{""service"":""svc-${i % 13}"",""env"":""prod""}"`,
    ...cells,
  };
  return HEADER.split(',')
    .map(column => values[column])
    .join(',');
}

function fileOf(lines: string[], eol = '\n'): Buffer {
  return Buffer.from(`${[HEADER, ...lines].join(eol)}${eol}`);
}

/** The body in chunks of `size` bytes, as a file or upload arrives. */
function bodyOf(file: Buffer, size = 1000): Readable {
  const chunks: Buffer[] = [];
  for (let at = 0; at < file.length; at += size) {
    chunks.push(file.subarray(at, at + size));
  }
  return Readable.from(chunks);
}

const WORKERS: FocusCsvReadOptions = { workers: 2, chunkBytes: 2048 };

async function readAll(
  file: Buffer,
  options: FocusCsvReadOptions,
): Promise<{ rows: CostRow[]; error?: unknown; workersSeen: number }> {
  const rows: CostRow[] = [];
  let workersSeen = 0;
  try {
    for await (const row of readFocusCsv(bodyOf(file), options)) {
      rows.push(row);
      workersSeen = Math.max(workersSeen, liveChunkWorkers());
    }
  } catch (error) {
    return { rows, error, workersSeen };
  }
  return { rows, workersSeen };
}

async function noWorkersLeft(): Promise<void> {
  for (let i = 0; i < 200 && liveChunkWorkers() > 0; i++) {
    await new Promise(resolve => setTimeout(resolve, 25));
  }
  expect(liveChunkWorkers()).toBe(0);
}

const rows = (
  n: number,
  cells?: (i: number) => Partial<Record<string, string>>,
) => Array.from({ length: n }, (_, i) => line(i + 1, cells?.(i + 1)));

describe('readFocusCsv with worker threads', () => {
  afterEach(noWorkersLeft);

  it('reads a file of many pieces into the same rows as the calling thread alone', async () => {
    const file = fileOf(rows(3000));

    const alone = await readAll(file, { workers: 0, chunkBytes: 2048 });
    const before = { ...chunkCounts };
    const threaded = await readAll(file, WORKERS);

    // Most pieces were read by workers, none again here.
    expect(chunkCounts.fromWorkers - before.fromWorkers).toBeGreaterThan(100);
    expect(chunkCounts.readAgain).toBe(before.readAgain);
    expect(alone.error).toBeUndefined();
    expect(threaded.error).toBeUndefined();
    expect(threaded.workersSeen).toBeGreaterThan(0);
    expect(threaded.rows).toHaveLength(3000);
    expect(threaded.rows).toEqual(alone.rows);
    expect(threaded.rows[2]).toEqual({
      chargePeriodStart: new Date('2025-01-04T00:00:00Z'),
      chargePeriodEnd: new Date('2025-01-05T00:00:00Z'),
      billedCost: '3.3',
      effectiveCost: '21.0001',
      billingCurrency: 'USD',
      chargeCategory: 'Usage',
      serviceName: 'さくらのクラウド',
      serviceCategory: 'Compute',
      resourceId: 'arn:aws:ec2:r:1:instance/i-3',
      subAccountId: '103',
      tags: { service: 'svc-3', env: 'prod' },
    });
    // Each row its own Dates, as on the calling thread.
    expect(threaded.rows[0].chargePeriodStart).not.toBe(
      threaded.rows[1].chargePeriodStart,
    );
  });

  it.each([
    ['CRLF', '\r\n'],
    ['CR alone', '\r'],
  ])('reads %s line ends the same way', async (_name, eol) => {
    const file = fileOf(rows(1500), eol);

    const alone = await readAll(file, { workers: 0 });
    const threaded = await readAll(file, WORKERS);

    expect(threaded.error).toBeUndefined();
    expect(threaded.workersSeen).toBeGreaterThan(0);
    expect(threaded.rows).toEqual(alone.rows);
  });

  it('reads a quoted field with line breaks wherever a piece is cut in it', async () => {
    // Every 40th ServiceName holds line breaks; with pieces of these sizes
    // cuts land inside some of them.
    const file = fileOf(
      rows(1200, i =>
        i % 40 === 0
          ? { ServiceName: `"first line\nsecond, ""quoted""\n${i}"` }
          : {},
      ),
    );
    const alone = await readAll(file, { workers: 0 });

    expect(alone.rows[39].serviceName).toBe('first line\nsecond, "quoted"\n40');
    const before = { ...chunkCounts };
    for (const chunkBytes of [700, 1111, 1500, 2048, 3001]) {
      const threaded = await readAll(file, { workers: 2, chunkBytes });

      expect(threaded.error).toBeUndefined();
      expect(threaded.rows).toEqual(alone.rows);
    }
    // Some cuts were inside the quotes: those pieces were read again here.
    expect(chunkCounts.readAgain).toBeGreaterThan(before.readAgain);
    expect(chunkCounts.fromWorkers).toBeGreaterThan(before.fromWorkers);
  });

  it('names the absolute row and line of a bad cell in a later piece, after the rows before it', async () => {
    const file = fileOf(
      rows(2000, i => (i === 1500 ? { ChargePeriodEnd: 'soon' } : {})),
    );

    const alone = await readAll(file, { workers: 0 });
    const threaded = await readAll(file, WORKERS);

    expect(threaded.error).toMatchObject({
      name: 'InputError',
      row: 1500,
      column: 'ChargePeriodEnd',
      message: expect.stringMatching(
        /^row 1500, column ChargePeriodEnd: 'soon'/,
      ),
    });
    expect((threaded.error as Error).message).toBe(
      (alone.error as Error).message,
    );
    expect(threaded.rows).toHaveLength(1499);
    expect(threaded.rows).toEqual(alone.rows);
  });

  it('reports the first of two bad pieces, whichever worker finishes first', async () => {
    // Pieces of about 30 rows: those of rows 101 and 175 are on workers at
    // the same time.
    const file = fileOf(
      rows(2000, i => {
        if (i === 175) return { BilledCost: 'abc' };
        if (i === 101) return { EffectiveCost: '' };
        return {};
      }),
    );

    const threaded = await readAll(file, { workers: 2, chunkBytes: 4096 });

    expect(threaded.error).toMatchObject({
      row: 101,
      column: 'EffectiveCost',
    });
    expect(threaded.rows).toHaveLength(100);
  });

  it('reports a CSV syntax error in a later piece with its absolute row and line', async () => {
    const lines = rows(2000);
    lines[1700] = lines[1700].replace('Usage', 'Us"age');
    const file = fileOf(lines);

    const alone = await readAll(file, { workers: 0 });
    const threaded = await readAll(file, WORKERS);

    expect(threaded.error).toMatchObject({
      name: 'InputError',
      row: 1701,
      line: 1702,
      message: expect.stringContaining('Invalid Opening Quote'),
    });
    expect((threaded.error as Error).message).toBe(
      (alone.error as Error).message,
    );
    expect(threaded.rows).toHaveLength(1700);
  });

  it('ends its workers when the caller stops early, without waiting for the rest', async () => {
    const body = Readable.from(
      (function* chunks() {
        yield `${HEADER}\n`;
        for (let i = 1; ; i++) yield `${line(i)}\n`;
      })(),
    );

    let read = 0;
    let workersSeen = 0;
    for await (const _row of readFocusCsv(body, WORKERS)) {
      read += 1;
      workersSeen = Math.max(workersSeen, liveChunkWorkers());
      if (read === 5000) break;
    }

    expect(read).toBe(5000);
    expect(workersSeen).toBeGreaterThan(0);
    expect(body.destroyed).toBe(true);
    await noWorkersLeft();
  });

  it('ends its workers after a bad row', async () => {
    const file = fileOf(
      rows(3000, i => (i === 2500 ? { BillingCurrency: 'dollars' } : {})),
    );

    const threaded = await readAll(file, WORKERS);

    expect(threaded.error).toMatchObject({ row: 2500 });
    await noWorkersLeft();
  });
});
