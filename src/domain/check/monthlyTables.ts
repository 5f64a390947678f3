/**
 * The tables of a monthly สขร.1 sheet (ITA 2569 O11/O12): one table per month, each under a title
 * naming its month ("สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม 2568"). Agencies lay them out
 * as a title and a header per month, or one header with a month title row before each month's
 * rows, or one sheet per month or per quarter: all read the same way. A month's statement
 * "ไม่มีการจัดซื้อจัดจ้าง" belongs to the table it is in.
 */
import type { CellValue, SheetGrid } from '../grid';
import { headerKey, type Recognition } from '../recognize';
import { BE_OFFSET, THAI_MONTHS, monthFromText, utcDate, daysInMonth } from '../values/thaiDate';
import { normalizeSpaces, toArabicDigits } from '../values/thaiDigits';
import { statesNoProcurement } from '../import/monthlySheet';
import { isEmptyCell, type SheetRecord } from './records';

export interface Month {
  /** BE year. */
  readonly year: number;
  /** 1–12. */
  readonly month: number;
}

export interface MonthTable {
  readonly month?: Month;
  /** Excel row of the month's title, or of its header when the title is above the sheet's header. */
  readonly row: number;
  readonly records: SheetRecord[];
  /** The table states that the month had no procurement. */
  statesNone: boolean;
}

export interface MonthlyTables {
  readonly tables: readonly MonthTable[];
  readonly records: readonly SheetRecord[];
  /** The table of each record (by Excel row). */
  readonly tableOfRow: ReadonlyMap<number, MonthTable>;
}

/** "ตุลาคม 2568" */
export function monthName(m: Month): string {
  return `${THAI_MONTHS[m.month - 1].full} ${m.year}`;
}

export function monthKey(m: Month): string {
  return `${m.year}-${String(m.month).padStart(2, '0')}`;
}

/** The months of a fiscal year (BE), October to September. */
export function fiscalYearMonths(fy: number): Month[] {
  return Array.from({ length: 12 }, (_, i) => (i < 3 ? { year: fy - 1, month: 10 + i } : { year: fy, month: i - 2 }));
}

/** The last day of a month, as a UTC date. */
export function monthEnd(m: Month): Date {
  const ce = m.year - BE_OFFSET;
  return utcDate(ce, m.month, daysInMonth(ce, m.month));
}

export function monthOfDate(d: Date): Month {
  return { year: d.getUTCFullYear() + BE_OFFSET, month: d.getUTCMonth() + 1 };
}

// "เดือน ตุลาคม 2568", "เดือนตุลาคม พ.ศ. ๒๕๖๘", "ประจำเดือน ต.ค. 68".
const MONTH_MENTION = /เดือน\s*([\u0E00-\u0E7Fa-zA-Z.]+?)\s*(?:พ\.?\s*ศ\.?)?\s*([0-9]{4}|[0-9]{2})(?![0-9])/g;
// A row that is only a month: "ตุลาคม 2568", "ต.ค. 68".
const BARE_MONTH = /^([\u0E00-\u0E7Fa-zA-Z.]+)\s*(?:พ\.?\s*ศ\.?)?\s*([0-9]{4}|[0-9]{2})$/;

function toMonth(word: string, yearText: string): Month | undefined {
  const m = monthFromText(word);
  if (!m) return undefined;
  const y = Number(yearText);
  const year = yearText.length === 2 ? 2500 + y : y >= 2400 ? y : y + BE_OFFSET;
  return { year, month: m.index + 1 };
}

/** The month a text names ("…ในรอบเดือน ตุลาคม 2568"): the last month mention that reads as one. */
function monthInText(text: string): Month | undefined {
  const t = normalizeSpaces(toArabicDigits(text));
  let found: Month | undefined;
  for (const m of t.matchAll(MONTH_MENTION)) found = toMonth(m[1], m[2]) ?? found;
  if (found) return found;
  const bare = BARE_MONTH.exec(t.trim());
  return bare ? toMonth(bare[1], bare[2]) : undefined;
}

function cellText(v: CellValue | undefined): string {
  return v === null || v === undefined || v instanceof Date ? '' : String(v);
}

