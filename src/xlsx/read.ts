/**
 * A workbook exceljs loaded whole (bytes the pane picked, the `--into` workbook the import appends
 * to) → the domain's grids. Files on disk are read by streaming instead (streamRead.ts, Node only;
 * this module stays free of Node so the task pane can bundle it).
 */
import type ExcelJS from 'exceljs';
import type { CellValue, SheetGrid } from '../domain/grid';
import { decodeMeta, LISTS_SHEET, META_SHEET, type WorkbookMeta } from '../domain/workbookMeta';

export interface LoadedWorkbook {
  readonly sheets: SheetGrid[];
  readonly meta: WorkbookMeta;
}

type ExcelValue = ExcelJS.CellValue;

/** One exceljs cell value → a plain value; formulas give their last computed result. */
function plainValue(v: ExcelValue): { value: CellValue; formula: boolean } {
  if (v === null || v === undefined) return { value: null, formula: false };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return { value: v, formula: false };
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return { value: v.richText.map((t) => t.text).join(''), formula: false };
    if ('formula' in v || 'sharedFormula' in v) {
      const r = (v as { result?: unknown }).result;
      const inner = r === undefined ? null : plainValue(r as ExcelValue).value;
      return { value: inner, formula: true };
    }
    if ('text' in v && typeof (v as { text: unknown }).text === 'string') return { value: (v as { text: string }).text, formula: false };
    if ('error' in v) return { value: String((v as { error: unknown }).error), formula: false };
  }
  return { value: String(v), formula: false };
}

/**
 * The computed result of a formula cell as the file stores it, undefined when it stores none.
 * Read from the cell's model: `cell.value` (and so getSheetValues) drops a result of 0, false or ''.
 * (exceljs's whole-workbook parser also reads an empty text result, `<v></v>`, as none.)
 */
function formulaResult(ws: ExcelJS.Worksheet, row: number, col: number): ExcelValue | undefined {
  // A cell inside a merged range shows its top-left cell, result included.
  const model = ws.findCell(row, col)?.master.model as { result?: ExcelValue } | undefined;
  return model?.result;
}

function worksheetToGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows: CellValue[][] = [];
  const formulas = new Set<string>();
  const uncomputed = new Set<string>();
  // getSheetValues is a sparse, 1-based array of 1-based row arrays: the fastest read exceljs has.
  const values = ws.getSheetValues() as (ExcelValue[] | undefined)[];
  const last = values.length - 1;
  for (let r = 1; r <= last; r++) {
    const src = values[r];
    const row: CellValue[] = [];
    if (src) {
      for (let c = 1; c < src.length; c++) {
        const v = src[c];
        if (v === null || v === undefined) {
          row.push(null);
        } else if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) {
          row.push(v);
        } else {
          const p = plainValue(v);
          if (p.formula) {
            const key = `${r - 1}:${c - 1}`;
            formulas.add(key);
            const result = formulaResult(ws, r, c);
            if (result === undefined) uncomputed.add(key);
            row.push(result === undefined ? null : plainValue(result).value);
            continue;
          }
          row.push(p.value);
        }
      }
    }
    rows.push(row);
  }
  if (!formulas.size) return { name: ws.name, rows };
  return uncomputed.size ? { name: ws.name, rows, formulas, uncomputed } : { name: ws.name, rows, formulas };
}

/**
 * A workbook a spreadsheet application saved stores every formula's result; the only ones that look
 * result-less to exceljs's workbook parser are empty texts (`<v></v>`, an IF(…,"",…)). So when any
 * formula of the workbook has its result, the result-less ones are empty, not uncomputed.
 */
export function withoutEmptyResults(sheets: SheetGrid[]): SheetGrid[] {
  const computed = sheets.some((g) => (g.formulas?.size ?? 0) > (g.uncomputed?.size ?? 0));
  if (!computed) return sheets;
  return sheets.map((g) => {
    if (!g.uncomputed) return g;
    const { uncomputed: _, ...rest } = g;
    return rest;
  });
}

export async function loadWorkbook(wb: ExcelJS.Workbook): Promise<LoadedWorkbook> {
  const sheets: SheetGrid[] = [];
  let meta: WorkbookMeta = { sheets: {} };
  wb.eachSheet((ws) => {
    if (ws.name === META_SHEET) {
      meta = decodeMeta(worksheetToGrid(ws).rows);
      return;
    }
    if (ws.name === LISTS_SHEET) return;
    sheets.push(worksheetToGrid(ws));
  });
  return { sheets: withoutEmptyResults(sheets), meta };
}
