/**
 * One cell of a template field → its typed value, or the problem with it. Also notices values that
 * parse but are stored in a shape that breaks sums and sorting (amounts and dates typed as text),
 * and offers the safe fix.
 */
import type { CellValue } from '../grid';
import type { ColumnDef } from '../templates/types';
import { parseMoney, formatMoney } from '../values/money';
import { parseThaiDate, parseFiscalYear, formatThaiDate } from '../values/thaiDate';
import { parsePeriod } from '../values/period';
import { parseTaxId, type TaxIdKind } from '../values/taxId';
import { parseProjectNumber } from '../values/projectNumber';
import type { OptionMatcher } from '../values/options';
import { toArabicDigits } from '../values/thaiDigits';
import type { Problem } from '../values/problem';
import { quote } from '../values/problem';
import { invisibleChars, invisibleWarning, stripInvisible } from '../values/invisible';
import type { Fix } from './types';

export interface Period {
  readonly start: Date;
  readonly end: Date;
}
export interface TaxIdValue {
  readonly id: string;
  readonly kind: TaxIdKind;
}
export type FieldValue = string | number | Date | Period | TaxIdValue;

interface FieldProblem extends Problem {
  readonly fix?: Fix;
}

export interface FieldResult {
  readonly value?: FieldValue;
  readonly problems?: readonly FieldProblem[];
}

export interface FieldEnv {
  readonly options: (listId: string) => OptionMatcher;
  readonly fiscalYear?: number;
}

const URL_RE = /^https?:\/\/[^\s/$.?#][^\s]*$/i;
/** Web addresses inside a longer text: "ไปที่หน้าแรก > ข่าว https://www.agency.go.th/…". */
const URL_IN_TEXT = /https?:\/\/[^\s/$.?#<>"'“”][^\s<>"'“”]*/gi;
/** Punctuation that ends the sentence around an address, not the address. */
const URL_TAIL = /[.,;:)\]」]+$/;

/** Every http(s) address in a cell's text, in order (assessors follow the path around them). */
export function urlsIn(text: string): string[] {
  return [...text.matchAll(URL_IN_TEXT)].map((m) => m[0].replace(URL_TAIL, ''));
}
const INTEGER_RE = /^-?[0-9]+$/;

function one(p: FieldProblem): FieldResult {
  return { problems: [p] };
}

function withWarning(value: FieldValue, w: Problem | undefined, extra?: FieldProblem): FieldResult {
  const problems: FieldProblem[] = [];
  if (w) problems.push(w);
  if (extra) problems.push(extra);
  return problems.length ? { value, problems } : { value };
}

/**
 * A value typed with invisible characters (a tax ID, an amount, an option pasted from the web) is
 * read without them, and the cell gets a warning naming them with the clean text as its fix (unless
 * another problem's fix already rewrites the cell). Free text is left alone: Thai word processors
 * put zero-width spaces between words on purpose.
 */
function parseWithoutInvisible(col: ColumnDef, v: string, chars: readonly number[], env: FieldEnv): FieldResult {
  const cleaned = stripInvisible(v);
  const res = parseTyped(col, cleaned, env);
  const problems = res.problems ?? [];
  const fix = problems.some((p) => p.fix) ? undefined : { value: cleaned, display: cleaned };
  const warning: FieldProblem = fix ? { ...invisibleWarning(v, chars, cleaned), fix } : invisibleWarning(v, chars, cleaned);
  return { ...res, problems: [warning, ...problems] };
}

/** Parses a non-blank cell by its column's type. */
export function parseField(col: ColumnDef, v: CellValue, env: FieldEnv): FieldResult {
  if (typeof v === 'string' && col.type !== 'text' && col.type !== 'longText') {
    const chars = invisibleChars(v);
    if (chars.length) return parseWithoutInvisible(col, v, chars, env);
  }
  return parseTyped(col, v, env);
}

