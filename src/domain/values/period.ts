/**
 * o14's "ช่วงเวลาที่คาดว่าจะเริ่มดำเนินการ": a day, a month, a range of months or a fiscal
 * quarter, read as the inclusive span of days it covers.
 * Internally a side of a range is a pair of day numbers (days since 1970-01-01): Dates are made
 * only for the answer, as Date construction dominated the cost of this column.
 */
import type { CellValue } from '../grid';
import { fail, ok, type Parsed, type Problem } from './problem';
import { blank, isEmptyValue, quoteCell } from './blank';
import { normalizeSpaces, toArabicDigits } from './thaiDigits';
import {
  BE_OFFSET,
  MAX_BE_YEAR,
  MIN_BE_YEAR,
  MS_DAY,
  ceYearWarning,
  daysFromCivil,
  daysInMonth,
  fiscalYearRange,
  monthFromText,
  parseThaiDate,
  yearFromText,
} from './thaiDate';

export interface Period {
  readonly start: Date;
  readonly end: Date;
}

const DASHES = /[\u2010-\u2015\u2212~]/g;
const QUARTER = /^(?:ไตรมาส ?(?:ที่)? ?|q ?)([1-4])(?: ?(?:\/|ของ)? ?(?:ปี ?งบ(?:ประมาณ|ฯ|\.)?|ปี)? ?(?:พ\.? ?ศ\.? ?)?(\d{4}|\d{2}))?$/i;
/** "ตลอดปีงบประมาณ", "ตลอดปี": the whole fiscal year of the sheet (measures tables write it so). */
const WHOLE_YEAR_NO_NUMBER = /^ตลอด ?(?:ปี ?งบ(?:ประมาณ|ฯ|\.)?|ปี|ทั้งปี)$/;
/** "ทุกเดือน", "ทุกไตรมาส", "ทั้งปี": something done all year round is the whole fiscal year. */
const ALL_YEAR_ROUND = /^(?:ทุก ?(?:เดือน|ไตรมาส)|ทั้ง ?ปี(?: ?งบ(?:ประมาณ|ฯ|\.)?)?|รายเดือน|รายไตรมาส)$/;
/** "ไตรมาส ๑-๔", "ไตรมาสที่ 2 - 3 / 2567": quarters a to b. */
const QUARTER_RANGE = /^(?:ไตรมาส ?(?:ที่)? ?|q ?)([1-4]) ?- ?(?:ไตรมาส ?(?:ที่)? ?|q ?)?([1-4])(?: ?(?:\/|ของ)? ?(?:ปี ?งบ(?:ประมาณ|ฯ|\.)?|ปี)? ?(?:พ\.? ?ศ\.? ?)?(\d{4}|\d{2}))?$/i;
/** "ภายในเดือนมีนาคม 2567", "ประมาณเดือน ต.ค. 66": the words around a month say when, not another period. */
const MONTH_LEAD = /^(?:(?:ภายใน|ประมาณ|ช่วง|ตั้งแต่) ?)?(?:เดือน ?)/;
const BY_LEAD = /^(?:ภายใน|ประมาณ|ช่วง) ?/;
const WHOLE_YEAR = /^(?:ตลอด ?)?ปี ?งบ(?:ประมาณ|ฯ|\.)? ?(?:พ\.? ?ศ\.? ?)?(\d{4}|\d{2})$/;
const NUMERIC_MONTH_YEAR = /^(\d{1,2}) ?[/.-] ?(\d{4}|\d{2})$/;
const ERA_BE_TAIL = /พ\.? ?ศ\.?$/;
const RANGE_WORD = / ?(?:จนถึง|ถึง) ?| to /i;
const SPACED_DASH = / - /;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

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
  return span(monthSpan(year, startMonth - 1).start, monthSpan(year, startMonth + 1).end);
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

function inRange(ce: number): boolean {
  const be = ce + BE_OFFSET;
  return be >= MIN_BE_YEAR && be <= MAX_BE_YEAR;
}

