/**
 * ITA 2569's monthly สขร.1 items end to end on real .xlsx files: `new o11 --edition 2569` writes
 * one sheet per quarter with a table per month, an officer fills it as agencies write สขร.1 (Thai
 * digits, combined cells, "ไม่มีการจัดซื้อจัดจ้าง"), and `check` reads the month of every table and
 * contract. A file that agencies made by hand with only two months gets month-missing, naming each
 * missing month in Thai.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import { captureIo } from './cliIo';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ita-forms-2569-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const AGENCY_2569 = {
  name: 'เทศบาลตำบลชุมพล', district: 'สีคิ้ว', province: 'นครราชสีมา', ministry: 'กระทรวงมหาดไทย',
  agencyType: 'องค์กรปกครองส่วนท้องถิ่น', fiscalYear: 2569,
};

interface JsonIssue { code: string; severity: string; row: number | null; column: string | null; message: string }
interface JsonReport { errors: number; sheets: { sheet: string; template: string | null; edition: string | null; item: string | null; rows: number; issues: JsonIssue[] }[] }

async function checkJson(file: string, ...flags: string[]): Promise<{ code: number; report: JsonReport }> {
  const out = captureIo();
  const code = await run(['check', file, '--format', 'json', ...flags], out);
  if (out.stderr.length) throw new Error(out.stderr.join('\n'));
  return { code, report: JSON.parse(out.stdout.join('')) as JsonReport };
}

async function agencyFile(): Promise<string> {
  const p = path.join(dir, 'agency.json');
  await fs.writeFile(p, JSON.stringify(AGENCY_2569));
  return p;
}

/** สขร.1 rows as officers type them: ลำดับ, then the nine columns, combined cells as one text. */
const OCT: ExcelJS.CellValue[][] = [
  ['๑', 'จัดซื้อวัสดุสำนักงาน กองคลัง', '๑๒,๕๐๐', '12,500.00', 'เฉพาะเจาะจง',
    'ร้านสีคิ้วเครื่องเขียน ราคา ๑๒,๐๐๐ บาท', 'ร้านสีคิ้วเครื่องเขียน ราคา ๑๒,๐๐๐ บาท', 'เป็นผู้มีอาชีพขายและเสนอราคาไม่เกินวงเงินงบประมาณ',
    'ใบสั่งซื้อเลขที่ ๑/๒๕๖๙ ลงวันที่ ๑๕ ต.ค. ๒๕๖๘'],
  ['2', 'จ้างซ่อมแซมถนนลูกรัง หมู่ที่ 4 บ้านหนองบัว', '480,000', '478,000', 'วิธีเฉพาะเจาะจง',
    'ห้างหุ้นส่วนจำกัด สีคิ้วก่อสร้าง ราคา 475,000 บาท\nห้างหุ้นส่วนจำกัด โคราชโยธา ราคา 477,500 บาท', 'ห้างหุ้นส่วนจำกัด สีคิ้วก่อสร้าง ราคา 475,000 บาท',
    'ราคาต่ำสุด', 'สัญญาจ้างเลขที่ 2/2569 ลว. 28 ต.ค. 68'],
];

async function fillQuarter1(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('O11 สขร.1 ไตรมาส 1')!;
  // October: title on row 3, header on row 4, rows 5–14.
  OCT.forEach((r, i) => r.forEach((v, c) => (ws.getCell(5 + i, c + 1).value = v)));
  // November (title 16, header 17): nothing bought, and the table says so.
  ws.getCell(18, 2).value = 'ไม่มีการจัดซื้อจัดจ้าง';
  // December (title 29): left empty — neither purchases nor a statement.
  await wb.xlsx.writeFile(file);
}

