/**
 * Source files on disk → the import domain's source records: e-GP CSV streamed from disk and
 * decoded chunk by chunk (never read whole), e-GP datastore JSON, and .xlsx workbooks (สขร.1
 * months, o16/o17 of another layout) read through exceljs.
 */
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {
  csvRowBatches,
  decodeByteChunks,
  decodeBytes,
  egpCsvRecordBatches,
  egpJsonRecords,
  ImportError,
  readWorkbookSources,
  textDecoderFactory,
  type ChunkDecoder,
  type DecoderFactory,
  type Detection,
  type EgpRead,
  type SheetUse,
  type SourceRecord,
  type TextEncodingName,
} from '../domain/import';
import { loadWorkbook } from './read';

export type SourceFormat = 'csv' | 'json' | 'xlsx';

/** What was learnt about a source while reading it (filled as the records stream). */
export interface SourceInfo {
  readonly file: string;
  readonly format: SourceFormat;
  encoding?: Detection;
  egp?: EgpRead;
  sheets?: readonly SheetUse[];
}

export interface OpenedSource {
  readonly info: SourceInfo;
  /** Records in batches: a CSV streams one batch per chunk read; other sources come as one. */
  readonly records: AsyncIterable<readonly SourceRecord[]> | Iterable<readonly SourceRecord[]>;
}

/** Decoders from iconv-lite: for a Node without full ICU, whose TextDecoder lacks Windows-874. */
export function iconvDecoderFactory(iconv: typeof import('iconv-lite')): DecoderFactory {
  return (enc: TextEncodingName): ChunkDecoder => {
    if (enc === 'utf-8') return textDecoderFactory(enc);
    const d = iconv.getDecoder('windows-874');
    return { write: (b) => d.write(Buffer.from(b.buffer, b.byteOffset, b.byteLength)), end: () => d.end() ?? '' };
  };
}

let factory: Promise<DecoderFactory> | undefined;

/**
 * TextDecoder when this Node knows Windows-874 (builds with full ICU, the default); otherwise
 * iconv-lite, loaded only then.
 */
export function nodeDecoderFactory(): Promise<DecoderFactory> {
  factory ??= (async () => {
    try {
      new TextDecoder('windows-874');
      return textDecoderFactory;
    } catch {
      return iconvDecoderFactory(await import('iconv-lite'));
    }
  })();
  return factory;
}

const CHUNK = 256 * 1024;

async function sniff(file: string): Promise<SourceFormat> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return 'csv';
  if (ext === '.json') return 'json';
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.xls') {
    throw new ImportError('xls', `${file} เป็นไฟล์ Excel แบบเก่า (.xls): ให้เปิดแล้วบันทึกเป็น .xlsx ก่อน`, `${file} is an old .xls workbook: save it as .xlsx first`);
  }
  const fh = await fs.open(file, 'r');
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await fh.read(head, 0, 8, 0);
    if (bytesRead >= 2 && head[0] === 0x50 && head[1] === 0x4b) return 'xlsx';
    const first = head.subarray(0, bytesRead).toString('latin1').replace(/^\u00EF\u00BB\u00BF/, '').trimStart()[0];
    return first === '{' || first === '[' ? 'json' : 'csv';
  } finally {
    await fh.close();
  }
}

async function* streamBytes(file: string): AsyncGenerator<Uint8Array> {
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK })) yield chunk as Buffer;
}

/** Opens one source file; CSV records stream as they are read. */
export async function openSource(file: string, opts: { encoding?: TextEncodingName } = {}): Promise<OpenedSource> {
  try {
    await fs.access(file);
  } catch {
    throw new ImportError('missing', `ไม่พบไฟล์หรือเปิดไม่ได้: ${file}`, `File not found or unreadable: ${file}`);
  }
  const format = await sniff(file);
  const name = path.basename(file);
  const info: SourceInfo = { file, format };
  const decoderFor = await nodeDecoderFactory();
  if (format === 'csv') {
    const egp: EgpRead = {};
    info.egp = egp;
    const text = decodeByteChunks(streamBytes(file), { encoding: opts.encoding, decoderFor, onDetect: (d) => (info.encoding = d) });
    return { info, records: egpCsvRecordBatches(csvRowBatches(text), name, egp) };
  }
  if (format === 'json') {
    const bytes = await fs.readFile(file);
    const { text, detection } = decodeBytes(bytes, { encoding: opts.encoding, decoderFor });
    info.encoding = detection;
    const { records, header, methodsSwapped } = egpJsonRecords(text, name);
    info.egp = { header, methodsSwapped };
    return { info, records: [records] };
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch {
    throw new ImportError('xlsx-corrupt', `${file} เสียหายหรืออ่านไม่ได้`, `${file} is corrupt or cannot be read`);
  }
  const loaded = await loadWorkbook(wb);
  const read = readWorkbookSources(loaded.sheets, name, (sheet) => {
    const b = loaded.meta.sheets[sheet];
    return b ? { templateId: b.template, edition: b.edition } : {};
  });
  info.sheets = read.sheets;
  if (!read.sheets.some((s) => s.kind !== 'ignored')) {
    throw new ImportError(
      'no-source-sheet',
      `${file}: ไม่พบแผ่นงานแบบ สขร.1 หรือแบบ o16/o17 (หัวตารางไม่ตรง)`,
      `${file}: no สขร.1 or o16/o17 sheet was recognised`,
    );
  }
  return { info, records: [read.records] };
}

/** Several sources read one after another as one stream of record batches. */
export async function* chainRecords(sources: readonly OpenedSource[]): AsyncGenerator<readonly SourceRecord[]> {
  for (const s of sources) yield* s.records;
}
