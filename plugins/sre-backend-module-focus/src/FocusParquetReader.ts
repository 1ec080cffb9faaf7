import type { CostRow } from '@baton/plugin-sre-node';
import {
  type AsyncBuffer,
  type FileMetaData,
  type SchemaElement,
  parquetMetadataAsync,
  parquetRead,
  parquetSchema,
} from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { FileHandle } from 'fs/promises';
import {
  FOCUS_COLUMNS,
  ReadCache,
  SLOT,
  inputError,
  readHeader,
  readRow,
} from './focusRow';

/** "PAR1": the first (and last) four bytes of a Parquet file. */
export const PARQUET_MAGIC = Buffer.from('PAR1', 'ascii');

/** Reads of a file on disk for hyparquet, through one open handle. */
export function fileAsyncBuffer(handle: FileHandle, size: number): AsyncBuffer {
  return {
    byteLength: size,
    async slice(start: number, end = size) {
      const length = Math.max(0, Math.min(end, size) - start);
      const bytes = new Uint8Array(length);
      let read = 0;
      while (read < length) {
        const { bytesRead } = await handle.read(
          bytes,
          read,
          length - read,
          start + read,
        );
        if (bytesRead === 0) break;
        read += bytesRead;
      }
      return bytes.buffer;
    },
  };
}

/** A decimal column's scale: its unscaled integers are read exactly, not as floats. */
function decimalScale(element: SchemaElement): number | undefined {
  if (element.logical_type?.type === 'DECIMAL') {
    return element.logical_type.scale;
  }
  return element.converted_type === 'DECIMAL' ? element.scale ?? 0 : undefined;
}

/** An unscaled decimal integer (INT32, INT64, or big-endian two's complement bytes). */
function unscaledOf(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return BigInt(value);
  if (value instanceof Uint8Array) {
    if (value.length === 0) return 0n;
    let result = 0n;
    for (const byte of value) result = (result << 8n) | BigInt(byte);
    // The sign bit of the first byte.
    return value[0] & 0x80 ? result - (1n << BigInt(value.length * 8)) : result;
  }
  return undefined;
}

/** An unscaled integer and its scale as exact decimal text: (-12345, 3) is "-12.345". */
export function decimalText(unscaled: bigint, scale: number): string {
  const sign = unscaled < 0n ? '-' : '';
  let digits = (unscaled < 0n ? -unscaled : unscaled).toString();
  if (scale <= 0) return `${sign}${digits}${'0'.repeat(-scale)}`;
  digits = digits.padStart(scale + 1, '0');
  return `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/**
 * The file's metadata with the used DECIMAL columns' annotations removed, so
 * that hyparquet hands over their unscaled integers instead of dividing
 * them into floats (which would lose cents on large amounts), and the scale
 * of each such column.
 */
function withExactDecimals(metadata: FileMetaData): {
  metadata: FileMetaData;
  scales: Map<string, number>;
  bytesDecimals: boolean;
} {
  const scales = new Map<string, number>();
  let bytesDecimals = false;
  const used = new Set<string>(FOCUS_COLUMNS);
  const topLevel = new Set(
    parquetSchema(metadata).children.map(child => child.element),
  );
  const schema = metadata.schema.map(element => {
    const scale = decimalScale(element);
    if (
      scale === undefined ||
      !topLevel.has(element) ||
      !used.has(element.name)
    ) {
      return element;
    }
    scales.set(element.name, scale);
    bytesDecimals ||= element.type === 'BYTE_ARRAY';
    const {
      converted_type: _converted,
      logical_type: _logical,
      ...plain
    } = element;
    return plain;
  });
  return { metadata: { ...metadata, schema }, scales, bytesDecimals };
}

type ColumnChunks = Array<{ start: number; data: ArrayLike<unknown> }>;

/**
 * A column's value by row index within its row group, from the chunks
 * hyparquet read (by their absolute first row); decimals as exact text.
 */
function columnReader(
  chunks: ColumnChunks,
  groupStart: number,
  scale: number | undefined,
): (index: number) => unknown {
  const parts = [...chunks].sort((a, b) => a.start - b.start);
  const valueAt = (index: number): unknown => {
    const absolute = groupStart + index;
    for (const part of parts) {
      if (absolute >= part.start && absolute < part.start + part.data.length) {
        return part.data[absolute - part.start];
      }
    }
    return undefined;
  };
  if (scale === undefined) return valueAt;
  return index => {
    const unscaled = unscaledOf(valueAt(index));
    return unscaled === undefined ? undefined : decimalText(unscaled, scale);
  };
}

/** A hyparquet failure is a bad file; an error of the file itself (EIO, …) passes through. */
function asInputError(error: unknown): unknown {
  if (
    error instanceof Error &&
    !(error as NodeJS.ErrnoException).code &&
    error.name !== 'InputError'
  ) {
    return inputError(
      `The file starts like Parquet but is not a valid Parquet file: ${error.message}`,
      {},
      error,
    );
  }
  return error;
}

/**
 * Reads a FOCUS file in Parquet (as AWS Data Exports and Azure Cost
 * Management write it, uncompressed or with snappy, gzip, zstd, brotli or
 * lz4 pages), one row group at a time and only the columns Baton uses, so a
 * large file never sits in memory whole. Same rows and errors as the CSV
 * reader; DECIMAL amounts are read exactly, DOUBLE ones as the shortest
 * decimal that round-trips (what the exporter's CSV would have written).
 */
export async function* readFocusParquet(
  file: AsyncBuffer,
): AsyncGenerator<CostRow, void, undefined> {
  let fileMetadata: FileMetaData;
  try {
    fileMetadata = await parquetMetadataAsync(file);
  } catch (error) {
    throw asInputError(error);
  }
  const names = parquetSchema(fileMetadata).children.map(
    child => child.element.name,
  );
  const positions = readHeader(names);
  const columns = [...positions.keys()];
  const { metadata, scales, bytesDecimals } = withExactDecimals(fileMetadata);
  const cache = new ReadCache();
  let groupStart = 0;
  let row = 0;
  for (const group of metadata.row_groups) {
    const groupRows = Number(group.num_rows);
    const chunks = new Map<string, ColumnChunks>();
    try {
      await parquetRead({
        file,
        metadata,
        columns,
        rowStart: groupStart,
        rowEnd: groupStart + groupRows,
        compressors,
        // Plain BYTE_ARRAY decimals must stay bytes; text columns are
        // annotated as strings and still decode.
        utf8: !bytesDecimals,
        onChunk: ({ columnName, columnData, rowStart }) => {
          const list = chunks.get(columnName) ?? [];
          list.push({ start: rowStart, data: columnData });
          chunks.set(columnName, list);
        },
      });
    } catch (error) {
      throw asInputError(error);
    }
    const start = groupStart;
    const readers = columns.map(column => ({
      slot: SLOT[column],
      read: columnReader(chunks.get(column) ?? [], start, scales.get(column)),
    }));
    const cells = new Array<unknown>(FOCUS_COLUMNS.length).fill(undefined);
    for (let index = 0; index < groupRows; index++) {
      row += 1;
      for (const { slot, read } of readers) cells[slot] = read(index);
      yield readRow(cells, row, cache);
    }
    groupStart += groupRows;
  }
}