describe('ITA 2569 O11: monthly สขร.1 tables', () => {
  it('new o11 writes one sheet per quarter, a table per month with the สขร.1 columns', async () => {
    const file = path.join(dir, 'o11.xlsx');
    const out = captureIo();
    expect(await run(['new', 'o11', '--edition', '2569', '--agency', await agencyFile(), '--out', file], out)).toBe(0);
    expect(out.text()).toContain('แบบ o11 สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน (ITA 2569)');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.filter((w) => w.state !== 'hidden').map((w) => w.name)).toEqual([
      'O11 สขร.1 ไตรมาส 1', 'O11 สขร.1 ไตรมาส 2', 'O11 สขร.1 ไตรมาส 3', 'O11 สขร.1 ไตรมาส 4',
    ]);
    const q1 = wb.getWorksheet('O11 สขร.1 ไตรมาส 1')!;
    expect(String(q1.getCell('A1').value)).toContain('ปีงบประมาณ พ.ศ. 2569 เทศบาลตำบลชุมพล');
    expect(q1.getCell('A3').value).toBe('สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม 2568');
    expect((q1.getRow(4).values as ExcelJS.CellValue[]).slice(1)).toEqual([
      'ลำดับ', 'งานที่จัดซื้อหรือจัดจ้าง', 'วงเงินที่จะซื้อหรือจ้าง (บาท)', 'ราคากลาง (บาท)', 'วิธีซื้อหรือจ้าง',
      'รายชื่อผู้เสนอราคาและราคาที่เสนอ', 'ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง', 'เหตุผลที่คัดเลือกโดยสรุป',
      'เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง',
    ]);
    expect(q1.getCell('A16').value).toBe('สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน พฤศจิกายน 2568');
    expect(wb.getWorksheet('O11 สขร.1 ไตรมาส 4')!.getCell('A29').value).toBe('สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน กันยายน 2569');
  });

  it('check: a filled month is clean, a month stating none is fine, an empty month and every unfilled month are reported', async () => {
    const file = path.join(dir, 'o11.xlsx');
    await fillQuarter1(file);
    const { code, report } = await checkJson(file, '--as-of', '2026-01-20');
    expect(code).toBe(1);
    const q1 = report.sheets.find((s) => s.sheet === 'O11 สขร.1 ไตรมาส 1')!;
    expect(q1).toMatchObject({ template: 'procurement-monthly', edition: '2569', rows: 2 });
    // October's two purchases read without an error: combined cells split, Thai digits, BE dates
    // (amounts typed as text and the bare "เฉพาะเจาะจง" are warnings with their fix).
    expect(q1.issues.filter((i) => i.severity === 'error' && i.row !== null && i.row <= 6)).toEqual([]);
    expect(new Set(q1.issues.filter((i) => i.row !== null && i.row <= 6).map((i) => i.code))).toEqual(new Set(['money-as-text', 'option-synonym']));
    // December (title on row 29) neither lists purchases nor says there were none.
    expect(q1.issues).toContainEqual(expect.objectContaining({ code: 'month-empty', row: 29, message: 'ตารางเดือน ธันวาคม 2568 ไม่มีรายการ และไม่ได้ระบุว่า "ไม่มีการจัดซื้อจัดจ้าง"' }));
    expect(q1.issues.some((i) => i.code === 'month-empty' && i.row === 16)).toBe(false); // November states none
    // As of 20 Jan 2569 only Oct–Dec have ended: no month of quarter 2 is required yet.
    expect(report.sheets.flatMap((s) => s.issues).filter((i) => i.code === 'month-missing')).toEqual([]);
  });

  it('check: contracts filed under the wrong month, and combined cells that lack the price, number or date', async () => {
    const file = path.join(dir, 'o11-bad.xlsx');
    expect(await run(['new', 'o11', '--edition', '2569', '--agency', await agencyFile(), '--out', file], captureIo())).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('O11 สขร.1 ไตรมาส 1')!;
    const rows: ExcelJS.CellValue[][] = [
      // Signed in November, filed under October.
      ['1', 'จัดซื้อน้ำมันเชื้อเพลิง', '๓๐,๐๐๐', '30,000', 'เฉพาะเจาะจง', 'หจก. สีคิ้วปิโตรเลียม ราคา 29,800 บาท', 'หจก. สีคิ้วปิโตรเลียม ราคา 29,800 บาท', 'ราคาเหมาะสม', 'ใบสั่งซื้อเลขที่ 7/2569 ลงวันที่ 3 พ.ย. 2568'],
      // No price in the winner cell; no date in the contract cell.
      ['2', 'จ้างเหมาทำความสะอาดอาคาร', '90,000', '90,000', 'เฉพาะเจาะจง', 'นางสาวมาลี ใจดี ราคา 90,000 บาท', 'นางสาวมาลี ใจดี', 'ราคาเหมาะสม', 'สัญญาจ้างเลขที่ 3/2569'],
      // The agreed price is above the budget.
      ['3', 'จัดซื้อครุภัณฑ์คอมพิวเตอร์', '๒๒,๐๐๐', '22,000', 'เฉพาะเจาะจง', 'บริษัท โคราชไอที จำกัด ราคา 23,500 บาท', 'บริษัท โคราชไอที จำกัด ราคา 23,500 บาท', 'ราคาต่ำสุด', 'ใบสั่งซื้อเลขที่ 9/2569 ลว. 30 ต.ค. 68'],
    ];
    rows.forEach((r, i) => r.forEach((v, c) => (ws.getCell(5 + i, c + 1).value = v)));
    await wb.xlsx.writeFile(file);
    const { report } = await checkJson(file, '--as-of', '2025-11-05');
    const issues = report.sheets.find((s) => s.sheet === 'O11 สขร.1 ไตรมาส 1')!.issues.filter((i) => i.code !== 'money-as-text' && i.code !== 'option-synonym');
    const at = (cell: string) => issues.filter((i) => `${i.column}${i.row}` === cell).map((i) => i.code);
    expect(at('I5')).toEqual(['wrong-month']);
    expect(issues.find((i) => i.code === 'wrong-month')!.message).toBe('สัญญาลงวันที่ 3 พ.ย. 2568 (เดือน พฤศจิกายน 2568) แต่อยู่ในตารางเดือน ตุลาคม 2568');
    expect(at('G6')).toEqual(['winner-price-missing']);
    expect(at('I6')).toEqual(['contract-date-missing']);
    expect(at('G7')).toEqual(['price-above-budget', 'price-above-median']);
    // As of 5 Nov 2568, November and December have not ended: their empty tables are no error yet.
    expect(issues.filter((i) => i.code === 'month-empty' || i.code === 'month-missing')).toEqual([]);
  });
});

