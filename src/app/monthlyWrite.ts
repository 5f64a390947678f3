/**
 * Reads and writes the monthly สขร.1 sheets of one item (ITA 2569 O11/O12) for the import and the
 * form: the workbook's sheets of the same template and edition (one sheet, or one per quarter), and
 * a planned placement written into them.
 */
import type { CellValue, SheetGrid } from '../domain/grid';
import { recognize } from '../domain/recognize';
import type { TemplateChoice } from '../domain/templates';
import type { Catalogue } from '../domain/templates/types';
import type { WorkbookMeta } from '../domain/workbookMeta';
import type { MonthlyPlacement, MonthlySheet } from '../domain/import/monthlyPlacement';
import { monthKey, monthName } from '../domain/check/monthlyTables';
import { GatewayError, type CellWrite, type WorkbookGateway } from '../workbook/gateway';

/** The item's other sheets in the workbook (a month's table may be on any of them), after `first`. */
export async function monthlySheetsOf(gw: WorkbookGateway, first: MonthlySheet, choice: TemplateChoice, meta: WorkbookMeta, cat: Catalogue): Promise<MonthlySheet[]> {
  const sheets: MonthlySheet[] = [first];
  for (const name of await gw.listSheets()) {
    if (name === first.grid.name) continue;
    const grid: SheetGrid = await gw.readSheet(name);
    const b = meta.sheets[name];
    const rec = recognize(grid, b ? { templateId: b.template, edition: b.edition } : {}, cat);
    if (rec && rec.template.id === choice.template.id && rec.edition.edition === choice.edition.edition) sheets.push({ grid, rec });
  }
  return sheets;
}

/**
 * Writes a monthly plan in few round trips: first the inserts, per sheet from the bottom up (each in
 * the sheet as it is, so an insert never moves a place planned above it; the inserted rows get
 * their values as they are made), then every free row and new table of a sheet in one write, at
 * the rows they have once the inserts are made. A failed insert stops before anything else is written.
 */
export async function writeMonthly(gw: WorkbookGateway, placement: MonthlyPlacement): Promise<void> {
  const inserts = placement.writes.filter((w) => w.insertAt !== undefined);
  inserts.sort((a, b) => (a.sheet === b.sheet ? b.insertAt! - a.insertAt! : a.sheet.localeCompare(b.sheet)));
  for (const w of inserts) {
    try {
      await gw.insertRows(w.sheet, w.insertAt!, w.rows.slice(w.free), w.numFmts);
    } catch (e) {
      if (e instanceof GatewayError) throw e;
      throw new GatewayError(
        `แทรกแถวเหนือแถว ${w.insertAt} ของแผ่นงาน "${w.sheet}" (ตารางเดือน ${monthName(w.month)}) ไม่ได้: แทรกแถวว่างในตารางเดือนนั้นให้พอ ${w.rows.length - w.free} แถว แล้วนำเข้าอีกครั้ง`,
        `Rows could not be inserted above row ${w.insertAt} of "${w.sheet}" (${monthKey(w.month)}): insert ${w.rows.length - w.free} empty rows in that month's table and import again`,
      );
    }
  }
  const bySheet = new Map<string, CellWrite[]>();
  for (const w of placement.writes) {
    const cells = bySheet.get(w.sheet) ?? [];
    const put = (row: number, values: readonly CellValue[], numFmts?: readonly (string | undefined)[]) =>
      values.forEach((value, c) => {
        if (value !== null) cells.push({ row, col: c + 1, value, ...(numFmts?.[c] ? { numFmt: numFmts[c] } : {}) });
      });
    (w.lead ?? []).forEach((values, k) => put(w.finalFirst - (w.lead?.length ?? 0) + k, values));
    w.rows.slice(0, w.free).forEach((values, k) => put(w.finalFirst + k, values, w.numFmts));
    bySheet.set(w.sheet, cells);
  }
  for (const [sheet, cells] of bySheet) if (cells.length) await gw.writeCells(sheet, cells);
}
