/**
 * The report as a workbook: the summary per file and sheet, and the issues on a second sheet.
 * Written row by row with exceljs's streaming writer: a thousand agencies' issues (a hundred
 * thousand rows and more) never sit whole in memory.
 */
import ExcelJS from 'exceljs';
import { ISSUE_COLUMNS, SEVERITY_TH, SHEET_COLUMNS, VERDICT_TH, type IssueRow, type SheetRow, type Verdict } from './rows';

export const SUMMARY_SHEET = 'สรุปผลการตรวจ';
export const ISSUES_SHEET = 'ปัญหาที่พบ';

const WIDTHS: Record<string, number> = { agency: 30, file: 40, sheet: 28, item: 8, template: 22, edition: 7, fiscalYear: 11, records: 12, errors: 11, warnings: 10, verdict: 24, note: 40, cell: 9, severity: 11, code: 24, message: 90 };
const VERDICT_FILL: Partial<Record<Verdict, string>> = { ready: 'FFE2F0D9', 'not-ready': 'FFFADBD8', unusable: 'FFFCE4B6' };
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };

function lastColumn(n: number): string {
  return String.fromCharCode(64 + n);
}

function sheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: readonly { key: string; th: string }[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ key: c.key, width: WIDTHS[c.key] ?? 14 }));
  ws.autoFilter = `A1:${lastColumn(columns.length)}1`;
  const head = ws.addRow(columns.map((c) => c.th));
  head.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEAD_FILL;
  });
  head.commit();
  return ws;
}

/** Writes the report workbook into `file` (the caller's temporary file). */
export async function writeReportWorkbook(file: string, sheets: readonly SheetRow[], issues: readonly IssueRow[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  wb.creator = 'ita-forms';
  const ws = sheet(wb, SUMMARY_SHEET, SHEET_COLUMNS);
  const verdictCol = SHEET_COLUMNS.findIndex((c) => c.key === 'verdict') + 1;
  for (const r of sheets) {
    const row = ws.addRow(SHEET_COLUMNS.map((c) => (c.key === 'verdict' ? VERDICT_TH[r.verdict] : r[c.key])));
    const fill = VERDICT_FILL[r.verdict];
    if (fill) row.getCell(verdictCol).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    row.commit();
  }
  ws.commit();
  const wi = sheet(wb, ISSUES_SHEET, ISSUE_COLUMNS);
  for (const r of issues) wi.addRow(ISSUE_COLUMNS.map((c) => (c.key === 'severity' ? SEVERITY_TH[r.severity] : r[c.key]))).commit();
  wi.commit();
  await wb.commit();
}
