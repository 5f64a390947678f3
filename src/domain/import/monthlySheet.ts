/**
 * A สขร.1 monthly sheet → source records. The sheet is found by its headers (tolerantly, under a
 * title such as "สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม ๒๕๖๖"), its month read from the
 * title or the sheet name, and its combined cells split. A month that states it had no
 * procurement is recognised as such.
 */
import type { CellValue, SheetGrid } from '../grid';
import { headerKey } from '../recognize';
import { isEmptyCell } from '../check/records';
import { monthFromText, utcDate, BE_OFFSET } from '../values/thaiDate';
import { normalizeSpaces, toArabicDigits } from '../values/thaiDigits';
import { splitContractCell, splitWinnerCell } from './combinedCells';
import { MONTHLY_COLUMNS, MONTHLY_REQUIRED, NO_PROCUREMENT_PHRASES, NOTE_STARTS, type MonthlyColumnKey } from './monthlyColumns';
import type { SourceField, SourceRecord } from './sourceRecord';
import { textOf } from './sourceRecord';

const HEADER_SEARCH_ROWS = 100;

export interface MonthlyRecognition {
  /** 0-based index into grid.rows of the header row. */
  readonly headerIndex: number;
  readonly columns: ReadonlyMap<MonthlyColumnKey, number>;
  /** Text above the header. */
  readonly title: string;
}

function matchHeaderRow(row: readonly CellValue[]): Map<MonthlyColumnKey, number> {
  const found = new Map<MonthlyColumnKey, number>();
  row.forEach((cell, i) => {
    if (typeof cell !== 'string' || !cell.trim()) return;
    const key = headerKey(cell);
    const col = MONTHLY_COLUMNS.find(
      (c) => !found.has(c.key) && ((c.exact?.includes(key) ?? false) || c.matchAll.some((words) => words.every((w) => key.includes(w)))),
    );
    if (col) found.set(col.key, i);
  });
  return found;
}

export function recognizeMonthlySheet(grid: SheetGrid): MonthlyRecognition | undefined {
  const limit = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = grid.rows[r];
    if (!row) continue;
    const columns = matchHeaderRow(row);
    if (MONTHLY_REQUIRED.every((k) => columns.has(k)) && columns.size >= 5) {
      const title = grid.rows.slice(0, r).map((x) => x.map(textOf).filter(Boolean).join(' ')).filter(Boolean).join(' ');
      return { headerIndex: r, columns, title };
    }
  }
  return undefined;
}

const COMPACT = /[\s\u00A0\u200B]/g;

export function statesNoProcurement(text: string): boolean {
  const t = text.replace(COMPACT, '');
  return NO_PROCUREMENT_PHRASES.some((p) => t.includes(p.replace(COMPACT, '')));
}

export interface ReportMonth {
  /** BE year. */
  readonly year: number;
  /** 1-12. */
  readonly month: number;
}

const MONTH_IN_TITLE = /เดือน\s*([\u0E00-\u0E7F.]+)\s*(?:พ\.?\s*ศ\.?)?\s*(\d{4}|\d{2})(?!\d)/;
const MONTH_IN_NAME = /([\u0E00-\u0E7Fa-zA-Z.]+)\s*(?:พ\.?\s*ศ\.?)?\s*(\d{4}|\d{2})(?!\d)/;

function monthOf(text: string, pattern: RegExp): ReportMonth | undefined {
  const m = pattern.exec(normalizeSpaces(toArabicDigits(text)));
  if (!m) return undefined;
  const month = monthFromText(m[1]);
  if (!month) return undefined;
  const y = Number(m[2]);
  const year = m[2].length === 2 ? 2500 + y : y >= 2400 ? y : y + BE_OFFSET;
  return { year, month: month.index + 1 };
}

/** The month a sheet reports on: from its title, else its name ("ต.ค. 66", "ตุลาคม 2566"). */
export function reportMonth(title: string, sheetName: string): ReportMonth | undefined {
  return monthOf(title, MONTH_IN_TITLE) ?? monthOf(sheetName, MONTH_IN_NAME);
}

export interface MonthlySheetRead {
  readonly sheet: string;
  readonly month?: ReportMonth;
  /** The sheet says the month had no procurement (and lists none). */
  readonly statesNone: boolean;
  readonly records: SourceRecord[];
}

const ONLY_NUMBERING = /^\(?\d+\)?\.?$/;

function isNote(text: string): boolean {
  return NOTE_STARTS.some((w) => text.startsWith(w));
}

export function readMonthlySheet(grid: SheetGrid, rec: MonthlyRecognition, source: string): MonthlySheetRead {
  const month = reportMonth(rec.title, grid.name);
  const periodDate = month ? utcDate(month.year - BE_OFFSET, month.month, 1) : undefined;
  const firstRow = grid.firstRow ?? 1;
  const col = (k: MonthlyColumnKey) => rec.columns.get(k);
  const records: SourceRecord[] = [];
  let statesNone = statesNoProcurement(rec.title);

  for (let r = rec.headerIndex + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    if (!row || row.every((v) => isEmptyCell(v))) continue;
    const cellAt = (k: MonthlyColumnKey): CellValue | undefined => {
      const i = col(k);
      return i === undefined ? undefined : row[i];
    };
    const itemText = normalizeSpaces(textOf(cellAt('item')));
    const rowText = row.map(textOf).join(' ');
    if (statesNoProcurement(rowText)) {
      statesNone = true;
      continue;
    }
    const firstText = normalizeSpaces(row.map(textOf).find(Boolean) ?? '');
    if (!itemText || ONLY_NUMBERING.test(toArabicDigits(itemText)) || isNote(firstText)) continue;

    const values: { [K in SourceField]?: CellValue } = { item: itemText };
    const put = (field: SourceField, v: CellValue | undefined) => {
      if (v !== undefined && v !== null && !isEmptyCell(v)) values[field] = v;
    };
    put('budget', cellAt('budget'));
    put('medianPrice', cellAt('medianPrice'));
    put('method', cellAt('method'));
    const winnerCell = cellAt('winner');
    const w = splitWinnerCell(textOf(winnerCell));
    put('winner', w.winner);
    put('agreedPrice', w.price);
    put('taxId', w.taxId);
    const contractCell = cellAt('contract');
    if (contractCell instanceof Date) {
      values.signDate = contractCell;
    } else {
      const c = splitContractCell(textOf(contractCell));
      put('contractNumber', c.number);
      // An unreadable date goes on as written: the import lists the row with the reason.
      put('signDate', c.date ?? c.dateText);
    }
    records.push({
      origin: { kind: 'monthly-sheet', source, sheet: grid.name, row: firstRow + r },
      values,
      ...(periodDate ? { periodDate } : {}),
    });
  }
  return { sheet: grid.name, ...(month ? { month } : {}), statesNone: statesNone && records.length === 0, records };
}
