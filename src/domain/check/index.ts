/**
 * The check: grid + template → issues with row, column and a Thai message. Field problems come
 * from the value parsers; cross-field problems from the named rules the template lists.
 */
import { columnLetter, type SheetGrid } from '../grid';
import { catalogue as defaultCatalogue, optionList } from '../templates';
import type { Catalogue, ColumnDef, TemplateDef } from '../templates/types';
import { STATUS_CANCELLED, STATUS_ENDED, STATUS_IN_CONTRACT, STATUS_NOT_SIGNED } from '../templates/options';
import { recognize, titleFiscalYear, type Recognition, type RecognizeHints } from '../recognize';
import { compileOptions, type OptionMatcher } from '../values/options';
import { fiscalYearRange, formatThaiDate, utcDate } from '../values/thaiDate';
import { methodSpellings, summarizeByMethod, type Summary } from '../summarize';
import { isOverallLabel } from '../itaScore';
import { splitTables } from '../tables';
import { parseField, type FieldEnv, type FieldResult, type FieldValue } from './fields';
import { extractRecords, isEmptyCell, type SheetRecord } from './records';
import { makePos, sheetIssue, type CheckedRecord, type DateWindow, type Figure, type RuleContext } from './context';
import { RECORD_RULES as PROCUREMENT_RECORD_RULES, SHEET_RULES as PROCUREMENT_SHEET_RULES } from './rules';
import { CROSS_RULES, MEASURE_RECORD_RULES, MEASURE_SHEET_RULES } from './measureRules';
import { SCORE_SHEET_RULES } from './scoreRules';
import { MONTHLY_RECORD_RULES, MONTHLY_SHEET_RULES, monthMissingIssue, requiredMonths } from './monthlyRules';
import { extractMonthlyTables, monthKey, type Month, type MonthlyTables } from './monthlyTables';

import { PLAN_CROSS_RULES, PLAN_RECORD_RULES, PLAN_SHEET_RULES } from './planRules';

const RECORD_RULES = { ...PROCUREMENT_RECORD_RULES, ...MEASURE_RECORD_RULES, ...PLAN_RECORD_RULES, ...MONTHLY_RECORD_RULES };
const SHEET_RULES = { ...PROCUREMENT_SHEET_RULES, ...MEASURE_SHEET_RULES, ...SCORE_SHEET_RULES, ...PLAN_SHEET_RULES, ...MONTHLY_SHEET_RULES };
const ALL_CROSS_RULES = { ...CROSS_RULES, ...PLAN_CROSS_RULES };
import { compareSummary, findNotes, findSummaryTable, notesIssues, type NotesFinding, type SearchRange, type SummaryTable } from './summaryTable';
import { findTickColumns, tickedValue, type TickField } from './tickColumns';
import type { CheckOptions, Issue, SheetReport, WorkbookReport } from './types';

export type { CheckOptions, Issue, SheetReport, WorkbookReport, AgencyProfile } from './types';
export { statusFromDates } from './rules';
import { statusFromDates } from './rules';

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
  /** Cells whose wording could mean several options (a few statuses are settled by the dates). */
  readonly ambiguous: number;
}

/** Excel keeps at most this many characters in a cell: beyond it, Excel cuts the text when it opens the file. */
const EXCEL_CELL_TEXT_LIMIT = 32767;

function tooLong(row: number, column: string | null, col: ColumnDef, length: number): Issue {
  const n = length.toLocaleString('en-US');
  return {
    severity: 'error', code: 'text-too-long', row, column, field: col.key,
    message: `ข้อความใน "${col.header}" ยาว ${n} ตัวอักษร เกินที่ Excel เก็บได้ในหนึ่งเซลล์ (32,767 ตัวอักษร) ส่วนที่เกินจะถูกตัดทิ้งเมื่อเปิดใน Excel ให้ย่อข้อความหรือแบ่งไปไว้ในเอกสารแนบ`,
    messageEn: `"${col.header}" holds ${n} characters, more than Excel keeps in one cell (32,767); Excel cuts the rest when it opens the file. Shorten it or move it to an attachment`,
  };
}

