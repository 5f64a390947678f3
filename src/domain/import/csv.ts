/**
 * CSV (RFC 4180) read incrementally: text arrives in chunks of any size and rows come out as soon
 * as they are complete, so a 100,000-row export is never one string. Handles quoted fields,
 * doubled quotes, line breaks inside quotes, CRLF / LF / CR line ends and a leading BOM. Lenient
 * where Excel is: text after a closing quote is kept. A damaged file is an error at its line, never
 * a silent short read: a quote never closed, a field or a row too long to be a real one.
 */

/** Three times Excel's cell limit (32,767): a longer field is a quote never closed, or no line breaks. */
export const MAX_FIELD_CHARS = 100_000;
/** Far beyond any export's columns: a longer row is not a row of a table. */
export const MAX_FIELDS = 2_000;

/** The CSV is broken at `line` (1-based, as an editor counts lines). */
export class CsvStructureError extends Error {
  constructor(
    readonly code: 'unterminated-quote' | 'field-too-long' | 'too-many-fields' | 'undecodable',
    readonly line: number,
    readonly th: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'CsvStructureError';
  }
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const BOM = 0xfeff;

const enum State {
  /** At the start of a row (nothing of it read yet). */
  RowStart,
  /** At the start of a field after a comma. */
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: the next character says whether it closes the field. */
  QuoteInQuoted,
  /** A CR ended the row: a following LF belongs to it. */
  AfterCr,
}

export class CsvParser {
  private state = State.RowStart;
  private row: string[] = [];
  private field = '';
  private started = false;
  private unterminated = false;
  /** The line being read (1-based), and the line where the open quoted field started. */
  private line = 1;
  private quoteLine = 0;
  private readonly delimiter: number;
  private readonly separator: string;
  /** Positions of the next quote and CR in the current chunk (-2: not searched yet). */
  private nextQuote = -2;
  private nextCr = -2;

  constructor(delimiter = ',') {
    this.delimiter = delimiter.charCodeAt(0);
    this.separator = delimiter.charAt(0);
  }

  /** True when input ended inside a quoted field (a damaged file; `end` then throws). */
  get endedInQuotes(): boolean {
    return this.unterminated;
  }

  /** Lines read so far. */
  get lines(): number {
    return this.line;
  }

  /** Reads one chunk; complete rows are appended to `out`. */
  push(chunk: string, out: string[][]): void {
    let i = 0;
    const n = chunk.length;
    if (!this.started && n > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === BOM) i = 1;
    }
    const sep = this.delimiter;
    this.nextQuote = -2;
    this.nextCr = -2;
    while (i < n) {
      if (this.state === State.RowStart) {
        i = this.plainRows(chunk, i, out);
        if (i >= n) return;
      }
      switch (this.state) {
        case State.AfterCr:
          if (chunk.charCodeAt(i) === LF) i++;
          this.state = State.RowStart;
          break;
        case State.RowStart:
        case State.FieldStart:
          if (chunk.charCodeAt(i) === QUOTE) {
            this.state = State.Quoted;
            this.quoteLine = this.line;
            i++;
          } else {
            this.state = State.Unquoted;
          }
          this.field = '';
          break;
        case State.Unquoted: {
          // The common case: scan to the next delimiter without building anything.
          let j = i;
          while (j < n) {
            const c = chunk.charCodeAt(j);
            if (c === sep || c === LF || c === CR) break;
            j++;
          }
          if (j > i) this.field = this.field === '' ? chunk.slice(i, j) : this.field + chunk.slice(i, j);
          if (this.field.length > MAX_FIELD_CHARS) throw this.tooLong(false);
          if (j === n) return;
          this.endField(chunk.charCodeAt(j), out);
          i = j + 1;
          break;
        }
        case State.Quoted: {
          const q = chunk.indexOf('"', i);
          const part = chunk.slice(i, q < 0 ? n : q);
          this.line += countLineBreaks(part);
          this.field += part;
          if (this.field.length > MAX_FIELD_CHARS) throw this.tooLong(true);
          if (q < 0) return;
          this.state = State.QuoteInQuoted;
          i = q + 1;
          break;
        }
        case State.QuoteInQuoted:
          if (chunk.charCodeAt(i) === QUOTE) {
            // A doubled quote is one literal quote.
            this.field += '"';
            this.state = State.Quoted;
            i++;
          } else {
            // The field is closed; anything up to the delimiter is kept as Excel does.
            this.state = State.Unquoted;
          }
          break;
      }
    }
  }

  /**
   * The common rows, from `i`: whole inside this chunk, with no quote and no lone CR. The engine's
   * indexOf and split do in native code what the state machine does a character at a time.
   * Returns where the first other row starts (the state machine takes it from there).
   */
  private plainRows(chunk: string, i: number, out: string[][]): number {
    const sep = this.separator;
    for (;;) {
      const nl = chunk.indexOf('\n', i);
      if (nl < 0) return i;
      // The next quote and CR, searched again only once passed (-1 stays: none left in the chunk).
      if (this.nextQuote !== -1 && this.nextQuote < i) this.nextQuote = chunk.indexOf('"', i);
      if (this.nextCr !== -1 && this.nextCr < i) this.nextCr = chunk.indexOf('\r', i);
      const end = nl > i && chunk.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      if (this.nextQuote >= 0 && this.nextQuote < nl) return i;
      if (this.nextCr >= 0 && this.nextCr < end) return i;
      if (end > i) {
        const row = chunk.slice(i, end).split(sep);
        if (row.length > MAX_FIELDS) throw this.tooManyFields(row.length);
        out.push(row);
      }
      this.line++;
      i = nl + 1;
    }
  }

