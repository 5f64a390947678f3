/**
 * The records of a recognised sheet: the rows under the header that hold data. Blank rows, rows
 * that only carry a pre-printed sequence number, and trailing notes (หมายเหตุ, ลงชื่อ, ผู้จัดทำ …)
 * are not records.
 */
import type { CellValue, SheetGrid } from '../grid';
import type { Recognition } from '../recognize';
import { isPlaceholder } from '../values/thaiDigits';

export interface SheetRecord {
  /** Excel row number. */
  readonly row: number;
  /** Raw cells by template column position (same order as template.columns); undefined if unmapped. */
  readonly cells: readonly CellValue[];
}

const NOTE_START = /^\s*(\*|หมายเหตุ|ลงชื่อ|ลงนาม|ผู้จัดทำ|ผู้รายงาน|ผู้ตรวจสอบ|ผู้รับรอง|ผู้อนุมัติ|ที่มา|ข้อมูล ณ|รับรองข้อมูล|รับรองว่า|ตำแหน่ง|\(.+\)\s*$|รวม|รวมทั้งสิ้น|รวมทั้งหมด|ทั้งหมด)/;

/** Empty in the sense of the check: nothing, spaces, or only dashes and dots. */
export function isEmptyCell(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v.trim() === '' || isPlaceholder(v);
  return false;
}

const TOTAL_START = /^\s*(รวม|ยอดรวม)/;

function cellText(v: CellValue): string {
  return v === null || v === undefined ? '' : v instanceof Date ? '' : String(v);
}

export function extractRecords(grid: SheetGrid, rec: Recognition): { records: SheetRecord[]; statesNone: boolean; emptyStatementRow?: number } {
  const cols = rec.template.columns;
  const positions = cols.map((c) => rec.indexOf.get(c.key));
  const mapped = new Set<number>();
  for (const p of positions) if (p !== undefined) mapped.add(p);
  // Agency columns come pre-filled on empty rows of a new sheet: alone they do not make a record.
  const agencyCols = new Set<number>();
  cols.forEach((c, i) => {
    const p = positions[i];
    if (c.agency && p !== undefined) agencyCols.add(p);
  });
  const firstRow = grid.firstRow ?? 1;
  const records: SheetRecord[] = [];
  const statement = rec.template.emptyStatement;
  let statesNone = false;
  let emptyStatementRow: number | undefined;

  // A statement of "nothing to report" may sit in the title too.
  if (statement && rec.title.includes(statement)) statesNone = true;

  for (let r = rec.headerIndex + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    if (!row) continue;
    let filledMapped = 0;
    let filledFields = 0;
    let filledOther = 0;
    let firstText = '';
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (isEmptyCell(v)) continue;
      if (i === rec.seqIndex) continue;
      if (mapped.has(i)) {
        filledMapped++;
        if (!agencyCols.has(i)) filledFields++;
      } else filledOther++;
      if (!firstText) firstText = cellText(v);
    }
    if (filledMapped === 0 && filledOther === 0) continue;
    if (statement && (filledMapped + filledOther <= 2) && row.some((v) => typeof v === 'string' && v.includes(statement))) {
      statesNone = true;
      emptyStatementRow = firstRow + r;
      continue;
    }
    if (filledMapped === 0) continue; // text outside the table's columns: a note
    if (filledFields === 0) continue; // only the pre-filled agency columns
    if (filledMapped + filledOther === 1 && NOTE_START.test(firstText)) continue;
    // A totals line under the list ("รวม 12 รายการ | 1,234,000") is not a procurement.
    if (TOTAL_START.test(firstText) && filledMapped <= 4) continue;
    const cells = positions.map((p) => (p === undefined ? null : (row[p] ?? null)));
    records.push({ row: firstRow + r, cells });
  }
  return { records, statesNone, emptyStatementRow };
}
