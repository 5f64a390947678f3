/**
 * The one seam between ita-forms and a workbook. The task pane never calls Excel itself: it asks
 * a gateway. Two implementations: Office.js (inside Excel: few syncs, payload-bounded chunks) and
 * in-memory (tests and the browser preview). Rows and columns here are 1-based, as Excel's.
 */
import type { CellValue, SheetGrid } from '../domain/grid';
import type { SheetPlan, SummaryPlanCell } from '../domain/layout';
import type { WorkbookMeta } from '../domain/workbookMeta';

/*
 * What a written value does to its cell, the same for every method and every gateway:
 *
 * - `null` leaves the cell as it is (its value, formula and format): "nothing to write here".
 * - `''` empties the cell (its value or formula; the format stays): "this field is now blank".
 * - anything else is written; a row shorter than the others leaves the cells right of it alone.
 *
 * So a new record written with null in its unfilled fields never touches what the row held, and
 * an edited field the officer emptied is written as ''.
 */

export interface CellWrite {
  readonly row: number;
  readonly col: number;
  /** The value to write: `''` empties the cell, `null` leaves it as it is. */
  readonly value: CellValue;
  /** Number format to set with the value (a fixed date gets the Buddhist Era format). */
  readonly numFmt?: string;
}

export interface CellRef {
  readonly row: number;
  readonly col: number;
}

/** What the host can do; older Excel (2016: API 1.1) lacks events and data validation. */
export interface Capabilities {
  /** ExcelApi 1.7: worksheet change events (re-check on edit). */
  readonly events: boolean;
  /** ExcelApi 1.8: drop-down lists as data validation. */
  readonly dataValidation: boolean;
  /** ExcelApi 1.9: many cells highlighted in one request (RangeAreas). */
  readonly rangeAreas: boolean;
  /** ExcelApi 1.6: conditional formats. */
  readonly conditionalFormats: boolean;
}

export interface NewSheetRequest {
  readonly plan: SheetPlan;
  /** Rows below the header pre-filled with the agency values. */
  readonly prefillRows: number;
}

export interface WorkbookGateway {
  capabilities(): Capabilities;
  /** Visible sheets, in workbook order (the hidden ita-forms sheets are left out). */
  listSheets(): Promise<string[]>;
  activeSheet(): Promise<string>;
  /** The sheet's used range as values (whole sheet in one read; chunked only by payload size). */
  readSheet(name: string): Promise<SheetGrid>;
  /**
   * The last `rows` rows of the sheet's used range (all of it when it is shorter), `firstRow` set:
   * enough to place a new record under the last one without reading a long sheet whole. One round
   * trip in Excel. Older Excel (ExcelApi 1.1) counts formatted empty rows as used, so the rows
   * may all be empty: read the sheet then.
   */
  readTail(name: string, rows: number): Promise<SheetGrid>;
  readMeta(): Promise<WorkbookMeta>;
  writeMeta(meta: WorkbookMeta): Promise<void>;
  /** Creates a template sheet (headers, formats, widths, frozen header, lists, validation). Refuses an existing name. */
  createSheet(req: NewSheetRequest): Promise<void>;
  /**
   * Writes rows of values starting at `startRow` (2-D array), each with its column's format (set
   * only where a value is written). `null` leaves a cell as it is, `''` empties it.
   */
  writeRows(sheet: string, startRow: number, rows: readonly (readonly CellValue[])[], numFmts?: readonly (string | undefined)[]): Promise<void>;
  /**
   * Inserts as many whole rows as given above `startRow` (the rows from there down move down, as
   * Excel's Insert does: nothing is overwritten, references follow) and writes the values into
   * them as writeRows does. One round trip in Excel.
   */
  insertRows(sheet: string, startRow: number, rows: readonly (readonly CellValue[])[], numFmts?: readonly (string | undefined)[]): Promise<void>;
  /** Writes scattered cells (fixes, edits), grouped so that the number of requests stays small. `''` empties a cell, `null` leaves it. */
  writeCells(sheet: string, cells: readonly CellWrite[]): Promise<void>;
  /** Writes (or rewrites) a derived sheet ita-forms owns, e.g. the o17 summary. */
  writeDerivedSheet(name: string, cells: readonly SummaryPlanCell[], widths: readonly number[]): Promise<void>;
  activateSheet(name: string): Promise<void>;
  /** The selected cell (top-left of the selection) and its sheet. */
  selection(): Promise<{ readonly sheet: string; readonly row: number; readonly col: number } | null>;
  selectCell(sheet: string, ref: CellRef): Promise<void>;
  /** Fills cells with the issue colour (error red, warning amber), or clears what ita-forms filled. */
  highlight(sheet: string, cells: readonly (CellRef & { readonly severity: 'error' | 'warning' })[]): Promise<void>;
  clearHighlights(sheet: string): Promise<void>;
  /**
   * Calls back when the sheet's cells change by someone else's hand (the user typing or pasting, a
   * co-author), not by this gateway's own writes: the pane re-checks after those itself. Returns an
   * unsubscribe, or null when events are unsupported.
   */
  onChanged(sheet: string, handler: () => void): Promise<(() => Promise<void>) | null>;
}

/** Excel's longest sheet name, in characters (UTF-16 units). */
export const SHEET_NAME_MAX = 31;

/** Excel sheet names are unique regardless of case: "Sheet1" and "SHEET1" are the same sheet. */
export function sameSheetName(a: string, b: string): boolean {
  return a === b || a.toUpperCase() === b.toUpperCase();
}

export class GatewayError extends Error {
  constructor(
    readonly th: string,
    readonly en: string,
  ) {
    super(en);
  }
}
