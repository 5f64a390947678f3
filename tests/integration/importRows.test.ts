/**
 * The import use cases over the in-memory workbook: plan, write into free rows under the list,
 * nothing twice, never over a note (rows inserted above it), and a sheet changed after the preview is planned again.
 */
import iconv from 'iconv-lite';
import { planImport, writeImport, type ImportRequest } from '../../src/app/importRows';
import { readSourceBytes } from '../../src/app/importSource';
import { choiceFor, createTemplateSheet } from '../../src/app/workbookSession';
import { columnIndex } from '../../src/domain/grid';
import { utcDate } from '../../src/domain/values/thaiDate';
import { encodeMeta, META_SHEET } from '../../src/domain/workbookMeta';
import { DEMO_AGENCY } from '../../src/preview/demoData';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { GatewayError } from '../../src/workbook/gateway';
import { egpCsv, egpRows, PERSONAL_ID } from '../fixtures/import/egp';

const today = utcDate(2024, 11, 1);
const o16 = choiceFor('o16', '2567');

function workbook(): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  wb.addSheet('Sheet1', []);
  wb.addSheet(META_SHEET, encodeMeta({ agency: DEMO_AGENCY, sheets: {} }), { hidden: true });
  return wb;
}

async function request(target: ImportRequest['target'], extra: Partial<ImportRequest> = {}): Promise<ImportRequest> {
  const src = await readSourceBytes('egp.csv', new Uint8Array(iconv.encode(egpCsv(egpRows()), 'windows-874')));
  return { records: src.records, target, fiscalYear: 2567, today, budgetSource: 'เทศบัญญัติ', ...extra };
}

describe('import into the workbook', () => {
  it('plans a new sheet without creating it, then creates it and writes the rows on confirmation', async () => {
    const wb = workbook();
    const plan = await planImport(wb, await request({ kind: 'new', choice: o16 }));
    expect(plan.sheet).toBe('ความก้าวหน้าการจัดซื้อจัดจ้าง');
    expect(await wb.listSheets()).toEqual(['Sheet1']);
    expect(plan.firstRow).toBe(2);
    expect(plan.rows).toHaveLength(6);
    expect(plan.result.skipped.map((s) => s.code)).toEqual(['method-unknown', 'sign-date-invalid']);

    const w = await writeImport(wb, plan);
    expect(w.kind).toBe('written');
    if (w.kind !== 'written') return;
    expect([w.sheet, w.firstRow, w.lastRow]).toEqual(['ความก้าวหน้าการจัดซื้อจัดจ้าง', 2, 7]);
    const at = (a: string) => wb.cell(w.sheet, Number(a.slice(1)), columnIndex(a[0]) + 1);
    expect(at('D2')).toBe('เทศบาลตำบลชุมพล');
    expect(at('N2')).toBe(PERSONAL_ID);
    expect(at('Q3')).toEqual(utcDate(2023, 12, 15));
    expect(at('I3')).toBe('เทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย');
    expect(wb.sheet(w.sheet).numFmts.get('1:7')).toBe('#,##0.00');
    expect((await wb.readMeta()).sheets[w.sheet]).toEqual({ template: o16.template.id, edition: '2567' });
    expect(w.check.sheet?.report.rows).toBe(6);
    expect(w.check.sheet?.report.issues.filter((i) => i.severity === 'error')).toEqual([]);

    // Again: everything is already there.
    const again = await planImport(wb, await request({ kind: 'sheet', sheet: w.sheet }));
    expect(again.rows).toHaveLength(0);
    expect(again.result.duplicates).toHaveLength(6);
    await expect(writeImport(wb, again)).rejects.toThrow(GatewayError);
  });

  it('never writes over a note under the list: inserts as many rows as needed above it, using the free rows first', async () => {
    const wb = workbook();
    const sheet = await createTemplateSheet(wb, o16, DEMO_AGENCY, 0);
    const note = 'หมายเหตุ: ข้อมูล ณ 31 มี.ค. 2567';
    await wb.writeRows(sheet, 4, [[null, null, null, null, null, null, note]]);
    const plan = await planImport(wb, await request({ kind: 'sheet', sheet }));
    // Rows 2 and 3 are free; the note at 4 moves down by the 4 rows still needed.
    expect([plan.firstRow, plan.rows.length, plan.shift]).toEqual([2, 6, { from: 4, by: 4 }]);
    expect(wb.cell(sheet, 4, 7)).toBe(note);

    const w = await writeImport(wb, plan);
    expect(w.kind).toBe('written');
    if (w.kind !== 'written') return;
    expect([w.firstRow, w.lastRow]).toEqual([2, 7]);
    expect(wb.cell(sheet, 2, 7)).toBe('จัดซื้อวัสดุสำนักงาน "กองคลัง"\nประจำเดือนตุลาคม');
    expect(wb.cell(sheet, 4, 4)).toBe('เทศบาลตำบลชุมพล');
    expect(wb.cell(sheet, 7, 7)).toBe('จัดซื้อครุภัณฑ์คอมพิวเตอร์ 2 รายการ');
    expect(wb.cell(sheet, 8, 7)).toBe(note);
    // The note is no record: the check counts the six imported rows only.
    expect(w.check.sheet?.report.rows).toBe(6);
  });

  it('plans again when the rows to move changed after the preview', async () => {
    const wb = workbook();
    const sheet = await createTemplateSheet(wb, o16, DEMO_AGENCY, 0);
    const plan = await planImport(wb, await request({ kind: 'sheet', sheet }));
    expect(plan.shift).toBeUndefined();
    wb.setCellByUser(sheet, 5, 7, 'ลงชื่อ ............ ผู้รายงาน');
    const w = await writeImport(wb, plan);
    expect(w.kind).toBe('changed');
    expect(w.plan.shift).toEqual({ from: 5, by: 3 });
    expect(wb.cell(sheet, 2, 7)).toBeNull();
  });

  it('plans again when the sheet changed after the preview', async () => {
    const wb = workbook();
    const sheet = await createTemplateSheet(wb, o16, DEMO_AGENCY, 0);
    const plan = await planImport(wb, await request({ kind: 'sheet', sheet }));
    wb.setCellByUser(sheet, 2, 7, 'จ้างเหมาทำความสะอาด');
    const w = await writeImport(wb, plan);
    expect(w.kind).toBe('changed');
    expect(w.plan.firstRow).toBe(3);
    expect(wb.cell(sheet, 3, 7)).toBeNull();
  });

  it('refuses a sheet that is not o16/o17', async () => {
    const wb = workbook();
    await expect(planImport(wb, await request({ kind: 'sheet', sheet: 'Sheet1' }))).rejects.toMatchObject({ th: expect.stringContaining('ไม่ใช่แบบ o16 หรือ o17') });
  });
});
