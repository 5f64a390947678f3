/** The months a template's window covers, to tell which monthly (สขร.1) reports are missing. */
import type { DateWindow } from '../check/context';
import { BE_OFFSET, THAI_MONTHS } from '../values/thaiDate';
import type { ReportMonth } from './monthlySheet';

export function monthsOfWindow(window: Pick<DateWindow, 'start' | 'end'>): ReportMonth[] {
  const out: ReportMonth[] = [];
  let y = window.start.getUTCFullYear();
  let m = window.start.getUTCMonth();
  const endY = window.end.getUTCFullYear();
  const endM = window.end.getUTCMonth();
  while (y < endY || (y === endY && m <= endM)) {
    out.push({ year: y + BE_OFFSET, month: m + 1 });
    m++;
    if (m === 12) {
      m = 0;
      y++;
    }
  }
  return out;
}

/** "ต.ค. 2566" */
export function formatReportMonth(m: ReportMonth): string {
  return `${THAI_MONTHS[m.month - 1].abbr} ${m.year}`;
}
