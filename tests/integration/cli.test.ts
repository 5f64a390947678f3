/**
 * The command line end to end on real .xlsx files: `new` writes the prescribed workbook, exceljs
 * fills it as an officer would, `check` reads it back and reports at the right cells.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import { utcDate } from '../../src/domain/values/thaiDate';
import { realisticO16 } from '../fixtures/o16Realistic';
import { AGENCY } from '../fixtures/agency';
import { captureIo } from './cliIo';

const exec = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ita-forms-cli-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const io = captureIo;


async function agencyFile(): Promise<string> {
  const p = path.join(dir, 'agency.json');
  await fs.writeFile(p, JSON.stringify(AGENCY));
  return p;
}

async function newWorkbook(template: string, file: string, extra: string[] = []): Promise<string> {
  const out = path.join(dir, file);
  const t = io();
  const code = await run(['new', template, '--agency', await agencyFile(), '--out', out, ...extra], t);
  expect(t.stderr).toEqual([]);
  expect(code).toBe(0);
  return out;
}

/** Record rows as an officer fills them below the header (columns in template order). */
function o16Records(): ExcelJS.CellValue[][] {
  return realisticO16({ rows: 12 })
    .slice(4, 16)
    .map((r) => r.slice(1) as ExcelJS.CellValue[]);
}

async function fill(file: string, sheetName: string, rows: ExcelJS.CellValue[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheetName)!;
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 2);
    r.forEach((v, c) => (row.getCell(c + 1).value = v));
  });
  await wb.xlsx.writeFile(file);
}

async function checkJson(file: string, extra: string[] = []) {
  const t = io();
  const code = await run(['check', file, '--format', 'json', ...extra], t);
  expect(t.stdout).toHaveLength(1);
  return { code, doc: JSON.parse(t.stdout[0]), stderr: t.stderr };
}

