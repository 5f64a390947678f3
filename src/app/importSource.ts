/**
 * A file the officer picked in the task pane → source records. Everything happens in the browser:
 * the bytes come from the picked file and nothing is sent anywhere. CSV and JSON are decoded here
 * with the browser's TextDecoder (UTF-8 or Windows-874; no iconv in the pane). A workbook needs
 * exceljs, which is large: it is loaded only when an officer picks an .xlsx, as a separate chunk
 * of the add-in, so that the pane itself stays the size it was.
 */
import {
  byteChunks,
  csvSourceRecords,
  ImportError,
  jsonSourceRecords,
  SNIFF_BYTES,
  sourceFormat,
  textDecoderFactory,
  type DecoderFactory,
  type SourceInfo,
  type SourceRecord,
  type TextEncodingName,
} from '../domain/import';

export interface LoadedSource {
  readonly info: SourceInfo;
  readonly records: readonly SourceRecord[];
}

/** The browser's TextDecoder, with an officer's message when it lacks the encoding. */
const browserDecoderFactory: DecoderFactory = (encoding) => {
  try {
    return textDecoderFactory(encoding);
  } catch {
    throw new ImportError(
      'decoder',
      `โปรแกรมนี้อ่านไฟล์ที่บันทึกแบบ ${encoding} ไม่ได้: บันทึกไฟล์ใหม่เป็น "CSV UTF-8" แล้วเลือกอีกครั้ง หรือใช้คำสั่ง ita-forms import`,
      `This browser cannot decode ${encoding}: save the file as "CSV UTF-8", or use ita-forms import`,
    );
  }
};

/** Reads the workbook through exceljs, fetched on first use. */
async function workbookRecordsOf(info: SourceInfo, bytes: Uint8Array): Promise<SourceRecord[]> {
  let reader: typeof import('../xlsx/workbookSource');
  try {
    reader = await import(/* webpackChunkName: "xlsx-source" */ '../xlsx/workbookSource');
  } catch {
    throw new ImportError(
      'xlsx-reader',
      'โหลดตัวอ่านไฟล์ Excel ไม่สำเร็จ: ลองอีกครั้ง หรือบันทึกเป็น CSV หรือใช้คำสั่ง ita-forms import',
      'Could not load the workbook reader: try again, save as CSV, or use ita-forms import',
    );
  }
  return reader.workbookBytesRecords(info, bytes);
}

export interface ReadSourceOptions {
  readonly encoding?: TextEncodingName;
  readonly decoderFor?: DecoderFactory;
}

/**
 * All records of one picked file (the pane keeps them: the preview and the write both use them).
 * Throws ImportError, with a Thai message, for a file it cannot use.
 */
export async function readSourceBytes(name: string, bytes: Uint8Array, opts: ReadSourceOptions = {}): Promise<LoadedSource> {
  const format = sourceFormat(name, bytes.subarray(0, SNIFF_BYTES), bytes.length);
  const info: SourceInfo = { file: name, format };
  const read = { encoding: opts.encoding, decoderFor: opts.decoderFor ?? browserDecoderFactory };
  if (format === 'json') return { info, records: jsonSourceRecords(info, bytes, read) };
  if (format === 'xlsx') return { info, records: await workbookRecordsOf(info, bytes) };
  const records: SourceRecord[] = [];
  for await (const batch of csvSourceRecords(info, byteChunks(bytes), read)) for (const r of batch) records.push(r);
  return { info, records };
}
