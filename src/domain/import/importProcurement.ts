/**
 * The import: source records (streamed) → the agency's rows of the template's window, mapped,
 * de-duplicated against the sheet the officer already has, checked, with the personal IDs found
 * and, for o17, the summary by method. Pure: the faces read files and write cells.
 *
 * Records are filtered as they stream past; only the agency's rows in the window are held.
 */
import type { CellValue, SheetGrid } from '../grid';
import { columnIndex, columnLetter } from '../grid';
import { catalogue as defaultCatalogue, optionList, sheetNameOf, type TemplateChoice } from '../templates';
import type { Catalogue } from '../templates/types';
import { checkSheet, dateWindow, type AgencyProfile, type Issue } from '../check';
import type { DateWindow } from '../check/context';
import type { RecognizeHints } from '../recognize';
import { summarizeByMethod, type Summary, type SummaryInput } from '../summarize';
import { compileOptions } from '../values/options';
import { fiscalYearOf, parseThaiDate } from '../values/thaiDate';
import { normalizeSpaces } from '../values/thaiDigits';
import { parseFiscalYear } from '../values/thaiDate';
import { AgencyFilter, type AgencyNameCount } from './agencyFilter';
import { contractKeys, differences, ExistingIndex, keyed, type Difference, type Keyed } from './dedupe';
import { ImportError } from './importError';
import { methodResolver } from './method';
import { personalIdOf } from './pdpa';
import { planAppend, type Placement } from './placement';
import type { SourceField, SourceOrigin, SourceRecord } from './sourceRecord';
import { detached, textOf } from './sourceRecord';
import { toTemplateRow, type RowContext } from './toTemplateRow';

export interface ImportOptions {
  readonly choice: TemplateChoice;
  /** The assessed fiscal year (BE); o17 then reports the year before. */
  readonly fiscalYear: number;
  /** Today, passed in so the domain stays pure. */
  readonly today: Date;
  /** Statuses are derived at this date (default: the window's end, or today if earlier). */
  readonly asOf?: Date;
  readonly agency?: AgencyProfile;
  /** The agency to keep (ชื่อหน่วยงาน or ชื่อหน่วยงานย่อย); default: the profile's name. */
  readonly unit?: string;
  /** แหล่งที่มาของงบประมาณ for rows whose source has none. */
  readonly budgetSource?: string;
  /** The sheet the rows will be appended to: duplicates and conflicts are found against it. */
  readonly existing?: SheetGrid;
  readonly existingHints?: RecognizeHints;
  readonly catalogue?: Catalogue;
}

export interface SkippedRecord {
  readonly origin: SourceOrigin;
  readonly code: string;
  readonly message: string;
  readonly messageEn: string;
  /** What identifies the procurement, for the officer to find it ("67039549408 จ้างก่อสร้าง…"). */
  readonly label: string;
}

export interface ImportedRow {
  readonly origin: SourceOrigin;
  /** In the template's column order. */
  readonly values: readonly CellValue[];
  readonly contractNumber?: string;
  /** Excel row it is written to (in the new sheet, or in the existing one). */
  readonly outputRow: number;
}

export interface DuplicateRecord {
  readonly origin: SourceOrigin;
  readonly label: string;
  /** The existing sheet's Excel row it repeats, or the earlier source record. */
  readonly existingRow?: number;
  readonly earlier?: SourceOrigin;
}

export interface ConflictRecord {
  readonly origin: SourceOrigin;
  readonly label: string;
  readonly existingRow: number;
  /** The row as the source has it, in template order (for a face to apply after confirmation). */
  readonly incoming: readonly CellValue[];
  readonly differences: readonly Difference[];
}

/**
 * Every record read is in exactly one of: imported, otherAgencies, outsideWindow, skipped
 * (unreadable: a broken source row, a date or value that cannot be read), duplicates, conflicts.
 * (With `needsUnit` nothing is sorted: the officer must choose the agency first.)
 */
