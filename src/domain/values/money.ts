/**
 * Baht amounts: '1,234,567.50', '๑,๒๓๔ บาท', '฿1234567', '12,000.-', '45,800,-'. Never negative, two
 * decimals at most (more are rounded away with a warning).
 */
import type { CellValue } from '../grid';
import { fail, ok, warn, type Parsed } from './problem';
import { blank, isEmptyValue, quoteCell } from './blank';
import { normalizeSpaces, toArabicDigits } from './thaiDigits';

// Suffixes officers add after the number, removed one at a time from the end (longest first).
// ',-' closes an amount as '.-' does ('45,800,-'), as officers write it on cheques and forms.
const SUFFIX = /(?:\s*(?:บาทถ้วน|บาท|บ\.|thb|\.-|,-|-|=))$/i;
const COMMA = /,/g;

/** Rounds to satang; tolerant of float noise such as 0.1 + 0.2. */
function roundSatang(n: number): { value: number; lost: boolean } {
  const x = n * 100;
  const r = Math.round(x);
  // Noise of a few ulps is not a third decimal the officer typed.
  const lost = Math.abs(x - r) > Math.abs(x) * 4e-16 + 1e-7;
  return { value: r / 100, lost };
}

function invalid(v: CellValue): Parsed<number> {
  return fail(
    'money-invalid',
    `ไม่ใช่จำนวนเงิน: ${quoteCell(v)} (ให้กรอกเป็นตัวเลข เช่น 1,234,567.50)`,
    `Not an amount of money: ${quoteCell(v)} (write a number such as 1,234,567.50)`,
  );
}

function negative(v: CellValue): Parsed<number> {
  return fail('money-negative', `จำนวนเงินติดลบ: ${quoteCell(v)} จำนวนเงินต้องไม่น้อยกว่า 0`, `Negative amount: ${quoteCell(v)}; an amount cannot be below 0`);
}

function accept(n: number, v: CellValue): Parsed<number> {
  const { value, lost } = roundSatang(n);
  if (!lost) return ok(value);
  return ok(
    value,
    warn(
      'money-decimals',
      `จำนวนเงิน ${quoteCell(v)} มีทศนิยมเกิน 2 ตำแหน่ง ปัดเป็น ${formatMoney(value)}`,
      `The amount ${quoteCell(v)} has more than two decimals; rounded to ${formatMoney(value)}`,
    ),
  );
}

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * The amount in '1234567', '1,234,567.50' or '12.': digits with standard 3-digit grouping and an
 * optional fraction; NaN for anything else. Hand-scanned because it is the common case: the
 * digits are gathered as one integer and divided once, which rounds exactly like Number().
 */
function scanAmount(s: string): number {
  const n = s.length;
  let i = 0;
  let mant = 0;
  let run = 0;
  let grouped = false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (isAsciiDigit(c)) {
      mant = mant * 10 + (c - 48);
      run++;
    } else if (c === 44 /* , */) {
      if (run === 0 || (grouped ? run !== 3 : run > 3)) return NaN;
      grouped = true;
      run = 0;
    } else break;
  }
  if (run === 0 || (grouped && run !== 3)) return NaN;
  let scale = 1;
  if (i < n) {
    if (s.charCodeAt(i) !== 46 /* . */) return NaN;
    for (i++; i < n; i++) {
      const c = s.charCodeAt(i);
      if (!isAsciiDigit(c)) return NaN;
      mant = mant * 10 + (c - 48);
      scale *= 10;
    }
  }
  // Past 2^53 the running integer is inexact: let Number() read the text.
  if (mant > Number.MAX_SAFE_INTEGER) return Number(s.replace(COMMA, ''));
  return mant / scale;
}

const BAHT_SIGN = 0x0e3f; // ฿

function parseText(raw: string, v: CellValue): Parsed<number> {
  const plain = scanAmount(raw);
  if (!Number.isNaN(plain)) return accept(plain, v);
  let s = normalizeSpaces(toArabicDigits(raw));
  if (isEmptyValue(s)) return blank();
  let neg = false;
  if (s.charCodeAt(0) === 40 && s.charCodeAt(s.length - 1) === 41) {
    // (1,000): the accountants' negative.
    neg = true;
    s = s.slice(1, -1).trim();
  }
  if (s.charCodeAt(0) === BAHT_SIGN) s = s.slice(1).trimStart();
  const c0 = s.charCodeAt(0);
  if (c0 === 45 /* - */ || c0 === 0x2212 /* − */) {
    neg = true;
    s = s.slice(1).trimStart();
  }
  if (s.charCodeAt(0) === BAHT_SIGN) s = s.slice(1).trimStart();
  // Only a text that does not end in a digit can carry a suffix.
  for (let prev = ''; prev !== s && !isAsciiDigit(s.charCodeAt(s.length - 1)); ) {
    prev = s;
    s = s.replace(SUFFIX, '');
  }
  const n = scanAmount(s);
  if (!Number.isFinite(n)) return invalid(v);
  if (neg && n !== 0) return negative(v);
  return accept(n, v);
}

/** Reads a money cell; blank (or '-') gives code `blank`. */
export function parseMoney(v: CellValue): Parsed<number> {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return invalid(v);
    if (v < 0) return negative(v);
    return accept(v, v);
  }
  if (typeof v === 'string') return parseText(v, v);
  if (v === null || v === undefined) return blank();
  return invalid(v);
}

/** '1,234,567.50': always two decimals, en-US grouping, independent of the machine's locale. */
export function formatMoney(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const fixed = Math.abs(n).toFixed(2);
  const dot = fixed.length - 3;
  let int = fixed.slice(0, dot);
  if (int.length > 3) {
    let grouped = int.slice(0, ((int.length - 1) % 3) + 1);
    for (let i = grouped.length; i < int.length; i += 3) grouped += ',' + int.slice(i, i + 3);
    int = grouped;
  }
  const sign = n < 0 && fixed !== '0.00' ? '-' : '';
  return sign + int + fixed.slice(dot);
}
