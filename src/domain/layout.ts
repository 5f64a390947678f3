/**
 * How ita-forms lays out a new template sheet: the same plan for the command line's files (`new`)
 * and for the task pane's new sheets, so both faces produce the same workbook. Pure data; faces
 * write it.
 */
import { columnLetter, type CellValue } from './grid';
import type { TemplateChoice } from './templates';
import { optionList } from './templates';
import type { Catalogue, ColumnDef, SummaryDef, TemplateDef } from './templates/types';
import type { AgencyProfile } from './check/types';
import { catalogue as defaultCatalogue } from './templates';
import { LISTS_SHEET } from './workbookMeta';
import { methodSpellings } from './summarize';
import { fiscalYearMonths } from './check/monthlyTables';
import { monthTitle } from './monthlyLayout';

/** Rows given drop-downs and formats below the header: a range, never whole columns. */
export const DEFAULT_FORM_ROWS = 1000;

export interface ListColumn {
  readonly listId: string;
  readonly letter: string;
  readonly values: readonly string[];
  /** `'ita-lists'!$B$2:$B$14` */
  readonly range: string;
}

export interface ValidationPlan {
  readonly column: ColumnDef;
  /** `K2:K1001` */
  readonly sqref: string;
  /** The option list the drop-down offers. */
  readonly listId: string;
  /** Where that list is in a workbook whose lists sheet is laid out by default; writers use `placeLists`. */
  readonly source: string;
  readonly strict: boolean;
}

export interface SheetPlan {
  readonly name: string;
  readonly headers: readonly string[];
  readonly columns: readonly ColumnDef[];
  readonly widths: readonly number[];
  /** Agency values for one row, or null where the column is not an agency column. */
  readonly agencyRow: readonly CellValue[];
  readonly validations: readonly ValidationPlan[];
  /**
   * Every list of the registry at its default column. Writers place them with `placePlanLists`
   * against the workbook's lists sheet, and write them all (refreshing any already there).
   */
  readonly lists: readonly ListColumn[];
  readonly formRows: number;
  /** Rows written under the header, ready to complete (every OIT item with its name), agency values merged in. */
  readonly seedRows: readonly (readonly CellValue[])[];
  /** Paragraph cells: wrap text and let rows grow. */
  readonly wrap: boolean;
}

/** What the ปีงบประมาณ column holds for an assessed fiscal year. */
function fiscalYearColumnValue(template: TemplateDef, assessed: number): number {
  return template.fiscalYearColumn === 'data' ? assessed - 1 : assessed;
}

export function agencyValues(template: TemplateDef, agency: AgencyProfile | undefined, fiscalYear: number | undefined): CellValue[] {
  return template.columns.map((c) => {
    if (!c.agency) return null;
    if (c.agency === 'fiscalYear') {
      const fy = fiscalYear ?? agency?.fiscalYear;
      return fy === undefined ? null : fiscalYearColumnValue(template, fy);
    }
    return agency?.[c.agency] ?? null;
  });
}

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * The workbook-wide registry of drop-down lists: every option list a template of the catalogue
 * uses, in the catalogue's order. Derived from the catalogue each time, so a template added to it
 * brings its lists along. Every template sheet of a workbook points at the same lists sheet, so a
 * list must have one column for the whole workbook, whichever templates use it.
 */
function optionListRegistry(cat: Catalogue = defaultCatalogue): string[] {
  const used = new Set(cat.templates.flatMap((t) => t.columns.flatMap((c) => (c.options ? [c.options] : []))));
  const ids = cat.optionLists.map((l) => l.id).filter((id) => used.has(id));
  // A column naming a list the catalogue does not declare fails in optionList below, as it should.
  for (const id of used) if (!ids.includes(id)) ids.push(id);
  return ids;
}

function listColumn(listId: string, values: readonly string[], index: number): ListColumn {
  const letter = columnLetter(index);
  return { listId, letter, values, range: `${quoteSheet(LISTS_SHEET)}!$${letter}$2:$${letter}$${Math.max(values.length, 1) + 1}` };
}