export interface ImportCounts {
  /** Records read from the sources. */
  readonly read: number;
  /** Of these, the agency's. */
  readonly matchedAgency: number;
  /** Of these, another agency's (left out by the agency filter). */
  readonly otherAgencies: number;
  /** Of the agency's, inside the template's window. */
  readonly inWindow: number;
  readonly outsideWindow: number;
  readonly imported: number;
  readonly skipped: number;
  readonly duplicates: number;
  readonly conflicts: number;
}

export interface PersonalIdRow {
  readonly outputRow: number;
  readonly id: string;
}

export interface ImportResult {
  readonly choice: TemplateChoice;
  readonly fiscalYear: number;
  readonly window: DateWindow;
  readonly asOf: Date;
  /** The agency name filtered on (undefined: no filter). */
  readonly unit?: string;
  /** Distinct agency names in the sources, with row counts (to offer a choice). */
  readonly agencies: readonly AgencyNameCount[];
  /** No filter was given and the sources hold several agencies: nothing was imported. */
  readonly needsUnit: boolean;
  /** The sources name agencies, and none of them is the wanted one: nothing was imported. */
  readonly unitNotFound: boolean;
  readonly counts: ImportCounts;
  readonly rows: readonly ImportedRow[];
  readonly skipped: readonly SkippedRecord[];
  readonly duplicates: readonly DuplicateRecord[];
  readonly conflicts: readonly ConflictRecord[];
  /** The check of the imported rows, at their output rows and columns. */
  readonly issues: readonly Issue[];
  readonly errors: number;
  readonly warnings: number;
  readonly personalIds: readonly PersonalIdRow[];
  /** o17: count and amount by method over the list as it will be (existing rows + imported). */
  readonly summary?: Summary;
  /** Where the rows go in the existing sheet. */
  readonly placement?: Placement;
  /** The existing sheet states "ไม่มีการจัดซื้อจัดจ้าง": the statement must go once rows are added. */
  readonly existingStatesNone?: boolean;
}

interface Candidate {
  /** Position in the sources, to list skipped records in source order. */
  readonly index: number;
  readonly rec: SourceRecord;
  readonly sign: Date | undefined;
  readonly agencyName: string | undefined;
}

function labelOf(rec: SourceRecord): string {
  const pn = textOf(rec.values.projectNumber);
  const item = normalizeSpaces(textOf(rec.values.item));
  const short = item.length > 60 ? item.slice(0, 57) + '…' : item;
  return [pn, short].filter(Boolean).join(' ') || '(ไม่มีชื่อโครงการ)';
}

type Placed = 'in' | 'out' | 'unknown';

/** Whether a record falls in the window: by signing date, else announcement or reported month, else e-GP's fiscal year. */
function placeInWindow(rec: SourceRecord, sign: Date | undefined, window: DateWindow, windowYear: number): Placed {
  let d: Date | undefined = sign;
  if (!d && rec.values.announceDate !== undefined) {
    const p = parseThaiDate(rec.values.announceDate);
    if (p.ok) d = p.value;
  }
  d ??= rec.periodDate;
  if (d) return d.getTime() >= window.start.getTime() && d.getTime() <= window.end.getTime() ? 'in' : 'out';
  if (rec.values.fiscalYear !== undefined) {
    const fy = parseFiscalYear(rec.values.fiscalYear);
    if (fy.ok) return fy.value === windowYear ? 'in' : 'out';
  }
  return 'unknown';
}

/** The record with its strings detached from the chunk they were read from (see `detached`). */
function detach(rec: SourceRecord): SourceRecord {
  const values: { -readonly [K in SourceField]?: CellValue } = {};
  for (const [k, v] of Object.entries(rec.values) as [SourceField, CellValue | undefined][]) {
    if (v !== undefined) values[k] = typeof v === 'string' ? detached(v) : v;
  }
  return { ...rec, values };
}

function sortDate(c: Candidate): number {
  return (c.sign ?? c.rec.periodDate)?.getTime() ?? Number.MAX_SAFE_INTEGER;
}

