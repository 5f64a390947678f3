/**
 * Source files on disk → the import domain's source records: e-GP CSV streamed from disk and
 * decoded chunk by chunk (never read whole), e-GP datastore JSON, and .xlsx workbooks (สขร.1
 * months, o16/o17 of another layout) read through exceljs. What a file is and how its bytes
 * become records is the domain's (sourceFile.ts), shared with the task pane.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream, promises as fs } from 'node:fs';
import {
  ImportError,
  SNIFF_BYTES,
  csvSourceRecords,
  jsonSourceRecords,
  sourceFormat,
  textDecoderFactory,
  type ChunkDecoder,
  type DecoderFactory,
  type SourceFormat,
  type SourceInfo,
  type SourceRecord,
  type TextEncodingName,
} from '../domain/import';
import { inspectWorkbookFile } from './inspectFile';
import { workbookBytesRecords } from './workbookSource';

export type { SourceInfo };

export interface OpenedSource {
  readonly info: SourceInfo;
  /** Records in batches: a CSV streams one batch per chunk read; other sources come as one. */
  readonly records: AsyncIterable<readonly SourceRecord[]> | Iterable<readonly SourceRecord[]>;
}

/** Decoders from iconv-lite: for a Node without full ICU, whose TextDecoder lacks Windows-874. */
export function iconvDecoderFactory(iconv: typeof import('iconv-lite')): DecoderFactory {
  return (enc: TextEncodingName): ChunkDecoder => {
    if (enc === 'utf-8' || enc === 'utf-16le') return textDecoderFactory(enc);
    const d = iconv.getDecoder(enc);
    return { write: (b) => d.write(Buffer.from(b.buffer, b.byteOffset, b.byteLength)), end: () => d.end() ?? '' };
  };
}

let factory: Promise<DecoderFactory> | undefined;

/**
 * TextDecoder when this Node knows Windows-874 (builds with full ICU, the default); otherwise
 * iconv-lite, loaded only then.
 */
function nodeDecoderFactory(): Promise<DecoderFactory> {
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

/** The file's kind from its name, else from its first bytes (see sourceFormat). */
async function sniff(file: string): Promise<SourceFormat> {
  const fh = await fs.open(file, 'r');
  try {
    const { size } = await fh.stat();
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await fh.read(head, 0, SNIFF_BYTES, 0);
    return sourceFormat(file, head.subarray(0, bytesRead), size);
  } finally {
    await fh.close();
  }
}

async function* streamBytes(file: string): AsyncGenerator<Uint8Array> {
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK })) yield chunk as Buffer;
}

/**
 * Opens one source file; CSV records stream as they are read. With `agency` (the import's
 * `wantedAgency`), an e-GP CSV decodes only the agency columns of other agencies' rows.
 */
export async function openSource(file: string, opts: { encoding?: TextEncodingName; agency?: string } = {}): Promise<OpenedSource> {
  try {
    await fs.access(file);
  } catch {
    throw new ImportError('missing', `ไม่พบไฟล์หรือเปิดไม่ได้: ${file}`, `File not found or unreadable: ${file}`);
  }
  const format = await sniff(file);
  const info: SourceInfo = { file, format };
  const decoderFor = await nodeDecoderFactory();
  if (format === 'csv') {
    return { info, records: csvSourceRecords(info, streamBytes(file), { encoding: opts.encoding, decoderFor, agency: opts.agency, isUtf8 }) };
  }
  if (format === 'json') return { info, records: [jsonSourceRecords(info, await fs.readFile(file), { encoding: opts.encoding, decoderFor })] };
  // What the workbook is (.ods, password-protected…) and whether it is safe to inflate, before reading it.
  await inspectWorkbookFile(file);
  return { info, records: [await workbookBytesRecords(info, await fs.readFile(file))] };
}

/** Several sources read one after another as one stream of record batches. */
export async function* chainRecords(sources: readonly OpenedSource[]): AsyncGenerator<readonly SourceRecord[]> {
  for (const s of sources) yield* s.records;
}
