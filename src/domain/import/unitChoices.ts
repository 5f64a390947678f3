/**
 * The agencies an officer can choose from when an export holds several, or none matched the
 * profile: each distinct name once, with the columns it was found under and how many rows it has.
 * The command line prints them; the task pane offers them in a drop-down.
 */
import { matchAgencyName, suggestAgencies, type AgencyNameCount } from './agencyFilter';

export type AgencyNameField = AgencyNameCount['field'];

export interface UnitChoice {
  readonly name: string;
  /** ชื่อหน่วยงาน, ชื่อหน่วยงานย่อย or both. */
  readonly fields: readonly AgencyNameField[];
  /**
   * Rows under this name. A name under both columns is mostly the same rows (e-GP repeats an
   * agency without units as its own unit), so the larger count is taken, not the sum.
   */
  readonly rows: number;
  /** The name is the wanted agency's (the filter kept its rows). */
  readonly matched: boolean;
}

/**
 * The names seen, one entry per name: those close to the wanted name first (see
 * suggestAgencies), then by rows. `limit` bounds the list; `total` says how many there were.
 */
export function unitChoices(agencies: readonly AgencyNameCount[], wanted: string | undefined, limit = 30): { choices: UnitChoice[]; total: number } {
  const byName = new Map<string, { fields: AgencyNameField[]; rows: number; matched: boolean }>();
  for (const a of agencies) {
    const e = byName.get(a.name);
    if (e) {
      if (!e.fields.includes(a.field)) e.fields.push(a.field);
      e.rows = Math.max(e.rows, a.rows);
      e.matched ||= a.matched;
    } else {
      byName.set(a.name, { fields: [a.field], rows: a.rows, matched: a.matched });
    }
  }
  const order = suggestAgencies(wanted, agencies, agencies.length);
  const seen = new Set<string>();
  const choices: UnitChoice[] = [];
  for (const a of order) {
    if (seen.has(a.name)) continue;
    seen.add(a.name);
    const e = byName.get(a.name);
    if (!e) continue;
    const fields = [...e.fields].sort((x, y) => (x === y ? 0 : x === 'agencyName' ? -1 : 1));
    choices.push({ name: a.name, fields, rows: e.rows, matched: e.matched });
    if (choices.length >= limit) break;
  }
  return { choices, total: byName.size };
}

/** The choice that stands for the wanted agency: the matched name with the most rows, if any. */
export function matchedChoice(choices: readonly UnitChoice[], wanted: string | undefined): UnitChoice | undefined {
  if (!wanted) return undefined;
  return choices.filter((c) => c.matched || matchAgencyName(wanted, c.name) !== undefined).sort((a, b) => b.rows - a.rows)[0];
}