describe('ita-forms new', () => {
  it('writes o16 with Thai headers in the official order, frozen header, formats, lists and agency columns', async () => {
    const file = await newWorkbook('o16', 'o16-new.xlsx', ['--prefill-rows', '3']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('ความก้าวหน้าการจัดซื้อจัดจ้าง')!;
    expect(ws).toBeDefined();
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual([
      'ปีงบประมาณ', 'ประเภทหน่วยงาน', 'กระทรวง', 'ชื่อหน่วยงาน', 'อำเภอ', 'จังหวัด', 'งานที่ซื้อหรือจ้าง',
      'วงเงินงบประมาณที่ได้รับจัดสรร (บาท)', 'แหล่งที่มาของงบประมาณ', 'สถานะการจัดซื้อจัดจ้าง', 'วิธีการจัดซื้อจัดจ้าง',
      'ราคากลาง (บาท)', 'ราคาที่ตกลงซื้อหรือจ้าง (บาท)', 'เลขประจำตัวผู้เสียภาษี', 'รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก',
      'เลขที่โครงการ', 'วันที่ลงนามในสัญญา', 'วันสิ้นสุดสัญญา',
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(7).width).toBeGreaterThan(30);
    expect(ws.getCell('H2').numFmt).toBe('#,##0.00');
    expect(ws.getCell('Q2').numFmt).toContain('107');
    // Agency columns pre-filled on the rows asked for, and no further.
    expect(ws.getCell('A2').value).toBe(2567);
    expect(ws.getCell('D2').value).toBe('เทศบาลตำบลชุมพล');
    expect(ws.getCell('F4').value).toBe('นครราชสีมา');
    expect(ws.getCell('A5').value).toBeNull();
    // Drop-downs point at the hidden lists sheet by range, on a bounded range of rows.
    const dv = ws.getCell('J2').dataValidation;
    expect(dv).toMatchObject({ type: 'list' });
    expect(dv.formulae?.[0]).toMatch(/^'ita-lists'!\$[A-Z]\$2:\$[A-Z]\$\d+$/);
    expect(ws.getCell('J1002').dataValidation).toBeUndefined();
    const lists = wb.getWorksheet('ita-lists')!;
    expect(lists.state).toBe('hidden');
    const listValues = lists.getColumn(dv.formulae![0].match(/\$([A-Z])\$2/)![1]).values.slice(2);
    expect(listValues).toEqual(['อยู่ระหว่างระยะสัญญา', 'สิ้นสุดระยะสัญญา', 'ยังไม่ได้ลงนามในสัญญา', 'ยกเลิกการดำเนินการ']);
  });

  it('pre-fills no row unless asked (unused pre-filled rows would be published half empty)', async () => {
    const file = await newWorkbook('o16', 'o16-plain.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('ความก้าวหน้าการจัดซื้อจัดจ้าง')!;
    expect(ws.getCell('A2').value).toBeNull();
    expect(ws.getCell('D2').value).toBeNull();
  });

  it('writes o17 with the summary sheet as formulas over the list, and FY2566 in its rows', async () => {
    const file = await newWorkbook('o17', 'o17-new.xlsx', ['--prefill-rows', '1']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const list = wb.getWorksheet('ผลการจัดซื้อจัดจ้างประจำปี')!;
    expect(list.getCell('A2').value).toBe(2566);
    const sum = wb.getWorksheet('สรุปตามวิธี')!;
    expect(sum.getCell('A3').value).toBe('วิธีการจัดซื้อจัดจ้าง');
    expect(sum.getCell('A4').value).toBe('วิธีประกาศเชิญชวนทั่วไป (e-Market, e-Bidding, สอบราคา)');
    expect(sum.getCell('A7').value).toBe('รวมทั้งสิ้น');
    const f = sum.getCell('B6').value as ExcelJS.CellFormulaValue;
    expect(f.formula).toContain('COUNTIFS');
    expect(f.formula).toContain('วิธีเฉพาะเจาะจง');
    expect(f.formula).toContain('<>ยกเลิกการดำเนินการ');
    // The formulas count the wordings the check reads as each method ("เฉพาะเจาะจง", "e-bidding"),
    // each once as Excel compares them (COUNTIFS ignores case), and leave out "ยกเลิก" too.
    expect(f.formula).toContain('"เฉพาะเจาะจง"');
    expect(f.formula).toContain('<>ยกเลิก"');
    const general = (sum.getCell('B4').value as ExcelJS.CellFormulaValue).formula;
    expect(general).toContain('"e-bidding"');
    const array = /\{([^}]*)\}/.exec(general)![1];
    const spellings = [...array.matchAll(/"([^"]+)"/g)].map((m) => m[1].toLowerCase());
    expect(spellings.length).toBeGreaterThan(10);
    expect(new Set(spellings).size).toBe(spellings.length);
  });

  it('--format json keeps every issue with its English message and its fix; text groups repeated warnings', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('ความก้าวหน้า o16');
    for (const r of realisticO16()) ws.addRow(r as ExcelJS.CellValue[]);
    const file = path.join(dir, 'realistic-json.xlsx');
    await wb.xlsx.writeFile(file);
    const { doc } = await checkJson(file);
    const issues = doc.sheets[0].issues as { code: string; messageEn: string; fix?: { value: unknown; display: string } }[];
    expect(issues).toHaveLength(doc.warnings);
    expect(issues.every((i) => typeof i.messageEn === 'string' && i.messageEn.length > 0)).toBe(true);
    const date = issues.find((i) => i.code === 'date-as-text');
    expect(date?.fix).toEqual({ value: '2023-10-08', display: '8 ต.ค. 2566', numFmt: '[$-107041E]d mmm yyyy' });
    const t = io();
    await run(['check', file], t);
    const lines = t.stdout.join('\n').split('\n');
    const dateLines = lines.filter((l) => l.includes('[date-as-text]'));
    expect(dateLines).toHaveLength(1);
    expect(dateLines[0]).toMatch(/! คำเตือน \[date-as-text\] × \d+ — R6, /);
  });

  it('refuses an unknown template and a malformed agency file with exit 2 and one line', async () => {
    const t = io();
    expect(await run(['new', 'o99', '--out', path.join(dir, 'x.xlsx')], t)).toBe(2);
    expect(t.stderr).toHaveLength(1);
    expect(t.stderr[0]).toContain('ไม่พบแบบ "o99"');
    const bad = path.join(dir, 'bad-agency.json');
    await fs.writeFile(bad, '{"name": "เทศบาล", ');
    const t2 = io();
    expect(await run(['new', 'o16', '--agency', bad, '--out', path.join(dir, 'y.xlsx')], t2)).toBe(2);
    expect(t2.stderr[0]).toMatch(/ไม่ใช่ JSON/);
    expect(t2.stderr[0]).not.toMatch(/\n\s+at /);
  });
});

describe('ita-forms check', () => {
  it('new → fill → check: a clean o16 passes with exit 0', async () => {
    const file = await newWorkbook('o16', 'o16-clean.xlsx');
    await fill(file, 'ความก้าวหน้าการจัดซื้อจัดจ้าง', o16Records());
    const { code, doc } = await checkJson(file);
    expect(doc.errors).toBe(0);
    expect(code).toBe(0);
    const s = doc.sheets.find((x: { template: string | null }) => x.template);
    expect(s).toMatchObject({ sheet: 'ความก้าวหน้าการจัดซื้อจัดจ้าง', template: 'procurement-progress', edition: '2567', headerRow: 1, rows: 12 });
  });

  it('reports seeded errors at their row and column, with exit 1', async () => {
    const file = await newWorkbook('o16', 'o16-bad.xlsx');
    const rows = o16Records();
    rows[2][13] = '0-1055-43008-21-8'; // N4: tax ID check digit
    rows[5][12] = 99_999_999; // M7: agreed price above budget
    rows[7][16] = '31 ก.พ. 2567'; // Q9: impossible date
    await fill(file, 'ความก้าวหน้าการจัดซื้อจัดจ้าง', rows);
    const { code, doc } = await checkJson(file);
    expect(code).toBe(1);
    const issues = doc.sheets.flatMap((s: { issues: unknown[] }) => s.issues);
    const errorsAt = issues.filter((i: { severity: string }) => i.severity === 'error').map((i: { code: string; column: string; row: number }) => `${i.code}@${i.column}${i.row}`);
    expect(errorsAt).toEqual(expect.arrayContaining(['tax-id-checksum@N4', 'price-above-budget@M7', 'date-impossible@Q9']));
    const tax = issues.find((i: { code: string }) => i.code === 'tax-id-checksum');
    expect(tax).toMatchObject({ severity: 'error', row: 4, column: 'N', field: 'taxId' });
    expect(tax.message).toContain('0-1055-43008-21-8');
  });

  /** The o16 records as last year's finished contracts, o17's rows. */
  const o17Records = () =>
    o16Records().map((r) => {
      const c = [...r];
      c[0] = 2566;
      c[16] = utcDate(2023, 3, 1);
      c[17] = utcDate(2023, 6, 30);
      c[9] = 'สิ้นสุดระยะสัญญา';
      c[15] = typeof c[15] === 'string' ? '66' + c[15].slice(2) : c[15];
      return c;
    });

  it('o17: new → fill → check, the summary formulas are trusted and last year is the window', async () => {
    const file = await newWorkbook('o17', 'o17.xlsx');
    const rows = o17Records();
    await fill(file, 'ผลการจัดซื้อจัดจ้างประจำปี', rows);
    // o17's third part, problems/obstacles and suggestions, is required: empty, it is an error under each label.
    const first = await checkJson(file);
    const notes = first.doc.sheets.flatMap((s: { issues: { severity: string }[] }) => s.issues.filter((i) => i.severity === 'error'));
    expect(notes.map((i: { code: string; column: string; row: number }) => `${i.code}@${i.column}${i.row}`)).toEqual(['summary-notes-empty@A10', 'summary-notes-empty@A12']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.getWorksheet('สรุปตามวิธี')!.getCell('A10').value = 'ไม่มี';
    wb.getWorksheet('สรุปตามวิธี')!.getCell('A12').value = 'ควรจัดทำแผนการจัดซื้อจัดจ้างให้เร็วขึ้น';
    await wb.xlsx.writeFile(file);
    const { code, doc } = await checkJson(file);
    const errors = doc.sheets.flatMap((s: { issues: { severity: string }[] }) => s.issues.filter((i) => i.severity === 'error'));
    expect(errors).toEqual([]);
    expect(code).toBe(0);
    // A date of the assessed year itself is outside o17's window.
    rows[0][16] = utcDate(2023, 11, 1);
    rows[0][17] = utcDate(2023, 12, 1);
    await fill(file, 'ผลการจัดซื้อจัดจ้างประจำปี', rows);
    const again = await checkJson(file);
    expect(again.code).toBe(1);
    const i = again.doc.sheets.flatMap((s: { issues: { code: string }[] }) => s.issues).find((x: { code: string }) => x.code === 'date-outside-window');
    expect(i).toMatchObject({ row: 2, column: 'Q' });
  });

  it('o17: a summary formula whose computed value misses the rows written in another wording is an error at its cell', async () => {
    const file = await newWorkbook('o17', 'o17-formula.xlsx');
    const rows = o17Records();
    rows[0][10] = 'เฉพาะเจาะจง';
    rows[1][10] = 'E-Bidding';
    await fill(file, 'ผลการจัดซื้อจัดจ้างประจำปี', rows);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sum = wb.getWorksheet('สรุปตามวิธี')!;
    // As Excel computed a formula that counts only the official wordings: 9 of the 12 rows (row 13
    // of the fixture writes the long e-bidding name).
    const total = sum.getCell('B7').value as ExcelJS.CellFormulaValue;
    sum.getCell('B7').value = { formula: total.formula, result: 9 } as ExcelJS.CellFormulaValue;
    sum.getCell('A10').value = 'ไม่มี';
    sum.getCell('A12').value = 'ไม่มี';
    await wb.xlsx.writeFile(file);
    const { code, doc } = await checkJson(file);
    expect(code).toBe(1);
    const errors = doc.sheets.flatMap((s: { issues: { severity: string }[] }) => s.issues.filter((i) => i.severity === 'error'));
    expect(errors).toEqual([expect.objectContaining({ code: 'summary-formula-misses-rows', row: 7, column: 'B' })]);
    expect(errors[0].message).toContain('(แถว 2, 3, 13)');
    expect(errors[0].messageEn).toContain('misses 3 rows');
  });

  it('the realistic agency-written sheet (titles, ที่ column, Thai digits, text dates, signature) checks with no error', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('ความก้าวหน้า o16');
    for (const r of realisticO16()) ws.addRow(r as ExcelJS.CellValue[]);
    const file = path.join(dir, 'realistic.xlsx');
    await wb.xlsx.writeFile(file);
    const { code, doc } = await checkJson(file);
    expect(doc.errors).toBe(0);
    expect(code).toBe(0);
    expect(doc.warnings).toBeGreaterThan(0); // text amounts and text dates
    expect(doc.sheets[0]).toMatchObject({ template: 'procurement-progress', headerRow: 4, rows: 34 });
    // Seeded defects on top of it are reported at their cells.
    ws.getCell('O10').value = '0-1055-43008-21-8';
    ws.getCell('N12').value = 99_999_999;
    ws.getCell('K14').value = 'รอตรวจรับ';
    await wb.xlsx.writeFile(file);
    const bad = await checkJson(file);
    expect(bad.code).toBe(1);
    const at = bad.doc.sheets[0].issues.filter((i: { severity: string }) => i.severity === 'error').map((i: { code: string; column: string; row: number }) => `${i.code}@${i.column}${i.row}`);
    expect(at).toEqual(['tax-id-checksum@O10', 'price-above-budget@N12', 'option-unknown@K14']);
  });

  it('text format groups issues by row, in Thai', async () => {
    const file = await newWorkbook('o16', 'o16-text.xlsx');
    const rows = o16Records();
    rows[0][13] = '0-1055-43008-21-8';
    await fill(file, 'ความก้าวหน้าการจัดซื้อจัดจ้าง', rows);
    const t = io();
    expect(await run(['check', file], t)).toBe(1);
    const text = t.stdout.join('\n');
    expect(text).toContain('แถว 2');
    expect(text).toContain('N2');
    expect(text).toContain('ยังไม่พร้อมเผยแพร่');
  });

  it.each([
    ['missing.xlsx', null, 'ไม่พบไฟล์'],
    ['notes.xlsx', 'นี่ไม่ใช่ไฟล์ Excel', 'ไม่ใช่ไฟล์ Excel'],
    ['corrupt.xlsx', 'PK\u0003\u0004garbage-garbage', 'เสียหาย'],
  ])('unusable input %s exits 2 with one clear line', async (name, content, expected) => {
    const file = path.join(dir, name);
    if (content !== null) await fs.writeFile(file, content);
    const t = io();
    expect(await run(['check', file, '--format', 'json'], t)).toBe(2);
    expect(t.stdout).toEqual([]);
    expect(t.stderr).toHaveLength(1);
    expect(t.stderr[0]).toContain(expected);
    expect(t.stderr[0]).toContain('|');
  });

  it('a workbook with no recognisable template exits 2', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('ชีต1').addRows([['ชื่อ', 'นามสกุล'], ['สมชาย', 'ใจดี']]);
    const file = path.join(dir, 'other.xlsx');
    await wb.xlsx.writeFile(file);
    const t = io();
    expect(await run(['check', file], t)).toBe(2);
    expect(t.stderr[0]).toContain('ไม่พบแบบที่รู้จัก');
  });

  it('bad flags are usage errors (exit 2)', async () => {
    const t = io();
    expect(await run(['check', 'x.xlsx', '--as-of', '31/03/2567'], t)).toBe(2);
    expect(t.stderr[0]).toContain('YYYY-MM-DD');
  });
});

describe('the installed command', () => {
  beforeAll(async () => {
    await exec(process.execPath, [path.join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT });
  });

  it('runs as `ita-forms` through its bin entry', async () => {
    const { stdout } = await exec(process.execPath, [path.join(ROOT, 'bin/ita-forms.js'), 'templates'], { cwd: ROOT });
    expect(stdout).toContain('procurement-progress');
    expect(stdout).toContain('o16');
  });

  it('exits 2 with a one-line message and no stack trace on a missing file', async () => {
    const err = await exec(process.execPath, [path.join(ROOT, 'bin/ita-forms.js'), 'check', path.join(dir, 'nope.xlsx')], { cwd: ROOT }).catch((e) => e);
    expect(err.code).toBe(2);
    expect(err.stderr.trim().split('\n')).toHaveLength(1);
  });
});
