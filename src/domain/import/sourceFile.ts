/**
 * One source file, as bytes, → source records: which kind of file it is (by its name, else by its
 * first bytes), and the e-GP CSV and datastore JSON read from its bytes. The command line streams a
 * file from disk and the task pane reads one the officer picked in the browser; both come here, so
 * the two read a file the same way. Workbooks (.xlsx) need a zip and XML reader: the faces open
 * them and hand their grids to `readWorkbookSources` (see `workbookRecords`).
 */
import type { SheetGrid } from '../grid';
import type { RecognizeHints } from '../recognize';
import { csvRowBatches, CsvStructureError } from './csv';
import { egpCsvRecordBatches, egpJsonRecords, type EgpRead } from './egp';
import { decodeByteChunks, decodeBytes, detectUtf16, type DecoderFactory, type Detection, type TextEncodingName } from './encoding';
import { egpCsvRecordsForAgency } from './egpCsvBytes';
import { ImportError } from './importError';
import type { SourceRecord } from './sourceRecord';
import { readWorkbookSources, type SheetUse } from './workbookSources';

export type SourceFormat = 'csv' | 'json' | 'xlsx';

/** What was learnt about a source while reading it (filled in as its records stream). */
export interface SourceInfo {
  /** The file as the face names it: a path on the command line, the picked file's name in the pane. */
  readonly file: string;
  readonly format: SourceFormat;
  encoding?: Detection;
  egp?: EgpRead;
  sheets?: readonly SheetUse[];
}

export interface ReadOptions {
  /** Force an encoding instead of detecting it (`--encoding`). */
  readonly encoding?: TextEncodingName;
  readonly decoderFor?: DecoderFactory;
  /**
   * The agency the import keeps (`wantedAgency`): an e-GP CSV then decodes only the agency
   * columns of other agencies' rows (egpCsvBytes.ts). Without it every row is decoded.
   */
  readonly agency?: string;
  /** A fast UTF-8 check (Node: buffer.isUtf8), for that reader. */
  readonly isUtf8?: (bytes: Uint8Array) => boolean;
}

/** How many first bytes `sourceFormat` looks at. */
export const SNIFF_BYTES = 8;

function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/**
 * The kind of a source file. Throws ImportError for an empty file and for the old binary .xls,
 * which no reader here understands (the officer saves it as .xlsx).
 */