/** Records one by one, or in batches (a streamed file gives one batch per chunk read). */
export type RecordStream = AsyncIterable<SourceRecord | readonly SourceRecord[]> | Iterable<SourceRecord | readonly SourceRecord[]>;

function isBatch(x: SourceRecord | readonly SourceRecord[]): x is readonly SourceRecord[] {
  return Array.isArray(x);
}

export async function importProcurement(records: RecordStream, opts: ImportOptions): Promise<ImportResult> {
  const cat = opts.catalogue ?? defaultCatalogue;
  const { template, edition } = opts.choice;
  const window = dateWindow({ edition }, opts.fiscalYear);
  const asOf = opts.asOf ?? (window.end.getTime() < opts.today.getTime() ? window.end : opts.today);
  const windowYear = fiscalYearOf(window.end);
  const wanted = opts.unit?.trim() || opts.agency?.name || undefined;
  const filter = new AgencyFilter(wanted);

  let read = 0;
  let matchedAgency = 0;
  let unreadable = 0;
  let outsideWindow = 0;
  const skipped: { index: number; record: SkippedRecord }[] = [];
  const skip = (index: number, rec: SourceRecord, code: string, th: string, en: string) =>
    skipped.push({ index, record: { origin: rec.origin, code, message: th, messageEn: en, label: labelOf(rec) } });
  let candidates: Candidate[] = [];
  let severalAgencies = false;

  const take = (rec: SourceRecord): void => {
    read++;
    if (rec.unreadable) {
      // Whose row it is cannot be told: it is listed for the officer, never dropped silently.
      unreadable++;
      skip(read, rec, rec.unreadable.code, rec.unreadable.th, rec.unreadable.en);
      return;
    }
    const keepUnnamed = rec.origin.kind === 'monthly-sheet' || rec.origin.kind === 'template-sheet';
    const name = filter.test(rec.values, keepUnnamed);
    if (name === undefined) return;
    matchedAgency++;
    if (severalAgencies) return;
    if (wanted === undefined && filter.distinctUnits() > 1) {
      // Without a filter an export of many agencies cannot be imported: stop holding its rows.
      severalAgencies = true;
      candidates = [];
      return;
    }
    let sign: Date | undefined;
    const signRaw = rec.values.signDate;
    if (signRaw !== undefined && signRaw !== null && textOf(signRaw) !== '') {
      const p = parseThaiDate(signRaw);
      if (!p.ok) {
        skip(read, rec, 'sign-date-invalid', `อ่านวันที่ลงนามในสัญญาไม่ได้: ${p.problem.th}`, `Unreadable signing date: ${p.problem.en}`);
        return;
      }
      sign = p.value;
    }
    const placed = placeInWindow(rec, sign, window, windowYear);
    if (placed === 'out') {
      outsideWindow++;
      return;
    }
    if (placed === 'unknown') {
      skip(read, rec, 'no-date', 'ไม่มีวันที่ลงนามในสัญญาหรือวันที่ประกาศ จึงบอกไม่ได้ว่าอยู่ในช่วงของแบบหรือไม่', 'No signing or announcement date: cannot tell whether it is in the window');
      return;
    }
    candidates.push({ index: read, rec: detach(rec), sign, agencyName: name === null ? undefined : detached(name) });
  };
  for await (const item of records) {
    if (isBatch(item)) for (let k = 0; k < item.length; k++) take(item[k]);
    else take(item);
  }

  const agencies = filter.names();
  const base = {
    unitNotFound: wanted !== undefined && matchedAgency === 0 && agencies.length > 0,
    choice: opts.choice,
    fiscalYear: opts.fiscalYear,
    window,
    asOf,
    ...(wanted !== undefined ? { unit: wanted } : {}),
    agencies,
  };
  if (severalAgencies) {
    return {
      ...base, needsUnit: true,
      counts: { read, matchedAgency, otherAgencies: read - unreadable - matchedAgency, inWindow: 0, outsideWindow: 0, imported: 0, skipped: 0, duplicates: 0, conflicts: 0 },
      rows: [], skipped: [], duplicates: [], conflicts: [], issues: [], errors: 0, warnings: 0, personalIds: [],
    };
  }
  const inWindow = candidates.length;
  candidates.sort((a, b) => sortDate(a) - sortDate(b));

  // A project with several contracts: its total agreed price would be counted once per contract.
  const contractsOf = new Map<string, Set<string>>();
  for (const c of candidates) {
    const pn = textOf(c.rec.values.projectNumber);
    const cn = textOf(c.rec.values.contractNumber);
    if (!pn || !cn) continue;
    let set = contractsOf.get(pn);
    if (!set) contractsOf.set(pn, (set = new Set()));
    set.add(cn);
  }

  const ctx: RowContext = {
    template,
    agency: opts.agency,
    fiscalYear: opts.fiscalYear,
    asOf,
    budgetSource: officialBudgetSource(opts.budgetSource, cat),
    resolveMethod: methodResolver(cat),
    statusOptions: compileOptions(optionList('procurementStatus', cat)),
    budgetSourceOptions: compileOptions(optionList('budgetSource', cat)),
  };
  const col = new Map(template.columns.map((c, i) => [c.key, i] as const));
  const getter = (values: readonly CellValue[]) => (k: string) => values[col.get(k) ?? -1];

  // The existing sheet, parsed by the check so values compare in their typed form.
  let existingIndex: ExistingIndex | undefined;
  let existingKeyed: Keyed[] = [];
  let existingCheck: ReturnType<typeof checkSheet> | undefined;
  if (opts.existing) {
    existingCheck = checkSheet(opts.existing, { today: opts.today, asOf, fiscalYear: opts.fiscalYear, agency: opts.agency, edition: edition.edition }, { templateId: template.id, edition: edition.edition, ...opts.existingHints }, cat);
    const rec = existingCheck.recognition;
    if (!rec || rec.template.id !== template.id) {
      throw new ImportError(
        'existing-other-template',
        `แผ่นงาน "${opts.existing.name}" ไม่ใช่แบบ ${edition.item} ${template.name}`,
        `Sheet "${opts.existing.name}" does not hold ${edition.item} (${template.nameEn})`,
      );
    }
    existingKeyed = existingCheck.records.map((r) => keyed(template, (k) => r.values[col.get(k) ?? -1]));
    existingIndex = new ExistingIndex(existingKeyed);
  }

  const rows: { origin: SourceOrigin; values: CellValue[]; contractNumber?: string }[] = [];
  const duplicates: DuplicateRecord[] = [];
  const conflicts: ConflictRecord[] = [];
  const seen = new Map<string, SourceOrigin>();
  for (const c of candidates) {
    const v = c.rec.values;
    const pn = textOf(v.projectNumber);
    const cn = textOf(v.contractNumber) || undefined;
    const several = pn && (contractsOf.get(pn)?.size ?? 0) > 1 && v.contractAmount !== undefined;
    const mapped = toTemplateRow(c.rec, c.sign, ctx, c.agencyName, several ? v.contractAmount : undefined);
    if (!mapped.ok) {
      skip(c.index, c.rec, mapped.problem.code, mapped.problem.th, mapped.problem.en);
      continue;
    }
    const k = keyed(template, getter(mapped.values));
    const keys = contractKeys(k, cn);
    const earlier = keys.map((key) => seen.get(key)).find((o) => o !== undefined);
    if (earlier) {
      duplicates.push({ origin: c.rec.origin, label: labelOf(c.rec), earlier });
      continue;
    }
    for (const key of keys) seen.set(key, c.rec.origin);
    if (existingIndex && existingCheck) {
      const i = existingIndex.take(k);
      if (i !== undefined) {
        const existing = existingCheck.records[i];
        const diff = differences(template, existingKeyed[i], k, (key) => existing.values[col.get(key) ?? -1], getter(mapped.values));
        if (diff.length === 0) duplicates.push({ origin: c.rec.origin, label: labelOf(c.rec), existingRow: existing.row });
        else conflicts.push({ origin: c.rec.origin, label: labelOf(c.rec), existingRow: existing.row, incoming: mapped.values, differences: diff });
        continue;
      }
    }
    rows.push(cn ? { origin: c.rec.origin, values: mapped.values, contractNumber: cn } : { origin: c.rec.origin, values: mapped.values });
  }

  const placement = opts.existing && existingCheck?.recognition
    ? planAppend(opts.existing, existingCheck.recognition, existingCheck.records.map((r) => r.row), rows.length)
    : undefined;
  const firstOutputRow = placement?.firstRow ?? 2;
  const imported: ImportedRow[] = rows.map((r, i) => ({ ...r, outputRow: firstOutputRow + i }));

  const check = checkImported(imported, opts, asOf, cat, placement);
  const taxPos = col.get('taxId') ?? -1;
  const personalIds: PersonalIdRow[] = [];
  for (const r of imported) {
    const id = personalIdOf(r.values[taxPos]);
    if (id) personalIds.push({ outputRow: r.outputRow, id });
  }

  let summary: Summary | undefined;
  const def = template.summary;
  if (def) {
    const pick = (get: (k: string) => unknown): SummaryInput => {
      const method = get(def.methodField);
      const status = get(def.statusField);
      const amount = get(def.amountField);
      return {
        method: typeof method === 'string' ? method : undefined,
        status: typeof status === 'string' ? status : undefined,
        amount: typeof amount === 'number' ? amount : undefined,
      };
    };
    const items: SummaryInput[] = [
      ...(existingCheck?.records ?? []).map((r) => pick((k) => r.values[col.get(k) ?? -1])),
      ...imported.map((r) => pick(getter(r.values as CellValue[]))),
    ];
    summary = summarizeByMethod(items, def);
  }

  return {
    ...base,
    needsUnit: false,
    counts: {
      read, matchedAgency, otherAgencies: read - unreadable - matchedAgency, inWindow, outsideWindow,
      imported: imported.length, skipped: skipped.length, duplicates: duplicates.length, conflicts: conflicts.length,
    },
    rows: imported,
    skipped: skipped.sort((a, b) => a.index - b.index).map((s) => s.record),
    duplicates,
    conflicts,
    issues: check.issues,
    errors: check.issues.filter((i) => i.severity === 'error').length,
    warnings: check.issues.filter((i) => i.severity === 'warning').length,
    personalIds,
    ...(summary ? { summary } : {}),
    ...(placement ? { placement, existingStatesNone: existingCheck?.report.statesNone ?? false } : {}),
  };
}

