/**
 * An in-memory workbook: the gateway for tests and for the browser preview, where a visible grid
 * renders it. It keeps what the preview shows (values, number formats, fills, validation lists,
 * frozen rows, the selection) and tells listeners when anything changes.
 */
import { columnIndex, type CellValue, type SheetGrid } from '../../domain/grid';
import { decodeMeta, encodeMeta, LISTS_SHEET, META_SHEET, type WorkbookMeta } from '../../domain/workbookMeta';
import { placePlanLists, type SummaryPlanCell } from '../../domain/layout';
import {
  GatewayError,
  sameSheetName,
  type Capabilities,
  type CellRef,
  type CellWrite,
  type NewSheetRequest,
  type WorkbookGateway,
} from '../gateway';

export interface MemorySheet {
  name: string;
  hidden: boolean;
  /** rows[r][c], 0-based. */
  rows: CellValue[][];
  numFmts: Map<string, string>;
  fills: Map<string, string>;
  /** Validation lists by 0-based column: the preview's drop-downs, and the range they point at (`'ita-lists'!$B$2:$B$14`). */
  lists: Map<number, { from: number; to: number; values: readonly string[]; source: string }>;
  frozenRows: number;
  widths: number[];
  bold: Set<string>;
  /** Paragraph cells wrap (the plan's wrap text, as Excel shows a measures sheet). */
  wrap?: boolean;
}

export const ERROR_FILL = '#FDE7E9';
export const WARNING_FILL = '#FFF4CE';

const key = (r: number, c: number) => `${r}:${c}`;

function emptySheet(name: string, hidden = false): MemorySheet {
  return { name, hidden, rows: [], numFmts: new Map(), fills: new Map(), lists: new Map(), frozenRows: 0, widths: [], bold: new Set() };
}

export class MemoryWorkbook implements WorkbookGateway {
  readonly sheets: MemorySheet[] = [];
  active = '';
  /** The selected cell, as the preview grid shows it. */
  selected: { sheet: string; row: number; col: number } | null = null;
  private listeners = new Set<() => void>();
  private changeHandlers = new Map<string, Set<() => void>>();

  constructor(private readonly caps: Capabilities = { events: true, dataValidation: true, rangeAreas: true, conditionalFormats: true }) {}

  /** Preview and tests: add a sheet with rows of values (row 0 = Excel row 1). */
  addSheet(name: string, rows: CellValue[][] = [], opts: { hidden?: boolean; activate?: boolean } = {}): MemorySheet {
    const s = emptySheet(name, opts.hidden ?? false);
    s.rows = rows.map((r) => [...r]);
    this.sheets.push(s);
    if (!this.active || opts.activate) this.active = name;
    this.emit();
    return s;
  }

  /** A sheet by name, regardless of case (as Excel finds it), or undefined. */
  find(name: string): MemorySheet | undefined {
    return this.sheets.find((x) => sameSheetName(x.name, name));
  }

  sheet(name: string): MemorySheet {
    const s = this.find(name);
    if (!s) throw new GatewayError(`ไม่พบแผ่นงาน "${name}"`, `No sheet "${name}"`);
    return s;
  }

  cell(name: string, row: number, col: number): CellValue {
    return this.sheet(name).rows[row - 1]?.[col - 1] ?? null;
  }

  /** A user typing into a cell (preview): fires the change events like Excel would. */
  setCellByUser(name: string, row: number, col: number, value: CellValue): void {
    const s = this.sheet(name);
    this.put(s, row - 1, col - 1, value);
    this.emit();
    for (const h of this.changeHandlers.get(s.name) ?? []) h();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }

  private put(s: MemorySheet, r: number, c: number, v: CellValue): void {
    while (s.rows.length <= r) s.rows.push([]);
    const row = s.rows[r];
    while (row.length < c) row.push(null);
    row[c] = v;
  }

  capabilities(): Capabilities {
    return this.caps;
  }

  async listSheets(): Promise<string[]> {
    return this.sheets.filter((s) => !s.hidden).map((s) => s.name);
  }

