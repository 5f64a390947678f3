/**
 * The measures templates through the command line on real .xlsx files: `new` pre-fills what the
 * edition prescribes (every OIT item, the ten indicators with their formulas), exceljs fills the
 * rest as an officer would, `check` reports at the right cells.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import { utcDate } from '../../src/domain/values/thaiDate';
import * as scores from '../fixtures/seeds/itaScores';
import * as oit from '../fixtures/seeds/oitChecklist2567';
import { captureIo } from './cliIo';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ita-forms-measures-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const io = captureIo;

interface JsonReport {
  errors: number;
  sheets: { sheet: string; template: string | null; rows: number; figures?: { key: string; value: string }[]; issues: { code: string; row: number | null; column: string | null; message: string }[] }[];
}

async function checkJson(file: string, ...flags: string[]): Promise<{ code: number; report: JsonReport }> {
  const out = io();
  const code = await run(['check', file, '--format', 'json', ...flags], out);
  return { code, report: JSON.parse(out.stdout.join('')) as JsonReport };
}

describe('ita-forms new/check: OIT checklist', () => {
  it('pre-fills o1–o35 with names and components; the filled checklist checks clean', async () => {
    const file = path.join(dir, 'oit.xlsx');
    expect(await run(['new', 'oit-checklist', '--edition', '2567', '--website', 'chumponcity.go.th', '--out', file], io())).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('OIT');
    if (!ws) throw new Error('no OIT sheet');
    expect(ws.getCell('A2').value).toBe('o1');
    expect(ws.getCell('B2').value).toBe('โครงสร้าง');
    expect(String(ws.getCell('C2').value)).toMatch(/^- แสดงแผนผัง/);
    expect(ws.getCell('C2').alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell('A36').value).toBe('o35');
    // Printed to PDF for the website: A4 landscape, one page wide, the header on every page.
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });

    // Left as written, every item lacks its unit and status: reported per row, no item "missing".
    let { code, report } = await checkJson(file);
    expect(code).toBe(1);
    const codes = new Set(report.sheets[0].issues.map((i) => `${i.code} ${i.column}${i.row}`));
    expect(codes.has('required D2')).toBe(true);
    expect(codes.has('required F36')).toBe(true);
    expect(report.sheets[0].issues.some((i) => i.code === 'item-missing')).toBe(false);

    // The officer completes it from seed 000 (its status column and URLs).
    oit.rows.slice(3).forEach((r, k) => {
      const row = ws.getRow(k + 2);
      row.getCell(4).value = r[3];
      row.getCell(6).value = 'ดำเนินการแล้ว';
      row.getCell(7).value = k === 21 ? 'https://www.chumponcity.go.th/front/menu/7/79' : r[6];
    });
    await wb.xlsx.writeFile(file);
    ({ code, report } = await checkJson(file));
    expect(report.sheets[0].issues).toEqual([]);
    expect(code).toBe(0);

    // An address off the agency's site, given on the command line, is an error at its cell.
    ws.getCell('G10').value = 'https://chumpon.example.com/o9';
    await wb.xlsx.writeFile(file);
    ({ code, report } = await checkJson(file, '--website', 'https://www.chumponcity.go.th'));
    expect(code).toBe(1);
    expect(report.sheets[0].issues.map((i) => `${i.code} ${i.column}${i.row}`)).toEqual(['url-other-domain G10']);
  });

  it('refuses a --website that is no address, with a clear message', async () => {
    const out = io();
    expect(await run(['check', path.join(dir, 'oit.xlsx'), '--website', 'ไม่มี'], out)).toBe(2);
    expect(out.stderr.join('\n')).toContain('--website ต้องเป็นที่อยู่เว็บไซต์');
  });
});

describe('ita-forms new/check: ITA score analysis', () => {
  it('writes the ten indicators with formulas; filled with seed 002 scores the check derives 60.89, level D', async () => {
    const file = path.join(dir, 'ita.xlsx');
    expect(await run(['new', 'ita-scores', '--edition', '2563', '--out', file], io())).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets.find((w) => w.name === 'ผลคะแนน ITA');
    if (!ws) throw new Error('no score sheet');
    expect(ws.getCell('B2').value).toBe('การปฏิบัติหน้าที่');
    expect(ws.getCell('C11').value).toBe('OIT');
    expect(ws.getCell('G2').formula).toBe('IF(E2="","",IF(E2>=85,"จุดแข็ง","จุดอ่อน"))');
    expect(ws.getCell('B12').value).toBe('คะแนนรวม (IIT 30% EIT 30% OIT 40%)');
    expect(ws.getCell('E12').formula).toContain('0.4*ROUND(AVERAGE(E10,E11),2)');

    scores.rows.slice(2, 12).forEach((r, k) => {
      ws.getCell(`D${k + 2}`).value = r[2] as number;
      ws.getCell(`E${k + 2}`).value = r[3] as number;
    });
    await wb.xlsx.writeFile(file);
    const { code, report } = await checkJson(file);
    expect(report.sheets[0].issues).toEqual([]);
    expect(code).toBe(0);
    const fig = Object.fromEntries((report.sheets[0].figures ?? []).map((f) => [f.key, f.value]));
    expect(fig.overall).toBe('60.89 (ระดับ D)');
    expect(fig.previousOverall).toBe('84.09 (ระดับ B)');
  });
});

describe('ita-forms new/check: o34 and o35', () => {
  it('o34 comes with the seven areas and the limitations row; each is reported until completed', async () => {
    const file = path.join(dir, 'o34.xlsx');
    expect(await run(['new', 'o34', '--fiscal-year', '2567', '--out', file], io())).toBe(0);
    const out = io();
    expect(await run(['check', file], out)).toBe(1);
    const text = out.stdout.join('\n');
    expect(text).toContain('ประเด็น "(1) กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ" ยังไม่มี "วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ/มาตรการ"');
    expect(text).toContain('B9 ยังไม่ได้วิเคราะห์ข้อจำกัดของหน่วยงาน');
    expect(text).not.toContain('area-missing');
  });
});