function parseRecords(rec: Recognition, env: FieldEnv, records: readonly SheetRecord[], ticks: readonly TickField[] = []): ParsedSheet {
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
  let ambiguous = 0;
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
      if (typeof v === 'string' && v.length > EXCEL_CELL_TEXT_LIMIT) issues.push(tooLong(r.row, letters[i], col, v.length));
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
          if (p.code === 'option-ambiguous') ambiguous++;
          issues.push(
            p.fix
              ? { severity: p.severity, code: p.code, row: r.row, column: letters[i], field: col.key, message: p.th, messageEn: p.en, fix: p.fix }
              : { severity: p.severity, code: p.code, row: r.row, column: letters[i], field: col.key, message: p.th, messageEn: p.en },
          );
        }
      }
    }
    for (let t = 0; t < ticks.length; t++) {
      const f = ticks[t];
      if (rec.indexOf.has(f.column.key)) continue;
      const ticked = tickedValue(f, r.source);
      if (ticked.value !== undefined) {
        values[f.pos] = ticked.value;
        filled[f.pos]++;
        continue;
      }
      const names = f.ticks.map((x) => `"${x.header}"`).join(' / ');
      if (ticked.ticked > 1) {
        issues.push({ severity: 'error', code: 'ticks-conflict', row: r.row, column: f.ticks[0].letter, field: f.column.key,
          message: `ทำเครื่องหมายไว้หลายช่อง (${names}): เลือกได้ช่องเดียว`, messageEn: `More than one of ${names} is ticked; tick one` });
      } else if (f.column.required === 'always') {
        issues.push({ severity: 'error', code: 'required', row: r.row, column: f.ticks[0].letter, field: f.column.key,
          message: `ยังไม่ได้ทำเครื่องหมายในช่อง ${names}`, messageEn: `None of ${names} is ticked` });
      }
    }
    out.push({ row: r.row, source: r.source, values });
  }
  return { records: out, issues, filled, blanks, ambiguous };
}

/** The record's amount (the first of `fields` filled) is below the exemption limit. */
function isSmallPurchase(r: CheckedRecord, ex: NonNullable<ColumnDef['exemptBelow']>, rec: Recognition): boolean {
  for (const key of ex.fields) {
    const p = rec.template.columns.findIndex((c) => c.key === key);
    const v = p < 0 ? undefined : r.values[p];
    if (typeof v === 'number') return v < ex.amount;
  }
  return false;
}

function requiredIssues(
  rec: Recognition, parsed: ParsedSheet, opts: CheckOptions, columnYear: number | undefined, statusPos: number,
  isFormula: (r: CheckedRecord, key: string) => boolean, isUncomputed: (r: CheckedRecord, key: string) => boolean, out: Issue[],
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
    if (col.exemptBelow && isSmallPurchase(r, col.exemptBelow, rec)) continue;
    // A formula not computed yet (a file written by a program, never opened) is not a blank: it
    // has its own error. A derived cell's formula is Excel's to compute from the row.
    if (isUncomputed(r, col.key) || (col.derived && isFormula(r, col.key))) continue;
    const fix = fixes[i];
    const issue: Issue = {
      severity: 'error', code: 'required', row: r.row, column: letters[i], field: col.key,
      message: `ยังไม่ได้กรอก "${col.header}"`, messageEn: `"${col.header}" is empty`,
    };
    out.push(fix ? { ...issue, fix } : issue);
  }
}

/**
 * Formula cells of the records that carry no computed value: what they hold is unknown, so the
 * check cannot say the sheet is ready (an error, at the cell). Not for the cells the check derives
 * itself from the row's inputs (derived columns, the overall row): their formulas are ita-forms'
 * own and Excel computes them on opening.
 */
