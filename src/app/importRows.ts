/**
 * The import as task-pane use cases over the gateway: plan (what the import would write, and
 * what it leaves out and why) and write (after the officer confirmed the plan). The knowledge is
 * the domain's (importProcurement, planAppend); this only reads the target sheet and writes rows.
 *
 * Rows are written only into free rows right under the sheet's last record, never over anything:
 * if the sheet holds something there (a note, a signature block), as many rows as needed are
 * inserted above it, so that it moves down (as `ita-forms import` does), and the preview says so
 * before the officer confirms. Before writing, the plan is made again on the sheet as it is then; if
 * the sheet changed since the officer saw the preview, the new plan is returned instead.
 */
import type { CellValue, SheetGrid } from '../domain/grid';
import { recognize, type RecognizeHints } from '../domain/recognize';
import { firstTakenRow, importProcurement, placedRow, type ImportResult, type SourceOrigin, type SourceRecord } from '../domain/import';
import { importFills, sheetNameOf, type TemplateChoice } from '../domain/templates';
import { planSheet } from '../domain/layout';
import type { AgencyProfile } from '../domain/check';
import type { WorkbookMeta } from '../domain/workbookMeta';
import { GatewayError, type WorkbookGateway } from '../workbook/gateway';
import { catalogueOfMeta, createTemplateSheet, freeSheetName, inspectActiveSheet, runCheck, type CheckRun } from './workbookSession';
import type { Catalogue } from '../domain/templates/types';
import { importMonthly } from '../domain/import/importMonthly';
import { planMonthlyPlacement, type MonthlyPlacement, type MonthlySheet } from '../domain/import/monthlyPlacement';
import { monthlySheetsOf, writeMonthly } from './monthlyWrite';
import type { SkippedRecord } from '../domain/import/collectCandidates';
import { extractMonthlyTables, monthKey } from '../domain/check/monthlyTables';
import { monthTitle } from '../domain/monthlyLayout';

export type ImportTarget =
  /** An o16/o17 sheet the workbook has (the active one, in the pane). */
  | {
      readonly kind: 'sheet';
      readonly sheet: string;
      /** This sheet only, not the item's other monthly sheets: the sheet this import made (the officer chose a new one). */
      readonly alone?: boolean;
    }
  /** A new sheet of this template, created when the officer confirms. */
  | { readonly kind: 'new'; readonly choice: TemplateChoice };

export interface ImportRequest {
  readonly records: readonly SourceRecord[];
  readonly target: ImportTarget;
  /** The assessed fiscal year (BE). */
  readonly fiscalYear: number;
  readonly asOf?: Date;
  /** The agency chosen among the names in the file; default: the profile's name. */
  readonly unit?: string;
  readonly budgetSource?: string;
  readonly today: Date;
}

export interface ImportPlan {
  readonly request: ImportRequest;
  readonly choice: TemplateChoice;
  /** The sheet the rows go to (for a new sheet, the name it will get). */
  readonly sheet: string;
  readonly agency: AgencyProfile | undefined;
  readonly result: ImportResult;
  /** The rows to write, by the sheet's columns, from `firstRow` down. */
  readonly rows: readonly (readonly CellValue[])[];
  readonly numFmts: readonly (string | undefined)[];
  readonly firstRow: number;
  /**
   * Something under the list (a note, a signature block) sits where the new rows go: rows are
   * inserted above Excel row `from`, so that it and every row below it move down `by` rows.
   */
  readonly shift?: RowShift;
  /** A monthly สขร.1 sheet (ITA 2569 O11/O12): the contracts by month, each into its month's table. */
  readonly monthly?: MonthlyImportPlan;
}

export interface MonthlyImportPlan {
  readonly placement: MonthlyPlacement;
  /** Contracts of the window not yet signed, or cancelled: not in a monthly summary. */
  readonly notContracted: readonly SkippedRecord[];
}

interface RowShift {
  readonly from: number;
  readonly by: number;
}

function hintsFor(meta: WorkbookMeta, sheet: string): RecognizeHints {
  const b = meta.sheets[sheet];
  return b ? { templateId: b.template, edition: b.edition } : {};
}

