/**
 * An e-GP CSV read for one agency, from its bytes: each record is split where it lies in the bytes
 * (csvBytes.ts), only its agency columns are decoded — once per distinct value, as a file names
 * few agencies — and the rest of the row only when it is the agency's. A bulk export of a whole
 * province spends most of its reading on rows the import then drops; here they cost a lookup.
 *
 * Nothing changes for the officer: the rows of other agencies still come out, as records that
 * carry their agency names only (AgencyFilter counts and lists them as before, the summary counts
 * them under "ของหน่วยงานอื่น"); a row kept is decoded and read exactly as csv.ts reads it; a row
 * that does not line up with the header is decoded whole and read as before (unreadable, listed);
 * bytes the file's encoding cannot decode are an error at their line in any row, as before — a
 * file in two encodings may hide the agency's own rows under names that do not decode.
 *
 * For UTF-8 and Windows-874 (their delimiters, quotes and line ends are single ASCII bytes); a
 * UTF-16 file is read by the text path (sourceFile.ts).
 */
import { CsvParser, CsvStructureError, sniffDelimiter } from './csv';
import { CsvByteSplitter, singleByteChars, utf8Chars, type ByteRecordSink } from './csvBytes';
import { EgpCsvReader, type EgpRead } from './egp';
import {
  cutCharacterStart,
  detectedChunks,
  firstInvalidUtf8,
  textDecoderFactory,
  type ChunkDecoder,
  type DecoderFactory,
  type Detection,
  type TextEncodingName,
} from './encoding';
import { matchAgencyName } from './agencyFilter';
import type { SourceRecord, SourceValues } from './sourceRecord';
import { detached, textOf } from './sourceRecord';

export interface ByteReadOptions {
  /** The agency whose rows are kept (as ImportOptions' unit, else the profile's name). */
  readonly agency: string;
  readonly encoding?: TextEncodingName;
  readonly decoderFor?: DecoderFactory;
  readonly onDetect?: (d: Detection) => void;
  /** A fast check that bytes are valid UTF-8 (Node: buffer.isUtf8); default: a loop here. */
  readonly isUtf8?: (bytes: Uint8Array) => boolean;
}

/** A decoded agency column, and whether the wanted agency is that name. */
interface Verdict {
  /** The column's bytes as written. */
  readonly bytes: Uint8Array;
  readonly value: string | undefined;
  readonly keep: boolean;
}

/**
 * A cheap key of bytes[from, to): its length and last bytes (names of a kind share their start,
 * "องค์การบริหารส่วนตำบล…", and differ at the end). Equal keys are told apart by their bytes.
 */
function keyOf(bytes: Uint8Array, from: number, to: number): number {
  let h = to - from;
  for (let k = Math.max(from, to - 9); k < to; k++) h = (Math.imul(h, 31) + bytes[k]) | 0;
  return h;
}

function sameBytes(a: Uint8Array, bytes: Uint8Array, from: number, to: number): boolean {
  if (a.length !== to - from) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== bytes[from + k]) return false;
  return true;
}

/** The whole of a short byte string decoded (a field, or a run of rows). */
function decodeAll(d: ChunkDecoder, bytes: Uint8Array): string {
  return d.write(bytes) + d.end();
}

function undecodableError(line: number, enc: string): CsvStructureError {
  return new CsvStructureError(
    'undecodable',
    line,
    `บรรทัด ${line} มีตัวอักษรที่ถอดรหัสแบบ ${enc} ไม่ได้ (ไฟล์ไม่ได้เข้ารหัสแบบนี้ทั้งไฟล์): ระบุการเข้ารหัสด้วย --encoding เช่น windows-874 หรือบันทึกไฟล์ใหม่เป็น "CSV UTF-8"`,
    `line ${line} holds bytes that are not ${enc} (the file is not in one encoding): give --encoding, e.g. windows-874, or save the file again as "CSV UTF-8"`,
  );
}

function lineFeeds(bytes: Uint8Array, to: number): number {
  let n = 0;
  for (let k = bytes.indexOf(10); k >= 0 && k < to; k = bytes.indexOf(10, k + 1)) n++;
  return n;
}

/**
 * Finds bytes the file's encoding cannot decode, chunk by chunk, as the text path finds U+FFFD in
 * what it decoded (sourceFile.ts `undecodable`). UTF-8 characters cut by a chunk's end are judged
 * whole, with the next chunk's first bytes. Returns the position of the first such byte, -1 for none.
 */
class UndecodableCheck {
  /** The start of a UTF-8 character cut by the previous chunk's end. */
  private tail: Uint8Array | undefined;
  private readonly singleByteBad = new Map<TextEncodingName, Uint8Array | null>();

