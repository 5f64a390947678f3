/**
 * Reads and writes the monthly สขร.1 sheets of one item (ITA 2569 O11/O12) for the import and the
 * form: the workbook's sheets of the same template and edition (one sheet, or one per quarter), and
 * a planned placement written into them.
 */
import type { SheetGrid } from '../domain/grid';
import { recognize } from '../domain/recognize';
import type { TemplateChoice } from '../domain/templates';
import type { Catalogue } from '../domain/templates/types';
import type { WorkbookMeta } from '../domain/workbookMeta';
import type { MonthlyPlacement, MonthlySheet } from '../domain/import/monthlyPlacement';
import { monthKey, monthName } from '../domain/check/monthlyTables';
import { GatewayError, type WorkbookGateway } from '../workbook/gateway';

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
 * Writes a monthly plan: per sheet from the bottom up, so that the rows a write inserts never move
 * a place planned above it; in each month, the rows are inserted first (a failed insert writes
 * nothing of that month), then the free rows above them are written.
 */
export async function writeMonthly(gw: WorkbookGateway, placement: MonthlyPlacement): Promise<void> {
  const order = [...placement.writes].sort((a, b) => (a.sheet === b.sheet ? b.firstRow - a.firstRow : a.sheet.localeCompare(b.sheet)));
  for (const w of order) {
    if (w.lead) await gw.writeRows(w.sheet, w.firstRow - w.lead.length, w.lead);
    if (w.insertAt !== undefined) {
      try {
        await gw.insertRows(w.sheet, w.insertAt, w.rows.slice(w.free), w.numFmts);
      } catch (e) {
        if (e instanceof GatewayError) throw e;
        throw new GatewayError(
          `แทรกแถวเหนือแถว ${w.insertAt} ของแผ่นงาน "${w.sheet}" (ตารางเดือน ${monthName(w.month)}) ไม่ได้: แทรกแถวว่างในตารางเดือนนั้นให้พอ ${w.rows.length - w.free} แถว แล้วนำเข้าอีกครั้ง`,
          `Rows could not be inserted above row ${w.insertAt} of "${w.sheet}" (${monthKey(w.month)}): insert ${w.rows.length - w.free} empty rows in that month's table and import again`,
        );
      }
    }
    if (w.free > 0) await gw.writeRows(w.sheet, w.firstRow, w.rows.slice(0, w.free), w.numFmts);
  }
}
