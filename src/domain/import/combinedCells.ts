/**
 * สขร.1 puts two facts in one cell. The winner cell: "ห้างหุ้นส่วนจำกัด สีคิ้วก่อสร้าง ราคา 2,390,000 บาท"
 * (name + agreed price, sometimes the tax ID). The contract cell: "สัญญาเลขที่ 12/2567 ลงวันที่
 * 15 ม.ค. 2567" or "ใบสั่งซื้อเลขที่ 45/2567 ลว. 3 พ.ย. 66" (number + signing date). These split them.
 */
import { parseMoney } from '../values/money';
import { parseThaiDate } from '../values/thaiDate';
import { compactTaxId } from '../values/taxId';
import { normalizeSpaces, toArabicDigits } from '../values/thaiDigits';
import type { Problem } from '../values/problem';
import { BAHT_WORDS, CONTRACT_DATE_WORDS, PRICE_WORDS } from './monthlyColumns';

export interface WinnerCell {
  readonly winner?: string;
  readonly price?: number;
  readonly taxId?: string;
}

const AMOUNT = /\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?/g;
// 13 digits, maybe grouped with dashes or spaces as on an ID card: 0-1055-43008-21-9.
const ID_LIKE = /(?:เลขประจำตัวผู้เสียภาษี(?:อากร)?|เลขประจำตัว|เลขผู้เสียภาษี|tax\s*id)?\s*:?\s*(\d(?:[\s-]?\d){12})(?!\d)/gi;
const TRAILING_SEPARATORS = /[\s,/:;\-–(]+$/;
const LEADING_SEPARATORS = /^[\s,/:;\-–)]+/;

function endsWithWord(before: string): string | undefined {
  const t = before.replace(/[\s:]+$/, '');
  return PRICE_WORDS.find((w) => t.endsWith(w));
}

function startsWithBaht(after: string): boolean {
  const t = after.trimStart();
  return BAHT_WORDS.some((w) => t.startsWith(w));
}

/** Splits "name ราคา 2,390,000 บาท" into the name and the amount. */
export function splitWinnerCell(text: string): WinnerCell {
  let s = normalizeSpaces(toArabicDigits(text));
  if (!s) return {};
  let taxId: string | undefined;
  s = s.replace(ID_LIKE, (whole, digits: string) => {
    const id = compactTaxId(digits);
    if (id.length !== 13) return whole;
    taxId ??= id;
    return ' ';
  });
  s = normalizeSpaces(s);
  let best: { start: number; value: number } | undefined;
  for (const m of s.matchAll(AMOUNT)) {
    const at = m.index ?? 0;
    const before = s.slice(0, at);
    const word = endsWithWord(before);
    const baht = startsWithBaht(s.slice(at + m[0].length));
    // A bare number may be part of a name ("บริษัท 3 เค จำกัด"): a price has a price word or บาท.
    if (!word && !baht) continue;
    const p = parseMoney(m[0]);
    if (!p.ok) continue;
    const start = word ? before.replace(/[\s:]+$/, '').length - word.length : at;
    best = { start, value: p.value };
  }
  const name = normalizeSpaces((best ? s.slice(0, best.start) : s).replace(TRAILING_SEPARATORS, '').replace(LEADING_SEPARATORS, ''));
  return {
    ...(name ? { winner: name } : {}),
    ...(best ? { price: best.value } : {}),
    ...(taxId ? { taxId } : {}),
  };
}

export interface ContractCell {
  readonly number?: string;
  /** What the document is: สัญญา, ใบสั่งซื้อ, ใบสั่งจ้าง, ข้อตกลง … */
  readonly kind?: string;
  readonly date?: Date;
  /** The date as written, when it could not be read. */
  readonly dateText?: string;
  readonly dateProblem?: Problem;
}

const NUMBER_WORD = /เลขที่\.?\s*:?\s*/;
// A contract number is a token with a slash and a year ("12/2567", "ช.16/2569") or digits.
const NUMBER_TOKEN = /[^\s,]*\d+\/\d{2,4}|[^\s,]*\d+/;
const DATE_TEXT = /^(\d{1,2}\s*[\u0E00-\u0E7Fa-zA-Z.]+\s*\d{2,4}|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4})/;
const DATE_ANYWHERE = /(\d{1,2}\s*(?:[\u0E00-\u0E7F]{1,3}\.\s?[\u0E00-\u0E7F]{1,2}\.|[\u0E00-\u0E7F]{4,}|[a-zA-Z]{3,9}\.?)\s*\d{2,4}|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4})/;

function findDateWord(s: string, from: number): { at: number; len: number } | undefined {
  for (const w of CONTRACT_DATE_WORDS) {
    const at = s.indexOf(w, from);
    if (at >= 0) return { at, len: w.length };
  }
  return undefined;
}

/**
 * The number written after เลขที่: up to its first token with a digit, so that a series letter
 * set apart ("ซ 1/2567", as e-GP writes it) stays with it and a date written with no ลงวันที่
 * after it does not; spaces around its slash ("๑๒ / ๒๕๖๗") are typing, not a new token.
 */
function numberAfterWord(part: string): string | undefined {
  const tokens = normalizeSpaces(part.replace(/\s*\/\s*/g, '/').replace(/[\s,]+$/, '')).split(' ').filter(Boolean);
  const end = tokens.findIndex((t) => /\d/.test(t));
  return (end < 0 ? tokens.slice(0, 1) : tokens.slice(0, end + 1)).join(' ') || undefined;
}

/** Splits "สัญญาเลขที่ 12/2567 ลงวันที่ 15 ม.ค. 2567" into its number and signing date. */
export function splitContractCell(text: string): ContractCell {
  const s = normalizeSpaces(toArabicDigits(text));
  if (!s) return {};
  const nw = NUMBER_WORD.exec(s);
  const afterNumberWord = nw ? nw.index + nw[0].length : 0;
  const dw = findDateWord(s, afterNumberWord);
  const kind = nw ? normalizeSpaces(s.slice(0, nw.index)) : undefined;

  let number: string | undefined;
  const numberPart = s.slice(afterNumberWord, dw ? dw.at : s.length);
  if (nw) number = numberAfterWord(numberPart);
  else number = NUMBER_TOKEN.exec(numberPart)?.[0];

  let dateText: string | undefined;
  if (dw) dateText = DATE_TEXT.exec(s.slice(dw.at + dw.len).replace(/^[\s.:]+/, ''))?.[1] ?? s.slice(dw.at + dw.len).trim();
  else dateText = DATE_ANYWHERE.exec(s.slice(afterNumberWord + (number?.length ?? 0)))?.[1];

  const out: { -readonly [K in keyof ContractCell]: ContractCell[K] } = {};
  if (number) out.number = number;
  if (kind) out.kind = kind;
  if (dateText) {
    const p = parseThaiDate(dateText);
    if (p.ok) out.date = p.value;
    else {
      out.dateText = dateText;
      out.dateProblem = p.problem;
    }
  }
  return out;
}
