/**
 * CSV (RFC 4180) read incrementally: text arrives in chunks of any size and rows come out as soon
 * as they are complete, so a 100,000-row export is never one string. Handles quoted fields,
 * doubled quotes, line breaks inside quotes, CRLF / LF / CR line ends and a leading BOM. Lenient
 * where Excel is: text after a closing quote is kept, an unterminated quote ends at end of input.
 */

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
  private readonly delimiter: number;
  private readonly separator: string;
  /** Positions of the next quote and CR in the current chunk (-2: not searched yet). */
  private nextQuote = -2;
  private nextCr = -2;

  constructor(delimiter = ',') {
    this.delimiter = delimiter.charCodeAt(0);
    this.separator = delimiter.charAt(0);
  }

  /** True when input ended inside a quoted field (a damaged file). */
  get endedInQuotes(): boolean {
    return this.unterminated;
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
          if (j === n) return;
          this.endField(chunk.charCodeAt(j), out);
          i = j + 1;
          break;
        }
        case State.Quoted: {
          const q = chunk.indexOf('"', i);
          if (q < 0) {
            this.field += chunk.slice(i);
            return;
          }
          if (q > i) this.field += chunk.slice(i, q);
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
      if (end > i) out.push(chunk.slice(i, end).split(sep));
      i = nl + 1;
    }
  }

  /** Ends the input; the last row (without a final line break) is appended to `out`. */
  end(out: string[][]): void {
    switch (this.state) {
      case State.Quoted:
        this.unterminated = true;
        this.finishRow(out);
        break;
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

  private endField(c: number, out: string[][]): void {
    if (c === this.delimiter) {
      this.row.push(this.field);
      this.field = '';
      this.state = State.FieldStart;
      return;
    }
    this.finishRow(out);
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

/** Rows of a CSV given as chunks of text, one batch per chunk (fewer async steps for big files). */
export async function* csvRowBatches(chunks: AsyncIterable<string> | Iterable<string>, delimiter = ','): AsyncGenerator<string[][]> {
  const parser = new CsvParser(delimiter);
  for await (const chunk of chunks) {
    const out: string[][] = [];
    parser.push(chunk, out);
    if (out.length) yield out;
  }
  const out: string[][] = [];
  parser.end(out);
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