describe('ITA 2569: a monthly file agencies made by hand', () => {
  /** Two months only (October and November 2568), one sheet, each month under its own title and header. */
  async function handMade(file: string): Promise<void> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('สขร.1 ปี 2569');
    const header = ['ลำดับ', 'งานที่จัดซื้อหรือจัดจ้าง', 'วงเงินที่จะซื้อหรือจ้าง (บาท)', 'ราคากลาง (บาท)', 'วิธีซื้อหรือจ้าง', 'รายชื่อผู้เสนอราคาและราคาที่เสนอ', 'ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง', 'เหตุผลที่คัดเลือกโดยสรุป', 'เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง'];
    ws.addRow(['สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ เทศบาลตำบลชุมพล']);
    ws.addRow(['สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม ๒๕๖๘']);
    ws.addRow(header);
    for (const r of OCT) ws.addRow(r);
    ws.addRow([]);
    ws.addRow(['สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน พฤศจิกายน ๒๕๖๘']);
    ws.addRow(header);
    ws.addRow(['', 'ไม่มีการจัดซื้อจัดจ้าง']);
    await wb.xlsx.writeFile(file);
  }

  it('names every missing month of the year in Thai (month-missing)', async () => {
    const file = path.join(dir, 'hand.xlsx');
    await handMade(file);
    const { code, report } = await checkJson(file, '--as-of', '2026-10-15');
    expect(code).toBe(1);
    const sheet = report.sheets[0];
    expect(sheet).toMatchObject({ template: 'procurement-monthly', edition: '2569', rows: 2 });
    const missing = sheet.issues.filter((i) => i.code === 'month-missing').map((i) => i.message.replace(/ \(.*$/, ''));
    expect(missing).toEqual([
      'ไม่มีตารางของเดือน ธันวาคม 2568', 'ไม่มีตารางของเดือน มกราคม 2569', 'ไม่มีตารางของเดือน กุมภาพันธ์ 2569',
      'ไม่มีตารางของเดือน มีนาคม 2569', 'ไม่มีตารางของเดือน เมษายน 2569', 'ไม่มีตารางของเดือน พฤษภาคม 2569',
      'ไม่มีตารางของเดือน มิถุนายน 2569', 'ไม่มีตารางของเดือน กรกฎาคม 2569', 'ไม่มีตารางของเดือน สิงหาคม 2569',
      'ไม่มีตารางของเดือน กันยายน 2569',
    ]);
    expect(sheet.issues.filter((i) => i.severity === 'error' && i.code !== 'month-missing')).toEqual([]);
  });
});
