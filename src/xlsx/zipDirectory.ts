/**
 * A zip file's central directory — the names and the sizes its entries declare — read without
 * inflating anything: the check that a workbook is safe to open comes before any of it is opened.
 * Pure (bytes in, facts out): the command line reads a file's tail from disk, a browser a slice of
 * the picked file.
 */

/** Random access to a file's bytes. */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
  readonly encrypted: boolean;
}

export class ZipFormatError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const MAX_COMMENT = 0xffff;
/** A workbook has a few dozen entries; a directory bigger than this is not one. */
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;
const MAX_ENTRIES = 50_000;

function view(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

function u64(v: DataView, at: number): number {
  const lo = v.getUint32(at, true);
  const hi = v.getUint32(at + 4, true);
  return hi * 0x100000000 + lo;
}

/** Bytes of a source, from a bytes array (a file a browser read whole, a test's buffer). */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)) };
}

/** The entries of the zip, as its central directory declares them. Throws ZipFormatError when it is not a readable zip. */
export async function readZipDirectory(src: ByteSource): Promise<ZipEntry[]> {
  const tailLength = Math.min(src.size, 22 + MAX_COMMENT + 20);
  const tail = await src.read(src.size - tailLength, tailLength);
  const tv = view(tail);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tv.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('no end of central directory');
  let entries = tv.getUint16(eocd + 10, true);
  let dirSize = tv.getUint32(eocd + 12, true);
  let dirOffset = tv.getUint32(eocd + 16, true);
  if ((entries === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) && eocd >= 20 && tv.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
    const at = u64(tv, eocd - 20 + 8);
    const z = view(await src.read(at, 56));
    if (z.byteLength < 56 || z.getUint32(0, true) !== ZIP64_EOCD) throw new ZipFormatError('bad zip64 end of central directory');
    entries = u64(z, 32);
    dirSize = u64(z, 40);
    dirOffset = u64(z, 48);
  }
  if (entries > MAX_ENTRIES || dirSize > MAX_DIRECTORY_BYTES) throw new ZipFormatError(`too many entries (${entries}) or too large a directory (${dirSize} bytes)`);
  if (dirOffset + dirSize > src.size) throw new ZipFormatError('central directory beyond the end of the file (truncated?)');
  const dir = await src.read(dirOffset, dirSize);
  const dv = view(dir);
  const out: ZipEntry[] = [];
  const names = new TextDecoder('utf-8');
  let p = 0;
  for (let k = 0; k < entries; k++) {
    if (p + 46 > dir.length || dv.getUint32(p, true) !== CENTRAL) throw new ZipFormatError('bad central directory entry');
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    let compressedSize = dv.getUint32(p + 20, true);
    let uncompressedSize = dv.getUint32(p + 24, true);
    const nameLength = dv.getUint16(p + 28, true);
    const extraLength = dv.getUint16(p + 30, true);
    const commentLength = dv.getUint16(p + 32, true);
    let localHeaderOffset = dv.getUint32(p + 42, true);
    const name = names.decode(dir.subarray(p + 46, p + 46 + nameLength));
    // Zip64: the real sizes are in the extra field, in this order, for the fields that overflowed.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = dv.getUint16(e, true);
      const len = dv.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff && q + 8 <= e + 4 + len) (uncompressedSize = u64(dv, q)), (q += 8);
        if (compressedSize === 0xffffffff && q + 8 <= e + 4 + len) (compressedSize = u64(dv, q)), (q += 8);
        if (localHeaderOffset === 0xffffffff && q + 8 <= e + 4 + len) localHeaderOffset = u64(dv, q);
      }
      e += 4 + len;
    }
    out.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset, encrypted: (flags & 1) !== 0 });
    p = extraEnd + commentLength;
  }
  return out;
}

/** Where an entry's compressed bytes start (after its local header). */
export async function entryDataOffset(src: ByteSource, entry: ZipEntry): Promise<number> {
  const h = view(await src.read(entry.localHeaderOffset, 30));
  if (h.byteLength < 30 || h.getUint32(0, true) !== 0x04034b50) throw new ZipFormatError(`bad local header of ${entry.name}`);
  return entry.localHeaderOffset + 30 + h.getUint16(26, true) + h.getUint16(28, true);
}