  constructor(
    private readonly factory: DecoderFactory,
    private readonly isUtf8: ((bytes: Uint8Array) => boolean) | undefined,
  ) {}

  find(bytes: Uint8Array, encoding: TextEncodingName | undefined): number {
    return encoding === 'utf-8' ? this.utf8(bytes) : encoding ? this.singleByte(bytes, encoding) : -1;
  }

  /** At the end of the input: a UTF-8 character cut by the file's end does not decode. */
  get cutAtEnd(): boolean {
    return this.tail !== undefined;
  }

  private utf8(bytes: Uint8Array): number {
    let from = 0;
    if (this.tail) {
      const lead = this.tail[0];
      const len = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
      from = Math.min(bytes.length, len - this.tail.length);
      const seam = new Uint8Array(this.tail.length + from);
      seam.set(this.tail, 0);
      seam.set(bytes.subarray(0, from), this.tail.length);
      this.tail = undefined;
      if (seam.length < len) {
        this.tail = seam;
        return -1;
      }
      if (firstInvalidUtf8(seam) >= 0) return 0;
    }
    const cut = Math.max(from, cutCharacterStart(bytes));
    if (cut < bytes.length) this.tail = bytes.slice(cut);
    // A U+FFFD already in the file is a character an earlier decoding lost, as the text path reads it.
    let replacement = false;
    for (let k = bytes.indexOf(0xef, from); k >= 0 && k < cut; k = bytes.indexOf(0xef, k + 1)) {
      if (bytes[k + 1] === 0xbf && bytes[k + 2] === 0xbd) {
        replacement = true;
        break;
      }
    }
    if (!replacement && (this.isUtf8 ? this.isUtf8(bytes.subarray(from, cut)) : firstInvalidUtf8(bytes, from, cut) < 0)) return -1;
    return firstInvalidUtf8(bytes, from, cut);
  }

  /** The bytes this decoder cannot map (WHATWG Windows-874 maps all; iconv-lite leaves some out). */
  private singleByte(bytes: Uint8Array, encoding: TextEncodingName): number {
    let bad = this.singleByteBad.get(encoding);
    if (bad === undefined) {
      const d = this.factory(encoding);
      const table = new Uint8Array(256);
      for (let b = 0x80; b <= 0xff; b++) if (decodeAll(d, new Uint8Array([b])).includes('\uFFFD')) table[b] = 1;
      bad = table.includes(1) ? table : null;
      this.singleByteBad.set(encoding, bad);
    }
    if (!bad) return -1;
    for (let k = 0; k < bytes.length; k++) if (bad[bytes[k]] === 1) return k;
    return -1;
  }
}

/** The delimiter from the first line's bytes, as sniffDelimiter finds it in the text. */
function sniffByteDelimiter(bytes: Uint8Array): string {
  let end = 0;
  while (end < bytes.length && bytes[end] !== 10 && bytes[end] !== 13) end++;
  let line = '';
  // Only the ASCII of the line matters (quotes and the candidate delimiters).
  for (let k = 0; k < end; k++) line += bytes[k] < 0x80 ? String.fromCharCode(bytes[k]) : 'x';
  return sniffDelimiter(line);
}

/**
 * Records of an e-GP CSV given as byte chunks, the rows of agencies other than `opts.agency`
 * reduced to their agency names (see the module's comment). One batch per chunk.
 */
