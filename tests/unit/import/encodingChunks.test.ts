/**
 * The encoding is decided on whole characters, wherever the reader's chunks happen to end: a real
 * e-GP CSV, in UTF-8 (with and without BOM) and in Windows-874, split at every byte boundary, reads
 * back as the same text with the right encoding. (Before, a file whose first Thai byte fell in the
 * last 1–3 bytes of the first 256 KiB read was decoded as UTF-8: mojibake without an error.)
 */
import iconv from 'iconv-lite';
import { decodeByteChunks } from '../../../src/domain/import/encoding';
import { egpCsv, egpRows } from '../../fixtures/import/egp';

async function decodeChunks(chunks: Uint8Array[]): Promise<{ text: string; encoding?: string; bom?: boolean }> {
  let encoding: string | undefined;
  let bom: boolean | undefined;
  let text = '';
  for await (const s of decodeByteChunks(chunks, { onDetect: (d) => ((encoding = d.encoding), (bom = d.bom)) })) text += s;
  return { text, encoding, bom };
}

const csv = egpCsv(egpRows());
// A file whose first lines are ASCII only (sequence numbers, codes), so that its first Thai byte
// falls deep inside the file, as in a large export.
const asciiFirst = Array.from({ length: 40 }, (_, i) => `${i + 1},6701${String(i).padStart(7, '0')},,,,,0\r\n`).join('') + csv;

const files: { name: string; bytes: Uint8Array; encoding: 'utf-8' | 'windows-874'; text: string }[] = [
  { name: 'UTF-8', bytes: new Uint8Array(Buffer.from(csv, 'utf8')), encoding: 'utf-8', text: csv },
  { name: 'UTF-8 with BOM', bytes: new Uint8Array(Buffer.from('\uFEFF' + csv, 'utf8')), encoding: 'utf-8', text: csv },
  { name: 'Windows-874', bytes: new Uint8Array(iconv.encode(csv, 'windows-874')), encoding: 'windows-874', text: csv },
  { name: 'UTF-8, ASCII lines first', bytes: new Uint8Array(Buffer.from(asciiFirst, 'utf8')), encoding: 'utf-8', text: asciiFirst },
  { name: 'Windows-874, ASCII lines first', bytes: new Uint8Array(iconv.encode(asciiFirst, 'windows-874')), encoding: 'windows-874', text: asciiFirst },
];

/** The first byte above 0x7F: where the decision is made. */
const firstHigh = (b: Uint8Array) => b.findIndex((x) => x >= 0x80);

describe.each(files)('$name', ({ bytes, encoding, text }) => {
  it('reads the same text in two chunks split at every byte boundary', async () => {
    const wrong: number[] = [];
    for (let k = 1; k < bytes.length; k++) {
      const r = await decodeChunks([bytes.subarray(0, k), bytes.subarray(k)]);
      if (r.text !== text || r.encoding !== encoding) wrong.push(k);
    }
    expect(wrong).toEqual([]);
  });

  it('reads the same text when a chunk edge falls at every byte around the first Thai character, in 256-byte chunks after it', async () => {
    const p = firstHigh(bytes);
    expect(p).toBeGreaterThanOrEqual(0);
    for (let edge = Math.max(1, p - 4); edge <= p + 8; edge++) {
      const chunks = [bytes.subarray(0, edge)];
      for (let i = edge; i < bytes.length; i += 256) chunks.push(bytes.subarray(i, i + 256));
      const r = await decodeChunks(chunks);
      expect({ edge, text: r.text, encoding: r.encoding }).toEqual({ edge, text, encoding });
    }
  });

  it('reads the same text in chunks of 1 to 7 bytes (every character cut somewhere)', async () => {
    for (let size = 1; size <= 7; size++) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const r = await decodeChunks(chunks);
      expect({ size, text: r.text, encoding: r.encoding }).toEqual({ size, text, encoding });
    }
  });
});

it('a file that ends inside its only Thai character is judged on what there is', async () => {
  const b = new Uint8Array(Buffer.from('abc,ก', 'utf8')).subarray(0, 5);
  const r = await decodeChunks([b.subarray(0, 4), b.subarray(4)]);
  // E0 B8 cut: not UTF-8; its bytes are Thai letters in Windows-874.
  expect(r.encoding).toBe('windows-874');
});
