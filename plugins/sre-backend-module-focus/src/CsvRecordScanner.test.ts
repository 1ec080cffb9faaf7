import { CsvRecordScanner, CsvSyntaxError } from './CsvRecordScanner';

/** Every record of `pieces` (appended one by one) with every field kept, and the scanner's line count. */
function scan(pieces: string[]): { records: string[][]; lines: number } {
  const scanner = new CsvRecordScanner();
  const records: string[][] = [];
  const take = (final: boolean) => {
    while (scanner.next(final)) {
      records.push([...(scanner.cells as string[])]);
    }
  };
  for (const piece of pieces) {
    scanner.append(piece);
    take(false);
  }
  take(true);
  return { records, lines: scanner.lines };
}

/** The text cut at every position into two pieces, and into one-character pieces. */
function cuts(text: string): string[][] {
  const all = [[text], [...text]];
  for (let at = 1; at < text.length; at++) {
    all.push([text.slice(0, at), text.slice(at)]);
  }
  return all;
}

function thrown(pieces: string[]): CsvSyntaxError {
  try {
    scan(pieces);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return error;
    throw error;
  }
  throw new Error('no CsvSyntaxError');
}

describe('CsvRecordScanner', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR alone', '\r'],
  ])(
    'reads the same records with %s line ends wherever the text is cut',
    (_name, eol) => {
      const text = [
        'a,b,c',
        '1,"two, with a comma",3',
        '"say ""hi""",,"x"',
        '"line one',
        'line two",5,6',
        '',
        'last,row,here',
      ].join(eol);
      const expected = [
        ['a', 'b', 'c'],
        ['1', 'two, with a comma', '3'],
        ['say "hi"', '', 'x'],
        [`line one${eol}line two`, '5', '6'],
        ['last', 'row', 'here'],
      ];

      for (const pieces of cuts(text)) {
        expect(scan(pieces)).toEqual({ records: expected, lines: 7 });
      }
      expect(scan([`${text}${eol}`]).records).toEqual(expected);
    },
  );

  it('skips a byte order mark and empty lines, also at the end', () => {
    expect(scan(['\uFEFFa,b\n\n1,2\r\n\r\n\n']).records).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps only the columns asked for, in their slots', () => {
    const scanner = new CsvRecordScanner();
    scanner.append('x,a,y,b\n1,"A""",2,B\n');
    expect(scanner.next(false)).toBe(true);
    scanner.read([-1, 1, -1, 0], 3);
    expect(scanner.next(false)).toBe(true);
    expect(scanner.cells).toEqual(['B', 'A"', undefined]);
    expect(scanner.next(true)).toBe(false);
  });

  it('leaves the doubled quotes of the slot it is told to, and says so', () => {
    const scanner = new CsvRecordScanner();
    scanner.append('t,u\n"{""a"":1}","{""b"":2}"\n"{}",x\n');
    scanner.next(false);
    scanner.read([0, 1], 2, 0);
    scanner.next(false);
    expect(scanner.cells).toEqual(['{""a"":1}', '{"b":2}']);
    expect(scanner.escaped).toBe(true);
    scanner.next(false);
    expect(scanner.cells).toEqual(['{}', 'x']);
    expect(scanner.escaped).toBe(false);
  });

  it('names the line of a record with too few or too many fields', () => {
    const error = thrown(['a,b\n1,2\n"x\ny",2,3\n']);

    expect(error.message).toBe(
      'Invalid Record Length: expect 2, got 3 on line 4',
    );
    expect(error.line).toBe(4);
  });

  it('rejects a quote inside an unquoted cell and text after a closing quote', () => {
    expect(thrown(['a,b\n1,x"y\n']).message).toMatch(
      /^Invalid Opening Quote: a quote is found on field 1 at line 2/,
    );
    expect(thrown(['a,b\n1,"x"y\n']).message).toMatch(
      /^Invalid Closing Quote: got "y" at line 2/,
    );
  });

  it('rejects a quote that is never closed, at its line', () => {
    const error = thrown(['a,b\n1,2\n3,"4\n5\n']);

    expect(error.message).toBe(
      'Quote Not Closed: the parsing is finished with an opening quote at line 3',
    );
  });

  it('stops waiting for a record longer than a megabyte', () => {
    const pieces = ['a,b\n', ...Array(20).fill('x'.repeat(64 * 1024))];

    expect(thrown(pieces).message).toMatch(/^Max Record Size: .* at line 2$/);
  });

  it('refuses a record longer than a megabyte that arrives whole, as one that arrives in pieces', () => {
    const long = `1,${'x'.repeat(1024 * 1024)}\n`;

    expect(thrown([`a,b\n${long}`]).message).toMatch(
      /^Max Record Size: .* at line 2$/,
    );
    expect(thrown([`a,b\n`, long]).message).toMatch(
      /^Max Record Size: .* at line 2$/,
    );
  });

  it('reads a later part of a file on its own with the layout of its first record', () => {
    const scanner = new CsvRecordScanner();
    scanner.append('\ufeffa,b,c\r\n1,2,3\r\n');
    expect(scanner.layout()).toBeUndefined();
    expect(scanner.next(false)).toBe(true);
    scanner.read([1, -1, 0], 2);
    expect(scanner.next(false)).toBe(true);
    expect(scanner.pending).toBe(false);
    const layout = scanner.layout()!;
    expect(layout).toEqual({
      eol: '\n',
      fields: 3,
      slots: [1, -1, 0],
      size: 2,
      escapedSlot: -1,
    });

    // A byte order mark is text here: only the file's first bytes have one.
    const later = CsvRecordScanner.continuing(layout);
    later.append('\ufeffx,y,z\r\n"p\r\nq",r,s\r\n7,8,9');
    const records: unknown[] = [];
    while (later.next(false)) records.push([...later.cells]);
    expect(later.pending).toBe(true);
    expect(later.next(true)).toBe(true);
    records.push([...later.cells]);

    expect(records).toEqual([
      ['z', '\ufeffx'],
      ['s', 'p\r\nq'],
      ['9', '7'],
    ]);
    expect(later.records).toBe(3);
    expect(later.lines).toBe(4);
    expect(() => {
      later.append('\n1,2\n');
      later.next(true);
    }).toThrow(/Invalid Record Length: expect 3, got 2 on line 6/);
  });
});
