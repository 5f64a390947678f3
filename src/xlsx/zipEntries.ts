/**
 * The entries of a zip file on disk (an .xlsx), from its central directory (zipDirectory.ts, the
 * same reader the pre-inflate inspection uses), so that any part can be streamed in any order: the
 * workbook and its strings first, then each sheet. Parts are inflated with Node's zlib as they are
 * read; nothing is spooled to temporary files.
 */
import { createReadStream, promises as fs } from 'node:fs';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { entryDataOffset, readZipDirectory, ZipFormatError, type ByteSource, type ZipEntry } from './zipDirectory';

export { ZipFormatError, type ZipEntry };

/** Random access to an open file, for the directory reader. */
export function fileSource(fh: fs.FileHandle, size: number): ByteSource {
  return {
    size,
    async read(offset, length) {
      const len = Math.max(0, Math.min(length, size - offset));
      const buf = Buffer.alloc(len);
      const { bytesRead } = await fh.read(buf, 0, len, offset);
      return buf.subarray(0, bytesRead);
    },
  };
}

/** The file's entries by name; throws ZipFormatError when it is not a readable zip. */
export async function zipEntries(path: string): Promise<Map<string, ZipEntry>> {
  const fh = await fs.open(path, 'r');
  try {
    const { size } = await fh.stat();
    const entries = await readZipDirectory(fileSource(fh, size));
    return new Map(entries.map((e) => [e.name.replace(/^\//, ''), e] as const));
  } finally {
    await fh.close();
  }
}

/** One entry's uncompressed bytes as a stream. */
export async function entryStream(path: string, entry: ZipEntry): Promise<Readable> {
  const fh = await fs.open(path, 'r');
  let start: number;
  try {
    const { size } = await fh.stat();
    start = await entryDataOffset(fileSource(fh, size), entry);
  } finally {
    await fh.close();
  }
  if (entry.compressedSize === 0) return Readable.from([]);
  const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 256 * 1024 });
  if (entry.method === 0) return raw;
  if (entry.method !== 8) throw new ZipFormatError(`unsupported compression method ${entry.method} in ${entry.name}`);
  const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
  raw.on('error', (e) => inflate.destroy(e));
  return raw.pipe(inflate);
}

/** One (small) entry's bytes, whole. */
export async function entryBuffer(path: string, entry: ZipEntry): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await entryStream(path, entry)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
