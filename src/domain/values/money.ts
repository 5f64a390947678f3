/**
 * Baht amounts: '1,234,567.50', '๑,๒๓๔ บาท', '฿1234567', '12,000.-'. Never negative, two
 * decimals at most (more are rounded away with a warning).
 */
import type { CellValue } from '../grid';
import { fail, ok, warn, type Parsed } from './problem';
import { blank, isEmptyValue, quoteCell } from './blank';
import { normalizeSpaces, toArabicDigits } from './thaiDigits';

// Suffixes officers add after the number, removed one at a time from the end (longest first).
const SUFFIX = /(?:\s*(?:บาทถ้วน|บาท|บ\.|thb|\.-|-|=))$/i;
// Plain digits, or standard 3-digit grouping; then an optional fraction.
const AMOUNT = /^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d*)?$/;
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

/** True for '123' or '123.45' in ASCII: the common case, parsed without regexes. */
function plainAscii(s: string): boolean {
  let dot = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 && !dot && i > 0) dot = true;
    else if (c < 48 || c > 57) return false;
  }
  return s.length > 0;
}

function parseText(raw: string, v: CellValue): Parsed<number> {
  if (plainAscii(raw)) return accept(Number(raw), v);
  let s = normalizeSpaces(toArabicDigits(raw));
  if (isEmptyValue(s)) return blank();
  let neg = false;
  if (s.charCodeAt(0) === 40 && s.charCodeAt(s.length - 1) === 41) {
    // (1,000): the accountants' negative.
    neg = true;
    s = s.slice(1, -1).trim();
  }
  if (s[0] === '฿') s = s.slice(1).trimStart();
  if (s[0] === '-' || s[0] === '−') {
    neg = true;
    s = s.slice(1).trimStart();
  }
  if (s[0] === '฿') s = s.slice(1).trimStart();
  // Only a text that does not end in a digit can carry a suffix.
  for (let prev = ''; prev !== s && !isAsciiDigit(s.charCodeAt(s.length - 1)); ) {
    prev = s;
    s = s.replace(SUFFIX, '');
  }
  if (!AMOUNT.test(s)) return invalid(v);
  const n = Number(s.indexOf(',') < 0 ? s : s.replace(COMMA, ''));
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
