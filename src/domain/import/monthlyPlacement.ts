/**
 * Where imported contracts go in the monthly สขร.1 sheets an officer already has (ITA 2569 O11/O12):
 * each into the table of the month it was signed, on whichever sheet of the workbook holds that
 * table (one sheet, or one per quarter), under the table's last record. Only free rows are written;
 * when the table has fewer free rows than contracts, rows are inserted above what follows (the next
 * month's title, a note), which then moves down — the plan says so, so the officer sees it before
 * confirming. A month with no table anywhere gets a new table (title, header, rows) under the last
 * used row of the target sheet. A contract the tables already list (same contract number, or same
 * item and amount) is not written again. Pure: the faces read the sheets and write the rows.
 */
import type { CellValue, SheetGrid } from '../grid';
import { headerKey, type Recognition } from '../recognize';
import { isEmptyCell } from '../check/records';
import { extractMonthlyTables, monthKey, type Month, type MonthTable } from '../check/monthlyTables';
import { toArabicDigits } from '../values/thaiDigits';
import { parseMoney } from '../values/money';
import { splitContractCell } from './combinedCells';
import { firstTakenRow, seqNumber } from './placement';
import type { SourceOrigin } from './sourceRecord';

export interface MonthlySheet {
  readonly grid: SheetGrid;
  readonly rec: Recognition;
}

/** The contracts of one month, in the monthly template's column order, each with where it was read. */
export interface MonthContracts {
  readonly month: Month;
  readonly rows: readonly (readonly CellValue[])[];
  readonly origins: readonly SourceOrigin[];
}

interface MonthWrite {
  readonly month: Month;
  readonly sheet: string;
  /** Into the month's table, or a new table for a month no sheet has. */
  readonly kind: 'table' | 'newTable';
  /** Excel row (in the sheet as it is now) of the first new contract. */
  readonly firstRow: number;
  /** How many rows from firstRow are free and written as they are; the rest are inserted above `insertAt`. */
  readonly free: number;
  /** The Excel row (as it is now) above which rows are inserted: it and every row below move down. */
  readonly insertAt?: number;
  /** A new table's title and header, written on the two rows above firstRow. */
  readonly lead?: readonly (readonly CellValue[])[];
  /** The rows to write, across the sheet's columns (index 0 = column A); null leaves a cell. */
  readonly rows: readonly (readonly CellValue[])[];
  readonly origins: readonly SourceOrigin[];
  /** Number formats by the sheet's column. */
  readonly numFmts: readonly (string | undefined)[];
  /** Where the rows are once everything is written (the inserts above them counted). */
  readonly finalFirst: number;
  readonly finalLast: number;
  /** The table says "ไม่มีการจัดซื้อจัดจ้าง": the statement must go once the contracts are in. */
  readonly statesNone: boolean;
}

interface MonthlyDuplicate {
  readonly origin: SourceOrigin;
  readonly label: string;
  readonly sheet: string;
  /** Excel row of the record already there. */
  readonly row: number;
}

export interface MonthlyPlacement {
  readonly writes: readonly MonthWrite[];
  readonly duplicates: readonly MonthlyDuplicate[];
  /** Headers of template columns the target sheet lacks (their values are not written). */
  readonly missingColumns: readonly string[];
}

