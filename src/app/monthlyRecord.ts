/**
 * The form on a monthly สขร.1 sheet (ITA 2569 O11/O12): a new record goes into the table of the
 * month its contract was signed (the month the check files it under), on whichever of the item's
 * sheets holds that table — into the free row under the table's last record, or into a row inserted
 * there when the table is full (what is below moves down one row, and the officer is told), or into
 * a new table for a month no sheet has yet. A contract the tables already list is not added twice.
 */
import type { SheetGrid } from '../domain/grid';
import type { Recognition } from '../domain/recognize';
import type { AgencyProfile } from '../domain/check';
import type { Catalogue } from '../domain/templates/types';
import type { WorkbookMeta } from '../domain/workbookMeta';
import { extractMonthlyTables, monthName, type Month } from '../domain/check/monthlyTables';
import { planMonthlyPlacement } from '../domain/import/monthlyPlacement';
import { GatewayError, type WorkbookGateway } from '../workbook/gateway';
import { buildRow, recordMonth, type FormInput } from './recordForm';
import { monthlySheetsOf, writeMonthly } from './monthlyWrite';

export interface PlacedMonthlyRecord {
  readonly sheet: string;
  readonly row: number;
  readonly month: Month;
  /** The table was full: a row was inserted, and what was below moved down one row. */
  readonly inserted: boolean;
  /** No sheet had the month's table: a new one (title, header, the record) was added. */
  readonly newTable: boolean;
}

/** The month of the table a sheet row belongs to; undefined when the row is no record of a month's table. */
export function monthOfRecordRow(grid: SheetGrid, rec: Recognition, row: number): { month?: Month } | undefined {
  const table = extractMonthlyTables(grid, rec).tableOfRow.get(row);
  return table ? { ...(table.month ? { month: table.month } : {}) } : undefined;
}

export async function addMonthlyRecord(
  gw: WorkbookGateway, sheet: string, rec: Recognition, input: FormInput, meta: WorkbookMeta, cat: Catalogue, asOf: Date,
): Promise<PlacedMonthlyRecord> {
  const contractHeader = rec.template.columns.find((c) => c.key === 'contract')?.header ?? 'contract';
  const month = recordMonth(rec, input);
  if (!month) {
    throw new GatewayError(
      `ระบุวันที่ของสัญญาในช่อง "${contractHeader}" (เช่น สัญญาเลขที่ 12/2569 ลงวันที่ 15 ม.ค. 2569) เพื่อให้รู้ว่าจะลงตารางเดือนใด จึงยังไม่ได้บันทึก`,
      `Give the contract date in "${contractHeader}" (e.g. ลงวันที่ 15 ม.ค. 2569) so that the record goes into its month's table; nothing was written`,
    );
  }
  const grid = await gw.readSheet(sheet);
  const width = grid.rows.reduce((w, r) => Math.max(w, r.length), rec.template.columns.length);
  const agency: AgencyProfile | undefined = meta.agency;
  const built = buildRow(rec, width, input, agency, asOf);
  if (built.errors.length) throw new GatewayError(built.errors.map((e) => e.message).join('; '), 'The form has errors');
  // The record in the template's column order (planMonthlyPlacement lays it out per sheet).
  const values = rec.template.columns.map((c) => {
    const i = rec.indexOf.get(c.key);
    return i === undefined ? null : (built.cells[i] ?? null);
  });
  const sheets = await monthlySheetsOf(gw, { grid, rec }, rec, meta, cat);
  const title = rec.template.monthly?.monthTitle ?? 'เดือน';
  const placement = planMonthlyPlacement(sheets, sheet, [{ month, rows: [values], origins: [{ kind: 'template-sheet', source: sheet, row: 0 }] }], (m) => `${title} ${monthName(m)}`);
  const dup = placement.duplicates[0];
  if (dup) {
    throw new GatewayError(
      `รายการนี้มีอยู่แล้วที่แผ่นงาน "${dup.sheet}" แถว ${dup.row} (เลขที่สัญญาเดียวกัน หรืองานและวงเงินเดียวกัน) จึงไม่บันทึกซ้ำ: จะแก้ไข ให้เลือกเซลล์ในแถวนั้นแล้วกด "แก้ไขแถวที่เลือก"`,
      `This record is already on "${dup.sheet}", row ${dup.row} (same contract number, or same item and amount); nothing was written. To change it, select that row and press "Edit selected row"`,
    );
  }
  const w = placement.writes[0];
  if (!w) throw new GatewayError('ไม่มีอะไรจะบันทึก', 'Nothing to write');
  await writeMonthly(gw, placement);
  return { sheet: w.sheet, row: w.finalFirst, month, inserted: w.insertAt !== undefined, newTable: w.kind === 'newTable' };
}
