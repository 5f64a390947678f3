/**
 * What agencies really publish is read for what it means (no false alarms), and the gaps that
 * used to pass silently are found at their row and column (issue 10). Built from seed 000's content
 * re-typed in the layouts agencies use, and from the prescribed procurement layout.
 */
import { checkSheet, checkWorkbook, type Issue } from '../../src/domain/check';
import type { CellValue, SheetGrid } from '../../src/domain/grid';
import { columnLetter } from '../../src/domain/grid';
import { procurementAnnual, procurementPlan, procurementProgress } from '../../src/domain/templates/procurement';
import type { TemplateDef } from '../../src/domain/templates/types';
import { planSummary } from '../../src/domain/layout';
import { utcDate } from '../../src/domain/values/thaiDate';
import { textReport } from '../../src/cli/textReport';
import * as oit from '../fixtures/seeds/oitChecklist2567';
import { realisticO16 } from '../fixtures/o16Realistic';

const today = utcDate(2024, 11, 1);
const copy = (rows: readonly (readonly CellValue[])[]): CellValue[][] => rows.map((r) => [...r]);
const errors = (issues: readonly Issue[]) => issues.filter((i) => i.severity === 'error');
const where = (issues: readonly Issue[]) => issues.map((i) => `${i.code} ${i.column ?? ''}${i.row ?? ''}`);

// ---------------------------------------------------------------------------------------------
// The prescribed procurement layout (as `new` writes it): agency columns, then the fields.

const AGENCY: Record<string, CellValue> = {
  agencyType: 'องค์กรปกครองส่วนท้องถิ่น', ministry: 'กระทรวงมหาดไทย', agencyName: 'เทศบาลตำบลชุมพล', district: 'สีคิ้ว', province: 'นครราชสีมา',
};

function sheetRows(t: TemplateDef, fiscalYear: number, records: readonly Record<string, CellValue>[], prefilled = 0): CellValue[][] {
  const header = t.columns.map((c) => c.header);
  const agency = (): Record<string, CellValue> => ({ ...AGENCY, fiscalYear });
  const row = (values: Record<string, CellValue>) => t.columns.map((c) => values[c.key] ?? null);
  return [header, ...records.map((r) => row({ ...agency(), ...r })), ...Array.from({ length: prefilled }, () => row(agency()))];
}

const letter = (t: TemplateDef, key: string) => columnLetter(t.columns.findIndex((c) => c.key === key));
const letterIndex = (key: string) => procurementAnnual.columns.findIndex((c) => c.key === key);

/** A correct o16 record of FY2567 (signed in the first half). */
function contract(n: number, over: Record<string, CellValue> = {}): Record<string, CellValue> {
  return {
    item: `โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ ${n}`, budget: 450_000 + n, budgetSource: 'เทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย',
    status: 'อยู่ระหว่างระยะสัญญา', method: 'วิธีเฉพาะเจาะจง', medianPrice: 450_000 + n, agreedPrice: 449_000,
    taxId: '0365529000042', winner: 'ห้างหุ้นส่วนจำกัด สีคิ้วก่อสร้าง', projectNumber: `6701000${String(1000 + n)}`,
    signDate: utcDate(2024, 1, 10 + n), endDate: utcDate(2024, 9, 10), ...over,
  };
}

// ---------------------------------------------------------------------------------------------