/** The target sheet as it is now, or as the new sheet will be made (header and seed rows). */
async function targetGrid(
  gw: WorkbookGateway, target: ImportTarget, agency: AgencyProfile | undefined, hints: (s: string) => RecognizeHints, cat: Catalogue, fiscalYear: number,
): Promise<{ grid: SheetGrid; choice: TemplateChoice; hints: RecognizeHints }> {
  if (target.kind === 'new') {
    const name = freeSheetName(sheetNameOf(target.choice), await gw.listSheets());
    const plan = planSheet(target.choice, { agency, fiscalYear: newSheetYear(target.choice, agency, fiscalYear), sheetName: name });
    const grid: SheetGrid = { name, rows: [[...plan.headers], ...plan.seedRows.map((r) => [...r])] };
    return { grid, choice: target.choice, hints: { templateId: target.choice.template.id, edition: target.choice.edition.edition } };
  }
  const grid = await gw.readSheet(target.sheet);
  const h = hints(target.sheet);
  const rec = recognize(grid, h, cat);
  if (!rec || !importFills(rec.template)) {
    throw new GatewayError(
      `แผ่นงาน "${target.sheet}" ไม่ใช่แบบ o16 หรือ o17 (หรือสรุปผลรายเดือน สขร.1) จึงนำเข้ารายการลงไปไม่ได้`,
      `Sheet "${target.sheet}" is not an o16/o17 list (nor a monthly สขร.1 summary)`,
    );
  }
  return { grid, choice: { template: rec.template, edition: rec.edition }, hints: { ...h, templateId: rec.template.id, edition: rec.edition.edition } };
}

/** What importing the records into the target would write, and what it would leave out and why. */
export async function planImport(gw: WorkbookGateway, request: ImportRequest): Promise<ImportPlan> {
  const meta = await gw.readMeta();
  const agency = meta.agency;
  const cat = catalogueOfMeta(meta);
  const { grid, choice, hints } = await targetGrid(gw, request.target, agency, (s) => hintsFor(meta, s), cat, request.fiscalYear);
  if (choice.template.monthly) return planMonthlyImport(gw, request, { meta, cat, grid, choice, hints });
  const result = await importProcurement(request.records, {
    choice,
    fiscalYear: request.fiscalYear,
    today: request.today,
    asOf: request.asOf,
    agency,
    unit: request.unit,
    budgetSource: request.budgetSource,
    existing: grid,
    existingHints: hints,
  });
  const p = result.placement;
  const firstRow = p?.firstRow ?? (grid.firstRow ?? 1) + grid.rows.length;
  const rows = p ? result.rows.map((r, k) => placedRow(p, r.values, p.firstSeq !== undefined ? p.firstSeq + k : undefined)) : [];
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const numFmts: (string | undefined)[] = new Array(width).fill(undefined);
  p?.columns.forEach((c, i) => {
    if (c !== undefined) numFmts[c] = choice.template.columns[i].numFmt;
  });
  const shift = p?.insert && rows.length ? shiftFor(grid, hints, p.firstRow, rows.length) : undefined;
  return { request, choice, sheet: grid.name, agency, result, rows, numFmts, firstRow, ...(shift ? { shift } : {}) };
}

/** The fiscal year a new sheet is made for: a monthly sheet's month titles need the one imported. */
function newSheetYear(choice: TemplateChoice, agency: AgencyProfile | undefined, fiscalYear: number): number | undefined {
  return choice.template.monthly ? fiscalYear : agency?.fiscalYear;
}

/**
 * A monthly สขร.1 sheet (ITA 2569 O11/O12): the contracts of the window by the month they were
 * signed (importMonthly), each month's into its table on whichever of the workbook's sheets of this
 * item holds it (planMonthlyPlacement): free rows only, rows inserted (what is below moves down, as
 * the plan says) where a table has too few, a new table for a month no sheet has.
 */
