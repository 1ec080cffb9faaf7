const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** What reading at a position found. */
const READ = 0;
const INCOMPLETE = 1;
const SKIPPED = 2;

/**
 * The longest record the scanner holds before failing: one line (or quoted
 * field) without an end must not buffer a whole file. Real FOCUS rows are a
 * few kB, Tags included.
 */
const MAX_RECORD_CHARACTERS = 1024 * 1024;

/**
 * What a scanner learnt from a file's first record: enough for another
 * scanner to read a later part of the file on its own (see
 * `CsvRecordScanner.continuing`).
 */
export interface CsvLayout {
  /** '\n' (also for CRLF lines) or '\r'. */
  eol: '\n' | '\r';
  /** Fields per record. */
  fields: number;
  slots: number[];
  size: number;
  escapedSlot: number;
}

/** Text that is not CSV (RFC 4180), at a 1-based line of the file. */
export class CsvSyntaxError extends Error {
  readonly line: number;

  constructor(message: string, line: number) {
    super(message);
    this.name = 'CsvSyntaxError';
    this.line = line;
  }
}

/** A cell for an error message, shortened so one huge cell cannot flood a log. */
function shown(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

/**
 * Splits CSV text into records, a record at a time, keeping the text of
 * only the columns asked for. Text arrives in pieces (`append`); a record
 * that a piece ends inside is read again, whole, once more text arrives.
 *
 * It finds field and line ends with `indexOf`, which skips through a line
 * far faster than looking at each character, and copies out (`slice`) only
 * the cells a caller reads: a FOCUS export has dozens of columns, Baton
 * reads eleven. Quoting is RFC 4180 (`""` inside quotes is a quote; quoted
 * cells may hold commas and line breaks); lines end with LF or CRLF, or CR
 * alone when the file's first line does; empty lines are skipped; every
 * record must have as many fields as the first (the header).
 */
export class CsvRecordScanner {
  /** Each record's cells by slot (see `read`); undefined for a column the file does not have. */
  cells: Array<string | undefined> = [];
  /** Whether the last record's cell in the slot `read` keeps escaped still has its quotes doubled (`""`). */
  escaped = false;
  /** Records read so far, the header included. */
  records = 0;
  /** Lines read so far: the 1-based line number of the last record's end. */
  lines = 0;

  #text = '';
  #position = 0;
  /** The next line end at or after #position, or the text's length if none. */
  #lineEnd = -1;
  /** The next quote at or after #position, or the text's length if none. */
  #quote = -1;
  /** '\n' (which also ends CRLF lines), or '\r' for a file of CR-only lines; found on the first line. */
  #eol: '\n' | '\r' | undefined;
  /** Fields per record, set by the first record. */
  #fields = -1;
  /** Where each field's text goes in `cells`, or -1 to skip it; undefined keeps every field. */
  #slots: Int32Array | undefined;
  #escapedSlot = -1;
  #first = true;

  /**
   * A scanner for text that starts at a record boundary after the first
   * record of a file with this layout: no byte order mark is looked for,
   * and `records` and `lines` count from 0 at that boundary.
   */
  static continuing(layout: CsvLayout): CsvRecordScanner {
    const scanner = new CsvRecordScanner();
    scanner.#first = false;
    scanner.#eol = layout.eol;
    scanner.#fields = layout.fields;
    scanner.read(layout.slots, layout.size, layout.escapedSlot);
    return scanner;
  }

  /** The layout once the first record and the line end are known and `read` was called; undefined before. */
  layout(): CsvLayout | undefined {
    const eol = this.#eol;
    if (eol === undefined || this.#fields < 0 || !this.#slots) return undefined;
    return {
      eol,
      fields: this.#fields,
      slots: Array.from(this.#slots),
      size: this.cells.length,
      escapedSlot: this.#escapedSlot,
    };
  }

  /** Whether text of a record not read yet (an incomplete one) is held: false at a record boundary. */
  get pending(): boolean {
    return this.#position < this.#text.length;
  }

  /**
   * From the next record on, keeps the text of field `i` in
   * `cells[slots[i]]` and skips fields whose slot is -1 (or past the end).
   * Until then every field is kept, in file order (for the header). The
   * cell in `escapedSlot` keeps a quoted cell's doubled quotes, with
   * `escaped` set: a caller that caches by text then skips undoing them
   * for text it has seen.
   */
  read(slots: readonly number[], size: number, escapedSlot = -1): void {
    this.#slots = Int32Array.from(slots);
    this.#escapedSlot = escapedSlot;
    this.cells = new Array<string | undefined>(size).fill(undefined);
  }

  /** More text of the file, after what was appended before. */
  append(text: string): void {
    let more = text;
    if (this.#first && more.length > 0) {
      // A UTF-8 byte order mark says only how the file is encoded.
      if (more.charCodeAt(0) === 0xfeff) more = more.slice(1);
      this.#first = false;
    }
    const rest = this.#text.slice(this.#position);
    this.#text = rest.length === 0 ? more : rest + more;
    this.#position = 0;
    this.#lineEnd = -1;
    this.#quote = -1;
  }

  /**
   * Reads the next record into `cells`: true if there was one, false when
   * the text so far ends inside a record (append more, or pass `final` at
   * the end of the file). Throws CsvSyntaxError for text that is not CSV.
   */
  next(final: boolean): boolean {
    for (;;) {
      const result = this.#record(final);
      if (result !== SKIPPED) return result === READ;
    }
  }

  #record(final: boolean): number {
    const s = this.#text;
    const n = s.length;
    let p = this.#position;
    if (p >= n) return INCOMPLETE;
    let eol = this.#eol;
    if (eol === undefined) {
      eol = this.#findEol(final);
      if (eol === undefined) return this.#incomplete(final, p);
      this.#eol = eol;
    }
    let lineEnd = this.#lineEnd;
    if (lineEnd < p) {
      lineEnd = s.indexOf(eol, p);
      if (lineEnd < 0) lineEnd = n;
    }
    let quote = this.#quote;
    if (quote < p) {
      quote = s.indexOf('"', p);
      if (quote < 0) quote = n;
    }

    // An empty line: no record.
    const crlf = eol === '\n';
    if (
      lineEnd === p ||
      (crlf && lineEnd === p + 1 && s.charCodeAt(p) === CR)
    ) {
      if (lineEnd === n) return this.#incomplete(final, p);
      this.#position = lineEnd + 1;
      this.#lineEnd = lineEnd;
      this.#quote = quote;
      this.lines += 1;
      return SKIPPED;
    }

    const slots = this.#slots;
    const cells = this.cells;
    const start = p;
    this.escaped = false;
    let lines = 1;
    let field = 0;
    for (;;) {
      let slot = field;
      if (slots) slot = field < slots.length ? slots[field] : -1;
      if (p < n && s.charCodeAt(p) === QUOTE) {
        let close = p;
        let escaped = false;
        for (;;) {
          close = s.indexOf('"', close + 1);
          if (close < 0 || (close + 1 === n && !final)) {
            if (close < 0 && final) {
              throw new CsvSyntaxError(
                `Quote Not Closed: the parsing is finished with an opening quote at line ${
                  this.lines + lines
                }`,
                this.lines + lines,
              );
            }
            return this.#incomplete(final, start);
          }
          if (s.charCodeAt(close + 1) !== QUOTE) break;
          escaped = true;
          close += 1;
        }
        if (close > lineEnd) {
          // Line breaks inside the quotes.
          while (lineEnd < close) {
            lines += 1;
            lineEnd = s.indexOf(eol, lineEnd + 1);
            if (lineEnd < 0) lineEnd = n;
          }
        }
        if (slot >= 0) {
          const text = s.slice(p + 1, close);
          if (!escaped) {
            cells[slot] = text;
          } else if (slot === this.#escapedSlot) {
            cells[slot] = text;
            this.escaped = true;
          } else {
            cells[slot] = text.replaceAll('""', '"');
          }
        }
        p = close + 1;
        quote = s.indexOf('"', p);
        if (quote < 0) quote = n;
        if (p < n) {
          // After a closing quote: the next field, or the line's end.
          const next = s.charCodeAt(p);
          const lineEnds = crlf
            ? next === LF ||
              (next === CR && (p + 1 === n || s.charCodeAt(p + 1) === LF))
            : next === CR;
          if (next !== COMMA && !lineEnds) {
            throw new CsvSyntaxError(
              `Invalid Closing Quote: got ${JSON.stringify(
                String.fromCharCode(next),
              )} at line ${
                this.lines + lines
              } instead of delimiter, record delimiter`,
              this.lines + lines,
            );
          }
          if (next === CR && crlf && p + 1 === n && !final) {
            return this.#incomplete(final, start);
          }
        }
      } else {
        let end = s.indexOf(',', p);
        if (end < 0 || end > lineEnd) end = lineEnd;
        if (end === n && !final) return this.#incomplete(final, start);
        if (quote < end) {
          throw new CsvSyntaxError(
            `Invalid Opening Quote: a quote is found on field ${field} at line ${
              this.lines + lines
            }, value is ${shown(s.slice(p, quote))}`,
            this.lines + lines,
          );
        }
        if (slot >= 0) {
          // The CR of a CRLF line end is not the last cell's.
          const textEnd =
            crlf && end === lineEnd && end > p && s.charCodeAt(end - 1) === CR
              ? end - 1
              : end;
          cells[slot] = s.slice(p, textEnd);
        }
        p = end;
      }
      field += 1;
      if (p < n && s.charCodeAt(p) === COMMA) {
        p += 1;
        continue;
      }
      break;
    }
    // p is at the record's line end (after a CR of CRLF, at its LF), or the text's end.
    if (p < n && s.charCodeAt(p) === CR && crlf) p += 1;
    // The same limit whether the record arrived in one piece or waited for more.
    if (p - start > MAX_RECORD_CHARACTERS) this.#tooLong();
    this.#position = p < n ? p + 1 : n;
    this.#lineEnd = lineEnd;
    this.#quote = quote;
    if (this.#fields < 0) {
      this.#fields = field;
      if (!slots) this.cells.length = field;
    } else if (field !== this.#fields) {
      throw new CsvSyntaxError(
        `Invalid Record Length: expect ${this.#fields}, got ${field} on line ${
          this.lines + lines
        }`,
        this.lines + lines,
      );
    }
    this.records += 1;
    this.lines += lines;
    return READ;
  }

  /** The line end the first line uses: LF (also for CRLF), or CR alone. */
  #findEol(final: boolean): '\n' | '\r' | undefined {
    const s = this.#text;
    const lf = s.indexOf('\n');
    const cr = s.indexOf('\r');
    if (cr < 0 || (lf >= 0 && lf < cr)) {
      return lf >= 0 || final ? '\n' : undefined;
    }
    // A CR ends the first line: CRLF, or CR alone.
    if (cr + 1 < s.length) return s.charCodeAt(cr + 1) === LF ? '\n' : '\r';
    return final ? '\r' : undefined;
  }

  /** Waits for more text for the record at `start`, unless it is already too long. */
  #incomplete(final: boolean, start: number): number {
    if (!final && this.#text.length - start > MAX_RECORD_CHARACTERS) {
      this.#tooLong();
    }
    this.#position = start;
    return INCOMPLETE;
  }

  #tooLong(): never {
    throw new CsvSyntaxError(
      `Max Record Size: record exceed the maximum number of tolerated bytes of ${MAX_RECORD_CHARACTERS} at line ${
        this.lines + 1
      }`,
      this.lines + 1,
    );
  }
}
