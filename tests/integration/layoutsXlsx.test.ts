/**
 * Real layouts in real .xlsx files, written by exceljs as an agency's spreadsheet would hold them
 * and checked through the command line: merged two-row headers, the header repeated on every
 * printed page, two tables on one sheet, formulas without a computed value, invisible characters
 * and over-long text. Each issue is asserted at its row and column, and false ones are absent.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import { readWorkbookFile } from '../../src/xlsx/streamRead';
import { COL, FIRST_DATA_ROW, HEADER, HEADER_ROW, realisticO16 } from '../fixtures/o16Realistic';
import { captureIo } from './cliIo';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ita-forms-layouts-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

interface JsonIssue { severity: string; code: string; row: number | null; column: string | null; message: string }
interface JsonReport {
  errors: number;
  sheets: { sheet: string; template: string | null; headerRow: number | null; rows: number; issues: JsonIssue[] }[];
}

async function check(file: string): Promise<{ code: number; report: JsonReport; text: string }> {
  const out = captureIo();
  const code = await run(['check', file, '--format', 'json'], out);
  const report = JSON.parse(out.stdout.join('')) as JsonReport;
  const plain = captureIo();
  await run(['check', file], plain);
  return { code, report, text: plain.text() };
}

async function save(name: string, fill: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('o16'));
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

const errors = (issues: readonly JsonIssue[]) => issues.filter((i) => i.severity === 'error');
const col = (letter: string) => letter.charCodeAt(0) - 64; // 1-based, A..Z
const records = (n: number) => realisticO16({ rows: n }).slice(HEADER_ROW, HEADER_ROW + n);
const titles = () => realisticO16({ rows: 1 }).slice(0, HEADER_ROW - 1);

/**
 * The o16 header over rows `top` and `top + 1`: "ราคา" merged over ราคากลาง | ราคาที่ตกลงซื้อหรือจ้าง,
 * "วันที่" over ลงนามในสัญญา | สิ้นสุดสัญญา, every other header merged down across both rows.
 */
function mergedHeader(ws: ExcelJS.Worksheet, top: number): void {
  const groups: Record<string, [string, string]> = {
    [COL.medianPrice]: ['ราคา', 'ราคากลาง'],
    [COL.agreedPrice]: ['ราคา', 'ราคาที่ตกลงซื้อหรือจ้าง'],
    [COL.signDate]: ['วันที่', 'ลงนามในสัญญา'],
    [COL.endDate]: ['วันที่', 'สิ้นสุดสัญญา'],
  };
  HEADER.forEach((h, i) => {
    const letter = String.fromCharCode(65 + i);
    const g = groups[letter];
    if (g) {
      ws.getCell(top, i + 1).value = g[0];
      ws.getCell(top + 1, i + 1).value = g[1];
    } else {
      ws.getCell(top, i + 1).value = h as string;
      ws.mergeCells(top, i + 1, top + 1, i + 1);
    }
  });
  ws.mergeCells(top, col(COL.medianPrice), top, col(COL.agreedPrice));
  ws.mergeCells(top, col(COL.signDate), top, col(COL.endDate));
}

