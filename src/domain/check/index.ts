/**
 * The check: grid + template → issues with row, column and a Thai message. Field problems come
 * from the value parsers; cross-field problems from the named rules the template lists.
 */
import { columnLetter, type CellValue, type SheetGrid } from '../grid';
import { catalogue as defaultCatalogue, optionList } from '../templates';
import type { Catalogue, ColumnDef, TemplateDef } from '../templates/types';
import { STATUS_CANCELLED, STATUS_NOT_SIGNED } from '../templates/options';
import { recognize, titleFiscalYear, type Recognition, type RecognizeHints } from '../recognize';
import { compileOptions, type OptionMatcher } from '../values/options';
import { fiscalYearRange, formatThaiDate, parseFiscalYear, utcDate } from '../values/thaiDate';
import { summarizeByMethod, type Summary } from '../summarize';
import { parseField, type FieldEnv, type FieldResult, type FieldValue } from './fields';
import { extractRecords, isEmptyCell, type SheetRecord } from './records';
import { makePos, sheetIssue, type CheckedRecord, type DateWindow, type Figure, type RuleContext } from './context';
import { RECORD_RULES as PROCUREMENT_RECORD_RULES, SHEET_RULES as PROCUREMENT_SHEET_RULES } from './rules';
import { CROSS_RULES, MEASURE_RECORD_RULES, MEASURE_SHEET_RULES } from './measureRules';
import { SCORE_SHEET_RULES } from './scoreRules';
import { MONTHLY_RECORD_RULES, MONTHLY_SHEET_RULES, monthMissingIssue, requiredMonths } from './monthlyRules';
import { extractMonthlyTables, monthKey, type Month, type MonthlyTables } from './monthlyTables';

const RECORD_RULES = { ...PROCUREMENT_RECORD_RULES, ...MEASURE_RECORD_RULES, ...MONTHLY_RECORD_RULES };
const SHEET_RULES = { ...PROCUREMENT_SHEET_RULES, ...MEASURE_SHEET_RULES, ...SCORE_SHEET_RULES, ...MONTHLY_SHEET_RULES };
import { compareSummary, findSummaryTable } from './summaryTable';
import type { CheckOptions, Issue, SheetReport, WorkbookReport } from './types';

export type { CheckOptions, Issue, SheetReport, WorkbookReport, AgencyProfile, Fix } from './types';
export type { CheckedRecord } from './context';
export { statusFromDates } from './rules';

const matcherCache = new WeakMap<Catalogue, Map<string, OptionMatcher>>();

function matchers(cat: Catalogue): (id: string) => OptionMatcher {
  let m = matcherCache.get(cat);
  if (!m) {
    m = new Map();
    matcherCache.set(cat, m);
  }
  const cache = m;
  return (id) => {
    let matcher = cache.get(id);
    if (!matcher) {
      matcher = compileOptions(optionList(id, cat));
      cache.set(id, matcher);
    }
    return matcher;
  };
}

/** The window a template's dates must fall in, for the assessed fiscal year. */
export function dateWindow(rec: Pick<Recognition, 'edition'>, fiscalYear: number): DateWindow {
  const { start, end } = fiscalYearRange(fiscalYear);
  let w: { start: Date; end: Date };
  switch (rec.edition.window) {
    case 'firstHalf':
      w = { start, end: utcDate(start.getUTCFullYear() + 1, 3, 31) };
      break;
    case 'fiscalYear':
      w = { start, end };
      break;
    case 'previousFiscalYear':
      w = fiscalYearRange(fiscalYear - 1);
      break;
  }
  return { ...w, label: `${formatThaiDate(w.start)} – ${formatThaiDate(w.end)}` };
}

