/**
 * Several tables on one sheet: a second list beside the first (two halves of the year side by
 * side) or under it (another template's table further down). Each becomes a region of the sheet
 * checked on its own, so none is silently ignored and no table's header or rows are read as
 * another's records. Regions keep the sheet's row numbers and column letters: cells outside a
 * region are left blank (beside) or its rows start at the sheet's row (under).
 */
import { columnLetter, type CellValue, type Row, type SheetGrid } from './grid';
import { headersAt, type Recognition } from './recognize';
import type { Catalogue, TemplateDef } from './templates/types';
import { findSummaryTable } from './check/summaryTable';

interface OtherTable {
  readonly grid: SheetGrid;
  /** The cell where its header starts ("M4"). */
  readonly at: string;
  readonly template: TemplateDef;
  readonly placement: 'beside' | 'below';
  /** It is the list's own summary by method (o17's count and budget per method), under the list. */
  readonly summary?: boolean;
}

export interface TableSplit {
  /** The sheet without the other table: the recognised table's region. */
  readonly first: SheetGrid;
  readonly other: OtherTable;
}

/** Rows searched for a second table's header beside the first (as far down as recognition looks). */
const BESIDE_SEARCH_ROWS = 15;
/** Title rows above a table under the first that belong to it, not to the first table's records. */
const TITLE_ROWS_ABOVE = 4;
/** A header cell is short text; a row with anything else is not a header. */
const HEADER_TEXT_MAX = 150;

function nonBlankCount(row: Row | undefined): number {
  let n = 0;
  for (const v of row ?? []) if (v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')) n++;
  return n;
}

/** Cheap test before matching a row against every template: three or more short texts and nothing else. */
function mayBeHeader(row: Row | undefined): boolean {
  if (!row) return false;
  let texts = 0;
  for (const v of row) {
    if (v === null || v === undefined) continue;
    if (typeof v !== 'string') return false;
    const t = v.trim();
    if (!t) continue;
    if (t.length > HEADER_TEXT_MAX) return false;
    texts++;
  }
  return texts >= 3;
}

/** Cell keys (`row:col`) of a region whose rows start `from` rows lower; undefined when none remain. */
function shiftCells(cells: ReadonlySet<string> | undefined, from: number, to: number, keep: (col: number) => boolean): Set<string> | undefined {
  if (!cells) return undefined;
  const out = new Set<string>();
  for (const key of cells) {
    const sep = key.indexOf(':');
    const r = Number(key.slice(0, sep));
    const c = Number(key.slice(sep + 1));
    if (r >= from && r < to && keep(c)) out.add(`${r - from}:${c}`);
  }
  return out.size ? out : undefined;
}

function region(grid: SheetGrid, rows: Row[], from: number, to: number, keep: (col: number) => boolean): SheetGrid {
  const formulas = shiftCells(grid.formulas, from, to, keep);
  const uncomputed = shiftCells(grid.uncomputed, from, to, keep);
  return {
    name: grid.name,
    rows,
    firstRow: (grid.firstRow ?? 1) + from,
    ...(formulas ? { formulas } : {}),
    ...(uncomputed ? { uncomputed } : {}),
  };
}

/** The columns at and right of `start` blanked (left part), or left of it (right part). */
function columnsOf(rows: readonly Row[], start: number, side: 'left' | 'right'): Row[] {
  return rows.map((row) => {
    if (side === 'left') return row.length > start ? row.slice(0, start) : row;
    if (row.length <= start) return [];
    const out: CellValue[] = new Array<CellValue>(start).fill(null);
    for (let c = start; c < row.length; c++) out.push(row[c]);
    return out;
  });
}

function beside(grid: SheetGrid, rec: Recognition, cat: Catalogue): TableSplit | undefined {
  const used = [...rec.matches.map((m) => m.index), ...(rec.seqIndex === undefined ? [] : [rec.seqIndex])];
  const boundary = Math.max(...used) + 1;
  const limit = Math.min(grid.rows.length, BESIDE_SEARCH_ROWS);
  const top = columnsOf(grid.rows.slice(0, limit + 1), boundary, 'right');
  for (let r = 0; r < limit; r++) {
    if (nonBlankCount(top[r]) < 3) continue;
    const found = headersAt(top, r, cat)[0];
    if (!found) continue;
    const start = Math.min(...found.columns);
    const first = region(grid, columnsOf(grid.rows, start, 'left'), 0, grid.rows.length, (c) => c < start);
    const second = region(grid, columnsOf(grid.rows, start, 'right'), 0, grid.rows.length, (c) => c >= start);
    return { first, other: { grid: second, at: `${columnLetter(start)}${(grid.firstRow ?? 1) + r}`, template: found.template, placement: 'beside' } };
  }
  return undefined;
}

function below(grid: SheetGrid, rec: Recognition, cat: Catalogue): TableSplit | undefined {
  const rows = grid.rows;
  const def = rec.template.summary;
  for (let r = rec.headerIndex + 1; r < rows.length; r++) {
    if (!mayBeHeader(rows[r])) continue;
    // The same template's header again is a page's repeated header: the records go on (o16's
    // header is also o17's, so any reading as the same template decides).
    const headers = headersAt(rows, r, cat);
    if (headers.some((h) => h.template.id === rec.template.id)) continue;
    const summary = def && findSummaryTable({ name: grid.name, rows: [rows[r]] }, def);
    const found = headers[0];
    if (!found && !summary) continue;
    let cut = r;
    while (cut - 1 > rec.headerIndex && r - cut < TITLE_ROWS_ABOVE && nonBlankCount(rows[cut - 1]) <= 1) cut--;
    const first = region(grid, rows.slice(0, cut), 0, cut, () => true);
    const second = region(grid, rows.slice(cut), cut, rows.length, () => true);
    const start = summary ? summary.groupCol : Math.min(...(found?.columns ?? [0]));
    const at = `${columnLetter(start)}${(grid.firstRow ?? 1) + r}`;
    return { first, other: summary ? { grid: second, at, template: rec.template, placement: 'below', summary: true } : { grid: second, at, template: found.template, placement: 'below' } };
  }
  return undefined;
}

/** The first other table on the sheet of `rec`, beside its table or under it; undefined when there is one table. */
export function splitTables(grid: SheetGrid, rec: Recognition, cat: Catalogue): TableSplit | undefined {
  return beside(grid, rec, cat) ?? below(grid, rec, cat);
}
