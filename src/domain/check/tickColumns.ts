/**
 * A field given by tick columns instead of one cell: seed 000's OIT table heads two columns
 * ดำเนินการแล้ว / ยังไม่ได้ดำเนินการ under "ดำเนินการเผยแพร่ข้อมูลบนเว็บไซต์" (a heading over two
 * columns, the sub-headings on the row below) and marks one of them per item — with a tick, or with
 * a sentence such as "✓ เปิดเผยแพร่ข้อมูลครบถ้วนตามองค์ประกอบที่กำหนด".
 */
import { columnLetter, type CellValue, type SheetGrid } from '../grid';
import { headerKey, type Recognition } from '../recognize';
import type { ColumnDef } from '../templates/types';
import { isEmptyCell } from './records';

interface TickColumn {
  /** 0-based sheet column. */
  readonly index: number;
  readonly letter: string;
  readonly header: string;
  /** The value a mark in this column gives the field. */
  readonly value: string;
}

export interface TickField {
  /** Template column position of the field the ticks give. */
  readonly pos: number;
  readonly column: ColumnDef;
  readonly ticks: readonly TickColumn[];
}

const str = (v: CellValue | undefined) => (typeof v === 'string' ? v : '');

/** A box left empty ("☐"), or a cell holding only a box, says nothing is ticked. */
const UNTICKED_ONLY = /^[\s☐□]*$/;

function isTicked(v: CellValue | undefined): boolean {
  if (isEmptyCell(v)) return false;
  if (v === false || v === 0) return false;
  return !(typeof v === 'string' && UNTICKED_ONLY.test(v));
}

/**
 * Finds tick columns in the header row or the row under it. When they are on the row under it,
 * that row is part of the header: the recognition returned starts the records below it. A field
 * mapped onto a tick column (the heading above both) is unmapped: its ticks give it instead.
 */
export function findTickColumns(grid: SheetGrid, rec: Recognition): { rec: Recognition; fields: TickField[] } {
  const fields: TickField[] = [];
  let subHeader = false;
  const taken = new Set<number>();
  rec.template.columns.forEach((column, pos) => {
    if (!column.tickColumns) return;
    const ticks: TickColumn[] = [];
    for (const [offset, rowIndex] of [[0, rec.headerIndex], [1, rec.headerIndex + 1]] as const) {
      const row = grid.rows[rowIndex] ?? [];
      for (const t of column.tickColumns) {
        const keys = new Set([t.header, ...(t.aliases ?? [])].map(headerKey));
        const i = row.findIndex((v, idx) => !taken.has(idx) && keys.has(headerKey(str(v))));
        if (i < 0 || ticks.some((x) => x.index === i)) continue;
        ticks.push({ index: i, letter: columnLetter(i), header: t.header, value: t.value });
        taken.add(i);
        if (offset === 1) subHeader = true;
      }
      if (ticks.length === 0) continue;
      // The row under the header is a sub-header only if it holds nothing but tick headings.
      if (offset === 1 && row.some((v, idx) => !isEmptyCell(v) && !ticks.some((t) => t.index === idx))) {
        for (const t of ticks) taken.delete(t.index);
        ticks.length = 0;
        subHeader = false;
      }
      break;
    }
    if (ticks.length) fields.push({ pos, column, ticks });
  });
  if (fields.length === 0) return { rec, fields };
  const indexOf = new Map(rec.indexOf);
  for (const f of fields) {
    const at = indexOf.get(f.column.key);
    if (at !== undefined && f.ticks.some((t) => t.index === at)) indexOf.delete(f.column.key);
  }
  const matches = rec.matches.filter((m) => indexOf.get(m.column.key) === m.index);
  const missing = rec.template.columns.filter((c) => !indexOf.has(c.key));
  return {
    rec: { ...rec, indexOf, matches, missing, headerIndex: subHeader ? rec.headerIndex + 1 : rec.headerIndex },
    fields,
  };
}

/** The value the ticks of a row give: the one ticked column's, or why there is none. */
export function tickedValue(f: TickField, row: readonly CellValue[]): { value?: string; ticked: number } {
  const on = f.ticks.filter((t) => isTicked(row[t.index]));
  return on.length === 1 ? { value: on[0].value, ticked: 1 } : { ticked: on.length };
}
