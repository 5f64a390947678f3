/**
 * Thai tax ID / citizen ID: 13 digits with a mod-11 check digit (as python-stdnum's th.tin).
 * Consortium IDs ('D888869001507') and PDPA-masked IDs ('899680900xxxx') are real and accepted
 * with a warning, not reported as checksum errors.
 */
import type { CellValue } from '../grid';
import { fail, ok, warn, type Parsed } from './problem';
import { blank, isEmptyValue, quoteCell } from './blank';
import { toArabicDigits } from './thaiDigits';

export type TaxIdKind = 'juristic' | 'personal' | 'consortium' | 'masked';

export interface TaxId {
  readonly id: string;
  readonly kind: TaxIdKind;
}

const SEPARATORS = /[\s\-.\u2010-\u2015\u2212\u200B-\u200D\uFEFF]/g;
const DIGITS13 = /^\d{13}$/;
const ALL_DIGITS = /^\d+$/;
const CONSORTIUM = /^[A-Za-z]\d{12}$/;
// Trailing mask of at most 4 ('899680900xxxx'), or the middle of a 13-character ID masked with
// its first and last digits kept ('3-1020-xxxxx-xx-1'), as PDPA-minded agencies publish them.
const MASKED_TAIL = /^\d{9,12}[xX*]{1,4}$/;
const MASKED_MIDDLE = /^(?=(?:.*\d){4})\d[\dxX*]{11}\d$/;
const MASK_CHAR = /[X*]/g;

function isSeparator(c: number): boolean {
  return (
    c === 45 || c === 32 || c === 46 || c === 0xa0 || c <= 13 || (c >= 0x2010 && c <= 0x2015) || c === 0x2212 || (c >= 0x200b && c <= 0x200d) || c === 0xfeff
  );
}

const LONG = 64;

/** Thai digits → ASCII; dashes, spaces and dots removed. Hand-scanned: it runs on every ID cell. */
export function compactTaxId(s: string): string {
  const n = s.length;
  if (n > LONG) return toArabicDigits(s).replace(SEPARATORS, '');
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (isSeparator(c) || (c >= 0x0e50 && c <= 0x0e59)) break;
  }
  if (i === n) return s;
  const codes: number[] = [];
  for (let j = 0; j < n; j++) {
    const c = s.charCodeAt(j);
    if (isSeparator(c)) continue;
    codes.push(c >= 0x0e50 && c <= 0x0e59 ? c - 0x0e50 + 48 : c);
  }
  return String.fromCharCode.apply(null, codes);
}

/** The 13th digit for the first 12: (11 − Σ d[i]·(13−i) mod 11) mod 10. */
export function taxIdCheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (first12.charCodeAt(i) - 48) * (13 - i);
  return (11 - (sum % 11)) % 10;
}

function checked(id: string, v: CellValue, leadingZeroLost: boolean): Parsed<TaxId> {
  const expected = taxIdCheckDigit(id);
  if (expected !== id.charCodeAt(12) - 48) {
    return fail(
      'tax-id-checksum',
      `เลขประจำตัวผู้เสียภาษี ${quoteCell(v)} ไม่ถูกต้อง: หลักสุดท้าย (เลขตรวจสอบ) ควรเป็น ${expected} แต่เขียนไว้ ${id[12]} กรุณาตรวจสอบว่าพิมพ์ตัวเลขถูกต้อง`,
      `Tax ID ${quoteCell(v)} is wrong: the check digit should be ${expected}, not ${id[12]}; check the digits`,
    );
  }
  const kind: TaxIdKind = id.charCodeAt(0) === 48 ? 'juristic' : 'personal';
  if (!leadingZeroLost) return ok({ id, kind });
  return ok(
    { id, kind },
    warn(
      'tax-id-leading-zero',
      `เลขประจำตัวผู้เสียภาษี ${quoteCell(v)} มี 12 หลัก เลข 0 ตัวหน้าหายไป (เซลล์เป็นตัวเลข) จึงเติมเป็น ${formatTaxId(id)} ควรจัดรูปแบบเซลล์เป็นข้อความ`,
      `Tax ID ${quoteCell(v)} has 12 digits: its leading 0 was lost (a number cell); read as ${formatTaxId(id)}. Format the cell as text`,
    ),
  );
}

function wrongLength(v: CellValue, count: number): Parsed<TaxId> {
  return fail(
    'tax-id-length',
    `เลขประจำตัวผู้เสียภาษี ${quoteCell(v)} มี ${count} หลัก ต้องมี 13 หลัก`,
    `Tax ID ${quoteCell(v)} has ${count} digits; it must have 13`,
  );
}

function invalid(v: CellValue): Parsed<TaxId> {
  return fail(
    'tax-id-invalid',
    `ไม่ใช่เลขประจำตัวผู้เสียภาษี: ${quoteCell(v)} (ต้องเป็นตัวเลข 13 หลัก เช่น 0-1055-43008-21-9)`,
    `Not a tax ID: ${quoteCell(v)} (13 digits, e.g. 0-1055-43008-21-9)`,
  );
}

function fromNumber(n: number): Parsed<TaxId> {
  if (!Number.isInteger(n) || n < 0) return invalid(n);
  const s = String(n);
  if (!ALL_DIGITS.test(s)) return invalid(n); // 1e+21 and beyond
  if (s.length === 13) return checked(s, n, false);
  if (s.length === 12) return checked('0' + s, n, true);
  return wrongLength(n, s.length);
}

/** Reads a tax ID or citizen ID cell; kind says which sort of ID it is. */
export function parseTaxId(v: CellValue): Parsed<TaxId> {
  if (typeof v === 'number') return fromNumber(v);
  if (v === null || v === undefined) return blank();
  if (typeof v !== 'string') return invalid(v);
  if (isEmptyValue(v)) return blank();
  const c = compactTaxId(v);
  if (DIGITS13.test(c)) return checked(c, v, false);
  if (ALL_DIGITS.test(c)) return wrongLength(v, c.length);
  if (CONSORTIUM.test(c)) {
    const id = c[0].toUpperCase() + c.slice(1);
    return ok(
      { id, kind: 'consortium' },
      warn(
        'tax-id-consortium',
        `${quoteCell(v)} เป็นเลขของกิจการร่วมค้า/ค้าร่วม (ขึ้นต้นด้วยตัวอักษร) ไม่ใช่เลข 13 หลักตามปกติ จึงไม่ได้ตรวจเลขตรวจสอบ`,
        `${quoteCell(v)} is a consortium / joint venture ID (starts with a letter), not a normal 13-digit ID; its check digit was not verified`,
      ),
    );
  }
  if (MASKED_TAIL.test(c) || MASKED_MIDDLE.test(c)) {
    return ok(
      { id: c.replace(MASK_CHAR, 'x'), kind: 'masked' },
      warn(
        'tax-id-masked',
        `เลขประจำตัวผู้เสียภาษี ${quoteCell(v)} ถูกปิดบังบางหลัก จึงตรวจความถูกต้องไม่ได้`,
        `Tax ID ${quoteCell(v)} is partly masked, so it cannot be verified`,
      ),
    );
  }
  return invalid(v);
}

/** '0-1055-43008-21-9' for 13 digits (the layout on Thai ID cards); other forms unchanged. */
export function formatTaxId(id: string): string {
  if (!DIGITS13.test(id)) return id;
  return `${id[0]}-${id.slice(1, 5)}-${id.slice(5, 10)}-${id.slice(10, 12)}-${id[12]}`;
}
