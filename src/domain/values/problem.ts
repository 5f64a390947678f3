import { revealInvisible } from './invisible';

/** What a value parser says about a value it could not take as it is. */
export type Severity = 'error' | 'warning';

export interface Problem {
  /** Stable code, used in reports and tests (e.g. `tax-id-checksum`). */
  readonly code: string;
  readonly severity: Severity;
  /** The message for a Thai officer; names the value. */
  readonly th: string;
  readonly en: string;
}

/** A parse either gives a value (perhaps with a warning) or a problem. */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T; readonly warning?: Problem }
  | { readonly ok: false; readonly problem: Problem };

export function ok<T>(value: T, warning?: Problem): Parsed<T> {
  return warning ? { ok: true, value, warning } : { ok: true, value };
}

export function fail<T>(code: string, th: string, en: string): Parsed<T> {
  return { ok: false, problem: { code, severity: 'error', th, en } };
}

export function warn(code: string, th: string, en: string): Problem {
  return { code, severity: 'warning', th, en };
}

/**
 * Shows a cell value inside a message the way the user typed it; characters nobody sees are shown
 * by code point (⟨U+200B⟩), so two values in one message never look the same while differing.
 */
export function quote(v: unknown): string {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '"วันที่ไม่ถูกต้อง"' : v.toISOString().slice(0, 10);
  return `"${revealInvisible(String(v))}"`;
}
