/**
 * The report of a batch check as two tables, the same for every format: one row per file and sheet
 * (skipped and unreadable files included, so every input is accounted for), and one row per issue.
 */
import { reasonWithoutFile, type FileResult } from '../checkFile';
import type { Skipped } from '../checkInputs';

export interface ReportData {
  readonly results: readonly FileResult[];
  readonly skipped: readonly Skipped[];
  readonly generatedAt: Date;
  readonly asOf?: Date;
  readonly linksChecked: boolean;
}

export type Verdict = 'ready' | 'not-ready' | 'not-a-template' | 'unusable' | 'skipped';

export const VERDICT_TH: Readonly<Record<Verdict, string>> = {
  ready: 'พร้อมเผยแพร่',
  'not-ready': 'ยังไม่พร้อมเผยแพร่',
  'not-a-template': 'ไม่ใช่แบบที่รู้จัก (ไม่ได้ตรวจ)',
  unusable: 'ตรวจไม่ได้',
  skipped: 'ข้าม',
};

export interface SheetRow {
  readonly file: string;
  readonly agency: string;
  readonly sheet: string;
  /** The item agencies know it by (o16, oit…), and the template id. */
  readonly item: string;
  readonly template: string;
  readonly edition: string;
  readonly fiscalYear: number | null;
  readonly records: number | null;
  readonly errors: number | null;
  readonly warnings: number | null;
  readonly verdict: Verdict;
  /** Why a file was not checked. */
  readonly note: string;
}

export interface IssueRow {
  readonly file: string;
  readonly agency: string;
  readonly sheet: string;
  /** "K12", or "" for a sheet-level issue. */
  readonly cell: string;
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly message: string;
}

/** The columns every format shows, in order, with their Thai headings. */
export const SHEET_COLUMNS: readonly { key: keyof SheetRow; th: string }[] = [
  { key: 'agency', th: 'หน่วยงาน' },
  { key: 'file', th: 'ไฟล์' },
  { key: 'sheet', th: 'แผ่นงาน' },
  { key: 'item', th: 'แบบ' },
  { key: 'template', th: 'รหัสแบบ' },
  { key: 'edition', th: 'ITA' },
  { key: 'fiscalYear', th: 'ปีงบประมาณ' },
  { key: 'records', th: 'จำนวนรายการ' },
  { key: 'errors', th: 'ข้อผิดพลาด' },
  { key: 'warnings', th: 'คำเตือน' },
  { key: 'verdict', th: 'ผลการตรวจ' },
  { key: 'note', th: 'หมายเหตุ' },
];

export const ISSUE_COLUMNS: readonly { key: keyof IssueRow; th: string }[] = [
  { key: 'agency', th: 'หน่วยงาน' },
  { key: 'file', th: 'ไฟล์' },
  { key: 'sheet', th: 'แผ่นงาน' },
  { key: 'cell', th: 'เซลล์' },
  { key: 'severity', th: 'ระดับ' },
  { key: 'code', th: 'รหัสปัญหา' },
  { key: 'message', th: 'รายละเอียด' },
];

export const SEVERITY_TH = { error: 'ข้อผิดพลาด', warning: 'คำเตือน' } as const;

export function reportRows(data: ReportData): { sheets: SheetRow[]; issues: IssueRow[] } {
  const sheets: SheetRow[] = [];
  const issues: IssueRow[] = [];
  const none = { item: '', template: '', edition: '', fiscalYear: null, records: null, errors: null, warnings: null };
  for (const r of data.results) {
    if (r.status === 'unusable') {
      sheets.push({ file: r.file, agency: '', sheet: '', ...none, verdict: 'unusable', note: reasonWithoutFile(r) });
      continue;
    }
    for (const s of r.sheets) {
      const errors = s.issues.filter((i) => i.severity === 'error').length;
      sheets.push({
        file: r.file, agency: r.agency, sheet: s.sheet,
        item: s.item ?? '', template: s.template ?? '', edition: s.edition ?? '', fiscalYear: s.fiscalYear ?? null,
        records: s.template ? s.rows : null, errors: s.template ? errors : null, warnings: s.template ? s.issues.length - errors : null,
        verdict: !s.template ? 'not-a-template' : errors === 0 ? 'ready' : 'not-ready',
        note: '',
      });
      for (const i of s.issues) {
        issues.push({
          file: r.file, agency: r.agency, sheet: s.sheet, cell: i.column ? `${i.column}${i.row ?? ''}` : i.row !== null ? `แถว ${i.row}` : '',
          severity: i.severity, code: i.code, message: i.message,
        });
      }
    }
  }
  for (const s of data.skipped) sheets.push({ file: s.file, agency: '', sheet: '', ...none, verdict: 'skipped', note: s.th });
  return { sheets, issues };
}

/** A row's cell as text, for CSV and HTML (the verdict and severity in Thai). */
export function cellText(row: SheetRow | IssueRow, key: string): string {
  const v = (row as unknown as Record<string, unknown>)[key];
  if (key === 'verdict') return VERDICT_TH[v as Verdict];
  if (key === 'severity') return SEVERITY_TH[v as 'error' | 'warning'];
  return v === null || v === undefined ? '' : String(v);
}
