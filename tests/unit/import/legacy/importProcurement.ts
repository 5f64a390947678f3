// The import's collect and map phases as they were before they were fused (commit 6cf2b98): the
// oracle of legacyEquivalence.test.ts, which checks that the fused pipeline gives the same result.
// Not used by the product.
/**
 * The import: source records (streamed) → the agency's rows of the template's window, mapped,
 * de-duplicated against the sheet the officer already has, checked, with the personal IDs found
 * and, for o17, the summary by method. Pure: the faces read files and write cells.
 *
 * Records are filtered as they stream past; only the agency's rows in the window are held.
 */
import type { CellValue, SheetGrid } from '../../../../src/domain/grid';
import { columnIndex, columnLetter } from '../../../../src/domain/grid';
import { catalogue as defaultCatalogue, optionList, sheetNameOf, type TemplateChoice } from '../../../../src/domain/templates';
import type { Catalogue, EditionDef, TemplateDef } from '../../../../src/domain/templates/types';
import { checkSheet, dateWindow, type AgencyProfile, type Issue } from '../../../../src/domain/check';
import type { DateWindow } from '../../../../src/domain/check/context';
import type { RecognizeHints } from '../../../../src/domain/recognize';
import { summarizeByMethod, type Summary, type SummaryInput } from '../../../../src/domain/summarize';
import { compileOptions } from '../../../../src/domain/values/options';
import { fiscalYearOf } from '../../../../src/domain/values/thaiDate';
import type { AgencyNameCount } from '../../../../src/domain/import/agencyFilter';
import { collectCandidates, labelOf, SkippedList, type Candidate, type RecordStream, type SkippedRecord } from './collectCandidates';
import { contractKeys, differences, ExistingIndex, keyed, type Difference, type Keyed } from '../../../../src/domain/import/dedupe';
import { ImportError } from '../../../../src/domain/import/importError';
import { methodResolver } from '../../../../src/domain/import/method';
import { personalIdOf } from '../../../../src/domain/import/pdpa';
import { planAppend, type Placement } from '../../../../src/domain/import/placement';
import type { SourceOrigin } from '../../../../src/domain/import/sourceRecord';
import { textOf } from '../../../../src/domain/import/sourceRecord';
import { toTemplateRow, type RowContext } from './toTemplateRow';

export type { RecordStream } from './collectCandidates';

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

interface ImportedRow {
  readonly origin: SourceOrigin;
  /** In the template's column order. */
  readonly values: readonly CellValue[];
  readonly contractNumber?: string;
  /** Excel row it is written to (in the new sheet, or in the existing one). */
  readonly outputRow: number;
}

interface DuplicateRecord {
  readonly origin: SourceOrigin;
  readonly label: string;
  /** The existing sheet's Excel row it repeats, or the earlier source record. */
  readonly existingRow?: number;
  readonly earlier?: SourceOrigin;
}

