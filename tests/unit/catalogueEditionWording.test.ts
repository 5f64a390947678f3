/**
 * A catalogue file's header wording belongs to the edition it defines: an ITA 2570 header makes a
 * 2570 sheet with the new wording recognised and checked, and leaves a 2569 sheet with the former
 * wording recognised and checked exactly as before (and `new` for 2569 writes the 2569 wording).
 */
import { catalogue, resolveTemplate } from '../../src/domain/templates';
import { applyCatalogueFile } from '../../src/domain/catalogue/catalogueFile';
import { recognize } from '../../src/domain/recognize';
import { checkSheet } from '../../src/domain/check';
import { planSheet } from '../../src/domain/layout';
import { utcDate } from '../../src/domain/values/thaiDate';
import type { CellValue } from '../../src/domain/grid';

const NEW_REASON = 'เหตุผลสนับสนุนการคัดเลือกผู้ได้รับการคัดเลือก';
const OLD_REASON = 'เหตุผลที่คัดเลือกโดยสรุป';

const { catalogue: cat, changes } = applyCatalogueFile(catalogue, {
  catalogue: 1,
  editions: [{
    edition: '2570', source: 'ร่างเกณฑ์ ITA 2570 (สมมุติ)',
    items: [{ template: 'procurement-monthly', item: 'o10', title: 'สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน', window: 'fiscalYear', headers: { reason: NEW_REASON }, aliases: { offers: ['ผู้ยื่นข้อเสนอและราคาที่ยื่น'] } }],
  }],
});

function sheet(fiscalYear: number, reasonHeader: string, offersHeader = 'รายชื่อผู้เสนอราคาและราคาที่เสนอ'): { name: string; rows: CellValue[][] } {
  const month = fiscalYear === 2570 ? 'ตุลาคม ๒๕๖๙' : 'ตุลาคม ๒๕๖๘';
  const signed = fiscalYear === 2570 ? '๑๕ ต.ค. ๒๕๖๙' : '๑๕ ต.ค. ๒๕๖๘';
  return {
    name: 'สขร.1',
    rows: [
      [`สรุปผลการจัดซื้อจัดจ้างรายเดือน ปีงบประมาณ พ.ศ. ${fiscalYear === 2570 ? '๒๕๗๐' : '๒๕๖๙'} เทศบาลตำบลชุมพล`],
      [`สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ${month}`],
      ['ลำดับ', 'งานที่จัดซื้อหรือจัดจ้าง', 'วงเงินที่จะซื้อหรือจ้าง (บาท)', 'ราคากลาง (บาท)', 'วิธีซื้อหรือจ้าง', offersHeader,
        'ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง', reasonHeader, 'เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง'],
      ['๑', 'จัดซื้อวัสดุสำนักงาน กองคลัง', '๑๒,๕๐๐ บาท', '12,500.00', 'เฉพาะเจาะจง', 'ร้านสีคิ้วเครื่องเขียน ราคา ๑๒,๐๐๐ บาท',
        'ร้านสีคิ้วเครื่องเขียน ราคา ๑๒,๐๐๐ บาท', 'เป็นผู้มีอาชีพขายและเสนอราคาไม่เกินวงเงิน', `ใบสั่งซื้อเลขที่ ๑/๒๕๖๙ ลงวันที่ ${signed}`],
    ],
  };
}

const opts = (fy: number) => ({ today: utcDate(fy - 543, 11, 5), asOf: utcDate(fy - 543 - 1, 10, 31) });

describe('a catalogue header override applies to its own edition only', () => {
  it('says the change is for ITA 2570 only', () => {
    expect(changes).toContain(`  procurement-monthly (ITA 2570 เท่านั้น): หัวคอลัมน์ "${OLD_REASON}" → "${NEW_REASON}" (คำเดิมยังรู้จัก)`);
  });

  it('recognises and checks a 2570 sheet with the new wording', () => {
    const rec = recognize(sheet(2570, NEW_REASON, 'ผู้ยื่นข้อเสนอและราคาที่ยื่น'), {}, cat)!;
    expect(rec.edition.edition).toBe('2570');
    expect(rec.edition.item).toBe('o10');
    expect(rec.missing).toEqual([]);
    expect(rec.template.columns.find((c) => c.key === 'reason')?.header).toBe(NEW_REASON);
    const { report } = checkSheet(sheet(2570, NEW_REASON), { ...opts(2570), fiscalYear: 2570 }, {}, cat);
    expect(report.edition).toBe('2570');
    expect(report.issues.filter((i) => i.code === 'missing-column')).toEqual([]);
    expect(report.issues.filter((i) => i.severity === 'error' && i.row === 4)).toEqual([]);
  });

  it('a 2570 sheet may keep the former wording (it stays recognised)', () => {
    const rec = recognize(sheet(2570, OLD_REASON), {}, cat)!;
    expect(rec.edition.edition).toBe('2570');
    expect(rec.missing).toEqual([]);
  });

  it('leaves a 2569 sheet with the former wording as it was', () => {
    const grid = sheet(2569, OLD_REASON);
    const rec = recognize(grid, {}, cat)!;
    expect(rec.edition.edition).toBe('2569');
    expect(rec.edition.item).toBe('o11');
    expect(rec.missing).toEqual([]);
    expect(rec.template.columns.find((c) => c.key === 'reason')?.header).toBe(OLD_REASON);
    const withCat = checkSheet(grid, { ...opts(2569), fiscalYear: 2569 }, {}, cat).report;
    const builtIn = checkSheet(grid, { ...opts(2569), fiscalYear: 2569 }, {}).report;
    expect(withCat.edition).toBe('2569');
    expect(withCat.issues).toEqual(builtIn.issues);
  });

  it('does not take the 2570 wording on a sheet bound to 2569: that column is missing there', () => {
    const rec = recognize(sheet(2569, NEW_REASON), { templateId: 'procurement-monthly', edition: '2569' }, cat)!;
    expect(rec.edition.edition).toBe('2569');
    expect(rec.missing.map((c) => c.key)).toEqual(['reason']);
  });

  it('new for 2569 writes the 2569 wording; for 2570 the new one', () => {
    const for2569 = planSheet(resolveTemplate('o11', '2569', cat)!, { fiscalYear: 2569 }, cat);
    const for2570 = planSheet(resolveTemplate('o10', '2570', cat)!, { fiscalYear: 2570 }, cat);
    expect(for2569.headers).toContain(OLD_REASON);
    expect(for2569.headers).not.toContain(NEW_REASON);
    expect(for2570.headers).toContain(NEW_REASON);
  });
});
