/** Writes the derived formulas and, for paragraph templates, row heights that show the text. */
import type ExcelJS from 'exceljs';
import type { DerivedCells } from '../domain/derivedLayout';
import type { SheetPlan } from '../domain/layout';

/** TH SarabunPSK 14 needs about this many points per line. */
const LINE_PT = 21;

export function writeDerivedCells(ws: ExcelJS.Worksheet, cells: DerivedCells): void {
  for (const l of cells.labels) ws.getCell(l.row, l.col + 1).value = l.value;
  for (const f of cells.formulas) ws.getCell(f.row, f.col + 1).value = { formula: f.formula } as ExcelJS.CellFormulaValue;
}

/** Lines a text takes in a column of `width` characters (Thai marks above and below take no width). */
function linesOf(text: string, width: number): number {
  return text.split('\n').reduce((n, line) => {
    const visible = line.replace(/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g, '').length;
    return n + Math.max(1, Math.ceil(visible / Math.max(4, width - 2)));
  }, 0);
}

/**
 * Excel does not grow a wrapped row written by a program until it is edited: set heights that show
 * the seeded paragraphs, and give empty form rows room for three lines.
 */
export function setParagraphRowHeights(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  if (!plan.wrap) return;
  plan.seedRows.forEach((seed, r) => {
    const lines = Math.max(1, ...seed.map((v, i) => (typeof v === 'string' ? linesOf(v, plan.widths[i]) : 1)));
    ws.getRow(r + 2).height = Math.min(409, lines * LINE_PT + 6);
  });
  for (let r = plan.seedRows.length + 2; r <= plan.formRows + 1; r++) {
    if (r > plan.seedRows.length + 200) break; // beyond that the officer's own rows grow as typed
    ws.getRow(r).height = 3 * LINE_PT + 6;
  }
}
