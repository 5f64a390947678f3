/**
 * `import` into ITA 2569's monthly สขร.1 items from e-GP open data (the export of fiscal year 2569)
 * and from an agency's existing monthly สขร.1 sheets: each contract lands in the table of the month
 * it was signed, in the combined สขร.1 cells; O12's summary by method agrees with the monthly tables.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import { CHUMPHON, egpCsv, egpRows, type EgpRow } from '../fixtures/import/egp';
import { captureIo } from './cliIo';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ita-forms-import-2569-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The fixture's export moved two years on: FY 2567's contracts become FY 2569's (dates '15 ธ.ค. 68'). */
function egpRows2569(): EgpRow[] {
  const year = (s: string) => s.replace(/256([67])/g, (_, d: string) => `256${Number(d) + 2}`);
  const date = (s: string) => s.replace(/ (6[5-7])$/, (_, y: string) => ` ${Number(y) + 2}`);
  return egpRows().map((r) => ({
    ...r,
    fiscalYear: year(r.fiscalYear),
    projectNumber: r.projectNumber.replace(/^6([5-7])/, (_, d: string) => `6${Number(d) + 2}`),
    contractNumber: year(r.contractNumber),
    ...(r.announced ? { announced: date(r.announced) } : {}),
    signed: date(r.signed),
    ends: date(r.ends),
  }));
}

async function importCli(args: string[]): Promise<{ code: number; out: string; err: string[] }> {
  const t = captureIo();
  const code = await run(['import', ...args], t);
  return { code, out: t.text(), err: t.stderr };
}

const cells = (ws: ExcelJS.Worksheet, r: number) => Array.from({ length: 9 }, (_, c) => ws.getCell(r, c + 1).value ?? null);

describe('import into ITA 2569 O11 (monthly สขร.1)', () => {
  it('from e-GP: every contract under the month it was signed, combined cells written, what e-GP lacks left to fill', async () => {
    const src = path.join(dir, 'egp-2569.csv');
    await fs.writeFile(src, egpCsv(egpRows2569()));
    const out = path.join(dir, 'o11.xlsx');
    const r = await importCli([src, '--template', 'o11', '--fiscal-year', '2569', '--unit', CHUMPHON, '--as-of', '2026-10-15', '--out', out]);
    expect(r.err).toEqual([]);
    expect(r.out).toContain('นำเข้าแบบ o11 สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน (ITA 2569) ปีงบประมาณ 2569');
    expect(r.out).toContain('ตุลาคม 2568: 1 รายการ');
    expect(r.out).toContain('ธันวาคม 2568: 2 รายการ');
    expect(r.out).toContain('มีนาคม 2569: 2 รายการ');
    expect(r.out).toMatch(/วิธีพิเศษเฉพาะกิจ/); // the unknown method is listed, not dropped
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const q1 = wb.getWorksheet('O11 สขร.1 ไตรมาส 1')!;
    expect(q1.getCell('A3').value).toBe('สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม 2568');
    expect(cells(q1, 5)).toEqual([
      1, 'จัดซื้อวัสดุสำนักงาน "กองคลัง"\nประจำเดือนตุลาคม', 18500, 18500, 'วิธีเฉพาะเจาะจง', null,
      'นายสมชาย ใจดี (ร้านชุมพลพาณิชย์) ราคา 18,200.00 บาท', null, 'สัญญาเลขที่ ซ 1/2569 ลงวันที่ 8 ต.ค. 2568',
    ]);
    // The written file is checked: bidders and reasons are to be typed; months e-GP has nothing for
    // are to be completed or stated as none — never stated for the officer.
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/ยังไม่ได้กรอก "รายชื่อผู้เสนอราคาและราคาที่เสนอ"/);
    expect(r.out).toContain('ตารางเดือน พฤศจิกายน 2568 ไม่มีรายการ และไม่ได้ระบุว่า "ไม่มีการจัดซื้อจัดจ้าง"');
    expect(r.out).not.toMatch(/wrong-month|อยู่ในตารางเดือน/);
  });

  it('from existing monthly สขร.1 sheets of the agency', async () => {
    const src = path.join(dir, 'skr1.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('ต.ค. 68');
    ws.addRow(['สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม ๒๕๖๘']);
    ws.addRow(['ลำดับ', 'งานที่จัดซื้อหรือจัดจ้าง', 'วงเงินที่จะซื้อหรือจ้าง (บาท)', 'ราคากลาง (บาท)', 'วิธีซื้อหรือจ้าง', 'รายชื่อผู้เสนอราคาและราคาที่เสนอ', 'ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง', 'เหตุผลที่คัดเลือกโดยสรุป', 'เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง']);
    ws.addRow(['๑', 'จัดซื้อน้ำมันเชื้อเพลิง', '๓๐,๐๐๐', '๓๐,๐๐๐', 'เฉพาะเจาะจง', 'หจก. สีคิ้วปิโตรเลียม ราคา ๒๙,๘๐๐ บาท', 'หจก. สีคิ้วปิโตรเลียม ราคา ๒๙,๘๐๐ บาท', 'ราคาเหมาะสม', 'ใบสั่งซื้อเลขที่ ๗/๒๕๖๙ ลงวันที่ ๒๓ ต.ค. ๒๕๖๘']);
    await wb.xlsx.writeFile(src);
    const out = path.join(dir, 'o11-from-skr1.xlsx');
    const r = await importCli([src, '--template', 'o11', '--fiscal-year', '2569', '--as-of', '2025-11-20', '--out', out]);
    expect(r.err).toEqual([]);
    expect(r.out).toContain('ตุลาคม 2568: 1 รายการ');
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    expect(cells(back.getWorksheet('O11 สขร.1 ไตรมาส 1')!, 5)).toEqual([
      1, 'จัดซื้อน้ำมันเชื้อเพลิง', 30000, 30000, 'วิธีเฉพาะเจาะจง', null, 'หจก. สีคิ้วปิโตรเลียม ราคา 29,800.00 บาท', null,
      'สัญญาเลขที่ 7/2569 ลงวันที่ 23 ต.ค. 2568',
    ]);
  });
});

