/**
 * The import's rows written as .xlsx: into a new prescribed workbook (the layout of `new`, with
 * o17's summary sheet whose formulas also carry the computed totals), or appended to the sheet an
 * officer already has without touching its rows. And the publication copy with personal IDs masked.
 */
import ExcelJS from 'exceljs';
import type { AgencyProfile } from '../domain/check/types';
import { sheetNameOf, type TemplateChoice } from '../domain/templates';
import { DEFAULT_FORM_ROWS, planSummary } from '../domain/layout';
import { MONEY_FORMAT } from '../domain/templates/procurement';
import { placedRow, publishedValue, type ImportResult, type Placement } from '../domain/import';
import type { WorkbookMeta } from '../domain/workbookMeta';
import { buildWorkbook, writeMetaSheet } from './write';

/** Where the list sits in the written workbook, for the publication copy. */
export interface WrittenList {
  readonly sheet: string;
  /** 1-based column of the winner's ID. */
  readonly taxIdColumn: number | undefined;
  readonly headerRow: number;
}

/**
 * The new workbook of an import without its rows: the prescribed layout sized for them (drop-downs
 * and summary formulas reach below the last row) and, for o17, the summary with its totals.
 * `buildImportedWorkbook` adds the rows to it; the command line streams them (importStreamWrite.ts).
 */
export function importTemplateWorkbook(result: ImportResult, opts: { agency?: AgencyProfile }): { wb: ExcelJS.Workbook; list: WrittenList; formRows: number } {
  const { choice } = result;
  const t = choice.template;
  const formRows = Math.max(DEFAULT_FORM_ROWS, result.rows.length + 100);
  const wb = buildWorkbook(choice, { agency: opts.agency, fiscalYear: result.fiscalYear, formRows });
  if (t.summary && result.summary) setSummaryResults(wb, choice, formRows, result);
  const tax = t.columns.findIndex((c) => c.type === 'taxId');
  return { wb, formRows, list: { sheet: sheetNameOf(choice), taxIdColumn: tax < 0 ? undefined : tax + 1, headerRow: 1 } };
}

/** A new workbook holding the imported rows (and, for o17, the summary by method), whole in memory. */
export function buildImportedWorkbook(result: ImportResult, opts: { agency?: AgencyProfile }): { wb: ExcelJS.Workbook; list: WrittenList } {
  const { wb, list } = importTemplateWorkbook(result, opts);
  const t = result.choice.template;
  const ws = wb.getWorksheet(sheetNameOf(result.choice));
  if (!ws) throw new Error(`the new workbook lacks sheet ${sheetNameOf(result.choice)}`);
  // New cells take their column's number format (money, BE date, text ID) from the sheet's column styles.
  for (const r of result.rows) {
    const row = ws.getRow(r.outputRow);
    for (let i = 0; i < t.columns.length; i++) row.getCell(i + 1).value = r.values[i] ?? null;
  }
  return { wb, list };
}

/**
 * The summary formulas with their values filled in, so a viewer that does not recalculate (a web
 * preview, a phone) shows the real totals; Excel recalculates on open anyway.
 */
function setSummaryResults(wb: ExcelJS.Workbook, choice: TemplateChoice, formRows: number, result: ImportResult): void {
  const def = choice.template.summary;
  const summary = result.summary;
  if (!def || !summary) return;
  const ws = wb.getWorksheet(def.sheetName);
  if (!ws) return;
  const lines = [...summary.lines, summary.total];
  for (const c of planSummary(def, sheetNameOf(choice), choice.template, formRows + 1, MONEY_FORMAT)) {
    if (!c.formula) continue;
    const line = lines[c.row - 4];
    if (!line) continue;
    const value = c.col === 2 ? line.count : line.amount;
    ws.getCell(c.row, c.col).value = { formula: c.formula, result: value } as ExcelJS.CellFormulaValue;
  }
}

/** Appends the imported rows to the officer's sheet where the placement says; existing rows are untouched. */
export function appendImportedRows(wb: ExcelJS.Workbook, result: ImportResult, meta: WorkbookMeta): WrittenList {
  const p = result.placement as Placement;
  const ws = wb.getWorksheet(p.sheet);
  if (!ws) throw new Error(`sheet ${p.sheet} not found`);
  const n = result.rows.length;
  if (n > 0 && p.insert) {
    // Notes or a signature block sit below the list: push them down rather than write over them.
    ws.spliceRows(p.firstRow, 0, ...Array.from({ length: n }, () => []));
  }
  const t = result.choice.template;
  // New rows look like the officer's last row: font, borders, alignment. (findCell, not getCell:
  // this is exceljs, and reading a cell found that way does not create it.)
  const styleOf = (i: number): Partial<ExcelJS.Style> | undefined => (p.styleRow === undefined ? undefined : ws.findCell(p.styleRow, i + 1)?.style);
  result.rows.forEach((r, k) => {
    const cells = placedRow(p, r.values, p.firstSeq !== undefined ? p.firstSeq + k : undefined);
    const row = ws.getRow(r.outputRow);
    cells.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      const look = styleOf(i);
      if (look) cell.style = { ...look };
      const ti = p.columns.indexOf(i);
      cell.value = v;
      const fmt = ti >= 0 ? t.columns[ti].numFmt : undefined;
      if (fmt && v !== null && (typeof v !== 'string' || fmt === '@')) cell.numFmt = fmt;
    });
  });
  // Remember which template the sheet holds, so check and the task pane know it at once.
  const sheets = { ...meta.sheets, [p.sheet]: { template: t.id, edition: result.choice.edition.edition } };
  writeMetaSheet(wb, meta.agency ? { agency: meta.agency, sheets } : { sheets });
  const taxPos = t.columns.findIndex((c) => c.type === 'taxId');
  const taxCol = taxPos < 0 ? undefined : p.columns[taxPos];
  return { sheet: p.sheet, taxIdColumn: taxCol === undefined ? undefined : taxCol + 1, headerRow: p.headerRow };
}

/**
 * Masks personal citizen IDs in the list's ID column, in place: call it on the workbook after the
 * working copy is saved, then save it as the publication copy. Returns how many were masked.
 */
export function maskPersonalIds(wb: ExcelJS.Workbook, list: WrittenList): number {
  const ws = wb.getWorksheet(list.sheet);
  if (!ws || list.taxIdColumn === undefined) return 0;
  let masked = 0;
  for (let r = list.headerRow + 1; r <= ws.rowCount; r++) {
    const cell = ws.findCell(r, list.taxIdColumn);
    const v = cell?.value;
    if (!cell || (typeof v !== 'string' && typeof v !== 'number')) continue;
    const out = publishedValue(v);
    if (out !== v) {
      cell.value = out;
      cell.numFmt = '@';
      masked++;
    }
  }
  return masked;
}