interface ConflictRecord {
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
interface ImportCounts {
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

interface PersonalIdRow {
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

/** The import's settings, resolved once. */
interface Setting {
  readonly opts: ImportOptions;
  readonly cat: Catalogue;
  readonly template: TemplateDef;
  readonly edition: EditionDef;
  readonly window: DateWindow;
  readonly asOf: Date;
  /** The template's column position of each field key. */
  readonly col: ReadonlyMap<string, number>;
}

/**
 * The agency whose rows are imported: the name given (--unit), else the profile's; undefined keeps
 * every row. A face that reads a CSV for the import passes it to the reader (ReadOptions.agency).
 */
function wantedAgency(opts: Pick<ImportOptions, 'unit' | 'agency'>): string | undefined {
  return opts.unit?.trim() || opts.agency?.name || undefined;
}

export async function importProcurement(records: RecordStream, opts: ImportOptions): Promise<ImportResult> {
  const cat = opts.catalogue ?? defaultCatalogue;
  const { template, edition } = opts.choice;
  const window = dateWindow({ edition }, opts.fiscalYear);
  const asOf = opts.asOf ?? (window.end.getTime() < opts.today.getTime() ? window.end : opts.today);
  const col = new Map(template.columns.map((c, i) => [c.key, i] as const));
  const setting: Setting = { opts, cat, template, edition, window, asOf, col };
  const wanted = wantedAgency(opts);

  const skipped = new SkippedList();
  const collected = await collectCandidates(records, wanted, window, fiscalYearOf(window.end), skipped);
  const { read, matchedAgency, unreadable, agencies } = collected;
  const base = {
    unitNotFound: wanted !== undefined && matchedAgency === 0 && agencies.length > 0,
    choice: opts.choice,
    fiscalYear: opts.fiscalYear,
    window,
    asOf,
    ...(wanted !== undefined ? { unit: wanted } : {}),
    agencies,
  };
  if (collected.severalAgencies) {
    return {
      ...base, needsUnit: true,
      counts: { read, matchedAgency, otherAgencies: read - unreadable - matchedAgency, inWindow: 0, outsideWindow: 0, imported: 0, skipped: 0, duplicates: 0, conflicts: 0 },
      rows: [], skipped: [], duplicates: [], conflicts: [], issues: [], errors: 0, warnings: 0, personalIds: [],
    };
  }
  const candidates = collected.candidates;
  candidates.sort((a, b) => sortDate(a) - sortDate(b));
  const contractsOf = contractsByProject(candidates);
  const existing = opts.existing ? indexExisting(opts.existing, setting) : undefined;
  const sorted = mapAndDedupe(candidates, contractsOf, rowContext(setting), existing, setting, skipped);
  const inWindow = candidates.length;
  // The source records are mapped: let them go before the check (a large import holds both otherwise).
  candidates.length = 0;

  const placement = existing ? planAppend(existing.sheet, existing.recognition, existing.check.records.map((r) => r.row), sorted.rows.length) : undefined;
  const firstOutputRow = placement?.firstRow ?? 2;
  const imported: ImportedRow[] = sorted.rows.map((r, i) => ({ ...r, outputRow: firstOutputRow + i }));

  const check = checkImported(imported, opts, asOf, cat, placement);
  const summary = summaryOf(imported, existing, setting);
  return {
    ...base,
    needsUnit: false,
    counts: {
      read, matchedAgency, otherAgencies: read - unreadable - matchedAgency, inWindow, outsideWindow: collected.outsideWindow,
      imported: imported.length, skipped: skipped.length, duplicates: sorted.duplicates.length, conflicts: sorted.conflicts.length,
    },
    rows: imported,
    skipped: skipped.inSourceOrder(),
    duplicates: sorted.duplicates,
    conflicts: sorted.conflicts,
    issues: check.issues,
    errors: check.issues.filter((i) => i.severity === 'error').length,
    warnings: check.issues.filter((i) => i.severity === 'warning').length,
    personalIds: personalIdsOf(imported, setting),
    ...(summary ? { summary } : {}),
    ...(placement && existing ? { placement, existingStatesNone: existing.check.report.statesNone ?? false } : {}),
  };
}

function sortDate(c: Candidate): number {
  return (c.sign ?? c.rec.periodDate)?.getTime() ?? Number.MAX_SAFE_INTEGER;
}

/** A reader of a row in template order by field key. */
function fieldsOf<V>(values: readonly V[], col: ReadonlyMap<string, number>): (k: string) => V | undefined {
  return (k) => values[col.get(k) ?? -1];
}

/** The contract numbers of each project number (a project with several contracts is reported per contract). */
function contractsByProject(candidates: readonly Candidate[]): Map<string, Set<string>> {
  const contractsOf = new Map<string, Set<string>>();
  for (const c of candidates) {
    const pn = textOf(c.rec.values.projectNumber);
    const cn = textOf(c.rec.values.contractNumber);
    if (!pn || !cn) continue;
    let set = contractsOf.get(pn);
    if (!set) contractsOf.set(pn, (set = new Set()));
    set.add(cn);
  }
  return contractsOf;
}

function rowContext(s: Setting): RowContext {
  return {
    template: s.template,
    agency: s.opts.agency,
    fiscalYear: s.opts.fiscalYear,
    asOf: s.asOf,
    budgetSource: officialBudgetSource(s.opts.budgetSource, s.cat),
    resolveMethod: methodResolver(s.cat),
    statusOptions: compileOptions(optionList('procurementStatus', s.cat)),
    budgetSourceOptions: compileOptions(optionList('budgetSource', s.cat)),
  };
}

/** The sheet the rows go into, checked so its values compare in their typed form, and indexed. */
interface ExistingSheet {
  readonly sheet: SheetGrid;
  readonly check: ReturnType<typeof checkSheet>;
  readonly recognition: NonNullable<ReturnType<typeof checkSheet>['recognition']>;
  readonly keyed: readonly Keyed[];
  readonly index: ExistingIndex;
}

function indexExisting(sheet: SheetGrid, s: Setting): ExistingSheet {
  const { opts, template, edition } = s;
  const check = checkSheet(sheet, { today: opts.today, asOf: s.asOf, fiscalYear: opts.fiscalYear, agency: opts.agency, edition: edition.edition }, { templateId: template.id, edition: edition.edition, ...opts.existingHints }, s.cat);
  const recognition = check.recognition;
  if (!recognition || recognition.template.id !== template.id) {
    throw new ImportError(
      'existing-other-template',
      `แผ่นงาน "${sheet.name}" ไม่ใช่แบบ ${edition.item} ${template.name}`,
      `Sheet "${sheet.name}" does not hold ${edition.item} (${template.nameEn})`,
    );
  }
  const existingKeyed = check.records.map((r) => keyed(template, fieldsOf(r.values, s.col)));
  return { sheet, check, recognition, keyed: existingKeyed, index: new ExistingIndex(existingKeyed) };
}

interface Sorted {
  readonly rows: { origin: SourceOrigin; values: CellValue[]; contractNumber?: string }[];
  readonly duplicates: DuplicateRecord[];
  readonly conflicts: ConflictRecord[];
}

/**
 * Maps each candidate to a template row (unmappable ones are skipped), then sorts it out: a repeat
 * of an earlier record or of an existing row is a duplicate, an existing row that differs is a conflict.
 */
function mapAndDedupe(
  candidates: readonly Candidate[],
  contractsOf: ReadonlyMap<string, ReadonlySet<string>>,
  ctx: RowContext,
  existing: ExistingSheet | undefined,
  s: Setting,
  skipped: SkippedList,
): Sorted {
  const { template, col } = s;
  const rows: Sorted['rows'] = [];
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
      skipped.add(c.index, c.rec, mapped.problem.code, mapped.problem.th, mapped.problem.en);
      continue;
    }
    const k = keyed(template, fieldsOf(mapped.values, col));
    const keys = contractKeys(k, cn);
    const earlier = keys.map((key) => seen.get(key)).find((o) => o !== undefined);
    if (earlier) {
      duplicates.push({ origin: c.rec.origin, label: labelOf(c.rec), earlier });
      continue;
    }
    for (const key of keys) seen.set(key, c.rec.origin);
    if (existing) {
      const i = existing.index.take(k);
      if (i !== undefined) {
        const row = existing.check.records[i];
        const diff = differences(template, existing.keyed[i], k, fieldsOf(row.values, col), fieldsOf(mapped.values, col));
        if (diff.length === 0) duplicates.push({ origin: c.rec.origin, label: labelOf(c.rec), existingRow: row.row });
        else conflicts.push({ origin: c.rec.origin, label: labelOf(c.rec), existingRow: row.row, incoming: mapped.values, differences: diff });
        continue;
      }
    }
    rows.push(cn ? { origin: c.rec.origin, values: mapped.values, contractNumber: cn } : { origin: c.rec.origin, values: mapped.values });
  }
  return { rows, duplicates, conflicts };
}

/** The imported rows whose tax ID is a person's citizen ID (PDPA: to be masked before publishing). */
function personalIdsOf(imported: readonly ImportedRow[], s: Setting): PersonalIdRow[] {
  const taxPos = s.col.get('taxId') ?? -1;
  const personalIds: PersonalIdRow[] = [];
  for (const r of imported) {
    const id = personalIdOf(r.values[taxPos]);
    if (id) personalIds.push({ outputRow: r.outputRow, id });
  }
  return personalIds;
}

/** o17: count and amount by method over the list as it will be (existing rows + imported). */
function summaryOf(imported: readonly ImportedRow[], existing: ExistingSheet | undefined, s: Setting): Summary | undefined {
  const def = s.template.summary;
  if (!def) return undefined;
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
    ...(existing?.check.records ?? []).map((r) => pick(fieldsOf(r.values, s.col))),
    ...imported.map((r) => pick(fieldsOf(r.values, s.col))),
  ];
  return summarizeByMethod(items, def);
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

