/**
 * The workbook gateway inside Excel, through Office.js. Every call is one `Excel.run` with as few
 * `context.sync()` round trips as the data allows: loads are queued and read after one sync, writes
 * are 2-D arrays, and a request or response is kept under ~2.5 MB (Excel on the web rejects 5 MB;
 * Thai text is 3 bytes a character). Requirement sets are detected once: the base (reading,
 * writing, formats, new sheets) needs only ExcelApi 1.1 (Office 2016); what needs newer sets
 * degrades instead of throwing.
 *
 * Only types are taken from `Excel`: the global does not exist outside Office (tests, preview), so
 * enum values are written as their strings ('Hidden', 'Continuous', ...).
 */
import { columnIndex, type CellValue, type SheetGrid } from '../../domain/grid';
import { placePlanLists, type SummaryPlanCell } from '../../domain/layout';
import { decodeMeta, encodeMeta, LISTS_SHEET, META_SHEET, type WorkbookMeta } from '../../domain/workbookMeta';
import { GatewayError, sameSheetName, SHEET_NAME_MAX, type Capabilities, type CellRef, type CellWrite, type NewSheetRequest, type WorkbookGateway } from '../gateway';
import { ERROR_FILL, WARNING_FILL } from '../memory/memoryWorkbook';
import {
  a1,
  a1Range,
  areaWithin,
  columnRange,
  formatFor,
  fromExcelValue,
  GRID_COLS,
  GRID_ROWS,
  parseA1,
  parseAreas,
  toExcelInput,
  verticalRuns,
  widthToPoints,
  type Area,
  type ExcelInput,
} from './cellConvert';
import { ACTION_OVERHEAD, cellBytes, chunkBySize, gridBytes, isPayloadError, PAYLOAD_TARGET, rowBytes, SyncBudget } from './payload';

/** `Excel.run` with a batch (production passes `Excel.run`). */
export type BatchRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
/** `Excel.run` on an existing context (production passes `(c, b) => Excel.run(c, b)`). */
export type ContextRun = <T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
/** `Office.context.requirements.isSetSupported`. */
export type SetSupported = (name: string, version: string) => boolean;

export interface OfficeGatewayOptions {
  /**
   * Runs a batch on the context an event handler was added with: Office.js removes a handler only
   * through that same context. Default: call the batch with the context directly.
   */
  readonly runInContext?: ContextRun;
  /** The clock for telling our own change events from the user's (tests pass a fake one). Default: Date.now. */
  readonly now?: () => number;
}

/**
 * How long after one of our writes returns its change events still count as ours: Excel delivers
 * events asynchronously, after the request has come back. An event of ours that arrives later
 * only costs a redundant re-check.
 */
export const OWN_CHANGE_WINDOW_MS = 2000;

/** A write of ours in progress or just done: change events inside its areas are its echo. */
interface OwnWrite {
  readonly sheet: string;
  readonly areas: readonly Area[];
  /** Until when (ms) its events are expected; Infinity while the write is in flight. */
  until: number;
}

/** Hidden sheet that remembers the fill a cell had before ita-forms highlighted it. */
export const HIGHLIGHTS_SHEET = 'ita-highlights';

/** Rows read with the first round trip, before the sheet's size is known: ~2.4 MB of typical o16 rows (~940 bytes each with formats), half the 5 MB limit. */
const HEAD_ROWS = 2500;
/** Bytes per cell assumed when even the first rows were too large to read at once. */
const PESSIMISTIC_CELL_BYTES = 600;
/** `getRanges` takes at most 8,192 characters of addresses. */
const MAX_AREAS_ADDRESS = 8000;

const HEADER_FILL = '#D9E2F3';
const BORDER_COLOR = '#8EA9DB';
const HEADER_HEIGHT = 42;
const LISTS_WIDTH = 40;
/** Rows of a lists sheet column cleared below a list when it is (re)written. */
const LIST_CLEAR_ROWS = 1000;
const HEADER_BORDERS = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical'] as const;
const NO_FILL = 'none';
const RECORD_HEADER = ['sheet', 'address', 'original', 'applied'];
const OUR_FILLS = new Set([ERROR_FILL.toUpperCase(), WARNING_FILL.toUpperCase()]);

const INVALID_NAME = /[\\/?*[\]:]/;

