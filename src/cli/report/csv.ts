/** The report as CSV for Excel: UTF-8 with a BOM (so Thai opens right), CRLF, RFC 4180 quoting. */
import { cellText, ISSUE_COLUMNS, SHEET_COLUMNS, type IssueRow, type SheetRow } from './rows';

function field(s: string): string {
  // A text starting with = + - @ would run as a formula when the file is opened in Excel.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function table<R extends SheetRow | IssueRow>(columns: readonly { key: keyof R; th: string }[], rows: readonly R[]): string {
  const lines = [columns.map((c) => field(c.th)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => field(cellText(r, c.key as string))).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export function sheetsCsv(rows: readonly SheetRow[]): string {
  return table(SHEET_COLUMNS, rows);
}

export function issuesCsv(rows: readonly IssueRow[]): string {
  return table(ISSUE_COLUMNS, rows);
}
