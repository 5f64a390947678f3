/**
 * A report workbook: tables with a bold, frozen, filterable header row, written row by row with
 * exceljs's streaming writer, so a thousand agencies' issues (a hundred thousand rows and more)
 * never sit whole in memory.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

export interface ReportTable {
  readonly name: string;
  readonly columns: readonly { readonly header: string; readonly width: number }[];
  readonly rows: readonly (readonly (string | number | null)[])[];
  /** A fill colour (ARGB) for one cell of a row: the verdict, say. */
  readonly highlight?: (row: number) => { readonly column: number; readonly argb: string } | undefined;
}

const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };

function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** Writes the tables, one sheet each, into `file` (the caller's temporary file). */
export async function writeReportWorkbook(stream: Writable, tables: readonly ReportTable[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = 'ita-forms';
  for (const t of tables) {
    const ws = wb.addWorksheet(t.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = t.columns.map((c) => ({ width: c.width }));
    ws.autoFilter = `A1:${columnLetters(t.columns.length)}1`;
    const head = ws.addRow(t.columns.map((c) => c.header));
    head.eachCell((cell) => {
      cell.font = { bold: true };
      cell.fill = HEAD_FILL;
    });
    head.commit();
    t.rows.forEach((values, i) => {
      const row = ws.addRow([...values]);
      const h = t.highlight?.(i);
      if (h) row.getCell(h.column + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: h.argb } };
      row.commit();
    });
    ws.commit();
  }
  await wb.commit();
}
