/**
 * Matching typed text against a drop-down list, with the other wordings real files use.
 * A list is compiled once into a Map of comparison keys; matching is a key computation and a
 * lookup, and results for repeated texts (a column holds few distinct values) are cached.
 */
import type { CellValue } from '../grid';
import { fail, ok, warn, type Parsed } from './problem';
import { blank, isEmptyValue, quoteCell } from './blank';
import { asciiLower, cellText, toArabicDigits } from './thaiDigits';

interface OptionDef {
  /** The official wording, written into cells and reports. */
  readonly value: string;
  /** Other wordings that mean this option; they are accepted with an `option-synonym` warning. */
  readonly synonyms?: readonly string[];
  /** An option of an older edition: still accepted (by value or synonym), with an `option-legacy` warning. */
  readonly legacy?: boolean;
}

export interface OptionList {
  readonly id: string;
  readonly options: readonly OptionDef[];
  /** Texts that could mean several options: the officer must choose (`option-ambiguous`). */
  readonly ambiguous?: readonly { readonly text: string; readonly choices: readonly string[] }[];
  /**
   * Tails (regular-expression sources) that add detail without changing the option, removed
   * before matching again: "วิธีเฉพาะเจาะจง ม.56(2)(ข)", "เทศบัญญัติงบประมาณรายจ่ายประจำปี 2567".
   * What is left must be an option or a synonym; it is accepted as a synonym.
   */
  readonly suffixes?: readonly string[];
  /**
   * Phrases that, found inside a longer text, say which option it means — the agency's own words
   * ("✓ เปิดเผยแพร่ข้อมูลครบถ้วนตามองค์ประกอบที่กำหนด"). The first phrase found, in list order,
   * decides (put the negative phrases first); boxes left unticked (☐ …) are ignored. Accepted as
   * they are, without a warning: this is content agencies publish.
   */
  readonly phrases?: readonly { readonly text: string; readonly value: string }[];
}

export interface OptionMatcher {
  readonly list: OptionList;
  /** Official values, in list order. */
  readonly values: readonly string[];
  match(v: CellValue): Parsed<string>;
}

const SPACES = /[\s\u200B-\u200D\u2060\uFEFF]+/g;
/** An unticked box and the words after it, up to the next box: "☐ ยังไม่ได้ดำเนินการ". */
const UNTICKED = /☐[^☐☑☒✓✔√]*/g;
const DASHES = /[\u2010-\u2015\u2212]/g;

/** Comparison key: Thai digits → ASCII, lower case, no whitespace at all, one kind of dash. */
export function optionKey(s: string): string {
  return asciiLower(toArabicDigits(s)).replace(SPACES, '').replace(DASHES, '-');
}

type Entry =
  | { readonly kind: 'option'; readonly def: OptionDef; readonly official: boolean }
  | { readonly kind: 'ambiguous'; readonly choices: readonly string[] };

const CACHE_LIMIT = 4096;
const SHOWN_VALUES = 5;

function list(values: readonly string[]): string {
  return values.map((x) => `"${x}"`).join(', ');
}

function buildIndex(opts: OptionList): Map<string, Entry> {
  const index = new Map<string, Entry>();
  for (const def of opts.options) index.set(optionKey(def.value), { kind: 'option', def, official: true });
  for (const def of opts.options) {
    for (const syn of def.synonyms ?? []) {
      const key = optionKey(syn);
      const had = index.get(key);
      if (!had) index.set(key, { kind: 'option', def, official: false });
      else if (had.kind === 'option' && !had.official && had.def !== def) {
        // Two options claim the same wording: it decides nothing.
        index.set(key, { kind: 'ambiguous', choices: [had.def.value, def.value] });
      }
    }
  }
  for (const a of opts.ambiguous ?? []) {
    const key = optionKey(a.text);
    const had = index.get(key);
    if (!had || had.kind === 'ambiguous' || !had.official) index.set(key, { kind: 'ambiguous', choices: a.choices });
  }
  return index;
}

