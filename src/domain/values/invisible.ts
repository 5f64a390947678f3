/**
 * Characters a cell can hold that nobody sees: zero-width spaces and joiners, the BOM, soft
 * hyphens, direction marks (pasted from web pages, PDFs and chat apps). They make two texts that
 * look the same differ, so a parser reads the value without them and the check names them
 * ("U+200B"), so that a message never shows "X should be X" with both looking alike.
 *
 * NBSP (U+00A0) is not among them: it shows as a space, and every parser already reads it as one.
 */
import type { Problem } from './problem';

/** Code point → its name in Thai and English. */
const NAMES: ReadonlyMap<number, readonly [string, string]> = new Map([
  [0x00ad, ['ขีดยัติภังค์ซ่อน (soft hyphen)', 'soft hyphen']],
  [0x180e, ['ตัวคั่นสระมองโกเลีย', 'Mongolian vowel separator']],
  [0x200b, ['ช่องว่างความกว้างศูนย์ (zero-width space)', 'zero-width space']],
  [0x200c, ['ตัวไม่เชื่อมความกว้างศูนย์ (ZWNJ)', 'zero-width non-joiner']],
  [0x200d, ['ตัวเชื่อมความกว้างศูนย์ (ZWJ)', 'zero-width joiner']],
  [0x200e, ['เครื่องหมายทิศทางซ้ายไปขวา', 'left-to-right mark']],
  [0x200f, ['เครื่องหมายทิศทางขวาไปซ้าย', 'right-to-left mark']],
  [0x2060, ['ตัวเชื่อมคำ (word joiner)', 'word joiner']],
  [0xfeff, ['BOM (zero-width no-break space)', 'byte order mark']],
]);

/** Bidi embeddings/isolates and invisible operators: named by code point only. */
function isInvisible(c: number): boolean {
  if (c < 0xad) return false; // the hot path: ASCII and Latin-1 letters
  if (c === 0x00ad || c === 0x180e || c === 0xfeff) return true;
  if (c < 0x200b || c > 0x206f) return false;
  return c <= 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069);
}

/** "U+200B" */
function codePoint(c: number): string {
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The distinct invisible characters of a text, in order of appearance (empty: none). */
const NONE: readonly number[] = [];

export function invisibleChars(s: string): readonly number[] {
  let found: number[] | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isInvisible(c)) continue;
    found ??= [];
    if (!found.includes(c)) found.push(c);
  }
  return found ?? NONE;
}

/** The text without its invisible characters (the same string when it has none). */
export function stripInvisible(s: string): string {
  let i = 0;
  for (; i < s.length; i++) if (isInvisible(s.charCodeAt(i))) break;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isInvisible(c)) out += s[i];
  }
  return out;
}

/** The text with each invisible character shown as ⟨U+200B⟩, for messages. */
export function revealInvisible(s: string): string {
  let i = 0;
  for (; i < s.length; i++) if (isInvisible(s.charCodeAt(i))) break;
  if (i === s.length) return s; // every message quotes values: the usual case costs one scan
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += isInvisible(c) ? `⟨${codePoint(c)}⟩` : s[i];
  }
  return out;
}

function describe(chars: readonly number[], lang: 0 | 1): string {
  return chars.map((c) => {
    const name = NAMES.get(c)?.[lang];
    return name ? `${codePoint(c)} ${name}` : codePoint(c);
  }).join(', ');
}

/**
 * The warning for a cell with invisible characters: which ones, where (shown in the value), and
 * the value as it was read without them.
 */
export function invisibleWarning(raw: string, chars: readonly number[], cleaned: string): Problem {
  return {
    code: 'invisible-char',
    severity: 'warning',
    th: `มีอักขระที่มองไม่เห็น ${describe(chars, 0)} ใน "${revealInvisible(raw)}" อ่านค่าเป็น "${cleaned}" ควรลบอักขระนี้ออก (คัดลอกมาจากเว็บไซต์หรือไฟล์อื่น)`,
    en: `Invisible character ${describe(chars, 1)} in "${revealInvisible(raw)}"; read as "${cleaned}". Remove it (it came with a copy from a web page or another file)`,
  };
}