function parseTyped(col: ColumnDef, v: CellValue, env: FieldEnv): FieldResult {
  switch (col.type) {
    case 'text':
    case 'longText':
      return { value: typeof v === 'string' ? v.trim() : v instanceof Date ? formatThaiDate(v) : String(v) };
    case 'money': {
      const p = parseMoney(v);
      if (!p.ok) return one(p.problem);
      const asText =
        typeof v === 'string'
          ? {
              code: 'money-as-text',
              severity: 'warning' as const,
              th: `จำนวนเงิน ${quote(v)} เป็นข้อความ ควรเป็นตัวเลข ${formatMoney(p.value)}`,
              en: `Amount ${quote(v)} is text; it should be the number ${formatMoney(p.value)}`,
              fix: { value: p.value, numFmt: col.numFmt, display: formatMoney(p.value) },
            }
          : undefined;
      return withWarning(p.value, p.warning, asText);
    }
    case 'date': {
      const p = parseThaiDate(v);
      if (!p.ok) return one(p.problem);
      const notADate =
        typeof v === 'string' || typeof v === 'number'
          ? {
              code: typeof v === 'string' ? 'date-as-text' : 'date-as-number',
              severity: 'warning' as const,
              th: `วันที่ ${quote(v)} ${typeof v === 'string' ? 'เป็นข้อความ' : 'เป็นตัวเลข'} ควรเป็นวันที่จริง (${formatThaiDate(p.value)})`,
              en: `Date ${quote(v)} is ${typeof v === 'string' ? 'text' : 'a plain number'}; it should be a real date (${p.value.toISOString().slice(0, 10)})`,
              fix: { value: p.value, numFmt: col.numFmt, display: formatThaiDate(p.value) },
            }
          : undefined;
      return withWarning(p.value, p.warning, notADate);
    }
    case 'period': {
      const p = parsePeriod(v, env.fiscalYear);
      return p.ok ? withWarning(p.value, p.warning) : one(p.problem);
    }
    case 'taxId': {
      const p = parseTaxId(v);
      return p.ok ? withWarning(p.value, p.warning) : one(p.problem);
    }
    case 'projectNumber': {
      const p = parseProjectNumber(v);
      return p.ok ? withWarning(p.value, p.warning) : one(p.problem);
    }
    case 'fiscalYear': {
      const p = parseFiscalYear(v);
      return p.ok ? withWarning(p.value, p.warning) : one(p.problem);
    }
    case 'option': {
      const p = env.options(col.options ?? '').match(v);
      if (!p.ok) {
        const sev = p.problem.code === 'option-unknown' ? (col.unknownOption ?? 'error') : 'error';
        return one({ ...p.problem, severity: sev });
      }
      const fix = p.warning?.code === 'option-synonym' || p.warning?.code === 'option-legacy' ? { value: p.value, display: p.value } : undefined;
      return p.warning ? { value: p.value, problems: [{ ...p.warning, fix }] } : { value: p.value };
    }
    case 'integer':
    case 'score': {
      const s = typeof v === 'number' ? String(v) : toArabicDigits(String(v)).replace(/,/g, '').trim();
      const n = Number(s);
      if (s === '' || !Number.isFinite(n) || (col.type === 'integer' && !INTEGER_RE.test(s))) {
        return one({ code: 'number-invalid', severity: 'error', th: `ไม่ใช่ตัวเลข: ${quote(v)}`, en: `Not a number: ${quote(v)}` });
      }
      return { value: n };
    }
    case 'url': {
      const s = String(v).trim();
      if (URL_RE.test(s)) return { value: s };
      // A navigation path with the address in it ("ไปที่หน้าแรก > เมนู … https://…") is what assessors ask for.
      const found = urlsIn(s);
      if (found.length > 0) return { value: found[0] };
      return one({ code: 'url-invalid', severity: 'error', th: `ไม่พบที่อยู่เว็บไซต์ใน ${quote(v)} (ต้องมีที่อยู่ที่ขึ้นต้นด้วย http:// หรือ https://)`, en: `No web address in ${quote(v)} (an address starting with http:// or https:// is needed)` });
    }
  }
}
