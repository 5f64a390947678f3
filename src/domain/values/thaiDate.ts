/**
 * Dates as officers write them: '31 มี.ค. 2567', '31/3/67', '18 พ.ย. 68', Excel serials, Date cells.
 * A date is a JS Date at UTC midnight of the real (CE) day; พ.ศ. exists only in text.
 */
import type { CellValue } from '../grid';
import { fail, ok, warn, type Parsed, type Problem } from './problem';
import { blank, isEmptyValue, quoteCell } from './blank';
import { asciiLower, normalizeSpaces, toArabicDigits } from './thaiDigits';

export const BE_OFFSET = 543;
/** Years (BE) a value may carry; outside this it is a typing slip, not a date. */
export const MIN_BE_YEAR = 2400;
export const MAX_BE_YEAR = 2700;

export const THAI_MONTHS: readonly { readonly full: string; readonly abbr: string }[] = [
  { full: 'มกราคม', abbr: 'ม.ค.' },
  { full: 'กุมภาพันธ์', abbr: 'ก.พ.' },
  { full: 'มีนาคม', abbr: 'มี.ค.' },
  { full: 'เมษายน', abbr: 'เม.ย.' },
  { full: 'พฤษภาคม', abbr: 'พ.ค.' },
  { full: 'มิถุนายน', abbr: 'มิ.ย.' },
  { full: 'กรกฎาคม', abbr: 'ก.ค.' },
  { full: 'สิงหาคม', abbr: 'ส.ค.' },
  { full: 'กันยายน', abbr: 'ก.ย.' },
  { full: 'ตุลาคม', abbr: 'ต.ค.' },
  { full: 'พฤศจิกายน', abbr: 'พ.ย.' },
  { full: 'ธันวาคม', abbr: 'ธ.ค.' },
];

const ENGLISH_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
// Spoken short forms and the misspellings seen in real files.
const THAI_EXTRA: readonly (readonly string[])[] = [
  ['มกรา'],
  ['กุมภา', 'กุมภาพันธ'],
  ['มีนา'],
  ['เมษา'],
  ['พฤษภา'],
  ['มิถุนา'],
  ['กรกฎา', 'กรกฏาคม', 'กรกฏา'],
  ['สิงหา'],
  ['กันยา'],
  ['ตุลา'],
  ['พฤศจิกา', 'พฤศจิการยน'],
  ['ธันวา'],
];

export interface MonthName {
  /** 0-based month. */
  readonly index: number;
  /** Written in Thai (so a 2-digit year is BE and a CE year deserves a warning). */
  readonly thai: boolean;
}

// Key of a month word: no dots, spaces, dashes, slashes or commas; lower case; no 'เดือน'.
const MONTH_KEY_DROP = /[\s.\-/,]|เดือน/g;

const MONTHS = new Map<string, MonthName>();
THAI_MONTHS.forEach((m, index) => {
  const thai = { index, thai: true };
  for (const w of [m.full, m.abbr, ...THAI_EXTRA[index]]) MONTHS.set(w.replace(MONTH_KEY_DROP, ''), thai);
  // The usual spellings as written, so most lookups skip building a key.
  MONTHS.set(m.abbr, thai);
  MONTHS.set(m.abbr.slice(0, -1), thai);
});
ENGLISH_MONTHS.forEach((name, index) => {
  const en = { index, thai: false };
  MONTHS.set(name, en);
  MONTHS.set(name.slice(0, 3), en);
});
MONTHS.set('sept', { index: 8, thai: false });

/** The month a word names ('มี.ค.', 'มีค', 'ม. ค.', 'มีนาคม', 'Mar', 'March'), or undefined. */
export function monthFromText(text: string): MonthName | undefined {
  return MONTHS.get(text.trim()) ?? MONTHS.get(asciiLower(text.replace(MONTH_KEY_DROP, '')));
}

