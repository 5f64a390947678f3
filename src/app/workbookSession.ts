/**
 * The task pane's use cases over a WorkbookGateway: recognise the active sheet, create a template
 * sheet, keep the agency profile, check, fix and summarise. Pure orchestration: knowledge stays in
 * the domain, cell access in the gateway. Every write goes to an empty row, to a sheet ita-forms
 * created, or to cells the user has seen listed and confirmed.
 */
import type { CellValue, SheetGrid } from '../domain/grid';
import { columnIndex } from '../domain/grid';
import { recognize, type Recognition } from '../domain/recognize';
import type { AgencyProfile, SheetCheck, WorkbookReport } from '../domain/check';
import type { TemplateChoice } from '../domain/templates';
import { resolveTemplate, sheetNameOf } from '../domain/templates';
import { planSheet, planSummary } from '../domain/layout';
import { MONEY_FORMAT } from '../domain/templates/procurement';
import type { WorkbookMeta } from '../domain/workbookMeta';
import { catalogue as builtInCatalogue } from '../domain/templates';
import type { Catalogue } from '../domain/templates/types';
import { applyCatalogueFile, type CatalogueFile } from '../domain/catalogue/catalogueFile';
import { GatewayError, sameSheetName, SHEET_NAME_MAX, type WorkbookGateway } from '../workbook/gateway';

export interface ActiveSheet {
  readonly sheet: string;
  readonly grid: SheetGrid;
  readonly recognition?: Recognition;
  readonly meta: WorkbookMeta;
}

export function todayUtc(now: Date = new Date()): Date {
  const th = new Date(now.getTime() + 7 * 3600 * 1000);
  return new Date(Date.UTC(th.getUTCFullYear(), th.getUTCMonth(), th.getUTCDate()));
}

let kept: { text: string; catalogue: Catalogue } | undefined;

/**
 * The catalogue a workbook is read with: the built-in one, with the catalogue file the workbook
 * keeps (saved by the pane or by `new --catalogue`) merged in. A file that no longer loads (an
 * older ita-forms wrote it) leaves the built-in catalogue.
 */
export function catalogueOfMeta(meta: WorkbookMeta): Catalogue {
  if (!meta.catalogue) return builtInCatalogue;
  if (kept?.text === meta.catalogue) return kept.catalogue;
  try {
    // Checked against the schema when it was saved; here it is only merged (no validator in the pane's first load).
    kept = { text: meta.catalogue, catalogue: applyCatalogueFile(builtInCatalogue, JSON.parse(meta.catalogue) as CatalogueFile).catalogue };
    return kept.catalogue;
  } catch {
    return builtInCatalogue;
  }
}

/** Checks a catalogue file and keeps it in the workbook's hidden ita-forms sheet; returns what it changes. */
export async function saveCatalogueFile(gw: WorkbookGateway, text: string): Promise<readonly string[]> {
  const { loadCatalogue } = await import('./catalogueLoader');
  const { changes } = loadCatalogue(text); // throws CatalogueFileError naming the key at fault
  const meta = await gw.readMeta();
  await gw.writeMeta({ ...meta, catalogue: text });
  return changes;
}

let engine: Promise<typeof import('../domain/check')> | undefined;

/**
 * The check engine. In the pane it is a chunk of its own: the first screen (which template this
 * sheet is) does not wait for it, and it is fetched while the sheet is read. A failed fetch is
 * forgotten, so the next check fetches it again.
 */
function checkEngine(): Promise<typeof import('../domain/check')> {
  engine ??= import(/* webpackChunkName: "check" */ '../domain/check').catch((e: unknown) => {
    engine = undefined;
    throw e;
  });
  return engine;
}

export async function inspectActiveSheet(gw: WorkbookGateway): Promise<ActiveSheet> {
  void checkEngine().catch(() => undefined); // fetched now, awaited (and its failure shown) by the check
  const [sheet, meta] = await Promise.all([gw.activeSheet(), gw.readMeta()]);
  return sheetState(sheet, await gw.readSheet(sheet), meta);
}

/** A sheet as read, recognised with what the workbook says it holds (the meta's template binding). */
export function sheetState(sheet: string, grid: SheetGrid, meta: WorkbookMeta): ActiveSheet {
  const b = meta.sheets[sheet];
  const recognition = recognize(grid, b ? { templateId: b.template, edition: b.edition } : {}, catalogueOfMeta(meta));
  return recognition ? { sheet, grid, recognition, meta } : { sheet, grid, meta };
}

