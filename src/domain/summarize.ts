/**
 * Derived tables: o17's count and budget by procurement method, computed from the list.
 * The same numbers feed the summary sheet written by `new`/the task pane and the check that the
 * agency's own summary agrees with its list.
 */
import type { SummaryDef } from './templates/types';

export interface SummaryLine {
  readonly label: string;
  readonly count: number;
  readonly amount: number;
}

export interface SummaryInput {
  readonly method?: string;
  readonly status?: string;
  readonly amount?: number;
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
  }
  // Sum in satang so that 0.1 + 0.2 style drift never shows up as a mismatch.
  const round = (n: number) => Math.round(n * 100) / 100;
  const lines = def.groups.map((g, i) => ({ label: g.label, count: counts[i], amount: round(amounts[i]) }));
  const total = {
    label: def.totalLabel,
    count: lines.reduce((n, l) => n + l.count, 0),
    amount: round(lines.reduce((n, l) => n + l.amount, 0)),
  };
  return { lines, total, ungrouped };
}
