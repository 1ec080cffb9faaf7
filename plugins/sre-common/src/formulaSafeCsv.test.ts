import { formulaSafeCsv, formulaSafeCsvCell } from './formulaSafeCsv';

describe('formulaSafeCsvCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['plain 1-2', 'plain 1-2'],
    [null, ''],
  ])('writes %j as %j', (value, cell) => {
    expect(formulaSafeCsvCell(value)).toBe(cell);
  });

  it.each([
    ['\uFF1D1+1', "'\uFF1D1+1"],
    ['line\nbreak', '"line\nbreak"'],
    [undefined, ''],
    [-5, '-5'],
    [80, '80'],
  ])('also writes %j as %j', (value, cell) => {
    expect(formulaSafeCsvCell(value)).toBe(cell);
  });
});

describe('formulaSafeCsv', () => {
  it('ends every row with the line end, an empty row as a blank line', () => {
    const rows = [['a', null, '=b'], [], ['c']];
    expect(formulaSafeCsv(rows)).toBe("a,,'=b\n\nc\n");
    expect(formulaSafeCsv(rows, { lineEnd: '\r\n' })).toBe(
      "a,,'=b\r\n\r\nc\r\n",
    );
    expect(formulaSafeCsv([])).toBe('');
  });
});