  async activeSheet(): Promise<string> {
    return this.active;
  }

  async readSheet(name: string): Promise<SheetGrid> {
    const s = this.sheet(name);
    // Trim trailing empty rows as Excel's used range would.
    let last = s.rows.length;
    while (last > 0 && s.rows[last - 1].every((v) => v === null || v === '')) last--;
    return { name, rows: s.rows.slice(0, last).map((r) => [...r]) };
  }

  async readTail(name: string, count: number): Promise<SheetGrid> {
    const all = await this.readSheet(name);
    const from = Math.max(0, all.rows.length - Math.max(1, count));
    return { name: all.name, rows: all.rows.slice(from), firstRow: from + 1 };
  }

  async readMeta(): Promise<WorkbookMeta> {
    const s = this.find(META_SHEET);
    return s ? decodeMeta(s.rows) : { sheets: {} };
  }

  async writeMeta(meta: WorkbookMeta): Promise<void> {
    let s = this.find(META_SHEET);
    if (!s) {
      s = emptySheet(META_SHEET, true);
      this.sheets.push(s);
    }
    s.rows = encodeMeta(meta);
    this.emit();
  }

  async createSheet(req: NewSheetRequest): Promise<void> {
    const { plan } = req;
    if (this.find(plan.name)) {
      throw new GatewayError(`มีแผ่นงานชื่อ "${plan.name}" อยู่แล้ว`, `A sheet named "${plan.name}" already exists`);
    }
    const s = emptySheet(plan.name);
    s.rows.push([...plan.headers]);
    plan.headers.forEach((_, c) => s.bold.add(key(0, c)));
    for (const seed of plan.seedRows) s.rows.push([...seed]);
    for (let r = 0; r < req.prefillRows; r++) s.rows.push([...plan.agencyRow]);
    s.frozenRows = 1;
    if (plan.wrap) s.wrap = true;
    s.widths = [...plan.widths];
    plan.columns.forEach((col, c) => {
      if (col.numFmt) for (let r = 1; r <= plan.formRows; r++) s.numFmts.set(key(r, c), col.numFmt);
    });
    if (this.caps.dataValidation) {
      let lists = this.find(LISTS_SHEET);
      // Each list in its workbook-wide column: a list another sheet points at is never moved or overwritten.
      const placed = placePlanLists(plan, lists?.rows[0]);
      for (const v of placed.validations) {
        const c = plan.columns.indexOf(v.column);
        const list = placed.lists.find((l) => l.listId === v.listId);
        if (list) s.lists.set(c, { from: 2, to: plan.formRows + 1, values: list.values, source: v.source });
      }
      if (!lists) {
        lists = emptySheet(LISTS_SHEET, true);
        this.sheets.push(lists);
      }
      for (const l of placed.lists) {
        const c = columnIndex(l.letter);
        this.put(lists, 0, c, l.listId);
        l.values.forEach((v, r) => this.put(lists!, r + 1, c, v));
        // A list that got shorter leaves no stale options below it.
        for (let r = l.values.length + 1; r < lists.rows.length; r++) if (lists.rows[r][c] !== undefined) lists.rows[r][c] = null;
      }
    }
    this.sheets.push(s);
    this.active = s.name;
    this.emit();
  }

  async writeRows(sheet: string, startRow: number, rows: readonly (readonly CellValue[])[], numFmts?: readonly (string | undefined)[]): Promise<void> {
    const s = this.sheet(sheet);
    rows.forEach((row, i) => {
      row.forEach((v, c) => {
        // null leaves the cell; '' empties it (an empty cell reads as null, as from Excel).
        if (v === null) return;
        this.put(s, startRow - 1 + i, c, v === '' ? null : v);
        const f = numFmts?.[c];
        if (f) s.numFmts.set(key(startRow - 1 + i, c), f);
      });
    });
    this.emit();
  }

