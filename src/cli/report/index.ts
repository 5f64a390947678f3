/**
 * `check --report FILE`: the batch's report in the format the file name says. .xlsx holds the
 * issues on a second sheet; .csv writes them to a second file beside it (NAME-issues.csv); .json and
 * .html hold both. Written atomically, never over an existing file without --force.
 */
import { promises as fs } from 'node:fs';
import { UsageError } from '../args';
import { fileExistsError, writeFileSafely } from '../writeFileSafely';
import { issuesCsv, sheetsCsv } from './csv';
import { reportHtml } from './html';
import { ISSUE_COLUMNS, reportRows, SEVERITY_TH, SHEET_COLUMNS, VERDICT_TH, type IssueRow, type ReportData, type SheetRow, type Verdict } from './rows';
import type { ReportTable } from '../../xlsx/reportWorkbook';

const SUMMARY_SHEET = 'สรุปผลการตรวจ';
const ISSUES_SHEET = 'ปัญหาที่พบ';

const WIDTHS: Record<string, number> = { agency: 30, file: 40, sheet: 28, item: 8, template: 22, edition: 7, fiscalYear: 11, records: 12, errors: 11, warnings: 10, verdict: 24, note: 40, cell: 9, severity: 11, code: 24, message: 90 };
const VERDICT_FILL: Partial<Record<Verdict, string>> = { ready: 'FFE2F0D9', 'not-ready': 'FFFADBD8', unusable: 'FFFCE4B6' };

/** The two sheets of the .xlsx report, the verdict and severity in Thai. */
function workbookTables(sheets: readonly SheetRow[], issues: readonly IssueRow[]): ReportTable[] {
  const verdictCol = SHEET_COLUMNS.findIndex((c) => c.key === 'verdict');
  return [
    {
      name: SUMMARY_SHEET,
      columns: SHEET_COLUMNS.map((c) => ({ header: c.th, width: WIDTHS[c.key] ?? 14 })),
      rows: sheets.map((r) => SHEET_COLUMNS.map((c) => (c.key === 'verdict' ? VERDICT_TH[r.verdict] : r[c.key]))),
      highlight: (i) => {
        const argb = VERDICT_FILL[sheets[i].verdict];
        return argb ? { column: verdictCol, argb } : undefined;
      },
    },
    {
      name: ISSUES_SHEET,
      columns: ISSUE_COLUMNS.map((c) => ({ header: c.th, width: WIDTHS[c.key] ?? 14 })),
      rows: issues.map((r) => ISSUE_COLUMNS.map((c) => (c.key === 'severity' ? SEVERITY_TH[r.severity] : r[c.key]))),
    },
  ];
}

export type ReportFormat = 'xlsx' | 'csv' | 'json' | 'html';

export function reportFormat(file: string): ReportFormat {
  const m = /\.(xlsx|csv|json|html?)$/i.exec(file);
  if (!m) throw new UsageError(`--report ต้องเป็นไฟล์ .xlsx, .csv, .json หรือ .html (ได้ "${file}")`, `--report must end in .xlsx, .csv, .json or .html, got "${file}"`);
  const ext = m[1].toLowerCase();
  return ext === 'htm' ? 'html' : (ext as ReportFormat);
}

/** The CSV report's second file: the issues. */
function issuesCsvPath(file: string): string {
  return file.replace(/(\.csv)$/i, '-issues$1');
}

function targets(file: string): string[] {
  return reportFormat(file) === 'csv' ? [file, issuesCsvPath(file)] : [file];
}

export async function assertReportWritable(file: string, force: boolean): Promise<void> {
  if (force) return;
  for (const t of targets(file)) {
    if (await fs.stat(t).then(() => true, () => false)) throw fileExistsError(t);
  }
}

export async function writeReport(file: string, data: ReportData, force: boolean): Promise<void> {
  const { sheets, issues } = reportRows(data);
  switch (reportFormat(file)) {
    case 'xlsx': {
      // exceljs is loaded only for an .xlsx report: a check that reads by streaming needs none of it.
      const { writeReportWorkbook } = await import('../../xlsx/reportWorkbook');
      return writeFileSafely(file, (out) => writeReportWorkbook(out, workbookTables(sheets, issues)), { force });
    }
    case 'csv':
      // Both files are checked free before either is written.
      await assertReportWritable(file, force);
      await writeFileSafely(file, sheetsCsv(sheets), { force });
      return writeFileSafely(issuesCsvPath(file), issuesCsv(issues), { force });
    case 'json':
      return writeFileSafely(file, JSON.stringify({
        generatedAt: data.generatedAt.toISOString(),
        asOf: data.asOf ? data.asOf.toISOString().slice(0, 10) : null,
        linksChecked: data.linksChecked,
        sheets: sheets.map((s) => ({ ...s, verdictText: VERDICT_TH[s.verdict] })),
        issues,
      }, null, 2) + '\n', { force });
    case 'html':
      return writeFileSafely(file, reportHtml(data, sheets, issues), { force });
  }
}
