/**
 * Keeping the rows of one agency out of an export of many. e-GP names an agency twice
 * (ชื่อหน่วยงาน, e.g. a department, and ชื่อหน่วยงานย่อย, the unit); a row is the agency's when
 * either name matches — exactly, or tolerantly: spacing, Thai digits, the usual abbreviations
 * (ทต. = เทศบาลตำบล …) and a location tail ("… อำเภอสีคิ้ว จังหวัดนครราชสีมา") do not matter.
 * Every distinct name seen is counted, so a face can offer them when nothing matched.
 */
import { asciiLower, toArabicDigits } from '../values/thaiDigits';
import type { SourceValues } from './sourceRecord';
import { detached, textOf } from './sourceRecord';

/** Abbreviations officers and e-GP use for local governments (data: extend here). */
const AGENCY_ABBREVIATIONS: readonly (readonly [string, string])[] = [
  ['ทต.', 'เทศบาลตำบล'],
  ['ทม.', 'เทศบาลเมือง'],
  ['ทน.', 'เทศบาลนคร'],
  ['อบต.', 'องค์การบริหารส่วนตำบล'],
  ['อบจ.', 'องค์การบริหารส่วนจังหวัด'],
];

/** Words that start a location tail after an agency's own name. */
const LOCATION_TAIL = ['อำเภอ', 'อ.', 'จังหวัด', 'จ.', 'เขต', 'ตำบล', 'ต.', 'กรุงเทพ', '('];

/** Type words that say what kind of agency, not which one (for suggestions). */
const TYPE_PREFIXES = ['องค์การบริหารส่วนจังหวัด', 'องค์การบริหารส่วนตำบล', 'เทศบาลตำบล', 'เทศบาลเมือง', 'เทศบาลนคร', 'สำนักงาน', 'กรม'];

const SPACES = /[\s\u00A0\u200B-\u200D\u2060\uFEFF]+/g;

/** Comparison key of an agency name. */
function agencyKey(name: string): string {
  let s = asciiLower(toArabicDigits(name)).replace(SPACES, '');
  for (const [abbr, full] of AGENCY_ABBREVIATIONS) {
    if (s.startsWith(abbr)) {
      s = full + s.slice(abbr.length);
      break;
    }
  }
  return s;
}

function isTail(rest: string): boolean {
  return LOCATION_TAIL.some((w) => rest.startsWith(w));
}

export type NameMatch = 'exact' | 'tolerant';

/** How a name found in the data matches the wanted agency name, if at all. */
export function matchAgencyName(wanted: string, found: string): NameMatch | undefined {
  const a = agencyKey(wanted);
  const b = agencyKey(found);
  if (!a || !b) return undefined;
  if (a === b) return 'exact';
  if (b.startsWith(a) && isTail(b.slice(a.length))) return 'tolerant';
  if (a.startsWith(b) && isTail(a.slice(b.length))) return 'tolerant';
  return undefined;
}

export interface AgencyNameCount {
  readonly name: string;
  readonly field: 'agencyName' | 'subAgencyName';
  readonly rows: number;
  readonly matched: boolean;
}

interface Tally {
  rows: number;
  readonly matched: boolean;
}

export class AgencyFilter {
  private readonly seen = {
    agencyName: new Map<string, Tally>(),
    subAgencyName: new Map<string, Tally>(),
  };

  /** `wanted` undefined: every row is kept (the names are still counted). */
  constructor(readonly wanted: string | undefined) {}

  private tally(field: 'agencyName' | 'subAgencyName', name: string): boolean {
    const m = this.seen[field];
    let t = m.get(name);
    if (!t) {
      t = { rows: 0, matched: this.wanted === undefined || matchAgencyName(this.wanted, name) !== undefined };
      // The key outlives the row: keep a copy, not a view into the chunk the row was read from.
      m.set(detached(name), t);
    }
    t.rows++;
    return t.matched;
  }

  /**
   * The name under which the record is the agency's (the unit's name when both match), null when
   * the record names no agency and `keepUnnamed` (a sheet of the agency's own), undefined when it
   * is another agency's.
   */
  test(values: SourceValues, keepUnnamed: boolean): string | null | undefined {
    const a = textOf(values.agencyName);
    const s = textOf(values.subAgencyName);
    if (!a && !s) return keepUnnamed ? null : undefined;
    // Both names are tallied (no short-circuit) so the counts offered to the officer are complete.
    const ma = a ? this.tally('agencyName', a) : false;
    const ms = s ? this.tally('subAgencyName', s) : false;
    return ms ? s : ma ? a : undefined;
  }

  /** Distinct names seen, most rows first. */
  names(): AgencyNameCount[] {
    const out: AgencyNameCount[] = [];
    for (const field of ['agencyName', 'subAgencyName'] as const) {
      for (const [name, t] of this.seen[field]) out.push({ name, field, rows: t.rows, matched: t.matched });
    }
    return out.sort((x, y) => y.rows - x.rows || x.name.localeCompare(y.name, 'th'));
  }

  /** Distinct agencies (pairs of the two names) seen: more than one means a filter is needed. */
  distinctUnits(): number {
    return Math.max(this.seen.agencyName.size, this.seen.subAgencyName.size);
  }
}

function core(name: string): string {
  let k = agencyKey(name);
  for (const p of TYPE_PREFIXES) {
    if (k.startsWith(p) && k.length > p.length) {
      k = k.slice(p.length);
      break;
    }
  }
  return k;
}

/**
 * Names to offer when the wanted one matched nothing: those that contain the wanted name's core
 * ("ชุมพล" of "เทศบาลตำบลชุมพล") first, then the rest by number of rows.
 */
export function suggestAgencies(wanted: string | undefined, names: readonly AgencyNameCount[], limit = 20): AgencyNameCount[] {
  const c = wanted ? core(wanted) : '';
  const close = c ? names.filter((n) => agencyKey(n.name).includes(c)) : [];
  const rest = names.filter((n) => !close.includes(n));
  return [...close, ...rest].slice(0, limit);
}
