/**
 * Every procurement and measures item of ITA 2568 and 2569 end to end: `new` writes the item with
 * its own number, title and sheet name; an officer fills it as agencies write it (Thai digits,
 * BE dates, text amounts); `check` reads it against that edition's window. Edition 2569's monthly
 * items have their own file (monthly2569.test.ts).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import { captureIo } from './cliIo';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ita-forms-editions-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

interface JsonIssue { code: string; severity: string; row: number | null; column: string | null; message: string }
interface JsonSheet { sheet: string; template: string | null; edition: string | null; rows: number; issues: JsonIssue[]; figures?: { key: string; value: string }[] }

async function newFile(name: string, ...args: string[]): Promise<{ file: string; said: string }> {
  const file = path.join(dir, name);
  const out = captureIo();
  const code = await run(['new', ...args, '--out', file], out);
  expect(out.stderr).toEqual([]);
  expect(code).toBe(0);
  return { file, said: out.text() };
}

async function check(file: string, ...flags: string[]): Promise<{ code: number; sheets: JsonSheet[] }> {
  const out = captureIo();
  const code = await run(['check', file, '--format', 'json', ...flags], out);
  expect(out.stderr).toEqual([]);
  return { code, sheets: (JSON.parse(out.stdout.join('')) as { sheets: JsonSheet[] }).sheets };
}

async function edit(file: string, sheet: string, fill: (ws: ExcelJS.Worksheet) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}; has ${wb.worksheets.map((w) => w.name).join(', ')}`);
  fill(ws);
  await wb.xlsx.writeFile(file);
}

const errors = (s: JsonSheet) => s.issues.filter((i) => i.severity === 'error');
const AGENCY = ['องค์กรปกครองส่วนท้องถิ่น', 'กระทรวงมหาดไทย', 'เทศบาลตำบลชุมพล', 'สีคิ้ว', 'นครราชสีมา'];

/** o16-layout rows as typed: Thai digits, text amounts, BE dates of the year given. */
function resultRows(fy: number): ExcelJS.CellValue[][] {
  const yy = String(fy - 1).slice(2);
  const y = String(fy).slice(2);
  return [
    [fy, ...AGENCY, 'จัดซื้อวัสดุคอมพิวเตอร์ กองคลัง', '๒๒,๐๐๐ บาท', 'เทศบัญญัติ', 'สิ้นสุดระยะสัญญา', 'เฉพาะเจาะจง', '22,000', '21,500.00',
      '0105543008219', 'บริษัท ซีพี ออลล์ จำกัด (มหาชน)', `${y}109234567`.slice(0, 11), `15 พ.ย. ${yy}`, `30/11/${yy}`],
    [fy, ...AGENCY, 'โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3 บ้านหนองบัว', 2450000, 'เทศบัญญัติ', 'สิ้นสุดระยะสัญญา', 'ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)', 2445000, 2390000,
      '0365529000042', 'ห้างหุ้นส่วนจำกัด สีคิ้วก่อสร้าง', `${y}019123456`.slice(0, 11), `๒๐ ม.ค. ${fy}`, `20/06/${fy}`],
  ];
}