  /**
   * Ends the input; the last row (without a final line break) is appended to `out`. Throws
   * CsvStructureError when the input ended inside a quoted field: the rows after the opening quote
   * were read as one field, and a count of records would be a lie.
   */
  end(out: string[][]): void {
    switch (this.state) {
      case State.Quoted:
        this.unterminated = true;
        throw new CsvStructureError(
          'unterminated-quote',
          this.quoteLine,
          `เครื่องหมายคำพูด (") ที่บรรทัด ${this.quoteLine} เปิดแล้วไม่มีตัวปิดจนจบไฟล์ ข้อมูลตั้งแต่บรรทัดนั้นจึงอ่านไม่ได้: แก้ไฟล์ต้นทาง หรือดาวน์โหลดใหม่`,
          `the quote (") opened on line ${this.quoteLine} is never closed, so nothing after it can be read: fix the file or download it again`,
        );
      case State.Unquoted:
      case State.QuoteInQuoted:
      case State.FieldStart:
        this.finishRow(out);
        break;
      default:
        break;
    }
    this.state = State.RowStart;
  }

  private tooLong(quoted: boolean): CsvStructureError {
    if (quoted) {
      return new CsvStructureError(
        'field-too-long',
        this.quoteLine,
        `เครื่องหมายคำพูด (") ที่บรรทัด ${this.quoteLine} ไม่ถูกปิด: ข้อความต่อจากนั้นยาวเกิน ${MAX_FIELD_CHARS.toLocaleString('en-US')} ตัวอักษร ไฟล์น่าจะเสียหาย`,
        `the quote (") opened on line ${this.quoteLine} is not closed within ${MAX_FIELD_CHARS.toLocaleString('en-US')} characters: the file is damaged`,
      );
    }
    return new CsvStructureError(
      'field-too-long',
      this.line,
      `บรรทัด ${this.line} มีช่องข้อมูลยาวเกิน ${MAX_FIELD_CHARS.toLocaleString('en-US')} ตัวอักษร ไม่ใช่ตาราง CSV (ไม่มีการขึ้นบรรทัดใหม่ หรือใช้ตัวคั่นอื่น)`,
      `line ${this.line} has a field longer than ${MAX_FIELD_CHARS.toLocaleString('en-US')} characters: not a CSV table (no line breaks, or another delimiter)`,
    );
  }

  private tooManyFields(count: number): CsvStructureError {
    return new CsvStructureError(
      'too-many-fields',
      this.line,
      `บรรทัด ${this.line} มี ${count.toLocaleString('en-US')} ช่อง เกิน ${MAX_FIELDS.toLocaleString('en-US')} ช่อง ไม่ใช่ตาราง CSV ที่ถูกต้อง`,
      `line ${this.line} has ${count.toLocaleString('en-US')} fields, more than ${MAX_FIELDS.toLocaleString('en-US')}: not a valid CSV table`,
    );
  }

  private endField(c: number, out: string[][]): void {
    if (c === this.delimiter) {
      if (this.row.length >= MAX_FIELDS) throw this.tooManyFields(this.row.length + 1);
      this.row.push(this.field);
      this.field = '';
      this.state = State.FieldStart;
      return;
    }
    this.finishRow(out);
    this.line++;
    this.state = c === CR ? State.AfterCr : State.RowStart;
  }

  private finishRow(out: string[][]): void {
    this.row.push(this.field);
    this.field = '';
    const row = this.row;
    this.row = [];
    // A blank line is not a record.
    if (row.length === 1 && row[0] === '') return;
    out.push(row);
  }
}

function countLineBreaks(s: string): number {
  let n = 0;
  for (let k = s.indexOf('\n'); k >= 0; k = s.indexOf('\n', k + 1)) n++;
  // A lone CR (old Mac line ends) is a line break too.
  if (n === 0 && s.includes('\r')) for (let k = s.indexOf('\r'); k >= 0; k = s.indexOf('\r', k + 1)) n++;
  return n;
}

/**
 * The delimiter of a CSV from its first line: a comma, or a tab (Excel's "Unicode text" and
 * "Text (Tab delimited)"), or a semicolon (CSV saved where the comma is the decimal sign).
 */
export function sniffDelimiter(text: string): string {
  const nl = text.search(/[\r\n]/);
  const first = (nl < 0 ? text : text.slice(0, nl)).replace(/"[^"]*"/g, '');
  const count = (c: string) => first.split(c).length - 1;
  const counts: [string, number][] = [[',', count(',')], ['\t', count('\t')], [';', count(';')]];
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ',';
}

/**
 * Rows of a CSV given as chunks of text, one batch per chunk (fewer async steps for big files).
 * `delimiter` 'auto': taken from the first line (sniffDelimiter).
 */
export async function* csvRowBatches(chunks: AsyncIterable<string> | Iterable<string>, delimiter = ','): AsyncGenerator<string[][]> {
  let parser: CsvParser | undefined = delimiter === 'auto' ? undefined : new CsvParser(delimiter);
  for await (const chunk of chunks) {
    parser ??= new CsvParser(sniffDelimiter(chunk));
    const out: string[][] = [];
    parser.push(chunk, out);
    if (out.length) yield out;
  }
  const out: string[][] = [];
  parser?.end(out);
  if (out.length) yield out;
}

/** Rows of a CSV given as chunks of text (a stream, a file read piecewise, or one string). */
export async function* csvRows(chunks: AsyncIterable<string> | Iterable<string>, delimiter = ','): AsyncGenerator<string[]> {
  for await (const batch of csvRowBatches(chunks, delimiter)) yield* batch;
}

/** All rows of a small CSV held as one string (tests, the task pane's pasted text). */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const parser = new CsvParser(delimiter);
  const out: string[][] = [];
  parser.push(text, out);
  parser.end(out);
  return out;
}
