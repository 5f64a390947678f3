/**
 * The pane's import into ITA 2569's monthly สขร.1 sheets (in-memory workbook): each contract into the
 * table of the month it was signed — on a new sheet, on the officer's sheet (free rows only, rows
 * inserted above the next month where a table is full, which the plan says), on whichever quarter
 * sheet holds the month, or in a new table for a month no sheet has; nothing twice; then re-checked.
 */
import { planImport, writeImport, type ImportRequest } from '../../src/app/importRows';
import { readSourceBytes } from '../../src/app/importSource';
import { choiceFor, createTemplateSheet, saveAgency } from '../../src/app/workbookSession';
import { planSummary } from '../../src/domain/layout';
import { MONEY_FORMAT } from '../../src/domain/templates/procurement';
import { utcDate } from '../../src/domain/values/thaiDate';
import { monthName } from '../../src/domain/check/monthlyTables';
import { planMonthlySheets, monthTitle } from '../../src/domain/monthlyLayout';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import type { CellValue } from '../../src/domain/grid';
import { CHUMPHON, egpCsv } from '../fixtures/import/egp';
import { egpRows2569, egpRowsMovedOn } from '../fixtures/import/egp2569';
import { AGENCY } from '../fixtures/agency';

const o11 = choiceFor('o11', '2569');
const today = utcDate(2026, 10, 15);
const agency = { ...AGENCY, name: CHUMPHON, fiscalYear: 2569 };

async function workbook(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  wb.addSheet('Sheet1', []);
  await saveAgency(wb, agency);
  return wb;
}

async function request(target: ImportRequest['target']): Promise<ImportRequest> {
  const src = await readSourceBytes('egp-2569.csv', new TextEncoder().encode(egpCsv(egpRows2569())));
  return { records: src.records, target, fiscalYear: 2569, today, unit: CHUMPHON, asOf: utcDate(2026, 9, 30) };
}

const row = (wb: MemoryWorkbook, sheet: string, r: number) => wb.sheet(sheet).rows[r - 1] ?? [];
const monthsOf = (plan: Awaited<ReturnType<typeof planImport>>) =>
  plan.monthly!.placement.writes.map((w) => `${monthName(w.month)}: ${w.rows.length} → ${w.sheet} ${w.finalFirst}–${w.finalLast}${w.insertAt ? ` แทรกเหนือ ${w.insertAt}` : ''}${w.kind === 'newTable' ? ' ตารางใหม่' : ''}`);

