/**
 * CSV records found in bytes, before anything is decoded: where each record and each of its fields
 * lies. In UTF-8 and Windows-874 the quote, the delimiter, CR and LF are ASCII bytes that never
 * occur inside a multi-byte character, so a record's structure is the same in its bytes as in its
 * text. The import then decodes only what it needs (the agency's columns of every row, the rest of
 * the rows it keeps). Not for UTF-16, where those characters take two bytes.
 *
 * The records found are the records CsvParser (csv.ts) reads from the decoded text — same quotes,
 * doubled quotes, line breaks inside quotes, CRLF / LF / CR, blank lines, UTF-8 BOM — and a damaged
 * file is the same error at the same line. One loop over the bytes: in Thai text most bytes are
 * above every byte it looks for, so each costs one comparison.
 */
import { CsvStructureError, MAX_FIELD_CHARS, MAX_FIELDS } from './csv';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Receives each record: its bytes are bytes[start, end) (no line end). */
export interface ByteRecordSink {
  /**
   * Field k is bytes[bounds[k], bounds[k + 1] - 1) as written (quotes included); `bounds` holds
   * count + 1 entries and is reused for the next record. `line` is the line the record starts on.
   */
  record(bytes: Uint8Array, start: number, end: number, bounds: readonly number[], count: number, line: number): void;
}

/** UTF-16 code units of bytes[from, to) once decoded: how CsvParser measures a field. */
export type CharCounter = (bytes: Uint8Array, from: number, to: number) => number;

/** Windows-874: one character a byte. */
export const singleByteChars: CharCounter = (_b, from, to) => to - from;

/** UTF-8: a character starts at every byte that is not a continuation byte; 4-byte ones are two units. */
export const utf8Chars: CharCounter = (bytes, from, to) => {
  let n = 0;
  for (let i = from; i < to; i++) {
    const b = bytes[i];
    if (b < 0x80 || b >= 0xc0) n += b >= 0xf0 ? 2 : 1;
  }
  return n;
};

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

export class CsvByteSplitter {
  /** The start of a record cut by the previous chunk's end. */
  private carry: Uint8Array | undefined;
  private started = false;
  /** The line the next record starts on (1-based, as an editor counts lines). */
  private line = 1;
  private readonly sep: number;
  /** No byte above this one ends a field. */
  private readonly top: number;
  private readonly bounds: number[] = [];
  /**
   * The bytes are valid UTF-8 (checked before they come here): a character's lead byte says how
   * many bytes to step over.
   */
  utf8 = false;

  constructor(
    delimiter: string,
    private readonly chars: CharCounter,
    private readonly stripBom = true,
  ) {
    this.sep = delimiter.charCodeAt(0);
    this.top = Math.max(this.sep, LF, CR);
  }

  /** The line the next record starts on. */
  get lines(): number {
    return this.line;
  }

  /** The bytes of a record begun but not ended (they come before the next chunk). */
  get pending(): Uint8Array | undefined {
    return this.carry;
  }

  /** Reads one chunk; complete records go to `sink`. */
  push(chunk: Uint8Array, sink: ByteRecordSink): void {
    // A plain view (not a Node Buffer): one kind of array keeps the loop below monomorphic.
    let bytes = chunk.constructor === Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.carry) {
      bytes = concat(this.carry, bytes);
      this.carry = undefined;
    }
    let i = 0;
    if (!this.started && bytes.length > 0) {
      if (this.stripBom && bytes.length < 3 && bytes[0] === 0xef) {
        // Too short to tell a BOM: wait for more.
        this.carry = bytes;
        return;
      }
      this.started = true;
      if (this.stripBom && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
    }
    const n = bytes.length;
    while (i < n) {
      const next = this.record(bytes, i, false, sink);
      if (next < 0) {
        // The record goes on in the next chunk.
        this.carry = bytes.subarray(i);
        return;
      }
      i = next;
    }
  }