/** Every list of the registry at its default column (A, B, C … in registry order): the layout of a new lists sheet. */
export function listColumns(cat: Catalogue = defaultCatalogue): ListColumn[] {
  return optionListRegistry(cat).map((id, i) => listColumn(id, optionList(id, cat).options.map((o) => o.value), i));
}

/**
 * Where each list goes on a lists sheet whose first row (the list ids, one a column) is `header`:
 * a list already there keeps its column, whatever wrote it (an older ita-forms with another
 * registry, another template); a new one takes the next column after the last one in use. So a
 * writer never puts a list into another list's column. `header` empty or missing: the default layout.
 */
export function placeLists(header: readonly CellValue[] | undefined, lists: readonly { readonly listId: string; readonly values: readonly string[] }[]): ListColumn[] {
  const at = new Map<string, number>();
  let next = 0;
  (header ?? []).forEach((v, i) => {
    const id = typeof v === 'string' ? v.trim() : v === null || v === undefined ? '' : String(v);
    if (!id) return;
    if (!at.has(id)) at.set(id, i);
    next = i + 1;
  });
  return lists.map((l) => {
    let i = at.get(l.listId);
    if (i === undefined) {
      i = next++;
      at.set(l.listId, i);
    }
    return listColumn(l.listId, l.values, i);
  });
}

/** A plan's lists and drop-downs placed on a lists sheet whose first row is `header` (see placeLists). */
export function placePlanLists(plan: Pick<SheetPlan, 'lists' | 'validations'>, header: readonly CellValue[] | undefined): { lists: ListColumn[]; validations: ValidationPlan[] } {
  const lists = placeLists(header, plan.lists);
  const byId = new Map(lists.map((l) => [l.listId, l]));
  const validations = plan.validations.flatMap((v) => {
    const l = byId.get(v.listId);
    return l ? [{ ...v, source: l.range }] : [];
  });
  return { lists, validations };
}

export function planSheet(choice: TemplateChoice, opts: { agency?: AgencyProfile; fiscalYear?: number; formRows?: number; sheetName?: string }, cat: Catalogue = defaultCatalogue): SheetPlan {
  const t = choice.template;
  const formRows = opts.formRows ?? DEFAULT_FORM_ROWS;
  // Every list of the registry, not only this template's: the lists sheet is the workbook's.
  const lists = listColumns(cat);
  const validations: ValidationPlan[] = [];
  t.columns.forEach((c, i) => {
    if (!c.options) return;
    const list = lists.find((l) => l.listId === c.options);
    if (!list) return;
    const letter = columnLetter(i);
    validations.push({ column: c, sqref: `${letter}2:${letter}${formRows + 1}`, listId: list.listId, source: list.range, strict: c.unknownOption === 'error' });
  });
  const agencyRow = agencyValues(t, opts.agency, opts.fiscalYear);
  const seedRows = t.monthly ? monthTitleRows(choice, opts.fiscalYear ?? opts.agency?.fiscalYear) : (choice.edition.seedRows ?? []).map((seed) => t.columns.map((c, i) => seed[c.key] ?? agencyRow[i]));
  return {
    name: opts.sheetName ?? choice.edition.sheetName ?? t.sheetName,
    headers: t.columns.map((c) => c.header),
    columns: t.columns,
    widths: t.columns.map((c) => c.width),
    agencyRow,
    validations,
    lists,
    formRows,
    seedRows,
    wrap: t.longText ?? false,
  };
}

/**
 * A monthly (สขร.1) sheet made as one table: under the header, each month's title row followed by
 * rows to fill (the check reads the title rows as the months' tables). The command line's `new`
 * writes the fuller layout of monthlyLayout.ts instead.
 */
