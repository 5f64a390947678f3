/**
 * The record form, generated from the template data: which fields to show, live validation of
 * what the officer types, and the row to write (agency columns and derived status filled).
 */
import type { CellValue, SheetGrid } from '../domain/grid';
import { columnLetter } from '../domain/grid';
import type { Recognition } from '../domain/recognize';
import type { ColumnDef, DerivedKind } from '../domain/templates/types';
import { catalogue, optionList } from '../domain/templates';
import { parseField, type FieldEnv, type FieldValue, type TaxIdValue } from '../domain/check/fields';
import { extractRecords, isEmptyCell } from '../domain/check/records';
import { firstTakenRow } from '../domain/import/placement';
import { checkSheet, statusFromDates, type AgencyProfile, type Issue } from '../domain/check';
import { compileOptions, type OptionMatcher } from '../domain/values/options';
import { agencyValues } from '../domain/layout';
import { deriveValue } from '../domain/itaScore';
import { STATUS_NOT_SIGNED } from '../domain/templates/options';
import { formatThaiDate } from '../domain/values/thaiDate';
import { toArabicDigits } from '../domain/values/thaiDigits';
import { formatMoney } from '../domain/values/money';
import { formatTaxId } from '../domain/values/taxId';
import { GatewayError, type WorkbookGateway } from '../workbook/gateway';
import type { PlannedChange } from './workbookSession';
import { monthName, monthOfDate, type Month } from '../domain/check/monthlyTables';
import { splitContractCell } from '../domain/import/combinedCells';

export interface FormField {
  readonly key: string;
  readonly label: string;
  readonly type: ColumnDef['type'];
  readonly required: boolean;
  readonly options?: readonly string[];
  readonly multiline: boolean;
  readonly hint?: string;
  readonly hintEn?: string;
  /** Left blank, it is derived (status from the contract dates). */
  readonly derivable?: boolean;
  /** Computed from the row's scores, never typed: the form shows it read-only. */
  readonly derived?: DerivedKind;
}

export type FormInput = Readonly<Record<string, string>>;

export interface FieldFeedback {
  readonly state: 'none' | 'success' | 'warning' | 'error';
  readonly message?: string;
  readonly messageEn?: string;
  readonly value?: FieldValue;
}

const matchers = new Map<string, OptionMatcher>();
function options(id: string): OptionMatcher {
  let m = matchers.get(id);
  if (!m) {
    m = compileOptions(optionList(id, catalogue));
    matchers.set(id, m);
  }
  return m;
}


/** The form's fields: every template column but the agency ones (filled from the profile). */
export function formFields(rec: Recognition): FormField[] {
  return rec.template.columns
    .filter((c) => !c.agency)
    .map((c) => ({
      key: c.key,
      label: c.header,
      type: c.type,
      required: c.required === 'always' && !c.filledWhenBlank && !c.derived,
      options: c.options ? optionList(c.options).options.map((o) => o.value) : undefined,
      multiline: c.type === 'longText',
      hint: c.hint,
      ...(c.hintEn ? { hintEn: c.hintEn } : {}),
      derivable: c.filledWhenBlank !== undefined,
      ...(c.derived ? { derived: c.derived } : {}),
    }));
}

function env(fiscalYear?: number): FieldEnv {
  return { options, fiscalYear };
}

/** What the form shows under a field as the officer types. */
export function validateInput(col: ColumnDef, text: string, fiscalYear?: number): FieldFeedback {
  if (isEmptyCell(text)) return { state: 'none' };
  const r = parseField(col, text, env(fiscalYear));
  const problems = (r.problems ?? []).filter((p) => p.code !== 'money-as-text' && p.code !== 'date-as-text');
  const err = problems.find((p) => p.severity === 'error');
  if (err) return { state: 'error', message: err.th, messageEn: err.en };
  const warn = problems.find((p) => p.severity === 'warning');
  const shown = describeValue(r.value);
  if (warn) return { state: 'warning', message: warn.th, messageEn: warn.en, value: r.value };
  return { state: 'success', message: shown, value: r.value };
}

