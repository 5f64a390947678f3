/**
 * The date the form judges a new record's status at, and the fiscal year it works in. It mirrors
 * the check (domain/check: as-of = the end of the item's date window once that has passed, else
 * today), so that a record the form writes is one the check then accepts.
 */
import type { ActiveSheet } from '../app/workbookSession';
import { dateWindow } from '../domain/check';
import type { Recognition } from '../domain/recognize';
import { parseFiscalYear } from '../domain/values/thaiDate';

export function recordAsOf(rec: Recognition, fiscalYear: number | undefined, today: Date): Date {
  if (fiscalYear === undefined) return today;
  const w = dateWindow(rec, fiscalYear);
  return w.end.getTime() < today.getTime() ? w.end : today;
}

/** The assessed fiscal year: the agency profile's, else what the sheet's ปีงบประมาณ column says. */
export function assessedFiscalYear(active: ActiveSheet): number | undefined {
  if (active.meta.agency?.fiscalYear) return active.meta.agency.fiscalYear;
  const rec = active.recognition;
  const idx = rec?.indexOf.get('fiscalYear');
  if (!rec || idx === undefined) return undefined;
  for (let r = rec.headerIndex + 1; r < active.grid.rows.length; r++) {
    const v = active.grid.rows[r]?.[idx];
    if (v === null || v === undefined || v === '') continue;
    const fy = parseFiscalYear(v);
    if (fy.ok) return rec.template.fiscalYearColumn === 'data' ? fy.value + 1 : fy.value;
  }
  return undefined;
}