const squash = (s: string) => toArabicDigits(s).replace(/[\s"'“”.,]/g, '').toLowerCase();

/**
 * The keys a contract is known by: its contract number with its amount, and its item with its
 * amount and signing date. Not the number alone (a ใบสั่งซื้อ 3/2569 and a สัญญาจ้าง 3/2569 are two
 * documents), nor the item alone (the same monthly purchase recurs every month).
 */
function contractKeys(values: readonly CellValue[], pos: (key: string) => number | undefined): string[] {
  const at = (key: string) => {
    const i = pos(key);
    return i === undefined ? undefined : values[i];
  };
  const budgetCell = at('budget');
  const parsed = budgetCell === undefined || budgetCell === null ? undefined : parseMoney(budgetCell);
  const budget = parsed?.ok ? String(parsed.value) : squash(cellText(budgetCell));
  const keys: string[] = [];
  const contract = at('contract');
  const c = typeof contract === 'string' ? splitContractCell(contract) : {};
  if (c.number) keys.push(`no:${squash(c.number)}|${budget}`);
  const item = at('item');
  const signed = contract instanceof Date ? contract : c.date;
  if (typeof item === 'string' && item.trim()) keys.push(`item:${squash(item)}|${budget}|${signed ? signed.toISOString().slice(0, 10) : ''}`);
  return keys;
}

function cellText(v: CellValue | undefined): string {
  return v === null || v === undefined || v instanceof Date ? '' : String(v);
}

/** A row that repeats the sheet's header (a month's own header under its title). */
function isHeaderRow(row: readonly CellValue[] | undefined, rec: Recognition): boolean {
  if (!row) return false;
  let n = 0;
  for (const m of rec.matches) if (headerKey(cellText(row[m.index])) === headerKey(m.header)) n++;
  return n >= Math.min(3, rec.matches.length);
}

function isStatement(row: readonly CellValue[] | undefined, words: string): boolean {
  const texts = [...new Set((row ?? []).map(cellText).map((s) => s.trim()).filter(Boolean))];
  return texts.length > 0 && texts.length <= 2 && texts.some((t) => t.replace(/\s/g, '').includes(words.replace(/\s/g, '')));
}

interface Located {
  readonly table: MonthTable;
  readonly sheet: MonthlySheet;
}

/** The row a month's new contracts follow: its last record, else its title and header (and a "none" statement). */
function lastRowOf(l: Located, isFirstTable: boolean): number {
  const { grid, rec } = l.sheet;
  const first = grid.firstRow ?? 1;
  const t = l.table;
  if (t.records.length) return t.records[t.records.length - 1].row;
  let after = isFirstTable ? Math.max(t.row, rec.headerRow) : t.row;
  const empty = rec.template.monthly?.emptyMonth ?? rec.template.emptyStatement ?? 'ไม่มีการจัดซื้อจัดจ้าง';
  for (;;) {
    const next = grid.rows[after + 1 - first];
    if (isHeaderRow(next, rec) || isStatement(next, empty)) after++;
    else return after;
  }
}

/** Free rows from `row` down: until the first taken row, or unlimited past the sheet's used rows. */
function freeRun(grid: SheetGrid, rec: Recognition, row: number): { free: number; takenAt?: number } {
  const first = grid.firstRow ?? 1;
  const end = first + grid.rows.length;
  for (let r = row; r < end; r++) if (firstTakenRow(grid, rec, r, 1) !== undefined) return { free: r - row, takenAt: r };
  return { free: Number.POSITIVE_INFINITY };
}

/** The sheet's columns for the template's: where each value goes, its number format, the sheet's width. */
function layoutOf(rec: Recognition): { width: number; numFmts: (string | undefined)[] } {
  const width = Math.max(rec.template.columns.length, ...[...rec.indexOf.values()].map((i) => i + 1), (rec.seqIndex ?? -1) + 1);
  const numFmts: (string | undefined)[] = new Array(width).fill(undefined);
  rec.template.columns.forEach((c) => {
    const i = rec.indexOf.get(c.key);
    if (i !== undefined) numFmts[i] = c.numFmt;
  });
  return { width, numFmts };
}

function sheetRow(rec: Recognition, width: number, values: readonly CellValue[], seq: number | undefined, keepSeq: boolean): CellValue[] {
  const out: CellValue[] = new Array(width).fill(null);
  rec.template.columns.forEach((c, k) => {
    const i = rec.indexOf.get(c.key);
    if (i !== undefined && values[k] !== undefined) out[i] = values[k];
  });
  if (rec.seqIndex !== undefined && seq !== undefined && !keepSeq) out[rec.seqIndex] = seq;
  return out;
}

/**
 * Plans the contracts' rows over the workbook's monthly sheets of the same template. `target` is
 * the sheet new month tables go to (the one the officer has open); `titleOf` words a month's title.
 */
export function planMonthlyPlacement(
  sheets: readonly MonthlySheet[], target: string, months: readonly MonthContracts[], titleOf: (m: Month) => string,
): MonthlyPlacement {
  const targetSheet = sheets.find((s) => s.grid.name === target) ?? sheets[0];
  if (!targetSheet) return { writes: [], duplicates: [], missingColumns: [] };
  const ordered = [targetSheet, ...sheets.filter((s) => s !== targetSheet)];

  // Every table of every sheet, by month (the first one of a month that has two), and what they list.
  const byMonth = new Map<string, Located & { first: boolean }>();
  const known = new Map<string, { sheet: string; row: number }>();
  for (const sheet of ordered) {
    const tables = extractMonthlyTables(sheet.grid, sheet.rec);
    const pos = (key: string) => sheet.rec.indexOf.get(key);
    tables.tables.forEach((table, n) => {
      if (table.month && !byMonth.has(monthKey(table.month))) byMonth.set(monthKey(table.month), { table, sheet, first: n === 0 });
      for (const r of table.records) for (const k of contractKeys(r.source, pos)) if (!known.has(k)) known.set(k, { sheet: sheet.grid.name, row: r.row });
    });
  }

  const templatePos = (key: string) => {
    const i = targetSheet.rec.template.columns.findIndex((c) => c.key === key);
    return i < 0 ? undefined : i;
  };
  const duplicates: MonthlyDuplicate[] = [];
  interface Pending { month: Month; rows: CellValue[][]; origins: SourceOrigin[] }
  const pending: Pending[] = [];
  for (const m of months) {
    const rows: CellValue[][] = [];
    const origins: SourceOrigin[] = [];
    m.rows.forEach((values, k) => {
      const keys = contractKeys(values, templatePos);
      const there = keys.map((key) => known.get(key)).find(Boolean);
      if (there) {
        duplicates.push({ origin: m.origins[k], label: cellText(values[templatePos('item') ?? 0]).split('\n')[0], ...there });
        return;
      }
      rows.push([...values]);
      origins.push(m.origins[k]);
    });
    if (rows.length) pending.push({ month: m.month, rows, origins });
  }

  const writes: (Omit<MonthWrite, 'finalFirst' | 'finalLast'>)[] = [];
  const newTables: Pending[] = [];
  for (const p of pending) {
    const at = byMonth.get(monthKey(p.month));
    if (!at) {
      newTables.push(p);
      continue;
    }
    const { grid, rec } = at.sheet;
    const { width, numFmts } = layoutOf(rec);
    const after = lastRowOf(at, at.first);
    const { free, takenAt } = freeRun(grid, rec, after + 1);
    const first = grid.firstRow ?? 1;
    const prevSeq = rec.seqIndex === undefined ? 0 : Math.max(0, ...at.table.records.map((r) => seqNumber(r.source[rec.seqIndex!]) ?? 0));
    const rows = p.rows.map((values, k) => {
      const existing = k < free ? grid.rows[after + 1 + k - first] : undefined;
      const keepSeq = rec.seqIndex !== undefined && !isEmptyCell(existing?.[rec.seqIndex]);
      return sheetRow(rec, width, values, rec.seqIndex === undefined ? undefined : prevSeq + k + 1, keepSeq);
    });
    const usedFree = Math.min(free, rows.length);
    writes.push({
      month: p.month, sheet: grid.name, kind: 'table', firstRow: after + 1, free: usedFree,
      ...(usedFree < rows.length && takenAt !== undefined ? { insertAt: takenAt } : {}),
      rows, origins: p.origins, numFmts, statesNone: at.table.statesNone,
    });
  }
  // Months no sheet has a table for: a new table each, under the target sheet's last used row.
  if (newTables.length) {
    const { grid, rec } = targetSheet;
    const { width, numFmts } = layoutOf(rec);
    // Under the last used row, and under the rows a table at the foot of the sheet grows into.
    const grown = writes.filter((w) => w.sheet === grid.name && w.insertAt === undefined).map((w) => w.firstRow + w.rows.length);
    let row = Math.max((grid.firstRow ?? 1) + grid.rows.length, ...grown) + 1;
    const header = [...(grid.rows[rec.headerIndex] ?? [])];
    for (const p of [...newTables].sort((a, b) => monthKey(a.month).localeCompare(monthKey(b.month)))) {
      const title: CellValue[] = [titleOf(p.month)];
      const rows = p.rows.map((values, k) => sheetRow(rec, width, values, rec.seqIndex === undefined ? undefined : k + 1, false));
      writes.push({
        month: p.month, sheet: grid.name, kind: 'newTable', firstRow: row + 2, free: rows.length,
        lead: [title, header], rows, origins: p.origins, numFmts, statesNone: false,
      });
      row += 2 + rows.length + 1;
    }
  }

  // Where each month's rows end up once the inserts above them (in the same sheet) are made.
  const final = writes.map((w) => {
    const shift = writes
      .filter((o) => o.sheet === w.sheet && o.insertAt !== undefined && o.insertAt <= w.firstRow && o !== w)
      .reduce((n, o) => n + (o.rows.length - o.free), 0);
    return { ...w, finalFirst: w.firstRow + shift, finalLast: w.firstRow + shift + w.rows.length - 1 };
  });
  final.sort((a, b) => monthKey(a.month).localeCompare(monthKey(b.month)));
  const missingColumns = targetSheet.rec.missing.map((c) => c.header);
  return { writes: final, duplicates, missingColumns };
}