const NOTE_START = /^\s*(\*|หมายเหตุ|ลงชื่อ|ลงนาม|ผู้จัดทำ|ผู้รายงาน|ผู้ตรวจสอบ|ผู้รับรอง|ตำแหน่ง|ข้อมูล ณ|รวม|ยอดรวม)/;

/**
 * Splits the sheet under (and including) its header into month tables. The first table's month is
 * read from the text above the header, else from the sheet name ("ต.ค. 68").
 */
export function extractMonthlyTables(grid: SheetGrid, rec: Recognition): MonthlyTables & { statesNone: boolean } {
  const firstRow = grid.firstRow ?? 1;
  const headerKeys = new Map<number, string>();
  for (const m of rec.matches) headerKeys.set(m.index, headerKey(m.header));
  const mapped = new Set(rec.indexOf.values());
  const isHeaderRepeat = (row: readonly CellValue[]) => {
    let n = 0;
    for (const [i, key] of headerKeys) if (headerKey(cellText(row[i])) === key) n++;
    return n >= Math.min(3, headerKeys.size);
  };
  const tables: MonthTable[] = [];
  const tableOfRow = new Map<number, MonthTable>();
  const records: SheetRecord[] = [];
  // The first table's title is above the sheet's header: issues about the month point at it.
  let titleRow = rec.headerIndex;
  for (let r = rec.headerIndex - 1; r >= 0; r--) {
    if (monthInText((grid.rows[r] ?? []).map(cellText).join(' '))) {
      titleRow = r;
      break;
    }
  }
  let current: MonthTable = {
    month: monthInText(rec.title) ?? monthInText(grid.name),
    row: firstRow + titleRow,
    records: [],
    statesNone: statesNoProcurement(rec.title),
  };
  tables.push(current);
  // A month title just seen: the header under it belongs to the same table.
  let titleOnly = false;

  for (let r = rec.headerIndex + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    if (!row) continue;
    const texts = row.map(cellText).map((s) => s.trim()).filter(Boolean);
    const filled = row.filter((v) => !isEmptyCell(v)).length;
    if (filled === 0) continue;
    if (isHeaderRepeat(row)) {
      if (!titleOnly && (current.records.length > 0 || current.statesNone || tables.length > 1 || current.month === undefined)) {
        // A new table with no title of its own: its month is unknown.
        current = { row: firstRow + r, records: [], statesNone: false };
        tables.push(current);
      }
      titleOnly = false;
      continue;
    }
    // Merged cells read as the same text in every cell of the merge: count each text once.
    const distinct = [...new Set(texts)];
    const joined = distinct.join(' ');
    // A title: one or two texts naming a month (no amounts beside it).
    const month = distinct.length <= 2 && !row.some((v) => typeof v === 'number' || v instanceof Date) ? monthInText(joined) : undefined;
    if (month) {
      // The first table's title may sit under the sheet's header when it had none above.
      if (tables.length === 1 && current.month === undefined && current.records.length === 0 && !current.statesNone) {
        current = { ...current, month, row: firstRow + r };
        tables[0] = current;
      } else {
        current = { month, row: firstRow + r, records: [], statesNone: statesNoProcurement(joined) };
        tables.push(current);
      }
      titleOnly = true;
      continue;
    }
    titleOnly = false;
    if (distinct.length <= 2 && statesNoProcurement(joined)) {
      current.statesNone = true;
      continue;
    }
    let inTable = 0;
    for (let i = 0; i < row.length; i++) if (mapped.has(i) && !isEmptyCell(row[i])) inTable++;
    if (inTable === 0) continue; // text beside the table: a note
    if (filled === 1 && NOTE_START.test(texts[0] ?? '')) continue;
    if (/^\s*(รวม|ยอดรวม)/.test(texts[0] ?? '') && inTable <= 3) continue;
    const record = { row: firstRow + r, source: row };
    current.records.push(record);
    records.push(record);
    tableOfRow.set(record.row, current);
  }
  const statesNone = records.length === 0 && tables.some((t) => t.statesNone);
  return { tables, records, tableOfRow, statesNone };
}