/** Compiles a list once; keep the matcher for the whole check. */
export function compileOptions(opts: OptionList): OptionMatcher {
  const index = buildIndex(opts);
  const exact = new Map<string, OptionDef>();
  for (const def of opts.options) exact.set(def.value, def);
  const values = opts.options.map((o) => o.value);
  const current = opts.options.filter((o) => !o.legacy).map((o) => o.value);
  const cache = new Map<string, Parsed<string>>();

  const unknown = (v: CellValue): Parsed<string> => {
    const shown = current.slice(0, SHOWN_VALUES);
    const more = current.length - shown.length;
    return fail(
      'option-unknown',
      `${quoteCell(v)} ไม่อยู่ในรายการที่กำหนด ให้เลือกจากรายการ เช่น ${list(shown)}${more > 0 ? ` (และอีก ${more} รายการ)` : ''}`,
      `${quoteCell(v)} is not in the list; choose from it, e.g. ${list(shown)}${more > 0 ? ` (and ${more} more)` : ''}`,
    );
  };

  const ambiguous = (v: CellValue, choices: readonly string[]): Parsed<string> =>
    choices.length === 1
      ? fail(
          'option-ambiguous',
          `${quoteCell(v)} ไม่ใช่ตัวเลือกในแบบฟอร์มปัจจุบัน น่าจะหมายถึง ${list(choices)} กรุณาตรวจสอบแล้วเลือกให้ถูกต้อง`,
          `${quoteCell(v)} is not a current option; it probably means ${list(choices)}: check and choose`,
        )
      : fail(
          'option-ambiguous',
          `${quoteCell(v)} ระบุไม่ชัดเจนว่าเป็นตัวเลือกใด ให้เลือกหนึ่งใน ${list(choices)}`,
          `${quoteCell(v)} could mean several options; choose one of ${list(choices)}`,
        );

  const accepted = (v: CellValue, def: OptionDef, sameText: boolean): Parsed<string> => {
    if (def.legacy) {
      return ok(
        def.value,
        warn(
          'option-legacy',
          `${quoteCell(v)} เป็นตัวเลือกแบบเดิม (ถือเป็น ${quoteCell(def.value)}) ควรเลือกจากรายการฉบับปัจจุบัน`,
          `${quoteCell(v)} is an option of an older edition (read as ${quoteCell(def.value)}); choose from the current list`,
        ),
      );
    }
    if (sameText) return ok(def.value);
    return ok(
      def.value,
      warn('option-synonym', `เขียนว่า ${quoteCell(v)} คำที่ถูกต้องตามแบบฟอร์มคือ ${quoteCell(def.value)}`, `Written as ${quoteCell(v)}; the official wording is ${quoteCell(def.value)}`),
    );
  };

  const suffixes = (opts.suffixes ?? []).map((p) => new RegExp(`\\s*(?:${p})\\s*$`, 'i'));
  const phrases = (opts.phrases ?? []).map((p) => ({ key: optionKey(p.text), def: opts.options.find((o) => o.value === p.value) }));

  /** The option a sentence or a ticked box means, by the first phrase it holds. */
  const byPhrase = (text: string): OptionDef | undefined => {
    if (phrases.length === 0) return undefined;
    const ticked = text.replace(UNTICKED, ' ');
    const key = optionKey(ticked);
    if (!key) return undefined;
    for (const p of phrases) if (p.def && p.key && key.includes(p.key)) return p.def;
    return undefined;
  };

  const compute = (v: CellValue): Parsed<string> => {
    const text = cellText(v);
    const def = exact.get(text);
    if (def) return accepted(v, def, true);
    let entry = index.get(optionKey(text));
    if (!entry) {
      // Thai digits as ASCII first: "ตามมาตรา ๕๖ (๒) (ข)" is the same ground.
      const plain = suffixes.length ? toArabicDigits(text) : text;
      for (const re of suffixes) {
        const stripped = plain.replace(re, '');
        if (stripped === plain || !stripped) continue;
        const e = index.get(optionKey(stripped));
        if (e) {
          entry = e;
          break;
        }
      }
    }
    if (!entry) {
      const said = byPhrase(text);
      if (said) return ok(said.value);
    }
    if (!entry) return unknown(v);
    if (entry.kind === 'ambiguous') return ambiguous(v, entry.choices);
    return accepted(v, entry.def, false);
  };

  const match = (v: CellValue): Parsed<string> => {
    if (isEmptyValue(v)) return blank();
    if (typeof v !== 'string') return compute(v);
    let r = cache.get(v);
    if (r) return r;
    r = compute(v);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(v, r);
    return r;
  };

  return { list: opts, values, match };
}

const compiled = new WeakMap<OptionList, OptionMatcher>();

/** The compiled matcher of a list, compiled on first use. */
export function matcherFor(opts: OptionList): OptionMatcher {
  let m = compiled.get(opts);
  if (!m) compiled.set(opts, (m = compileOptions(opts)));
  return m;
}
