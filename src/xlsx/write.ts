/** The prescribed workbook written as .xlsx through exceljs, from the domain's layout plans. */
import ExcelJS from 'exceljs';
import type { TemplateChoice } from '../domain/templates';
import type { AgencyProfile } from '../domain/check/types';
import { placePlanLists, planSheet, planSummary, type ListColumn, type SheetPlan } from '../domain/layout';
import type { CellValue } from '../domain/grid';
import { encodeMeta, LISTS_SHEET, META_SHEET, type WorkbookMeta } from '../domain/workbookMeta';
import { MONEY_FORMAT } from '../domain/templates/procurement';
import { planDerivedCells } from '../domain/derivedLayout';
import { setParagraphRowHeights, writeDerivedCells } from './derivedCells';

export interface NewWorkbookOptions {
  readonly agency?: AgencyProfile;
  /** Assessed fiscal year (BE). */
  readonly fiscalYear?: number;
  /** Rows below the header prepared with agency values (default: none are pre-filled). */
  readonly prefillRows?: number;
  readonly formRows?: number;
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
  header.eachCell((cell) => {
    cell.font = { name: FONT, size: 14, bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.fill = HEADER_FILL;
    cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  });
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

export function buildWorkbook(choice: TemplateChoice, opts: NewWorkbookOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ita-forms';
  wb.created = new Date();
  // Excel recomputes the summary formulas on open, so the file never shows stale totals.
  wb.calcProperties.fullCalcOnLoad = true;
  const plan = planSheet(choice, { agency: opts.agency, fiscalYear: opts.fiscalYear, formRows: opts.formRows });
  const ws = writeTemplateSheet(wb, plan, opts.prefillRows ?? 0);
  writeDerivedCells(ws, planDerivedCells(choice, plan.seedRows.length));
  setParagraphRowHeights(ws, plan);
  const sheets: Record<string, { template: string; edition: string }> = {
    [plan.name]: { template: choice.template.id, edition: choice.edition.edition },
  };
  const summary = choice.template.summary;
  if (summary) {
    const ws = wb.addWorksheet(summary.sheetName);
    ws.getColumn(1).width = 52;
    ws.getColumn(2).width = 16;
    ws.getColumn(3).width = 22;
    for (const c of planSummary(summary, plan.name, choice.template, plan.formRows + 1, MONEY_FORMAT)) {
      const cell = ws.getCell(c.row, c.col);
      cell.value = c.formula ? { formula: c.formula, result: c.value ?? 0 } as ExcelJS.CellFormulaValue : (c.value ?? null);
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
  const meta: WorkbookMeta = opts.agency ? { agency: opts.agency, sheets } : { sheets };
  writeMetaSheet(wb, meta);
  return wb;
}

export function writeMetaSheet(wb: ExcelJS.Workbook, meta: WorkbookMeta): void {
  const existing = wb.getWorksheet(META_SHEET);
  if (existing) wb.removeWorksheet(existing.id);
  const ws = wb.addWorksheet(META_SHEET, { state: 'hidden' });
  for (const row of encodeMeta(meta)) ws.addRow(row);
}
