/**
 * The streaming reader `check` uses (src/xlsx/streamRead.ts) gives the grid the whole-workbook
 * reader gives (exceljs's Workbook.xlsx.readFile + loadWorkbook), cell for cell, on every kind of
 * workbook the tests and officers make: each template as `new` writes it, a filled realistic o16,
 * สขร.1 monthly workbooks, and sheets with merges, formulas (cached, missing, shared, text, error,
 * date), dates, rich text, inline strings, hyperlinks, hidden sheets and the 1904 date system.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { catalogue, resolveTemplate } from '../../src/domain/templates';
import { checkWorkbook } from '../../src/domain/check';
import type { CellValue } from '../../src/domain/grid';
import { loadWorkbook, type LoadedWorkbook } from '../../src/xlsx/read';
import { readWorkbookFile } from '../../src/xlsx/streamRead';
import { buildWorkbook } from '../../src/xlsx/write';
import { loadCatalogue } from '../../src/app/catalogueLoader';
import { realisticO16 } from '../fixtures/o16Realistic';
import { january, november, october } from '../fixtures/import/monthly';
import { AGENCY, TODAY } from '../fixtures/agency';

// exceljs's own zip library: used here only to write XML exceljs itself never writes.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const JSZip = require('jszip') as { loadAsync(b: Buffer): Promise<{ file(name: string): { async(t: 'string'): Promise<string> } | null; file(name: string, data: string): void; generateAsync(o: { type: 'nodebuffer' }): Promise<Buffer> }> };

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ita-forms-stream-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function wholeRead(file: string): Promise<LoadedWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return loadWorkbook(wb);
}

/** Both readers on one file: the same sheets, rows, formula cells (computed or not) and hidden metadata. */
async function expectSameRead(file: string): Promise<LoadedWorkbook> {
  const [streamed, whole] = await Promise.all([readWorkbookFile(file), wholeRead(file)]);
  expect(streamed.sheets.map((s) => s.name)).toEqual(whole.sheets.map((s) => s.name));
  streamed.sheets.forEach((s, i) => {
    const w = whole.sheets[i];
    expect({ name: s.name, rows: s.rows }).toEqual({ name: w.name, rows: w.rows });
    expect([...(s.formulas ?? [])].sort()).toEqual([...(w.formulas ?? [])].sort());
    expect([...(s.uncomputed ?? [])].sort()).toEqual([...(w.uncomputed ?? [])].sort());
  });
  expect(streamed.meta).toEqual(whole.meta);
  // And so the same report.
  const hints = (l: LoadedWorkbook) => (sheet: string) => {
    const b = l.meta.sheets[sheet];
    return b ? { templateId: b.template, edition: b.edition } : {};
  };
  expect(checkWorkbook(streamed.sheets, { today: TODAY, agency: streamed.meta.agency }, hints(streamed))).toEqual(
    checkWorkbook(whole.sheets, { today: TODAY, agency: whole.meta.agency }, hints(whole)),
  );
  return streamed;
}

