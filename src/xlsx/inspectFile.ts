/**
 * A workbook on disk inspected before it is read (inspectWorkbook.ts): only the zip's directory
 * and, for entries that could inflate past the limits, one streamed inflate that counts bytes and
 * keeps none. Called by the command line before any reader opens the file.
 */
import { promises as fs } from 'node:fs';
import { createInflateRaw, inflateRawSync, constants as zlib } from 'node:zlib';
import { getHeapStatistics } from 'node:v8';
import { inspectWorkbook, WorkbookRefused, type DeepChecks } from './inspectWorkbook';
import { limitsForHeap } from './limits';
import { entryDataOffset, type ByteSource, type ZipEntry } from './zipDirectory';
import { fileSource } from './zipEntries';

const CHUNK = 1024 * 1024;
const HEAD_COMPRESSED = 4096;

function deepChecks(src: ByteSource): DeepChecks {
  return {
    async inflatedSize(entry: ZipEntry, limit: number): Promise<number> {
      const start = await entryDataOffset(src, entry);
      const inflate = createInflateRaw();
      let total = 0;
      let done = false;
      const finished = new Promise<void>((resolve, reject) => {
        inflate.on('data', (d: Buffer) => {
          total += d.length;
          if (total > limit && !done) {
            done = true;
            inflate.destroy();
            resolve();
          }
        });
        inflate.on('end', resolve);
        inflate.on('close', resolve);
        inflate.on('error', (e) => (done ? resolve() : reject(e)));
      });
      for (let at = 0; at < entry.compressedSize && !done; at += CHUNK) {
        const part = await src.read(start + at, Math.min(CHUNK, entry.compressedSize - at));
        if (part.length === 0) break;
        // One chunk in flight: its output is counted and dropped before the next is read.
        await new Promise<void>((resolve) => inflate.write(part, () => resolve()));
      }
      if (!done) inflate.end();
      try {
        await finished;
      } catch {
        throw new WorkbookRefused('corrupt', `ไฟล์เสียหาย: อ่านส่วน ${entry.name} ไม่ได้`, `the workbook is damaged: ${entry.name} cannot be inflated`);
      }
      return total;
    },
    async headText(entry: ZipEntry): Promise<string> {
      const start = await entryDataOffset(src, entry);
      const part = await src.read(start, Math.min(HEAD_COMPRESSED, entry.compressedSize));
      if (entry.method === 0) return Buffer.from(part).toString('utf8');
      try {
        return inflateRawSync(part, { finishFlush: zlib.Z_SYNC_FLUSH, maxOutputLength: 8 * 1024 * 1024 }).toString('utf8', 0, 8192);
      } catch {
        return '';
      }
    },
  };
}

/** Throws WorkbookRefused (one line for the officer) unless `file` is an .xlsx safe to read. */
export async function inspectWorkbookFile(file: string): Promise<void> {
  let fh: fs.FileHandle;
  try {
    fh = await fs.open(file, 'r');
  } catch {
    throw new WorkbookRefused('not-xlsx', `ไม่พบไฟล์หรือเปิดไม่ได้: ${file}`, `File not found or unreadable: ${file}`);
  }
  try {
    const { size } = await fh.stat();
    const src = fileSource(fh, size);
    // The ceilings follow the memory this process may use (2 GB of heap on an 8 GB PC).
    await inspectWorkbook(src, file, deepChecks(src), limitsForHeap(getHeapStatistics().heap_size_limit));
  } finally {
    await fh.close();
  }
}