describe('import into ITA 2569 O12 (last year\'s twelve months and the summary by method)', () => {
  it('the summary by method agrees with the monthly tables; a changed total is reported', async () => {
    const src = path.join(dir, 'egp-2569-o12.csv');
    await fs.writeFile(src, egpCsv(egpRows2569()));
    const out = path.join(dir, 'o12.xlsx');
    const r = await importCli([src, '--template', 'o12', '--fiscal-year', '2569', '--unit', CHUMPHON, '--as-of', '2026-01-15', '--out', out]);
    expect(r.err).toEqual([]);
    expect(r.out).toContain('กุมภาพันธ์ 2568: 1 รายการ'); // the FY 2568 contract
    expect(r.out).not.toMatch(/summary-mismatch|ไม่ตรงกับรายการ/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sum = wb.getWorksheet('สรุปตามวิธี')!;
    expect(sum.getCell('A4').value).toBe('วิธีประกาศเชิญชวนทั่วไป (e-Market, e-Bidding, สอบราคา)');
    expect((sum.getCell('B4').value as ExcelJS.CellFormulaValue).result).toBe(1);
    expect((sum.getCell('C4').value as ExcelJS.CellFormulaValue).result).toBe(2500000);

    // The officer types another total: check names the cell.
    sum.getCell('B4').value = 3;
    const edited = path.join(dir, 'o12-edited.xlsx');
    await wb.xlsx.writeFile(edited);
    const t = captureIo();
    await run(['check', edited, '--format', 'json', '--as-of', '2026-01-15'], t);
    const report = JSON.parse(t.stdout.join('')) as { sheets: { sheet: string; issues: { code: string; row: number | null; column: string | null }[] }[] };
    const summary = report.sheets.find((s) => s.sheet === 'สรุปตามวิธี')!;
    expect(summary.issues).toContainEqual(expect.objectContaining({ code: 'summary-mismatch', row: 4, column: 'B' }));
  });
});