/** The fiscal year on the sheet: the value most rows carry in the ปีงบประมาณ column. */
function sheetFiscalYear(records: readonly CheckedRecord[], pos: number): number | undefined {
  if (pos < 0) return undefined;
  const counts = new Map<number, number>();
  for (const r of records) {
    const v = r.values[pos];
    if (typeof v === 'number') counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  let best: number | undefined;
  let n = 0;
  for (const [k, c] of counts) if (c > n) (best = k), (n = c);
  return best;
}


function isContracted(status: FieldValue | undefined): boolean {
  return status !== STATUS_NOT_SIGNED && status !== STATUS_CANCELLED;
}

function agencyFix(col: ColumnDef, opts: CheckOptions, columnYear: number | undefined): Issue['fix'] {
  if (!col.agency) return undefined;
  if (col.agency === 'fiscalYear') {
    const fy = columnYear;
    return fy === undefined ? undefined : { value: fy, numFmt: col.numFmt, display: String(fy) };
  }
  const v = opts.agency?.[col.agency];
  return typeof v === 'string' && v ? { value: v, display: v } : undefined;
}

interface ParsedSheet {
  readonly records: CheckedRecord[];
  readonly issues: Issue[];
  /** Filled cells per template column (completeness). */
  readonly filled: Int32Array;
  /** Empty cells of mapped columns, as [record index, column position] pairs (required fields). */
  readonly blanks: number[];
}

function parseRecords(rec: Recognition, env: FieldEnv, records: readonly SheetRecord[]): ParsedSheet {
  const cols = rec.template.columns;
  const positions = cols.map((c) => rec.indexOf.get(c.key) ?? -1);
  const letters = positions.map((i) => (i < 0 ? null : columnLetter(i)));
  // Agency columns, statuses and methods repeat on every row: parse each distinct text once.
  const caches = cols.map(() => new Map<string, FieldResult>());
  // Project numbers are unique per row: caching them would only fill memory.
  const cacheable = cols.map((c) => c.type !== 'projectNumber');
  // Plain text needs no parsing: the cell is the value.
  const plainText = cols.map((c) => c.type === 'text' || c.type === 'longText');
  const issues: Issue[] = [];
  const out: CheckedRecord[] = [];
  const filled = new Int32Array(cols.length);
  const blanks: number[] = [];
  for (let n = 0; n < records.length; n++) {
    const r = records[n];
    const values: (FieldValue | undefined)[] = new Array(cols.length);
    for (let i = 0; i < cols.length; i++) {
      const p = positions[i];
      if (p < 0) continue;
      const v = r.source[p] ?? null;
      if (isEmptyCell(v)) {
        blanks.push(n, i);
        continue;
      }
      filled[i]++;
      const col = cols[i];
      if (plainText[i]) {
        values[i] = typeof v === 'string' ? v : String(v);
        continue;
      }
      let res: FieldResult | undefined;
      if (cacheable[i] && typeof v === 'string') {
        res = caches[i].get(v);
        if (!res) {
          res = parseField(col, v, env);
          caches[i].set(v, res);
        }
      } else {
        res = parseField(col, v, env);
      }
      values[i] = res.value;
      if (res.problems) {
        for (const p of res.problems) {
          issues.push(
            p.fix
              ? { severity: p.severity, code: p.code, row: r.row, column: letters[i], field: col.key, message: p.th, messageEn: p.en, fix: p.fix }
              : { severity: p.severity, code: p.code, row: r.row, column: letters[i], field: col.key, message: p.th, messageEn: p.en },
          );
        }
      }
    }
    out.push({ row: r.row, source: r.source, values });
  }
  return { records: out, issues, filled, blanks };
}

function requiredIssues(
  rec: Recognition, parsed: ParsedSheet, opts: CheckOptions, columnYear: number | undefined, statusPos: number,
  isFormula: (r: CheckedRecord, key: string) => boolean, out: Issue[],
): void {
  const cols = rec.template.columns;
  const fixes = cols.map((col) => agencyFix(col, opts, columnYear));
  const letters = cols.map((c) => {
    const i = rec.indexOf.get(c.key);
    return i === undefined ? '' : columnLetter(i);
  });
  const { blanks, records } = parsed;
  for (let k = 0; k < blanks.length; k += 2) {
    const r = records[blanks[k]];
    const i = blanks[k + 1];
    const col = cols[i];
    if (col.required === 'optional') continue;
    if (col.required === 'whenContracted' && statusPos >= 0 && !isContracted(r.values[statusPos])) continue;
    // A formula not computed yet (a file written by a program, never opened) is not a blank.
    if (isFormula(r, col.key)) continue;
    const fix = fixes[i];
    const issue: Issue = {
      severity: 'error', code: 'required', row: r.row, column: letters[i], field: col.key,
      message: `ยังไม่ได้กรอก "${col.header}"`, messageEn: `"${col.header}" is empty`,
    };
    out.push(fix ? { ...issue, fix } : issue);
  }
}

export interface SheetCheck {
  readonly report: SheetReport;
  readonly recognition?: Recognition;
  readonly records: readonly CheckedRecord[];
  /** For templates with a summary: the summary computed from the list. */
  readonly summary?: Summary;
  /** A monthly sheet: the months it has a table for, and the months its window requires. */
  readonly months?: { readonly found: readonly Month[]; readonly required: readonly Month[] };
}

/** Checks one sheet on its own (the summary of o17 is matched by checkWorkbook). */
export function checkSheet(grid: SheetGrid, opts: CheckOptions, hints: RecognizeHints = {}, cat: Catalogue = defaultCatalogue): SheetCheck {
  const rec = recognize(grid, { ...hints, edition: hints.edition ?? opts.edition }, cat);
  if (!rec) {
    return { report: { sheet: grid.name, template: null, edition: null, item: null, headerRow: null, rows: 0, issues: [] }, records: [] };
  }
  const template = rec.template;
  const pos = makePos(rec);
  const fyPos = template.columns.findIndex((c) => c.type === 'fiscalYear');
  const issues: Issue[] = [];

  // A monthly (สขร.1) sheet holds one table per month: its records come from the tables.
  const monthly: (MonthlyTables & { statesNone: boolean }) | undefined = template.monthly ? extractMonthlyTables(grid, rec) : undefined;
  const { records: raw, statesNone } = monthly ?? extractRecords(grid, rec);
  // The fiscal year comes first: a quarter without a year (o14) needs it to become dates.
  const fyFromFlag = opts.fiscalYear;
  // "ตลอดปีงบประมาณ" in a report on last year's measures is last year's fiscal year.
  const periodYear = (fy: number | undefined) => (fy !== undefined && rec.edition.window === 'previousFiscalYear' ? fy - 1 : fy);
  let parsed = parseRecords(rec, { options: matchers(cat), fiscalYear: periodYear(fyFromFlag) }, raw);
  const fyOnSheet = sheetFiscalYear(parsed.records, fyPos);
  const assessedFromSheet = fyOnSheet === undefined ? undefined : template.fiscalYearColumn === 'data' ? fyOnSheet + 1 : fyOnSheet;
  const fyInTitle = titleFiscalYear(rec.title);
  const assessedFromTitle = fyInTitle === undefined ? undefined : template.fiscalYearColumn === 'data' ? fyInTitle + 1 : fyInTitle;
  const fiscalYear = fyFromFlag ?? assessedFromSheet ?? assessedFromTitle ?? opts.agency?.fiscalYear;
  if (fiscalYear !== fyFromFlag && template.columns.some((c) => c.type === 'period')) {
    parsed = parseRecords(rec, { options: matchers(cat), fiscalYear: periodYear(fiscalYear) }, raw);
  }
  const { records } = parsed;
  for (const col of rec.missing) {
    // Columns ita-forms computes, or that the official layouts do not all have, may be absent.
    if (col.derived || col.optionalColumn) continue;
    issues.push(sheetIssue('error', 'missing-column',
      `ไม่พบคอลัมน์ "${col.header}" ซึ่งแบบ ${rec.edition.item} กำหนดให้มี`,
      `Missing the prescribed column "${col.header}"`, col.key));
  }
  issues.push(...parsed.issues);

  const window = fiscalYear === undefined ? undefined : dateWindow(rec, fiscalYear);
  const asOf = opts.asOf ?? (window && window.end.getTime() < opts.today.getTime() ? window.end : opts.today);
  const figures: Figure[] = [];
  const firstRow = grid.firstRow ?? 1;
  const isFormula = (r: { row: number }, key: string) => {
    const c = rec.indexOf.get(key);
    return c !== undefined && grid.formulas !== undefined && grid.formulas.has(`${r.row - firstRow}:${c}`);
  };
  const cellAt = (row: number, key: string) => {
    const c = rec.indexOf.get(key);
    return c === undefined ? undefined : grid.rows[row - firstRow]?.[c];
  };
  const ctx: RuleContext = { rec, fiscalYear, window, asOf, agency: opts.agency, website: opts.website ?? opts.agency?.website, pos, figures, isFormula, cellAt, ...(monthly ? { monthly } : {}) };

  const statusPos = pos('status');
  // What the ปีงบประมาณ column should say, to offer as the fix of an empty one.
  const columnYear = fiscalYear === undefined ? undefined : template.fiscalYearColumn === 'data' ? fiscalYear - 1 : fiscalYear;
  requiredIssues(rec, parsed, opts, columnYear, statusPos, isFormula, issues);

  const recordRules = template.rules.map((n) => RECORD_RULES[n]).filter((f) => f !== undefined);
  for (const r of records) for (const rule of recordRules) rule(r, ctx, issues);
  for (const n of template.rules) SHEET_RULES[n]?.(records, ctx, issues);

  if (fiscalYear === undefined && (template.windowField || template.monthly)) {
    issues.push(sheetIssue('warning', 'fiscal-year-unknown',
      'ไม่ทราบปีงบประมาณ (คอลัมน์ปีงบประมาณว่าง และไม่ได้ระบุ --fiscal-year): ยังตรวจช่วงวันที่ไม่ได้',
      'Fiscal year unknown (empty ปีงบประมาณ column, no --fiscal-year): date windows not checked'));
  }
  // A monthly sheet says it per month (the monthly-tables rule).
  if (records.length === 0 && !statesNone && template.emptyStatement && !monthly) {
    issues.push(sheetIssue('error', 'no-records',
      `ไม่มีรายการในตาราง และไม่ได้ระบุว่า "${template.emptyStatement}"`,
      `The table has no rows and does not state "${template.emptyStatement}"`));
  }
  if (records.length > 0 && statesNone && !monthly) {
    issues.push(sheetIssue('warning', 'states-none-with-records',
      `แผ่นงานระบุว่า "${template.emptyStatement}" แต่มี ${records.length} รายการ`,
      `The sheet says "${template.emptyStatement}" but lists ${records.length} rows`));
  }

  const summary = template.summary
    ? summarizeByMethod(
        records.map((r) => ({
          method: r.values[pos(template.summary!.methodField)] as string | undefined,
          status: r.values[pos(template.summary!.statusField)] as string | undefined,
          amount: r.values[pos(template.summary!.amountField)] as number | undefined,
        })),
        template.summary,
      )
    : undefined;

  const colOrder = (c: string | null) => (c === null ? -1 : c.length * 1000 + c.charCodeAt(c.length - 1));
  issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || colOrder(a.column) - colOrder(b.column));

  const completeness = template.columns.map((col, i) => {
    const idx = rec.indexOf.get(col.key);
    return { field: col.key, header: col.header, column: idx === undefined ? null : columnLetter(idx), filled: parsed.filled[i], total: records.length };
  });

  return {
    report: {
      sheet: grid.name, template: template.id, edition: rec.edition.edition, item: rec.edition.item,
      headerRow: rec.headerRow, rows: records.length, issues, completeness, statesNone,
      ...(figures.length ? { figures } : {}),
    },
    recognition: rec,
    records,
    summary,
    ...(monthly ? { months: { found: monthly.tables.flatMap((t) => (t.month ? [t.month] : [])), required: requiredMonths(ctx) } } : {}),
  };
}