describe('ITA 2568', () => {
  it('O12 (o16 layout, the current fiscal year): new → filled → check clean', async () => {
    const { file, said } = await newFile('o12-2568.xlsx', 'o12', '--edition', '2568');
    expect(said).toContain('แบบ o12 รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ (ITA 2568)');
    await edit(file, 'O12 รายการและความก้าวหน้า', (ws) => resultRows(2568).forEach((r, i) => r.forEach((v, c) => (ws.getCell(i + 2, c + 1).value = v))));
    const { sheets } = await check(file, '--as-of', '2025-09-30');
    expect(sheets[0]).toMatchObject({ template: 'procurement-progress', edition: '2568', rows: 2 });
    expect(errors(sheets[0])).toEqual([]);
  });

  it('O12 with a contract of last year: outside the 2568 window (signed in FY 2568 only)', async () => {
    const { file } = await newFile('o12-2568-old.xlsx', 'o12', '--fiscal-year', '2568');
    await edit(file, 'O12 รายการและความก้าวหน้า', (ws) => resultRows(2567).forEach((r, i) => r.forEach((v, c) => (ws.getCell(i + 2, c + 1).value = c === 0 ? 2568 : v))));
    const { sheets } = await check(file, '--as-of', '2025-09-30');
    expect(sheets[0].edition).toBe('2568');
    expect(sheets[0].issues.filter((i) => i.code === 'date-outside-window').map((i) => `${i.column}${i.row}`)).toEqual(['Q2', 'Q3']);
  });

  it('O13 (o17 layout, the previous fiscal year, with the summary by method)', async () => {
    const { file, said } = await newFile('o13-2568.xlsx', 'o13', '--fiscal-year', '2568');
    expect(said).toContain('แบบ o13 รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี (ITA 2568)');
    await edit(file, 'O13 ผลจัดซื้อจัดจ้างประจำปี', (ws) => resultRows(2567).forEach((r, i) => r.forEach((v, c) => (ws.getCell(i + 2, c + 1).value = v))));
    // The summary as Excel computes it on opening.
    await edit(file, 'สรุปตามวิธี', (ws) => {
      ws.getCell('B4').value = 1;
      ws.getCell('C4').value = 2390000;
      ws.getCell('B5').value = 0;
      ws.getCell('C5').value = 0;
      ws.getCell('B6').value = 1;
      ws.getCell('C6').value = 21500;
      ws.getCell('B7').value = 2;
      ws.getCell('C7').value = 2411500;
      // The third part, problems/obstacles and suggestions, is required too ("ไม่มี" when there is none).
      ws.getCell('A10').value = 'ไม่มี';
      ws.getCell('A12').value = 'ควรจัดทำแผนการจัดซื้อจัดจ้างให้เร็วขึ้น';
    });
    const { sheets } = await check(file);
    const list = sheets.find((s) => s.sheet === 'O13 ผลจัดซื้อจัดจ้างประจำปี')!;
    expect(list).toMatchObject({ template: 'procurement-annual', edition: '2568', rows: 2 });
    expect(errors(list)).toEqual([]);
    expect(errors(sheets.find((s) => s.sheet === 'สรุปตามวิธี')!)).toEqual([]);
  });

  it('O27 (o34 layout): the seven issues and the limitations come seeded; completed, it checks clean', async () => {
    const { file } = await newFile('o27-2568.xlsx', 'o27', '--edition', '2568', '--fiscal-year', '2568');
    await edit(file, 'มาตรการ O27', (ws) => {
      expect(String(ws.getCell('A2').value)).toBe('(1) กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ');
      for (let r = 2; r <= 9; r++) {
        ws.getCell(r, 2).value = 'จัดทำคู่มือการปฏิบัติงานและเผยแพร่ขั้นตอนการให้บริการบนเว็บไซต์ของหน่วยงาน';
        ws.getCell(r, 3).value = 'สำนักปลัดเทศบาล';
        ws.getCell(r, 4).value = '๑. ประชุมชี้แจงเจ้าหน้าที่\n๒. จัดทำคู่มือ\n๓. เผยแพร่และติดตามผล';
        ws.getCell(r, 5).value = 'ต.ค. ๖๗ - ก.ย. ๖๘';
      }
    });
    const { sheets } = await check(file);
    expect(sheets[0]).toMatchObject({ template: 'measures-analysis', edition: '2568' });
    expect(errors(sheets[0])).toEqual([]);
  });

  it('O28 (o35 layout) reports on the previous fiscal year', async () => {
    const { file } = await newFile('o28-2568.xlsx', 'o28', '--edition', '2568', '--fiscal-year', '2568');
    await edit(file, 'รายงานผล O28', (ws) => {
      ws.getRow(2).values = ['มาตรการเผยแพร่ข้อมูลต่อสาธารณะ', '๑. ปรับปรุงเว็บไซต์\n๒. เผยแพร่ข้อมูลตาม OIT', 'งานประชาสัมพันธ์', 'ต.ค. 2566 - ก.ย. 2567', 'ดำเนินการ', 'ปรับปรุงเว็บไซต์และเผยแพร่ข้อมูลครบทุกข้อ', 'ผลคะแนน OIT เพิ่มขึ้น', null];
      ws.getRow(3).values = ['มาตรการส่งเสริมการใช้ดุลพินิจ', null, 'สำนักปลัด', 'ต.ค. 2566 - ก.ย. 2567', 'ยังไม่ได้ดำเนินการ', null, null, 'อยู่ระหว่างจัดทำคู่มือ'];
    });
    const { sheets } = await check(file);
    expect(sheets[0]).toMatchObject({ template: 'measures-report', edition: '2568', rows: 2 });
    expect(sheets[0].issues).toEqual([]);
    // The same report of the current year's measures is outside O28's window (a warning).
    await edit(file, 'รายงานผล O28', (ws) => (ws.getCell('D2').value = 'ต.ค. 2567 - ก.ย. 2568'));
    expect((await check(file)).sheets[0].issues.map((i) => `${i.code} ${i.column}${i.row}`)).toEqual(['date-outside-window D2']);
  });

  it('the OIT checklist of 2568 has its 28 items', async () => {
    const { file } = await newFile('oit-2568.xlsx', 'oit-checklist', '--edition', '2568', '--website', 'chumponcity.go.th');
    await edit(file, 'OIT', (ws) => {
      expect(ws.getCell('A2').value).toBe('o1');
      expect(ws.getCell('B13').value).toBe('รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ');
      expect(ws.getCell('A29').value).toBe('o28');
      expect(ws.getCell('A30').value).toBeNull();
      for (let r = 2; r <= 29; r++) {
        ws.getCell(r, 4).value = 'สำนักปลัดเทศบาล';
        ws.getCell(r, 6).value = '☑';
        ws.getCell(r, 7).value = `https://www.chumponcity.go.th/ita/2568/o${r - 1}`;
      }
    });
    const { sheets } = await check(file);
    expect(sheets[0]).toMatchObject({ template: 'oit-checklist', edition: '2568', rows: 28 });
    expect(errors(sheets[0])).toEqual([]);
  });
});

