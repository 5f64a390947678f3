/**
 * `ita-forms check` over a province's folder, as the installed command: generated and fixture
 * workbooks of several agencies, a corrupt one, a note and Excel's lock file among them. Each report
 * format is read back the way its reader would (exceljs, a CSV parser, JSON, a DOM).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { JSDOM } from 'jsdom';
import { run } from '../../src/cli/main';
import { realisticO16 } from '../fixtures/o16Realistic';
import { AGENCY } from '../fixtures/agency';
import { buildCli, type BuiltCli } from './builtCli';
import { captureIo } from './cliIo';

let dir: string;
let province: string;
let cli: BuiltCli;

const CLEAN = 'ชุมพล/o16.xlsx';
const FAULTY = 'หนองบัว/o16 หนองบัว.xlsx';
const OIT = 'สีคิ้ว/oit.xlsx';
const CORRUPT = 'เสีย.xlsx';
const NONGBUA = 'องค์การบริหารส่วนตำบลหนองบัว';

async function writeRows(file: string, rows: ExcelJS.CellValue[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('o16');
  rows.forEach((r) => ws.addRow(r));
  await fs.mkdir(path.dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
}

beforeAll(async () => {
  cli = await buildCli();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ita-forms-many-'));
  province = path.join(dir, 'นครราชสีมา');
  // A correct o16 of เทศบาลตำบลชุมพล as its officer wrote it (no ita-forms profile: the name is in its
  // agency column); its text dates and amounts are warnings, not errors.
  await writeRows(path.join(province, CLEAN), realisticO16({ rows: 20 }) as ExcelJS.CellValue[][]);
  // Another agency's o16 with two defects: a tax ID with a wrong check digit (O7) and no item name (H8).
  const faulty = realisticO16({ rows: 12 }) as ExcelJS.CellValue[][];
  for (let r = 4; r < 16; r++) faulty[r][4] = NONGBUA;
  faulty[6][14] = '0105543008210';
  faulty[7][7] = null;
  await writeRows(path.join(province, FAULTY), faulty);
  // An OIT checklist from `new`, with the agency profile of สีคิ้ว in its hidden sheet.
  const agencyFile = path.join(dir, 'agency.json');
  await fs.writeFile(agencyFile, JSON.stringify({ ...AGENCY, name: 'เทศบาลเมืองสีคิ้ว' }));
  await fs.mkdir(path.join(province, 'สีคิ้ว'), { recursive: true });
  expect(await run(['new', 'oit-checklist', '--agency', agencyFile, '--out', path.join(province, OIT)], captureIo())).toBe(0);
  // A workbook cut short in the download, a note, and the lock file of a workbook open in Excel.
  const good = await fs.readFile(path.join(province, CLEAN));
  await fs.writeFile(path.join(province, CORRUPT), good.subarray(0, 900));
  await fs.writeFile(path.join(province, 'อ่านก่อน.txt'), 'ไฟล์ของจังหวัด');
  await fs.writeFile(path.join(province, 'ชุมพล', '~$o16.xlsx'), 'lock');
}, 120_000);

afterAll(async () => {
  await cli?.remove();
  await fs.rm(dir, { recursive: true, force: true });
});

const p = (rel: string) => path.join(province, rel);

describe('check over a folder', () => {
  it('checks every .xlsx below it, lists the rest as skipped, reports the corrupt one and goes on (exit 2)', async () => {
    const r = await cli.run(['check', province]);
    expect(r.code).toBe(2);
    const out = r.stdout.split('\n');
    expect(out[0]).toBe('ตรวจ 4 ไฟล์ (ข้าม 2 ไฟล์)');
    expect(out).toContain(`✓ ${p(CLEAN)} — เทศบาลตำบลชุมพล (o16): ข้อผิดพลาด 0, คำเตือน 27 — พร้อมเผยแพร่`);
    expect(out.find((l) => l.includes(FAULTY))).toMatch(new RegExp(`^✗ .* — ${NONGBUA} \\(o16\\): ข้อผิดพลาด 2, คำเตือน 11 — ยังไม่พร้อมเผยแพร่$`));
    expect(out.find((l) => l.includes(OIT))).toMatch(/^✗ .* — เทศบาลเมืองสีคิ้ว \(oit\): ข้อผิดพลาด \d+/);
    // The damaged file's line says what is wrong with it after the common wording.
    expect(out.find((l) => l.startsWith(`! ${p(CORRUPT)}`))).toMatch(/ — ตรวจไม่ได้: เสียหายหรืออ่านไม่ได้ \(ไฟล์ไม่ครบหรือผิดรูปแบบ/);
    expect(out).toContain(`- ข้าม ${p('อ่านก่อน.txt')}: ไม่ใช่ไฟล์ .xlsx`);
    expect(out.some((l) => l.startsWith(`- ข้าม ${p('ชุมพล/~$o16.xlsx')}: ไฟล์ล็อกของ Excel`))).toBe(true);
    expect(out).toContain('สรุป: 4 ไฟล์ — พร้อมเผยแพร่ 1, ยังไม่พร้อม 2, ตรวจไม่ได้ 1; ข้อผิดพลาด ' + out.at(-2)!.split('ข้อผิดพลาด ')[1]);
    // Not a terminal: one plain progress line per file, and the unusable file on stderr.
    const progress = r.stderr.split('\n').filter((l) => l.startsWith('ตรวจแล้ว '));
    expect(progress).toHaveLength(4);
    expect(progress.at(-1)).toMatch(/^ตรวจแล้ว 4\/4: /);
    expect(r.stderr).toContain(`ita-forms: ${p(CORRUPT)} เสียหายหรืออ่านไม่ได้ (ไฟล์ไม่ครบหรือผิดรูปแบบ`);
    expect(r.stderr).toContain(`| ${p(CORRUPT)} is damaged or truncated`);
    expect(r.stderr).not.toContain('\r');
  });

  it('expands patterns; exit 1 when a workbook has errors and none is unusable, 0 when all are ready', async () => {
    const some = await cli.run(['check', `${province}/**/o16*.xlsx`, '--jobs', '2']);
    expect(some.code).toBe(1);
    expect(some.stdout.split('\n')[0]).toBe('ตรวจ 2 ไฟล์');
    // The same workbook named as a file and through its folder is checked once.
    const ready = await cli.run(['check', p(CLEAN), path.dirname(p(CLEAN)), '--format', 'json']);
    expect(ready.code).toBe(0);
    const doc = JSON.parse(ready.stdout);
    expect(doc.files.map((f: { file: string }) => f.file)).toEqual([p(CLEAN)]);
    expect(doc.skipped.map((s: { file: string }) => s.file)).toEqual([p('ชุมพล/~$o16.xlsx')]);
    expect(doc.totals).toEqual({ files: 1, checked: 1, unusable: 0, skipped: 1, errors: 0, warnings: 27 });
  });

  it('a name that matches nothing is unusable input, the rest still checked', async () => {
    const r = await cli.run(['check', p(CLEAN), p('ไม่มี/*.xlsx'), '--format', 'json']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.files.map((f: { status: string }) => f.status)).toEqual(['checked', 'unusable']);
    expect(doc.files[1].message).toContain('ไม่พบไฟล์ โฟลเดอร์ หรือไฟล์ที่ตรงกับ');
  });

  it('a folder with no workbook in it is unusable input (exit 2), never "no errors"', async () => {
    const empty = path.join(dir, 'ว่าง');
    await fs.mkdir(empty, { recursive: true });
    await fs.writeFile(path.join(empty, 'บันทึก.docx'), '');
    const t = captureIo();
    expect(await run(['check', empty], t)).toBe(2);
    expect(t.stdout).toEqual([`- ข้าม ${path.join(empty, 'บันทึก.docx')}: ไม่ใช่ไฟล์ .xlsx`]);
    expect(t.stderr).toEqual([`ita-forms: ไม่พบไฟล์ .xlsx ให้ตรวจใน ${empty} | No .xlsx workbook to check in ${empty}`]);
  });

  it('one file keeps its report word for word, with or without a report file beside it', async () => {
    const plain = await cli.run(['check', p(FAULTY)]);
    const inProcess = captureIo();
    expect(await run(['check', p(FAULTY)], inProcess)).toBe(1);
    expect(plain.stdout).toBe(inProcess.text() + '\n');
    expect(plain.stdout.startsWith(`ไฟล์ ${p(FAULTY)}\n`)).toBe(true);
    expect(plain.stderr).toBe('');
    const withReport = await cli.run(['check', p(FAULTY), '--report', path.join(dir, 'one.json')]);
    expect(withReport.code).toBe(1);
    expect(withReport.stdout).toBe(plain.stdout);
    const json = await cli.run(['check', p(FAULTY), '--format', 'json']);
    const again = captureIo();
    await run(['check', p(FAULTY), '--format', 'json'], again);
    expect(json.stdout).toBe(again.text() + '\n');
  });
});

/** RFC 4180 as Excel writes it: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      (row = []), (cell = ''), i++;
    } else cell += c;
  }
  return rows;
}

const SHEET_HEAD = ['หน่วยงาน', 'ไฟล์', 'แผ่นงาน', 'แบบ', 'รหัสแบบ', 'ITA', 'ปีงบประมาณ', 'จำนวนรายการ', 'ข้อผิดพลาด', 'คำเตือน', 'ผลการตรวจ', 'หมายเหตุ'];
const ISSUE_HEAD = ['หน่วยงาน', 'ไฟล์', 'แผ่นงาน', 'เซลล์', 'ระดับ', 'รหัสปัญหา', 'รายละเอียด'];

/** What every format must say about the folder: one row per file and sheet, the issues at their cells. */
function expectReportTables(sheets: string[][], issues: string[][]): void {
  expect(sheets[0]).toEqual(SHEET_HEAD);
  const byFile = (rel: string) => sheets.filter((r) => r[1] === p(rel));
  expect(byFile(CLEAN)).toEqual([['เทศบาลตำบลชุมพล', p(CLEAN), 'o16', 'o16', 'procurement-progress', '2567', '2567', '20', '0', '27', 'พร้อมเผยแพร่', '']]);
  expect(byFile(FAULTY)).toEqual([[NONGBUA, p(FAULTY), 'o16', 'o16', 'procurement-progress', '2567', '2567', '12', '2', '11', 'ยังไม่พร้อมเผยแพร่', '']]);
  const oit = byFile(OIT).find((r) => r[2] === 'OIT')!;
  expect(oit.slice(0, 6)).toEqual(['เทศบาลเมืองสีคิ้ว', p(OIT), 'OIT', 'oit', 'oit-checklist', '2567']);
  expect(oit[10]).toBe('ยังไม่พร้อมเผยแพร่');
  expect(byFile(CORRUPT)).toEqual([['', p(CORRUPT), '', '', '', '', '', '', '', '', 'ตรวจไม่ได้', expect.stringMatching(/^เสียหายหรืออ่านไม่ได้ \(ไฟล์ไม่ครบหรือผิดรูปแบบ/)]]);
  expect(byFile('อ่านก่อน.txt')[0][10]).toBe('ข้าม');
  expect(sheets).toHaveLength(1 + 1 + 1 + byFile(OIT).length + 1 + 2);

  expect(issues[0]).toEqual(ISSUE_HEAD);
  const faulty = issues.filter((r) => r[1] === p(FAULTY) && r[4] === 'ข้อผิดพลาด');
  expect(faulty.map((r) => [r[3], r[5]])).toEqual([['O7', expect.stringMatching(/tax-id/)], ['H8', 'required']]);
  expect(faulty[1][6]).toBe('ยังไม่ได้กรอก "งานที่ซื้อหรือจ้าง"');
  expect(issues.filter((r) => r[1] === p(FAULTY))).toHaveLength(13);
  const clean = issues.filter((r) => r[1] === p(CLEAN));
  expect(clean).toHaveLength(27);
  expect(clean.every((r) => r[4] === 'คำเตือน')).toBe(true);
  expect(clean[0].slice(3)).toEqual(['R6', 'คำเตือน', 'date-as-text', 'วันที่ "8 ต.ค. 2566" เป็นข้อความ ควรเป็นวันที่จริง (8 ต.ค. 2566)']);
  expect(issues.filter((r) => r[1] === p(OIT)).length).toBeGreaterThan(30);
}

describe('check --report', () => {
  it('.xlsx: the summary per file and sheet, the issues on a second sheet', async () => {
    const file = path.join(dir, 'รายงาน.xlsx');
    const r = await cli.run(['check', province, '--report', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`เขียนรายงานแล้ว: ${file}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['สรุปผลการตรวจ', 'ปัญหาที่พบ']);
    const table = (ws: ExcelJS.Worksheet) => {
      const rows: string[][] = [];
      ws.eachRow((row) => rows.push(Array.from({ length: ws.columnCount }, (_, c) => {
        const v = row.getCell(c + 1).value;
        return v === null || v === undefined ? '' : String(v);
      })));
      return rows;
    };
    expectReportTables(table(wb.worksheets[0]), table(wb.worksheets[1]));
    expect(wb.worksheets[0].views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('.csv: two files (sheets, and NAME-issues.csv), UTF-8 with BOM for Excel', async () => {
    const file = path.join(dir, 'รายงาน.csv');
    expect((await cli.run(['check', province, '--report', file])).code).toBe(2);
    const sheets = parseCsv(await fs.readFile(file, 'utf8'));
    const issues = parseCsv(await fs.readFile(path.join(dir, 'รายงาน-issues.csv'), 'utf8'));
    expectReportTables(sheets, issues);
  });

  it('.json: the same rows, with machine-readable verdicts', async () => {
    const file = path.join(dir, 'รายงาน.json');
    expect((await cli.run(['check', province, '--report', file])).code).toBe(2);
    const doc = JSON.parse(await fs.readFile(file, 'utf8'));
    const sheets = [SHEET_HEAD, ...doc.sheets.map((s: Record<string, unknown>) => ['agency', 'file', 'sheet', 'item', 'template', 'edition', 'fiscalYear', 'records', 'errors', 'warnings', 'verdictText', 'note'].map((k) => (s[k] === null ? '' : String(s[k]))))];
    const issues = [ISSUE_HEAD, ...doc.issues.map((i: Record<string, string>) => [i.agency, i.file, i.sheet, i.cell, i.severity === 'error' ? 'ข้อผิดพลาด' : 'คำเตือน', i.code, i.message])];
    expectReportTables(sheets, issues);
    expect(doc.sheets.find((s: { file: string }) => s.file === p(CLEAN)).verdict).toBe('ready');
    expect(doc.linksChecked).toBe(false);
  });

  it('.html: one page with no external resource, bars per agency and per issue code, sortable tables', async () => {
    const file = path.join(dir, 'รายงาน.html');
    expect((await cli.run(['check', province, '--report', file])).code).toBe(2);
    const html = await fs.readFile(file, 'utf8');
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).toMatch(/font-family:[^;]*"Loma", "Garuda"/);
    const dom = new JSDOM(html, { runScripts: 'dangerously' });
    const doc = dom.window.document;
    const rows = (id: string) => Array.from(doc.querySelectorAll(`#${id} tr`), (tr) => Array.from(tr.querySelectorAll('th, td'), (c) => c.textContent ?? ''));
    expectReportTables(rows('sheets'), rows('issues'));
    const agencies = Array.from(doc.querySelectorAll('#h-agency ~ .bars li .label'), (e) => e.textContent);
    expect(agencies).toEqual(['เทศบาลเมืองสีคิ้ว', NONGBUA, 'เทศบาลตำบลชุมพล']);
    const codes = Array.from(doc.querySelectorAll('#h-code ~ .bars li .label'), (e) => e.textContent);
    expect(codes).toContain('required');
    // Sorting: a click on ข้อผิดพลาด orders the rows by it, a second click reverses.
    const errorsHeader = doc.querySelector<HTMLButtonElement>('#sheets th:nth-child(9) button')!;
    errorsHeader.click();
    errorsHeader.click();
    const errorsColumn = rows('sheets').slice(1).map((r) => r[8]).filter((v) => v !== '').map(Number);
    expect(errorsColumn).toEqual([...errorsColumn].sort((a, b) => b - a));
    expect(doc.querySelector('#sheets th:nth-child(9)')!.getAttribute('aria-sort')).toBe('descending');
    dom.window.close();
  });

  it('never replaces an existing report without --force; with it, the report is replaced whole', async () => {
    const file = path.join(dir, 'เดิม.json');
    await fs.writeFile(file, 'งานเดิม');
    const refused = await cli.run(['check', province, '--report', file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('อยู่แล้ว: ไม่เขียนทับ (ใช้ --force');
    expect(refused.stdout).toBe('');
    expect(await fs.readFile(file, 'utf8')).toBe('งานเดิม');
    const forced = await cli.run(['check', province, '--report', file, '--force']);
    expect(forced.code).toBe(2);
    expect(JSON.parse(await fs.readFile(file, 'utf8')).sheets.length).toBeGreaterThan(4);
    // No temporary file is left beside it.
    expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a report named like a checked workbook, and an unknown report format', async () => {
    expect((await cli.run(['check', p(CLEAN), '--report', p(CLEAN), '--force'])).stderr).toContain('--report ต้องเป็นไฟล์ใหม่');
    const t = captureIo();
    expect(await run(['check', p(CLEAN), '--report', path.join(dir, 'r.pdf')], t)).toBe(2);
    expect(t.stderr[0]).toContain('--report ต้องเป็นไฟล์ .xlsx, .csv, .json หรือ .html');
  });
});
