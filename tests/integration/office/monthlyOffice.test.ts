/**
 * The monthly สขร.1 import and form (ITA 2569 O11) through the Office.js gateway on the faithful
 * fake: the contracts land in their months' tables, a full month gets rows inserted above the next
 * month's title (Excel's Insert: the title moves down), the officer's typed rows are untouched, and
 * the write is a handful of syncs, not one per row.
 */
import { FakeExcel } from './fakeExcel';
import { officeGateway } from './harness';
import { planImport, writeImport } from '../../../src/app/importRows';
import { readSourceBytes } from '../../../src/app/importSource';
import { addMonthlyRecord } from '../../../src/app/monthlyRecord';
import { choiceFor, createTemplateSheet, inspectActiveSheet, saveAgency } from '../../../src/app/workbookSession';
import { catalogue } from '../../../src/domain/templates';
import { utcDate } from '../../../src/domain/values/thaiDate';
import type { CellValue } from '../../../src/domain/grid';
import { AGENCY } from '../../fixtures/agency';
import { CHUMPHON, egpCsv } from '../../fixtures/import/egp';
import { egpRows2569 } from '../../fixtures/import/egp2569';

const agency = { ...AGENCY, name: CHUMPHON, fiscalYear: 2569 };
const TYPED: CellValue[][] = Array.from({ length: 5 }, (_, k) => [
  `จัดซื้อวัสดุงานบ้านงานครัว ครั้งที่ ${'๑๒๓๔๕'[k]}`, '๕,๐๐๐', '๕,๐๐๐ บาท', 'เฉพาะเจาะจง', 'ร้านชุมพลพาณิชย์ ราคา ๔,๙๐๐ บาท',
  'ร้านชุมพลพาณิชย์ ราคา ๔,๙๐๐ บาท', 'ราคาเหมาะสม', `ใบสั่งซื้อเลขที่ ${'๑๒๓๔๕'[k]}/๒๕๖๙ ลงวันที่ ๒ ต.ค. ๒๕๖๘`,
]);

describe('monthly สขร.1 sheet through the Office gateway', () => {
  it('imports e-GP contracts into their months, inserting above the next month where full; the form adds into its month', async () => {
    const fake = new FakeExcel();
    const gw = officeGateway(fake);
    await saveAgency(gw, agency);
    const sheet = await createTemplateSheet(gw, choiceFor('o11', '2569'), agency, 0, 2569);
    await gw.writeRows(sheet, 3, TYPED);
    const src = await readSourceBytes('egp-2569.csv', new Uint8Array(Buffer.from(egpCsv(egpRows2569()), 'utf8')));
    const plan = await planImport(gw, { records: src.records, target: { kind: 'sheet', sheet }, fiscalYear: 2569, today: utcDate(2026, 10, 15), asOf: utcDate(2026, 9, 30) });
    expect(plan.monthly!.placement.writes.map((w) => [w.finalFirst, w.insertAt ?? null])).toEqual([[8, 8], [16, null], [22, null], [34, null], [46, null]]);

    fake.resetStats();
    const w = await writeImport(gw, plan);
    expect(w.kind).toBe('written');
    const writes = fake.syncs.length;
    const s = fake.sheet(sheet);
    for (let k = 0; k < 5; k++) expect(s.value(3 + k, 1)).toBe(TYPED[k][0]);
    expect(s.value(8, 1)).toBe('จัดซื้อวัสดุสำนักงาน "กองคลัง"\nประจำเดือนตุลาคม');
    expect(s.value(8, 8)).toBe('สัญญาเลขที่ ซ 1/2569 ลงวันที่ 8 ต.ค. 2568');
    expect(s.value(9, 1)).toBe('สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน พฤศจิกายน 2568');
    expect(s.value(15, 1)).toBe('สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ธันวาคม 2568');
    expect(String(s.value(16, 8))).toMatch(/ธ\.ค\. 2568$/);
    // Re-planned before writing (reads), the insert and one write of all five months, the meta, the selection and the re-check (16 today).
    expect(writes).toBeLessThanOrEqual(16);

    const active = await inspectActiveSheet(gw);
    fake.resetStats();
    const placed = await addMonthlyRecord(gw, sheet, active.recognition!, {
      item: 'จ้างซ่อมเครื่องปรับอากาศ สำนักปลัด', budget: '๑,๒๐๐ บาท', medianPrice: '1,200', method: 'เฉพาะเจาะจง',
      offers: 'ร้านสีคิ้วแอร์ ราคา ๑,๑๕๐ บาท', winner: 'ร้านสีคิ้วแอร์ ราคา ๑,๑๕๐ บาท', reason: 'เสนอราคาต่ำสุด',
      contract: 'ใบสั่งจ้างเลขที่ ๙/๒๕๖๙ ลงวันที่ ๑๒ ม.ค. ๒๕๖๙',
    }, active.meta, catalogue, utcDate(2026, 3, 31));
    expect(placed).toMatchObject({ sheet, row: 23, inserted: false, newTable: false });
    expect(fake.sheet(sheet).value(23, 1)).toBe('จ้างซ่อมเครื่องปรับอากาศ สำนักปลัด');
    expect(fake.sheet(sheet).value(23, 2)).toBe(1200);
    expect(fake.syncs.length).toBeLessThanOrEqual(4); // the sheets read, the row written
  });
});