function officialBudgetSource(text: string | undefined, cat: Catalogue): string | undefined {
  const t = text?.trim();
  if (!t) return undefined;
  const m = compileOptions(optionList('budgetSource', cat)).match(t);
  // An unknown source is kept as typed: the check warns about it, as it does for a typed cell.
  return m.ok ? m.value : t;
}

/**
 * Runs the check on the imported rows as a sheet of their own (header + rows in template order),
 * then moves each issue to where the row lands in the output.
 */
function checkImported(rows: readonly ImportedRow[], opts: ImportOptions, asOf: Date, cat: Catalogue, placement: Placement | undefined): { issues: Issue[] } {
  if (rows.length === 0 && placement) return { issues: [] };
  const { template, edition } = opts.choice;
  const grid: SheetGrid = { name: placement?.sheet ?? sheetNameOf(opts.choice), rows: [template.columns.map((c) => c.header), ...rows.map((r) => r.values)] };
  const sc = checkSheet(grid, { today: opts.today, asOf, fiscalYear: opts.fiscalYear, agency: opts.agency, edition: edition.edition }, { templateId: template.id, edition: edition.edition }, cat);
  if (!placement) return { issues: [...sc.report.issues] };
  const issues = sc.report.issues.map((i): Issue => {
    const row = i.row === null ? null : placement.firstRow + (i.row - 2);
    let column = i.column;
    if (column !== null) {
      const sheetCol = placement.columns[columnIndex(column)];
      column = sheetCol === undefined ? null : columnLetter(sheetCol);
    }
    return { ...i, row, column };
  });
  return { issues };
}