describe('OIT checklist in the agency’s own words (seed 000)', () => {
  it("seed 000's own layout — ๐๑ โครงสร้าง in one cell, ticks under ดำเนินการแล้ว / ยังไม่ได้ดำเนินการ, navigation paths — reads as published", () => {
    const { report } = checkSheet({ name: 'OIT', rows: copy(oit.SEED_LAYOUT_ROWS) }, { today, website: oit.WEBSITE });
    expect(report).toMatchObject({ template: 'oit-checklist', edition: '2567', rows: 35 });
    // The only finding is the seed's real defect: o22 links to www.chumphoncity.go.th (with an h).
    expect(where(report.issues)).toEqual(['url-other-domain G26']);
  });

  it('a single status column holding "✓ เปิดเผยแพร่…" sentences and path cells with the URL inside reads the same', () => {
    const rows = copy(oit.rows);
    const layout = oit.SEED_LAYOUT_ROWS.slice(4);
    rows.slice(3).forEach((r, k) => {
      r[5] = layout[k][4]; // the seed's sentence of status
      r[6] = layout[k][6]; // "ไปที่หน้าแรก > … https://…"
    });
    const { report } = checkSheet({ name: 'OIT', rows }, { today, website: oit.WEBSITE });
    expect(where(report.issues)).toEqual(['url-other-domain G25']);
  });

  it('ticks that say not published, say both, or say nothing are found at their cells; a path without an address too', () => {
    const rows = copy(oit.SEED_LAYOUT_ROWS);
    rows[4 + 1][4] = null; // o2: ticked "not yet" instead
    rows[4 + 1][5] = '✓';
    rows[4 + 2][5] = '✓'; // o3: both ticked
    rows[4 + 3][4] = null; // o4: nothing ticked
    rows[4 + 4][6] = 'ไปที่หน้าแรก > ข่าวประชาสัมพันธ์'; // o5: no address
    // o22 corrected; an extra link beside the agency's own is fine.
    rows[4 + 21][6] = 'ไปที่หน้าแรก > แนวปฏิบัติ https://www.chumponcity.go.th/front/menu/41/80 (ดู https://itas.nacc.go.th ด้วย)';
    const { report } = checkSheet({ name: 'OIT', rows }, { today, website: oit.WEBSITE });
    expect(where(report.issues)).toEqual(['item-unpublished 6', 'ticks-conflict E7', 'required E8', 'url-invalid G9']);
    expect(report.issues[2].message).toContain('"ดำเนินการแล้ว" / "ยังไม่ได้ดำเนินการ"');
  });
});

describe('pre-filled rows and the declaration of no procurement', () => {
  it('"ไม่มีการจัดซื้อจัดจ้าง" typed in the first row of a generated o16 (agency cells pre-filled) is the declaration', () => {
    const rows = sheetRows(procurementProgress, 2567, [{ item: 'ไม่มีการจัดซื้อจัดจ้าง' }], 60);
    const { report } = checkSheet({ name: 'o16', rows }, { today });
    expect(report.statesNone).toBe(true);
    expect(report.rows).toBe(0);
    expect(errors(report.issues)).toEqual([]);
    // The 60 rows never used are warned about, each agency cell with the fix that empties it.
    const unused = report.issues.filter((i) => i.code === 'prefilled-unused');
    expect(unused).toHaveLength(60 * 6);
    expect(unused[0]).toMatchObject({ severity: 'warning', row: 3, column: 'A', fix: { value: '' } });
    expect(unused[unused.length - 1]).toMatchObject({ row: 62, column: 'F' });
  });

  it('the declaration is found in any cell, the ที่ column too, and under the title', () => {
    const rows = sheetRows(procurementProgress, 2567, [], 2);
    rows.unshift(['แบบ o16 ความก้าวหน้าการจัดซื้อจัดจ้าง']);
    rows[2] = [...rows[2]];
    rows[2][18] = 'ไม่มีการจัดซื้อ จัดจ้าง ในปีงบประมาณ พ.ศ. ๒๕๖๗'; // right of the table
    const { report } = checkSheet({ name: 'o16', rows }, { today });
    expect(report.statesNone).toBe(true);
    expect(errors(report.issues)).toEqual([]);
  });

  it('records among pre-filled rows: the records are checked, the unused rows warned, no required errors on them', () => {
    const rows = sheetRows(procurementProgress, 2567, [contract(1), contract(2)], 3);
    const { report } = checkSheet({ name: 'o16', rows }, { today });
    expect(report.rows).toBe(2);
    expect(errors(report.issues)).toEqual([]);
    expect(new Set(report.issues.filter((i) => i.code === 'prefilled-unused').map((i) => i.row))).toEqual(new Set([4, 5, 6]));
  });
});

