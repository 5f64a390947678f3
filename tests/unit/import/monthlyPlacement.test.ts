/**
 * Where contracts go in a monthly สขร.1 sheet: the month's table, free rows only, rows inserted above
 * what follows when full, and what counts as a contract already listed — not the same monthly
 * purchase of another month, not another document with the same number.
 */
import { recognize } from '../../../src/domain/recognize';
import { planMonthlyPlacement } from '../../../src/domain/import/monthlyPlacement';
import type { CellValue, SheetGrid } from '../../../src/domain/grid';

const HEADER = ['งานที่จัดซื้อหรือจัดจ้าง', 'วงเงินที่จะซื้อหรือจ้าง (บาท)', 'ราคากลาง (บาท)', 'วิธีซื้อหรือจ้าง', 'รายชื่อผู้เสนอราคาและราคาที่เสนอ',
  'ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง', 'เหตุผลที่คัดเลือกโดยสรุป', 'เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง'];
const title = (m: string) => [`สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ${m}`];
const fuel = (no: string, date: string): CellValue[] => ['จัดซื้อน้ำมันเชื้อเพลิง กองช่าง', '๓๐,๐๐๐', '30,000', 'เฉพาะเจาะจง', 'หจก. สีคิ้วปิโตรเลียม ราคา ๒๙,๘๐๐ บาท',
  'หจก. สีคิ้วปิโตรเลียม ราคา ๒๙,๘๐๐ บาท', 'ราคาเหมาะสม', `ใบสั่งซื้อเลขที่ ${no} ลงวันที่ ${date}`];

function sheet(): SheetGrid {
  return {
    name: 'O11',
    rows: [HEADER, title('ตุลาคม ๒๕๖๘'), fuel('๗/๒๕๖๙', '๒๓ ต.ค. ๒๕๖๘'), ['หมายเหตุ: ข้อมูล ณ ๓๑ ต.ค. ๒๕๖๘'], title('พฤศจิกายน ๒๕๖๘'), ['ไม่มีการจัดซื้อจัดจ้าง'], [], []],
  };
}

const origin = (row: number) => ({ kind: 'egp-csv' as const, source: 'egp.csv', row });
const asRow = (r: CellValue[]) => r.map((v, i) => (i === 1 ? 30000 : i === 2 ? 30000 : v));

describe('planMonthlyPlacement', () => {
  const grid = sheet();
  const rec = recognize(grid, { templateId: 'procurement-monthly', edition: '2569' })!;
  const plan = planMonthlyPlacement([{ grid, rec }], 'O11', [
    // October's fuel again (listed already), and the fuel of November (the same purchase, another month).
    { month: { year: 2568, month: 10 }, rows: [asRow(fuel('7/2569', '23 ต.ค. 2568'))], origins: [origin(2)] },
    { month: { year: 2568, month: 11 }, rows: [asRow(fuel('12/2569', '20 พ.ย. 2568')), asRow(fuel('7/2569', '21 พ.ย. 2568')).map((v, i) => (i === 1 ? 12000 : v))], origins: [origin(3), origin(4)] },
    { month: { year: 2568, month: 12 }, rows: [asRow(fuel('15/2569', '3 ธ.ค. 2568'))], origins: [origin(5)] },
  ], (m) => `สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ${m.month}/${m.year}`);

  it('knows a contract already listed by its number and amount, in Thai digits or not', () => {
    expect(plan.duplicates).toEqual([expect.objectContaining({ origin: origin(2), sheet: 'O11', row: 3 })]);
  });

  it('writes the same purchase of another month, and another document with the same number, into their month', () => {
    const nov = plan.writes.find((w) => w.month.month === 11)!;
    expect(nov.rows.map((r) => r[7])).toEqual(['ใบสั่งซื้อเลขที่ 12/2569 ลงวันที่ 20 พ.ย. 2568', 'ใบสั่งซื้อเลขที่ 7/2569 ลงวันที่ 21 พ.ย. 2568']);
    // Under the month's statement, into the two free rows at the foot of the sheet (and on).
    expect([nov.firstRow, nov.free, nov.insertAt, nov.statesNone]).toEqual([7, 2, undefined, true]);
  });

  it('a month no sheet has gets a new table under the rows the last table grows into', () => {
    const dec = plan.writes.find((w) => w.month.month === 12)!;
    expect(dec.kind).toBe('newTable');
    expect(dec.lead).toEqual([['สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน 12/2568'], HEADER]);
    expect(dec.firstRow).toBe(12);
  });

  it('never writes over the note under a month: October would insert above it', () => {
    const p = planMonthlyPlacement([{ grid, rec }], 'O11', [
      { month: { year: 2568, month: 10 }, rows: [asRow(fuel('8/2569', '30 ต.ค. 2568'))], origins: [origin(9)] },
    ], () => '');
    expect(p.writes.map((w) => [w.firstRow, w.free, w.insertAt, w.finalFirst])).toEqual([[4, 0, 4, 4]]);
  });
});
