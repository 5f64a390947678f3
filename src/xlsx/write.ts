/** The prescribed workbook written as .xlsx through exceljs, from the domain's layout plans. */
import ExcelJS from 'exceljs';
import type { Catalogue, TemplateChoice } from '../domain/templates';
import type { AgencyProfile } from '../domain/check/types';
import { placePlanLists, planSheet, planSummary, quoteSheet, type ListColumn, type SheetPlan } from '../domain/layout';
import type { CellValue } from '../domain/grid';
import { encodeMeta, LISTS_SHEET, META_SHEET, type WorkbookMeta } from '../domain/workbookMeta';
import { MONEY_FORMAT } from '../domain/templates/procurement';
import { planDerivedCells } from '../domain/derivedLayout';
import { setParagraphRowHeights, writeDerivedCells } from './derivedCells';
import { monthTitle, planMonthlySheets } from '../domain/monthlyLayout';
import { columnLetter } from '../domain/grid';
import { monthKey } from '../domain/check/monthlyTables';

export interface NewWorkbookOptions {
  readonly agency?: AgencyProfile;
  /** Assessed fiscal year (BE). */
  readonly fiscalYear?: number;
  /** Rows below the header prepared with agency values (default: none are pre-filled). */
  readonly prefillRows?: number;
  readonly formRows?: number;
  /** The catalogue the choice comes from (its option lists), and its file's text to keep in the workbook. */
  readonly catalogue?: Catalogue;
  readonly catalogueText?: string;
  /** Monthly (สขร.1) templates: imported rows by month key (2568-10), template column order. */
  readonly monthlyRows?: ReadonlyMap<string, readonly (readonly CellValue[])[]>;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF8EA9DB' } };
const FONT = 'TH SarabunPSK';

/** exceljs can add a validation to a range (one sqref) but its typings lack the method. */
interface RangeValidations {
  add(sqref: string, v: ExcelJS.DataValidation): void;
}

/** The list ids in the first row of the workbook's lists sheet (none when there is no such sheet). */
function listsHeader(wb: ExcelJS.Workbook): CellValue[] | undefined {
  const ws = wb.getWorksheet(LISTS_SHEET);
  if (!ws) return undefined;
  const out: CellValue[] = [];
  ws.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
    const v = cell.value;
    out[col - 1] = typeof v === 'string' || typeof v === 'number' ? v : v === null || v === undefined ? null : String(cell.text);
  });
  return Array.from(out, (v) => v ?? null);
}

/**
 * Writes the plan's lists onto the workbook's hidden lists sheet, each in its workbook-wide column
 * (placePlanLists): a list another sheet's drop-downs point at keeps its column and is only refreshed.
 */
export function writeListsSheet(wb: ExcelJS.Workbook, plan: SheetPlan): ListColumn[] {
  const { lists } = placePlanLists(plan, listsHeader(wb));
  let ws = wb.getWorksheet(LISTS_SHEET);
  if (!ws) ws = wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  for (const l of lists) {
    const col = ws.getColumn(l.letter);
    col.width = 40;
    ws.getCell(`${l.letter}1`).value = l.listId;
    l.values.forEach((v, i) => (ws.getCell(`${l.letter}${i + 2}`).value = v));
    // A list that got shorter leaves no stale options below it.
    for (let r = l.values.length + 2; r <= ws.rowCount; r++) ws.getCell(`${l.letter}${r}`).value = null;
  }
  return lists;
}