describe('check on real .xlsx layouts', () => {
  it('a two-row header with vertically merged cells: recognised, no record read from it, no false error', async () => {
    const file = await save('merged.xlsx', (ws) => {
      ws.addRows(titles());
      mergedHeader(ws, HEADER_ROW);
      records(20).forEach((r, i) => (ws.getRow(HEADER_ROW + 2 + i).values = r as ExcelJS.CellValue[]));
    });
    const { code, report } = await check(file);
    const s = report.sheets[0];
    expect(s.template).toBe('procurement-progress');
    expect(s.headerRow).toBe(HEADER_ROW + 1);
    expect(s.rows).toBe(20);
    expect(errors(s.issues)).toEqual([]);
    expect(s.issues.filter((i) => i.row === HEADER_ROW || i.row === HEADER_ROW + 1)).toEqual([]);
    expect(code).toBe(0);
  });

  it('the merged header repeated over every printed page of 10 rows: skipped, not records, not errors', async () => {
    const repeats: number[] = [];
    const file = await save('repeated.xlsx', (ws) => {
      ws.addRows(titles());
      let row = HEADER_ROW;
      mergedHeader(ws, row);
      row += 2;
      records(30).forEach((r, i) => {
        if (i > 0 && i % 10 === 0) {
          repeats.push(row);
          mergedHeader(ws, row);
          row += 2;
        }
        ws.getRow(row++).values = r as ExcelJS.CellValue[];
      });
    });
    const { code, report } = await check(file);
    const s = report.sheets[0];
    expect(repeats).toHaveLength(2);
    expect(s.rows).toBe(30);
    expect(errors(s.issues)).toEqual([]);
    for (const r of repeats) expect(s.issues.filter((i) => i.row === r || i.row === r + 1)).toEqual([]);
    expect(code).toBe(0);
  });

  it('two lists side by side: the right one is checked too, its issue at its own cell', async () => {
    const gap = HEADER.length + 2; // 1-based first column of the right list (U)
    const file = await save('two-tables.xlsx', (ws) => {
      ws.addRows(titles());
      const left = [HEADER, ...records(8)];
      const right = [HEADER, ...records(5)];
      left.forEach((r, i) => (ws.getRow(HEADER_ROW + i).values = r as ExcelJS.CellValue[]));
      right.forEach((r, i) => r.forEach((v, c) => (ws.getCell(HEADER_ROW + i, gap + c).value = v as ExcelJS.CellValue)));
      ws.getCell(FIRST_DATA_ROW + 2, gap + col(COL.method) - 1).value = 'จ้างเอง';
    });
    const { code, report, text } = await check(file);
    const s = report.sheets[0];
    expect(s.rows).toBe(13);
    expect(s.issues.find((i) => i.code === 'several-tables')).toMatchObject({ row: HEADER_ROW, column: 'U' });
    expect(errors(s.issues).map((i) => [i.code, `${i.column}${i.row}`])).toEqual([['option-unknown', `AF${FIRST_DATA_ROW + 2}`]]);
    expect(text).toContain('U4');
    expect(code).toBe(1);
  });

  it('a file written by a program, its formulas never computed: an error at each unread cell ("not ready")', async () => {
    const r = FIRST_DATA_ROW + 1;
    const file = await save('formulas.xlsx', (ws) => {
      ws.addRows([...titles(), HEADER, ...records(5)]);
      // The formula, no result: what a program writes.
      ws.getCell(`${COL.agreedPrice}${r}`).value = { formula: `${COL.medianPrice}${r}*0.95` } as ExcelJS.CellFormulaValue;
      // Two rows under the list drawn by formulas from another sheet, never computed: unread rows.
      for (const row of [FIRST_DATA_ROW + 5, FIRST_DATA_ROW + 6]) {
        ws.getCell(`A${row}`).value = row - FIRST_DATA_ROW + 1;
        ws.getCell(`${COL.item}${row}`).value = { formula: `'ข้อมูล'!B${row}` } as ExcelJS.CellFormulaValue;
        ws.getCell(`${COL.budget}${row}`).value = { formula: `'ข้อมูล'!C${row}` } as ExcelJS.CellFormulaValue;
      }
    });
    const grid = (await readWorkbookFile(file)).sheets[0];
    // rows[i] is Excel row i + 1; the grid knows which cells hold no computed value.
    expect(grid.rows[r - 1][col(COL.agreedPrice) - 1]).toBeNull();
    expect(grid.uncomputed?.has(`${r - 1}:${col(COL.agreedPrice) - 1}`)).toBe(true);
    expect(grid.uncomputed?.size).toBe(5);

    const { code, report, text } = await check(file);
    const s = report.sheets[0];
    const unread = FIRST_DATA_ROW + 5;
    expect(errors(s.issues).map((i) => `${i.code} ${i.column}${i.row}`)).toEqual([`formula-no-value ${COL.agreedPrice}${r}`, `formula-no-value ${COL.item}${unread}`]);
    expect(s.issues.find((i) => i.code === 'formula-no-value')?.message).toContain('เปิดไฟล์ใน Excel แล้วบันทึก');
    expect(s.issues.find((i) => i.row === unread)?.message).toContain(`แถว ${unread}–${unread + 1} (2 แถว)`);
    expect(code).toBe(1);
    expect(text).toContain('ยังไม่พร้อมเผยแพร่');
  });

  it('a file saved by Excel: formula results are read, 0 included, and an empty-text result is empty, not unread', async () => {
    const r = FIRST_DATA_ROW + 1;
    const file = await save('computed.xlsx', (ws) => {
      ws.addRows([...titles(), HEADER, ...records(5)]);
      ws.getCell(`${COL.agreedPrice}${r}`).value = { formula: `${COL.medianPrice}${r}*0.9`, result: 11520 } as ExcelJS.CellFormulaValue;
      ws.getCell(`${COL.medianPrice}${r + 1}`).value = { formula: 'SUM(Z1:Z2)', result: 0 } as ExcelJS.CellFormulaValue;
      // Excel stores IF(…,"",…) as <v></v>, which exceljs reads as no result.
      ws.getCell(`${COL.winner}${r + 2}`).value = { formula: `IF(${COL.taxId}${r + 2}="","","ผู้ขาย")` } as ExcelJS.CellFormulaValue;
    });
    const grid = (await readWorkbookFile(file)).sheets[0];
    expect(grid.rows[r - 1][col(COL.agreedPrice) - 1]).toBe(11520);
    expect(grid.rows[r][col(COL.medianPrice) - 1]).toBe(0);
    expect(grid.uncomputed).toBeUndefined();

    const { report } = await check(file);
    const s = report.sheets[0];
    expect(s.issues.filter((i) => i.code === 'formula-no-value')).toEqual([]);
    // The empty result is an empty required field, as the officer sees it.
    expect(s.issues.filter((i) => i.row === r + 2 && i.column === COL.winner).map((i) => i.code)).toEqual(['required']);
  });

  it('invisible characters and a 40,000-character cell, through a real file', async () => {
    const file = await save('invisible.xlsx', (ws) => {
      ws.addRows([...titles(), HEADER, ...records(4)]);
      ws.getCell(`${COL.taxId}${FIRST_DATA_ROW}`).value = '๐-๑๐๕๕-๔๓๐๐๘-๒๑-๙\u200B';
      ws.getCell(`${COL.method}${FIRST_DATA_ROW + 2}`).value = 'วิธีเฉพาะ\u00ADเจาะจง';
      ws.getCell(`${COL.item}${FIRST_DATA_ROW + 3}`).value = 'รายละเอียดงานจ้าง '.repeat(2300).slice(0, 40000);
    });
    const { report } = await check(file);
    const s = report.sheets[0];
    const cell = (c: string) => s.issues.filter((i) => `${i.column}${i.row}` === c).map((i) => i.code);
    expect(cell(`${COL.taxId}${FIRST_DATA_ROW}`)).toEqual(['invisible-char']);
    expect(s.issues.find((i) => i.code === 'invisible-char' && i.column === COL.taxId)?.message).toContain('U+200B');
    expect(cell(`${COL.method}${FIRST_DATA_ROW + 2}`)).toEqual(['invisible-char']);
    expect(cell(`${COL.item}${FIRST_DATA_ROW + 3}`)).toEqual(['text-too-long']);
    expect(errors(s.issues).map((i) => i.code)).toEqual(['text-too-long']);
  });
});
