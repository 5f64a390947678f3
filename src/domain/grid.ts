/**
 * The one shape every face hands to the domain: a sheet as rows of plain cell values.
 * Every workbook access outside the domain converts to this; the domain never sees a workbook.
 */
export type CellValue = string | number | boolean | Date | null;

export type Row = readonly CellValue[];

export interface SheetGrid {
  /** The sheet's name as the workbook shows it. */
  readonly name: string;
  /** rows[0] is Excel row `firstRow` (1 unless the reader started lower); rows[i][0] is column A. */
  readonly rows: readonly Row[];
  readonly firstRow?: number;
  /**
   * Cells that hold a formula, as `${rowIndex}:${colIndex}`: their value is whatever the
   * spreadsheet last computed, which may be missing or stale in a file never opened in Excel.
   */
  readonly formulas?: ReadonlySet<string>;
  /**
   * The formula cells (same keys) that carry no computed value at all: a file written by a program
   * and never opened in a spreadsheet. Their value is unknown, not empty.
   */
  readonly uncomputed?: ReadonlySet<string>;
}

/** Excel column letters for a 0-based column index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based column index for Excel letters (A → 0). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

