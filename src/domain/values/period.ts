/**
 * o14's "ช่วงเวลาที่คาดว่าจะเริ่มดำเนินการ": a day, a month, a range of months or a fiscal
 * quarter, read as the inclusive span of days it covers.
 */
import type { CellValue } from '../grid';
import { fail, ok, type Parsed, type Problem } from './problem';
import { blank, isEmptyValue, quoteCell } from './blank';
import { normalizeSpaces, toArabicDigits } from './thaiDigits';
import {
  BE_OFFSET,
  MAX_BE_YEAR,
  MIN_BE_YEAR,
  ceYearWarning,
  daysInMonth,
  fiscalYearRange,
  monthFromText,
  parseThaiDate,
  utcDate,
  yearFromText,
} from './thaiDate';

export interface Period {
  readonly start: Date;
  readonly end: Date;
}

const DASHES = /[\u2010-\u2015\u2212~]/g;
const QUARTER = /^(?:ไตรมาส ?(?:ที่)? ?|q ?)([1-4])(?: ?(?:\/|ของ)? ?(?:ปี ?งบ(?:ประมาณ|ฯ|\.)?|ปี)? ?(?:พ\.? ?ศ\.? ?)?(\d{4}|\d{2}))?$/i;
const WHOLE_YEAR = /^(?:ตลอด ?)?ปี ?งบ(?:ประมาณ|ฯ|\.)? ?(?:พ\.? ?ศ\.? ?)?(\d{4}|\d{2})$/;
const NUMERIC_MONTH_YEAR = /^(\d{1,2}) ?[/.-] ?(\d{4}|\d{2})$/;
const MONTH_YEAR = /^(?:เดือน ?)?([^\d]+?) ?(?:พ\.? ?ศ\.? ?)?(\d{4}|\d{2})?$/;
const RANGE_WORD = / ?(?:จนถึง|ถึง) ?| to /i;
const SPACED_DASH = / - /;

/** A quarter number from text such as 'ไตรมาส 2', 'ไตรมาสที่ ๒', 'Q2'; null when it is not one. */
export function parseQuarter(s: string): number | null {
  const m = QUARTER.exec(normalizeSpaces(toArabicDigits(s)));
  return m ? Number(m[1]) : null;
}

/** Days of a fiscal quarter: Q1 = Oct–Dec of FY-1, Q2 = Jan–Mar, Q3 = Apr–Jun, Q4 = Jul–Sep. */
export function quarterRange(q: number, fyBE: number): Period {
  const fyCE = fyBE - BE_OFFSET;
  const startMonth = q === 1 ? 10 : 3 * q - 5; // 1-based: 10, 1, 4, 7
  const year = q === 1 ? fyCE - 1 : fyCE;
  return { start: utcDate(year, startMonth, 1), end: utcDate(year, startMonth + 2, daysInMonth(year, startMonth + 2)) };
}

function invalid(v: CellValue): Parsed<Period> {
  return fail(
    'period-invalid',
    `อ่านเป็นช่วงเวลาไม่ได้: ${quoteCell(v)} (ให้เขียน เช่น ต.ค. 2566, ต.ค. 66 - ธ.ค. 66, ไตรมาส 1/2567 หรือ 1 ต.ค. 2566)`,
    `Not a period: ${quoteCell(v)} (write e.g. ต.ค. 2566, ต.ค. 66 - ธ.ค. 66, ไตรมาส 1/2567 or 1 ต.ค. 2566)`,
  );
}

function needsYear(v: CellValue): Parsed<Period> {
  return fail(
    'period-needs-year',
    `ช่วงเวลา ${quoteCell(v)} ไม่ได้ระบุปี และไม่ทราบปีงบประมาณของแบบฟอร์ม (ให้ระบุปี เช่น ไตรมาส 1/2567)`,
    `The period ${quoteCell(v)} gives no year and the form's fiscal year is unknown (add the year, e.g. ไตรมาส 1/2567)`,
  );
}

/** A BE year within range, or undefined. */
function inRange(ce: number): boolean {
  const be = ce + BE_OFFSET;
  return be >= MIN_BE_YEAR && be <= MAX_BE_YEAR;
}

/** One side of a period: a day, or a month with or without its year. */
interface Side {
  readonly start: Date;
  readonly end: Date;
  /** The month (0-based) when the side is a month without a year. */
  readonly bareMonth?: number;
  readonly warning?: Problem;
}

type SideResult = Side | 'invalid' | Parsed<Period>;

function monthSide(index: number, ce: number, warning?: Problem): Side {
  const m1 = index + 1;
  return { start: utcDate(ce, m1, 1), end: utcDate(ce, m1, daysInMonth(ce, m1)), warning };
}

