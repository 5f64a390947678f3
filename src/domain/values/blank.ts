/** The one answer every parser gives for an empty cell (callers normally test blank first). */
import type { CellValue } from '../grid';
import { fail, quote, type Parsed } from './problem';
import { isPlaceholder } from './thaiDigits';

/** Empty, spaces only, or a placeholder such as '-' or '...'. */
export function isEmptyValue(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  return typeof v === 'string' && isPlaceholder(v);
}

export function blank<T>(): Parsed<T> {
  return fail('blank', 'ช่องนี้ว่าง ยังไม่ได้กรอกข้อมูล', 'The cell is empty');
}

/** quote() for any cell value: problem.ts's quote() throws on an invalid Date (toISOString). */
export function quoteCell(v: CellValue | undefined): string {
  return v instanceof Date && Number.isNaN(v.getTime()) ? quote('Invalid Date') : quote(v);
}
