/**
 * Text clean-up every value parser starts with: Thai digits, odd spaces, placeholder cells.
 * Hot path (every cell of every row): each function returns its input untouched when there is
 * nothing to do, found by a char-code scan instead of a regex.
 */
import type { CellValue } from '../grid';

const THAI_ZERO = 0x0e50; // ๐
const THAI_NINE = 0x0e59; // ๙
const THAI_DIGIT = /[\u0E50-\u0E59]/g;

function arabic(ch: string): string {
  return String.fromCharCode(ch.charCodeAt(0) - THAI_ZERO + 48);
}

// Above this length String.fromCharCode.apply could exceed the engine's argument limit.
const APPLY_LIMIT = 4096;

/** ๐-๙ → 0-9. */
export function toArabicDigits(s: string): string {
  const n = s.length;
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= THAI_ZERO && c <= THAI_NINE) break;
  }
  if (i === n) return s;
  if (n > APPLY_LIMIT) return s.replace(THAI_DIGIT, arabic);
  // Char codes then one fromCharCode: several times faster than replace with a callback.
  const codes = new Array<number>(n);
  for (let j = 0; j < n; j++) {
    const c = s.charCodeAt(j);
    codes[j] = c >= THAI_ZERO && c <= THAI_NINE ? c - THAI_ZERO + 48 : c;
  }
  return String.fromCharCode.apply(null, codes);
}

// Joiners and the BOM are not separators: they vanish. Everything else space-like becomes ' '.
const INVISIBLE = /[\u200C\u200D\u2060\uFEFF]/g;
const SPACE_RUN = /[\s\u200B]+/g;

/** True for a char code that normalizeSpaces would change (any space but a plain ' '). */
function oddSpace(c: number): boolean {
  return (
    c < 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200d) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x2060 ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Trims and turns NBSP, zero-width space, tabs and line breaks into single spaces, collapsing
 * runs. Zero-width joiners and the BOM are removed (they sit inside words, not between them).
 */
export function normalizeSpaces(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  let clean = s.charCodeAt(0) !== 32 && s.charCodeAt(n - 1) !== 32;
  for (let i = 0; clean && i < n; i++) {
    const c = s.charCodeAt(i);
    if (oddSpace(c) || (c === 32 && s.charCodeAt(i + 1) === 32)) clean = false;
  }
  if (clean) return s;
  return s.replace(INVISIBLE, '').replace(SPACE_RUN, ' ').trim();
}

/** The text a cell shows, as the parsers read it. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return normalizeSpaces(v);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  // Invalid Date has no ISO form; show what JS shows rather than throw.
  return Number.isNaN(v.getTime()) ? String(v) : v.toISOString().slice(0, 10);
}

/** Dashes, dots and spaces that officers type to mean "nothing here". */
function placeholderChar(c: number): boolean {
  return (
    c === 45 || // -
    c === 46 || // .
    c === 32 ||
    c === 0x2010 || // ‐
    c === 0x2011 || // ‑
    c === 0x2012 ||
    c === 0x2013 || // –
    c === 0x2014 || // —
    c === 0x2026 || // …
    c === 0x2212 || // −
    oddSpace(c)
  );
}

/**
 * True when the text is only dashes, dots, ellipses and spaces ('-', '--', '...', '–', ' - ').
 * Such cells count as empty; so does '' (vacuously), which keeps `isPlaceholder(cellText(v))`
 * a complete emptiness test.
 */
export function isPlaceholder(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!placeholderChar(s.charCodeAt(i))) return false;
  return true;
}

/**
 * toLowerCase only when there is an ASCII capital: V8's toLowerCase on Thai (two-byte) text is a
 * slow runtime call, and Thai has no case.
 */
export function asciiLower(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) return s.toLowerCase();
  }
  return s;
}