/** How a parsed value reads back to the officer ("31 มี.ค. 2567", "1,200.00 บาท"). */
export function describeValue(v: FieldValue | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (v instanceof Date) return formatThaiDate(v);
  if (typeof v === 'number') return `${formatMoney(v)}`;
  if (typeof v === 'string') return v;
  if ('kind' in v) return `${formatTaxId((v as TaxIdValue).id)} ✓`;
  return `${formatThaiDate(v.start)} – ${formatThaiDate(v.end)}`;
}

function cellValueOf(v: FieldValue): CellValue {
  if (v instanceof Date || typeof v === 'number' || typeof v === 'string') return v;
  if ('kind' in v) return (v as TaxIdValue).id;
  return formatThaiDate(v.start);
}

const numberOf = (v: FieldValue | undefined): number | undefined => (typeof v === 'number' ? v : undefined);

/** The derived columns' values from the row's parsed previous/current scores (undefined where inputs are missing). */
function deriveAll(cols: readonly ColumnDef[], values: ReadonlyMap<string, FieldValue>): Map<string, string | number> {
  const out = new Map<string, string | number>();
  const previous = numberOf(values.get('previous'));
  const current = numberOf(values.get('current'));
  for (const col of cols) {
    if (!col.derived) continue;
    const v = deriveValue(col.derived, previous, current);
    if (v !== undefined) out.set(col.key, v);
  }
  return out;
}

/** How the form shows the derived fields for what is typed so far ("-3.25", "จุดอ่อน"). */
export function derivedDisplay(rec: Recognition, input: FormInput, fiscalYear?: number): Map<string, string> {
  const cols = rec.template.columns;
  const values = new Map<string, FieldValue>();
  for (const col of cols) {
    const text = input[col.key] ?? '';
    if (col.derived || isEmptyCell(text)) continue;
    const v = parseField(col, text, env(fiscalYear)).value;
    if (v !== undefined) values.set(col.key, v);
  }
  const shown = new Map<string, string>();
  for (const [key, v] of deriveAll(cols, values)) {
    const fmt = cols.find((c) => c.key === key)?.numFmt;
    const decimals = fmt && /\.(0+)/.exec(fmt)?.[1].length;
    shown.set(key, typeof v === 'number' && decimals ? v.toFixed(decimals) : String(v));
  }
  return shown;
}

export interface BuiltRow {
  /** Values across the sheet's columns (index 0 = column A); null where nothing is written. */
  readonly cells: CellValue[];
  readonly numFmts: (string | undefined)[];
  readonly errors: readonly { readonly field: string; readonly message: string }[];
}