function addSummaries(a: Summary, b: Summary): Summary {
  const round = (n: number) => Math.round(n * 100) / 100;
  const add = (x: Summary['total'], y: Summary['total']) => ({ label: x.label, count: x.count + y.count, amount: round(x.amount + y.amount) });
  return { lines: a.lines.map((l, k) => add(l, b.lines[k])), total: add(a.total, b.total), ungrouped: a.ungrouped + b.ungrouped };
}

function countSeverities(sheets: readonly SheetReport[]): { errors: number; warnings: number } {
  let errors = 0, warnings = 0;
  for (const s of sheets) for (const i of s.issues) i.severity === 'error' ? errors++ : warnings++;
  return { errors, warnings };
}

/**
 * Checks every sheet of a workbook. Sheets that hold no template are listed with template null;
 * an o17 list is matched with its summary table, wherever in the workbook that is.
 */
export function checkWorkbook(
  sheets: readonly SheetGrid[],
  opts: CheckOptions,
  hints: (sheet: string) => RecognizeHints = () => ({}),
  cat: Catalogue = defaultCatalogue,
): WorkbookReport & { checks: readonly SheetCheck[] } {
  const checks = sheets.map((g) => checkSheet(g, opts, hints(g.name), cat));
  const reports: SheetReport[] = checks.map((c) => c.report);
  // Monthly tables spread over quarter sheets make one list: their summary is the sum of the
  // sheets', compared once (from the first sheet).
  const monthlySummary = new Map<number, Summary>();
  const monthlyFirst = new Map<string, number>();
  checks.forEach((c, i) => {
    const t = c.recognition?.template;
    if (!t?.monthly || !t.summary || !c.summary) return;
    const first = monthlyFirst.get(t.id);
    if (first === undefined) {
      monthlyFirst.set(t.id, i);
      monthlySummary.set(i, c.summary);
    } else {
      monthlySummary.set(first, addSummaries(monthlySummary.get(first)!, c.summary));
      monthlySummary.set(i, c.summary);
    }
  });
  checks.forEach((c, i) => {
    const t: TemplateDef | undefined = c.recognition?.template;
    if (!t?.summary || !c.summary) return;
    if (t.monthly && monthlyFirst.get(t.id) !== i) return;
    const listSummary = monthlySummary.get(i) ?? c.summary;
    for (let j = 0; j < sheets.length; j++) {
      if (checks[j].recognition) continue; // another template's list, not a summary
      const table = findSummaryTable(sheets[j], t.summary);
      if (!table) continue;
      const issues = compareSummary(sheets[j], table, listSummary, t.summary, sheets[i].name);
      reports[j] = {
        ...reports[j], template: t.id, edition: c.report.edition, item: c.report.item,
        headerRow: (sheets[j].firstRow ?? 1) + table.headerIndex, rows: table.rows.size, issues,
      };
      return;
    }
    if (listSummary.total.count > 0 || c.report.rows > 0) {
      reports[i] = {
        ...reports[i],
        issues: [
          sheetIssue('error', 'summary-missing',
            `ไม่พบตารางสรุปจำนวนรายการและงบประมาณตามวิธีการจัดซื้อจัดจ้าง (${t.summary.headers.group} | ${t.summary.headers.count} | ${t.summary.headers.amount})`,
            'No summary table by procurement method (count and budget) was found'),
          ...reports[i].issues,
        ],
      };
    }
  });
  // Rules across sheets (o34's measures must appear in the o35 report).
  checks.forEach((c, i) => {
    for (const cr of c.recognition?.template.crossRules ?? []) {
      const j = checks.findIndex((o) => o.recognition?.template.id === cr.other);
      const rule = CROSS_RULES[cr.rule];
      if (j < 0 || !rule || !c.recognition) continue;
      const found = rule({ check: c, sheet: sheets[i].name }, { check: checks[j], sheet: sheets[j].name });
      if (found.length) reports[i] = { ...reports[i], issues: [...reports[i].issues, ...found] };
    }
  });
  // Monthly tables spread over several sheets (one per quarter): a month is missing only when no
  // sheet of the same template has it; the missing months are reported once, on the first sheet.
  const byTemplate = new Map<string, number[]>();
  checks.forEach((c, i) => {
    if (c.months && c.recognition) byTemplate.set(c.recognition.template.id, [...(byTemplate.get(c.recognition.template.id) ?? []), i]);
  });
  for (const idx of byTemplate.values()) {
    if (idx.length < 2) continue;
    const found = new Set(idx.flatMap((i) => checks[i].months!.found.map(monthKey)));
    const required = checks[idx[0]].months!.required;
    const item = checks[idx[0]].recognition!.edition.item;
    idx.forEach((i, n) => {
      const kept = reports[i].issues.filter((x) => x.code !== 'month-missing');
      const added = n === 0 ? required.filter((m) => !found.has(monthKey(m))).map((m) => monthMissingIssue(m, item)) : [];
      reports[i] = { ...reports[i], issues: [...kept, ...added] };
    });
  }
  // Each sheet's check carries its final report (with what the workbook-level rules added).
  const final = checks.map((c, i) => (c.report === reports[i] ? c : { ...c, report: reports[i] }));
  return { ...countSeverities(reports), sheets: reports, checks: final };
}
