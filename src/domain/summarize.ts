/**
 * Derived tables: o17's count and budget by procurement method, computed from the list.
 * The same numbers feed the summary sheet written by `new`/the task pane and the check that the
 * agency's own summary agrees with its list.
 */
import type { SummaryDef } from './templates/types';
import type { OptionList } from './values/options';

interface SummaryLine {
  readonly label: string;
  readonly count: number;
  readonly amount: number;
  /**
   * Rows counted here whose method is not written in the official wording (read through the
   * synonym rules): a formula that counts exact wordings misses them.
   */
  readonly reworded?: MissedRows;
  /** Rows counted here whose wording is not one a summary formula of `new` counts (methodSpellings). */
  readonly unlisted?: MissedRows;
}

interface MissedRows {
  readonly count: number;
  readonly amount: number;
  readonly rows: readonly number[];
}

export interface SummaryInput {
  readonly method?: string;
  readonly status?: string;
  readonly amount?: number;
  /** The method cell holds the official wording itself (not a synonym), as Excel compares text. */
  readonly exact?: boolean;
  /** The method cell holds one of the wordings `new`'s formulas count (methodSpellings). */
  readonly listed?: boolean;
  /** Excel row of the record, to name rows a formula misses. */
  readonly row?: number;
}

export interface Summary {
  readonly lines: readonly SummaryLine[];
  readonly total: SummaryLine;
  /** Records whose method belongs to no group (unknown or blank method). */
  readonly ungrouped: number;
}

export function summarizeByMethod(items: Iterable<SummaryInput>, def: SummaryDef): Summary {
  const groupOf = new Map<string, number>();
  def.groups.forEach((g, i) => g.methods.forEach((m) => groupOf.set(m, i)));
  const excluded = new Set(def.excludeStatuses);
  const counts = def.groups.map(() => 0);
  const amounts = def.groups.map(() => 0);
  const missed = () => def.groups.map(() => ({ count: 0, amount: 0, rows: [] as number[] }));
  const reworded = missed();
  const unlisted = missed();
  let ungrouped = 0;
  for (const it of items) {
    if (it.status !== undefined && excluded.has(it.status)) continue;
    const g = it.method === undefined ? undefined : groupOf.get(it.method);
    if (g === undefined) {
      ungrouped++;
      continue;
    }
    counts[g]++;
    amounts[g] += it.amount ?? 0;
    for (const [flag, acc] of [[it.exact, reworded], [it.listed, unlisted]] as const) {
      if (flag !== false) continue;
      acc[g].count++;
      acc[g].amount += it.amount ?? 0;
      if (it.row !== undefined) acc[g].rows.push(it.row);
    }
  }
  // Sum in satang so that 0.1 + 0.2 style drift never shows up as a mismatch.
  const round = (n: number) => Math.round(n * 100) / 100;
  const done = (m: { count: number; amount: number; rows: number[] }): MissedRows | undefined =>
    m.count ? { count: m.count, amount: round(m.amount), rows: m.rows } : undefined;
  const lines: SummaryLine[] = def.groups.map((g, i) => {
    const rw = done(reworded[i]);
    const ul = done(unlisted[i]);
    return { label: g.label, count: counts[i], amount: round(amounts[i]), ...(rw ? { reworded: rw } : {}), ...(ul ? { unlisted: ul } : {}) };
  });
  const sumOf = (pick: (l: SummaryLine) => MissedRows | undefined): MissedRows | undefined => {
    const parts = lines.map(pick).filter((m): m is MissedRows => m !== undefined);
    if (!parts.length) return undefined;
    return {
      count: parts.reduce((n, m) => n + m.count, 0),
      amount: round(parts.reduce((n, m) => n + m.amount, 0)),
      rows: parts.flatMap((m) => m.rows).sort((a, b) => a - b),
    };
  };
  const rwAll = sumOf((l) => l.reworded);
  const ulAll = sumOf((l) => l.unlisted);
  const total: SummaryLine = {
    label: def.totalLabel,
    count: lines.reduce((n, l) => n + l.count, 0),
    amount: round(lines.reduce((n, l) => n + l.amount, 0)),
    ...(rwAll ? { reworded: rwAll } : {}),
    ...(ulAll ? { unlisted: ulAll } : {}),
  };
  return { lines, total, ungrouped };
}

/**
 * Every wording a summary formula must count for these methods: the official values and their
 * synonyms, once each as Excel compares them (COUNTIFS ignores case), so that a row typed
 * "e-bidding" or "เฉพาะเจาะจง" is counted like the official wording and no row is counted twice.
 */
export function methodSpellings(methods: readonly string[], list: OptionList | undefined): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (s: string) => {
    const k = s.trim().toLowerCase();
    // Wildcards would widen the criterion: such a wording is left to the normalising fix.
    if (!k || seen.has(k) || /[*?~]/.test(k)) return;
    seen.add(k);
    out.push(s.trim());
  };
  for (const m of methods) {
    add(m);
    for (const syn of list?.options.find((o) => o.value === m)?.synonyms ?? []) add(syn);
  }
  return out;
}