/** The sheet row for a form's input: typed values, agency columns from the profile, status derived. */
export function buildRow(rec: Recognition, width: number, input: FormInput, agency: AgencyProfile | undefined, asOf: Date, seq?: number): BuiltRow {
  const cols = rec.template.columns;
  const maxIndex = Math.max(width, ...[...rec.indexOf.values()].map((i) => i + 1));
  const cells: CellValue[] = new Array(maxIndex).fill(null);
  const numFmts: (string | undefined)[] = new Array(maxIndex).fill(undefined);
  const errors: { field: string; message: string }[] = [];
  const values = new Map<string, FieldValue>();
  const agencyRow = agencyValues(rec.template, agency, agency?.fiscalYear);
  cols.forEach((col, i) => {
    const idx = rec.indexOf.get(col.key);
    if (idx === undefined) return;
    if (col.agency) {
      cells[idx] = agencyRow[i];
      numFmts[idx] = col.numFmt;
      return;
    }
    const text = input[col.key] ?? '';
    // Derived columns are computed below from the scores, never taken as typed.
    if (col.derived || isEmptyCell(text)) return;
    const r = parseField(col, text, env(agency?.fiscalYear));
    const err = r.problems?.find((p) => p.severity === 'error');
    if (err || r.value === undefined) {
      errors.push({ field: col.key, message: err?.th ?? 'อ่านค่าไม่ได้' });
      return;
    }
    values.set(col.key, r.value);
    cells[idx] = cellValueOf(r.value);
    numFmts[idx] = col.numFmt;
  });
  for (const col of cols) {
    const idx = rec.indexOf.get(col.key);
    if (col.filledWhenBlank !== 'contractDates' || idx === undefined || cells[idx] !== null) continue;
    const sign = values.get('signDate');
    const end = values.get('endDate');
    const derived = sign instanceof Date ? statusFromDates(sign, end instanceof Date ? end : undefined, asOf) : STATUS_NOT_SIGNED;
    if (derived) cells[idx] = derived;
  }
  for (const [key, v] of deriveAll(cols, values)) {
    const idx = rec.indexOf.get(key);
    if (idx === undefined) continue;
    cells[idx] = v;
    numFmts[idx] = typeof v === 'number' ? cols.find((c) => c.key === key)?.numFmt : undefined;
  }
  if (rec.seqIndex !== undefined && seq !== undefined) cells[rec.seqIndex] = seq;
  for (const col of cols) {
    if (col.agency || col.required !== 'always' || col.filledWhenBlank) continue;
    const idx = rec.indexOf.get(col.key);
    if (idx !== undefined && cells[idx] === null && !errors.some((e) => e.field === col.key)) {
      errors.push({ field: col.key, message: `กรุณากรอก "${col.header}"` });
    }
  }
  return { cells, numFmts, errors };
}

/**
 * A row a new record may be written into: empty, or holding only what a prepared row holds (the
 * agency values a new sheet pre-fills, a pre-printed number in the ที่ column). Text in the ที่
 * column ("หมายเหตุ: …") or a lone note in an agency column makes it taken. The same rule as the
 * import's placement, so the form and the import agree on where the list ends.
 */
function isFreeRow(grid: SheetGrid, rec: Recognition, excelRow: number): boolean {
  return firstTakenRow(grid, rec, excelRow, 1) === undefined;
}

/** Where a new record goes. */
interface RecordSlot {
  /** The Excel row the record is written into. */
  readonly row: number;
  /**
   * The row right under the last record holds something else (a note, a total, a signature line):
   * a row is inserted there first, so that these move down one row and nothing is written over.
   */
  readonly insert: boolean;
}

/**
 * The last row that belongs to the record at `index`: the check (extractRecords) merges a
 * continuation line ("(ต่อ)…" after a page break) into the record above it, so a new record goes
 * below such lines, never between a record and its continuation.
 */
function recordEnd(grid: SheetGrid, rec: Recognition, index: number): number {
  const first = grid.firstRow ?? 1;
  const alone = { ...rec, headerIndex: -1 };
  const record = grid.rows[index];
  let end = index;
  while (end + 1 < grid.rows.length && !isFreeRow(grid, rec, first + end + 1)) {
    // The record with just that row under it: merged into it (a new array), or passed over as a note (the row itself).
    const pair = extractRecords({ name: grid.name, rows: [record, grid.rows[end + 1]], firstRow: first + index }, alone).records;
    if (pair.length !== 1 || pair[0].source === record) break;
    end++;
  }
  return end;
}

/**
 * Where a new record goes: right after the last record, as the check finds records (notes,
 * totals and signature lines under the table are not records). Into that row when it is empty
 * (or holds only pre-filled agency values or a pre-printed ที่); when a note follows the last
 * record at once, into a row inserted there. `grid` may be the whole sheet or its last rows only
 * (firstRow set): rows are placed by `rec.headerRow`.
 */
function recordSlot(grid: SheetGrid, rec: Recognition): RecordSlot {
  const first = grid.firstRow ?? 1;
  const headerIndex = Math.max(-1, rec.headerRow - first);
  const view = headerIndex === rec.headerIndex ? rec : { ...rec, headerIndex };
  const { records } = extractRecords(grid, view);
  const last = records.length ? recordEnd(grid, view, records[records.length - 1].row - first) : headerIndex;
  const row = first + last + 1;
  return { row, insert: !isFreeRow(grid, rec, row) };
}