  async insertRows(sheet: string, startRow: number, rows: readonly (readonly CellValue[])[], numFmts?: readonly (string | undefined)[]): Promise<void> {
    const s = this.sheet(sheet);
    const at = startRow - 1;
    const n = rows.length;
    if (!n) return;
    if (at < s.rows.length) s.rows.splice(at, 0, ...Array.from({ length: n }, (): CellValue[] => []));
    // Formats, fills and bold cells move with their rows; a validation the insertion falls inside grows.
    const shift = <T>(m: Map<string, T>) => {
      const moved = [...m].filter(([k]) => Number(k.split(':')[0]) >= at);
      for (const [k] of moved) m.delete(k);
      for (const [k, v] of moved) {
        const [r, c] = k.split(':').map(Number);
        m.set(key(r + n, c), v);
      }
    };
    shift(s.numFmts);
    shift(s.fills);
    const bold = new Map([...s.bold].map((k) => [k, true] as const));
    shift(bold);
    s.bold.clear();
    for (const k of bold.keys()) s.bold.add(k);
    for (const l of s.lists.values()) {
      if (l.from >= startRow) l.from += n;
      if (l.to >= startRow) l.to += n;
    }
    if (s.frozenRows >= startRow) s.frozenRows += n;
    if (this.selected && sameSheetName(this.selected.sheet, s.name) && this.selected.row >= startRow) this.selected = { ...this.selected, row: this.selected.row + n };
    await this.writeRows(sheet, startRow, rows, numFmts);
  }

  async writeCells(sheet: string, cells: readonly CellWrite[]): Promise<void> {
    const s = this.sheet(sheet);
    for (const c of cells) {
      if (c.value === null) continue;
      this.put(s, c.row - 1, c.col - 1, c.value === '' ? null : c.value);
      if (c.numFmt) s.numFmts.set(key(c.row - 1, c.col - 1), c.numFmt);
    }
    this.emit();
  }

  async writeDerivedSheet(name: string, cells: readonly SummaryPlanCell[], widths: readonly number[]): Promise<void> {
    let s = this.find(name);
    if (!s) {
      s = emptySheet(name);
      this.sheets.push(s);
    } else {
      s.rows = [];
      s.numFmts.clear();
      s.bold.clear();
    }
    for (const c of cells) {
      this.put(s, c.row - 1, c.col - 1, c.value ?? null);
      if (c.numFmt) s.numFmts.set(key(c.row - 1, c.col - 1), c.numFmt);
      if (c.bold) s.bold.add(key(c.row - 1, c.col - 1));
    }
    s.widths = [...widths];
    this.emit();
  }

  async activateSheet(name: string): Promise<void> {
    this.active = this.sheet(name).name;
    this.emit();
  }

  async selection(): Promise<{ sheet: string; row: number; col: number } | null> {
    return this.selected ?? null;
  }

  async selectCell(sheet: string, ref: CellRef): Promise<void> {
    const s = this.sheet(sheet);
    this.active = s.name;
    this.selected = { sheet: s.name, row: ref.row, col: ref.col };
    this.emit();
  }

  async highlight(sheet: string, cells: readonly (CellRef & { severity: 'error' | 'warning' })[]): Promise<void> {
    const s = this.sheet(sheet);
    for (const c of cells) {
      const k = key(c.row - 1, c.col - 1);
      // An error outranks a warning on the same cell.
      if (s.fills.get(k) === ERROR_FILL) continue;
      s.fills.set(k, c.severity === 'error' ? ERROR_FILL : WARNING_FILL);
    }
    this.emit();
  }

  async clearHighlights(sheet: string): Promise<void> {
    this.sheet(sheet).fills.clear();
    this.emit();
  }

  async onChanged(sheet: string, handler: () => void): Promise<(() => Promise<void>) | null> {
    if (!this.caps.events) return null;
    const name = this.find(sheet)?.name ?? sheet;
    const set = this.changeHandlers.get(name) ?? new Set();
    set.add(handler);
    this.changeHandlers.set(name, set);
    return async () => {
      set.delete(handler);
    };
  }
}
