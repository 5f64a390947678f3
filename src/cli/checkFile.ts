/**
 * One workbook on disk → its check result, as plain data. The same function runs in the command's
 * own thread (one file) and in the worker pool (many files), so a file checked alone and in a batch
 * gets the same verdict. Everything it returns can cross a worker boundary (structured clone).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { checkWorkbook, type AgencyProfile, type SheetReport } from '../domain/check';
import { catalogue as builtIn } from '../domain/templates';
import type { Catalogue } from '../domain/templates/types';
import type { LoadedWorkbook } from '../xlsx/read';
import { catalogueText } from './catalogueFlag';
import { explained } from './io';
import { columnLetter, type SheetGrid } from '../domain/grid';
import { inspectWorkbookFile } from '../xlsx/inspectFile';
import { readWorkbookFile } from '../xlsx/streamRead';
import type { HyperlinkCell } from '../xlsx/hyperlinks';

/** What `check` was told, the same for every file of a run. */
export interface CheckFileOptions {
  /** Today in Thailand (the as-of date when none is given). */
  readonly today: Date;
  readonly asOf?: Date;
  readonly fiscalYear?: number;
  readonly edition?: string;
  /** The `--agency` profile; the workbook's own profile is used when absent. */
  readonly agency?: AgencyProfile;
  readonly website?: string;
  /** `--catalogue FILE`: its text (it crosses to the workers as text), else the workbook's own, else the built-in one. */
  readonly catalogue?: { readonly text: string; readonly file: string };
  /** Collect the web addresses of the workbook for `--check-links`. */
  readonly collectLinks?: boolean;
}

/** A web address found in a cell. */
interface LinkCell {
  readonly sheet: string;
  /** Excel row number and column letters of the cell. */
  readonly row: number;
  readonly column: string;
  readonly url: string;
  /** The cell is the URL column of a recognised template (OIT checklist), not any cell. */
  readonly templateUrl: boolean;
}

/** Where the agency name of a file came from. */
type AgencySource = 'profile' | 'column' | 'flag' | 'file';

export interface CheckedFile {
  readonly status: 'checked';
  readonly file: string;
  readonly agency: string;
  readonly agencySource: AgencySource;
  /** The agency's main website (flag, or profile), for the link check's domain. */
  readonly website?: string;
  readonly errors: number;
  readonly warnings: number;
  /** Per sheet, as the check reports it (without the fix values and completeness figures). */
  readonly sheets: readonly SheetReport[];
  readonly links?: readonly LinkCell[];
}

export interface UnusableFile {
  readonly status: 'unusable';
  readonly file: string;
  /** The one-line reason, in Thai and English. */
  readonly th: string;
  readonly en: string;
}

export type FileResult = CheckedFile | UnusableFile;

/** The reason without the file name it starts with, for lists that show the file beside it. */
export function reasonWithoutFile(r: UnusableFile): string {
  return r.th.startsWith(r.file) ? r.th.slice(r.file.length).replace(/^:?\s*/, '') : r.th;
}

/** Catalogue files read once per process (a worker checks many files against the same one). */
const catalogues = new Map<string, Catalogue>();

function catalogueFrom(text: string, file: string): Catalogue {
  let cat = catalogues.get(text);
  if (!cat) {
    cat = catalogueText(text, file).catalogue;
    catalogues.set(text, cat);
  }
  return cat;
}

/** The catalogue a workbook is checked against: the --catalogue file, else the one it keeps, else the built-in one. */
function catalogueFor(loaded: LoadedWorkbook, file: string, opts: Pick<CheckFileOptions, 'catalogue'>): Catalogue {
  if (opts.catalogue) return catalogueFrom(opts.catalogue.text, opts.catalogue.file);
  if (loaded.meta.catalogue) return catalogueFrom(loaded.meta.catalogue, `${file} (ita-forms)`);
  return builtIn;
}

function unusable(file: string, th: string, en: string): UnusableFile {
  return { status: 'unusable', file, th, en };
}

/** The value most records carry in the template's agency-name column (ชื่อหน่วยงาน). */
function agencyFromColumns(checks: ReturnType<typeof checkWorkbook>['checks']): string | undefined {
  const counts = new Map<string, number>();
  for (const c of checks) {
    const rec = c.recognition;
    if (!rec) continue;
    const pos = rec.template.columns.findIndex((col) => col.agency === 'name');
    const idx = pos < 0 ? undefined : rec.indexOf.get(rec.template.columns[pos].key);
    if (idx === undefined) continue;
    for (const r of c.records) {
      const v = r.source[idx];
      if (typeof v === 'string' && v.trim()) counts.set(v.trim(), (counts.get(v.trim()) ?? 0) + 1);
    }
  }
  let best: string | undefined;
  let n = 0;
  for (const [k, c] of counts) if (c > n) (best = k), (n = c);
  return best;
}

const URL_CELL = /^https?:\/\/[^\s]+$/i;

/**
 * Every cell that is a web address and nothing else, and every hyperlink's target; those in the URL
 * column of a template (the OIT checklist) marked as such.
 */