interface Geometry {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

interface SheetEntry {
  readonly name: string;
  readonly visibility: string;
}

interface CellFill {
  /** '#RRGGBB', upper case. */
  readonly color: string;
  /** No fill at all (or, before ExcelApi 1.9, white). */
  readonly none: boolean;
}

interface HighlightRecord {
  readonly sheet: string;
  readonly address: string;
  readonly original: string;
  readonly applied: string;
}

const sameName = sameSheetName;

function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function noSheet(name: string): GatewayError {
  return new GatewayError(`ไม่พบแผ่นงาน "${name}"`, `No sheet "${name}"`);
}

function checkSheetName(name: string): void {
  if (!name.trim() || name.length > SHEET_NAME_MAX || INVALID_NAME.test(name) || name.startsWith("'") || name.endsWith("'") || sameName(name, 'History')) {
    throw new GatewayError(
      `ตั้งชื่อแผ่นงานเป็น "${name}" ไม่ได้ (ไม่เกิน 31 ตัวอักษร และห้ามมี \\ / ? * [ ] :)`,
      `"${name}" is not a valid sheet name (at most 31 characters, none of \\ / ? * [ ] :)`,
    );
  }
}

function normColor(c: unknown): string {
  return typeof c === 'string' ? c.toUpperCase() : '';
}

function parseRecords(values: readonly (readonly unknown[])[]): HighlightRecord[] {
  const out: HighlightRecord[] = [];
  for (const row of values) {
    const [sheet, address, original, applied] = row.map((v) => (typeof v === 'string' ? v : ''));
    if (!sheet || !address || !original || (sheet === RECORD_HEADER[0] && address === RECORD_HEADER[1])) continue;
    if (!parseA1(address)) continue;
    out.push({ sheet, address, original, applied });
  }
  return out;
}

/** Scattered cells as few areas (their column runs). */
function cellAreas(cells: readonly { readonly row: number; readonly col: number }[]): Area[] {
  return verticalRuns(cells).map((r) => ({ row1: r.cells[0].row, col1: r.cells[0].col, row2: r.cells[r.cells.length - 1].row, col2: r.cells[0].col }));
}

/** Last 1-based row of a block that holds anything (0 when none). */
function lastUsedRow(values: readonly (readonly unknown[])[], rowIndex: number): number {
  for (let i = values.length - 1; i >= 0; i--) if (values[i].some((v) => v !== '' && v !== null)) return rowIndex + i + 1;
  return 0;
}

export class OfficeGateway implements WorkbookGateway {
  private readonly caps: Capabilities;
  /** ExcelApi 1.2: getUsedRange(valuesOnly), column widths, row heights, hiding sheets. */
  private readonly api12: boolean;
  /** ExcelApi 1.4: *OrNullObject. */
  private readonly api14: boolean;
  /** ExcelApi 1.7: freeze panes. */
  private readonly api17: boolean;
  /** ExcelApi 1.9: fill.pattern (tells "no fill" from a white fill). */
  private readonly api19: boolean;
  private readonly runInContext: ContextRun;
  private readonly now: () => number;
  private ownWrites: OwnWrite[] = [];

  constructor(
    private readonly run: BatchRun,
    isSetSupported: SetSupported,
    options: OfficeGatewayOptions = {},
  ) {
    const has = (version: string) => {
      try {
        return isSetSupported('ExcelApi', version) === true;
      } catch {
        return false;
      }
    };
    this.api12 = has('1.2');
    this.api14 = has('1.4');
    this.api17 = has('1.7');
    this.api19 = has('1.9');
    this.caps = { events: this.api17, dataValidation: has('1.8'), rangeAreas: this.api19, conditionalFormats: has('1.6') };
    this.runInContext = options.runInContext ?? ((context, batch) => batch(context));
    this.now = options.now ?? (() => Date.now());
  }

  /** The gateway inside Excel (call after Office.onReady). */
  static forExcel(): OfficeGateway {
    return new OfficeGateway(
      (batch) => Excel.run(batch),
      (name, version) => Office.context.requirements.isSetSupported(name, version),
      { runInContext: (context, batch) => Excel.run(context, batch) },
    );
  }

  capabilities(): Capabilities {
    return this.caps;
  }

  /** Runs a batch on a named sheet: Excel's ItemNotFound becomes a GatewayError naming the sheet. */
  private async onSheet<T>(name: string, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.run(batch);
    } catch (e) {
      if (errorCode(e) === 'ItemNotFound') throw noSheet(name);
      throw e;
    }
  }

  /**
   * Runs a write to `sheet`'s `areas`, remembering them so that the change events the write causes
   * are not taken for the user's edits (the pane re-checks after its own writes anyway).
   */
  private async ownWrite<T>(sheet: string, areas: readonly Area[], write: () => Promise<T>): Promise<T> {
    const entry: OwnWrite = { sheet, areas, until: Infinity };
    this.ownWrites.push(entry);
    try {
      return await write();
    } finally {
      entry.until = this.now() + OWN_CHANGE_WINDOW_MS;
    }
  }

  /**
   * True for a change event our own write caused: Excel says so (triggerSource, ExcelApi 1.14), or
   * every area it names lies in what a write of ours to that sheet is writing or just wrote (an
   * event without a readable address: any such write). A co-author's change (source Remote) and an
   * edit elsewhere on the sheet are the user's.
   */
  private isOwnChange(sheet: string, args: unknown): boolean {
    const a = (args ?? {}) as { readonly source?: unknown; readonly address?: unknown; readonly triggerSource?: unknown };
    if (a.triggerSource === 'ThisLocalAddin') return true;
    if (a.source === 'Remote') return false;
    const now = this.now();
    this.ownWrites = this.ownWrites.filter((w) => w.until >= now);
    const mine = this.ownWrites.filter((w) => sameName(w.sheet, sheet));
    if (!mine.length) return false;
    const areas = typeof a.address === 'string' ? parseAreas(a.address) : null;
    if (!areas) return true;
    return areas.every((area) => mine.some((w) => w.areas.some((own) => areaWithin(area, own))));
  }

  private usedRange(sheet: Excel.Worksheet): Excel.Range {
    // Without valuesOnly (ExcelApi 1.1) formatted empty rows count as used; readSheet trims them.
    return this.api12 ? sheet.getUsedRange(true) : sheet.getUsedRange();
  }