/**
 * The same sheet read again after a write of the pane or an edit Excel reported: one read of the
 * sheet (its name and the workbook's meta are what the pane already holds; a write that changes
 * them re-inspects instead).
 */
export async function rereadSheet(gw: WorkbookGateway, previous: ActiveSheet): Promise<ActiveSheet> {
  return sheetState(previous.sheet, await gw.readSheet(previous.sheet), previous.meta);
}

/** The user-perceived characters of a text (a Thai consonant with its vowel and tone marks is one). */
function graphemes(text: string): string[] {
  if (typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function') {
    return Array.from(new Intl.Segmenter('th', { granularity: 'grapheme' }).segment(text), (s) => s.segment);
  }
  // Without Intl.Segmenter: whole code points at least (never half a surrogate pair).
  return Array.from(text);
}

/** The longest start of `text` that fits `max` UTF-16 units without splitting a character. */
function cutName(text: string, max: number): string {
  let out = '';
  for (const g of graphemes(text)) {
    if (out.length + g.length > max) break;
    out += g;
  }
  return out.trimEnd();
}

/**
 * A sheet name not yet taken: "ความก้าวหน้าการจัดซื้อจัดจ้ (2)". Excel allows 31 characters and
 * compares names regardless of case; a name is shortened only between whole characters, never
 * between a Thai consonant and its marks.
 */
export function freeSheetName(wanted: string, taken: readonly string[]): string {
  const isTaken = (name: string) => taken.some((t) => sameSheetName(t, name));
  const base = cutName(wanted, SHEET_NAME_MAX);
  if (!isTaken(base)) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = cutName(base, SHEET_NAME_MAX - suffix.length) + suffix;
    if (!isTaken(name)) return name;
  }
}

/** Creates a template as a new sheet (never over an existing one) and remembers it in the workbook. */
export async function createTemplateSheet(gw: WorkbookGateway, choice: TemplateChoice, agency: AgencyProfile | undefined, prefillRows = 0, fiscalYear = agency?.fiscalYear): Promise<string> {
  const [taken, meta] = await Promise.all([gw.listSheets(), gw.readMeta()]);
  const name = freeSheetName(sheetNameOf(choice), taken);
  const plan = planSheet(choice, { agency, fiscalYear, sheetName: name });
  await gw.createSheet({ plan, prefillRows });
  await gw.writeMeta({ ...meta, sheets: { ...meta.sheets, [name]: { template: choice.template.id, edition: choice.edition.edition } } });
  return name;
}

export async function saveAgency(gw: WorkbookGateway, agency: AgencyProfile): Promise<void> {
  const meta = await gw.readMeta();
  await gw.writeMeta({ ...meta, agency });
}

export interface CheckRun {
  readonly report: WorkbookReport;
  /** The active sheet's check (the one the pane shows). */
  readonly sheet: SheetCheck | undefined;
}

/**
 * Checks the active sheet. For a template with a summary (o17) the other sheets are read too, to
 * find the summary table.
 */
export async function runCheck(gw: WorkbookGateway, active: ActiveSheet, opts: { asOf?: Date; today?: Date } = {}): Promise<CheckRun> {
  const grids: SheetGrid[] = [active.grid];
  // o17 is matched with its summary sheet, o35 with the o34 sheet: those checks read the other sheets.
  const t = active.recognition?.template;
  // Monthly tables may be spread over quarter sheets: a missing month is judged over all of them.
  if (t?.summary || t?.crossRules?.length || t?.monthly) {
    for (const name of await gw.listSheets()) if (name !== active.sheet) grids.push(await gw.readSheet(name));
  }
  const b = (name: string) => {
    const x = active.meta.sheets[name];
    return x ? { templateId: x.template, edition: x.edition } : {};
  };
  const { checkWorkbook } = await checkEngine();
  const report = checkWorkbook(grids, { today: opts.today ?? todayUtc(), asOf: opts.asOf, agency: active.meta.agency }, b, catalogueOfMeta(active.meta));
  const idx = report.sheets.findIndex((s) => s.sheet === active.sheet);
  return { report, sheet: report.checks[idx] };
}

/** One planned cell change, as the fix preview lists it. */
export interface PlannedChange {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  /** "K12" */
  readonly address: string;
  readonly code: string;
  readonly reason: string;
  /** The reason in English (the check's messageEn). */
  readonly reasonEn?: string;
  readonly from: CellValue;
  readonly to: CellValue;
  readonly display: string;
  readonly numFmt?: string;
}