function readSide(s: string, v: CellValue): SideResult {
  const c0 = s.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) {
    const nm = NUMERIC_MONTH_YEAR.exec(s);
    if (nm) {
      const m1 = Number(nm[1]);
      const y = yearFromText(nm[2], true);
      if (m1 < 1 || m1 > 12 || !y || !inRange(y.ce)) return 'invalid';
      return monthSide(m1 - 1, y.ce, y.ceInThaiText ? ceYearWarning(v, y.ce) : undefined);
    }
    const d = parseThaiDate(s);
    if (d.ok) return { start: d.value, end: d.value, warning: d.warning };
    // A readable but impossible date ('31 ก.พ. 2567') is reported as such.
    return d.problem.code === 'date-impossible' ? { ok: false, problem: d.problem } : 'invalid';
  }
  const m = MONTH_YEAR.exec(s);
  if (!m) return 'invalid';
  const month = monthFromText(m[1]);
  if (!month) return 'invalid';
  if (m[2] === undefined) return { start: new Date(NaN), end: new Date(NaN), bareMonth: month.index };
  const y = yearFromText(m[2], month.thai, /พ\.? ?ศ/.test(s) ? 'BE' : undefined);
  if (!y || !inRange(y.ce)) return 'invalid';
  return monthSide(month.index, y.ce, y.ceInThaiText ? ceYearWarning(v, y.ce) : undefined);
}

/** A month without a year inside the fiscal year (Oct–Dec belong to the year before). */
function monthInFiscalYear(index: number, fyBE: number): Side {
  const fyCE = fyBE - BE_OFFSET;
  return monthSide(index, index >= 9 ? fyCE - 1 : fyCE);
}

/** Splits 'A - B', 'A–B', 'A ถึง B' into its two sides; undefined when there is no range. */
function splitRange(s: string): [string, string] | undefined {
  let m = RANGE_WORD.exec(s);
  if (!m) m = SPACED_DASH.exec(s);
  if (m) return [s.slice(0, m.index).trim(), s.slice(m.index + m[0].length).trim()];
  const i = s.indexOf('-');
  if (i > 0 && s.indexOf('-', i + 1) < 0) return [s.slice(0, i).trim(), s.slice(i + 1).trim()];
  return undefined;
}

function isSide(r: SideResult): r is Side {
  return r !== 'invalid' && !('ok' in r);
}

function parseRange(a: string, b: string, v: CellValue, fyBE?: number): Parsed<Period> {
  const left = readSide(a, v);
  const right = readSide(b, v);
  if (!isSide(left)) return left === 'invalid' ? invalid(v) : left;
  if (!isSide(right)) return right === 'invalid' ? invalid(v) : right;
  let start: Side = left;
  let end: Side = right;
  if (right.bareMonth !== undefined) {
    if (fyBE === undefined) return left.bareMonth === undefined ? invalid(v) : needsYear(v);
    if (left.bareMonth === undefined) return invalid(v);
    start = monthInFiscalYear(left.bareMonth, fyBE);
    end = monthInFiscalYear(right.bareMonth, fyBE);
  } else if (left.bareMonth !== undefined) {
    // 'ตุลาคม - ธันวาคม 2566': the year on the right applies to both; 'ต.ค. - มี.ค. 2567' crosses
    // the year end, so October is the year before.
    const y = right.end.getUTCFullYear();
    start = monthSide(left.bareMonth, left.bareMonth > right.end.getUTCMonth() ? y - 1 : y);
  }
  if (start.start.getTime() > end.end.getTime()) return invalid(v);
  return ok({ start: start.start, end: end.end }, left.warning ?? right.warning);
}

/**
 * Reads the expected start period. `fiscalYearBE` (the form's fiscal year) places a quarter or
 * month written without a year; without it such a value is `period-needs-year`.
 */
export function parsePeriod(v: CellValue, fiscalYearBE?: number): Parsed<Period> {
  if (v === null || v === undefined) return blank();
  if (typeof v !== 'string') {
    const d = parseThaiDate(v);
    if (d.ok) return ok({ start: d.value, end: d.value }, d.warning);
    // A number or Date cell is a day or nothing: keep the date's explanation under the period code.
    return d.problem.code === 'date-invalid' ? fail('period-invalid', d.problem.th, d.problem.en) : d;
  }
  const s = normalizeSpaces(toArabicDigits(v)).replace(DASHES, '-');
  if (isEmptyValue(s)) return blank();

  const q = QUARTER.exec(s);
  if (q) {
    const n = Number(q[1]);
    if (q[2] === undefined) return fiscalYearBE === undefined ? needsYear(v) : ok(quarterRange(n, fiscalYearBE));
    const y = yearFromText(q[2], true);
    if (!y || !inRange(y.ce)) return invalid(v);
    return ok(quarterRange(n, y.ce + BE_OFFSET), y.ceInThaiText ? ceYearWarning(v, y.ce) : undefined);
  }
  const fy = WHOLE_YEAR.exec(s);
  if (fy) {
    const y = yearFromText(fy[1], true);
    if (!y || !inRange(y.ce)) return invalid(v);
    return ok(fiscalYearRange(y.ce + BE_OFFSET), y.ceInThaiText ? ceYearWarning(v, y.ce) : undefined);
  }

  const single = readSide(s, v);
  if (isSide(single)) {
    if (single.bareMonth === undefined) return ok({ start: single.start, end: single.end }, single.warning);
    if (fiscalYearBE === undefined) return needsYear(v);
    const side = monthInFiscalYear(single.bareMonth, fiscalYearBE);
    return ok({ start: side.start, end: side.end });
  }
  if (single !== 'invalid') return single;
  const parts = splitRange(s);
  return parts ? parseRange(parts[0], parts[1], v, fiscalYearBE) : invalid(v);
}
