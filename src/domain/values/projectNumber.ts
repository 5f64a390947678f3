/** e-GP project number (เลขที่โครงการ): 11 digits, the first two the BE year ('67039549408'). */
import type { CellValue } from '../grid';
import { fail, ok, type Parsed } from './problem';
import { blank, isEmptyValue, quoteCell } from './blank';
import { toArabicDigits } from './thaiDigits';

const SEPARATORS = /[\s\-\u2010-\u2015\u2212\u200B-\u200D\uFEFF]/g;
const ELEVEN = /^\d{11}$/;
const DIGIT = /\d/g;

function invalid(v: CellValue, digits: number): Parsed<string> {
  return fail(
    'project-number-invalid',
    `เลขที่โครงการ ${quoteCell(v)} ไม่ถูกต้อง: มี ${digits} หลัก ต้องเป็นตัวเลข 11 หลักจากระบบ e-GP (เช่น 67039549408)`,
    `Project number ${quoteCell(v)} is wrong: it has ${digits} digits; an e-GP project number is 11 digits (e.g. 67039549408)`,
  );
}

/** Reads a project number; numbers are fine (11 digits never start with 0: the year leads). */
export function parseProjectNumber(v: CellValue): Parsed<string> {
  if (v === null || v === undefined) return blank();
  let s: string;
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 0) return invalid(v, String(v).match(DIGIT)?.length ?? 0);
    s = String(v);
  } else if (typeof v === 'string') {
    if (isEmptyValue(v)) return blank();
    s = toArabicDigits(v).replace(SEPARATORS, '');
  } else {
    return invalid(v, 0);
  }
  if (ELEVEN.test(s)) return ok(s);
  return invalid(v, s.match(DIGIT)?.length ?? 0);
}

/** The BE year a project number starts with: '67…' → 2567. */
export function projectNumberYear(id: string): number {
  return 2500 + Number(toArabicDigits(id).slice(0, 2));
}
