/**
 * Drop-down lists when several templates share one workbook: every template sheet's validation
 * must point at cells of the hidden lists sheet that hold that column's options, whichever
 * templates were created before or after it (in memory, in an .xlsx written by exceljs, and in
 * Excel through the Office gateway).
 */
import ExcelJS from 'exceljs';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { createTemplateSheet } from '../../src/app/workbookSession';
import { catalogue, optionList, type TemplateChoice } from '../../src/domain/templates';
import { listColumns, placeLists, planSheet } from '../../src/domain/layout';
import { LISTS_SHEET } from '../../src/domain/workbookMeta';
import { buildWorkbook, writeListsSheet, writeTemplateSheet } from '../../src/xlsx/write';
import { FakeExcel } from './office/fakeExcel';
import { officeGateway } from './office/harness';

/** One choice per template of the catalogue (its first edition), o16 and o17 first. */
function choices(): TemplateChoice[] {
  const all = catalogue.templates.filter((t) => t.editions.length).map((t) => ({ template: t, edition: t.editions[0] }));
  const first = ['procurement-progress', 'procurement-annual'];
  return [...all.filter((c) => first.includes(c.template.id)).sort((a, b) => first.indexOf(a.template.id) - first.indexOf(b.template.id)), ...all.filter((c) => !first.includes(c.template.id))];
}

const withLists = () => choices().filter((c) => c.template.columns.some((col) => col.options));

/** The cells a list source (`'ita-lists'!$C$2:$C$5`) points at, read through `cell(row, col)` (1-based). */
function resolve(source: string, cell: (row: number, col: number) => unknown): unknown[] {
  const m = /^=?'?(.+?)'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(source);
  if (!m) throw new Error(`unexpected list source ${source}`);
  expect(m[1]).toBe(LISTS_SHEET);
  expect(m[2]).toBe(m[4]);
  const col = m[2].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const out: unknown[] = [];
  for (let r = Number(m[3]); r <= Number(m[5]); r++) out.push(cell(r, col));
  return out;
}

const options = (id: string) => optionList(id).options.map((o) => o.value);

describe('option lists shared by the templates of one workbook', () => {
  it('the catalogue has templates whose lists differ (else this test proves nothing)', () => {
    const sets = withLists().map((c) => c.template.columns.flatMap((col) => (col.options ? [col.options] : [])).join(','));
    expect(new Set(sets).size).toBeGreaterThan(1);
    // One column per list for the whole workbook.
    const cols = listColumns();
    expect(new Set(cols.map((l) => l.letter)).size).toBe(cols.length);
  });

  it('in memory: o16, then o17 and every other template, each drop-down lists its own options', async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet('Sheet1');
    const made: { name: string; choice: TemplateChoice }[] = [];
    for (const choice of choices()) made.push({ name: await createTemplateSheet(wb, choice, undefined), choice });
    let checked = 0;
    for (const { name, choice } of made) {
      const s = wb.sheet(name);
      const wanted = choice.template.columns.flatMap((c, i) => (c.options ? [[i, c.options] as const] : []));
      expect(s.lists.size).toBe(wanted.length);
      for (const [i, id] of wanted) {
        const dv = s.lists.get(i)!;
        expect(resolve(dv.source, (r, c) => wb.cell(LISTS_SHEET, r, c))).toEqual(options(id));
        expect(dv.values).toEqual(options(id));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(8);
  });

  it('in an .xlsx (exceljs): o16, then o17 and every other template added to the same file, read back', async () => {
    const [o16, ...rest] = choices();
    const wb = buildWorkbook(o16, { fiscalYear: 2567, formRows: 20 });
    const names = [o16.template.sheetName];
    rest.forEach((choice, i) => {
      const plan = planSheet(choice, { fiscalYear: 2567, formRows: 20, sheetName: `แบบที่ ${i + 2}` });
      writeTemplateSheet(wb, plan, 0);
      writeListsSheet(wb, plan);
      names.push(plan.name);
    });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await wb.xlsx.writeBuffer());
    const lists = back.getWorksheet(LISTS_SHEET)!;
    expect(lists.state).toBe('hidden');
    let checked = 0;
    [o16, ...rest].forEach((choice, n) => {
      const ws = back.getWorksheet(names[n])!;
      const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
      choice.template.columns.forEach((c, i) => {
        if (!c.options) return;
        const letter = String.fromCharCode(65 + i);
        // exceljs reads a range validation back cell by cell: the first and the last form row.
        for (const address of [`${letter}2`, `${letter}21`]) {
          const dv = model[address];
          expect(dv?.type).toBe('list');
          expect(resolve(String(dv.formulae[0]), (r, col) => lists.getCell(r, col).value)).toEqual(options(c.options));
        }
        checked++;
      });
    });
    expect(checked).toBeGreaterThan(8);
  });

  it('in Excel (Office gateway on the fake host): the same', async () => {
    const fake = new FakeExcel();
    const gw = officeGateway(fake);
    const made: { name: string; choice: TemplateChoice }[] = [];
    for (const choice of choices()) made.push({ name: await createTemplateSheet(gw, choice, undefined), choice });
    const lists = fake.sheet(LISTS_SHEET);
    for (const { name, choice } of made) {
      const s = fake.sheet(name);
      const wanted = choice.template.columns.flatMap((c, i) => (c.options ? [[i, c.options] as const] : []));
      expect(s.validations).toHaveLength(wanted.length);
      for (const [i, id] of wanted) {
        const v = s.validations.find((x) => x.box.c0 === i)!;
        expect(resolve(v.rule!.list!.source, (r, c) => lists.value(r, c))).toEqual(options(id));
      }
    }
  });

  it('a list already on the sheet keeps its column; a new one goes after the last column in use', () => {
    const placed = placeLists(['procurementMethod', null, 'agencyType'], [
      { listId: 'agencyType', values: ['ก'] },
      { listId: 'budgetSource', values: ['ข', 'ค'] },
      { listId: 'procurementMethod', values: ['ง'] },
    ]);
    expect(placed.map((l) => [l.listId, l.range])).toEqual([
      ['agencyType', "'ita-lists'!$C$2:$C$2"],
      ['budgetSource', "'ita-lists'!$D$2:$D$3"],
      ['procurementMethod', "'ita-lists'!$A$2:$A$2"],
    ]);
  });

  it('a list written by an older layout is found where it is, and a shorter list leaves no stale options', async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet('Sheet1');
    // An older lists sheet: the method list first, one stale option too many.
    wb.addSheet(LISTS_SHEET, [['procurementMethod'], ...options('procurementMethod').map((v) => [v]), ['วิธีเก่าที่เลิกใช้']], { hidden: true });
    const name = await createTemplateSheet(wb, choices()[0], undefined);
    const method = choices()[0].template.columns.findIndex((c) => c.options === 'procurementMethod');
    const dv = wb.sheet(name).lists.get(method)!;
    expect(dv.source.startsWith("'ita-lists'!$A$2:")).toBe(true);
    expect(resolve(dv.source, (r, c) => wb.cell(LISTS_SHEET, r, c))).toEqual(options('procurementMethod'));
    expect(wb.cell(LISTS_SHEET, options('procurementMethod').length + 2, 1)).toBeNull();
  });
});
