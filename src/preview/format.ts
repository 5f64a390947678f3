/**
 * How the preview grid shows a cell, close enough to Excel for a reader to trust it: dates in the
 * Buddhist Era (the BE number format), money with two decimals, text as typed. And how typed text
 * becomes a value (plain numbers become numbers, as Excel does; everything else stays text, so the
 * check sees what an officer's typing really produces).
 */
import type { CellValue } from '../domain/grid';
import { formatMoney } from '../domain/values/money';
import { formatThaiDate } from '../domain/values/thaiDate';

export function cellDisplay(v: CellValue | undefined, numFmt: string | undefined, forEditing: boolean): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return formatThaiDate(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') {
    if (forEditing) return String(v);
    if (numFmt && /#,##0\.00/.test(numFmt)) return formatMoney(v);
    if (numFmt && /#,##0/.test(numFmt)) return v.toLocaleString('en-US', { maximumFractionDigits: 0 });
    return String(v);
  }
  return v;
}

export function isRightAligned(v: CellValue | undefined): boolean {
  return typeof v === 'number' || v instanceof Date;
}

const PLAIN_NUMBER = /^-?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/;

/** A typed text as a cell value; a date left as it was shown keeps its real date. */
export function parseTyped(text: string, before: CellValue): CellValue {
  if (before instanceof Date && text === formatThaiDate(before)) return before;
  const s = text.trim();
  if (s === '') return null;
  if (PLAIN_NUMBER.test(s)) return Number(s.replace(/,/g, ''));
  return text;
}
