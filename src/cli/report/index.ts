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
import { reportRows, VERDICT_TH, type ReportData } from './rows';
import { writeReportWorkbook } from './xlsx';

export type ReportFormat = 'xlsx' | 'csv' | 'json' | 'html';

export function reportFormat(file: string): ReportFormat {
  const m = /\.(xlsx|csv|json|html?)$/i.exec(file);
  if (!m) throw new UsageError(`--report ต้องเป็นไฟล์ .xlsx, .csv, .json หรือ .html (ได้ "${file}")`, `--report must end in .xlsx, .csv, .json or .html, got "${file}"`);
  const ext = m[1].toLowerCase();
  return ext === 'htm' ? 'html' : (ext as ReportFormat);
}

/** The CSV report's second file: the issues. */
export function issuesCsvPath(file: string): string {
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
    case 'xlsx':
      return writeFileSafely(file, (tmp) => writeReportWorkbook(tmp, sheets, issues), { force });
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