export function writeTemplateSheet(wb: ExcelJS.Workbook, plan: SheetPlan, prefillRows: number): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(plan.name, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
    // Agencies publish these sheets as PDF: A4 landscape, all columns on the page width, the header
    // repeated on every page.
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  // Paragraph templates wrap every cell at the top, so numbered steps (๑. ๒. ๓.) read as lines.
  const alignment: Partial<ExcelJS.Alignment> | undefined = plan.wrap ? { wrapText: true, vertical: 'top' } : undefined;
  ws.columns = plan.columns.map((c, i) => ({
    key: c.key,
    width: plan.widths[i],
    style: { font: { name: FONT, size: 14 }, ...(c.numFmt ? { numFmt: c.numFmt } : {}), ...(alignment ? { alignment } : {}) },
  }));
  const header = ws.getRow(1);
  header.values = [...plan.headers];
  header.height = 42;
  styleHeader(header);
  plan.seedRows.forEach((seed, r) => {
    const row = ws.getRow(r + 2);
    seed.forEach((v, i) => {
      if (v !== null) row.getCell(i + 1).value = v;
    });
  });
  const firstFree = plan.seedRows.length + 2;
  for (let r = 0; r < prefillRows; r++) {
    const row = ws.getRow(r + firstFree);
    plan.agencyRow.forEach((v, i) => {
      if (v !== null) row.getCell(i + 1).value = v;
    });
  }
  const dv = (ws as unknown as { dataValidations: RangeValidations }).dataValidations;
  // Drop-downs point at each list's workbook-wide column (writeListsSheet writes the lists there).
  const { validations } = placePlanLists(plan, listsHeader(wb));
  for (const v of validations) {
    dv.add(v.sqref, {
      type: 'list',
      allowBlank: true,
      formulae: [v.source],
      showErrorMessage: true,
      errorStyle: v.strict ? 'stop' : 'warning',
      errorTitle: 'ค่าไม่อยู่ในรายการ',
      error: `กรุณาเลือก "${v.column.header}" จากรายการ`,
    });
  }
  return ws;
}

/** The prescribed header row's look: bold, wrapped, centred, filled and boxed. */
/** The summary-by-method sheet: wide enough for the method names, the counts and the amounts. */
function addSummarySheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.getColumn(1).width = 52;
  ws.getColumn(2).width = 16;
  ws.getColumn(3).width = 22;
  return ws;
}

