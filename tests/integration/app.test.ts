/**
 * The task pane's use cases against the in-memory workbook: create a template sheet, add a record
 * through the form, check, fix, summarise — what the officer sees happen in the cells.
 */
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import {
  applyFixes,
  createTemplateSheet,
  inspectActiveSheet,
  planFixes,
  runCheck,
  saveAgency,
  writeSummary,
} from '../../src/app/workbookSession';
import { addRecord, buildRow, formFields, nextEmptyRow, planEdit, validateInput } from '../../src/app/recordForm';
import { resolveTemplate, columnByKey } from '../../src/domain/templates';
import { utcDate } from '../../src/domain/values/thaiDate';
import { realisticO16, COL } from '../fixtures/o16Realistic';
import { SEED_000_ROWS } from '../fixtures/seeds/itaScores';
import { rows as O34_ROWS, FULL_ROWS as O35_FULL_ROWS } from '../fixtures/seeds/measures2567';
import { AGENCY, RECORD } from '../fixtures/agency';

const today = utcDate(2024, 11, 1);


async function o16Workbook() {
  const wb = new MemoryWorkbook();
  wb.addSheet('Sheet1');
  await saveAgency(wb, AGENCY);
  const name = await createTemplateSheet(wb, resolveTemplate('o16', '2567')!, AGENCY);
  return { wb, name };
}

