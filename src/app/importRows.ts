/**
 * The import as task-pane use cases over the gateway: plan (what the import would write, and
 * what it leaves out and why) and write (after the officer confirmed the plan). The knowledge is
 * the domain's (importProcurement, planAppend); this only reads the target sheet and writes rows.
 *
 * Rows are written only into free rows right under the sheet's last record, never over anything:
 * if the sheet holds something there (a note, a signature block), nothing is written and the
 * officer is told where. Before writing, the plan is made again on the sheet as it is then; if
 * the sheet changed since the officer saw the preview, the new plan is returned instead.
 */
import type { CellValue, SheetGrid } from '../domain/grid';
import { recognize, type RecognizeHints } from '../domain/recognize';
import { firstTakenRow, importProcurement, placedRow, type ImportResult, type SourceOrigin, type SourceRecord } from '../domain/import';
import type { TemplateChoice } from '../domain/templates';
import { planSheet } from '../domain/layout';
import type { AgencyProfile } from '../domain/check';
import type { WorkbookMeta } from '../domain/workbookMeta';
import { GatewayError, type WorkbookGateway } from '../workbook/gateway';
import { createTemplateSheet, freeSheetName, inspectActiveSheet, runCheck, type CheckRun } from './workbookSession';

export type ImportTarget =
  /** An o16/o17 sheet the workbook has (the active one, in the pane). */
  | { readonly kind: 'sheet'; readonly sheet: string }
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
  /** An Excel row under the list that holds something the new rows would overwrite: nothing can be written. */
  readonly blockedAt?: number;
}

/** The columns an import fills: those with a signing date (o16, o17). */
export function isProcurementList(choice: TemplateChoice): boolean {
  return choice.template.columns.some((c) => c.key === 'signDate');
}

function hintsFor(meta: WorkbookMeta, sheet: string): RecognizeHints {
  const b = meta.sheets[sheet];
  return b ? { templateId: b.template, edition: b.edition } : {};
}

/** The target sheet as it is now, or as the new sheet will be made (header and seed rows). */
async function targetGrid(gw: WorkbookGateway, target: ImportTarget, agency: AgencyProfile | undefined, hints: (s: string) => RecognizeHints): Promise<{ grid: SheetGrid; choice: TemplateChoice; hints: RecognizeHints }> {
  if (target.kind === 'new') {
    const name = freeSheetName(target.choice.template.sheetName, await gw.listSheets());
    const plan = planSheet(target.choice, { agency, fiscalYear: agency?.fiscalYear, sheetName: name });
    const grid: SheetGrid = { name, rows: [[...plan.headers], ...plan.seedRows.map((r) => [...r])] };
    return { grid, choice: target.choice, hints: { templateId: target.choice.template.id, edition: target.choice.edition.edition } };
  }
  const grid = await gw.readSheet(target.sheet);
  const h = hints(target.sheet);
  const rec = recognize(grid, h);
  if (!rec || !isProcurementList(rec)) {
    throw new GatewayError(
      `แผ่นงาน "${target.sheet}" ไม่ใช่แบบ o16 หรือ o17 จึงนำเข้ารายการลงไปไม่ได้`,
      `Sheet "${target.sheet}" is not an o16/o17 list`,
    );
  }
  return { grid, choice: { template: rec.template, edition: rec.edition }, hints: { ...h, templateId: rec.template.id, edition: rec.edition.edition } };
}

/** What importing the records into the target would write, and what it would leave out and why. */
export async function planImport(gw: WorkbookGateway, request: ImportRequest): Promise<ImportPlan> {
  const meta = await gw.readMeta();
  const agency = meta.agency;
  const { grid, choice, hints } = await targetGrid(gw, request.target, agency, (s) => hintsFor(meta, s));
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
  let blockedAt: number | undefined;
  if (p?.insert && rows.length) {
    const rec = recognize(grid, hints);
    blockedAt = rec ? firstTakenRow(grid, rec, p.firstRow, rows.length) : p.firstRow;
  }
  return { request, choice, sheet: grid.name, agency, result, rows, numFmts, firstRow, ...(blockedAt !== undefined ? { blockedAt } : {}) };
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

function samePlan(a: ImportPlan, b: ImportPlan): boolean {
  if (a.firstRow !== b.firstRow || a.rows.length !== b.rows.length) return false;
  return a.result.rows.every((r, i) => originKey(r.origin) === originKey(b.result.rows[i].origin));
}

/** Writes the rows the officer saw in the preview; then checks the sheet. */
export async function writeImport(gw: WorkbookGateway, seen: ImportPlan): Promise<ImportWrite> {
  if (seen.rows.length === 0) throw new GatewayError('ไม่มีรายการใหม่ที่จะนำเข้า', 'Nothing new to import');
  if (seen.blockedAt !== undefined) throw blocked(seen.sheet, seen.blockedAt);
  let sheet = seen.sheet;
  if (seen.request.target.kind === 'new') {
    // The sheet is made now, not at preview: an officer who only looks leaves the workbook as it was.
    sheet = await createTemplateSheet(gw, seen.choice, seen.agency, 0);
  }
  const plan = await planImport(gw, { ...seen.request, target: { kind: 'sheet', sheet } });
  if (!samePlan(seen, plan)) return { kind: 'changed', plan };
  if (plan.blockedAt !== undefined) throw blocked(plan.sheet, plan.blockedAt);

  await gw.writeRows(sheet, plan.firstRow, plan.rows, plan.numFmts);
  // Remember which template the sheet holds, so that the check and the form know it at once.
  const meta = await gw.readMeta();
  if (!meta.sheets[sheet]) {
    await gw.writeMeta({ ...meta, sheets: { ...meta.sheets, [sheet]: { template: plan.choice.template.id, edition: plan.choice.edition.edition } } });
  }
  const itemCol = plan.result.placement?.columns[plan.choice.template.columns.findIndex((c) => c.key === 'item')];
  // Show the officer where the rows went; a failure here is no failure of the write.
  await gw.selectCell(sheet, { row: plan.firstRow, col: (itemCol ?? 0) + 1 }).catch(() => gw.activateSheet(sheet).catch(() => undefined));
  const check = await runCheck(gw, await inspectActiveSheet(gw), { today: seen.request.today });
  return { kind: 'written', sheet, firstRow: plan.firstRow, lastRow: plan.firstRow + plan.rows.length - 1, plan, check };
}

function blocked(sheet: string, row: number): GatewayError {
  return new GatewayError(
    `แถว ${row} ของแผ่นงาน "${sheet}" (ใต้รายการสุดท้าย) มีข้อความอยู่ เช่น หมายเหตุหรือช่องลงชื่อ: จะไม่เขียนทับ ให้แทรกแถวว่างเหนือข้อความนั้นให้พอ หรือนำเข้าลงแผ่นงานใหม่`,
    `Row ${row} of "${sheet}" (under the last record) is not empty: nothing is written over it. Insert empty rows above it, or import into a new sheet`,
  );
}