describe('correct values are accepted', () => {
  it('45,800,-; no project number under 5,000 baht; the wordings of methods, statuses and budget sources', () => {
    const rows = sheetRows(procurementProgress, 2567, [
      contract(1, { budget: '45,800,-', medianPrice: 45_800, agreedPrice: 45_500 }),
      contract(2, { item: 'จัดซื้อหมึกพิมพ์', budget: 4_580, medianPrice: 4_580, agreedPrice: 4_580, projectNumber: null }),
      contract(3, { method: 'วิธีเฉพาะเจาะจง ม.56(2)(ข)' }),
      contract(4, { method: 'วิธีการเฉพาะเจาะจง' }),
      contract(5, { budget: 5_000_000, medianPrice: 5_000_000, agreedPrice: 4_900_000, method: 'ประกวดราคาด้วยวิธีการทางอิเล็กทรอนิกส์ (e-bidding)' }),
      contract(6, { budgetSource: 'เทศบัญญัติงบประมาณรายจ่ายประจำปี 2567' }),
      contract(7, { status: 'ส่งมอบงานแล้ว', endDate: utcDate(2024, 2, 28) }),
      contract(8, { status: 'ตรวจรับแล้ว', endDate: utcDate(2024, 3, 1) }),
      contract(9, { status: 'ลงนามในสัญญาแล้ว' }),
    ]);
    const { report } = checkSheet({ name: 'o16', rows }, { today });
    expect(errors(report.issues)).toEqual([]);
    expect(report.issues.some((i) => i.code === 'required')).toBe(false);
    // The statuses read through the dates (as of 31 Mar 2567), with the official wording as the fix.
    const status = letter(procurementProgress, 'status');
    const fromDates = report.issues.filter((i) => i.code === 'status-from-dates');
    expect(fromDates.map((i) => [`${i.column}${i.row}`, i.fix?.value])).toEqual([
      [`${status}8`, 'สิ้นสุดระยะสัญญา'], [`${status}9`, 'สิ้นสุดระยะสัญญา'], [`${status}10`, 'อยู่ระหว่างระยะสัญญา'],
    ]);
    const method = letter(procurementProgress, 'method');
    expect(report.issues.filter((i) => i.column === method).map((i) => [i.code, i.fix?.value])).toEqual([
      ['option-synonym', 'วิธีเฉพาะเจาะจง'], ['option-synonym', 'วิธีเฉพาะเจาะจง'], ['option-synonym', 'ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)'],
    ]);
  });

  it('a delivered contract whose dates do not decide stays for the officer to choose', () => {
    const rows = sheetRows(procurementProgress, 2567, [contract(1, { status: 'ส่งมอบงานแล้ว', signDate: null, endDate: null })]);
    const { report } = checkSheet({ name: 'o16', rows }, { today });
    expect(report.issues.find((i) => i.code === 'option-ambiguous')).toMatchObject({ severity: 'error', row: 2, column: letter(procurementProgress, 'status') });
  });

  it('o17: a year-long contract ending 30 Sep marked สิ้นสุดระยะสัญญา is judged at 30 Sep', () => {
    const rows = sheetRows(procurementAnnual, 2566, [
      contract(1, { status: 'สิ้นสุดระยะสัญญา', signDate: utcDate(2022, 10, 1), endDate: utcDate(2023, 9, 30), projectNumber: '65101234567' }),
    ]);
    const { report } = checkSheet({ name: 'o17', rows }, { today });
    expect(report.issues.filter((i) => i.code === 'status-dates')).toEqual([]);
  });

  it('o14 periods: "ไตรมาส ๑-๔", "ภายในเดือนมีนาคม 2567", "ทุกเดือน"', () => {
    const item = (n: number, expectedStart: string) => ({
      item: `จัดซื้อครุภัณฑ์คอมพิวเตอร์ ชุดที่ ${n}`, budget: 30_000 + n, budgetSource: 'เทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย', method: 'วิธีเฉพาะเจาะจง', expectedStart,
    });
    const rows = sheetRows(procurementPlan, 2567, [item(1, 'ไตรมาส ๑-๔'), item(2, 'ภายในเดือนมีนาคม 2567'), item(3, 'ทุกเดือน')]);
    const { report } = checkSheet({ name: 'o14', rows }, { today });
    expect(report.issues).toEqual([]);
  });
});

