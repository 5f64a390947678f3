/**
 * `ita-forms import` end to end on real files: e-GP CSV in UTF-8 (with and without BOM) and in
 * Windows-874, both header variants, the datastore JSON, สขร.1 workbooks, an o16 of another
 * layout; re-import into the result; the publication copy. Cells are read back with exceljs.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { run } from '../../src/cli/main';
import type { CellValue } from '../../src/domain/grid';
import { utcDate } from '../../src/domain/values/thaiDate';
import { CHUMPHON, egpCsv, egpDatastoreJson, egpRows, PERSONAL_ID } from '../fixtures/import/egp';
import { january, november, october } from '../fixtures/import/monthly';
import { realisticO16 } from '../fixtures/o16Realistic';
import { captureIo } from './cliIo';

const O16_SHEET = 'ความก้าวหน้าการจัดซื้อจัดจ้าง';
const O17_SHEET = 'ผลการจัดซื้อจัดจ้างประจำปี';

let dir: string;
let agencyFile: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ita-forms-import-'));
  agencyFile = path.join(dir, 'agency.json');
  await fs.writeFile(agencyFile, JSON.stringify({
    name: CHUMPHON, district: 'สีคิ้ว', province: 'นครราชสีมา', ministry: 'กระทรวงมหาดไทย', agencyType: 'องค์กรปกครองส่วนท้องถิ่น', fiscalYear: 2567,
  }));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const io = captureIo;

const file = (name: string) => path.join(dir, name);

async function write(name: string, content: string | Buffer): Promise<string> {
  await fs.writeFile(file(name), content);
  return file(name);
}

async function importCli(args: string[]): Promise<{ code: number; out: string; err: string[] }> {
  const t = io();
  const code = await run(['import', ...args], t);
  return { code, out: t.text(), err: t.stderr };
}

async function sheet(xlsx: string, name: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name} in ${xlsx}`);
  return ws;
}

/** The 18 cells of a prescribed row (empty cells as null). */
function rowValues(ws: ExcelJS.Worksheet, r: number): CellValue[] {
  return Array.from({ length: 18 }, (_, c) => (ws.getRow(r).getCell(c + 1).value as CellValue) ?? null);
}

/** The e-bidding contract as o16 row 3 must hold it (rows are sorted by signing date). */
function expectEbiddingRow(ws: ExcelJS.Worksheet): void {
  expect(rowValues(ws, 3)).toEqual([
    2567, 'องค์กรปกครองส่วนท้องถิ่น', 'กระทรวงมหาดไทย', CHUMPHON, 'สีคิ้ว', 'นครราชสีมา',
    'โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3 บ้านหนองบัว, ตำบลชุมพล', 2450000, 'เทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย',
    'อยู่ระหว่างระยะสัญญา', 'ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)', 2445000, 2390000, '0365529000042', 'ห้างหุ้นส่วนจำกัด สีคิ้วก่อสร้าง',
    '66109123456', utcDate(2023, 12, 15), utcDate(2024, 6, 12),
  ]);
  expect(ws.getCell('H3').numFmt).toBe('#,##0.00');
  expect(ws.getCell('Q3').numFmt).toContain('107');
  expect(ws.getCell('N3').numFmt).toBe('@');
  // The item with quotes and a line break inside the CSV field comes through whole.
  expect(ws.getCell('G2').value).toBe('จัดซื้อวัสดุสำนักงาน "กองคลัง"\nประจำเดือนตุลาคม');
  expect(ws.getCell('N2').value).toBe(PERSONAL_ID);
  // งานจ้างที่ปรึกษา narrowed by its group, whichever column the export put each in.
  expect(ws.getCell('K4').value).toBe('จ้างที่ปรึกษาโดยวิธีคัดเลือก');
  expect(ws.getCell('P8').value).toBeNull();
  expect(ws.getCell('G8').value).toBeNull();
}

const BASE = ['--template', 'o16', '--fiscal-year', '2567', '--budget-source', 'เทศบัญญัติ'];