function styleHeader(header: ExcelJS.Row): void {
  header.eachCell((cell) => {
    cell.font = { name: FONT, size: 14, bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.fill = HEADER_FILL;
    cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  });
}

export function buildWorkbook(choice: TemplateChoice, opts: NewWorkbookOptions = {}): ExcelJS.Workbook {
  if (choice.template.monthly) return buildMonthlyWorkbook(choice, opts);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ita-forms';
  wb.created = new Date();
  // Excel recomputes the summary formulas on open, so the file never shows stale totals.
  wb.calcProperties.fullCalcOnLoad = true;
  const plan = planSheet(choice, { agency: opts.agency, fiscalYear: opts.fiscalYear, formRows: opts.formRows }, opts.catalogue);
  const ws = writeTemplateSheet(wb, plan, opts.prefillRows ?? 0);
  writeDerivedCells(ws, planDerivedCells(choice, plan.seedRows.length));
  setParagraphRowHeights(ws, plan);
  const sheets: Record<string, { template: string; edition: string }> = {
    [plan.name]: { template: choice.template.id, edition: choice.edition.edition },
  };
  const summary = choice.template.summary;
  if (summary) {
    const ws = addSummarySheet(wb, summary.sheetName);
    for (const c of planSummary(summary, plan.name, choice.template, plan.formRows + 1, MONEY_FORMAT)) {
      const cell = ws.getCell(c.row, c.col);
      // No cached result: a result would read as computed by a spreadsheet (stale once rows are
      // added by a program, e.g. import --into); Excel computes them on open (fullCalcOnLoad).
      cell.value = c.formula ? { formula: c.formula } as ExcelJS.CellFormulaValue : (c.value ?? null);
      cell.font = { name: FONT, size: 14, bold: c.bold ?? false };
      if (c.numFmt) cell.numFmt = c.numFmt;
      if (c.row >= 3 && c.row <= 4 + summary.groups.length) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    }
    // Room for the problems and suggestions paragraphs under their labels.
    const notesStart = 4 + summary.groups.length + 2;
    summary.notes.forEach((_, i) => {
      const r = notesStart + i * 2 + 1;
      ws.mergeCells(r, 1, r, 3);
      ws.getRow(r).height = 60;
      ws.getCell(r, 1).alignment = { wrapText: true, vertical: 'top' };
      ws.getCell(r, 1).font = { name: FONT, size: 14 };
    });
  }
  writeListsSheet(wb, plan);
  const meta: WorkbookMeta = { ...(opts.agency ? { agency: opts.agency } : {}), sheets, ...(opts.catalogueText ? { catalogue: opts.catalogueText } : {}) };
  writeMetaSheet(wb, meta);
  return wb;
}

export function writeMetaSheet(wb: ExcelJS.Workbook, meta: WorkbookMeta): void {
  const existing = wb.getWorksheet(META_SHEET);
  if (existing) wb.removeWorksheet(existing.id);
  const ws = wb.addWorksheet(META_SHEET, { state: 'hidden' });
  for (const row of encodeMeta(meta)) ws.addRow(row);
}

/**
 * A monthly สขร.1 workbook (ITA 2569 O11/O12): one sheet per quarter, one table per month (title,
 * header, rows to fill), method drop-downs on every table; O12 adds the summary by method, as
 * formulas over the quarter sheets.
 */
function buildMonthlyWorkbook(choice: TemplateChoice, opts: NewWorkbookOptions): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ita-forms';
  wb.created = new Date();
  wb.calcProperties.fullCalcOnLoad = true;
  const fiscalYear = opts.fiscalYear ?? opts.agency?.fiscalYear ?? Number(choice.edition.edition);
  const plan = planSheet(choice, { agency: opts.agency, fiscalYear }, opts.catalogue);
  const cols = choice.template.columns;
  const width = cols.length + 1; // ลำดับ, then the สขร.1 columns
  const sheets: Record<string, { template: string; edition: string }> = {};
  // Ten rows per month to start with; the officer inserts rows inside a table where a month needs more.
  const imported = opts.monthlyRows;
  const quarters = planMonthlySheets(choice, { fiscalYear, agency: opts.agency, rowsOf: (m) => imported?.get(monthKey(m))?.length ?? 0 });
  const { validations } = placePlanLists(plan, undefined);
  for (const q of quarters) {
    const ws = wb.addWorksheet(q.name, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    ws.getColumn(1).width = 7;
    cols.forEach((c, i) => {
      const col = ws.getColumn(i + 2);
      col.width = c.width;
      col.style = { font: { name: FONT, size: 14 }, alignment: { wrapText: true, vertical: 'top' }, ...(c.numFmt ? { numFmt: c.numFmt } : {}) };
    });
    ws.mergeCells(1, 1, 1, width);
    ws.getCell(1, 1).value = q.title;
    ws.getCell(1, 1).font = { name: FONT, size: 16, bold: true };
    const methodRanges: string[] = [];
    for (const b of q.blocks) {
      ws.mergeCells(b.titleRow, 1, b.titleRow, width);
      const title = ws.getCell(b.titleRow, 1);
      title.value = monthTitle(choice, b.month);
      title.font = { name: FONT, size: 14, bold: true };
      const header = ws.getRow(b.headerRow);
      header.values = ['ลำดับ', ...cols.map((c) => c.header)];
      header.height = 60;
      styleHeader(header);
      for (let r = b.firstRow; r <= b.lastRow; r++) {
        for (let c = 1; c <= width; c++) ws.getCell(r, c).border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
      }
      (imported?.get(monthKey(b.month)) ?? []).forEach((values, k) => {
        ws.getCell(b.firstRow + k, 1).value = k + 1;
        values.forEach((v, c) => {
          if (v !== null && v !== undefined) ws.getCell(b.firstRow + k, c + 2).value = v;
        });
      });
      const m = cols.findIndex((c) => c.key === 'method');
      if (m >= 0) methodRanges.push(`${columnLetter(m + 1)}${b.firstRow}:${columnLetter(m + 1)}${b.lastRow}`);
    }
    const dv = (ws as unknown as { dataValidations: RangeValidations }).dataValidations;
    const method = validations.find((v) => v.column.key === 'method');
    if (method && methodRanges.length) {
      for (const range of methodRanges) {
        dv.add(range, {
          type: 'list', allowBlank: true, formulae: [method.source], showErrorMessage: true, errorStyle: 'stop',
          errorTitle: 'ค่าไม่อยู่ในรายการ', error: `กรุณาเลือก "${method.column.header}" จากรายการ`,
        });
      }
    }
    sheets[q.name] = { template: choice.template.id, edition: choice.edition.edition };
  }
  const summary = choice.template.summary;
  if (summary) {
    const ws = addSummarySheet(wb, summary.sheetName);
    const m = columnLetter(cols.findIndex((c) => c.key === summary.methodField) + 1);
    const a = columnLetter(cols.findIndex((c) => c.key === summary.amountField) + 1);
    const lastOf = new Map(quarters.map((q) => [q.name, q.blocks[q.blocks.length - 1].lastRow] as const));
    const ref = (sheet: string, col: string) => `${quoteSheet(sheet)}!$${col}$2:$${col}$${lastOf.get(sheet)}`;
    const put = (r: number, c: number, v: ExcelJS.CellValue, bold = false, numFmt?: string) => {
      const cell = ws.getCell(r, c);
      cell.value = v;
      cell.font = { name: FONT, size: 14, bold };
      if (numFmt) cell.numFmt = numFmt;
      if (r >= 3 && r <= 4 + summary.groups.length) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    };
    put(1, 1, `${summary.title} ปีงบประมาณ พ.ศ. ${fiscalYear - 1}`, true);
    put(3, 1, summary.headers.group, true);
    put(3, 2, summary.headers.count, true);
    put(3, 3, summary.headers.amount, true);
    // The formulas' values as the imported rows give them, for viewers that do not recalculate.
    const rows = [...(imported?.values() ?? [])].flat();
    const mi = cols.findIndex((c) => c.key === summary.methodField);
    const ai = cols.findIndex((c) => c.key === summary.amountField);
    const totals = summary.groups.map((g) => {
      const mine = rows.filter((r) => typeof r[mi] === 'string' && g.methods.includes(r[mi] as string));
      return { count: mine.length, amount: Math.round(mine.reduce((n, r) => n + (typeof r[ai] === 'number' ? (r[ai] as number) : 0), 0) * 100) / 100 };
    });
    summary.groups.forEach((g, i) => {
      const arr = `{${g.methods.map((x) => `"${x.replace(/"/g, '""')}"`).join(',')}}`;
      const count = quarters.map((q) => `SUMPRODUCT(COUNTIF(${ref(q.name, m)},${arr}))`).join('+');
      const amount = quarters.map((q) => `SUMPRODUCT(SUMIF(${ref(q.name, m)},${arr},${ref(q.name, a)}))`).join('+');
      put(4 + i, 1, g.label);
      put(4 + i, 2, { formula: count, result: totals[i].count } as ExcelJS.CellFormulaValue, false, '#,##0');
      put(4 + i, 3, { formula: amount, result: totals[i].amount } as ExcelJS.CellFormulaValue, false, MONEY_FORMAT);
    });
    const total = 4 + summary.groups.length;
    put(total, 1, summary.totalLabel, true);
    put(total, 2, { formula: `SUM(B4:B${total - 1})`, result: totals.reduce((n, t) => n + t.count, 0) } as ExcelJS.CellFormulaValue, true, '#,##0');
    put(total, 3, { formula: `SUM(C4:C${total - 1})`, result: Math.round(totals.reduce((n, t) => n + t.amount, 0) * 100) / 100 } as ExcelJS.CellFormulaValue, true, MONEY_FORMAT);
    summary.notes.forEach((label, i) => put(total + 2 + i * 2, 1, label, true));
  }
  writeListsSheet(wb, plan);
  writeMetaSheet(wb, { ...(opts.agency ? { agency: opts.agency } : {}), sheets, ...(opts.catalogueText ? { catalogue: opts.catalogueText } : {}) });
  return wb;
}
