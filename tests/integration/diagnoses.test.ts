/**
 * Inputs that are not what they seem, generated in the test: each gets one line that says what
 * the file is and what to do (exit 2), before anything is inflated or read — never "no recognised
 * template", a stack trace or a heap abort. And the damaged CSVs: an error at their line, never a
 * silent "ready"; a UTF-16 export read as what it is.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import { getHeapStatistics } from 'node:v8';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { run } from '../../src/cli/main';
import { inspectWorkbook, dimensionCells } from '../../src/xlsx/inspectWorkbook';
import { bytesSource, readZipDirectory } from '../../src/xlsx/zipDirectory';
import { workbookBytesRecords } from '../../src/xlsx/workbookSource';
import { limitsForHeap, MAX_LIMITS } from '../../src/xlsx/limits';
import { CHUMPHON, egpCsv, egpRows } from '../fixtures/import/egp';
import { realisticO16 } from '../fixtures/o16Realistic';
import { bombXlsx, encryptedXlsx, odsFile, oldXls, zipFile } from '../fixtures/damaged';
import { captureIo } from './cliIo';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ita-forms-diag-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function put(name: string, content: string | Buffer): Promise<string> {
  const p = path.join(dir, name);
  await fs.writeFile(p, content);
  return p;
}

async function cli(args: string[]) {
  const t = captureIo();
  const code = await run(args, t);
  return { code, out: t.text(), err: t.stderr };
}

const IMPORT = ['--template', 'o16', '--fiscal-year', '2567', '--unit', CHUMPHON, '--budget-source', 'เทศบัญญัติ'];

describe('workbooks that are something else', () => {
  it('.ods: says to save as .xlsx or convert with LibreOffice (check and import)', async () => {
    const ods = await put('o16.ods', odsFile());
    const c = await cli(['check', ods]);
    expect(c.code).toBe(2);
    expect(c.err).toHaveLength(1);
    expect(c.err[0]).toContain('OpenDocument (.ods)');
    expect(c.err[0]).toContain('libreoffice --headless --convert-to xlsx');
    const i = await cli(['import', ods, ...IMPORT, '--out', path.join(dir, 'from-ods.xlsx')]);
    expect(i.code).toBe(2);
    expect(i.err[0]).toContain('.ods');
    // Renamed to .xlsx, it is still an .ods.
    const renamed = await put('looks-like.xlsx', odsFile());
    expect((await cli(['check', renamed])).err[0]).toContain('OpenDocument');
  });

  it('a password-protected workbook: says to remove the password, not "corrupt"', async () => {
    const enc = await put('locked.xlsx', encryptedXlsx());
    const c = await cli(['check', enc]);
    expect(c.code).toBe(2);
    expect(c.err).toHaveLength(1);
    expect(c.err[0]).toContain('รหัสผ่าน');
    expect(c.err[0]).toContain('remove the password');
    expect(c.err[0]).not.toContain('corrupt');
    const i = await cli(['import', enc, ...IMPORT, '--out', path.join(dir, 'from-locked.xlsx')]);
    expect(i.err[0]).toContain('password-protected');
    // The same container without an extension is still told apart from a CSV.
    const bare = await put('locked', encryptedXlsx());
    expect((await cli(['import', bare, ...IMPORT, '--out', path.join(dir, 'from-bare.xlsx')])).err[0]).toContain('password-protected');
  });

  it('the task pane reading the picked file\'s bytes gets the same diagnoses', async () => {
    const read = (name: string, bytes: Buffer) => workbookBytesRecords({ file: name, format: 'xlsx' }, new Uint8Array(bytes));
    await expect(read('o16.ods', odsFile())).rejects.toMatchObject({ code: 'xlsx-ods', en: expect.stringContaining('libreoffice --headless --convert-to xlsx') });
    await expect(read('locked.xlsx', encryptedXlsx())).rejects.toMatchObject({ code: 'xlsx-encrypted' });
    await expect(read('declared.xlsx', bombXlsx(2, { claimedSize: 2000 * 1024 * 1024 }))).rejects.toMatchObject({ code: 'xlsx-too-large' });
  });

  it('an old .xls saved as .xlsx: says to save it as .xlsx', async () => {
    const xls = await put('old.xlsx', oldXls());
    const c = await cli(['check', xls]);
    expect(c.err[0]).toContain('save it as .xlsx');
  });

  it('a truncated workbook is named damaged', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('a').getCell('A1').value = 'ก';
    const full = Buffer.from(await wb.xlsx.writeBuffer());
    const cut = await put('cut.xlsx', full.subarray(0, Math.floor(full.length / 2)));
    const c = await cli(['check', cut]);
    expect(c.code).toBe(2);
    expect(c.err[0]).toContain('damaged or truncated');
  });
});

describe('limits before inflating (zip bombs)', () => {
  it('a sheet whose directory declares more than the limit is refused from the directory alone', async () => {
    // 2 MB of real data claiming 2 GB: nothing is inflated to refuse it.
    const bomb = await put('declared.xlsx', bombXlsx(2, { claimedSize: 2000 * 1024 * 1024 }));
    const c = await cli(['check', bomb]);
    expect(c.code).toBe(2);
    expect(c.err).toHaveLength(1);
    expect(c.err[0]).toMatch(/sheet xl\/worksheets\/sheet1\.xml is too large to read \(2,000 MB uncompressed, the limit is \d+ MB\)/);
  });

  // Counting 420 MB of inflated bytes takes a few seconds of CPU; more on a loaded machine.
  jest.setTimeout(180_000);

  it('a bomb whose directory lies (claims 1 KB, inflates past the limit) is caught by counting, holding nothing', async () => {
    const mb = MAX_LIMITS.sheetXmlBytes / (1024 * 1024) + 20;
    const file = await put('liar.xlsx', bombXlsx(mb, { claimedSize: 1024 }));
    expect((await fs.stat(file)).size).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().rss;
    const c = await cli(['check', file]);
    expect(c.code).toBe(2);
    expect(c.err[0]).toContain('too large to read');
    // Counting streams the bytes: memory grows by far less than the 420 MB the sheet inflates to.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    const i = await cli(['import', file, ...IMPORT, '--out', path.join(dir, 'from-liar.xlsx')]);
    expect(i.code).toBe(2);
    expect(i.err[0]).toContain('too large to read');
  });

  it('a sheet stating more cells than the limit, with the bytes to hold them, is refused', async () => {
    // Just under this process's sheet-size ceiling, with a range of 26 million cells.
    const mb = Math.floor(limitsForHeap(getHeapStatistics().heap_size_limit).sheetXmlBytes / (1024 * 1024)) - 5;
    const file = await put('cells.xlsx', bombXlsx(mb, { head: '<worksheet><dimension ref="A1:Z1000000"/>' }));
    const c = await cli(['check', file]);
    expect(c.err[0]).toMatch(/has about [\d,]+ cells, more than the [\d,]+ this program reads/);
  });

  it('the ceilings follow the memory Node may use: a 200,000-row o16 fits the 2 GB heap of an 8 GB PC', () => {
    const pc8 = limitsForHeap(2048 * 1024 * 1024);
    // Measured: the 200,000-row o16 of the bench has 152 MB of sheet XML and 3.6 million cells.
    expect(pc8.sheetXmlBytes).toBeGreaterThan(152 * 1024 * 1024);
    expect(pc8.sheetCells).toBeGreaterThan(3_600_000);
    expect(limitsForHeap(64 * 1024 ** 3)).toEqual(MAX_LIMITS);
  });

  it('reads the zip directory and the stated range without inflating', async () => {
    const zip = zipFile([{ name: 'xl/workbook.xml', text: '<workbook/>' }, { name: 'xl/worksheets/sheet1.xml', text: '<worksheet><dimension ref="A1:R200001"/></worksheet>' }]);
    const entries = await readZipDirectory(bytesSource(zip));
    expect(entries.map((e) => [e.name, e.uncompressedSize])).toEqual([['xl/workbook.xml', 11], ['xl/worksheets/sheet1.xml', 52]]);
    expect(dimensionCells('<worksheet xmlns="x"><dimension ref="A1:R200001"/>')).toBe(200001 * 18);
    expect(dimensionCells('<dimension ref="B2"/>')).toBe(1);
    // A sloppy range over a small sheet is no reason to refuse it.
    await expect(inspectWorkbook(bytesSource(zipFile([{ name: 'xl/workbook.xml', text: '<workbook/>' }, { name: 'xl/worksheets/sheet1.xml', text: '<dimension ref="A1:XFD1048576"/>' }])), 'x.xlsx')).resolves.toBeUndefined();
  });
});

describe('the header anywhere in the first 100 rows', () => {
  it('an o16 below 60 rows of titles and notes is recognised and checked', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('o16');
    for (let r = 1; r <= 60; r++) ws.getCell(r, 1).value = `หมายเหตุ ข้อ ${r}: ข้อมูลการจัดซื้อจัดจ้างของเทศบาลตำบลชุมพล`;
    const sample = realisticO16({ rows: 3 });
    sample.slice(3).forEach((row, i) => (ws.getRow(61 + i).values = row.slice(1) as ExcelJS.CellValue[]));
    const file = path.join(dir, 'deep-header.xlsx');
    await wb.xlsx.writeFile(file);
    const c = await cli(['check', file, '--format', 'json', '--as-of', '2024-11-01']);
    expect(c.err).toEqual([]);
    const doc = JSON.parse(c.out);
    expect(doc.sheets[0].headerRow).toBe(61);
    expect(doc.sheets[0].template).toBe('procurement-progress');
  });
});

describe('damaged CSV: an error at its line, never a silent "ready"', () => {
  const rows = egpRows();

  it('one unterminated quote: exit 2 naming the line, not "3 records, ready to publish"', async () => {
    // The quote opens in the 4th data row's item and is never closed.
    const lines = egpCsv(rows).split('\r\n');
    lines[4] = lines[4].replace(/,จ้าง/, ',"จ้าง');
    const file = await put('unterminated.csv', lines.join('\r\n'));
    const r = await cli(['import', file, ...IMPORT, '--out', path.join(dir, 'unterminated.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/unterminated\.csv: เครื่องหมายคำพูด \("\) ที่บรรทัด \d+ เปิดแล้วไม่มีตัวปิด/);
    expect(r.out).not.toContain('พร้อม');
    await expect(fs.stat(path.join(dir, 'unterminated.xlsx'))).rejects.toThrow();
  });

  it('a one-line file with no line breaks (a broken 1 GB export) is not "1 record"', async () => {
    const header = egpCsv([]).split('\r\n')[0];
    const file = await put('one-line.csv', header + '\n' + 'ข้อมูล '.repeat(40_000));
    const r = await cli(['import', file, ...IMPORT, '--out', path.join(dir, 'one-line.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/line 2 has a field longer than 100,000 characters/);
  });

  it('a few ragged rows are listed as unreadable and counted; past the limit the file is refused', async () => {
    const lines = egpCsv(rows).split('\r\n');
    lines[2] = lines[2] + ',เกิน,มา';
    const file = await put('ragged.csv', lines.join('\r\n'));
    const out = path.join(dir, 'ragged.xlsx');
    const r = await cli(['import', file, ...IMPORT, '--out', out]);
    expect(r.out).toMatch(/แถวที่ 3 ของ ragged\.csv .*: มี 30 ช่อง แต่หัวคอลัมน์มี 28 ช่อง/);
    expect(r.out).toContain('แถวที่อ่าน 12 = นำเข้า 5 + ของหน่วยงานอื่น 2 + นอกช่วงของแบบ 2 + ข้าม/อ่านไม่ได้ 3 (ครบทุกแถว)');
    const many = egpCsv(Array.from({ length: 30 }, () => rows[0])).split('\r\n').map((l, i) => (i > 0 && l ? l + ',x' : l));
    const broken = await put('ragged-many.csv', many.join('\r\n'));
    const b = await cli(['import', broken, ...IMPORT, '--out', path.join(dir, 'ragged-many.xlsx')]);
    expect(b.code).toBe(2);
    expect(b.err[0]).toContain('more than 20 rows do not have the header\'s 28 fields, the first at row 2');
  });

  it('bytes of another encoding deep in a UTF-8 file: an error at their line naming --encoding', async () => {
    // 3,600 good rows (past the first chunk the encoding is decided on), then one row saved in Windows-874.
    const lines = egpCsv(Array.from({ length: 300 }, () => rows).flat()).split('\r\n');
    const at = 3000;
    const head = Buffer.from(lines.slice(0, at).join('\r\n') + '\r\n', 'utf8');
    const tail = Buffer.from(lines.slice(at + 1).join('\r\n'), 'utf8');
    const file = await put('mixed.csv', Buffer.concat([head, iconv.encode(lines[at], 'win874'), Buffer.from('\r\n'), tail]));
    const r = await cli(['import', file, ...IMPORT, '--out', path.join(dir, 'mixed.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/line \d+ holds bytes that are not utf-8.*--encoding/);
    // Forcing the wrong encoding on a whole file is named at line 1.
    const tis = await put('tis.csv', iconv.encode(egpCsv(rows), 'win874'));
    const f = await cli(['import', tis, ...IMPORT, '--encoding', 'utf-8', '--out', path.join(dir, 'tis.xlsx')]);
    expect(f.err[0]).toMatch(/line 1 holds bytes that are not utf-8/);
  });

  it.each([
    ['UTF-16 LE with BOM, tab-delimited (Excel "Unicode text")', 'utf16le', true],
    ['UTF-16 LE without BOM', 'utf16le', false],
    ['UTF-16 BE with BOM', 'utf16be', true],
  ] as const)('%s is read, with every row accounted for', async (_label, enc, bom) => {
    const text = egpCsv(rows).split('\r\n').map((l) => l.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, '\t')).join('\r\n');
    const body = iconv.encode(text, enc === 'utf16le' ? 'utf-16le' : 'utf-16be');
    const marker = enc === 'utf16le' ? Buffer.from([0xff, 0xfe]) : Buffer.from([0xfe, 0xff]);
    const file = await put(`unicode-${enc}-${bom}.txt`, bom ? Buffer.concat([marker, body]) : body);
    const out = path.join(dir, `unicode-${enc}-${bom}.xlsx`);
    const r = await cli(['import', file, ...IMPORT, '--out', out]);
    expect(r.err).toEqual([]);
    expect(r.out).toContain(`(CSV, UTF-16 ${enc === 'utf16le' ? 'LE' : 'BE'} (Unicode text)${bom ? ' มี BOM' : ''})`);
    expect(r.out).toContain('อ่านได้ 12 รายการ');
    expect(r.out).toContain('แถวที่อ่าน 12 = นำเข้า 6 + ของหน่วยงานอื่น 2 + นอกช่วงของแบบ 2 + ข้าม/อ่านไม่ได้ 2 (ครบทุกแถว)');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('ความก้าวหน้าการจัดซื้อจัดจ้าง')!.getCell('G2').value).toBe('จัดซื้อวัสดุสำนักงาน "กองคลัง"\nประจำเดือนตุลาคม');
  });
});
