/**
 * Cell values between the domain and Office.js. Excel stores a date as a serial number whose
 * number format makes it a date; it reads an empty cell as ''; and it interprets a string written
 * through `range.values` as if typed, so '0105543008219' would become a number and lose its
 * leading zero. Everything that crosses the seam goes through these functions.
 */
import { columnIndex, columnLetter, type CellValue } from '../../domain/grid';
import { dateToExcelSerial, excelSerialToDate } from '../../domain/values/thaiDate';
import { DATE_FORMAT_BE } from '../../domain/templates/procurement';

/** What Office.js accepts in a values array: null leaves the cell as it is. */
export type ExcelInput = string | number | boolean | null;

/** The format a date gets when the caller gave none (Excel must never show a bare serial). */
const DEFAULT_DATE_FORMAT = DATE_FORMAT_BE;

// A string Excel could read as something else when typed: a number (also Thai digits), a date,
// a time, a percentage, money, a formula (= + - @), an error (#N/A), or one that starts with the
// apostrophe Excel itself strips.
const COERCIBLE_START = /^\s*[0-9\u0e50-\u0e59=+\-@.'(#$\u0e3f\u20ac\u00a3\u00a5%/:,]/;
const COERCIBLE_WORD = /^\s*(true|false)\s*$/i;

/** True when Excel would not keep the string as typed text. */
function needsTextPrefix(s: string): boolean {
  return COERCIBLE_START.test(s) || COERCIBLE_WORD.test(s);
}

/**
 * A domain value as Excel should store it: a Date becomes its serial (the caller sets a date
 * format), a string that Excel would coerce gets the apostrophe prefix that keeps it as text (Excel
 * does not keep the apostrophe in the value), and null clears the cell ('') unless `keepOnNull`.
 */
export function toExcelInput(v: CellValue | undefined, keepOnNull = false): ExcelInput {
  if (v === null || v === undefined) return keepOnNull ? null : '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : dateToExcelSerial(v);
  if (typeof v === 'number') return Number.isFinite(v) ? v : `'${String(v)}`;
  if (typeof v === 'boolean') return v;
  return needsTextPrefix(v) ? `'${v}` : v;
}

/** The number format a written value needs: the caller's, else a date format for a Date, else none (null: unchanged). */
export function formatFor(v: CellValue | undefined, numFmt: string | undefined): string | null {
  if (numFmt) return numFmt;
  return v instanceof Date ? DEFAULT_DATE_FORMAT : null;
}

const dateFormatCache = new Map<string, boolean>();

/** First section of a format (positive numbers), outside quotes. */
function firstSection(fmt: string): string {
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '\\') i++;
    else if (ch === ';' && !quoted) return fmt.slice(0, i);
  }
  return fmt;
}

/**
 * True when a number format shows a date: 'd mmm yyyy', '[$-107041E]d mmm yyyy',
 * '[$-th-TH,107]d/m/yyyy', 'dd/mm/bbbb', 'mmm-yy', 'd/m/yyyy h:mm'. Times alone ('h:mm', '[h]:mm')
 * and numbers ('#,##0.00', '0.00E+00', 'General', '@') are not.
 */
export function isDateFormat(fmt: unknown): boolean {
  if (typeof fmt !== 'string' || fmt === '') return false;
  const hit = dateFormatCache.get(fmt);
  if (hit !== undefined) return hit;
  let s = firstSection(fmt);
  const elapsed = /\[(h+|m+|s+)\]/i.test(s);
  s = s
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .toLowerCase();
  let result = false;
  if (s !== 'general' && s !== '@') {
    if (/[dy]/.test(s) || /bb/.test(s)) result = true;
    else if (/m/.test(s) && !/[hs]/.test(s) && !elapsed) result = true;
  }
  if (dateFormatCache.size > 1000) dateFormatCache.clear();
  dateFormatCache.set(fmt, result);
  return result;
}

const MAX_SERIAL = 2_958_465;

/** A value Excel returned as a domain value: '' is empty, a number in a date format is a Date. */
export function fromExcelValue(v: unknown, numberFormat: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number') {
    if (v >= 1 && v <= MAX_SERIAL && isDateFormat(numberFormat)) return excelSerialToDate(v);
    return v;
  }
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/** 'K12' for 1-based row and column. */
export function a1(row: number, col: number): string {
  return `${columnLetter(col - 1)}${row}`;
}