export async function* egpCsvRecordsForAgency(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  source: string,
  info: EgpRead,
  opts: ByteReadOptions,
): AsyncGenerator<SourceRecord[]> {
  const factory = opts.decoderFor ?? textDecoderFactory;
  const check = new UndecodableCheck(factory, opts.isUtf8);
  const reader = new EgpCsvReader(source, info);
  const wanted = opts.agency;
  const verdicts = new Map<number, Verdict[]>();
  let encoding: TextEncodingName | undefined;
  let decoder: ChunkDecoder = factory('utf-8');
  let splitter: CsvByteSplitter | undefined;
  let delimiter = ',';
  let out: SourceRecord[] = [];
  // Columns of the agency names and of the methods, once the header is read.
  let ia = -1;
  let is = -1;
  let im = -1;
  let ig = -1;
  // A run of consecutive kept rows, decoded at once.
  let runBytes: Uint8Array | undefined;
  let runStart = 0;
  let runEnd = 0;
  let runRows = 0;

  const rowsOf = (text: string): string[][] => {
    const p = new CsvParser(delimiter);
    const rows: string[][] = [];
    p.push(text, rows);
    p.end(rows);
    return rows;
  };
  /** A field's value as CsvParser gives it: quotes taken off, doubled quotes made one. */
  const fieldValue = (bytes: Uint8Array, from: number, to: number): string => {
    if (to <= from) return '';
    const s = decodeAll(decoder, bytes.subarray(from, to));
    return bytes[from] === 34 ? (rowsOf(s)[0]?.[0] ?? '') : s;
  };
  const verdict = (bytes: Uint8Array, from: number, to: number): Verdict => {
    const h = keyOf(bytes, from, to);
    let bucket = verdicts.get(h);
    if (bucket) {
      for (let k = 0; k < bucket.length; k++) if (sameBytes(bucket[k].bytes, bytes, from, to)) return bucket[k];
    } else verdicts.set(h, (bucket = []));
    const s = fieldValue(bytes, from, to);
    const value = s === '' ? undefined : s;
    const name = textOf(value);
    // A copy of the bytes: the verdict outlives the chunk.
    const v: Verdict = { bytes: bytes.slice(from, to), value, keep: name !== '' && matchAgencyName(wanted, name) !== undefined };
    bucket.push(v);
    return v;
  };
  const flush = (): void => {
    if (!runBytes) return;
    const rows = rowsOf(decodeAll(decoder, runBytes.subarray(runStart, runEnd)));
    if (rows.length !== runRows) throw new Error(`csvBytes: ${runRows} records read as ${rows.length} rows`);
    reader.push(rows, out);
    runBytes = undefined;
    runRows = 0;
  };
  const sink: ByteRecordSink = {
    record(bytes, start, end, bounds, count) {
      if (!reader.ready || count !== reader.fields) {
        // The header, and rows that do not line up with it: decoded whole and read as before.
        flush();
        reader.push(rowsOf(decodeAll(decoder, bytes.subarray(start, end))), out);
        if (reader.ready && ia < 0 && is < 0) {
          const columns = info.header?.columns;
          ia = columns?.get('agencyName') ?? -1;
          is = columns?.get('subAgencyName') ?? -1;
          im = columns?.get('method') ?? -1;
          ig = columns?.get('methodGroup') ?? -1;
        }
        return;
      }
      const a = ia >= 0 ? verdict(bytes, bounds[ia], bounds[ia + 1] - 1) : undefined;
      const s = is >= 0 ? verdict(bytes, bounds[is], bounds[is + 1] - 1) : undefined;
      if (a?.keep || s?.keep) {
        if (runBytes !== bytes) {
          flush();
          runBytes = bytes;
          runStart = start;
        }
        runEnd = end;
        runRows++;
        return;
      }
      flush();
      const values: { -readonly [K in keyof SourceValues]: SourceValues[K] } = { agencyName: a?.value, subAgencyName: s?.value };
      if (reader.orienting) {
        // Until a row tells which way the method columns are, every row may be the one that does.
        const m = im >= 0 ? fieldValue(bytes, bounds[im], bounds[im + 1] - 1) : '';
        const g = ig >= 0 ? fieldValue(bytes, bounds[ig], bounds[ig + 1] - 1) : '';
        values.method = m === '' ? undefined : m;
        values.methodGroup = g === '' ? undefined : g;
      }
      reader.pushOther(values, out);
    },
  };
  /** The line of bytes[at] of the chunk about to be split (for an undecodable byte). */
  const lineAt = (bytes: Uint8Array, at: number): number => {
    const pending = splitter?.pending;
    return (splitter?.lines ?? 1) + (pending ? lineFeeds(pending, pending.length) : 0) + lineFeeds(bytes, at);
  };

  for await (const chunk of detectedChunks(chunks, { encoding: opts.encoding, onDetect: opts.onDetect })) {
    if (chunk.encoding && chunk.encoding !== encoding) {
      encoding = chunk.encoding;
      decoder = factory(encoding);
    }
    const bad = check.find(chunk.bytes, encoding);
    if (bad >= 0) throw undecodableError(lineAt(chunk.bytes, bad), encoding ?? 'utf-8');
    if (!splitter) {
      delimiter = sniffByteDelimiter(chunk.bytes);
      // A UTF-8 BOM is dropped as the text path drops U+FEFF; in Windows-874 those bytes are letters.
      splitter = new CsvByteSplitter(delimiter, (b, from, to) => (encoding === 'windows-874' ? singleByteChars : utf8Chars)(b, from, to), encoding !== 'windows-874');
    }
    // Checked above: a UTF-8 chunk is valid UTF-8 from here on.
    splitter.utf8 = encoding === 'utf-8';
    splitter.push(chunk.bytes, sink);
    flush();
    if (out.length) {
      yield out;
      out = [];
    }
  }
  if (check.cutAtEnd) throw undecodableError(lineAt(new Uint8Array(0), 0), encoding ?? 'utf-8');
  splitter?.end(sink);
  flush();
  reader.end(out);
  if (out.length) yield out;
}