function linkCells(sheets: readonly SheetGrid[], checks: ReturnType<typeof checkWorkbook>['checks'], hyperlinks: readonly HyperlinkCell[]): LinkCell[] {
  const out: LinkCell[] = [];
  const urlColumns = new Map<string, { col: number | undefined; headerRow: number }>();
  sheets.forEach((g, i) => {
    const rec = checks[i]?.recognition;
    const urlCol = rec?.template.columns.find((c) => c.type === 'url');
    urlColumns.set(g.name, { col: urlCol ? rec?.indexOf.get(urlCol.key) : undefined, headerRow: rec?.headerRow ?? 0 });
  });
  const isTemplateUrl = (sheet: string, row: number, col: number) => {
    const u = urlColumns.get(sheet);
    return u !== undefined && u.col === col && row > u.headerRow;
  };
  const seen = new Set<string>();
  const add = (sheet: string, row: number, col: number, url: string) => {
    const key = `${sheet}\u0000${row}:${col}\u0000${url}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ sheet, row, column: columnLetter(col), url, templateUrl: isTemplateUrl(sheet, row, col) });
  };
  for (const g of sheets) {
    const first = g.firstRow ?? 1;
    g.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (typeof v === 'string' && URL_CELL.test(v.trim())) add(g.name, first + r, c, v.trim());
      });
    });
  }
  for (const h of hyperlinks) if (urlColumns.has(h.sheet)) add(h.sheet, h.row, h.col - 1, h.url);
  return out;
}

/** A workbook read and checked, before the figures `check` reports are drawn from it. */
export interface ReadAndChecked {
  readonly status: 'read';
  readonly loaded: LoadedWorkbook;
  readonly report: ReturnType<typeof checkWorkbook>;
  /** The agency profile the check used: --agency, else the workbook's own. */
  readonly agency?: AgencyProfile;
}

/**
 * The gate of `check` and `fix`: a file that is missing, not an .xlsx, unsafe to inflate, corrupt
 * or holds no template is unusable; else it is read once (by streaming) and checked once.
 */
export async function readAndCheck(file: string, opts: CheckFileOptions): Promise<ReadAndChecked | UnusableFile> {
  try {
    await fs.access(file);
  } catch {
    return unusable(file, `ไม่พบไฟล์หรือเปิดไม่ได้: ${file}`, `File not found or unreadable: ${file}`);
  }
  // What the file is (.xls, .ods, encrypted, not a workbook) and whether it is safe to inflate,
  // before any of it is read.
  try {
    await inspectWorkbookFile(file);
  } catch (e) {
    if (explained(e)) return unusable(file, e.th.startsWith(file) ? e.th : `${file}: ${e.th}`, e.en.startsWith(file) ? e.en : `${file}: ${e.en}`);
    return unusable(file, `${file} เสียหายหรืออ่านไม่ได้`, `${file} is corrupt or cannot be read`);
  }
  let loaded;
  try {
    loaded = await readWorkbookFile(file);
  } catch {
    return unusable(file, `${file} เสียหายหรืออ่านไม่ได้`, `${file} is corrupt or cannot be read`);
  }
  const agency = opts.agency ?? loaded.meta.agency;
  let cat: Catalogue;
  try {
    cat = catalogueFor(loaded, file, opts);
  } catch (e) {
    if (explained(e)) return unusable(file, e.th, e.en);
    throw e;
  }
  const report = checkWorkbook(loaded.sheets, { today: opts.today, asOf: opts.asOf, fiscalYear: opts.fiscalYear, agency, edition: opts.edition, website: opts.website }, (sheet) => {
    const b = loaded.meta.sheets[sheet];
    return b ? { templateId: b.template, edition: opts.edition ?? b.edition } : {};
  }, cat);
  if (!report.sheets.some((s) => s.template)) {
    return unusable(file, `${file}: ไม่พบแบบที่รู้จักในแผ่นงานใดเลย (หัวตารางไม่ตรงกับแบบใดในรายการ ita-forms templates)`, `${file}: no sheet holds a recognised template`);
  }
  return { status: 'read', loaded, report, ...(agency ? { agency } : {}) };
}

export async function checkFile(file: string, opts: CheckFileOptions): Promise<FileResult> {
  const read = await readAndCheck(file, opts);
  if (read.status === 'unusable') return read;
  const { loaded, report, agency } = read;
  const fromProfile = loaded.meta.agency?.name;
  const fromColumns = fromProfile ? undefined : agencyFromColumns(report.checks);
  const fromFlag = opts.agency?.name;
  const [name, agencySource]: [string, AgencySource] = fromProfile
    ? [fromProfile, 'profile']
    : fromColumns
      ? [fromColumns, 'column']
      : fromFlag
        ? [fromFlag, 'flag']
        : [path.basename(file, path.extname(file)), 'file'];
  // Only what the reports use crosses back: no completeness per field (the fixes are in --format json).
  const sheets = report.sheets.map(({ completeness: _c, ...s }) => s);
  const website = opts.website ?? agency?.website;
  return {
    status: 'checked', file, agency: name, agencySource, errors: report.errors, warnings: report.warnings, sheets,
    ...(website ? { website } : {}),
    ...(opts.collectLinks ? { links: linkCells(loaded.sheets, report.checks, await (await import('../xlsx/hyperlinks')).readHyperlinks(file)) } : {}),
  };
}
