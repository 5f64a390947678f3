import iconv from 'iconv-lite';
import { decodeByteChunks, decodeBytes, detectEncoding } from '../../../src/domain/import/encoding';

const THAI = 'ชื่อโครงการจัดซื้อจัดจ้าง,วงเงินงบประมาณ (บาท)\nจ้างเหมาซ่อมแซมถนน หมู่ที่ ๓,2450000\n';
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const tis = (s: string) => new Uint8Array(iconv.encode(s, 'windows-874'));

async function decodeIn(bytes: Uint8Array, size: number): Promise<{ text: string; encoding?: string }> {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  let encoding: string | undefined;
  let text = '';
  for await (const s of decodeByteChunks(chunks, { onDetect: (d) => (encoding = d.encoding) })) text += s;
  return { text, encoding };
}

describe('encoding detection', () => {
  it('tells UTF-8 with a BOM, UTF-8 without one, and Windows-874 apart', () => {
    expect(detectEncoding(utf8('\uFEFF' + THAI))).toEqual({ encoding: 'utf-8', bom: true });
    expect(detectEncoding(utf8(THAI))).toEqual({ encoding: 'utf-8', bom: false });
    expect(detectEncoding(tis(THAI))).toEqual({ encoding: 'windows-874', bom: false });
    expect(detectEncoding(utf8('plain ascii, 123'))).toEqual({ encoding: 'utf-8', bom: false });
  });

  it('accepts a UTF-8 character cut at the end of a chunk, but not at the end of the whole file', () => {
    const b = utf8('ก');
    expect(detectEncoding(b.subarray(0, 2)).encoding).toBe('utf-8');
    // As a whole file the cut sequence is invalid UTF-8, and its bytes are in TIS-620's Thai range.
    expect(detectEncoding(b.subarray(0, 2), true).encoding).toBe('windows-874');
  });

  it('decodes a stream chunk by chunk, characters cut between chunks coming out whole', async () => {
    for (const size of [1, 2, 5, 4096]) {
      expect(await decodeIn(utf8('\uFEFF' + THAI), size)).toEqual({ text: THAI, encoding: 'utf-8' });
      expect(await decodeIn(tis(THAI), size)).toEqual({ text: THAI, encoding: 'windows-874' });
    }
  });

  it('decides at the first chunk with a byte above 0x7F: an ASCII start is passed through', async () => {
    const text = 'ลำดับ'.padStart(40, 'x');
    const bytes = tis(text);
    expect(await decodeIn(bytes, 8)).toEqual({ text, encoding: 'windows-874' });
  });

  it('decodes a whole file at once, dropping the BOM', () => {
    expect(decodeBytes(utf8('\uFEFF{"a":"ก"}')).text).toBe('{"a":"ก"}');
    expect(decodeBytes(tis('{"a":"ก"}'))).toEqual({ text: '{"a":"ก"}', detection: { encoding: 'windows-874', bom: false } });
  });
});

describe('decoding without full ICU', () => {
  it('iconv-lite decodes Windows-874 chunk by chunk the same way', async () => {
    const { iconvDecoderFactory } = await import('../../../src/xlsx/importSources');
    const decoderFor = iconvDecoderFactory(iconv);
    const bytes = tis(THAI);
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 3) chunks.push(bytes.subarray(i, i + 3));
    let text = '';
    for await (const s of decodeByteChunks(chunks, { decoderFor })) text += s;
    expect(text).toBe(THAI);
  });
});
