/** How a cell value reads in the pane's lists ("31 มี.ค. 2567" for a date, "(ว่าง)" for nothing). */
import type { CellValue } from '../../domain/grid';
import { formatThaiDate } from '../../domain/values/thaiDate';

export function cellText(v: CellValue | undefined, emptyText: string): string {
  if (v === null || v === undefined || v === '') return emptyText;
  if (v instanceof Date) return formatThaiDate(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}