function monthTitleRows(choice: TemplateChoice, fiscalYear: number | undefined): CellValue[][] {
  if (fiscalYear === undefined) return [];
  const fy = choice.edition.window === 'previousFiscalYear' ? fiscalYear - 1 : fiscalYear;
  const width = choice.template.columns.length;
  const rows: CellValue[][] = [];
  for (const m of fiscalYearMonths(fy)) {
    rows.push([monthTitle(choice, m), ...Array<CellValue>(width - 1).fill(null)]);
    for (let k = 0; k < MONTH_FORM_ROWS; k++) rows.push(Array<CellValue>(width).fill(null));
  }
  return rows;
}

/** Empty rows under each month's title in a one-table monthly sheet. */
const MONTH_FORM_ROWS = 5;

export interface SummaryPlanCell {
  readonly row: number;
  readonly col: number;
  readonly value?: CellValue;
  readonly formula?: string;
  readonly numFmt?: string;
  readonly bold?: boolean;
}

/**
 * The o17 summary sheet: a count and an amount per method group, as formulas over the list so
 * that it stays right as rows are added; cancelled procurements are left out.
 */
export function planSummary(def: SummaryDef, listSheet: string, template: TemplateDef, lastRow: number, moneyFormat: string): SummaryPlanCell[] {
  const letter = (key: string) => columnLetter(template.columns.findIndex((c) => c.key === key));
  const ref = (key: string) => `${quoteSheet(listSheet)}!$${letter(key)}$2:$${letter(key)}$${lastRow}`;
  const methodRef = ref(def.methodField);
  const statusRef = ref(def.statusField);
  const amountRef = ref(def.amountField);
  const listOf = (field: string) => {
    const id = template.columns.find((c) => c.key === field)?.options;
    return id ? defaultCatalogue.optionLists.find((l) => l.id === id) : undefined;
  };
  const methodList = listOf(def.methodField);
  // Cancelled rows are left out however the status is worded ("ยกเลิก" too).
  const notStatus = methodSpellings(def.excludeStatuses, listOf(def.statusField)).map((s) => `${statusRef},"<>${s.replace(/"/g, '""')}"`).join(',');
  const cells: SummaryPlanCell[] = [
    { row: 1, col: 1, value: def.title, bold: true },
    { row: 3, col: 1, value: def.headers.group, bold: true },
    { row: 3, col: 2, value: def.headers.count, bold: true },
    { row: 3, col: 3, value: def.headers.amount, bold: true },
  ];
  def.groups.forEach((g, i) => {
    const r = 4 + i;
    // Synonyms too: the summary counts "e-bidding" like the official wording, as the check does.
    const arr = `{${methodSpellings(g.methods, methodList).map((m) => `"${m.replace(/"/g, '""')}"`).join(',')}}`;
    cells.push({ row: r, col: 1, value: g.label });
    // A list with no status column (O12's monthly tables) has no cancelled rows to leave out.
    const not = notStatus ? `,${notStatus}` : '';
    cells.push({ row: r, col: 2, formula: `SUMPRODUCT(COUNTIFS(${methodRef},${arr}${not}))`, value: 0, numFmt: '#,##0' });
    cells.push({ row: r, col: 3, formula: `SUMPRODUCT(SUMIFS(${amountRef},${methodRef},${arr}${not}))`, value: 0, numFmt: moneyFormat });
  });
  const totalRow = 4 + def.groups.length;
  cells.push({ row: totalRow, col: 1, value: def.totalLabel, bold: true });
  cells.push({ row: totalRow, col: 2, formula: `SUM(B4:B${totalRow - 1})`, value: 0, numFmt: '#,##0', bold: true });
  cells.push({ row: totalRow, col: 3, formula: `SUM(C4:C${totalRow - 1})`, value: 0, numFmt: moneyFormat, bold: true });
  def.notes.forEach((label, i) => {
    cells.push({ row: totalRow + 2 + i * 2, col: 1, value: label, bold: true });
  });
  return cells;
}