async function planMonthlyImport(
  gw: WorkbookGateway, request: ImportRequest,
  at: { meta: WorkbookMeta; cat: Catalogue; grid: SheetGrid; choice: TemplateChoice; hints: RecognizeHints },
): Promise<ImportPlan> {
  const { meta, cat, grid, choice, hints } = at;
  const m = await importMonthly(request.records, {
    choice, fiscalYear: request.fiscalYear, today: request.today, asOf: request.asOf, agency: meta.agency,
    unit: request.unit, budgetSource: request.budgetSource, catalogue: cat,
  });
  const rec = recognize(grid, hints, cat);
  if (!rec) throw new GatewayError(`อ่านหัวตารางของแผ่นงาน "${grid.name}" ไม่ได้`, `Cannot read the header of "${grid.name}"`);
  // The item's other sheets (one per quarter): a month's table may be on any of them.
  const sheets: MonthlySheet[] = request.target.kind === 'sheet' && !request.target.alone ? await monthlySheetsOf(gw, { grid, rec }, choice, meta, cat) : [{ grid, rec }];
  refuseOtherYear(sheets, choice, request.fiscalYear);
  const months = m.monthList.map((month) => ({ month, rows: m.months.get(monthKey(month)) ?? [], origins: m.origins.get(monthKey(month)) ?? [] }));
  const placement = planMonthlyPlacement(sheets, grid.name, months, (month) => monthTitle(choice, month));
  const rows = placement.writes.flatMap((w) => w.rows);
  const first = placement.writes[0];
  return {
    request, choice, sheet: grid.name, agency: meta.agency, result: m.result, rows,
    numFmts: first?.numFmts ?? [], firstRow: first?.finalFirst ?? (grid.firstRow ?? 1) + grid.rows.length,
    monthly: { placement, notContracted: m.notContracted },
  };
}

/**
 * The month tables the sheets have are of one fiscal year: contracts of another year would go into
 * new tables beside them (a typo in the year, or the profile's year of last round), so the import is
 * refused, saying which year the tables are of.
 */
function refuseOtherYear(sheets: readonly MonthlySheet[], choice: TemplateChoice, assessed: number): void {
  const wanted = choice.edition.window === 'previousFiscalYear' ? assessed - 1 : assessed;
  const years = new Set<number>();
  for (const s of sheets) {
    for (const t of extractMonthlyTables(s.grid, s.rec).tables) if (t.month) years.add(t.month.month >= 10 ? t.month.year + 1 : t.month.year);
  }
  if (years.size === 0 || years.has(wanted)) return;
  const have = [...years].sort().join(', ');
  const sheet = sheets[0].grid.name;
  const assessedOf = (fy: number) => (choice.edition.window === 'previousFiscalYear' ? fy + 1 : fy);
  throw new GatewayError(
    `ตารางรายเดือนในแผ่นงาน "${sheet}" เป็นของปีงบประมาณ ${have} แต่จะนำเข้าข้อมูลปีงบประมาณ ${wanted}: แก้ "ปีงบประมาณที่ประเมิน" เป็น ${[...years].map(assessedOf).join(' หรือ ')} หรือเลือกนำเข้าลงแผ่นงานใหม่`,
    `The month tables of "${sheet}" are of fiscal year ${have}, the import is of ${wanted}: set the assessed fiscal year to ${[...years].map(assessedOf).join(' or ')}, or import into a new sheet`,
  );
}

/**
 * The rows to insert for `count` new rows from `firstRow`: the free rows above the first taken one
 * are used as they are, and only the rest is inserted, so the note moves down no further than it
 * must.
 */
function shiftFor(grid: SheetGrid, hints: RecognizeHints, firstRow: number, count: number): RowShift | undefined {
  const rec = recognize(grid, hints);
  const from = rec ? firstTakenRow(grid, rec, firstRow, count) : firstRow;
  return from === undefined ? undefined : { from, by: count - (from - firstRow) };
}

export type ImportWrite =
  | {
      readonly kind: 'written';
      readonly sheet: string;
      readonly firstRow: number;
      readonly lastRow: number;
      /** The plan as written (made again on the sheet just before writing). */
      readonly plan: ImportPlan;
      /** The check of the sheet after the write. */
      readonly check: CheckRun;
    }
  /** The sheet changed after the preview: nothing was written; here is the plan as it is now. */
  | { readonly kind: 'changed'; readonly plan: ImportPlan };

const originKey = (o: SourceOrigin) => `${o.source}|${o.sheet ?? ''}|${o.row}`;

/** What the officer was shown of a monthly plan: each month's sheet, rows, inserts and contracts. */
function monthlyShape(p: MonthlyImportPlan): string {
  return JSON.stringify(p.placement.writes.map((w) => [w.sheet, w.kind, w.firstRow, w.free, w.insertAt ?? null, w.rows.length, w.origins.map(originKey)]));
}