function uncomputedIssues(grid: SheetGrid, rec: Recognition, records: readonly CheckedRecord[], out: Issue[]): void {
  const cells = grid.uncomputed;
  if (!cells || cells.size === 0) return;
  const firstRow = grid.firstRow ?? 1;
  // Rows under the header that show nothing but formulas without a value: perhaps records, unread.
  const hidden = new Map<number, number>();
  const byRow = new Map(records.map((r) => [r.row, r] as const));
  const colAt = new Map(rec.matches.map((m) => [m.index, m.column] as const));
  const overall = rec.template.overallRow;
  const overallPos = overall ? rec.indexOf.get(overall.labelField) : undefined;
  for (const key of cells) {
    const sep = key.indexOf(':');
    const row = firstRow + Number(key.slice(0, sep));
    const index = Number(key.slice(sep + 1));
    const r = byRow.get(row);
    const col = colAt.get(index);
    if (!col || col.derived) continue;
    if (!r) {
      const at = row - firstRow;
      if (at > rec.headerIndex && !col.agency && !hidden.has(row) && (grid.rows[at] ?? []).every((v, i) => v === null || v === '' || i === rec.seqIndex)) hidden.set(row, index);
      continue;
    }
    const label = overallPos === undefined ? undefined : r.source[overallPos];
    if (typeof label === 'string' && isOverallLabel(label)) continue;
    out.push({
      severity: 'error', code: 'formula-no-value', row, column: columnLetter(index), field: col.key,
      message: `เซลล์ "${col.header}" เป็นสูตรที่ยังไม่มีผลการคำนวณเก็บไว้ (ไฟล์สร้างด้วยโปรแกรมและยังไม่เคยเปิดใน Excel) จึงตรวจค่านี้ไม่ได้ ให้เปิดไฟล์ใน Excel แล้วบันทึกอีกครั้ง`,
      messageEn: `"${col.header}" is a formula with no computed value stored (the file was written by a program and never opened in Excel), so it cannot be checked: open the file in Excel and save it again`,
    });
  }
  if (hidden.size === 0) return;
  const rows = [...hidden.keys()].sort((a, b) => a - b);
  const [first, last] = [rows[0], rows[rows.length - 1]];
  const span = first === last ? `แถว ${first}` : `แถว ${first}–${last} (${rows.length} แถว)`;
  out.push({
    severity: 'error', code: 'formula-no-value', row: first, column: columnLetter(hidden.get(first) ?? 0), field: null,
    message: `${span} มีแต่สูตรที่ยังไม่มีผลการคำนวณเก็บไว้ จึงอ่านไม่ได้ว่ามีรายการหรือไม่ ให้เปิดไฟล์ใน Excel แล้วบันทึกอีกครั้ง`,
    messageEn: `${first === last ? `Row ${first}` : `Rows ${first}–${last} (${rows.length})`} hold only formulas with no computed value, so whether they hold records cannot be read: open the file in Excel and save it again`,
  });
}

export interface SheetCheck {
  readonly report: SheetReport;
  readonly recognition?: Recognition;
  readonly records: readonly CheckedRecord[];
  /** For templates with a summary: the summary computed from the list. */
  readonly summary?: Summary;
  /** A summary table on the list's own sheet (above or below the list). */
  readonly ownSummary?: SummaryTable;
  /** Rows of the list's own sheet outside the list, where its summary notes may be. */
  readonly outsideList?: readonly SearchRange[];
  /** The assessed fiscal year the check used. */
  readonly fiscalYear?: number;
  /** A monthly sheet: the months it has a table for, and the months its window requires. */
  readonly months?: { readonly found: readonly Month[]; readonly required: readonly Month[] };
}

/** The row where a summary under the list starts: its header, or the title lines (and blank lines) just above it. */
function summaryStart(grid: SheetGrid, headerIndex: number, floor: number): number {
  let start = headerIndex;
  for (let r = headerIndex - 1; r > floor && r >= headerIndex - 4; r--) {
    const filled = (grid.rows[r] ?? []).filter((v) => !isEmptyCell(v));
    if (filled.length > 1 || (filled.length === 1 && typeof filled[0] !== 'string')) break;
    start = r;
  }
  return start;
}

/**
 * "ส่งมอบงานแล้ว", "ตรวจรับแล้ว", "ลงนามในสัญญาแล้ว": a signed contract, running or ended. The
 * dates decide which: the status is read so, with a warning whose fix writes the official wording.
 * Without dates that decide, the wording stays an error the officer resolves.
 */