describe('ita-forms import: e-GP open data', () => {
  it('bulk CSV in UTF-8 with BOM: the agency\'s rows of the window, with a Thai summary of what was left out', async () => {
    const src = await write('egp-bom.csv', egpCsv(egpRows(), { bom: true }));
    const out = file('o16-bom.xlsx');
    const r = await importCli([src, ...BASE, '--agency', agencyFile, '--out', out]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expectEbiddingRow(await sheet(out, O16_SHEET));
    expect(r.out).toContain('ข้อมูล e-GP ชุดข้อมูลเต็ม (CSV, UTF-8 มี BOM)');
    expect(r.out).toContain('อ่านได้ 12 รายการ');
    expect(r.out).toContain(`เป็นของหน่วยงาน "${CHUMPHON}" 10 รายการ`);
    expect(r.out).toContain('อยู่ในช่วงของแบบ (1 ต.ค. 2566 – 31 มี.ค. 2567) 7 รายการ, นอกช่วง 2 รายการ');
    expect(r.out).toContain(`นำเข้า 6 รายการ → ${out} แผ่นงาน "${O16_SHEET}" แถว 2–7`);
    expect(r.out).toContain('ข้ามไป ไม่ได้นำเข้า 2 รายการ');
    expect(r.out).toMatch(/แถวที่ 11 ของ egp-bom\.csv \(67029901234 .*\): อ่านวันที่ลงนามในสัญญาไม่ได้: .*31 ก\.พ\. 67/);
    expect(r.out).toMatch(/แถวที่ 10 ของ egp-bom\.csv \(66129890123 .*\): วิธีการจัดซื้อจัดจ้าง "วิธีพิเศษเฉพาะกิจ" ไม่ตรงกับรายการของแบบ/);
    expect(r.out).toContain('ผลการตรวจรายการที่นำเข้า: ข้อผิดพลาด 0');
    expect(r.out).toContain('ผู้ได้รับการคัดเลือก 1 รายใช้เลขประจำตัวประชาชน (แถว 2)');
  });

  it('UTF-8 without BOM, API header variant', async () => {
    const src = await write('egp-api.csv', egpCsv(egpRows(), { variant: 'api', eol: '\n' }));
    const out = file('o16-api.xlsx');
    const r = await importCli([src, ...BASE, '--agency', agencyFile, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('ข้อมูล e-GP แบบ API (CSV, UTF-8)');
    expectEbiddingRow(await sheet(out, O16_SHEET));
  });

  it('Windows-874 (Excel "CSV" on a Thai Windows)', async () => {
    const src = await write('egp-874.csv', iconv.encode(egpCsv(egpRows()), 'windows-874'));
    const out = file('o16-874.xlsx');
    const r = await importCli([src, ...BASE, '--agency', agencyFile, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Windows-874 (TIS-620)');
    expectEbiddingRow(await sheet(out, O16_SHEET));
  });

  it('the datastore JSON {result: {records}}', async () => {
    const src = await write('egp.json', egpDatastoreJson(egpRows()));
    const out = file('o16-json.xlsx');
    const r = await importCli([src, ...BASE, '--agency', agencyFile, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('ข้อมูล e-GP แบบ API (JSON');
    expectEbiddingRow(await sheet(out, O16_SHEET));
  });

  it('without --budget-source the check reports the empty column and the command exits 1', async () => {
    const src = await write('egp-nosrc.csv', egpCsv(egpRows()));
    const r = await importCli([src, '--template', 'o16', '--fiscal-year', '2567', '--agency', agencyFile, '--out', file('o16-nosrc.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('✗ ผิดพลาด ยังไม่ได้กรอก "แหล่งที่มาของงบประมาณ" — 6 แถว: I2, I3, I4, I5, I6, I7');
    expect(r.out).toContain('--budget-source');
  });

  it('an agency that is not in the data: lists the names present, exit 2 with one line', async () => {
    const src = await write('egp-other.csv', egpCsv(egpRows()));
    const r = await importCli([src, ...BASE, '--unit', 'เทศบาลตำบลชุมพลบุรี', '--out', file('x.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toContain('ไม่พบข้อมูลของหน่วยงาน "เทศบาลตำบลชุมพลบุรี"');
    expect(r.out).toContain('ชื่อหน่วยงานที่มีในข้อมูล');
    expect(r.out).toContain(`${CHUMPHON}  (`);
    expect(r.out).toContain('แขวงทางหลวงนครราชสีมาที่ 1  (ชื่อหน่วยงานย่อย, 1 รายการ)');
    await expect(fs.access(file('x.xlsx'))).rejects.toThrow();
  });

  it('--unit picks the agency by either of its names, abbreviations allowed', async () => {
    const src = await write('egp-unit.csv', egpCsv(egpRows()));
    const out = file('o16-unit.xlsx');
    const r = await importCli([src, ...BASE, '--unit', 'ทต.ชุมพล', '--out', out]);
    expect(r.out).toContain('นำเข้า 6 รายการ');
    // No profile: the agency columns come from e-GP; the ones e-GP lacks are reported.
    const ws = await sheet(out, O16_SHEET);
    expect(rowValues(ws, 2).slice(0, 6)).toEqual([2567, null, null, CHUMPHON, 'สีคิ้ว', 'นครราชสีมา']);
    expect(r.code).toBe(1);
  });
});

describe('ita-forms import: again, into the result', () => {
  it('re-import adds no duplicate, keeps the officer\'s edits and lists them as conflicts', async () => {
    const src = await write('egp-twice.csv', egpCsv(egpRows(), { bom: true }));
    const first = file('o16-first.xlsx');
    expect((await importCli([src, ...BASE, '--agency', agencyFile, '--out', first])).code).toBe(0);

    // The officer corrects an agreed price and adds a note under the list.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(first);
    const ws = wb.getWorksheet(O16_SHEET)!;
    ws.getCell('M3').value = 2_400_000;
    ws.getCell('G10').value = 'หมายเหตุ: ข้อมูล ณ วันที่ 31 มีนาคม 2567';
    await wb.xlsx.writeFile(first);

    const second = file('o16-second.xlsx');
    const r = await importCli([src, ...BASE, '--agency', agencyFile, '--into', first, '--out', second]);
    expect(r.err).toEqual([]);
    expect(r.out).toContain('ไม่มีรายการใหม่ที่จะนำเข้า');
    expect(r.out).toContain('ซ้ำกับที่มีอยู่แล้ว จึงไม่นำเข้าซ้ำ 5 รายการ');
    expect(r.out).toContain('ข้อมูลไม่ตรงกับแถวที่มีอยู่ 1 รายการ');
    expect(r.out).toContain('ราคาที่ตกลงซื้อหรือจ้าง (บาท): เดิม 2,400,000.00 / ใหม่ 2,390,000.00');
    const out = await sheet(second, O16_SHEET);
    expect(out.getCell('M3').value).toBe(2_400_000);
    expect(out.getCell('G8').value).toBeNull();
    expect(out.getCell('G10').value).toBe('หมายเหตุ: ข้อมูล ณ วันที่ 31 มีนาคม 2567');
    expect(r.code).toBe(0);
  });

  it('new contracts go under the last row, above the notes, which move down', async () => {
    const some = await write('egp-some.csv', egpCsv(egpRows().slice(0, 2)));
    const first = file('o16-some.xlsx');
    await importCli([some, ...BASE, '--agency', agencyFile, '--out', first]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(first);
    wb.getWorksheet(O16_SHEET)!.getCell('G5').value = 'ลงชื่อ ................ ผู้รายงาน';
    await wb.xlsx.writeFile(first);

    const all = await write('egp-all.csv', egpCsv(egpRows()));
    const merged = file('o16-merged.xlsx');
    const r = await importCli([all, ...BASE, '--agency', agencyFile, '--into', first, '--out', merged]);
    expect(r.out).toContain(`นำเข้า 4 รายการ → ${merged}`);
    expect(r.out).toContain('แถว 4–7');
    expect(r.out).toContain('ซ้ำกับที่มีอยู่แล้ว จึงไม่นำเข้าซ้ำ 2 รายการ');
    const ws = await sheet(merged, O16_SHEET);
    expect(ws.getCell('P4').value).toBe('66119456789');
    expect(ws.getCell('P7').value).toBe('67029567890');
    expect(ws.getCell('G9').value).toBe('ลงชื่อ ................ ผู้รายงาน');
    // The original is never modified.
    expect((await sheet(first, O16_SHEET)).getCell('P4').value).toBeNull();
  });

  it('refuses to write over the file it appends to', async () => {
    const r = await importCli([file('egp-all.csv'), ...BASE, '--into', file('o16-merged.xlsx'), '--out', file('o16-merged.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err[0]).toContain('ไฟล์ต้นฉบับจะไม่ถูกเขียนทับ');
    expect(r.err).toHaveLength(1);
  });
});

describe('ita-forms import: PDPA', () => {
  it('masks the personal ID in the publication copy, the working copy keeps it', async () => {
    const src = await write('egp-pdpa.csv', egpCsv(egpRows()));
    const out = file('o16-work.xlsx');
    const pub = file('o16-publish.xlsx');
    const r = await importCli([src, ...BASE, '--agency', agencyFile, '--out', out, '--publication-copy', pub]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`สำเนาสำหรับเผยแพร่ ${pub} ปิดเลข 4 หลักท้ายแล้ว (1 เซลล์)`);
    expect((await sheet(out, O16_SHEET)).getCell('N2').value).toBe(PERSONAL_ID);
    const published = await sheet(pub, O16_SHEET);
    expect(published.getCell('N2').value).toBe(`${PERSONAL_ID.slice(0, 9)}xxxx`);
    expect(published.getCell('N3').value).toBe('0365529000042');
    // The published copy still checks: a masked ID is a warning, not an error.
    const t = io();
    expect(await run(['check', pub, '--format', 'json'], t)).toBe(0);
    const doc = JSON.parse(t.stdout[0]);
    expect(doc.sheets[0].issues.find((i: { code: string }) => i.code === 'tax-id-masked')).toMatchObject({ row: 2, column: 'N' });
  });
});

describe('ita-forms import: สขร.1 monthly sheets', () => {
  async function monthlyWorkbook(name: string, sheets: [string, CellValue[][]][]): Promise<string> {
    const wb = new ExcelJS.Workbook();
    for (const [sheetName, rows] of sheets) {
      const ws = wb.addWorksheet(sheetName);
      rows.forEach((r) => ws.addRow(r as ExcelJS.CellValue[]));
    }
    await wb.xlsx.writeFile(file(name));
    return file(name);
  }

  const expectMonthlyRows = async (out: string) => {
    const ws = await sheet(out, O16_SHEET);
    expect(rowValues(ws, 2).slice(6)).toEqual([
      'จัดซื้อวัสดุสำนักงาน กองคลัง', 18500, 'เทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย', null, 'วิธีเฉพาะเจาะจง', 18500, 18200, null, 'ร้านชุมพลพาณิชย์',
      null, utcDate(2023, 10, 13), null,
    ]);
    expect(ws.getCell('O4').value).toBe('ห้างหุ้นส่วนจำกัด สีคิ้วก่อสร้าง');
    expect(ws.getCell('M4').value).toBe(2390000);
    expect(ws.getCell('Q4').value).toEqual(utcDate(2024, 1, 15));
    expect(ws.getCell('G5').value).toBeNull();
  };

  it('one sheet per month: combined cells split, the month without procurement recognised, missing months named', async () => {
    const src = await monthlyWorkbook('skr1.xlsx', [['ต.ค.66', october()], ['พ.ย.66', november()], ['ม.ค.67', january()]]);
    const out = file('o16-skr1.xlsx');
    const r = await importCli([src, ...BASE, '--agency', agencyFile, '--out', out]);
    expect(r.err).toEqual([]);
    expect(r.out).toContain('แผ่นงาน "ต.ค.66": แบบ สขร.1 เดือน ต.ค. 2566 — 2 รายการ');
    expect(r.out).toContain('แผ่นงาน "พ.ย.66": แบบ สขร.1 เดือน พ.ย. 2566 — ระบุว่าไม่มีการจัดซื้อจัดจ้าง');
    expect(r.out).toContain('ยังไม่มีรายงาน สขร.1 ของเดือน: ธ.ค. 2566, ก.พ. 2567, มี.ค. 2567');
    expect(r.out).toContain('นำเข้า 3 รายการ');
    expect(r.out).toMatch(/แผ่นงาน "ม\.ค\.67" แถว 7 ของ skr1\.xlsx \(จัดซื้อน้ำดื่ม\): อ่านวันที่ลงนามในสัญญาไม่ได้: .*32 ม\.ค\. 67/);
    await expectMonthlyRows(out);
    // สขร.1 has no end date, project number or ID: the check says what the officer must add.
    expect(r.code).toBe(1);
    expect(r.out).toContain('ยังไม่ได้กรอก "วันสิ้นสุดสัญญา"');
  });

  it('one workbook per month gives the same rows', async () => {
    const files = [
      await monthlyWorkbook('oct.xlsx', [['Sheet1', october()]]),
      await monthlyWorkbook('nov.xlsx', [['Sheet1', november()]]),
      await monthlyWorkbook('jan.xlsx', [['Sheet1', january()]]),
    ];
    const out = file('o16-months.xlsx');
    const r = await importCli([...files, ...BASE, '--agency', agencyFile, '--out', out]);
    expect(r.out).toContain('นำเข้า 3 รายการ');
    await expectMonthlyRows(out);
  });
});

describe('ita-forms import: an o16 of another layout, and o17', () => {
  it('re-maps a sheet with a ที่ column and titles into the prescribed layout', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('o16 ระบบเดิม');
    realisticO16({ rows: 5 }).forEach((r) => ws.addRow(r as ExcelJS.CellValue[]));
    await wb.xlsx.writeFile(file('old-layout.xlsx'));
    const out = file('o16-remapped.xlsx');
    const r = await importCli([file('old-layout.xlsx'), '--template', 'o16', '--fiscal-year', '2567', '--agency', agencyFile, '--out', out]);
    expect(r.out).toContain('แผ่นงาน "o16 ระบบเดิม": แบบ o16 (หัวตารางแถว 4) — 5 รายการ');
    expect(r.out).toContain('นำเข้า 5 รายการ');
    const list = await sheet(out, O16_SHEET);
    const first = rowValues(list, 2);
    expect(first[6]).toBe('โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ ๓ บ้านหนองบัว');
    expect(first[7]).toBe(2450000);
    expect(first[8]).toBe('เทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย');
    expect(first[13]).toBe('0365529000042');
    expect(first[16]).toBeInstanceOf(Date);
    expect(r.code).toBe(0);
  });

  it('o17 takes the previous fiscal year and writes its summary with the totals', async () => {
    const src = await write('egp-o17.csv', egpCsv(egpRows()));
    const out = file('o17.xlsx');
    const r = await importCli([src, '--template', 'o17', '--fiscal-year', '2567', '--budget-source', 'เทศบัญญัติ', '--agency', agencyFile, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('อยู่ในช่วงของแบบ (1 ต.ค. 2565 – 30 ก.ย. 2566) 1 รายการ');
    expect(r.out).toContain('วิธีประกาศเชิญชวนทั่วไป (e-Market, e-Bidding, สอบราคา): 1 รายการ 2,450,000.00 บาท');
    const list = await sheet(out, O17_SHEET);
    expect(list.getCell('A2').value).toBe(2566);
    expect(list.getCell('P2').value).toBe('66019789012');
    const summary = await sheet(out, 'สรุปตามวิธี');
    const b4 = summary.getCell('B4').value as ExcelJS.CellFormulaValue;
    expect(b4.formula).toContain('COUNTIFS');
    expect(b4.result).toBe(1);
    expect((summary.getCell('C7').value as ExcelJS.CellFormulaValue).result).toBe(2450000);
    // And the written workbook passes `check` with its summary, once the officer has written the
    // problems and suggestions (o17's third part, which no import can fill).
    const t = io();
    expect(await run(['check', out, '--format', 'json'], t)).toBe(1);
    const codes = (JSON.parse(t.stdout[0]) as { sheets: { issues: { severity: string; code: string }[] }[] }).sheets
      .flatMap((s) => s.issues).filter((i) => i.severity === 'error').map((i) => i.code);
    expect(codes).toEqual(['summary-notes-empty', 'summary-notes-empty']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    wb.getWorksheet('สรุปตามวิธี')!.getCell('A10').value = 'ไม่มี';
    wb.getWorksheet('สรุปตามวิธี')!.getCell('A12').value = 'ไม่มี';
    await wb.xlsx.writeFile(out);
    expect(await run(['check', out, '--format', 'json'], io())).toBe(0);
  });
});

describe('ita-forms import: unusable input', () => {
  it.each([
    [['nope.csv'], 'ไม่พบไฟล์'],
    [['people.csv'], 'ไม่พบหัวคอลัมน์ของข้อมูล e-GP'],
    [['old.xls'], 'บันทึกเป็น .xlsx'],
  ])('%s exits 2 with one line', async (args, expected) => {
    await write('people.csv', 'ชื่อ,นามสกุล\nสมชาย,ใจดี\n');
    await write('old.xls', 'x');
    const r = await importCli([...args.map(file), ...BASE, '--out', file('y.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toContain(expected);
    expect(r.err[0]).toContain('|');
  });

  it('bad flags are usage errors', async () => {
    expect((await importCli([file('people.csv'), '--template', 'o14', '--fiscal-year', '2567', '--out', file('z.xlsx')])).err[0]).toContain('o16, o17');
    expect((await importCli([file('people.csv'), '--template', 'o16', '--out', file('z.xlsx')])).err[0]).toContain('--fiscal-year');
  });
});
