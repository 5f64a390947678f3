/**
 * Where imported rows go in a sheet the officer already has: right under its last record, in the
 * sheet's own column order (a leading ที่ column is numbered on). Rows below that hold anything
 * but pre-filled agency values (a signature block, notes) are never written over: the rows are
 * then inserted, pushing them down.
 */
import type { CellValue, SheetGrid } from '../grid';
import type { Recognition } from '../recognize';
import { isEmptyCell } from '../check/records';
import { toArabicDigits } from '../values/thaiDigits';

export interface Placement {
  readonly sheet: string;
  /** Excel row of the sheet's header. */
  readonly headerRow: number;
  /** Excel row of the first new row. */
  readonly firstRow: number;
  /** Insert the rows (shifting what is below down) rather than write into empty rows. */
  readonly insert: boolean;
  /** Per template column: the sheet's 0-based column, or undefined when the sheet lacks it. */
  readonly columns: readonly (number | undefined)[];
  /** Headers of template columns the sheet does not have (their values are not written). */
  readonly missingColumns: readonly string[];
  /** The ที่/ลำดับ column and the number the first new row gets. */
  readonly seqColumn?: number;
  readonly firstSeq?: number;
  /** Excel row whose look (font, borders) new rows copy: the last record. */
  readonly styleRow?: number;
}

/** A ที่/ลำดับ cell's number (5, '๕', '5.'), or undefined when it holds none. */
export function seqNumber(v: CellValue | undefined): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string') {
    const n = Number(toArabicDigits(v).trim().replace(/\.$/, ''));
    if (Number.isInteger(n) && n > 0) return n;
  }
  return undefined;
}

/**
 * The first of `count` rows from `firstRow` that holds something a new row must not replace, or
 * undefined when all are free. Pre-filled agency values (a `new` sheet has them on empty rows) and
 * pre-printed numbers in the ที่ column do not make a row taken; a single note that happens to sit
 * in an agency column does, and so does text in the ที่ column ("หมายเหตุ: …" often starts there).
 */
export function firstTakenRow(grid: SheetGrid, rec: Recognition, firstRow: number, count: number): number | undefined {
  const firstRowOfGrid = grid.firstRow ?? 1;
  const agencyCols = new Set<number>();
  rec.template.columns.forEach((c) => {
    const p = rec.indexOf.get(c.key);
    if (c.agency && p !== undefined) agencyCols.add(p);
  });
  const isFree = (excelRow: number) => {
    const row = grid.rows[excelRow - firstRowOfGrid];
    if (!row) return true;
    let agencyCells = 0;
    for (let i = 0; i < row.length; i++) {
      if (isEmptyCell(row[i])) continue;
      if (i === rec.seqIndex && seqNumber(row[i]) !== undefined) continue;
      if (!agencyCols.has(i)) return false;
      agencyCells++;
    }
    return agencyCells === 0 || agencyCells >= 2;
  };
  for (let r = firstRow; r < firstRow + count; r++) if (!isFree(r)) return r;
  return undefined;
}

export function planAppend(grid: SheetGrid, rec: Recognition, recordRows: readonly number[], count: number): Placement {
  const firstRowOfGrid = grid.firstRow ?? 1;
  const columns = rec.template.columns.map((c) => rec.indexOf.get(c.key));
  const missingColumns = rec.template.columns.filter((c) => !rec.indexOf.has(c.key)).map((c) => c.header);
  const last = recordRows.length ? recordRows.reduce((a, b) => Math.max(a, b)) : undefined;
  const firstRow = (last ?? rec.headerRow) + 1;
  const insert = firstTakenRow(grid, rec, firstRow, count) !== undefined;
  let firstSeq: number | undefined;
  if (rec.seqIndex !== undefined) {
    const seqs = recordRows.map((r) => seqNumber(grid.rows[r - firstRowOfGrid]?.[rec.seqIndex as number])).filter((n): n is number => n !== undefined);
    firstSeq = (seqs.length ? seqs.reduce((a, b) => Math.max(a, b)) : recordRows.length) + 1;
  }
  return {
    sheet: grid.name,
    headerRow: rec.headerRow,
    firstRow,
    insert,
    columns,
    missingColumns,
    ...(rec.seqIndex !== undefined ? { seqColumn: rec.seqIndex, firstSeq } : {}),
    ...(last !== undefined ? { styleRow: last } : {}),
  };
}

/** The sheet row (as an array by the sheet's columns) for one template row. */
export function placedRow(p: Placement, values: readonly CellValue[], seq: number | undefined): CellValue[] {
  const width = Math.max(0, ...p.columns.map((c) => (c ?? -1) + 1), (p.seqColumn ?? -1) + 1);
  const out: CellValue[] = new Array(width).fill(null);
  p.columns.forEach((c, i) => {
    if (c !== undefined) out[c] = values[i] ?? null;
  });
  if (p.seqColumn !== undefined && seq !== undefined) out[p.seqColumn] = seq;
  return out;
}