describe('o14: duplicates, operating budget, and the o16 contracts cross-checked', () => {
  const planItem = (item: string, budget: number) => ({ item, budget, budgetSource: 'เทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย', method: 'วิธีเฉพาะเจาะจง', expectedStart: 'ม.ค. 2567' });

  it('a duplicated item and an operating-budget item are flagged at their cells', () => {
    const rows = sheetRows(procurementPlan, 2567, [
      planItem('โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 1', 450_001),
      planItem('จัดซื้อวัสดุสำนักงาน กองคลัง', 18_500),
      planItem('โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก  หมู่ที่ ๑', 450_001),
    ]);
    const { report } = checkSheet({ name: 'o14', rows }, { today });
    const item = letter(procurementPlan, 'item');
    expect(where(report.issues)).toEqual([`plan-operating-budget ${item}3`, `plan-item-duplicate ${item}4`]);
    expect(report.issues[1].message).toContain('แถว 2');
  });

  it('a signed contract with no plan item of the same fiscal year is a warning on the o16 row', () => {
    const plan = { name: 'o14', rows: sheetRows(procurementPlan, 2567, [planItem('โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 1', 450_001)]) };
    const progress = { name: 'o16', rows: sheetRows(procurementProgress, 2567, [
      contract(1), // in the plan
      contract(2, { item: 'จัดซื้อรถบรรทุกขยะ แบบอัดท้าย', budget: 2_500_000, medianPrice: 2_500_000, agreedPrice: 2_400_000, method: 'ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)' }),
      contract(3, { item: 'จัดซื้อวัสดุสำนักงาน', budget: 18_500, medianPrice: 18_500, agreedPrice: 18_000 }), // operating budget: not in a plan
      contract(4, { item: 'จัดซื้อเครื่องสูบน้ำ', status: 'ยังไม่ได้ลงนามในสัญญา', signDate: null, endDate: null }),
    ]) };
    const rep = checkWorkbook([plan, progress], { today });
    const o16 = rep.sheets[1];
    expect(o16.issues.filter((i) => i.code === 'contract-not-in-plan').map((i) => `${i.column}${i.row}`)).toEqual([`${letter(procurementProgress, 'item')}3`]);
    // A plan of another fiscal year is not compared.
    const other = { name: 'o14', rows: sheetRows(procurementPlan, 2566, [planItem('อื่น', 1)]) };
    expect(checkWorkbook([other, progress], { today }).sheets[1].issues.some((i) => i.code === 'contract-not-in-plan')).toBe(false);
  });
});