/** The Excel row a new record is written into (see recordSlot). */
export function nextEmptyRow(grid: SheetGrid, rec: Recognition): number {
  return recordSlot(grid, rec).row;
}

/**
 * The ที่ number of the nearest row above `beforeIndex` that has one: 0 when there is none down to
 * the header, undefined when the grid starts below the header and holds none (read more).
 */
function previousSeq(grid: SheetGrid, seqIndex: number, headerIndex: number, beforeIndex: number): number | undefined {
  for (let r = beforeIndex - 1; r > headerIndex && r >= 0; r--) {
    const v = grid.rows[r]?.[seqIndex];
    const n = typeof v === 'number' ? v : Number(toArabicDigits(String(v ?? '')));
    if (Number.isFinite(n) && n > 0) return n;
  }
  return headerIndex >= 0 ? 0 : undefined;
}

/** Rows read first when adding a record: the last record and the notes under it are nearly always among them. */
const TAIL_ROWS = 200;

interface Placed {
  readonly grid: SheetGrid;
  readonly slot: RecordSlot;
  /** The ที่ number the new record gets (undefined: the sheet has no ที่ column). */
  readonly seq?: number;
}

/** Where the record goes by these rows, or undefined when they start below the header and do not tell (no record, or no ที่ number). */
function place(grid: SheetGrid, rec: Recognition): Placed | undefined {
  const first = grid.firstRow ?? 1;
  const headerIndex = Math.max(-1, rec.headerRow - first);
  const whole = headerIndex >= 0;
  if (!whole && extractRecords(grid, { ...rec, headerIndex }).records.length === 0) return undefined;
  const slot = recordSlot(grid, rec);
  if (rec.seqIndex === undefined) return { grid, slot };
  const before = previousSeq(grid, rec.seqIndex, headerIndex, slot.row - first);
  return before === undefined ? undefined : { grid, slot, seq: before + 1 };
}

/**
 * Adds a record right after the last record (recordSlot), reading the sheet as it is now, not as
 * the pane last saw it: only its last rows (TAIL_ROWS) in one round trip, the whole sheet only when
 * they do not tell where the list ends; then one write. Never writes over a cell: the target row
 * is empty, or holds only pre-filled agency values or a ที่ number, which are left as they are;
 * when a note follows the last record at once, a row is inserted for the record. Returns the Excel
 * row written.
 */
export async function addRecord(gw: WorkbookGateway, sheet: string, rec: Recognition, input: FormInput, agency: AgencyProfile | undefined, asOf: Date): Promise<number> {
  return (await addRecordPlaced(gw, sheet, rec, input, agency, asOf)).row;
}

/** Where addRecord wrote the record. */
export interface PlacedRecord {
  readonly row: number;
  /**
   * A row was inserted for it above a note (or total, or signature line) right under the list:
   * that and every row below moved down one row, which the officer is told, since it was not asked.
   */
  readonly inserted: boolean;
}