describe('ITA 2569', () => {
  it('the default edition: new without --edition makes 2569 items', async () => {
    const { said } = await newFile('o26-default.xlsx', 'o26');
    expect(said).toContain('แบบ o26 รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (ITA 2569)');
  });

  it('O25: the ITA score analysis, its result worded ผ่านดี, by the check and by the sheet formula alike', async () => {
    const { file, said } = await newFile('o25.xlsx', 'o25');
    expect(said).toContain('แบบ o25 การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร — ผลการวิเคราะห์คะแนน (ITA 2569)');
    // Last year's (ITA 2568) scores, typed with Thai digits.
    const scores = ['๙๗.๕๐', '๙๘.๑๐', '๙๗.๒๐', '๙๖.๘๐', '๙๘.๕๐', '๙๒.๔๐', '๙๓.๑๐', '๙๓.๙๐', '๘๘.๒๐', '๙๑.๑๐'];
    let levelFormula = '';
    await edit(file, 'O25 ผลคะแนน ITA', (ws) => {
      scores.forEach((s, k) => (ws.getCell(`E${k + 2}`).value = s));
      levelFormula = ws.getCell('G12').formula ?? '';
    });
    expect(levelFormula).toContain('"ผ่านดีเยี่ยม"');
    expect(levelFormula).toContain('"ผ่านดี"');
    expect(levelFormula).toContain('"ต้องปรับปรุงโดยด่วน"');
    expect(levelFormula).not.toContain('ระดับ');
    const { sheets } = await check(file);
    expect(sheets[0]).toMatchObject({ template: 'ita-scores', edition: '2569' });
    // IIT 97.62, EIT 93.13, OIT 89.65: every tool at least 85, the overall under 95.
    expect(sheets[0].figures?.find((f) => f.key === 'overall')?.value).toBe('93.09 (ผ่านดี)');
  });

  it('O26 (o35 layout) reports on fiscal year 2568', async () => {
    const { file } = await newFile('o26.xlsx', 'o26', '--fiscal-year', '2569');
    await edit(file, 'รายงานผล O26', (ws) => {
      ws.getRow(2).values = ['มาตรการป้องกันการรับสินบน', '๑. ประกาศเจตนารมณ์ No Gift Policy\n๒. อบรมเจ้าหน้าที่', 'สำนักปลัดเทศบาล', 'ตลอดปีงบประมาณ', 'ดำเนินการ', 'ประกาศเจตนารมณ์และอบรมเจ้าหน้าที่ ๔๕ คน', 'ไม่มีเรื่องร้องเรียนการรับสินบน', null];
    });
    const { sheets } = await check(file);
    expect(sheets[0]).toMatchObject({ template: 'measures-report', edition: '2569', rows: 1 });
    expect(sheets[0].issues).toEqual([]);
  });

  it('the OIT checklist of 2569 has its 26 items, the procurement items O11 and O12', async () => {
    const { file } = await newFile('oit-2569.xlsx', 'oit-checklist', '--website', 'chumponcity.go.th');
    await edit(file, 'OIT', (ws) => {
      expect(ws.getCell('B12').value).toBe('สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน');
      expect(ws.getCell('B13').value).toBe('รายงานสรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุของหน่วยงาน');
      expect(ws.getCell('A27').value).toBe('o26');
      expect(ws.getCell('A28').value).toBeNull();
      for (let r = 2; r <= 26; r++) {
        ws.getCell(r, 4).value = 'กองคลัง';
        ws.getCell(r, 6).value = 'ดำเนินการแล้ว';
        ws.getCell(r, 7).value = `https://www.chumponcity.go.th/ita/2569/o${r - 1}`;
      }
      // O26 left without unit or status: reported at its row.
    });
    const { sheets } = await check(file);
    expect(sheets[0]).toMatchObject({ template: 'oit-checklist', edition: '2569', rows: 26 });
    expect(errors(sheets[0]).map((i) => `${i.code} ${i.column}${i.row}`)).toEqual(['required D27', 'required F27']);
  });
});