function samePlan(a: ImportPlan, b: ImportPlan): boolean {
  if (a.monthly || b.monthly) return Boolean(a.monthly && b.monthly) && monthlyShape(a.monthly!) === monthlyShape(b.monthly!);
  if (a.firstRow !== b.firstRow || a.rows.length !== b.rows.length) return false;
  // The officer was told which rows move down, and by how many: anything else is another plan.
  if (a.shift?.from !== b.shift?.from || a.shift?.by !== b.shift?.by) return false;
  return a.result.rows.every((r, i) => originKey(r.origin) === originKey(b.result.rows[i].origin));
}

/** Writes the rows the officer saw in the preview; then checks the sheet. */
export async function writeImport(gw: WorkbookGateway, seen: ImportPlan): Promise<ImportWrite> {
  if (seen.rows.length === 0) throw new GatewayError('ไม่มีรายการใหม่ที่จะนำเข้า', 'Nothing new to import');
  let sheet = seen.sheet;
  if (seen.request.target.kind === 'new') {
    // The sheet is made now, not at preview: an officer who only looks leaves the workbook as it was.
    sheet = await createTemplateSheet(gw, seen.choice, seen.agency, 0, newSheetYear(seen.choice, seen.agency, seen.request.fiscalYear));
  }
  const plan = await planImport(gw, { ...seen.request, target: { kind: 'sheet', sheet, alone: seen.request.target.kind === 'new' } });
  if (!samePlan(seen, plan)) return { kind: 'changed', plan };

  if (plan.monthly) await writeMonthly(gw, plan.monthly.placement);
  else await writePlanned(gw, sheet, plan);
  // Remember which template the sheet holds, so that the check and the form know it at once.
  const meta = await gw.readMeta();
  if (!meta.sheets[sheet]) {
    await gw.writeMeta({ ...meta, sheets: { ...meta.sheets, [sheet]: { template: plan.choice.template.id, edition: plan.choice.edition.edition } } });
  }
  const itemCol = plan.monthly
    ? plan.monthly.placement.writes[0]?.rows[0]?.findIndex((v) => v !== null && typeof v === 'string')
    : plan.result.placement?.columns[plan.choice.template.columns.findIndex((c) => c.key === 'item')];
  // Show the officer where the rows went; a failure here is no failure of the write.
  const shown = plan.monthly?.placement.writes[0]?.sheet ?? sheet;
  await gw.selectCell(shown, { row: plan.firstRow, col: (itemCol ?? 0) + 1 }).catch(() => gw.activateSheet(shown).catch(() => undefined));
  const check = await runCheck(gw, await inspectActiveSheet(gw), { today: seen.request.today });
  return { kind: 'written', sheet, firstRow: plan.firstRow, lastRow: plan.firstRow + plan.rows.length - 1, plan, check };
}

/**
 * Writes the plan's rows. With a shift, the rows from `shift.from` are inserted first (Excel's
 * Insert: what is below moves down, nothing is overwritten, references follow), then the free rows
 * above it are written: a failed insert leaves the sheet untouched.
 */
async function writePlanned(gw: WorkbookGateway, sheet: string, plan: ImportPlan): Promise<void> {
  const { shift } = plan;
  if (!shift) {
    await gw.writeRows(sheet, plan.firstRow, plan.rows, plan.numFmts);
    return;
  }
  const free = shift.from - plan.firstRow;
  try {
    await gw.insertRows(sheet, shift.from, plan.rows.slice(free), plan.numFmts);
  } catch (e) {
    if (e instanceof GatewayError) throw e;
    throw new GatewayError(
      `แทรกแถวเหนือแถว ${shift.from} ของแผ่นงาน "${sheet}" ไม่ได้ จึงยังไม่ได้นำเข้า: แทรกแถวว่างเหนือหมายเหตุหรือช่องลงชื่อให้พอ ${shift.by} แถว หรือนำเข้าลงแผ่นงานใหม่`,
      `Rows could not be inserted above row ${shift.from} of "${sheet}"; nothing was imported. Insert ${shift.by} empty rows above the note or signature block, or import into a new sheet`,
    );
  }
  if (free > 0) await gw.writeRows(sheet, plan.firstRow, plan.rows.slice(0, free), plan.numFmts);
}