/** addRecord, also saying whether a row was inserted (the form tells the officer what moved). */
export async function addRecordPlaced(gw: WorkbookGateway, sheet: string, rec: Recognition, input: FormInput, agency: AgencyProfile | undefined, asOf: Date): Promise<PlacedRecord> {
  const placed = place(await gw.readTail(sheet, TAIL_ROWS), rec) ?? place(await gw.readSheet(sheet), rec);
  if (!placed) throw new GatewayError('อ่านแผ่นงานไม่ได้ จึงยังไม่ได้บันทึก', 'Could not read the sheet; nothing was written');
  const { grid, slot, seq } = placed;
  const row = slot.row;
  const width = grid.rows.reduce((w, r) => Math.max(w, r.length), rec.template.columns.length);
  const built = buildRow(rec, width, input, agency, asOf, seq);
  if (built.errors.length) {
    throw new GatewayError(built.errors.map((e) => e.message).join('; '), 'The form has errors');
  }
  const existing = slot.insert ? undefined : grid.rows[row - (grid.firstRow ?? 1)];
  // What the row already holds (pre-filled agency values, a pre-printed ที่) stays: null leaves a cell.
  const cells = built.cells.map((v, i) => (existing && !isEmptyCell(existing[i]) ? null : v));
  if (slot.insert) {
    try {
      await gw.insertRows(sheet, row, [cells], built.numFmts);
    } catch (e) {
      if (e instanceof GatewayError) throw e;
      throw new GatewayError(
        `แถว ${row} ใต้รายการสุดท้ายมีข้อความอื่น (เช่น หมายเหตุหรือผู้รายงาน) และแทรกแถวใหม่ไม่ได้ จึงยังไม่ได้บันทึก: แทรกแถวว่างใต้รายการสุดท้ายเองแล้วบันทึกอีกครั้ง`,
        `Row ${row}, under the last record, holds other text and a row could not be inserted there; nothing was written. Insert an empty row under the last record and save again.`,
      );
    }
  } else {
    await gw.writeRows(sheet, row, [cells], built.numFmts);
  }
  return { row, inserted: slot.insert };
}

/** The values of a sheet row as form input (for editing the selected row). */
export function rowToInput(grid: SheetGrid, rec: Recognition, row: number): FormInput {
  const r = grid.rows[row - (grid.firstRow ?? 1)] ?? [];
  const input: Record<string, string> = {};
  for (const col of rec.template.columns) {
    if (col.agency || col.derived) continue;
    const idx = rec.indexOf.get(col.key);
    if (idx === undefined) continue;
    const v = r[idx];
    if (v === null || v === undefined) continue;
    input[col.key] = v instanceof Date ? formatThaiDate(v) : col.type === 'taxId' ? formatTaxId(String(v)) : String(v);
  }
  return input;
}

/**
 * The changes saving an edited row would make, cell by cell, for the officer to confirm. With
 * `changed` (the fields the officer edited), only those cells are written, and the derived columns
 * that follow from them: a cell the officer did not touch keeps what it holds, however it is
 * written (a dashed tax ID, a date typed as text, the agency columns).
 */
export function planEdit(
  grid: SheetGrid, rec: Recognition, sheet: string, row: number, input: FormInput, agency: AgencyProfile | undefined, asOf: Date,
  changed?: ReadonlySet<string>,
): { changes: PlannedChange[]; errors: BuiltRow['errors'] } {
  const current = grid.rows[row - (grid.firstRow ?? 1)] ?? [];
  const built = buildRow(rec, current.length, input, agency, asOf);
  const changes: PlannedChange[] = [];
  const same = (a: CellValue, b: CellValue) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b || (isEmptyCell(a) && isEmptyCell(b)));
  built.cells.forEach((value, i) => {
    const from = current[i] ?? null;
    if (i === rec.seqIndex) return;
    const col = rec.template.columns.find((c) => rec.indexOf.get(c.key) === i);
    if (changed && col && !(col.derived ? changed.size > 0 : changed.has(col.key))) return;
    // A form field the officer emptied empties its cell ('': the gateway clears it); null is "nothing to write".
    const emptied = value === null && col !== undefined && !col.agency && !col.derived && isEmptyCell(input[col.key] ?? '');
    const to: CellValue = emptied ? '' : value;
    if (to === null || same(from, to)) return;
    // A derived cell holding its formula keeps it: Excel recomputes it from the new scores.
    if (col?.derived && grid.formulas?.has(`${row - (grid.firstRow ?? 1)}:${i}`)) return;
    changes.push({
      sheet, row, col: i + 1, address: `${columnLetter(i)}${row}`, code: 'edit', reason: col?.header ?? '', reasonEn: col?.header,
      from, to, display: to instanceof Date ? formatThaiDate(to) : String(to), numFmt: built.numFmts[i],
    });
  });
  return { changes, errors: built.errors };
}