function resolveStatusWordings(rec: Recognition, records: readonly CheckedRecord[], issues: Issue[], asOf: Date): void {
  const col = rec.template.columns.find((c) => c.filledWhenBlank === 'contractDates');
  if (!col) return;
  const p = rec.template.columns.indexOf(col);
  const signPos = rec.template.columns.findIndex((c) => c.key === 'signDate');
  const endPos = rec.template.columns.findIndex((c) => c.key === 'endDate');
  let byRow: Map<number, CheckedRecord> | undefined;
  const asOfTh = formatThaiDate(asOf);
  const asOfIso = asOf.toISOString().slice(0, 10);
  for (let k = 0; k < issues.length; k++) {
    const i = issues[k];
    if (i.code !== 'option-ambiguous' || i.field !== col.key || i.row === null) continue;
    byRow ??= new Map(records.map((r) => [r.row, r] as const));
    const r = byRow.get(i.row);
    if (!r) continue;
    const sign = signPos < 0 ? undefined : r.values[signPos];
    const end = endPos < 0 ? undefined : r.values[endPos];
    const expected = statusFromDates(sign instanceof Date ? sign : undefined, end instanceof Date ? end : undefined, asOf);
    if (expected !== STATUS_IN_CONTRACT && expected !== STATUS_ENDED) continue;
    (r.values as (FieldValue | undefined)[])[p] = expected;
    const raw = r.source[rec.indexOf.get(col.key) ?? -1];
    const shown = typeof raw === 'string' ? raw.trim() : String(raw);
    issues[k] = {
      severity: 'warning', code: 'status-from-dates', row: i.row, column: i.column, field: col.key,
      message: `เขียนว่า "${shown}": ตามวันที่ในสัญญา ณ ${asOfTh} คือ "${expected}" (คำตามแบบฟอร์ม)`,
      messageEn: `Written as "${shown}"; by the contract dates, as of ${asOfIso}, it is "${expected}" (the official wording)`,
      fix: { value: expected, display: expected },
    };
  }
}

/** How many tables one sheet may hold before the rest is reported unread (a guard, not a layout). */
const MAX_TABLES = 8;

/**
 * Checks one sheet on its own (the summary of o17 is matched by checkWorkbook). A sheet holding
 * several tables (side by side, or one under another) has each checked in its region, their
 * issues in the one report, and a warning naming where each further table starts.
 */
export function checkSheet(grid: SheetGrid, opts: CheckOptions, hints: RecognizeHints = {}, cat: Catalogue = defaultCatalogue): SheetCheck {
  return checkTables(grid, opts, hints, cat, 1);
}

function checkTables(grid: SheetGrid, opts: CheckOptions, hints: RecognizeHints, cat: Catalogue, n: number): SheetCheck {
  const rec = recognize(grid, { ...hints, edition: hints.edition ?? opts.edition }, cat);
  if (!rec) {
    return { report: { sheet: grid.name, template: null, edition: null, item: null, headerRow: null, rows: 0, issues: [] }, records: [] };
  }
  // A monthly (สขร.1) sheet holds one table per month by design: its tables are read together.
  const split = rec.template.monthly ? undefined : splitTables(grid, rec, cat);
  // o17's summary by method under its list is the list's own: the list's check compares it there.
  if (!split || (split.other.summary && rec.template.summary)) return checkTable(grid, rec, opts, cat);
  const firstRec = recognize(split.first, { ...hints, edition: hints.edition ?? opts.edition }, cat) ?? rec;
  const first = checkTable(split.first, firstRec, opts, cat);
  const { other } = split;
  const [row, column] = cellParts(other.at);
  const t = firstRec.template;
  if (n >= MAX_TABLES) {
    return withIssues(first, [{
      severity: 'error', code: 'table-unread', row, column, field: null,
      message: `แผ่นงานนี้มีตารางมากกว่า ${MAX_TABLES} ตาราง ตารางที่เริ่มที่เซลล์ ${other.at} และถัดไปไม่ได้ตรวจ ให้แยกแต่ละตารางไว้คนละแผ่นงาน`,
      messageEn: `This sheet holds more than ${MAX_TABLES} tables; the one at ${other.at} and after were not checked. Put each table on its own sheet`,
    }]);
  }
  const rest = checkTables(other.grid, opts, { edition: hints.edition }, cat, n + 1);
  const item = rest.recognition ? `แบบ ${rest.recognition.edition.item} ` : '';
  const where = other.placement === 'beside' ? 'ข้างตารางแรก' : 'ใต้ตารางแรก';
  const note: Issue = rest.recognition
    ? {
        severity: 'warning', code: 'several-tables', row, column, field: null,
        message: `แผ่นงานนี้มีอีกตารางหนึ่ง (${item}"${rest.recognition.template.name}") อยู่${where} เริ่มที่เซลล์ ${other.at} ได้ตรวจแยกเป็นอีกตาราง ควรแยกแต่ละตารางไว้คนละแผ่นงานตามแบบฟอร์ม`,
        messageEn: `This sheet holds another table (${rest.recognition.edition.item}) ${other.placement === 'beside' ? 'beside' : 'under'} the first, at ${other.at}: checked on its own. Put each table on its own sheet as the form prescribes`,
      }
    : {
        severity: 'error', code: 'table-unread', row, column, field: null,
        message: `แผ่นงานนี้มีอีกตารางหนึ่งเริ่มที่เซลล์ ${other.at} ซึ่งตรวจไม่ได้ ให้แยกไว้อีกแผ่นงาน`,
        messageEn: `This sheet holds another table at ${other.at} that could not be checked; put it on its own sheet`,
      };
  // The other table's sheet-level issues (a missing column…) are about it: located at its header.
  const restIssues = rest.report.issues.map((i) => (i.row === null
    ? { ...i, row, column, message: `ตารางที่เซลล์ ${other.at}: ${i.message}`, messageEn: `Table at ${other.at}: ${i.messageEn}` }
    : i));
  const sameList = rest.recognition?.template.id === t.id;
  const records = sameList ? [...first.records, ...rest.records] : first.records;
  const report: SheetReport = {
    ...first.report,
    rows: first.report.rows + rest.report.rows,
    issues: [...first.report.issues, note, ...restIssues].sort(byPlace),
    ...(sameList && first.report.completeness && rest.report.completeness
      ? { completeness: first.report.completeness.map((c, i) => ({ ...c, filled: c.filled + (rest.report.completeness?.[i]?.filled ?? 0), total: c.total + (rest.report.completeness?.[i]?.total ?? 0) })) }
      : {}),
  };
  const summary = sameList ? summaryOf(t, makePos(firstRec), records) : first.summary;
  return { report, recognition: first.recognition, records, ...(summary ? { summary } : {}) };
}