export const MS_DAY = 86_400_000;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m1: number, d: number): number {
  const yy = m1 <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m1 + (m1 > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * UTC midnight of a CE date (1-based month). Arithmetic rather than Date.UTC, which is several
 * times slower and maps years 0-99 to 1900-1999. Expects a real day and month.
 */
export function utcDate(y: number, m1: number, d: number): Date {
  return new Date(daysFromCivil(y, m1, d) * MS_DAY);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of a CE year (1-based month). */
export function daysInMonth(ceYear: number, m1: number): number {
  if (m1 === 2 && ceYear % 4 === 0 && (ceYear % 100 !== 0 || ceYear % 400 === 0)) return 29;
  return DAYS_IN_MONTH[m1 - 1];
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const MAX_SERIAL = 2_958_465; // 9999-12-31

/**
 * Excel 1900 system. Excel counts a 29 Feb 1900 that never was (serial 60), so serials below 60
 * are a day further from the epoch; serial 60 itself lands on 28 Feb. The time of day is dropped.
 */
export function excelSerialToDate(serial: number): Date {
  let days = Math.floor(serial);
  if (days < 60) days += 1;
  return new Date(EXCEL_EPOCH + days * MS_DAY);
}

export function dateToExcelSerial(d: Date): number {
  const days = Math.round((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - EXCEL_EPOCH) / MS_DAY);
  return days < 61 ? days - 1 : days;
}

export interface YearRead {
  readonly ce: number;
  /** A 4-digit CE year where Thai text leads one to expect BE. */
  readonly ceInThaiText: boolean;
}

/**
 * A written year: 2 digits are BE (67 → 2567) in Thai text, 20yy next to an English month;
 * 4 digits ≥ 2400 are BE, smaller ones CE. `era` forces the reading when the text says พ.ศ./ค.ศ.
 */
export function yearFromText(digits: string, thai: boolean, era?: 'BE' | 'CE'): YearRead | undefined {
  const ce = ceYear(Number(digits), digits.length, thai, era);
  return Number.isNaN(ce) ? undefined : { ce, ceInThaiText: ceInThaiText(Number(digits), digits.length, thai, era) };
}

/** yearFromText's reading without allocating: NaN unless 2 or 4 digits were written. */
function ceYear(y: number, len: number, thai: boolean, era?: 'BE' | 'CE'): number {
  if (len === 2) return era === 'CE' || (!thai && era !== 'BE') ? 2000 + y : 2500 + y - BE_OFFSET;
  if (len !== 4) return NaN;
  if (era === 'BE') return y - BE_OFFSET;
  return era === 'CE' || y < MIN_BE_YEAR ? y : y - BE_OFFSET;
}

function ceInThaiText(y: number, len: number, thai: boolean, era?: 'BE' | 'CE'): boolean {
  return len === 4 && thai && era === undefined && y < MIN_BE_YEAR;
}

export function ceYearWarning(v: CellValue, ce: number): Problem {
  return warn(
    'date-ce-year',
    `${quoteCell(v)} เขียนปีเป็น ค.ศ. ${ce} จึงถือเป็น พ.ศ. ${ce + BE_OFFSET} (ควรเขียนปีเป็น พ.ศ.)`,
    `${quoteCell(v)} gives the year as CE ${ce}; read as BE ${ce + BE_OFFSET} (write BE years)`,
  );
}

function invalid(v: CellValue, thHint = '', enHint = ''): Parsed<Date> {
  return fail(
    'date-invalid',
    `อ่านเป็นวันที่ไม่ได้: ${quoteCell(v)}${thHint || ' (ให้เขียน เช่น 31 มี.ค. 2567 หรือ 31/03/2567)'}`,
    `Not a date: ${quoteCell(v)}${enHint || ' (write e.g. 31 มี.ค. 2567 or 31/03/2567)'}`,
  );
}

function outOfRange(v: CellValue, beYear: number): Parsed<Date> {
  return invalid(
    v,
    ` เพราะปี พ.ศ. ${beYear} อยู่นอกช่วง พ.ศ. ${MIN_BE_YEAR}–${MAX_BE_YEAR}`,
    ` because BE year ${beYear} is outside BE ${MIN_BE_YEAR}–${MAX_BE_YEAR}`,
  );
}

function impossible(v: CellValue, th: string, en: string): Parsed<Date> {
  return fail('date-impossible', `ไม่มีวันที่นี้ในปฏิทิน: ${quoteCell(v)} (${th})`, `No such date: ${quoteCell(v)} (${en})`);
}

/** Checks day/month against the calendar and the year against the accepted range. */
function buildDate(v: CellValue, d: number, m1: number, ce: number, warning?: Problem): Parsed<Date> {
  if (m1 < 1 || m1 > 12) {
    const swap = d >= 1 && d <= 12 && m1 <= 31;
    return impossible(
      v,
      `ไม่มีเดือนที่ ${m1}${swap ? ' อาจสลับวันกับเดือน ให้เขียนแบบ วัน/เดือน/ปี' : ''}`,
      `there is no month ${m1}${swap ? '; day and month may be swapped (write day/month/year)' : ''}`,
    );
  }
  const be = ce + BE_OFFSET;
  if (be < MIN_BE_YEAR || be > MAX_BE_YEAR) return outOfRange(v, be);
  const dim = daysInMonth(ce, m1);
  if (d < 1 || d > dim) {
    const name = THAI_MONTHS[m1 - 1].full;
    return impossible(v, `เดือน${name} ${be} มี ${dim} วัน`, `${ENGLISH_MONTHS[m1 - 1]} ${ce} has ${dim} days`);
  }
  return ok(utcDate(ce, m1, d), warning);
}

/** A Date in range, or a BE year that Excel stored as CE (2567 → 2024) fixed with a warning. */
function checkDate(date: Date, v: CellValue): Parsed<Date> {
  const y = date.getUTCFullYear();
  const be = y + BE_OFFSET;
  if (be >= MIN_BE_YEAR && be <= MAX_BE_YEAR) return ok(date);
  if (y >= MIN_BE_YEAR && y <= MAX_BE_YEAR) {
    const fixed = utcDate(y - BE_OFFSET, date.getUTCMonth() + 1, date.getUTCDate());
    return ok(
      fixed,
      warn(
        'date-be-stored-as-ce',
        `วันที่ ${quoteCell(v)} ถูกเก็บเป็นปี ค.ศ. ${y} ซึ่งคือปี พ.ศ. ที่พิมพ์ลงเซลล์วันที่ จึงถือเป็น ${formatThaiDate(fixed)}`,
        `The date ${quoteCell(v)} is stored with year ${y}, a BE year typed into a date cell; read as ${fixed.toISOString().slice(0, 10)}`,
      ),
    );
  }
  return outOfRange(v, be);
}

function fromSerial(n: number, v: CellValue): Parsed<Date> {
  if (!Number.isFinite(n)) return invalid(v);
  if (Number.isInteger(n) && n >= 1900 && n <= MAX_BE_YEAR) {
    return invalid(v, ' ดูเหมือนเป็นปี ไม่ใช่วันที่ (ให้เขียนวันที่ให้ครบ เช่น 31 มี.ค. 2567)', ' it looks like a year, not a date (write a full date such as 31 มี.ค. 2567)');
  }
  if (n < 1 || n > MAX_SERIAL) {
    const eight = Number.isInteger(n) && n >= 10_000_000 && n <= 99_999_999;
    return eight
      ? invalid(v, ' ดูเหมือนเขียนวัน เดือน ปี ติดกันเป็นตัวเลข (ให้เขียน เช่น 31/03/2567)', ' it looks like a date written as digits run together (write e.g. 31/03/2567)')
      : invalid(v, ' ตัวเลขนี้ไม่ใช่วันที่ของ Excel', ' the number is not an Excel date');
  }
  return checkDate(excelSerialToDate(n), v);
}

const SERIAL_TEXT = /^\d+(?:\.\d+)?$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const MONTH_D_Y = /^([a-z]+)\.? (\d{1,2}),? (\d{4})$/i;
const PREFIX = /^(?:ณ ?)?วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)? ?ที่ ?/;
const TIME = / (?:เวลา ?)?\d{1,2}(?::\d{2}(?::\d{2})?|\.\d{2} ?(?=น))(?: ?น\.?| ?นาฬิกา)?$/;
const ERA_BE = /พ\.? ?ศ\.?$/;
const ERA_CE = /ค\.? ?ศ\.?$/;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The number written in s[from, to), all ASCII digits (checked by the caller). */
function digitsValue(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
}

/** True when the text may end with a time of day ('10:30', '10.30 น.'), so TIME is worth trying. */
function mayHaveTime(s: string): boolean {
  const last = s.charCodeAt(s.length - 1);
  return s.indexOf(':') >= 0 || last === 0x0e19 /* น */ || last === 0x0e32 /* า */ || last === 46;
}

/**
 * d/m/y with one separator ('/', '.', '-') used twice, optional single spaces around it, a day and
 * month of 1-2 digits and a year of 2 or 4: '31/03/2567', '31/3/67', '31.03.2567'. Hand-scanned
 * (no regex, no substrings): this is the commonest text date. undefined when the form differs.
 */
function scanDMY(s: string, dayLen: number, v: CellValue): Parsed<Date> | undefined {
  const n = s.length;
  let i = dayLen;
  if (s.charCodeAt(i) === 32) i++;
  const sep = s.charCodeAt(i);
  if (sep !== 47 && sep !== 46 && sep !== 45) return undefined;
  i++;
  if (s.charCodeAt(i) === 32) i++;
  const m0 = i;
  while (i < n && i - m0 < 3 && isDigit(s.charCodeAt(i))) i++;
  const mLen = i - m0;
  if (mLen < 1 || mLen > 2) return undefined;
  const month = digitsValue(s, m0, i);
  if (s.charCodeAt(i) === 32) i++;
  if (s.charCodeAt(i) !== sep) return undefined;
  i++;
  if (s.charCodeAt(i) === 32) i++;
  const y0 = i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  if (i !== n) return undefined;
  const yLen = n - y0;
  const y = digitsValue(s, y0, n);
  const ce = ceYear(y, yLen, true);
  if (Number.isNaN(ce)) return invalid(v);
  return buildDate(v, digitsValue(s, 0, dayLen), month, ce, ceInThaiText(y, yLen, true) ? ceYearWarning(v, ce) : undefined);
}

/** 'd <month word> y': '31 มี.ค. 2567', '31มี.ค.67', 'วันที่ 31 มีนาคม พ.ศ. 2567' (prefix gone), '31-Mar-2024'. */
function scanDayMonthYear(s: string, dayLen: number, v: CellValue): Parsed<Date> | undefined {
  let j = s.length;
  while (j > dayLen && isDigit(s.charCodeAt(j - 1))) j--;
  const yLen = s.length - j;
  if (yLen !== 2 && yLen !== 4) return undefined;
  let word = s.slice(dayLen, j);
  let era: 'BE' | 'CE' | undefined;
  if (word.indexOf('ศ') >= 0) {
    word = word.trim();
    if (ERA_BE.test(word)) {
      era = 'BE';
      word = word.replace(ERA_BE, '');
    } else if (ERA_CE.test(word)) {
      era = 'CE';
      word = word.replace(ERA_CE, '');
    }
  }
  const month = monthFromText(word);
  if (!month) return undefined;
  const y = digitsValue(s, j, s.length);
  const ce = ceYear(y, yLen, month.thai, era);
  return buildDate(v, digitsValue(s, 0, dayLen), month.index + 1, ce, ceInThaiText(y, yLen, month.thai, era) ? ceYearWarning(v, ce) : undefined);
}

function parseDateText(raw: string, v: CellValue): Parsed<Date> {
  let s = normalizeSpaces(toArabicDigits(raw));
  if (isEmptyValue(s)) return blank();
  let k = 0;
  while (k < s.length && isDigit(s.charCodeAt(k))) k++;
  if (k >= 3 && SERIAL_TEXT.test(s)) return fromSerial(Number(s), v);
  if (k === 0) {
    s = s.replace(PREFIX, '');
    k = 0;
    while (k < 3 && isDigit(s.charCodeAt(k))) k++;
  }
  if (mayHaveTime(s)) s = s.replace(TIME, '');

  if (k === 4 && s.charCodeAt(4) === 45 /* - */) {
    const m = ISO.exec(s);
    if (!m) return invalid(v);
    // yyyy-mm-dd is a machine format: CE, unless the year is plainly BE.
    const y = Number(m[1]);
    return buildDate(v, Number(m[3]), Number(m[2]), y >= MIN_BE_YEAR ? y - BE_OFFSET : y);
  }
  if (k === 1 || k === 2) return scanDMY(s, k, v) ?? scanDayMonthYear(s, k, v) ?? invalid(v);
  if (k === 0) {
    const m = MONTH_D_Y.exec(s);
    const month = m ? monthFromText(m[1]) : undefined;
    if (m && month) return buildDate(v, Number(m[2]), month.index + 1, Number(m[3]));
  }
  return invalid(v);
}

/** Reads a date cell: Date, Excel serial, or text in the forms Thai officers write. */
export function parseThaiDate(v: CellValue): Parsed<Date> {
  if (v instanceof Date) {
    const t = v.getTime();
    if (Number.isNaN(t)) return invalid(v);
    const day = t % MS_DAY === 0 ? v : new Date(t - (((t % MS_DAY) + MS_DAY) % MS_DAY));
    return checkDate(day, v);
  }
  if (typeof v === 'number') return fromSerial(v, v);
  if (typeof v === 'string') return parseDateText(v, v);
  if (v === null || v === undefined) return blank();
  return invalid(v);
}

/** '31 มี.ค. 2567' (short) or '31 มีนาคม 2567' (long), from the UTC date. */
export function formatThaiDate(d: Date, style: 'short' | 'long' = 'short'): string {
  if (Number.isNaN(d.getTime())) return '';
  const m = THAI_MONTHS[d.getUTCMonth()];
  return `${d.getUTCDate()} ${style === 'long' ? m.full : m.abbr} ${d.getUTCFullYear() + BE_OFFSET}`;
}

/** BE fiscal year of a date: FY N runs 1 Oct (N-1) to 30 Sep N. */
export function fiscalYearOf(d: Date): number {
  const y = d.getUTCFullYear();
  return (d.getUTCMonth() >= 9 ? y + 1 : y) + BE_OFFSET;
}

/** First and last day (inclusive) of a BE fiscal year. */
export function fiscalYearRange(fyBE: number): { start: Date; end: Date } {
  const ce = fyBE - BE_OFFSET;
  return { start: utcDate(ce - 1, 10, 1), end: utcDate(ce, 9, 30) };
}

const FY_PREFIX = /^(?:(?:ประจำ)?ปี ?งบ(?:ประมาณ|ฯ|\.)?|ประจำปี|ปี|fy|งบประมาณ) ?/i;
const ERA_PREFIX = /^(?:พ\.? ?ศ\.?|ค\.? ?ศ\.?) ?/;
const YEAR_DIGITS = /^\d{4}$|^\d{2}$/;

function fiscalYearFromNumber(y: number, v: CellValue): Parsed<number> {
  if (Number.isInteger(y)) {
    if (y >= MIN_BE_YEAR && y <= MAX_BE_YEAR) return ok(y);
    if (y >= 2000 && y <= 2100) {
      return ok(
        y + BE_OFFSET,
        warn(
          'fiscal-year-ce',
          `ปีงบประมาณ ${quoteCell(v)} เขียนเป็น ค.ศ. จึงถือเป็นปีงบประมาณ พ.ศ. ${y + BE_OFFSET}`,
          `Fiscal year ${quoteCell(v)} is a CE year; read as BE ${y + BE_OFFSET}`,
        ),
      );
    }
  }
  return fail(
    'fiscal-year-invalid',
    `อ่านเป็นปีงบประมาณไม่ได้: ${quoteCell(v)} (ให้เขียนปี พ.ศ. เช่น 2567)`,
    `Not a fiscal year: ${quoteCell(v)} (write the BE year, e.g. 2567)`,
  );
}

/** '2567', '๒๕๖๗', 2567, 'ปีงบประมาณ 2567', 'พ.ศ. 2567' → 2567; CE years converted with a warning. */
export function parseFiscalYear(v: CellValue): Parsed<number> {
  if (typeof v === 'number') return fiscalYearFromNumber(v, v);
  if (v === null || v === undefined) return blank();
  if (typeof v !== 'string') return fiscalYearFromNumber(NaN, v);
  let s = normalizeSpaces(toArabicDigits(v));
  if (isEmptyValue(s)) return blank();
  s = s.replace(FY_PREFIX, '').replace(ERA_PREFIX, '');
  if (!YEAR_DIGITS.test(s)) return fiscalYearFromNumber(NaN, v);
  // 'ปีงบ 67': a two-digit fiscal year is BE.
  return fiscalYearFromNumber(s.length === 2 ? 2500 + Number(s) : Number(s), v);
}

const ISO_STRICT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Strict 'YYYY-MM-DD' (CE) for command-line flags; null when malformed or impossible. */
export function parseIsoDate(s: string): Date | null {
  const m = ISO_STRICT.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return utcDate(y, mo, d);
}
