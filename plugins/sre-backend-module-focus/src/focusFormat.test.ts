import type { CostRow } from '@baton/plugin-sre-node';
import fs from 'fs';
import path from 'path';
import { Readable } from 'stream';
import { gzipSync } from 'zlib';
import { focusCostFileFormat } from './focusFormat';

describe('focusCostFileFormat', () => {
  it('is the `focus` format and reads a gzip-compressed upload', async () => {
    const file = fs.readFileSync(
      path.join(
        __dirname,
        '__fixtures__',
        'focus-1.0-aws-mackerel-2025-01.csv',
      ),
    );
    const rows: CostRow[] = [];

    for await (const row of focusCostFileFormat.read(
      Readable.from([gzipSync(file)]),
    )) {
      rows.push(row);
    }

    expect(focusCostFileFormat.id).toBe('focus');
    expect(rows).toHaveLength(29);
  });
});