function withIssues(c: SheetCheck, extra: readonly Issue[]): SheetCheck {
  return { ...c, report: { ...c.report, issues: [...c.report.issues, ...extra].sort(byPlace) } };
}

/** "M4" → [4, "M"]. */
function cellParts(at: string): [number, string] {
  const m = /^([A-Z]+)([0-9]+)$/.exec(at);
  return m ? [Number(m[2]), m[1]] : [0, 'A'];
}

function summaryOf(template: TemplateDef, pos: (key: string) => number, records: readonly CheckedRecord[]): Summary | undefined {
  const def = template.summary;
  if (!def) return undefined;
  return summarizeByMethod(
    records.map((r) => ({
      method: r.values[pos(def.methodField)] as string | undefined,
      status: r.values[pos(def.statusField)] as string | undefined,
      amount: r.values[pos(def.amountField)] as number | undefined,
    })),
    def,
  );
}

const colOrder = (c: string | null) => (c === null ? -1 : c.length * 1000 + c.charCodeAt(c.length - 1));
/** Issues in sheet order: sheet-level first, then by row and column. */
export function byPlace(a: Issue, b: Issue): number {
  return (a.row ?? 0) - (b.row ?? 0) || colOrder(a.column) - colOrder(b.column);
}

function checkTable(grid: SheetGrid, recognised: Recognition, opts: CheckOptions, cat: Catalogue): SheetCheck {
  const { rec, fields: tickFields } = findTickColumns(grid, recognised);
  const template = rec.template;
  const pos = makePos(rec);
  const fyPos = template.columns.findIndex((c) => c.type === 'fiscalYear');
  const issues: Issue[] = [];

  // o17's summary may sit on the list's sheet, above the list or under it (then the list ends there).
  const sumDef = template.summary;
  const above = sumDef && rec.headerIndex > 0 ? findSummaryTable(grid, sumDef, { from: 0, to: rec.headerIndex }) : undefined;
  const below = sumDef && !above ? findSummaryTable(grid, sumDef, { from: rec.headerIndex + 1, to: grid.rows.length }) : undefined;
  const endIndex = below ? summaryStart(grid, below.headerIndex, rec.headerIndex) : undefined;
  // A monthly (สขร.1) sheet holds one table per month: its records come from the tables.
  const monthly: (MonthlyTables & { statesNone: boolean }) | undefined = template.monthly ? extractMonthlyTables(grid, rec) : undefined;
  const { records: raw, statesNone, prefilledOnly } = monthly ? { ...monthly, prefilledOnly: new Map<number, readonly number[]>() } : extractRecords(grid, rec, { endIndex });
  // The fiscal year comes first: a quarter without a year (o14) needs it to become dates.
  const fyFromFlag = opts.fiscalYear;
  // "ตลอดปีงบประมาณ" in a report on last year's measures is last year's fiscal year.
  const periodYear = (fy: number | undefined) => (fy !== undefined && rec.edition.window === 'previousFiscalYear' ? fy - 1 : fy);
  let parsed = parseRecords(rec, { options: matchers(cat), fiscalYear: periodYear(fyFromFlag) }, raw, tickFields);
  const fyOnSheet = sheetFiscalYear(parsed.records, fyPos);
  const assessedFromSheet = fyOnSheet === undefined ? undefined : template.fiscalYearColumn === 'data' ? fyOnSheet + 1 : fyOnSheet;
  const fyInTitle = titleFiscalYear(rec.title);
  const assessedFromTitle = fyInTitle === undefined ? undefined : template.fiscalYearColumn === 'data' ? fyInTitle + 1 : fyInTitle;
  const fiscalYear = fyFromFlag ?? assessedFromSheet ?? assessedFromTitle ?? opts.agency?.fiscalYear;
  if (fiscalYear !== fyFromFlag && template.columns.some((c) => c.type === 'period')) {
    parsed = parseRecords(rec, { options: matchers(cat), fiscalYear: periodYear(fiscalYear) }, raw, tickFields);
  }
  const { records } = parsed;
  for (const col of rec.missing) {
    // Columns ita-forms computes, or that the official layouts do not all have, may be absent.
    if (col.derived || col.optionalColumn) continue;
    if (tickFields.some((f) => f.column === col)) continue; // given by its tick columns
    issues.push(sheetIssue('error', 'missing-column',
      `ไม่พบคอลัมน์ "${col.header}" ซึ่งแบบ ${rec.edition.item} กำหนดให้มี`,
      `Missing the prescribed column "${col.header}"`, col.key));
  }
  // A loop, not push(...): a spread of 200,000 issues overflows the call stack.
  for (const i of parsed.issues) issues.push(i);

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
  if (parsed.ambiguous > 0) resolveStatusWordings(rec, records, issues, asOf);
  // What the ปีงบประมาณ column should say, to offer as the fix of an empty one.
  const columnYear = fiscalYear === undefined ? undefined : template.fiscalYearColumn === 'data' ? fiscalYear - 1 : fiscalYear;
  const isUncomputed = (r: { row: number }, key: string) => {
    const c = rec.indexOf.get(key);
    return c !== undefined && grid.uncomputed !== undefined && grid.uncomputed.has(`${r.row - firstRow}:${c}`);
  };
  requiredIssues(rec, parsed, opts, columnYear, statusPos, isFormula, isUncomputed, issues);
  uncomputedIssues(grid, rec, records, issues);

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

  // Unused pre-filled rows: nothing to check, but published as half-empty rows. The fix empties them.
  for (const [row, cols] of prefilledOnly) {
    for (const c of cols) {
      issues.push({
        severity: 'warning', code: 'prefilled-unused', row, column: columnLetter(c), field: null,
        message: `แถว ${row} มีเฉพาะคอลัมน์หน่วยงานที่กรอกไว้ล่วงหน้า ไม่มีรายการ: ล้างแถวนี้ก่อนเผยแพร่`,
        messageEn: `Row ${row} holds only the pre-filled agency columns and no procurement: clear it before publishing`,
        fix: { value: '', display: '(ว่าง)' },
      });
    }
  }

  const methodIdx = sumDef ? rec.indexOf.get(sumDef.methodField) : undefined;
  // What `new`'s summary formulas count, compared as Excel compares (case ignored).
  const methodListId = sumDef ? template.columns.find((c) => c.key === sumDef.methodField)?.options : undefined;
  const listed = sumDef
    ? new Set(methodSpellings(sumDef.groups.flatMap((g) => g.methods), methodListId ? optionList(methodListId, cat) : undefined).map((x) => x.toLowerCase()))
    : undefined;
  const summary = sumDef
    ? summarizeByMethod(
        records.map((r) => {
          const method = r.values[pos(sumDef.methodField)] as string | undefined;
          const raw = methodIdx === undefined ? undefined : r.source[methodIdx];
          return {
            method,
            status: r.values[pos(sumDef.statusField)] as string | undefined,
            amount: r.values[pos(sumDef.amountField)] as number | undefined,
            exact: method === undefined || (typeof raw === 'string' && raw.toLowerCase() === method.toLowerCase()),
            listed: method === undefined || (typeof raw === 'string' && listed !== undefined && listed.has(raw.toLowerCase())),
            row: r.row,
          };
        }),
        sumDef,
      )
    : undefined;
  const lastIndex = records.length ? records[records.length - 1].row - firstRow : rec.headerIndex;
  const outsideList: SearchRange[] = [
    ...(above ? [{ from: above.headerIndex + 1, to: rec.headerIndex }] : []),
    { from: endIndex ?? lastIndex + 1, to: grid.rows.length },
  ];

  issues.sort(byPlace);

  const completeness = template.columns.map((col, i) => {
    const idx = rec.indexOf.get(col.key);
    return { field: col.key, header: col.header, column: idx === undefined ? null : columnLetter(idx), filled: parsed.filled[i], total: records.length };
  });

  return {
    report: {
      sheet: grid.name, template: template.id, edition: rec.edition.edition, item: rec.edition.item,
      headerRow: rec.headerRow, rows: records.length, issues, completeness, statesNone,
      ...(fiscalYear !== undefined ? { fiscalYear } : {}),
      ...(figures.length ? { figures } : {}),
    },
    recognition: rec,
    records,
    summary,
    fiscalYear,
    ...(monthly ? { months: { found: monthly.tables.flatMap((t) => (t.month ? [t.month] : [])), required: requiredMonths(ctx) } } : {}),
    ...(sumDef ? { outsideList } : {}),
    ...(above ?? below ? { ownSummary: above ?? below } : {}),
  };
}