describe('pane import into a monthly สขร.1 sheet (ITA 2569 O11)', () => {
  it('a new O11 sheet: each contract under its month title, then checked', async () => {
    const wb = await workbook();
    const plan = await planImport(wb, await request({ kind: 'new', choice: o11 }));
    expect(await wb.listSheets()).toEqual(['Sheet1']);
    expect(monthsOf(plan)).toEqual([
      'ตุลาคม 2568: 1 → O11 สขร.1 รายเดือน 3–3',
      'ธันวาคม 2568: 2 → O11 สขร.1 รายเดือน 15–16',
      'มกราคม 2569: 1 → O11 สขร.1 รายเดือน 21–21',
      'มีนาคม 2569: 2 → O11 สขร.1 รายเดือน 33–34',
      'พฤษภาคม 2569: 1 → O11 สขร.1 รายเดือน 45–45',
    ]);
    const w = await writeImport(wb, plan);
    expect(w.kind).toBe('written');
    if (w.kind !== 'written') return;
    const sheet = 'O11 สขร.1 รายเดือน';
    expect(row(wb, sheet, 2)[0]).toBe('สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม 2568');
    expect(row(wb, sheet, 3)).toEqual([
      'จัดซื้อวัสดุสำนักงาน "กองคลัง"\nประจำเดือนตุลาคม', 18500, 18500, 'วิธีเฉพาะเจาะจง', null,
      'นายสมชาย ใจดี (ร้านชุมพลพาณิชย์) ราคา 18,200.00 บาท', null, 'สัญญาเลขที่ ซ 1/2569 ลงวันที่ 8 ต.ค. 2568',
    ]);
    expect(row(wb, sheet, 14)[0]).toBe('สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ธันวาคม 2568');
    expect(String(row(wb, sheet, 15)[7])).toMatch(/ลงวันที่ \d+ ธ\.ค\. 2568$/);
    expect(wb.sheet(sheet).numFmts.get('14:1')).toBe('#,##0.00');
    expect((await wb.readMeta()).sheets[sheet]).toEqual({ template: 'procurement-monthly', edition: '2569' });
    // Checked at once: no contract under the wrong month; what e-GP lacks is listed to fill.
    const issues = w.check.sheet!.report.issues;
    expect(issues.filter((i) => i.code === 'wrong-month')).toEqual([]);
    expect(issues.filter((i) => i.code === 'required' && i.row === 3).map((i) => i.column)).toEqual(['E', 'G']);
    expect(issues.some((i) => i.code === 'month-empty' && i.message.includes('พฤศจิกายน 2568'))).toBe(true);
  });

  it("the officer's sheet: free rows only; a full month gets rows inserted above the next month's title, as the plan says; nothing twice", async () => {
    const wb = await workbook();
    const sheet = await createTemplateSheet(wb, o11, agency, 0, 2569);
    // October's five rows are all typed by the officer (Thai digits, BE dates).
    const typed: CellValue[][] = Array.from({ length: 5 }, (_, k) => [
      `จัดซื้อวัสดุงานบ้านงานครัว ครั้งที่ ${'๑๒๓๔๕'[k]}`, '๕,๐๐๐', '๕,๐๐๐ บาท', 'เฉพาะเจาะจง', `ร้านชุมพลพาณิชย์ ราคา ๔,๙๐๐ บาท`,
      'ร้านชุมพลพาณิชย์ ราคา ๔,๙๐๐ บาท', 'ราคาเหมาะสม', `ใบสั่งซื้อเลขที่ ${'๑๒๓๔๕'[k]}/๒๕๖๙ ลงวันที่ ๒ ต.ค. ๒๕๖๘`,
    ]);
    await wb.writeRows(sheet, 3, typed);
    await wb.activateSheet(sheet);
    const plan = await planImport(wb, await request({ kind: 'sheet', sheet }));
    expect(monthsOf(plan)).toEqual([
      'ตุลาคม 2568: 1 → O11 สขร.1 รายเดือน 8–8 แทรกเหนือ 8',
      'ธันวาคม 2568: 2 → O11 สขร.1 รายเดือน 16–17',
      'มกราคม 2569: 1 → O11 สขร.1 รายเดือน 22–22',
      'มีนาคม 2569: 2 → O11 สขร.1 รายเดือน 34–35',
      'พฤษภาคม 2569: 1 → O11 สขร.1 รายเดือน 46–46',
    ]);
    const w = await writeImport(wb, plan);
    expect(w.kind).toBe('written');
    // The officer's rows are as typed; the contract went under them, November's title moved down one row.
    for (let k = 0; k < 5; k++) expect(row(wb, sheet, 3 + k).slice(0, 8)).toEqual(typed[k]);
    expect(row(wb, sheet, 8)[0]).toBe('จัดซื้อวัสดุสำนักงาน "กองคลัง"\nประจำเดือนตุลาคม');
    expect(row(wb, sheet, 9)[0]).toBe('สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน พฤศจิกายน 2568');
    expect(row(wb, sheet, 15)[0]).toBe('สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ธันวาคม 2568');
    expect(String(row(wb, sheet, 16)[7])).toMatch(/ธ\.ค\. 2568$/);

    // The same file again: every contract is already in its table; nothing to write.
    const again = await planImport(wb, await request({ kind: 'sheet', sheet }));
    expect(again.rows).toHaveLength(0);
    expect(again.monthly!.placement.duplicates.map((d) => d.row)).toEqual([8, 16, 17, 22, 34, 35, 46]);
  });

  it('quarter sheets: each month on the sheet that holds its table; a month no sheet has gets a new table', async () => {
    const wb = await workbook();
    // The layout `ita-forms new o11` writes: a title, then per month a title, the header and ten rows.
    const quarters = planMonthlySheets(o11, { fiscalYear: 2569, agency }).slice(0, 2);
    const header = ['ลำดับ', ...o11.template.columns.map((c) => c.header)];
    const sheets: Record<string, { template: string; edition: string }> = {};
    for (const q of quarters) {
      const rows: CellValue[][] = [[q.title]];
      for (const b of q.blocks) {
        rows[b.titleRow - 1] = [monthTitle(o11, b.month)];
        rows[b.headerRow - 1] = [...header];
        for (let r = b.firstRow; r <= b.lastRow; r++) rows[r - 1] = [];
      }
      wb.addSheet(q.name, Array.from(rows, (r) => r ?? []));
      sheets[q.name] = { template: 'procurement-monthly', edition: '2569' };
    }
    const meta = await wb.readMeta();
    await wb.writeMeta({ ...meta, sheets });
    const [q1, q2] = quarters.map((q) => q.name);
    await wb.activateSheet(q1);
    const plan = await planImport(wb, await request({ kind: 'sheet', sheet: q1 }));
    expect(monthsOf(plan)).toEqual([
      'ตุลาคม 2568: 1 → O11 สขร.1 ไตรมาส 1 5–5',
      'ธันวาคม 2568: 2 → O11 สขร.1 ไตรมาส 1 31–32',
      'มกราคม 2569: 1 → O11 สขร.1 ไตรมาส 2 5–5',
      'มีนาคม 2569: 2 → O11 สขร.1 ไตรมาส 2 31–32',
      'พฤษภาคม 2569: 1 → O11 สขร.1 ไตรมาส 1 36–36 ตารางใหม่',
    ]);
    const w = await writeImport(wb, plan);
    expect(w.kind).toBe('written');
    if (w.kind !== 'written') return;
    expect(row(wb, q1, 5).slice(0, 2)).toEqual([1, 'จัดซื้อวัสดุสำนักงาน "กองคลัง"\nประจำเดือนตุลาคม']);
    expect(row(wb, q1, 32)[0]).toBe(2);
    expect(row(wb, q2, 31)[0]).toBe(1);
    // May's table, under the last used row of the sheet the officer has open (December's new rows), a row apart.
    expect(row(wb, q1, 33)).toEqual([]);
    expect(row(wb, q1, 34)[0]).toBe('สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน พฤษภาคม 2569');
    expect(row(wb, q1, 35)).toEqual(header);
    expect(row(wb, q1, 36)[0]).toBe(1);
    expect(w.check.report.sheets.flatMap((s) => s.issues).filter((i) => i.code === 'wrong-month' || i.code === 'month-unknown')).toEqual([]);
  });

  it('O12 (the previous fiscal year, with its summary by method): the twelve months of 2568, and a summary whose formulas Excel reads', async () => {
    const wb = await workbook();
    const src = await readSourceBytes('egp-2568.csv', new TextEncoder().encode(egpCsv(egpRowsMovedOn(1))));
    const o12 = choiceFor('o12', '2569');
    const plan = await planImport(wb, { records: src.records, target: { kind: 'new', choice: o12 }, fiscalYear: 2569, today, unit: CHUMPHON });
    expect(monthsOf(plan)[0]).toBe('ตุลาคม 2567: 1 → O12 สขร.1 ปีที่ผ่านมา 3–3');
    const w = await writeImport(wb, plan);
    if (w.kind !== 'written') throw new Error('not written');
    expect(row(wb, w.sheet, 2)[0]).toBe('สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม 2567');
    // The summary the Summary tab writes: O12's list has no status column, so no status condition (no empty argument).
    const formulas = planSummary(o12.template.summary!, w.sheet, o12.template, 100, MONEY_FORMAT).flatMap((c) => (c.formula ? [c.formula] : []));
    expect(formulas[0]).toMatch(/^SUMPRODUCT\(COUNTIFS\('O12 สขร\.1 ปีที่ผ่านมา'!\$D\$2:\$D\$100,\{"ประกวดราคาอิเล็กทรอนิกส์ \(e-bidding\)",.*"วิธีประกวดแบบ"\}\)\)$/);
    for (const f of formulas) expect(f).not.toMatch(/,\)/);
  });

  it('a new sheet chosen while the workbook has an O11 sheet: everything goes to the new sheet, the other is left as it was', async () => {
    const wb = await workbook();
    const first = await planImport(wb, await request({ kind: 'new', choice: o11 }));
    const w1 = await writeImport(wb, first);
    if (w1.kind !== 'written') throw new Error('not written');
    const before = JSON.stringify(wb.sheet(w1.sheet).rows);
    const plan = await planImport(wb, await request({ kind: 'new', choice: o11 }));
    expect(plan.sheet).toBe('O11 สขร.1 รายเดือน (2)');
    expect(plan.monthly!.placement.duplicates).toEqual([]);
    const w2 = await writeImport(wb, plan);
    expect(w2.kind).toBe('written');
    expect(plan.monthly!.placement.writes.every((w) => w.sheet === 'O11 สขร.1 รายเดือน (2)')).toBe(true);
    expect(row(wb, 'O11 สขร.1 รายเดือน (2)', 3)[0]).toBe('จัดซื้อวัสดุสำนักงาน "กองคลัง"\nประจำเดือนตุลาคม');
    expect(JSON.stringify(wb.sheet(w1.sheet).rows)).toBe(before);
  });

  it("refuses contracts of another fiscal year than the sheet's month tables, saying which year they are of", async () => {
    const wb = await workbook();
    const sheet = await createTemplateSheet(wb, o11, agency, 0, 2569);
    await expect(planImport(wb, { ...(await request({ kind: 'sheet', sheet })), fiscalYear: 2567 })).rejects.toMatchObject({
      th: `ตารางรายเดือนในแผ่นงาน "${sheet}" เป็นของปีงบประมาณ 2569 แต่จะนำเข้าข้อมูลปีงบประมาณ 2567: แก้ "ปีงบประมาณที่ประเมิน" เป็น 2569 หรือเลือกนำเข้าลงแผ่นงานใหม่`,
    });
    expect(wb.sheet(sheet).rows).toHaveLength(1 + 12 * 6);
  });
});