describe('task pane flows on the in-memory workbook', () => {
  it('creates the o16 sheet beside the user’s sheet, and recognises it', async () => {
    const { wb, name } = await o16Workbook();
    expect(name).toBe('ความก้าวหน้าการจัดซื้อจัดจ้าง');
    expect(await wb.listSheets()).toEqual(['Sheet1', name]);
    const active = await inspectActiveSheet(wb);
    expect(active.recognition?.template.id).toBe('procurement-progress');
    expect(active.recognition?.edition.item).toBe('o16');
    // A second one never overwrites the first.
    const second = await createTemplateSheet(wb, resolveTemplate('o16', '2567')!, AGENCY);
    // Excel allows 31 characters in a sheet name: the base is shortened to fit the suffix.
    expect(second).toBe('ความก้าวหน้าการจัดซื้อจัดจ้ (2)');
    expect(second.length).toBeLessThanOrEqual(31);
  });

  it('adds a record from the form into the next empty row with typed values, agency columns and derived status', async () => {
    const { wb, name } = await o16Workbook();
    const active = await inspectActiveSheet(wb);
    const row = await addRecord(wb, name, active.recognition!, RECORD, AGENCY, today);
    expect(row).toBe(2);
    expect(wb.cell(name, 2, 1)).toBe(2567);
    expect(wb.cell(name, 2, 4)).toBe('เทศบาลตำบลชุมพล');
    expect(wb.cell(name, 2, 8)).toBe(1200);
    expect(wb.cell(name, 2, 9)).toBe('เทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย');
    expect(wb.cell(name, 2, 10)).toBe('สิ้นสุดระยะสัญญา');
    expect(wb.cell(name, 2, 11)).toBe('วิธีเฉพาะเจาะจง');
    expect(wb.cell(name, 2, 14)).toBe('0105543008219');
    expect(wb.cell(name, 2, 17)).toEqual(utcDate(2024, 3, 15));
    expect(wb.sheet(name).numFmts.get('1:16')).toContain('107');
    const next = await addRecord(wb, name, (await inspectActiveSheet(wb)).recognition!, { ...RECORD, projectNumber: '67039549409' }, AGENCY, today);
    expect(next).toBe(3);
    const run = await runCheck(wb, await inspectActiveSheet(wb), { today });
    expect(run.sheet?.report.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('refuses to write a form with errors, and never writes over a filled row', async () => {
    const { wb, name } = await o16Workbook();
    const active = await inspectActiveSheet(wb);
    await expect(addRecord(wb, name, active.recognition!, { ...RECORD, taxId: '0105543008218' }, AGENCY, today)).rejects.toThrow();
    expect(wb.cell(name, 2, 7)).toBeNull();
  });

  it('live field feedback: a Thai date reads back in BE, a bad check digit is named', () => {
    const rec = { template: resolveTemplate('o16', '2567')!.template };
    const date = columnByKey(rec.template, 'signDate')!;
    expect(validateInput(date, '31/3/67')).toMatchObject({ state: 'success', message: '31 มี.ค. 2567' });
    const tax = columnByKey(rec.template, 'taxId')!;
    const bad = validateInput(tax, '0-1055-43008-21-8');
    expect(bad.state).toBe('error');
    expect(bad.message).toContain('9');
    expect(validateInput(tax, '0105543008219').state).toBe('success');
  });

  it('the form fields come from the template: no agency columns, options from the lists', async () => {
    const { wb } = await o16Workbook();
    const active = await inspectActiveSheet(wb);
    const fields = formFields(active.recognition!);
    expect(fields.map((f) => f.key)).toEqual(['item', 'budget', 'budgetSource', 'status', 'method', 'medianPrice', 'agreedPrice', 'taxId', 'winner', 'projectNumber', 'signDate', 'endDate']);
    expect(fields.find((f) => f.key === 'status')?.options).toContain('อยู่ระหว่างระยะสัญญา');
  });

  it('checks the realistic sheet, plans fixes, applies only the chosen ones', async () => {
    const wb = new MemoryWorkbook();
    const rows = realisticO16({ rows: 8 });
    rows[4][13] = 99_999_999; // N5: agreed price above budget (no fix)
    rows[5][11] = 'เฉพาะเจาะจง'; // L6: synonym (fix)
    wb.addSheet('o16', rows);
    const active = await inspectActiveSheet(wb);
    const run = await runCheck(wb, active, { today });
    const err = run.sheet!.report.issues.find((i) => i.code === 'price-above-budget');
    expect(err).toMatchObject({ row: 5, column: 'N' });
    const fixes = planFixes(run, [active.grid]);
    const synonym = fixes.find((f) => f.address === `${COL.method}6`)!;
    expect(synonym).toMatchObject({ from: 'เฉพาะเจาะจง', to: 'วิธีเฉพาะเจาะจง' });
    const textAmount = fixes.find((f) => f.code === 'money-as-text')!;
    const result = await applyFixes(wb, [synonym]);
    expect(result.applied).toBe(1);
    expect(wb.cell('o16', 6, 12)).toBe('วิธีเฉพาะเจาะจง');
    // The unchosen fix left its cell alone.
    expect(typeof wb.cell('o16', textAmount.row, textAmount.col)).toBe('string');
    // A cell changed since the preview is skipped, not overwritten.
    wb.setCellByUser('o16', textAmount.row, textAmount.col, 'แก้เองแล้ว');
    const again = await applyFixes(wb, [textAmount]);
    expect(again).toMatchObject({ applied: 0 });
    expect(wb.cell('o16', textAmount.row, textAmount.col)).toBe('แก้เองแล้ว');
  });

  it('pre-filled rows: the declaration typed in the first one is read, the unused ones are cleared by their fixes', async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet('Sheet1');
    await saveAgency(wb, AGENCY);
    const name = await createTemplateSheet(wb, resolveTemplate('o16', '2567')!, AGENCY, 5);
    wb.setCellByUser(name, 2, 7, 'ไม่มีการจัดซื้อจัดจ้าง');
    const active = await inspectActiveSheet(wb);
    const run = await runCheck(wb, active, { today });
    expect(run.sheet!.report.statesNone).toBe(true);
    expect(run.sheet!.report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const fixes = planFixes(run, [active.grid]).filter((f) => f.code === 'prefilled-unused');
    expect(fixes.map((f) => f.row)).toEqual([3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 6, 6, 6, 6, 6, 6]);
    expect((await applyFixes(wb, fixes)).applied).toBe(24);
    expect(wb.cell(name, 3, 1) ?? '').toBe('');
    expect(wb.cell(name, 6, 6) ?? '').toBe('');
    // The declaration's row keeps its agency cells; nothing is left to warn about.
    expect(wb.cell(name, 2, 4)).toBe('เทศบาลตำบลชุมพล');
    const again = await runCheck(wb, await inspectActiveSheet(wb), { today });
    expect(again.sheet!.report.issues).toEqual([]);
  });

  it('highlights issue cells and removes the highlights', async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet('o16', realisticO16({ rows: 3 }));
    await wb.highlight('o16', [{ row: 5, col: 14, severity: 'error' }]);
    expect(wb.sheet('o16').fills.size).toBe(1);
    await wb.clearHighlights('o16');
    expect(wb.sheet('o16').fills.size).toBe(0);
  });

  it('editing a row lists the cell changes before anything is written', async () => {
    const { wb, name } = await o16Workbook();
    let active = await inspectActiveSheet(wb);
    await addRecord(wb, name, active.recognition!, RECORD, AGENCY, today);
    active = await inspectActiveSheet(wb);
    const plan = planEdit(active.grid, active.recognition!, name, 2, { ...RECORD, agreedPrice: '1,100' }, AGENCY, today);
    expect(plan.changes.map((c) => [c.address, c.from, c.to])).toEqual([['M2', 1150, 1100]]);
    expect(wb.cell(name, 2, 13)).toBe(1150);
  });

  it('o17: writes the summary sheet from the list with counts and amounts by method', async () => {
    const wb = new MemoryWorkbook();
    await saveAgency(wb, AGENCY);
    const name = await createTemplateSheet(wb, resolveTemplate('o17', '2567')!, AGENCY);
    let active = await inspectActiveSheet(wb);
    for (const [i, method] of ['เฉพาะเจาะจง', 'e-bidding', 'วิธีเฉพาะเจาะจง'].entries()) {
      await addRecord(wb, name, active.recognition!, {
        ...RECORD, method, projectNumber: `6603954940${i}`, signDate: '15 มี.ค. 2566', endDate: '30/4/66', budget: '600,000', medianPrice: '600,000', agreedPrice: `${500_000 + i}`,
      }, AGENCY, today);
      active = await inspectActiveSheet(wb);
    }
    const summary = await writeSummary(wb, active);
    expect(summary).toBe('สรุปตามวิธี');
    expect(wb.cell(summary, 4, 2)).toBe(1); // general: 1 (e-bidding)
    expect(wb.cell(summary, 6, 2)).toBe(2); // specific: 2
    expect(wb.cell(summary, 6, 3)).toBe(1_000_002);
    expect(wb.cell(summary, 7, 2)).toBe(3);
    expect(nextEmptyRow(active.grid, active.recognition!)).toBe(5);
  });

  it('buildRow leaves status to the dates when the officer leaves it blank', () => {
    const choice = resolveTemplate('o16', '2567')!;
    const rec = { ...choice, headerIndex: 0, headerRow: 1, matches: [], indexOf: new Map(choice.template.columns.map((c, i) => [c.key, i])), missing: [], title: '' };
    const built = buildRow(rec, 18, { ...RECORD, endDate: '30 ก.ย. 2567' }, AGENCY, utcDate(2024, 3, 31));
    expect(built.errors).toEqual([]);
    expect(built.cells[9]).toBe('อยู่ระหว่างระยะสัญญา');
  });
});

describe('task pane use cases on the measures workbooks', () => {
  it('an ITA score sheet without its overall row: the fixes write label, score and level into the empty row', async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet('สรุปผล', SEED_000_ROWS.map((r) => [...r]));
    const active = await inspectActiveSheet(wb);
    const run = await runCheck(wb, active, { today });
    expect(run.sheet?.report.figures?.find((f) => f.key === 'overall')?.value).toBe('93.09 (ผ่านดี)');
    const fixes = planFixes(run, [active.grid]).filter((f) => f.code === 'overall-row-missing');
    expect(fixes.map((f) => `${f.address}=${f.to}`)).toEqual(['B13=คะแนนรวม (IIT 30% EIT 30% OIT 40%)', 'C13=93.09']);
    expect((await applyFixes(wb, fixes)).applied).toBe(2);
    expect(wb.cell('สรุปผล', 13, 3)).toBe(93.09);
    const again = await runCheck(wb, await inspectActiveSheet(wb), { today });
    expect(again.sheet?.report.issues).toEqual([]);
  });

  it('an o35 report is checked against the o34 sheet of the same workbook', async () => {
    const wb = new MemoryWorkbook();
    const analysis = O34_ROWS.map((r) => [...r]);
    for (const r of analysis.slice(3)) if (r[4] === null) r[4] = 'ตลอดปีงบประมาณ';
    wb.addSheet('o34', analysis);
    const report = O35_FULL_ROWS.map((r) => [...r]);
    report.splice(4, 1); // area 2's measure left out of the report
    wb.addSheet('o35', report, { activate: true });
    const run = await runCheck(wb, await inspectActiveSheet(wb), { today });
    expect(run.sheet?.report.template).toBe('measures-report');
    expect(run.sheet?.report.issues.filter((i) => i.code === 'measure-not-reported').map((i) => i.message)).toEqual([
      'มาตรการ "การนำเทคโนโลยีมาใช้ในการดำเนินงาน" (แผ่นงาน o34 แถว 5) ยังไม่อยู่ในรายงานผลการดำเนินการ',
    ]);
  });
});
