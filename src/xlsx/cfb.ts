/**
 * The stream names of an OLE compound file (CFB) — the container of old .xls workbooks and of
 * password-protected .xlsx (an encrypted package beside its EncryptionInfo). Only the directory is
 * read, to tell the officer which of the two they picked.
 */
import type { ByteSource } from './zipDirectory';

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const MAX_SECTOR = 0xfffffffa;

export function isCfb(head: Uint8Array): boolean {
  return CFB_MAGIC.every((b, i) => head[i] === b);
}

/** The names of the streams and storages in the compound file (empty when its directory cannot be read). */
async function cfbNames(src: ByteSource): Promise<string[]> {
  const header = await src.read(0, 512);
  if (header.length < 512 || !isCfb(header)) return [];
  const h = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const shift = h.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return [];
  const size = 1 << shift;
  const sectorCount = Math.ceil(src.size / size);
  const sector = (n: number) => src.read((n + 1) * size, size);

  // The FAT's own sectors: 109 in the header, the rest along the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = h.getUint32(0x4c + i * 4, true);
    if (s <= MAX_SECTOR) fatSectors.push(s);
  }
  let difat = h.getUint32(0x44, true);
  for (let guard = 0; difat <= MAX_SECTOR && guard < sectorCount; guard++) {
    const d = await sector(difat);
    const v = new DataView(d.buffer, d.byteOffset, d.byteLength);
    for (let i = 0; i < size / 4 - 1; i++) {
      const s = v.getUint32(i * 4, true);
      if (s <= MAX_SECTOR) fatSectors.push(s);
    }
    difat = v.getUint32(size - 4, true);
  }
  const perSector = size / 4;
  const fatCache = new Map<number, DataView>();
  const next = async (n: number): Promise<number> => {
    const k = Math.floor(n / perSector);
    if (k >= fatSectors.length) return END_OF_CHAIN;
    let v = fatCache.get(k);
    if (!v) {
      const d = await sector(fatSectors[k]);
      v = new DataView(d.buffer, d.byteOffset, d.byteLength);
      fatCache.set(k, v);
    }
    return (n % perSector) * 4 + 4 <= v.byteLength ? v.getUint32((n % perSector) * 4, true) : END_OF_CHAIN;
  };

  const names: string[] = [];
  const utf16 = new TextDecoder('utf-16le');
  let dir = h.getUint32(0x30, true);
  for (let guard = 0; dir <= MAX_SECTOR && dir !== FREE && guard < sectorCount; guard++) {
    const d = await sector(dir);
    for (let e = 0; e + 128 <= d.length; e += 128) {
      const len = d[e + 0x40] | (d[e + 0x41] << 8);
      const type = d[e + 0x42];
      if (type === 0 || len < 2 || len > 64) continue;
      names.push(utf16.decode(d.subarray(e, e + len - 2)));
    }
    dir = await next(dir);
  }
  return names;
}

export type CfbKind = 'encrypted-ooxml' | 'xls' | 'other';

/** What a compound file holds, for the message to the officer. */
export async function cfbKind(src: ByteSource): Promise<CfbKind> {
  const names = await cfbNames(src);
  if (names.includes('EncryptedPackage') || names.includes('EncryptionInfo')) return 'encrypted-ooxml';
  if (names.includes('Workbook') || names.includes('Book')) return 'xls';
  return 'other';
}
