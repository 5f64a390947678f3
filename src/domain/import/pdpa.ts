/**
 * Personal data in the winner's ID column. A sole trader wins with their citizen ID (13 digits
 * not starting with 0): personal data under the PDPA. The working copy keeps it (the officer
 * needs it); the copy for the website masks it the way agencies publish such IDs — the first
 * 9 digits kept, the last 4 as 'x' (`899680900xxxx`), a form the check accepts as masked.
 */
import type { CellValue } from '../grid';
import { compactTaxId } from '../values/taxId';

const THIRTEEN = /^\d{13}$/;
const MASK_KEEP = 9;
const MASK_CHAR = 'x';

/** The 13 digits of a personal citizen ID in this value, or undefined when it is not one. */
export function personalIdOf(v: CellValue | undefined): string | undefined {
  if (v === undefined || v === null) return undefined;
  const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? compactTaxId(v.trim()) : '';
  return THIRTEEN.test(s) && s.charCodeAt(0) !== 48 ? s : undefined;
}

/** '8996809001234' → '899680900xxxx'. */
export function maskCitizenId(id: string): string {
  return id.slice(0, MASK_KEEP) + MASK_CHAR.repeat(id.length - MASK_KEEP);
}

/** The value for the publication copy: a personal ID masked, anything else unchanged. */
export function publishedValue(v: CellValue): CellValue {
  const id = personalIdOf(v);
  return id ? maskCitizenId(id) : v;
}

/** Rows for the publication copy: the ID column masked, every other cell as it is (new arrays: the working rows stay intact). */
export function publicationRows(rows: readonly (readonly CellValue[])[], taxIdColumn: number): CellValue[][] {
  return rows.map((r) => r.map((v, i) => (i === taxIdColumn ? publishedValue(v) : v)));
}