/** 'A2:S40' for 1-based corners (a single cell when they meet). */
export function a1Range(row1: number, col1: number, row2: number, col2: number): string {
  const from = a1(row1, col1);
  return row1 === row2 && col1 === col2 ? from : `${from}:${a1(row2, col2)}`;
}

/** 1-based row and column of a single-cell address ('K12', '$K$12'), or null. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return null;
  return { row: Number(m[2]), col: columnIndex(m[1]) + 1 };
}

/** Excel's grid: rows and columns of a worksheet. */
export const GRID_ROWS = 1_048_576;
export const GRID_COLS = 16_384;

/** A block of cells, 1-based and inclusive. */
export interface Area {
  readonly row1: number;
  readonly col1: number;
  readonly row2: number;
  readonly col2: number;
}

/**
 * The blocks of an address as Excel writes them in events and `address`: 'K12', '$A$2:$S$40',
 * whole columns 'A:C', whole rows '8:9', several areas joined by commas, a sheet name before '!'
 * ('Sheet1!A1:B2', "'ความก้าวหน้า'!A1"). Null when any part is not an address.
 */
export function parseAreas(address: string): Area[] | null {
  const out: Area[] = [];
  for (const part of address.split(',')) {
    const bang = part.lastIndexOf('!');
    const ref = part.slice(bang + 1).trim().replace(/\$/g, '').toUpperCase();
    let m = /^([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?$/.exec(ref);
    if (m) {
      const [r1, c1] = [Number(m[2]), columnIndex(m[1]) + 1];
      const [r2, c2] = m[3] ? [Number(m[4]), columnIndex(m[3]) + 1] : [r1, c1];
      out.push({ row1: Math.min(r1, r2), col1: Math.min(c1, c2), row2: Math.max(r1, r2), col2: Math.max(c1, c2) });
      continue;
    }
    m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(ref);
    if (m) {
      const [c1, c2] = [columnIndex(m[1]) + 1, columnIndex(m[2]) + 1];
      out.push({ row1: 1, col1: Math.min(c1, c2), row2: GRID_ROWS, col2: Math.max(c1, c2) });
      continue;
    }
    m = /^(\d{1,7}):(\d{1,7})$/.exec(ref);
    if (m) {
      const [r1, r2] = [Number(m[1]), Number(m[2])];
      out.push({ row1: Math.min(r1, r2), col1: 1, row2: Math.max(r1, r2), col2: GRID_COLS });
      continue;
    }
    return null;
  }
  return out.length ? out : null;
}

/** True when `inner` lies wholly inside `outer`. */
export function areaWithin(inner: Area, outer: Area): boolean {
  return inner.row1 >= outer.row1 && inner.row2 <= outer.row2 && inner.col1 >= outer.col1 && inner.col2 <= outer.col2;
}

/** 'K:K' for a 1-based column. */
export function columnRange(col: number): string {
  const l = columnLetter(col - 1);
  return `${l}:${l}`;
}

/**
 * Cells grouped into vertical runs (K2:K9) so that a set of scattered cells becomes few ranges.
 * Input cells are 1-based; the result keeps each run's cells for bookkeeping.
 */
export function verticalRuns<T extends { readonly row: number; readonly col: number }>(cells: readonly T[]): { address: string; cells: T[] }[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: { address: string; cells: T[] }[] = [];
  let cur: T[] = [];
  const close = () => {
    if (!cur.length) return;
    const first = cur[0];
    const last = cur[cur.length - 1];
    runs.push({ address: a1Range(first.row, first.col, last.row, last.col), cells: cur });
    cur = [];
  };
  for (const c of sorted) {
    const prev = cur[cur.length - 1];
    if (prev && prev.col === c.col && prev.row === c.row) continue;
    if (prev && (prev.col !== c.col || c.row !== prev.row + 1)) close();
    cur.push(c);
  }
  close();
  return runs;
}

/** Excel column width (characters, as in .xlsx and exceljs) → points for `format.columnWidth`. */
export function widthToPoints(chars: number): number {
  // A character of the default font is 7 px wide; Excel truncates to whole pixels; 1 px = 0.75 pt.
  return Math.trunc(chars * 7 + 0.5) * 0.75;
}
