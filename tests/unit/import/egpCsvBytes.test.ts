/**
 * The e-GP CSV read for one agency from its bytes (csvBytes.ts, egpCsvBytes.ts) against the text
 * path that decodes every row: the same records kept, the same rows of other agencies counted and
 * the same agency names listed, the same errors at the same lines — in UTF-8 with and without a
 * BOM, Windows-874, CRLF and LF, read in chunks of any size.
 */
import iconv from 'iconv-lite';
import { isUtf8 } from 'node:buffer';
import { parseCsv } from '../../../src/domain/import/csv';
import { CsvByteSplitter, utf8Chars } from '../../../src/domain/import/csvBytes';
import { byteChunks, csvSourceRecords, type ReadOptions, type SourceInfo } from '../../../src/domain/import/sourceFile';
import { importProcurement, type ImportResult } from '../../../src/domain/import/importProcurement';
import { ImportError } from '../../../src/domain/import/importError';
import type { SourceRecord } from '../../../src/domain/import/sourceRecord';
import { resolveTemplate } from '../../../src/domain/templates';
import { utcDate } from '../../../src/domain/values/thaiDate';
import { iconvDecoderFactory } from '../../../src/xlsx/importSources';
import { CHUMPHON, egpCsv, egpRows, type EgpRow } from '../../fixtures/import/egp';

const o16 = resolveTemplate('o16', '2567')!;
const today = utcDate(2024, 11, 1);
const HIGHWAYS = 'แขวงทางหลวงนครราชสีมาที่ 1';

/** The fixture's rows, and more rows of the agency and of others written the ways exports write them. */
function rows(): EgpRow[] {
  const base = egpRows();
  const own = base[0];
  const other = base[10];
  return [
    ...base,
    // The agency named loosely: abbreviated, spaced, with a location tail; the match keeps them all.
    { ...own, agency: 'ทต. ชุมพล', subAgency: '', projectNumber: '66119000001', contractNumber: '41/2567', item: 'จัดซื้อวัสดุก่อสร้าง, ๑,๒๐๐ บาท' },
    { ...own, agency: '  เทศบาลตำบล ชุมพล ', subAgency: 'เทศบาลตำบลชุมพล อำเภอสีคิ้ว จังหวัดนครราชสีมา', projectNumber: '66119000002', contractNumber: '42/2567', budget: '๑,๒๐๐' },
    // A quoted agency name with a comma and a doubled quote (another agency's), and one of the agency's with a line break.
    { ...other, agency: 'กรม "ทดสอบ", สาขา ๒', subAgency: 'หน่วย "ก"', projectNumber: '66119000003', contractNumber: '43/2567' },
    { ...own, agency: '', subAgency: 'เทศบาลตำบล\nชุมพล', projectNumber: '66119000004', contractNumber: '44/2567' },
    // Thai digits in a unit's name: the same unit as HIGHWAYS for the loose match.
    { ...base[11], subAgency: 'แขวงทางหลวงนครราชสีมาที่ ๑', projectNumber: '66119000005', contractNumber: '45/2567', signed: '๑๒ ธ.ค. ๖๖' },
    // No agency at all: another agency's for the filter.
    { ...other, agency: '', subAgency: '', projectNumber: '66119000006', contractNumber: '46/2567' },
    ...base.slice(0, 3).map((r, i) => ({ ...r, projectNumber: `6612900000${i}`, contractNumber: `5${i}/2567` })),
  ];
}

type Encoding = 'utf-8' | 'utf-8-bom' | 'windows-874';

function bytesOf(text: string, enc: Encoding): Uint8Array {
  if (enc === 'windows-874') return new Uint8Array(iconv.encode(text, 'windows-874'));
  return new TextEncoder().encode(enc === 'utf-8-bom' ? '\uFEFF' + text : text);
}

async function collect(bytes: Uint8Array, size: number, opts: ReadOptions, info: SourceInfo = { file: 'egp.csv', format: 'csv' }): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const b of csvSourceRecords(info, byteChunks(bytes, size), opts)) out.push(...b);
  return out;
}

async function imported(bytes: Uint8Array, size: number, unit: string, byBytes: boolean, extra: ReadOptions = {}): Promise<{ r: ImportResult; info: SourceInfo }> {
  const info: SourceInfo = { file: 'egp.csv', format: 'csv' };
  const records = csvSourceRecords(info, byteChunks(bytes, size), { ...extra, ...(byBytes ? { agency: unit, isUtf8 } : {}) });
  const r = await importProcurement(records, { choice: o16, fiscalYear: 2567, today, unit, budgetSource: 'เทศบัญญัติ' });
  return { r, info };
}

