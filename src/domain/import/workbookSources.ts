/**
 * The sheets of a workbook an officer brings: สขร.1 monthly sheets (one per month, or one workbook
 * per month) and o16/o17 lists in another edition's or another agency system's layout (a leading
 * ที่ column, headers in another order). Each sheet is recognised by its headers and read into
 * source records; sheets that are neither are listed as ignored.
 */
import type { CellValue, SheetGrid } from '../grid';
import { recognize, type Recognition, type RecognizeHints } from '../recognize';
import { extractRecords } from '../check/records';
import { acceptsImport, catalogue as defaultCatalogue } from '../templates';
import type { Catalogue } from '../templates/types';
import { readMonthlySheet, recognizeMonthlySheet, type ReportMonth } from './monthlySheet';
import type { SourceField, SourceRecord } from './sourceRecord';

export type SheetUse =
  | { readonly sheet: string; readonly kind: 'monthly'; readonly month?: ReportMonth; readonly statesNone: boolean; readonly records: number }
  | { readonly sheet: string; readonly kind: 'template'; readonly template: string; readonly item: string; readonly headerRow: number; readonly records: number }
  | { readonly sheet: string; readonly kind: 'ignored'; readonly reason: string };

export interface WorkbookSources {
  readonly records: SourceRecord[];
  readonly sheets: readonly SheetUse[];
}

/** Template field keys read as they are; agency columns under the names the filter uses. */
const FIELD_OF_COLUMN: Readonly<Record<string, SourceField>> = {
  item: 'item',
  budget: 'budget',
  budgetSource: 'budgetSource',
  status: 'status',
  method: 'method',
  medianPrice: 'medianPrice',
  agreedPrice: 'agreedPrice',
  taxId: 'taxId',
  winner: 'winner',
  projectNumber: 'projectNumber',
  signDate: 'signDate',
  endDate: 'endDate',
  agencyName: 'agencyName',
  district: 'district',
  province: 'province',
  fiscalYear: 'fiscalYear',
};

/** The records of an o16/o17 sheet of any layout `recognize` knows. */
function readTemplateSheet(grid: SheetGrid, rec: Recognition, source: string): SourceRecord[] {
  const pairs: [SourceField, number][] = [];
  for (const c of rec.template.columns) {
    const f = FIELD_OF_COLUMN[c.key];
    const i = rec.indexOf.get(c.key);
    if (f && i !== undefined) pairs.push([f, i]);
  }
  return extractRecords(grid, rec).records.map((r) => {
    const values: { [K in SourceField]?: CellValue } = {};
    for (const [f, i] of pairs) {
      const v = r.source[i];
      if (v !== undefined && v !== null && v !== '') values[f] = v;
    }
    return { origin: { kind: 'template-sheet', source, sheet: grid.name, row: r.row }, values };
  });
}

export function readWorkbookSources(
  sheets: readonly SheetGrid[],
  source: string,
  hints: (sheet: string) => RecognizeHints = () => ({}),
  cat: Catalogue = defaultCatalogue,
): WorkbookSources {
  const records: SourceRecord[] = [];
  const uses: SheetUse[] = [];
  for (const grid of sheets) {
    const monthly = recognizeMonthlySheet(grid);
    if (monthly) {
      const read = readMonthlySheet(grid, monthly, source);
      for (const r of read.records) records.push(r);
      uses.push({ sheet: grid.name, kind: 'monthly', ...(read.month ? { month: read.month } : {}), statesNone: read.statesNone, records: read.records.length });
      continue;
    }
    const rec = recognize(grid, hints(grid.name), cat);
    if (rec && acceptsImport(rec.template)) {
      const read = readTemplateSheet(grid, rec, source);
      // A loop, not push(...): a spread of a whole sheet's records can overflow the call stack.
      for (const r of read) records.push(r);
      uses.push({ sheet: grid.name, kind: 'template', template: rec.template.id, item: rec.edition.item, headerRow: rec.headerRow, records: read.length });
      continue;
    }
    uses.push({
      sheet: grid.name,
      kind: 'ignored',
      reason: rec ? `เป็นแบบ ${rec.edition.item} ${rec.template.name} ซึ่งไม่มีวันที่ลงนามในสัญญา` : 'ไม่พบหัวตารางของแบบ สขร.1 หรือแบบ o16/o17',
    });
  }
  return { records, sheets: uses };
}
