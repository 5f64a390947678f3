import { CsvParser, CsvStructureError, csvRows, MAX_FIELD_CHARS, MAX_FIELDS, parseCsv, sniffDelimiter } from '../../../src/domain/import/csv';

/** Feeds `text` in pieces of `size` characters. */
function inPieces(text: string, size: number): string[][] {
  const p = new CsvParser();
  const out: string[][] = [];
  for (let i = 0; i < text.length; i += size) p.push(text.slice(i, i + size), out);
  p.end(out);
  return out;
}

const SAMPLE =
  '\uFEFFรหัสโครงการ,ชื่อโครงการ,วงเงิน\r\n' +
  '67039549408,"ก่อสร้างถนน ""สายหลัก"", หมู่ที่ 3\r\nบ้านหนองบัว",2450000\r\n' +
  '67039549409,จัดซื้อวัสดุ,\r\n' +
  '\r\n' +
  '"","",""\r\n' +
  '67039549410,"ท้ายไฟล์ไม่มีขึ้นบรรทัดใหม่",9000';

const EXPECTED = [
  ['รหัสโครงการ', 'ชื่อโครงการ', 'วงเงิน'],
  ['67039549408', 'ก่อสร้างถนน "สายหลัก", หมู่ที่ 3\r\nบ้านหนองบัว', '2450000'],
  ['67039549409', 'จัดซื้อวัสดุ', ''],
  ['', '', ''],
  ['67039549410', 'ท้ายไฟล์ไม่มีขึ้นบรรทัดใหม่', '9000'],
];

describe('CSV (RFC 4180), read incrementally', () => {
  it('reads quotes, doubled quotes, line breaks inside quotes, CRLF, a BOM, a blank line and no final line break', () => {
    expect(parseCsv(SAMPLE)).toEqual(EXPECTED);
  });

  it('gives the same rows whatever the chunk size, down to one character (a quote or CR at a chunk end)', () => {
    for (const size of [1, 2, 3, 5, 7, 16, 64]) expect(inPieces(SAMPLE, size)).toEqual(EXPECTED);
  });

  it('accepts LF and lone CR line ends, and a trailing empty field', () => {
    expect(parseCsv('a,b\nc,\r"d"\n')).toEqual([['a', 'b'], ['c', ''], ['d']]);
  });

  it('keeps text after a closing quote as Excel does', () => {
    expect(parseCsv('"ab"cd,e')).toEqual([['abcd', 'e']]);
  });

  it('an unterminated quote is an error at the line it opened on, never a short read', () => {
    const p = new CsvParser();
    const out: string[][] = [];
    p.push('h1,h2\r\na,"ok\nstill ok"\nx,"never closed\nstill inside\n', out);
    let error: CsvStructureError | undefined;
    try {
      p.end(out);
    } catch (e) {
      error = e as CsvStructureError;
    }
    expect(error).toBeInstanceOf(CsvStructureError);
    expect(error?.code).toBe('unterminated-quote');
    // Line 1 the header, 2–3 the quoted line break, 4 the quote never closed.
    expect(error?.line).toBe(4);
    expect(error?.th).toContain('บรรทัด 4');
    expect(p.endedInQuotes).toBe(true);
    expect(() => parseCsv('a,b\n"๑,๒๐๐ บาท')).toThrow(/line 2/);
  });

  it('a quote left open over a huge file stops at the field limit instead of reading it all as one record', () => {
    const p = new CsvParser();
    const out: string[][] = [];
    p.push('h\n"', out);
    const chunk = 'ก,ข,ค\n'.repeat(10_000);
    expect(() => {
      for (let i = 0; i < 10; i++) p.push(chunk, out);
    }).toThrow(CsvStructureError);
  });

  it('a line with no line breaks or too many fields is not a table', () => {
    expect(() => parseCsv('x'.repeat(MAX_FIELD_CHARS + 1))).toThrow(/line 1 has a field longer/);
    expect(() => parseCsv('h\n' + ','.repeat(MAX_FIELDS + 1))).toThrow(/line 2 has .* fields/);
    const p = new CsvParser();
    expect(() => p.push('h\n' + 'a,'.repeat(MAX_FIELDS + 5) + '\n', [])).toThrow(CsvStructureError);
  });

  it('finds the delimiter from the first line: comma, tab (Excel "Unicode text") or semicolon', () => {
    expect(sniffDelimiter('เลขที่โครงการ\tชื่อโครงการ\t"a,b"\r\n1\t2\t3')).toBe('\t');
    expect(sniffDelimiter('a,b;c,d\n')).toBe(',');
    expect(sniffDelimiter('a;b;c\n')).toBe(';');
    expect(sniffDelimiter('single')).toBe(',');
  });

  it('gives back exactly the fields written, for random fields cut at random chunk sizes (both reading paths)', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const pieces = ['ก', 'ข', 'a', '1', ' ', ',', '"', '\n', '\r\n', '\r', 'ย', '๒'];
    for (let trial = 0; trial < 200; trial++) {
      const rows: string[][] = [];
      const nRows = 1 + Math.floor(rnd() * 12);
      for (let r = 0; r < nRows; r++) {
        const nFields = 1 + Math.floor(rnd() * 5);
        const row: string[] = [];
        for (let f = 0; f < nFields; f++) {
          let v = '';
          const len = Math.floor(rnd() * 6);
          // Mostly plain fields, so that most rows take the fast path.
          const plain = rnd() < 0.7;
          for (let k = 0; k < len; k++) v += plain ? pieces[Math.floor(rnd() * 5)] : pieces[Math.floor(rnd() * pieces.length)];
          row.push(v);
        }
        // A row of one empty field is a blank line, which is not a record.
        if (row.length === 1 && row[0] === '') row[0] = 'x';
        rows.push(row);
      }
      const eol = rnd() < 0.5 ? '\r\n' : '\n';
      const text = rows.map((r) => r.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join(eol) + (rnd() < 0.5 ? eol : '');
      const size = 1 + Math.floor(rnd() * 40);
      expect(inPieces(text, size)).toEqual(rows);
      expect(parseCsv(text)).toEqual(rows);
    }
  });

  it('streams rows from an async iterable of chunks', async () => {
    async function* chunks() {
      for (let i = 0; i < SAMPLE.length; i += 10) yield SAMPLE.slice(i, i + 10);
    }
    const rows: string[][] = [];
    for await (const r of csvRows(chunks())) rows.push(r);
    expect(rows).toEqual(EXPECTED);
  });
});