/** One side of a period, in day numbers; a month written without its year has no days yet. */
interface Side {
  readonly start: number;
  readonly end: number;
  /** CE year and 0-based month of the last day (to place a yearless month before it). */
  readonly year: number;
  readonly month: number;
  /** Set when the side is a month without a year. */
  readonly bareMonth?: number;
  readonly warning?: Problem;
}

type SideResult = Side | 'invalid' | Parsed<Period>;

function monthSpan(ce: number, index: number, warning?: Problem): Side {
  const m1 = index + 1;
  const first = daysFromCivil(ce, m1, 1);
  return { start: first, end: first + daysInMonth(ce, m1) - 1, year: ce, month: index, warning };
}

function span(start: number, end: number): Period {
  return { start: new Date(start * MS_DAY), end: new Date(end * MS_DAY) };
}

function readSide(s: string, v: CellValue): SideResult {
  const n = s.length;
  let j = n;
  while (j > 0 && isDigit(s.charCodeAt(j - 1))) j--;
  if (isDigit(s.charCodeAt(0))) {
    const nm = NUMERIC_MONTH_YEAR.exec(s);
    if (nm) {
      const m1 = Number(nm[1]);
      const y = yearFromText(nm[2], true);
      if (m1 < 1 || m1 > 12 || !y || !inRange(y.ce)) return 'invalid';
      return monthSpan(y.ce, m1 - 1, y.ceInThaiText ? ceYearWarning(v, y.ce) : undefined);
    }
    const d = parseThaiDate(s);
    if (d.ok) {
      const day = Math.floor(d.value.getTime() / MS_DAY);
      return { start: day, end: day, year: d.value.getUTCFullYear(), month: d.value.getUTCMonth(), warning: d.warning };
    }
    // A readable but impossible date ('31 ก.พ. 2567') is reported as such.
    return d.problem.code === 'date-impossible' ? { ok: false, problem: d.problem } : 'invalid';
  }
  // '<month word> [พ.ศ.] [year]': the year is the trailing digits, if any.
  const yLen = n - j;
  if (yLen !== 0 && yLen !== 2 && yLen !== 4) return 'invalid';
  // A digit before the year means more than one month and year ('ต.ค. 66 - ธ.ค. 66').
  for (let i = 0; i < j; i++) if (isDigit(s.charCodeAt(i))) return 'invalid';
  let word = s.slice(0, j);
  let era: 'BE' | undefined;
  if (word.indexOf('ศ') >= 0) {
    word = word.trim();
    if (!ERA_BE_TAIL.test(word)) return 'invalid';
    era = 'BE';
    word = word.replace(ERA_BE_TAIL, '');
  }
  const month = monthFromText(word);
  if (!month) return 'invalid';
  if (yLen === 0) return { start: NaN, end: NaN, year: NaN, month: month.index, bareMonth: month.index };
  const y = yearFromText(s.slice(j), month.thai, era);
  if (!y || !inRange(y.ce)) return 'invalid';
  return monthSpan(y.ce, month.index, y.ceInThaiText ? ceYearWarning(v, y.ce) : undefined);
}

/** A month without a year inside the fiscal year (Oct–Dec belong to the year before). */
function monthInFiscalYear(index: number, fyBE: number): Side {
  const fyCE = fyBE - BE_OFFSET;
  return monthSpan(index >= 9 ? fyCE - 1 : fyCE, index);
}

/** Splits 'A - B', 'A–B', 'A ถึง B' into its two sides; undefined when there is no range. */
function splitRange(s: string): [string, string] | undefined {
  let m = s.indexOf('ถึง') >= 0 ? RANGE_WORD.exec(s) : null;
  if (!m) m = s.indexOf(' to ') >= 0 ? RANGE_WORD.exec(s) : SPACED_DASH.exec(s);
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
  if (!isSide(left)) return left === 'invalid' ? invalid(v) : left;
  const right = readSide(b, v);
  if (!isSide(right)) return right === 'invalid' ? invalid(v) : right;
  let start: Side = left;
  let end: Side = right;
  if (right.bareMonth !== undefined) {
    if (left.bareMonth === undefined) return invalid(v);
    if (fyBE === undefined) return needsYear(v);
    start = monthInFiscalYear(left.bareMonth, fyBE);
    end = monthInFiscalYear(right.bareMonth, fyBE);
  } else if (left.bareMonth !== undefined) {
    // 'ตุลาคม - ธันวาคม 2566': the year on the right applies to both; 'ต.ค. - มี.ค. 2567' crosses
    // the year end, so October is the year before.
    start = monthSpan(left.bareMonth > right.month ? right.year - 1 : right.year, left.bareMonth);
  }
  if (start.start > end.end) return invalid(v);
  return ok(span(start.start, end.end), left.warning ?? right.warning);
}