async function save(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('streaming and whole-workbook readers agree', () => {
  const choices = catalogue.templates.flatMap((t) => t.editions.map((e) => ({ id: t.id, edition: e.edition })));

  test.each(choices)('new workbook of $id (ITA $edition), with agency and prefilled rows', async ({ id, edition }) => {
    const choice = resolveTemplate(id, edition)!;
    const file = await save(buildWorkbook(choice, { agency: AGENCY, fiscalYear: 2567, prefillRows: 20 }), `new-${id}-${edition}.xlsx`);
    const read = await expectSameRead(file);
    expect(read.meta.sheets).not.toEqual({});
  });

  test('a workbook keeping a catalogue file (ITA 2570 as data): its text is read back whole', async () => {
    const text = await fs.readFile(path.resolve(__dirname, '../../examples/catalogue-2570.json'), 'utf8');
    const { catalogue: cat } = loadCatalogue(text);
    const choice = resolveTemplate('o10', '2570', cat)!;
    const file = await save(buildWorkbook(choice, { agency: AGENCY, fiscalYear: 2570, catalogue: cat, catalogueText: text }), 'catalogue-2570.xlsx');
    const read = await expectSameRead(file);
    expect(read.meta.catalogue).toBe(text);
  });

  test('a filled realistic o16 (Thai digits, BE text dates, dashes in IDs, notes below)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('o16');
    realisticO16({ rows: 120 }).forEach((r) => ws.addRow(r as ExcelJS.CellValue[]));
    const read = await expectSameRead(await save(wb, 'realistic.xlsx'));
    expect(read.sheets[0].rows.length).toBeGreaterThan(120);
  });

  test('a `new` o16 filled by an officer, as the check bench generates it', async () => {
    const wb = buildWorkbook(resolveTemplate('o16', '2567')!, {});
    const ws = wb.worksheets[0];
    realisticO16({ rows: 60 }).slice(4).forEach((r, i) => (ws.getRow(i + 2).values = r.slice(1) as ExcelJS.CellValue[]));
    await expectSameRead(await save(wb, 'new-filled.xlsx'));
  });

  test('สขร.1 monthly sheets', async () => {
    const wb = new ExcelJS.Workbook();
    for (const [name, rows] of [['ต.ค. 66', october()], ['พ.ย. 66', november()], ['ม.ค. 67', january()]] as [string, CellValue[][]][]) {
      const ws = wb.addWorksheet(name);
      rows.forEach((r) => ws.addRow(r as ExcelJS.CellValue[]));
    }
    await expectSameRead(await save(wb, 'monthly.xlsx'));
  });

  test('merges, formulas, dates, rich text, hyperlinks, booleans, errors, gaps and hidden sheets', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('รายการ');
    ws.getCell('A1').value = 'แบบ สขร.๑ สรุปผลการดำเนินการจัดซื้อจัดจ้าง';
    ws.mergeCells('A1:F1');
    ws.mergeCells('A2:B3');
    ws.getCell('A2').value = { formula: 'LEN(A1)', result: 41 };
    ws.getCell('C2').value = { richText: [{ text: 'ราคา', font: { bold: true } }, { text: 'กลาง' }] };
    ws.getCell('D2').value = new Date(Date.UTC(2024, 0, 15));
    ws.getCell('D2').numFmt = 'd mmm yyyy';
    ws.getCell('E2').value = { formula: 'D2+30', result: 45336 };
    ws.getCell('E2').numFmt = 'dd/mm/yyyy';
    ws.getCell('F2').value = { formula: 'SUM(X1:X3)' } as ExcelJS.CellFormulaValue;
    ws.getCell('G2').value = { formula: 'A1&"!"', result: 'ข้อความ<&>' };
    ws.getCell('H2').value = { formula: 'TRUE()', result: true } as unknown as ExcelJS.CellFormulaValue;
    ws.getCell('I2').value = { formula: '1/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellFormulaValue;
    ws.getCell('J2').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    ws.getCell('K2').value = true;
    ws.getCell('L2').value = { text: 'เว็บไซต์', hyperlink: 'https://www.chumponcity.go.th' };
    ws.getCell('M2').value = 1234.5;
    ws.getCell('M2').numFmt = '#,##0.00';
    ws.getCell('N2').value = '๑,๒๐๐ บาท';
    // A summary formula that computed 0: both readers keep the 0 the file stores.
    ws.getCell('O2').value = { formula: 'COUNTIF(C4:C8,"x")', result: 0 };
    for (let r = 4; r <= 8; r++) {
      ws.getCell(`A${r}`).value = r;
      ws.getCell(`B${r}`).value = { formula: `A${r}*2`, result: r * 2, shareType: 'shared', ref: 'B4:B8' } as unknown as ExcelJS.CellFormulaValue;
    }
    ws.getCell('B5').value = { sharedFormula: 'B4', result: 10 } as unknown as ExcelJS.CellFormulaValue;
    ws.getCell('C10').style = { font: { bold: true } };
    ws.getCell('A12').value = 'ลงชื่อ';
    ws.mergeCells('B14:D15');
    ws.getCell('B14').value = { formula: 'A12', result: 'ลงชื่อ' };
    ws.mergeCells('E20:F22');
    const hidden = wb.addWorksheet('ซ่อน', { state: 'hidden' });
    hidden.getCell('B3').value = 'ซ่อนอยู่';
    wb.addWorksheet('ว่าง');
    const read = await expectSameRead(await save(wb, 'edge.xlsx'));
    const rows = read.sheets[0].rows;
    expect(rows[0].slice(0, 6)).toEqual(Array(6).fill('แบบ สขร.๑ สรุปผลการดำเนินการจัดซื้อจัดจ้าง'));
    expect(rows[2][1]).toBe(41);
    expect(read.sheets[0].formulas?.has('1:5')).toBe(true);
    expect(rows[1][5]).toBeNull();
    expect(rows[1][14]).toBe(0);
  });

  test('the 1904 date system', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('วันที่');
    ws.getCell('A1').value = new Date(Date.UTC(2023, 9, 2));
    ws.getCell('A1').numFmt = 'd/m/yyyy';
    await expectSameRead(await save(wb, 'date1904.xlsx'));
  });

  test('XML other writers produce: inline rich strings, rows and cells without references, absolute part names', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('แรก').getCell('A1').value = 'x';
    wb.addWorksheet('สอง').getCell('A1').value = 'y';
    const file = await save(wb, 'raw.xlsx');
    const zip = await JSZip.loadAsync(await fs.readFile(file));
    const sheet1 = (await zip.file('xl/worksheets/sheet1.xml')!.async('string')).replace(
      /<sheetData>[\s\S]*<\/sheetData>/,
      '<sheetData>' +
        '<row r="1"><c r="A1" t="inlineStr"><is><t>ลำดับ</t></is></c><c r="C1" t="inlineStr"><is><r><t>งานที่</t></r><r><rPr><b/></rPr><t xml:space="preserve">จัดซื้อ</t></r></is></c></row>' +
        '<row r="3"><c r="A3"><v>1</v></c><c r="B3" t="b"><v>0</v></c><c r="D3" t="str"><v>ก&amp;ข</v></c><c r="E3" t="e"><v>#REF!</v></c></row>' +
        '<row r="5" ht="20" customHeight="1"/>' +
        '</sheetData>',
    );
    zip.file('xl/worksheets/sheet1.xml', sheet1);
    const rels = (await zip.file('xl/_rels/workbook.xml.rels')!.async('string')).replace('Target="worksheets/sheet2.xml"', 'Target="/xl/worksheets/sheet2.xml"');
    zip.file('xl/_rels/workbook.xml.rels', rels);
    await fs.writeFile(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const read = await expectSameRead(file);
    expect(read.sheets[0].rows[0]).toEqual(['ลำดับ', null, 'งานที่จัดซื้อ']);
    expect(read.sheets.map((s) => s.name)).toEqual(['แรก', 'สอง']);
  });
});

test('a file that is not a workbook is an error, not an empty read', async () => {
  const file = path.join(dir, 'not.xlsx');
  await fs.writeFile(file, 'PK\u0003\u0004 not really a zip');
  await expect(readWorkbookFile(file)).rejects.toThrow();
});
