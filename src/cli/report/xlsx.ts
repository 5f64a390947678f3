/** The report as a workbook: the summary per file and sheet, and the issues on a second sheet. */
import ExcelJS from 'exceljs';
import { ISSUE_COLUMNS, SEVERITY_TH, SHEET_COLUMNS, VERDICT_TH, type IssueRow, type SheetRow, type Verdict } from './rows';

export const SUMMARY_SHEET = 'สรุปผลการตรวจ';
export const ISSUES_SHEET = 'ปัญหาที่พบ';

const WIDTHS: Record<string, number> = { agency: 30, file: 40, sheet: 28, item: 8, template: 22, edition: 7, fiscalYear: 11, records: 12, errors: 11, warnings: 10, verdict: 24, note: 40, cell: 9, severity: 11, code: 24, message: 90 };
const VERDICT_FILL: Partial<Record<Verdict, string>> = { ready: 'FFE2F0D9', 'not-ready': 'FFFADBD8', unusable: 'FFFCE4B6' };

function header(ws: ExcelJS.Worksheet, columns: readonly { key: string; th: string }[]): void {
  ws.columns = columns.map((c) => ({ key: c.key, width: WIDTHS[c.key] ?? 14 }));
  const row = ws.getRow(1);
  row.values = columns.map((c) => c.th);
  row.font = { bold: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

export async function reportWorkbook(sheets: readonly SheetRow[], issues: readonly IssueRow[], title: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ita-forms';
  wb.title = title;
  const ws = wb.addWorksheet(SUMMARY_SHEET);
  header(ws, SHEET_COLUMNS);
  for (const r of sheets) {
    const row = ws.addRow(SHEET_COLUMNS.map((c) => (c.key === 'verdict' ? VERDICT_TH[r.verdict] : r[c.key])));
    const fill = VERDICT_FILL[r.verdict];
    if (fill) row.getCell(SHEET_COLUMNS.findIndex((c) => c.key === 'verdict') + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
  }
  const wi = wb.addWorksheet(ISSUES_SHEET);
  header(wi, ISSUE_COLUMNS);
  for (const r of issues) wi.addRow(ISSUE_COLUMNS.map((c) => (c.key === 'severity' ? SEVERITY_TH[r.severity] : r[c.key])));
  wi.getColumn(ISSUE_COLUMNS.length).alignment = { wrapText: true, vertical: 'top' };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