/** True when the text holds a dash other than '-' (or '~'), which DASHES would unify. */
function hasOtherDash(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 126) return true;
  }
  return false;
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
  let s = normalizeSpaces(toArabicDigits(v));
  if (hasOtherDash(s)) s = s.replace(DASHES, '-');
  if (isEmptyValue(s)) return blank();

  if (ALL_YEAR_ROUND.test(s)) return fiscalYearBE === undefined ? needsYear(v) : ok(fiscalYearRange(fiscalYearBE));
  // Leading words ("ภายในเดือน…") only say when within the month: the month is the period.
  if (MONTH_LEAD.test(s) || BY_LEAD.test(s)) {
    const rest = s.replace(MONTH_LEAD, '').replace(BY_LEAD, '').trim();
    if (rest && rest !== s) {
      const r = parsePeriod(rest, fiscalYearBE);
      return r.ok ? r : r.problem.code === 'period-needs-year' ? needsYear(v) : invalid(v);
    }
  }
  const c0 = s.charCodeAt(0);
  if (c0 === 0x0e44 /* ไ */ || c0 === 81 || c0 === 113 /* Q q */) {
    const qr = QUARTER_RANGE.exec(s);
    if (qr) {
      const a = Number(qr[1]);
      const b = Number(qr[2]);
      if (a > b) return invalid(v);
      let fy = fiscalYearBE;
      let warning: Problem | undefined;
      if (qr[3] !== undefined) {
        const y = yearFromText(qr[3], true);
        if (!y || !inRange(y.ce)) return invalid(v);
        fy = y.ce + BE_OFFSET;
        warning = y.ceInThaiText ? ceYearWarning(v, y.ce) : undefined;
      }
      if (fy === undefined) return needsYear(v);
      return ok({ start: quarterRange(a, fy).start, end: quarterRange(b, fy).end }, warning);
    }
    const q = QUARTER.exec(s);
    if (q) {
      const n = Number(q[1]);
      if (q[2] === undefined) return fiscalYearBE === undefined ? needsYear(v) : ok(quarterRange(n, fiscalYearBE));
      const y = yearFromText(q[2], true);
      if (!y || !inRange(y.ce)) return invalid(v);
      return ok(quarterRange(n, y.ce + BE_OFFSET), y.ceInThaiText ? ceYearWarning(v, y.ce) : undefined);
    }
  }
  if (c0 === 0x0e1b /* ป */ || c0 === 0x0e15 /* ต */) {
    if (WHOLE_YEAR_NO_NUMBER.test(s)) return fiscalYearBE === undefined ? needsYear(v) : ok(fiscalYearRange(fiscalYearBE));
    const fy = WHOLE_YEAR.exec(s);
    if (fy) {
      const y = yearFromText(fy[1], true);
      if (!y || !inRange(y.ce)) return invalid(v);
      return ok(fiscalYearRange(y.ce + BE_OFFSET), y.ceInThaiText ? ceYearWarning(v, y.ce) : undefined);
    }
  }

  const single = readSide(s, v);
  if (isSide(single)) {
    if (single.bareMonth === undefined) return ok(span(single.start, single.end), single.warning);
    if (fiscalYearBE === undefined) return needsYear(v);
    const side = monthInFiscalYear(single.bareMonth, fiscalYearBE);
    return ok(span(side.start, side.end));
  }
  if (single !== 'invalid') return single;
  const parts = splitRange(s);
  return parts ? parseRange(parts[0], parts[1], v, fiscalYearBE) : invalid(v);
}