/** The safe automatic fixes of a check, one per cell (the first offered wins). */
export function planFixes(run: CheckRun, grids: readonly SheetGrid[]): PlannedChange[] {
  const out: PlannedChange[] = [];
  const seen = new Set<string>();
  for (const s of run.report.sheets) {
    const grid = grids.find((g) => g.name === s.sheet);
    if (!grid) continue;
    for (const i of s.issues) {
      if (!i.fix || i.row === null || i.column === null) continue;
      const address = `${s.sheet}!${i.column}${i.row}`;
      if (seen.has(address)) continue;
      seen.add(address);
      const col = columnIndex(i.column) + 1;
      const from = grid.rows[i.row - (grid.firstRow ?? 1)]?.[col - 1] ?? null;
      out.push({
        sheet: s.sheet, row: i.row, col, address: `${i.column}${i.row}`, code: i.code, reason: i.message, reasonEn: i.messageEn,
        from, to: i.fix.value, display: i.fix.display, numFmt: i.fix.numFmt,
      });
    }
  }
  return out;
}

/** Applies only the listed changes, and only where the cell still holds what the preview showed. */
export async function applyFixes(gw: WorkbookGateway, changes: readonly PlannedChange[]): Promise<{ applied: number; skipped: PlannedChange[] }> {
  const bySheet = new Map<string, PlannedChange[]>();
  for (const c of changes) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);
  let applied = 0;
  const skipped: PlannedChange[] = [];
  for (const [sheet, list] of bySheet) {
    const grid = await gw.readSheet(sheet);
    const same = (a: CellValue, b: CellValue) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b || ((a === null || a === '') && (b === null || b === '')));
    const ok = list.filter((c) => {
      const now = grid.rows[c.row - (grid.firstRow ?? 1)]?.[c.col - 1] ?? null;
      const unchanged = same(now, c.from);
      if (!unchanged) skipped.push(c);
      return unchanged;
    });
    if (ok.length) await gw.writeCells(sheet, ok.map((c) => ({ row: c.row, col: c.col, value: c.to, numFmt: c.numFmt })));
    applied += ok.length;
  }
  return { applied, skipped };
}

/** Meta marker of a derived sheet ita-forms wrote (and so may rewrite). */
const SUMMARY_SUFFIX = '#summary';

/**
 * Creates or refreshes the o17 summary sheet from the list. Formulas keep it right as rows are
 * added; the computed values go with them so that what is shown is right before Excel recalculates.
 * A sheet of the same name that ita-forms did not create is never overwritten.
 */
export async function writeSummary(gw: WorkbookGateway, active: ActiveSheet): Promise<string> {
  const rec = active.recognition;
  const def = rec?.template.summary;
  if (!rec || !def) throw new GatewayError('แผ่นงานนี้ไม่มีตารางสรุป (ใช้กับแบบ o17)', 'This sheet has no summary (o17 only)');
  const run = await runCheck(gw, active);
  const computed = run.sheet?.summary;
  if (!computed) throw new GatewayError('คำนวณสรุปไม่ได้', 'Could not compute the summary');
  const lastRow = Math.max(active.grid.rows.length + (active.grid.firstRow ?? 1), 1001);
  // Formulas refer to the list by the template's column order; a sheet laid out otherwise gets values only.
  const sameLayout = rec.headerRow === 1 && rec.template.columns.every((c, i) => rec.indexOf.get(c.key) === i);
  const lines = [...computed.lines, computed.total];
  const cells = planSummary(def, active.sheet, rec.template, lastRow, MONEY_FORMAT).map((c) => {
    if (!c.formula) return c;
    const line = lines[c.row - 4];
    const value = c.col === 2 ? line.count : line.amount;
    return sameLayout ? { ...c, value } : { ...c, formula: undefined, value };
  });
  const [taken, meta] = await Promise.all([gw.listSheets(), gw.readMeta()]);
  const ours = (name: string) => meta.sheets[name]?.template === rec.template.id + SUMMARY_SUFFIX;
  const existingOurs = taken.find(ours);
  const name = existingOurs ?? freeSheetName(def.sheetName, taken);
  await gw.writeDerivedSheet(name, cells, [52, 16, 22]);
  if (!existingOurs) {
    await gw.writeMeta({ ...meta, sheets: { ...meta.sheets, [name]: { template: rec.template.id + SUMMARY_SUFFIX, edition: rec.edition.edition } } });
  }
  return name;
}

export function choiceFor(templateId: string, edition: string): TemplateChoice {
  const c = resolveTemplate(templateId, edition);
  if (!c) throw new GatewayError(`ไม่พบแบบ ${templateId} ใน ITA ${edition}`, `No template ${templateId} in ${edition}`);
  return c;
}