/** The notes part: the first place each label is found, over the given sheets and ranges. */
function notesAcross(places: readonly { grid: SheetGrid; ranges: readonly SearchRange[] }[], def: NonNullable<TemplateDef['summary']>): { grid: SheetGrid; found: NotesFinding[] } {
  let best: { grid: SheetGrid; found: NotesFinding[] } | undefined;
  for (const p of places) {
    for (const range of p.ranges) {
      const found = findNotes(p.grid, def, range);
      const n = found.filter((f) => f.at).length;
      if (!best || n > best.found.filter((f) => f.at).length) best = { grid: p.grid, found };
      if (n === found.length) return best;
    }
  }
  return best ?? { grid: places[0].grid, found: def.notes.map((label) => ({ label, filled: false })) };
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
    const def = t.summary;
    const ownPlace = { grid: sheets[i], ranges: c.outsideList ?? [] };
    // A sheet that declares no procurement has nothing to comment on: its notes are not asked for.
    const notesIssuesOf = (grid: SheetGrid, found: readonly NotesFinding[]) =>
      c.report.rows === 0 && c.report.statesNone ? [] : notesIssues(grid, found);
    if (c.ownSummary) {
      const table = c.ownSummary;
      const notes = notesAcross([ownPlace], def);
      const found = [...compareSummary(sheets[i], table, listSummary, def, sheets[i].name), ...notesIssuesOf(notes.grid, notes.found)];
      if (found.length) reports[i] = { ...reports[i], issues: [...found, ...reports[i].issues] };
      return;
    }
    for (let j = 0; j < sheets.length; j++) {
      if (checks[j].recognition) continue; // another template's list, not a summary
      const table = findSummaryTable(sheets[j], def);
      if (!table) continue;
      const notes = notesAcross([{ grid: sheets[j], ranges: [{ from: table.headerIndex + 1, to: sheets[j].rows.length }] }, ownPlace], def);
      const noteIssues = notesIssuesOf(notes.grid, notes.found);
      const issues = [...compareSummary(sheets[j], table, listSummary, def, sheets[i].name), ...(notes.grid === sheets[j] ? noteIssues : [])];
      reports[j] = {
        ...reports[j], template: t.id, edition: c.report.edition, item: c.report.item,
        headerRow: (sheets[j].firstRow ?? 1) + table.headerIndex, rows: table.rows.size, issues,
      };
      if (notes.grid !== sheets[j] && noteIssues.length) reports[i] = { ...reports[i], issues: [...noteIssues, ...reports[i].issues] };
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
      const j = checks.findIndex((o) => o.recognition?.template.id === cr.other
        && (!cr.sameFiscalYear || (c.fiscalYear !== undefined && o.fiscalYear === c.fiscalYear)));
      const rule = ALL_CROSS_RULES[cr.rule];
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