  /** Ends the input: a last record without a line end is read; a quote still open is an error. */
  end(sink: ByteRecordSink): void {
    const bytes = this.carry;
    this.carry = undefined;
    if (!bytes) return;
    let i = 0;
    if (!this.started) {
      this.started = true;
      if (this.stripBom && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
    }
    while (i < bytes.length) i = this.record(bytes, i, true, sink);
  }

  /**
   * One record from `i`, field by field, as CsvParser's state machine reads it. Returns where the
   * next record starts, or -1 when the record is cut by the end of the chunk (`final`: the end of
   * the input, which ends it).
   */
  private record(bytes: Uint8Array, i: number, final: boolean, sink: ByteRecordSink): number {
    const n = bytes.length;
    const b = this.bounds;
    const sep = this.sep;
    const top = this.top;
    let line = this.line;
    let p = i;
    let count = 0;
    b[0] = i;
    for (;;) {
      const fieldStart = p;
      if (p < n && bytes[p] === QUOTE) {
        const quoteLine = line;
        p++;
        for (;;) {
          let lf = 0;
          let cr = 0;
          while (p < n) {
            const c = bytes[p];
            if (c === QUOTE) break;
            if (c === LF) lf++;
            else if (c === CR) cr++;
            p++;
          }
          // A lone CR (old Mac line ends) is a line break too.
          line += lf > 0 ? lf : cr;
          if (p === n || (p + 1 === n && !final)) {
            if (p === n && final) {
              throw new CsvStructureError(
                'unterminated-quote',
                quoteLine,
                `เครื่องหมายคำพูด (") ที่บรรทัด ${quoteLine} เปิดแล้วไม่มีตัวปิดจนจบไฟล์ ข้อมูลตั้งแต่บรรทัดนั้นจึงอ่านไม่ได้: แก้ไฟล์ต้นทาง หรือดาวน์โหลดใหม่`,
                `the quote (") opened on line ${quoteLine} is never closed, so nothing after it can be read: fix the file or download it again`,
              );
            }
            this.checkLength(bytes, fieldStart, n, quoteLine, true);
            return -1;
          }
          if (p + 1 < n && bytes[p + 1] === QUOTE) {
            // A doubled quote is one literal quote.
            p += 2;
            continue;
          }
          p++;
          break;
        }
        this.checkLength(bytes, fieldStart, p, quoteLine, true);
      }
      // Unquoted, or the text after a closing quote (kept, as Excel does): up to the delimiter or line end.
      if (this.utf8) {
        // Thai letters are three bytes in UTF-8, none of them ASCII: one look per letter.
        while (p < n) {
          const c = bytes[p];
          if (c >= 0xe0) p += c >= 0xf0 ? 4 : 3;
          else if (c <= top && (c === sep || c === LF || c === CR)) break;
          else p++;
        }
        if (p > n) p = n;
      } else {
        while (p < n) {
          const c = bytes[p];
          if (c <= top && (c === sep || c === LF || c === CR)) break;
          p++;
        }
      }
      if (p - fieldStart > MAX_FIELD_CHARS) this.checkLength(bytes, fieldStart, p, line, false);
      if (p === n && !final) return -1;
      const c = p < n ? bytes[p] : -1;
      if (c === sep) {
        count++;
        if (count > MAX_FIELDS) throw tooManyFields(line, count);
        b[count] = p + 1;
        p++;
        continue;
      }
      // The record ends at p (a line end, or the end of the input).
      let next = p + 1;
      if (c === CR) {
        // A CR cut from its LF by the chunk's end: the next chunk tells.
        if (p + 1 === n && !final) return -1;
        if (bytes[p + 1] === LF) next = p + 2;
      }
      if (c < 0) next = n;
      count++;
      b[count] = p + 1;
      // A blank line (nothing, or only "") is not a record.
      if (!(count === 1 && (p === i || (p === i + 2 && bytes[i] === QUOTE && bytes[i + 1] === QUOTE)))) {
        sink.record(bytes, i, p, b, count, this.line);
      }
      this.line = line + (c < 0 ? 0 : 1);
      return next;
    }
  }

  /** A field longer than CsvParser allows (measured in characters, as it measures) is an error. */
  private checkLength(bytes: Uint8Array, from: number, to: number, line: number, quoted: boolean): void {
    if (to - from <= MAX_FIELD_CHARS || this.chars(bytes, from, to) <= MAX_FIELD_CHARS) return;
    const limit = MAX_FIELD_CHARS.toLocaleString('en-US');
    if (quoted) {
      throw new CsvStructureError(
        'field-too-long',
        line,
        `เครื่องหมายคำพูด (") ที่บรรทัด ${line} ไม่ถูกปิด: ข้อความต่อจากนั้นยาวเกิน ${limit} ตัวอักษร ไฟล์น่าจะเสียหาย`,
        `the quote (") opened on line ${line} is not closed within ${limit} characters: the file is damaged`,
      );
    }
    throw new CsvStructureError(
      'field-too-long',
      line,
      `บรรทัด ${line} มีช่องข้อมูลยาวเกิน ${limit} ตัวอักษร ไม่ใช่ตาราง CSV (ไม่มีการขึ้นบรรทัดใหม่ หรือใช้ตัวคั่นอื่น)`,
      `line ${line} has a field longer than ${limit} characters: not a CSV table (no line breaks, or another delimiter)`,
    );
  }
}

function tooManyFields(line: number, count: number): CsvStructureError {
  return new CsvStructureError(
    'too-many-fields',
    line,
    `บรรทัด ${line} มี ${count.toLocaleString('en-US')} ช่อง เกิน ${MAX_FIELDS.toLocaleString('en-US')} ช่อง ไม่ใช่ตาราง CSV ที่ถูกต้อง`,
    `line ${line} has ${count.toLocaleString('en-US')} fields, more than ${MAX_FIELDS.toLocaleString('en-US')}: not a valid CSV table`,
  );
}
