/**
 * The task pane's use cases on ITA 2569's O11 (in-memory workbook): the sheet it creates holds a
 * title row per month under the สขร.1 header, and its check reads each month from those titles.
 */
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { createTemplateSheet, inspectActiveSheet, runCheck, saveAgency } from '../../src/app/workbookSession';
import { resolveTemplate } from '../../src/domain/templates';
import { utcDate } from '../../src/domain/values/thaiDate';
import { AGENCY } from '../fixtures/agency';

describe('pane: ITA 2569 O11 as one sheet', () => {
  it('creates the month titles and checks each month from them', async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet('Sheet1', []);
    const agency = { ...AGENCY, fiscalYear: 2569 };
    await saveAgency(wb, agency);
    const name = await createTemplateSheet(wb, resolveTemplate('o11', '2569')!, agency);
    expect(name).toBe('O11 สขร.1 รายเดือน');
    const rows = wb.sheet(name).rows;
    expect(rows[0][0]).toBe('งานที่จัดซื้อหรือจัดจ้าง');
    expect(rows[1][0]).toBe('สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม 2568');
    expect(rows[7][0]).toBe('สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน พฤศจิกายน 2568');
    // October: one purchase typed under its title; November says there was none.
    await wb.writeCells(name, [
      { row: 3, col: 1, value: 'จัดซื้อวัสดุสำนักงาน กองคลัง' }, { row: 3, col: 2, value: 12500 }, { row: 3, col: 3, value: 12500 },
      { row: 3, col: 4, value: 'วิธีเฉพาะเจาะจง' }, { row: 3, col: 5, value: 'ร้านสีคิ้วเครื่องเขียน ราคา 12,000 บาท' },
      { row: 3, col: 6, value: 'ร้านสีคิ้วเครื่องเขียน ราคา 12,000 บาท' }, { row: 3, col: 7, value: 'ราคาต่ำสุด' },
      { row: 3, col: 8, value: 'ใบสั่งซื้อเลขที่ 1/2569 ลงวันที่ 15 ต.ค. 2568' },
      { row: 9, col: 1, value: 'ไม่มีการจัดซื้อจัดจ้าง' },
    ]);
    await wb.activateSheet(name);
    const active = await inspectActiveSheet(wb);
    expect(active.recognition?.template.id).toBe('procurement-monthly');
    const run = await runCheck(wb, active, { today: utcDate(2026, 1, 10) });
    const issues = run.sheet!.report.issues;
    expect(issues.filter((i) => i.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'month-empty', row: 14, message: 'ตารางเดือน ธันวาคม 2568 ไม่มีรายการ และไม่ได้ระบุว่า "ไม่มีการจัดซื้อจัดจ้าง"' }),
    ]);
  });
});