export function sourceFormat(name: string, head: Uint8Array, size: number): SourceFormat {
  if (size === 0) throw new ImportError('empty', `${name}: ไฟล์ว่างเปล่า ไม่มีข้อมูล`, `${name} is empty`);
  const ext = extensionOf(name);
  if (ext === '.csv' || ext === '.txt') return 'csv';
  if (ext === '.json') return 'json';
  // .ods and password-protected workbooks go to the workbook reader, which names them for what they are.
  if (ext === '.xlsx' || ext === '.xlsm' || ext === '.ods') return 'xlsx';
  if (ext === '.xls') {
    throw new ImportError('xls', `${name} เป็นไฟล์ Excel แบบเก่า (.xls): ให้เปิดแล้วบันทึกเป็น .xlsx ก่อน`, `${name} is an old .xls workbook: save it as .xlsx first`);
  }
  // No telling extension: a zip is a workbook, a leading { or [ is JSON, anything else is read as CSV.
  if (head.length >= 2 && head[0] === 0x50 && head[1] === 0x4b) return 'xlsx';
  // An OLE compound file: a password-protected workbook, or an .xls without its extension.
  if (head.length >= 4 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'xlsx';
  let i = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  return head[i] === 0x7b || head[i] === 0x5b ? 'json' : 'csv';
}

/**
 * The records of an e-GP CSV given as byte chunks (a file streamed from disk, or slices of a file
 * read in a browser), one batch per chunk. `info` learns the encoding and the header as they are found.
 */
export function csvSourceRecords(
  info: SourceInfo,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  opts: ReadOptions = {},
): AsyncGenerator<SourceRecord[]> {
  const egp: EgpRead = {};
  info.egp = egp;
  const name = baseName(info.file);
  const { agency } = opts;
  if (agency !== undefined && opts.encoding !== 'utf-16le' && opts.encoding !== 'utf-16be') {
    return namedCsvErrors(agencyRecordsUnlessUtf16(info, chunks, { ...opts, agency }, egp, name), name);
  }
  return textCsvRecords(info, chunks, opts, egp, name);
}

function textCsvRecords(info: SourceInfo, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, opts: ReadOptions, egp: EgpRead, name: string): AsyncGenerator<SourceRecord[]> {
  const text = decodeByteChunks(chunks, { encoding: opts.encoding, decoderFor: opts.decoderFor, onDetect: (d) => (info.encoding = d) });
  return namedCsvErrors(egpCsvRecordBatches(csvRowBatches(undecodable(text, info), 'auto'), name, egp), name);
}

/**
 * The byte reader for one agency (egpCsvBytes.ts), unless the first chunk shows UTF-16, whose
 * delimiters and line ends are two bytes: that file is decoded whole.
 */
async function* agencyRecordsUnlessUtf16(
  info: SourceInfo,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  opts: ReadOptions & { readonly agency: string },
  egp: EgpRead,
  name: string,
): AsyncGenerator<SourceRecord[]> {
  const it = (Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : chunks[Symbol.iterator]()) as AsyncIterator<Uint8Array> | Iterator<Uint8Array>;
  const first = await it.next();
  async function* all(): AsyncGenerator<Uint8Array> {
    if (first.done) return;
    yield first.value;
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  }
  if (!first.done && !opts.encoding && detectUtf16(first.value)) {
    yield* textCsvRecords(info, all(), opts, egp, name);
    return;
  }
  yield* egpCsvRecordsForAgency(all(), name, egp, { ...opts, onDetect: (d) => (info.encoding = d) });
}

/**
 * The text, stopped at the first character the decoder could not read (U+FFFD): the file is not
 * in the encoding it was read as, and the rows from there on would carry garbage into the sheet.
 */
async function* undecodable(text: AsyncIterable<string>, info: SourceInfo): AsyncGenerator<string> {
  let line = 1;
  for await (const chunk of text) {
    const bad = chunk.indexOf('\uFFFD');
    if (bad >= 0) {
      for (let k = chunk.indexOf('\n'); k >= 0 && k < bad; k = chunk.indexOf('\n', k + 1)) line++;
      const enc = info.encoding?.encoding ?? 'utf-8';
      throw new CsvStructureError(
        'undecodable',
        line,
        `บรรทัด ${line} มีตัวอักษรที่ถอดรหัสแบบ ${enc} ไม่ได้ (ไฟล์ไม่ได้เข้ารหัสแบบนี้ทั้งไฟล์): ระบุการเข้ารหัสด้วย --encoding เช่น windows-874 หรือบันทึกไฟล์ใหม่เป็น "CSV UTF-8"`,
        `line ${line} holds bytes that are not ${enc} (the file is not in one encoding): give --encoding, e.g. windows-874, or save the file again as "CSV UTF-8"`,
      );
    }
    for (let k = chunk.indexOf('\n'); k >= 0; k = chunk.indexOf('\n', k + 1)) line++;
    yield chunk;
  }
}

/** A broken CSV named in the error: "egp.csv line 12: …". */
async function* namedCsvErrors<T>(batches: AsyncGenerator<T>, name: string): AsyncGenerator<T> {
  try {
    yield* batches;
  } catch (e) {
    if (e instanceof CsvStructureError) throw new ImportError(`csv-${e.code}`, `${name}: ${e.th}`, `${name}: ${e.en}`);
    throw e;
  }
}

/** The records of the e-GP datastore JSON, from the whole file's bytes. */
export function jsonSourceRecords(info: SourceInfo, bytes: Uint8Array, opts: ReadOptions = {}): SourceRecord[] {
  const { text, detection } = decodeBytes(bytes, opts);
  info.encoding = detection;
  const { records, header, methodsSwapped } = egpJsonRecords(text, baseName(info.file));
  info.egp = { header, methodsSwapped };
  return records;
}

/**
 * The records of a workbook's sheets (สขร.1 months, o16/o17 of another layout). Throws ImportError
 * when no sheet is either: the officer picked the wrong workbook.
 */
export function workbookRecords(info: SourceInfo, sheets: readonly SheetGrid[], hints: (sheet: string) => RecognizeHints = () => ({})): SourceRecord[] {
  const read = readWorkbookSources(sheets, baseName(info.file), hints);
  info.sheets = read.sheets;
  if (!read.sheets.some((s) => s.kind !== 'ignored')) {
    throw new ImportError(
      'no-source-sheet',
      `${info.file}: ไม่พบแผ่นงานแบบ สขร.1 หรือแบบ o16/o17 (หัวตารางไม่ตรง)`,
      `${info.file}: no สขร.1 or o16/o17 sheet was recognised`,
    );
  }
  return read.records;
}

/** The file's own name, without folders: how records name where they came from. */
function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

/** A whole file's bytes as chunks, so that a file read at once decodes like one streamed. */
export function* byteChunks(bytes: Uint8Array, size = 256 * 1024): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, Math.min(bytes.length, i + size));
}