describe('o17 summaries whatever their form', () => {
  /** 14 procurements of FY2566; rows 3, 5, 8 written as e-GP writes the method. */
  function o17List(): CellValue[][] {
    const recs = Array.from({ length: 14 }, (_, k) => contract(k + 1, {
      status: 'สิ้นสุดระยะสัญญา', signDate: utcDate(2023, 1, 5 + k), endDate: utcDate(2023, 3, 1), projectNumber: `6601000${1000 + k}`,
      budget: 100_000, medianPrice: 100_000, agreedPrice: 100_000,
      method: k === 1 || k === 6 ? 'เฉพาะเจาะจง' : k === 3 ? 'e-bidding' : k < 10 ? 'วิธีเฉพาะเจาะจง' : 'ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)',
    }));
    return sheetRows(procurementAnnual, 2566, recs);
  }
  const NOTES: CellValue[][] = [[], ['ปัญหา อุปสรรค'], ['ไม่มี'], ['ข้อเสนอแนะ'], ['ควรจัดทำแผนให้เร็วขึ้น']];

  /** The summary sheet as `new` lays it out, with the cached results given (formulas) or typed numbers. */
  function summarySheet(values: Record<string, number>, asFormulas: boolean, notes = NOTES): SheetGrid {
    const cells = planSummary(procurementAnnual.summary!, procurementAnnual.sheetName, procurementAnnual, 1001, '#,##0.00');
    const rows: CellValue[][] = Array.from({ length: 8 }, () => [null, null, null]);
    const formulas = new Set<string>();
    for (const c of cells) {
      if (c.row > 7) continue;
      const key = `${columnLetter(c.col - 1)}${c.row}`;
      rows[c.row - 1][c.col - 1] = c.formula ? (values[key] ?? null) : (c.value ?? null);
      if (c.formula && asFormulas) formulas.add(`${c.row - 1}:${c.col - 1}`);
    }
    return { name: 'สรุปตามวิธี', rows: [...rows, ...notes], formulas };
  }
  // Right totals: general 5 rows (4 e-bidding + 1 "e-bidding"), specific 9, total 14.
  const RIGHT = { B4: 5, C4: 500_000, B5: 0, C5: 0, B6: 9, C6: 900_000, B7: 14, C7: 1_400_000 };
  // What a formula counting only the official wording computes: rows 3, 8 ("เฉพาะเจาะจง") and 5 ("e-bidding") missed.
  const EXACT_ONLY = { B4: 4, C4: 400_000, B5: 0, C5: 0, B6: 7, C6: 700_000, B7: 11, C7: 1_100_000 };

  it('formulas that count the list through the synonyms agree: no issue', () => {
    const rep = checkWorkbook([{ name: 'o17', rows: o17List() }, summarySheet(RIGHT, true)], { today });
    expect(errors(rep.sheets.flatMap((s) => s.issues))).toEqual([]);
  });

  it('a formula counting only the official wording is an error at its cell, naming the rows it misses', () => {
    const rep = checkWorkbook([{ name: 'o17', rows: o17List() }, summarySheet(EXACT_ONLY, true)], { today });
    const s = rep.sheets[1];
    expect(where(s.issues)).toEqual([
      'summary-formula-misses-rows B4', 'summary-formula-misses-rows C4', 'summary-formula-misses-rows B6', 'summary-formula-misses-rows C6',
      'summary-formula-misses-rows B7', 'summary-formula-misses-rows C7',
    ]);
    expect(s.issues[4].message).toContain('ได้ 11');
    expect(s.issues[4].message).toContain('รวมได้ 14');
    expect(s.issues[4].message).toContain('แถว 3, 5, 8');
    expect(s.issues[4].fix).toBeUndefined(); // the formula is the officer's: the fix is normalising the list
  });

  it("new's formulas count the synonyms; a wording they do not list (the legal ground after the method) is named", () => {
    const list = o17List();
    list[5][letterIndex('method')] = 'วิธีเฉพาะเจาะจง ม.56(2)(ข)'; // row 6
    const rep = checkWorkbook([{ name: 'o17', rows: list }, summarySheet({ ...RIGHT, B6: 8, C6: 800_000, B7: 13, C7: 1_300_000 }, true)], { today });
    const s = rep.sheets[1];
    expect(where(s.issues)).toEqual(['summary-formula-misses-rows B6', 'summary-formula-misses-rows C6', 'summary-formula-misses-rows B7', 'summary-formula-misses-rows C7']);
    expect(s.issues[0].message).toContain('ขาด 1 แถว');
    expect(s.issues[0].message).toContain('(แถว 6)');
  });

  it('typed numbers are compared too, with the right number as the fix', () => {
    const rep = checkWorkbook([{ name: 'o17', rows: o17List() }, summarySheet({ ...RIGHT, B6: 7 }, false)], { today });
    expect(rep.sheets[1].issues).toEqual([expect.objectContaining({ code: 'summary-mismatch', row: 6, column: 'B', fix: expect.objectContaining({ value: 9 }) })]);
  });

  it('a summary above the list on the same sheet is found (no summary-missing)', () => {
    const sum = summarySheet(RIGHT, false);
    const rows = [...sum.rows, [], ...o17List()];
    const { sheets } = checkWorkbook([{ name: 'o17', rows }], { today });
    expect(sheets[0].issues.map((i) => i.code)).not.toContain('summary-missing');
    expect(errors(sheets[0].issues)).toEqual([]);
    expect(sheets[0].rows).toBe(14);
  });

  it('a summary under the list ends the list and is compared', () => {
    const sum = summarySheet({ ...RIGHT, C6: 800_000 }, false);
    const list = o17List();
    const rows = [...list, [], ...sum.rows];
    const { sheets } = checkWorkbook([{ name: 'o17', rows }], { today });
    expect(sheets[0].rows).toBe(14);
    expect(where(sheets[0].issues.filter((i) => i.code.startsWith('summary') || i.code.startsWith('prefilled')))).toEqual([`summary-mismatch C${list.length + 1 + 6}`]);
    expect(errors(sheets[0].issues)).toHaveLength(1);
  });

  it('an o17 that declares no procurement needs neither totals nor comments', () => {
    const list = sheetRows(procurementAnnual, 2566, [{ item: 'ไม่มีการจัดซื้อจัดจ้าง' }], 40);
    const zero = { B4: 0, C4: 0, B5: 0, C5: 0, B6: 0, C6: 0, B7: 0, C7: 0 };
    const rep = checkWorkbook([{ name: 'o17', rows: list }, summarySheet(zero, true, [[], ['ปัญหา อุปสรรค'], [], ['ข้อเสนอแนะ'], []])], { today });
    expect(rep.errors).toBe(0);
    expect(rep.sheets[0].statesNone).toBe(true);
  });

  it('the problems and suggestions part is required', () => {
    const none = checkWorkbook([{ name: 'o17', rows: o17List() }, summarySheet(RIGHT, true, [])], { today });
    expect(where(none.sheets[1].issues)).toEqual(['summary-notes-missing ']);
    const empty = checkWorkbook([{ name: 'o17', rows: o17List() }, summarySheet(RIGHT, true, [[], ['ปัญหา/อุปสรรค'], [], [], ['ข้อเสนอแนะ : ไม่มี']])], { today });
    expect(where(empty.sheets[1].issues)).toEqual(['summary-notes-empty A11']);
  });
});

describe('output an officer can act on', () => {
  it('the text report reads a repeated warning as one line with its count, first cells and fix', () => {
    const rep = checkWorkbook([{ name: 'o16', rows: realisticO16() }], { today });
    const text = textReport('o16.xlsx', rep);
    const synonyms = rep.sheets[0].issues.filter((i) => i.code === 'option-synonym');
    expect(synonyms.length).toBeGreaterThan(10);
    expect(text).toContain(`! คำเตือน [option-synonym] × ${synonyms.length} — ${synonyms.slice(0, 5).map((i) => `${i.column}${i.row}`).join(', ')} …`);
    expect(text).toContain('แก้ได้อัตโนมัติ (ทุกช่อง): เปลี่ยนเป็นคำตามแบบฟอร์ม');
    expect(text.split('\n').filter((l) => l.includes('[option-synonym]'))).toHaveLength(1);
    expect(text).toContain('สรุป: ข้อผิดพลาด 0');
  });
});