/** What an officer sees of an import: counts, rows, what was listed and why, the names offered. */
function seen({ r, info }: { r: ImportResult; info: SourceInfo }) {
  return {
    counts: r.counts, rows: r.rows, skipped: r.skipped, duplicates: r.duplicates, agencies: r.agencies, issues: r.issues,
    unitNotFound: r.unitNotFound, encoding: info.encoding, header: info.egp?.header, swapped: info.egp?.methodsSwapped,
  };
}

async function errorOf(p: Promise<unknown>): Promise<ImportError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('the byte-level agency filter keeps exactly what the loose agency match keeps', () => {
  const encodings: Encoding[] = ['utf-8', 'utf-8-bom', 'windows-874'];
  for (const enc of encodings) {
    for (const eol of ['\r\n', '\n'] as const) {
      it(`${enc}, ${eol === '\n' ? 'LF' : 'CRLF'}: same import for every unit name and chunk size`, async () => {
        const bytes = bytesOf(egpCsv(rows(), { eol }), enc);
        for (const unit of ['ทต.ชุมพล', CHUMPHON, HIGHWAYS, 'องค์การบริหารส่วนตำบลหนองบัว', 'เทศบาลตำบลไม่มีในไฟล์']) {
          for (const size of [7, 113, 256 * 1024]) {
            const text = seen(await imported(bytes, size, unit, false));
            const byte = seen(await imported(bytes, size, unit, true));
            expect(byte).toEqual(text);
          }
        }
      });
    }
  }

  it('keeps the agency written loosely, counts the others, lists every name seen', async () => {
    const bytes = bytesOf(egpCsv(rows()), 'windows-874');
    const { r } = await imported(bytes, 64, 'ทต.ชุมพล', true);
    const all = rows();
    // 10 fixture rows + 3 loose spellings + 3 copies are the agency's; the rest are others'.
    expect(r.counts.read).toBe(all.length);
    expect(r.counts.matchedAgency).toBe(16);
    expect(r.counts.otherAgencies).toBe(all.length - 16);
    const c = r.counts;
    expect(c.imported + c.otherAgencies + c.outsideWindow + c.skipped + c.duplicates + c.conflicts).toBe(c.read);
    expect(r.agencies.map((a) => a.name)).toEqual(expect.arrayContaining(['กรม "ทดสอบ", สาขา ๒', 'หน่วย "ก"', 'ทต. ชุมพล', 'เทศบาลตำบล\nชุมพล', 'แขวงทางหลวงนครราชสีมาที่ ๑']));
    // The amount written in Thai digits with a thousands comma is read.
    const budget = o16.template.columns.findIndex((col) => col.key === 'budget');
    expect(r.rows.find((x) => x.values.includes('66119000002'))?.values[budget]).toBe(1200);
  });

  it('gives rows of other agencies only their agency names; the agency\'s rows whole', async () => {
    const bytes = bytesOf(egpCsv(rows()), 'utf-8-bom');
    const text = await collect(bytes, 50, {});
    const byte = await collect(bytes, 50, { agency: CHUMPHON });
    expect(byte.map((x) => x.origin)).toEqual(text.map((x) => x.origin));
    const other = byte.findIndex((x) => x.values.agencyName === 'กรมทางหลวง');
    expect(byte[other].values).toEqual({ agencyName: 'กรมทางหลวง', subAgencyName: HIGHWAYS });
    const own = byte.findIndex((x) => x.values.projectNumber === '66109234567');
    expect(byte[own]).toEqual(text[own]);
    expect(byte[own].values.item).toBe('จัดซื้อวัสดุสำนักงาน "กองคลัง"\nประจำเดือนตุลาคม');
  });

  it('tells the datastore\'s swapped method columns from other agencies\' rows too', async () => {
    // The agency's rows name single-family groups only; another agency's first row shows the swap.
    const base = egpRows();
    const swappedFirst = [{ ...base[10], group: undefined }, ...base.slice(2, 4).map((r) => ({ ...r, group: 'วิธีคัดเลือก' }))];
    const bytes = bytesOf(egpCsv(swappedFirst, { variant: 'api' }), 'utf-8');
    for (const size of [9, 4096]) {
      const text = seen(await imported(bytes, size, CHUMPHON, false));
      const byte = seen(await imported(bytes, size, CHUMPHON, true));
      expect(byte).toEqual(text);
      expect(byte.swapped).toBe(true);
    }
  });

  it('a tab-delimited Windows-874 file, a semicolon one, and UTF-16 (read as text, its delimiters being two bytes)', async () => {
    const text = egpCsv(rows());
    // Re-delimit: parse and write again with the other delimiter, quoting as needed.
    const redelimit = (sep: string) =>
      parseCsv(text)
        .map((r) => r.map((v) => (/[";\t\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(sep))
        .join('\r\n') + '\r\n';
    const files: [Uint8Array, number][] = [
      [bytesOf(redelimit('\t'), 'windows-874'), 101],
      [bytesOf(redelimit(';'), 'utf-8'), 101],
      [new Uint8Array(iconv.encode('\uFEFF' + redelimit('\t'), 'utf-16le')), 101],
      // Without a BOM, UTF-16 is told by the zero bytes of its ASCII: a chunk of Thai alone has none.
      [new Uint8Array(iconv.encode(redelimit('\t'), 'utf-16le')), 64 * 1024],
    ];
    for (const [bytes, size] of files) {
      const t = seen(await imported(bytes, size, 'ทต.ชุมพล', false));
      const b = seen(await imported(bytes, size, 'ทต.ชุมพล', true));
      expect(b).toEqual(t);
      expect(b.counts.matchedAgency).toBe(16);
    }
  });

  it('a file that is not an e-GP export is refused the same way', async () => {
    const bytes = bytesOf('ลำดับ,รายการ,จำนวนเงิน\r\n1,ค่าไฟฟ้า,"๑,๒๐๐"\r\n', 'windows-874');
    const [t, b] = [await errorOf(imported(bytes, 5, CHUMPHON, false)), await errorOf(imported(bytes, 5, CHUMPHON, true))];
    expect(b.code).toBe('not-egp');
    expect(b.th).toBe(t.th);
  });

  it('a row of another agency that does not line up with the header is still listed as unreadable', async () => {
    const lines = egpCsv(rows()).split('\r\n');
    lines[11] = lines[11] + ',ช่องเกิน,อีกช่อง';
    const bytes = bytesOf(lines.join('\r\n'), 'utf-8');
    const text = seen(await imported(bytes, 100, CHUMPHON, false));
    const byte = seen(await imported(bytes, 100, CHUMPHON, true));
    expect(byte).toEqual(text);
    expect(byte.skipped.map((s) => s.origin.row)).toContain(12);
    expect(byte.skipped.find((s) => s.origin.row === 12)?.message).toMatch(/มี 30 ช่อง แต่หัวคอลัมน์มี 28 ช่อง/);
  });
});

describe('a damaged file is the same error at the same line, in whoever\'s row it is', () => {
  const csv = egpCsv(rows());
  const lines = csv.split('\r\n');
  // Another agency's row (กรมทางหลวง), and the line it starts on (a row before it has a line break inside quotes).
  const otherLine = lines.findIndex((l) => l.includes('66109222222'));
  const lineOf = (ls: readonly string[], i: number) => (ls.slice(0, i).join('\r\n') + '\r\n').split('\n').length;

  async function both(bytes: Uint8Array, extra: ReadOptions = {}): Promise<[ImportError, ImportError]> {
    return [await errorOf(imported(bytes, 97, CHUMPHON, false, extra)), await errorOf(imported(bytes, 97, CHUMPHON, true, extra))];
  }

  it('an unterminated quote in another agency\'s row', async () => {
    // The file's last row: no quote after it closes it.
    const broken = [...lines.slice(0, -1), lines[otherLine].replace('งานบำรุงรักษา', '"งานบำรุงรักษา'), ''];
    const [text, byte] = await both(bytesOf(broken.join('\r\n'), 'utf-8'));
    expect(byte.code).toBe('csv-unterminated-quote');
    expect(byte.th).toBe(text.th);
    expect(byte.th).toContain(`ที่บรรทัด ${lineOf(broken, broken.length - 2)} `);
  });

  it('a byte that is not UTF-8 in another agency\'s row, and a file cut inside a character', async () => {
    const good = bytesOf(csv, 'utf-8');
    const at = new TextEncoder().encode(lines.slice(0, otherLine).join('\r\n') + '\r\n' + '12,').length;
    const bad = good.slice();
    bad[at] = 0xa1; // ก in Windows-874, pasted into a UTF-8 file
    const [text, byte] = await both(bad);
    expect(byte.code).toBe('csv-undecodable');
    expect(byte.th).toBe(text.th);
    expect(byte.th).toContain(`บรรทัด ${lineOf(lines, otherLine)} `);
    const cut = good.slice(0, good.length - 3);
    const [t2, b2] = await both(cut.subarray(0, cut.length - 1));
    expect(b2.code).toBe('csv-undecodable');
    expect(b2.th).toBe(t2.th);
  });

  it('a U+FFFD already in the file is undecodable in both paths', async () => {
    const broken = [...lines];
    broken[otherLine] = broken[otherLine].replace('กรมทางหลวง', 'กรมทาง\uFFFDหลวง');
    const [text, byte] = await both(bytesOf(broken.join('\r\n'), 'utf-8'));
    expect(byte.code).toBe('csv-undecodable');
    expect(byte.th).toBe(text.th);
  });

  it('Windows-874 bytes a decoder without them cannot read (iconv-lite on a Node without full ICU)', async () => {
    const win = bytesOf(csv, 'windows-874');
    const at = new Uint8Array(iconv.encode(lines.slice(0, otherLine).join('\r\n') + '\r\n12,', 'windows-874')).length;
    const bad = win.slice();
    bad[at] = 0xdb;
    const decoderFor = iconvDecoderFactory(iconv);
    const [text, byte] = await both(bad, { decoderFor, encoding: 'windows-874' });
    expect(byte.code).toBe('csv-undecodable');
    expect(byte.th).toBe(text.th);
    expect(byte.th).toContain(`บรรทัด ${lineOf(lines, otherLine)} `);
  });

  it('a field too long and a row of too many fields, in another agency\'s row', async () => {
    const long = [...lines];
    long[otherLine] = long[otherLine].replace('งานบำรุงรักษา', 'ก'.repeat(100_001));
    const [text, byte] = await both(bytesOf(long.join('\r\n'), 'windows-874'));
    expect(byte.code).toBe('csv-field-too-long');
    expect(byte.th).toBe(text.th);
    const wide = [...lines];
    wide[otherLine] = wide[otherLine] + ','.repeat(2_100);
    const [t2, b2] = await both(bytesOf(wide.join('\r\n'), 'utf-8'));
    expect(b2.code).toBe('csv-too-many-fields');
    expect(b2.th).toContain(`บรรทัด ${lineOf(lines, otherLine)} `);
    expect(t2.th).toBe(b2.th);
  });
});

describe('CsvByteSplitter', () => {
  const tricky = [
    'ลำดับ,ชื่อหน่วยงาน,หมายเหตุ',
    '1,"เทศบาลตำบลชุมพล, อำเภอสีคิ้ว","ว่า ""ด่วน"""',
    '',
    '2,ทต.ชุมพล,"บรรทัดแรก\r\nบรรทัดสอง"',
    '""',
    '3,"กรม"ต่อท้าย,๑,๒๐๐ บาท',
    '4,,',
    '5,"a\rb",x',
  ];
  for (const eol of ['\r\n', '\n', '\r']) {
    it(`finds the records CsvParser reads (${JSON.stringify(eol)}), cut at every byte`, () => {
      const text = tricky.join(eol) + eol + '6,ท้ายไฟล์,ไม่มีขึ้นบรรทัด';
      const bytes = new TextEncoder().encode('\uFEFF' + text);
      const expected = parseCsv(text);
      for (let size = 1; size <= 40; size++) {
        const got: { row: string[]; line: number }[] = [];
        const s = new CsvByteSplitter(',', utf8Chars);
        s.utf8 = true;
        const sink = {
          record(b: Uint8Array, start: number, end: number, bounds: readonly number[], count: number, line: number) {
            // Each field as written, made a value the way CsvParser makes it.
            const row: string[] = [];
            for (let k = 0; k < count; k++) {
              const raw = new TextDecoder().decode(b.subarray(bounds[k], bounds[k + 1] - 1));
              row.push(raw.startsWith('"') ? (parseCsv(raw)[0]?.[0] ?? '') : raw);
            }
            expect(bounds[count] - 1).toBe(end);
            expect(start).toBe(bounds[0]);
            got.push({ row, line });
          },
        };
        for (const chunk of byteChunks(bytes, size)) s.push(chunk, sink);
        s.end(sink);
        expect(got.map((g) => g.row)).toEqual(expected);
      }
    });
  }

  it('numbers records by the line they start on, line breaks inside quotes counted', () => {
    const text = tricky.join('\r\n') + '\r\n';
    const lines: number[] = [];
    const s = new CsvByteSplitter(',', utf8Chars);
    s.push(new TextEncoder().encode(text), { record: (_b, _s, _e, _bo, _c, line) => lines.push(line) });
    s.end({ record: () => undefined });
    expect(lines).toEqual([1, 2, 4, 7, 8, 9]);
  });
});