  /** Names and visibility of all sheets, in workbook order (one sync). */
  private async sheetList(context: Excel.RequestContext): Promise<SheetEntry[]> {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name,items/visibility');
    await context.sync();
    return sheets.items.map((s) => ({ name: s.name, visibility: s.visibility }));
  }

  async listSheets(): Promise<string[]> {
    return this.run(async (context) => {
      const ours = [META_SHEET, LISTS_SHEET, HIGHLIGHTS_SHEET];
      const list = await this.sheetList(context);
      // By name too: Office 2016 (ExcelApi 1.1) cannot hide the sheets ita-forms adds.
      return list.filter((s) => s.visibility === 'Visible' && !ours.some((o) => sameName(o, s.name))).map((s) => s.name);
    });
  }

  async activeSheet(): Promise<string> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load('name');
      await context.sync();
      return sheet.name;
    });
  }

  /**
   * One sync reads the used range's size and its first HEAD_ROWS rows (values and number formats),
   * which is the whole of most sheets. A longer sheet is read on in row blocks sized from what the
   * first rows weighed, one sync per ~2.5 MB; a block Excel still finds too large is halved.
   */
  async readSheet(name: string): Promise<SheetGrid> {
    return this.onSheet(name, async (context) => {
      const values: unknown[][] = [];
      const formats: unknown[][] = [];
      let geo: Geometry;
      let bytes = 0;
      const sheet = context.workbook.worksheets.getItem(name);
      const used = this.usedRange(sheet);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      const head = used.getRow(0).getBoundingRect(used.getCell(HEAD_ROWS - 1, 0)).getIntersection(used);
      head.load('values,numberFormat');
      let headRead = true;
      try {
        await context.sync();
      } catch (e) {
        if (!isPayloadError(e)) throw e;
        headRead = false;
      }
      if (headRead) {
        geo = { rowIndex: used.rowIndex, columnIndex: used.columnIndex, rowCount: used.rowCount, columnCount: used.columnCount };
        // Loops, not push(...): a spread of a large block overflows the call stack.
        for (const r of head.values) values.push(r);
        for (const r of head.numberFormat) formats.push(r);
        bytes = gridBytes(head.values) + gridBytes(head.numberFormat);
      } else {
        // Even the first rows were too large (very long cells): take the size alone, then read in blocks.
        const again = this.usedRange(context.workbook.worksheets.getItem(name));
        again.load('rowIndex,columnIndex,rowCount,columnCount');
        await context.sync();
        geo = { rowIndex: again.rowIndex, columnIndex: again.columnIndex, rowCount: again.rowCount, columnCount: again.columnCount };
      }
      if (values.length < geo.rowCount) {
        const ws = context.workbook.worksheets.getItem(name);
        const firstCol = geo.columnIndex + 1;
        const lastCol = geo.columnIndex + geo.columnCount;
        let perRow = values.length ? bytes / values.length : geo.columnCount * PESSIMISTIC_CELL_BYTES;
        while (values.length < geo.rowCount) {
          const count = Math.max(1, Math.min(geo.rowCount - values.length, Math.floor(PAYLOAD_TARGET / Math.max(perRow, 1))));
          const top = geo.rowIndex + values.length + 1;
          const block = ws.getRange(a1Range(top, firstCol, top + count - 1, lastCol));
          block.load('values,numberFormat');
          try {
            // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one round trip per ~2.5 MB block of rows (payload-bounded), never per row
            await context.sync();
          } catch (e) {
            if (!isPayloadError(e) || count === 1) throw e;
            perRow = PAYLOAD_TARGET / Math.floor(count / 2);
            continue;
          }
          const blockBytes = gridBytes(block.values) + gridBytes(block.numberFormat);
          for (const r of block.values) values.push(r);
          for (const r of block.numberFormat) formats.push(r);
          bytes += blockBytes;
          // Plan the next block on the heavier of this block and the average so far.
          perRow = Math.max(blockBytes / count, bytes / values.length);
        }
      }
      return this.toGrid(name, geo, values, formats);
    });
  }

  /**
   * One sync: the used range's size and its last `count` rows (values and number formats). The
   * rows [max(top, bottom − count + 1) … bottom] are found without knowing `bottom` beforehand, with
   * ExcelApi 1.1 calls that cannot leave the grid: the used range moved `count` rows down and cut
   * to the `count` rows under its last row, then moved back up. A sheet used to within `count` rows
   * of the grid's end takes a second sync (size first, then the rows); rows too large for one
   * response are read as readSheet reads, in payload-sized blocks.
   */
  async readTail(name: string, count: number): Promise<SheetGrid> {
    const n = Math.max(1, Math.floor(count));
    const tail = await this.onSheet(name, async (context) => {
      const ws = context.workbook.worksheets.getItem(name);
      const used = this.usedRange(ws);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      const last = used.getLastRow();
      const under = last.getOffsetRange(1, 0).getBoundingRect(last.getOffsetRange(n, 0));
      const block = used.getOffsetRange(n, 0).getIntersection(under).getOffsetRange(-n, 0);
      block.load('values,numberFormat,rowIndex');
      try {
        await context.sync();
      } catch (e) {
        if (isPayloadError(e)) return undefined;
        if (errorCode(e) !== 'InvalidArgument') throw e;
        // Used to the grid's last rows: no room below to move into. The size, then the rows.
        const again = this.usedRange(context.workbook.worksheets.getItem(name));
        again.load('rowIndex,columnIndex,rowCount,columnCount');
        await context.sync();
        const bottom = again.rowIndex + again.rowCount;
        const top = Math.max(again.rowIndex + 1, bottom - n + 1);
        const rows = context.workbook.worksheets.getItem(name).getRange(a1Range(top, again.columnIndex + 1, bottom, again.columnIndex + again.columnCount));
        rows.load('values,numberFormat');
        await context.sync();
        return this.toGrid(name, { rowIndex: top - 1, columnIndex: again.columnIndex, rowCount: bottom - top + 1, columnCount: again.columnCount }, rows.values, rows.numberFormat);
      }
      const values = block.values;
      return this.toGrid(name, { rowIndex: block.rowIndex, columnIndex: used.columnIndex, rowCount: values.length, columnCount: used.columnCount }, values, block.numberFormat);
    });
    return tail ?? this.readSheet(name);
  }

  private toGrid(name: string, geo: Geometry, values: readonly (readonly unknown[])[], formats: readonly (readonly unknown[])[]): SheetGrid {
    const rows: CellValue[][] = [];
    for (let i = 0; i < values.length; i++) {
      const src = values[i];
      const fmt = formats[i] ?? [];
      // rows[i][0] is column A: pad the empty columns left of the used range.
      const row: CellValue[] = new Array<CellValue>(geo.columnIndex).fill(null);
      for (let j = 0; j < src.length; j++) row.push(fromExcelValue(src[j], fmt[j]));
      let end = row.length;
      while (end > 0 && row[end - 1] === null) end--;
      row.length = end;
      rows.push(row);
    }
    while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
    return { name, rows, firstRow: geo.rowIndex + 1 };
  }

  async readMeta(): Promise<WorkbookMeta> {
    return this.run(async (context) => {
      let sheet: Excel.Worksheet;
      if (this.api14) {
        const found = context.workbook.worksheets.getItemOrNullObject(META_SHEET);
        await context.sync();
        if (found.isNullObject) return { sheets: {} };
        sheet = found;
      } else {
        const list = await this.sheetList(context);
        const entry = list.find((s) => sameName(s.name, META_SHEET));
        if (!entry) return { sheets: {} };
        sheet = context.workbook.worksheets.getItem(entry.name);
      }
      const used = sheet.getUsedRange();
      used.load('values');
      await context.sync();
      return decodeMeta(used.values.map((row) => row.map((v) => fromExcelValue(v, 'General'))));
    });
  }

  async writeMeta(meta: WorkbookMeta): Promise<void> {
    await this.run(async (context) => {
      const list = await this.sheetList(context);
      const entry = list.find((s) => sameName(s.name, META_SHEET));
      const sheet = entry ? context.workbook.worksheets.getItem(entry.name) : context.workbook.worksheets.add(META_SHEET);
      if (entry) sheet.getRange().clear();
      if (this.api12) sheet.visibility = 'Hidden';
      const budget = new SyncBudget(context);
      await this.queueBlock(sheet, budget, 1, 1, { values: this.inputs(encodeMeta(meta)) });
      await budget.flush();
    });
  }

  /** Rows of domain values as a rectangular values array (null clears a cell). */
  private inputs(rows: readonly (readonly CellValue[])[], keepOnNull = false): ExcelInput[][] {
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    return rows.map((r) => {
      const out = new Array<ExcelInput>(width).fill(keepOnNull ? null : '');
      r.forEach((v, c) => (out[c] = toExcelInput(v, keepOnNull)));
      return out;
    });
  }

  /**
   * Queues a block of values (with its number formats and formulas, null = leave the cell) at a
   * 1-based corner, split into row ranges that each fit the payload budget.
   */
  private async queueBlock(
    sheet: Excel.Worksheet,
    budget: SyncBudget,
    top: number,
    left: number,
    block: { values: ExcelInput[][]; formats?: (string | null)[][]; formulas?: (string | null)[][] },
  ): Promise<void> {
    const { values, formats, formulas } = block;
    const width = values[0]?.length ?? 0;
    if (!values.length || !width) return;
    const size = (i: number) => rowBytes(values[i]) + (formats ? rowBytes(formats[i]) : 0) + (formulas ? rowBytes(formulas[i]) : 0);
    const indexes = values.map((_, i) => i);
    for (const chunk of chunkBySize(indexes, size, PAYLOAD_TARGET - 4 * ACTION_OVERHEAD)) {
      const first = chunk[0];
      const last = chunk[chunk.length - 1];
      const fmt = formats?.slice(first, last + 1);
      const fml = formulas?.slice(first, last + 1);
      const withFormats = fmt?.some((r) => r.some((f) => f !== null)) ?? false;
      const withFormulas = fml?.some((r) => r.some((f) => f !== null)) ?? false;
      let bytes = 3 * ACTION_OVERHEAD;
      for (const i of chunk) bytes += rowBytes(values[i]) + (withFormats && formats ? rowBytes(formats[i]) : 0) + (withFormulas && formulas ? rowBytes(formulas[i]) : 0);
      await budget.reserve(bytes);
      const range = sheet.getRange(a1Range(top + first, left, top + last, left + width - 1));
      // Format first, so a value lands in a cell that already shows it right.
      if (withFormats && fmt) range.numberFormat = fmt;
      range.values = values.slice(first, last + 1);
      if (withFormulas && fml) range.formulas = fml;
    }
  }

  async createSheet(req: NewSheetRequest): Promise<void> {
    const { plan } = req;
    checkSheetName(plan.name);
    await this.run(async (context) => {
      const list = await this.sheetList(context);
      if (list.some((s) => sameName(s.name, plan.name))) {
        throw new GatewayError(`มีแผ่นงานชื่อ "${plan.name}" อยู่แล้ว`, `A sheet named "${plan.name}" already exists`);
      }
      const lists = list.find((s) => sameName(s.name, LISTS_SHEET));
      // Lists already on the lists sheet keep their columns (other sheets' drop-downs point there): read its first row, the list ids.
      let header: CellValue[] | undefined;
      if (lists && this.caps.dataValidation) {
        const ls = context.workbook.worksheets.getItem(lists.name);
        const ids = ls.getRange('A1').getBoundingRect(this.usedRange(ls)).getRow(0);
        ids.load('values');
        await context.sync();
        header = (ids.values[0] ?? []).map((v) => fromExcelValue(v, 'General'));
      }
      const placed = placePlanLists(plan, header);
      const sheet = context.workbook.worksheets.add(plan.name);
      try {
        const budget = new SyncBudget(context);
        await this.queueTemplate(context, sheet, { ...req, plan: { ...plan, ...placed } }, lists?.name, budget);
        await budget.flush();
      } catch (e) {
        // Office.js applies a failed batch up to the failing action: take the half-made sheet away
        // so that the name stays free for a retry.
        try {
          const made = context.workbook.worksheets.getItem(plan.name);
          made.delete();
          await context.sync();
        } catch {
          // It was never made.
        }
        throw e;
      }
    });
  }

  private async queueTemplate(context: Excel.RequestContext, sheet: Excel.Worksheet, req: NewSheetRequest, listsName: string | undefined, budget: SyncBudget): Promise<void> {
    const { plan, prefillRows } = req;
    const width = plan.headers.length;
    const formRows = plan.formRows;

    const headerValues = [plan.headers.map((h) => toExcelInput(h))];
    await budget.reserve(rowBytes(headerValues[0]) + 14 * ACTION_OVERHEAD);
    const header = sheet.getRange(a1Range(1, 1, 1, width));
    header.values = headerValues;
    header.format.font.bold = true;
    header.format.fill.color = HEADER_FILL;
    header.format.wrapText = true;
    header.format.verticalAlignment = 'Center';
    header.format.horizontalAlignment = 'Center';
    for (const edge of HEADER_BORDERS) {
      const border = header.format.borders.getItem(edge);
      border.style = 'Continuous';
      border.color = BORDER_COLOR;
    }
    if (this.api12) {
      header.format.rowHeight = HEADER_HEIGHT;
      for (let c = 0; c < width; c++) {
        await budget.reserve(2 * ACTION_OVERHEAD);
        sheet.getRange(columnRange(c + 1)).format.columnWidth = widthToPoints(plan.widths[c] ?? 12);
      }
    }

    // Number formats over the form rows only (never whole columns), as the full 2-D array 1.1 needs.
    for (let c = 0; c < width; c++) {
      const fmt = plan.columns[c]?.numFmt;
      if (!fmt || formRows < 1) continue;
      const column = Array.from({ length: formRows }, () => [fmt]);
      await budget.reserve(gridBytes(column) + 2 * ACTION_OVERHEAD);
      sheet.getRange(a1Range(2, c + 1, formRows + 1, c + 1)).numberFormat = column;
    }

    // Seed rows (e.g. every OIT item with its name) under the header, then the agency rows.
    const seeds = plan.seedRows ?? [];
    if (seeds.length) await this.queueBlock(sheet, budget, 2, 1, { values: this.inputs(seeds, true) });
    if (prefillRows > 0 && plan.agencyRow.some((v) => v !== null)) {
      const rows = Array.from({ length: prefillRows }, () => plan.agencyRow);
      await this.queueBlock(sheet, budget, 2 + seeds.length, 1, { values: this.inputs(rows, true) });
    }
    if (plan.wrap) {
      // Paragraph templates: cells wrap at the top, so numbered steps read as lines.
      const last = Math.max(formRows + 1, 1 + seeds.length + prefillRows);
      if (last >= 2) {
        await budget.reserve(3 * ACTION_OVERHEAD);
        const body = sheet.getRange(a1Range(2, 1, last, width));
        body.format.wrapText = true;
        body.format.verticalAlignment = 'Top';
      }
    }

    if (this.api17) sheet.freezePanes.freezeRows(1);

    if (this.caps.dataValidation && plan.lists.length) {
      const listSheet = listsName ? context.workbook.worksheets.getItem(listsName) : context.workbook.worksheets.add(LISTS_SHEET);
      if (!listsName) listSheet.visibility = 'Hidden';
      for (const l of plan.lists) {
        const col = columnIndex(l.letter) + 1;
        await this.queueBlock(listSheet, budget, 1, col, { values: this.inputs([[l.listId], ...l.values.map((v) => [v])]) });
        await budget.reserve(3 * ACTION_OVERHEAD);
        // A list that got shorter (a newer catalogue) leaves no stale options below it.
        if (l.values.length + 2 <= LIST_CLEAR_ROWS) listSheet.getRange(a1Range(l.values.length + 2, col, LIST_CLEAR_ROWS, col)).clear('Contents');
        listSheet.getRange(columnRange(col)).format.columnWidth = widthToPoints(LISTS_WIDTH);
      }
      for (const v of plan.validations) {
        await budget.reserve(5 * ACTION_OVERHEAD + v.source.length + v.column.header.length * 3);
        const dv = sheet.getRange(v.sqref).dataValidation;
        dv.rule = { list: { inCellDropDown: true, source: v.source.startsWith('=') ? v.source : `=${v.source}` } };
        dv.ignoreBlanks = true;
        dv.errorAlert = {
          showAlert: true,
          style: v.strict ? 'Stop' : 'Warning',
          title: 'ค่าไม่อยู่ในรายการ',
          message: `กรุณาเลือก "${v.column.header}" จากรายการ`.slice(0, 225),
        };
      }
    }
    sheet.activate();
  }

  /** Rows of domain values as a values array and its formats: null (and a short row's missing cells) leaves a cell, '' empties it. */
  private rowBlock(rows: readonly (readonly CellValue[])[], numFmts?: readonly (string | undefined)[]): { values: ExcelInput[][]; formats: (string | null)[][] } {
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    // Office.js's own null semantics: null in a values array leaves the cell as it is.
    const values = rows.map((r) => {
      const out = new Array<ExcelInput>(width).fill(null);
      r.forEach((v, c) => (out[c] = toExcelInput(v, true)));
      return out;
    });
    const formats = rows.map((r) => {
      const out = new Array<string | null>(width).fill(null);
      r.forEach((v, c) => (out[c] = v === null ? null : formatFor(v, numFmts?.[c])));
      return out;
    });
    return { values, formats };
  }

  async writeRows(sheet: string, startRow: number, rows: readonly (readonly CellValue[])[], numFmts?: readonly (string | undefined)[]): Promise<void> {
    const block = this.rowBlock(rows, numFmts);
    const width = block.values[0]?.length ?? 0;
    if (!width) return;
    const area = { row1: startRow, col1: 1, row2: startRow + rows.length - 1, col2: width };
    await this.ownWrite(sheet, [area], () =>
      this.onSheet(sheet, async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        const budget = new SyncBudget(context);
        await this.queueBlock(ws, budget, startRow, 1, block);
        await budget.flush();
      }),
    );
  }

  async insertRows(sheet: string, startRow: number, rows: readonly (readonly CellValue[])[], numFmts?: readonly (string | undefined)[]): Promise<void> {
    if (!rows.length) return;
    const block = this.rowBlock(rows, numFmts);
    // The inserted rows, whole: Excel reports the insertion by them and then the values written in them.
    const area = { row1: startRow, col1: 1, row2: startRow + rows.length - 1, col2: GRID_COLS };
    await this.ownWrite(sheet, [area], () =>
      this.onSheet(sheet, async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        const budget = new SyncBudget(context);
        // Whole rows, as Excel's Insert: the rows below move down with their formats, validation and references.
        await budget.reserve(2 * ACTION_OVERHEAD);
        ws.getRange(`${startRow}:${startRow + rows.length - 1}`).insert('Down');
        await this.queueBlock(ws, budget, startRow, 1, block);
        await budget.flush();
      }),
    );
  }

  async writeCells(sheet: string, cells: readonly CellWrite[]): Promise<void> {
    if (!cells.length) return;
    const areas = cellAreas(cells.filter((c) => c.value !== null));
    await this.ownWrite(sheet, areas, () => this.writeCellsNow(sheet, cells));
  }

  private async writeCellsNow(sheet: string, cells: readonly CellWrite[]): Promise<void> {
    await this.onSheet(sheet, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const budget = new SyncBudget(context);
      for (const c of cells) {
        if (c.value === null) continue; // null leaves the cell, '' empties it
        const value = toExcelInput(c.value);
        const fmt = formatFor(c.value, c.numFmt);
        await budget.reserve(cellBytes(value) + (fmt ? cellBytes(fmt) : 0) + 3 * ACTION_OVERHEAD);
        const range = ws.getRange(a1(c.row, c.col));
        if (fmt) range.numberFormat = [[fmt]];
        range.values = [[value]];
      }
      await budget.flush();
    });
  }

  async writeDerivedSheet(name: string, cells: readonly SummaryPlanCell[], widths: readonly number[]): Promise<void> {
    checkSheetName(name);
    // Rewritten whole: every change on it now is ours.
    await this.ownWrite(name, [{ row1: 1, col1: 1, row2: GRID_ROWS, col2: GRID_COLS }], () => this.writeDerivedSheetNow(name, cells, widths));
  }

  private async writeDerivedSheetNow(name: string, cells: readonly SummaryPlanCell[], widths: readonly number[]): Promise<void> {
    await this.run(async (context) => {
      const list = await this.sheetList(context);
      const entry = list.find((s) => sameName(s.name, name));
      const sheet = entry ? context.workbook.worksheets.getItem(entry.name) : context.workbook.worksheets.add(name);
      if (entry) sheet.getRange().clear();
      const budget = new SyncBudget(context);
      const rows = cells.reduce((m, c) => Math.max(m, c.row), 0);
      const cols = cells.reduce((m, c) => Math.max(m, c.col), 0);
      if (rows && cols) {
        const grid = <T>() => Array.from({ length: rows }, () => new Array<T | null>(cols).fill(null));
        const values = grid<ExcelInput>();
        const formats = grid<string>();
        const formulas = grid<string>();
        for (const c of cells) {
          if (c.formula) formulas[c.row - 1][c.col - 1] = c.formula.startsWith('=') ? c.formula : `=${c.formula}`;
          else values[c.row - 1][c.col - 1] = toExcelInput(c.value ?? null, true);
          formats[c.row - 1][c.col - 1] = formatFor(c.value ?? null, c.numFmt);
        }
        await this.queueBlock(sheet, budget, 1, 1, { values, formats, formulas });
        for (const run of verticalRuns(cells.filter((c) => c.bold))) {
          await budget.reserve(2 * ACTION_OVERHEAD);
          sheet.getRange(run.address).format.font.bold = true;
        }
      }
      if (this.api12) {
        for (let c = 0; c < widths.length; c++) {
          await budget.reserve(2 * ACTION_OVERHEAD);
          sheet.getRange(columnRange(c + 1)).format.columnWidth = widthToPoints(widths[c]);
        }
      }
      await budget.reserve(ACTION_OVERHEAD);
      await budget.flush();
    });
  }

  async activateSheet(name: string): Promise<void> {
    await this.onSheet(name, async (context) => {
      context.workbook.worksheets.getItem(name).activate();
      await context.sync();
    });
  }

  async selection(): Promise<{ readonly sheet: string; readonly row: number; readonly col: number } | null> {
    try {
      return await this.run(async (context) => {
        const range = context.workbook.getSelectedRange();
        range.load('rowIndex,columnIndex,worksheet/name');
        await context.sync();
        return { sheet: range.worksheet.name, row: range.rowIndex + 1, col: range.columnIndex + 1 };
      });
    } catch (e) {
      // A chart or a shape selected has no selected range; a property never loaded is a bug.
      if (errorCode(e) === 'PropertyNotLoaded') throw e;
      return null;
    }
  }

  async selectCell(sheet: string, ref: CellRef): Promise<void> {
    await this.onSheet(sheet, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(a1(ref.row, ref.col)).select();
      await context.sync();
    });
  }

  /*
   * Highlights change the user's own cells, and Office.js has no undo for an add-in's writes. So
   * before a cell is filled its current fill is recorded on a hidden sheet (ita-highlights: sheet,
   * address, original fill, applied fill), and clearHighlights puts the original back. A hidden sheet
   * rather than memory in this object: the fills are saved with the workbook, so the record must be
   * too, or closing the pane (or Excel) between highlight and clear would leave the user's cells
   * red with their own colours lost. A cell is restored only if it still shows an ita-forms fill:
   * a colour the user set since is theirs and stays.
   */
  async highlight(sheet: string, cells: readonly (CellRef & { readonly severity: 'error' | 'warning' })[]): Promise<void> {
    if (!cells.length) return;
    const wanted = new Map<string, { row: number; col: number; fill: string }>();
    for (const c of cells) {
      const address = a1(c.row, c.col);
      const fill = c.severity === 'error' ? ERROR_FILL : WARNING_FILL;
      // An error outranks a warning on the same cell.
      if (!wanted.has(address) || fill === ERROR_FILL) wanted.set(address, { row: c.row, col: c.col, fill });
    }
    // A fill is a change of the sheet to Excel too: its events are ours, not an edit to re-check.
    const areas = cellAreas([...wanted.values()]);
    await this.ownWrite(sheet, areas, () => this.onSheet(sheet, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      const fills = await this.readFills(context, ws, [...wanted.keys()]);
      const hlName = sheets.items.map((s) => s.name).find((n) => sameName(n, HIGHLIGHTS_SHEET));
      let used = 0;
      if (hlName) {
        const records = context.workbook.worksheets.getItem(hlName).getUsedRange();
        records.load('values,rowIndex');
        await context.sync();
        used = lastUsedRow(records.values, records.rowIndex);
      }
      const budget = new SyncBudget(context);
      const newRecords: string[][] = [];
      const paint = new Map<string, { row: number; col: number }[]>();
      for (const [address, cell] of wanted) {
        const current = fills.get(address);
        if (!current) continue;
        if (OUR_FILLS.has(current.color)) {
          // Already ours: its original is on record. Repaint only a warning that became an error.
          if (current.color === cell.fill.toUpperCase() || current.color === ERROR_FILL.toUpperCase()) continue;
        } else {
          newRecords.push([sheet, address, current.none ? NO_FILL : current.color, cell.fill]);
        }
        const list = paint.get(cell.fill);
        if (list) list.push(cell);
        else paint.set(cell.fill, [cell]);
      }
      if (newRecords.length) {
        // Records first: should painting fail half way, a recorded cell that was not painted is skipped on clear.
        const hl = hlName ? context.workbook.worksheets.getItem(hlName) : context.workbook.worksheets.add(HIGHLIGHTS_SHEET);
        if (!hlName && this.api12) hl.visibility = 'Hidden';
        const rows = used === 0 ? [RECORD_HEADER, ...newRecords] : newRecords;
        await this.queueBlock(hl, budget, used + 1, 1, { values: this.inputs(rows) });
      }
      for (const [fill, list] of paint) await this.queueFill(ws, budget, list, fill);
      await budget.flush();
    }));
  }

  async clearHighlights(sheet: string): Promise<void> {
    // The cells about to be restored are added once known, before their fills are written.
    const areas: Area[] = [];
    await this.ownWrite(sheet, areas, () => this.onSheet(sheet, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.load('name');
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      const hlName = sheets.items.map((s) => s.name).find((n) => sameName(n, HIGHLIGHTS_SHEET));
      if (!hlName) return;
      const hl = context.workbook.worksheets.getItem(hlName);
      const used = hl.getUsedRange();
      used.load('values');
      await context.sync();
      const all = parseRecords(used.values);
      const mine = new Map<string, HighlightRecord>();
      for (const r of all) if (sameName(r.sheet, sheet)) mine.set(r.address.toUpperCase(), r); // the latest record of a cell wins
      if (!mine.size) return;
      const rest = all.filter((r) => !sameName(r.sheet, sheet));
      const fills = await this.readFills(context, ws, [...mine.keys()]);
      const budget = new SyncBudget(context);
      const restore = new Map<string, { row: number; col: number }[]>();
      for (const [address, record] of mine) {
        const current = fills.get(address);
        const at = parseA1(address);
        if (!current || !at || !OUR_FILLS.has(current.color)) continue;
        // A record edited into something that is not a colour restores as no fill.
        const original = /^#[0-9A-F]{6}$/i.test(record.original) ? record.original : NO_FILL;
        areas.push({ row1: at.row, col1: at.col, row2: at.row, col2: at.col });
        const list = restore.get(original);
        if (list) list.push(at);
        else restore.set(original, [at]);
      }
      for (const [original, list] of restore) await this.queueFill(ws, budget, list, original === NO_FILL ? null : original);
      await budget.reserve(2 * ACTION_OVERHEAD);
      hl.getRange().clear();
      if (rest.length) {
        await this.queueBlock(hl, budget, 1, 1, { values: this.inputs([RECORD_HEADER, ...rest.map((r) => [r.sheet, r.address, r.original, r.applied])]) });
      }
      await budget.flush();
    }));
  }

  /**
   * Reads the fill of each cell: one load per cell, read after one sync (more only past ~2.5 MB of
   * requests). Anything else queued on the context goes with it. Without ExcelApi 1.9 a white fill
   * cannot be told from no fill and is taken as none (restoring it clears the fill, which looks
   * the same).
   */
  private async readFills(context: Excel.RequestContext, ws: Excel.Worksheet, addresses: readonly string[]): Promise<Map<string, CellFill>> {
    const budget = new SyncBudget(context);
    const reads: { address: string; cell: Excel.Range }[] = [];
    for (const address of addresses) {
      await budget.reserve(2 * ACTION_OVERHEAD + address.length + 60);
      const cell = ws.getRange(address);
      if (this.api19) cell.load('format/fill/color,format/fill/pattern');
      else cell.load('format/fill/color');
      reads.push({ address, cell });
    }
    await context.sync();
    const out = new Map<string, CellFill>();
    for (const read of reads) {
      const fill = read.cell.format.fill;
      const color = normColor(fill.color);
      out.set(read.address, { color, none: this.api19 ? fill.pattern === 'None' : color === '#FFFFFF' || color === '' });
    }
    return out;
  }

  /** Fills (or clears, for null) cells: many areas per request with ExcelApi 1.9, else a range per run; never a sync per cell. */
  private async queueFill(ws: Excel.Worksheet, budget: SyncBudget, cells: readonly { row: number; col: number }[], color: string | null): Promise<void> {
    const runs = verticalRuns(cells);
    if (this.caps.rangeAreas) {
      for (const group of chunkBySize(runs, (r) => r.address.length + 1, MAX_AREAS_ADDRESS)) {
        const address = group.map((r) => r.address).join(',');
        await budget.reserve(address.length + 3 * ACTION_OVERHEAD);
        const areas = ws.getRanges(address);
        if (color) areas.format.fill.color = color;
        else areas.format.fill.clear();
      }
    } else {
      for (const run of runs) {
        await budget.reserve(run.address.length + 3 * ACTION_OVERHEAD);
        const range = ws.getRange(run.address);
        if (color) range.format.fill.color = color;
        else range.format.fill.clear();
      }
    }
  }

  async onChanged(sheet: string, handler: () => void): Promise<(() => Promise<void>) | null> {
    if (!this.caps.events) return null;
    const result = await this.onSheet(sheet, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const added = ws.onChanged.add(async (args) => {
        // Our own writes come back as change events too: the pane re-checks after them anyway.
        if (this.isOwnChange(sheet, args)) return;
        handler();
      });
      await context.sync();
      return added;
    });
    let removed = false;
    return async () => {
      if (removed) return;
      removed = true;
      // Office.js removes a handler only through the context it was added with.
      await this.runInContext(result.context as Excel.RequestContext, async (context) => {
        result.remove();
        await context.sync();
      });
    };
  }
}