/** What the form checks a record against: the assessed year, the date of the status, the agency. */
export interface RecordCheckEnv {
  readonly agency: AgencyProfile | undefined;
  readonly asOf: Date;
  readonly today: Date;
  readonly fiscalYear?: number;
  /** A monthly สขร.1 sheet: the month of the table the record is in (default: its contract's month). */
  readonly month?: Month;
}

/**
 * The check's issues for one record as the form would write it: the domain check itself (the same
 * rules: fields required once a contract exists, price within budget, dates in the window…), run on
 * the sheet's header rows and this one row. Issues of the whole sheet (missing columns, items
 * missing from a catalogue) are the check page's; what is left is this row's.
 */
export function checkRecord(grid: SheetGrid, rec: Recognition, input: FormInput, env: RecordCheckEnv): Issue[] {
  const first = grid.firstRow ?? 1;
  const header = grid.rows.slice(0, Math.max(0, rec.headerRow - first + 1));
  const width = Math.max(rec.template.columns.length, ...header.map((r) => r.length));
  const built = buildRow(rec, width, input, env.agency, env.asOf, rec.seqIndex === undefined ? undefined : 1);
  // A monthly record is read under its month's title, as the sheet has it: the month rules apply.
  const month = rec.template.monthly ? (env.month ?? recordMonth(rec, input)) : undefined;
  const title: CellValue[][] = month ? [[`${rec.template.monthly?.monthTitle ?? 'เดือน'} ${monthName(month)}`]] : [];
  const rows = [...header, ...title, built.cells];
  const report = checkSheet(
    { name: grid.name, rows, firstRow: first },
    { today: env.today, asOf: env.asOf, agency: env.agency, fiscalYear: env.fiscalYear },
    { templateId: rec.template.id, edition: rec.edition.edition },
  ).report;
  const agencyKeys = new Set(rec.template.columns.filter((c) => c.agency).map((c) => c.key));
  // Without a contract date there is no month yet: the contract cell's own issue says what is missing.
  return report.issues.filter((i) => i.row !== null && !(i.field && agencyKeys.has(i.field)) && !(rec.template.monthly && !month && i.code === 'month-unknown'));
}

/** The month a monthly (สขร.1) record belongs to: the month its contract was signed, as the check decides. */
export function recordMonth(rec: Recognition, input: FormInput): Month | undefined {
  const text = input.contract ?? '';
  if (!rec.template.monthly || isEmptyCell(text)) return undefined;
  const date = splitContractCell(text).date;
  return date ? monthOfDate(date) : undefined;
}

/**
 * A template whose edition pre-fills a fixed list of items (the 10 ITA indicators, the OIT items
 * o1–o35): its items are edited, never added to. A pre-filled list that is a starting point (o34's
 * seven areas, under which more measures may go) still takes new records.
 */
export function takesNewRecords(rec: Recognition): boolean {
  const seeds = rec.edition.seedRows ?? [];
  if (rec.edition.catalogue) return false;
  return !(seeds.length > 0 && seeds.every((s) => 'no' in s));
}

/** One record of the sheet, for the form's picker: its Excel row and how it reads ("o1 โครงสร้าง"). */
export interface RecordItem {
  readonly row: number;
  readonly label: string;
}

/** The records of the sheet as the check finds them, labelled by their first two filled fields. */
export function recordItems(grid: SheetGrid, rec: Recognition): RecordItem[] {
  const cols = rec.template.columns.filter((c) => !c.agency && !c.derived).map((c) => rec.indexOf.get(c.key)).filter((i): i is number => i !== undefined);
  return extractRecords(grid, rec).records.map((r) => {
    const parts: string[] = [];
    for (const i of cols) {
      const v = r.source[i];
      if (isEmptyCell(v)) continue;
      parts.push(v instanceof Date ? formatThaiDate(v) : String(v).split('\n')[0].trim());
      if (parts.length === 2) break;
    }
    const label = parts.join(' ');
    return { row: r.row, label: label.length > 70 ? `${label.slice(0, 69)}…` : label };
  });
}
