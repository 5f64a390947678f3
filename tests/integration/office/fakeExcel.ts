/**
 * A fake of the Excel JavaScript API (Office.js) that behaves like the real one where it matters to
 * the gateway, so that tests prove behaviour rather than mock calls:
 *
 * - Proxy objects: every method call and property write is queued; nothing reaches the workbook
 *   until `await context.sync()`, which runs the queue in order (a failing action stops the batch,
 *   the actions before it stay applied, as in Excel).
 * - Reading a property that was not `load()`ed, or was loaded but not yet synced, throws
 *   `PropertyNotLoaded` like Office.js. Objects created in a failed batch are unusable afterwards.
 * - Requirement sets: the fake is built for one ExcelApi version; an API from a newer set fails
 *   the sync with `ApiNotFound`.
 * - Payload: each sync's request (queued actions with their arguments) and response (loaded
 *   values) are measured as UTF-8 JSON; either over 5 MB fails like Excel on the web
 *   (`RequestPayloadSizeLimitExceeded` / `ResponsePayloadSizeLimitExceeded`).
 * - Cells hold what Excel holds: numbers for dates, '' for empty, formulas, number formats, fills.
 *   A string written to `values` is read as if typed ('0105' becomes the number 105, '=A1' a
 *   formula) unless it starts with the apostrophe that keeps it text; null leaves a cell unchanged.
 *
 * Only the API subset the gateway uses exists; anything else throws "not supported by the fake".
 * Formulas are stored, not calculated (their value reads as 0).
 */

export const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const DEFAULT_PAYLOAD_LIMIT = 5 * 1024 * 1024;

export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function notLoaded(prop: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function unsupported(what: string): Error {
  return new Error(`FakeExcel: ${what} is not supported by the fake`);
}

// ------------------------------------------------------------------ the workbook model

export interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface CellModel {
  /** What Excel stores: a number (dates too), a string, a boolean; '' when empty. */
  v: string | number | boolean;
  f?: string;
  nf?: string;
  fill?: string;
  bold?: boolean;
  wrap?: boolean;
  hAlign?: string;
  vAlign?: string;
  fontName?: string;
  borders?: Record<string, { style?: string; color?: string }>;
  quote?: boolean;
}

export interface ValidationModel {
  box: Box;
  rule?: { list?: { inCellDropDown?: boolean; source: string } };
  errorAlert?: { showAlert?: boolean; style?: string; title?: string; message?: string };
  ignoreBlanks?: boolean;
}

interface FakeChange {
  sheet: SheetModel;
  box: Box;
  changeType: string;
}

interface Registration {
  id: number;
  ctx: FakeContext;
  handler: (args: unknown) => unknown;
}

function letters(c: number): string {
  let n = c + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colIndex(l: string): number {
  let n = 0;
  for (const ch of l.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function boxAddress(b: Box): string {
  if (b.r0 === 0 && b.r1 === MAX_ROWS - 1) return `${letters(b.c0)}:${letters(b.c1)}`;
  const a = `${letters(b.c0)}${b.r0 + 1}`;
  return b.r0 === b.r1 && b.c0 === b.c1 ? a : `${a}:${letters(b.c1)}${b.r1 + 1}`;
}

function quoteName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** 'A1', '$A$1:$B$2', 'A:C', '2:1001' → a box; throws InvalidArgument. */
function parseBox(address: string): Box {
  const s = address.trim().replace(/\$/g, '').toUpperCase();
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(s);
  if (m) {
    const r0 = Number(m[2]) - 1;
    const c0 = colIndex(m[1]);
    const r1 = m[4] ? Number(m[4]) - 1 : r0;
    const c1 = m[3] ? colIndex(m[3]) : c0;
    return check({ r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) }, address);
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(s);
  if (m) return check({ r0: 0, c0: colIndex(m[1]), r1: MAX_ROWS - 1, c1: colIndex(m[2]) }, address);
  m = /^(\d+):(\d+)$/.exec(s);
  if (m) return check({ r0: Number(m[1]) - 1, c0: 0, r1: Number(m[2]) - 1, c1: MAX_COLS - 1 }, address);
  throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: '${address}'`);
}

function check(b: Box, address: string): Box {
  if (b.r0 < 0 || b.c0 < 0 || b.r1 >= MAX_ROWS || b.c1 >= MAX_COLS) {
    throw new FakeOfficeError('InvalidArgument', `Address out of the grid: '${address}'`);
  }
  return b;
}

function cellsOf(b: Box): number {
  return (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1);
}

/** Parses `'Sheet name'!$A$2:$A$13` (sheet optional). */
function parseReference(ref: string): { sheet?: string; box: Box } {
  const s = ref.trim().replace(/^=/, '');
  const bang = s.lastIndexOf('!');
  if (bang < 0) return { box: parseBox(s) };
  let sheet = s.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, box: parseBox(s.slice(bang + 1)) };
}

export class SheetModel {
  readonly cells = new Map<number, CellModel>();
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  frozenRows = 0;
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  validations: ValidationModel[] = [];
  handlers: Registration[] = [];

  constructor(public name: string) {}

  private key(r: number, c: number): number {
    return r * MAX_COLS + c;
  }

  get(r: number, c: number): CellModel | undefined {
    return this.cells.get(this.key(r, c));
  }

  cell(r: number, c: number): CellModel {
    const k = this.key(r, c);
    let cell = this.cells.get(k);
    if (!cell) {
      cell = { v: '' };
      this.cells.set(k, cell);
    }
    return cell;
  }

  delete(r: number, c: number): void {
    this.cells.delete(this.key(r, c));
  }

  /** Cells of a box that exist, with their position. */
  *existing(b: Box): Generator<[number, number, CellModel]> {
    const area = cellsOf(b);
    if (area <= this.cells.size * 4) {
      for (let r = b.r0; r <= b.r1; r++) {
        for (let c = b.c0; c <= b.c1; c++) {
          const cell = this.get(r, c);
          if (cell) yield [r, c, cell];
        }
      }
      return;
    }
    for (const [k, cell] of [...this.cells]) {
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      if (r >= b.r0 && r <= b.r1 && c >= b.c0 && c <= b.c1) yield [r, c, cell];
    }
  }

  /** The used range: cells with values (valuesOnly) or with anything set; null when empty. */
  usedBox(valuesOnly: boolean): Box | null {
    let b: Box | null = null;
    for (const [k, cell] of this.cells) {
      const hasValue = cell.v !== '' || cell.f !== undefined;
      const hasAny =
        hasValue ||
        (cell.nf !== undefined && cell.nf !== 'General') ||
        cell.fill !== undefined ||
        cell.bold !== undefined ||
        cell.wrap !== undefined ||
        cell.hAlign !== undefined ||
        cell.vAlign !== undefined ||
        cell.borders !== undefined;
      if (!(valuesOnly ? hasValue : hasAny)) continue;
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      if (!b) b = { r0: r, c0: c, r1: r, c1: c };
      else {
        if (r < b.r0) b.r0 = r;
        if (r > b.r1) b.r1 = r;
        if (c < b.c0) b.c0 = c;
        if (c > b.c1) b.c1 = c;
      }
    }
    return b;
  }

  /** Test helper: the value Excel would return for a 1-based cell. */
  value(row: number, col: number): string | number | boolean {
    return this.get(row - 1, col - 1)?.v ?? '';
  }

  numberFormat(row: number, col: number): string {
    return this.get(row - 1, col - 1)?.nf ?? 'General';
  }

  fill(row: number, col: number): string | undefined {
    return this.get(row - 1, col - 1)?.fill;
  }
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Excel's reading of typed text (en-US): numbers, percentages, booleans, m/d/yyyy dates, formulas. */
function typeText(s: string): { v: string | number | boolean; f?: string; quote?: boolean; nf?: string } {
  if (s === '') return { v: '' };
  if (s.startsWith("'")) return { v: s.slice(1), quote: true };
  if (s.startsWith('=') && s.length > 1) return { v: 0, f: s };
  const t = s.trim();
  if (/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][+-]?\d+)?$/.test(t) || /^[+-]?\.\d+$/.test(t)) return { v: Number(t.replace(/,/g, '')) };
  if (/^[+-]?\d+(\.\d+)?%$/.test(t)) return { v: Number(t.slice(0, -1)) / 100, nf: '0%' };
  if (/^(true|false)$/i.test(t)) return { v: t.toLowerCase() === 'true' };
  const d = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (d && Number(d[1]) >= 1 && Number(d[1]) <= 12 && Number(d[2]) >= 1 && Number(d[2]) <= 31) {
    const serial = Math.round((Date.UTC(Number(d[3]), Number(d[1]) - 1, Number(d[2])) - EXCEL_EPOCH) / 86_400_000);
    return { v: serial, nf: 'm/d/yyyy' };
  }
  return { v: s };
}

export class BookModel {
  readonly sheets: SheetModel[] = [];
  active = '';
  selection: { sheet: string; box: Box } | null = null;

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toUpperCase() === name.toUpperCase());
  }

  /** Test helper: a sheet with values stored as Excel stores them (a Date → serial with a date format). */
  addSheet(name: string, rows: readonly (readonly unknown[])[] = [], dateFormat = 'd/m/yyyy'): SheetModel {
    const s = new SheetModel(name);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === '') return;
        const cell = s.cell(r, c);
        if (v instanceof Date) {
          cell.v = Math.round((v.getTime() - EXCEL_EPOCH) / 86_400_000);
          cell.nf = dateFormat;
        } else cell.v = v as string | number | boolean;
      }),
    );
    this.sheets.push(s);
    if (!this.active) {
      this.active = name;
      this.selection = { sheet: name, box: { r0: 0, c0: 0, r1: 0, c1: 0 } };
    }
    return s;
  }

  /** Writes one typed input into a cell (Excel's rules); null leaves it. */
  input(sheet: SheetModel, r: number, c: number, v: unknown): boolean {
    if (v === null || v === undefined) return false;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new FakeOfficeError('InvalidArgument', 'A number must be finite');
      const cell = sheet.cell(r, c);
      cell.v = v;
      delete cell.f;
      delete cell.quote;
      return true;
    }
    if (typeof v === 'boolean') {
      const cell = sheet.cell(r, c);
      cell.v = v;
      delete cell.f;
      delete cell.quote;
      return true;
    }
    // Anything else travels as JSON text (a Date would arrive as its ISO string).
    const text = typeof v === 'string' ? v : (JSON.parse(JSON.stringify(v)) as unknown);
    if (typeof text !== 'string') throw new FakeOfficeError('InvalidArgument', `Unsupported cell value ${JSON.stringify(v)}`);
    const typed = typeText(text);
    const cell = sheet.cell(r, c);
    cell.v = typed.v;
    if (typed.f) cell.f = typed.f;
    else delete cell.f;
    if (typed.quote) cell.quote = true;
    else delete cell.quote;
    if (typed.nf && (cell.nf === undefined || cell.nf === 'General')) cell.nf = typed.nf;
    return true;
  }
}

// ------------------------------------------------------------------ request context and proxies

interface PropDef {
  get?: (t: never) => unknown;
  set?: (t: never, v: unknown, o: FakeObject) => void;
  /** ExcelApi minor version needed to read / write. */
  api?: number;
  setApi?: number;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  actions: number;
  error?: string;
}

interface Action {
  json: unknown;
  run: () => void;
}

let nextObjectId = 1;

const NULL_TARGET = Symbol('null object');

abstract class FakeObject {
  readonly _id = nextObjectId++;
  /** created: made by a queued action; derived: a navigation property of a parent. */
  _state: 'pending' | 'ok' | 'failed' | 'derived' = 'derived';
  _target: unknown;
  _null = false;
  readonly _loaded = new Map<string, unknown>();
  private readonly _children = new Map<string, FakeObject>();

  constructor(
    readonly context: FakeContext,
    private readonly derive?: () => unknown,
  ) {}

  protected abstract props(): Record<string, PropDef>;
  protected navs(): Record<string, () => FakeObject> {
    return {};
  }

  /** A navigation property: the same child object every time, as in Office.js. */
  protected child<T extends FakeObject>(name: string, make: () => T): T {
    let c = this._children.get(name);
    if (!c) {
      c = make();
      this._children.set(name, c);
    }
    return c as T;
  }

  _resolve(): unknown {
    if (this._state === 'derived') return this.derive!();
    if (this._state === 'ok') {
      if (this._null) throw new FakeOfficeError('InvalidOperation', 'The object is a null object');
      return this._target;
    }
    throw new FakeOfficeError('InvalidObjectPath', `${this.constructor.name} #${this._id} was created in a request that failed or was never sent`);
  }

  get isNullObject(): boolean {
    if (this._state !== 'ok') throw notLoaded('isNullObject');
    return this._null;
  }

  protected read(prop: string): unknown {
    if (!this._loaded.has(prop)) throw notLoaded(prop);
    return this._loaded.get(prop);
  }

  protected queueSet(prop: string, v: unknown): void {
    const def = this.props()[prop];
    if (!def?.set) throw unsupported(`setting ${this.constructor.name}.${prop}`);
    const set = def.set as (t: unknown, v: unknown, o: FakeObject) => void;
    this.context._enqueue({ Set: this._id, Name: prop, Value: v }, () => {
      this.context.excel.requireApi(def.setApi ?? def.api ?? 1, `${this.constructor.name}.${prop}`);
      set(this._resolve(), v, this);
    });
  }

  protected queueMethod(name: string, args: unknown[], run: (t: never) => void, api = 1): void {
    this.context._enqueue({ Method: this._id, Name: name, Args: args }, () => {
      this.context.excel.requireApi(api, `${this.constructor.name}.${name}`);
      run(this._resolve() as never);
    });
  }

  /** An object made by a method call, resolved when its action runs. */
  protected created<T extends FakeObject>(obj: T, name: string, args: unknown[], resolve: () => unknown, api = 1): T {
    obj._state = 'pending';
    this.context._created.push(obj);
    this.context._enqueue({ Create: obj._id, Parent: this._id, Name: name, Args: args }, () => {
      this.context.excel.requireApi(api, `${this.constructor.name}.${name}`);
      const t = resolve();
      obj._state = 'ok';
      obj._null = t === NULL_TARGET;
      obj._target = t;
    });
    return obj;
  }

  load(spec?: string | string[]): this {
    const paths = spec === undefined ? [] : (Array.isArray(spec) ? spec : [spec]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
    const props = this.props();
    const navs = this.navs();
    const scalars: string[] = [];
    const nested = new Map<string, string[]>();
    if (!paths.length) {
      for (const [p, d] of Object.entries(props)) if (d.get && (d.api ?? 1) <= this.context.excel.apiMinor) scalars.push(p);
    }
    for (const p of paths) {
      const [head, ...rest] = p.split('/');
      if (navs[head]) nested.set(head, [...(nested.get(head) ?? []), ...(rest.length ? [rest.join('/')] : [])]);
      else if (props[head]?.get && !rest.length) scalars.push(head);
      else throw unsupported(`loading ${this.constructor.name}.${p}`);
    }
    for (const [head, rest] of nested) {
      const c = navs[head]();
      if (rest.length) c.load(rest);
      else c.load();
    }
    if (scalars.length) {
      this.context._enqueue({ Load: this._id, Select: scalars }, () => {
        for (const p of scalars) this.context.excel.requireApi(props[p].api ?? 1, `${this.constructor.name}.${p}`);
        const t = this._resolve();
        const values: Record<string, unknown> = {};
        for (const p of scalars) values[p] = (props[p].get as (t: unknown) => unknown)(t);
        this.context._respond({ Id: this._id, Value: values }, () => {
          for (const p of scalars) this._loaded.set(p, values[p]);
        });
      });
    }
    return this;
  }
}

type RangeTarget = { sheet: SheetModel; boxes: Box[] };

function single(t: RangeTarget): Box {
  if (t.boxes.length !== 1) throw new FakeOfficeError('InvalidOperation', 'This operation needs a single range');
  return t.boxes[0];
}

function grid<T>(b: Box, f: (r: number, c: number) => T): T[][] {
  if (cellsOf(b) > 5_000_000) throw new FakeOfficeError('InvalidOperation', 'The range is too large to read');
  const out: T[][] = [];
  for (let r = b.r0; r <= b.r1; r++) {
    const row: T[] = [];
    for (let c = b.c0; c <= b.c1; c++) row.push(f(r, c));
    out.push(row);
  }
  return out;
}

function each2d(t: RangeTarget, v: unknown, f: (r: number, c: number, x: unknown) => void): void {
  const b = single(t);
  const rows = b.r1 - b.r0 + 1;
  const cols = b.c1 - b.c0 + 1;
  if (!Array.isArray(v) || v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new FakeOfficeError('InvalidArgument', "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
  }
  (v as unknown[][]).forEach((row, i) => row.forEach((x, j) => f(b.r0 + i, b.c0 + j, x)));
}

/** Every cell of every box (created if missing), for format writes. */
function eachCell(t: RangeTarget, f: (cell: CellModel) => void): void {
  for (const b of t.boxes) {
    if (cellsOf(b) > 5_000_000) throw new FakeOfficeError('InvalidOperation', 'The fake does not format whole columns or rows cell by cell');
    for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) f(t.sheet.cell(r, c));
  }
}

function uniform<T>(t: RangeTarget, f: (cell: CellModel | undefined) => T): T | null {
  let first = true;
  let value: T | null = null;
  for (const b of t.boxes) {
    for (let r = b.r0; r <= b.r1; r++) {
      for (let c = b.c0; c <= b.c1; c++) {
        const v = f(t.sheet.get(r, c));
        if (first) {
          value = v;
          first = false;
        } else if (v !== value) return null;
      }
    }
  }
  return value;
}

export class FakeWorkbook extends FakeObject {
  protected props(): Record<string, PropDef> {
    return {};
  }

  get worksheets(): FakeWorksheetCollection {
    return this.child('worksheets', () => new FakeWorksheetCollection(this.context, () => this.context.excel.book));
  }

  getSelectedRange(): FakeRange {
    return this.created(new FakeRange(this.context), 'getSelectedRange', [], () => {
      const book = this.context.excel.book;
      const sel = book.selection;
      const sheet = sel && book.sheet(sel.sheet);
      if (!sel || !sheet || sheet.name !== book.active) throw new FakeOfficeError('InvalidSelection', 'The current selection is invalid for this operation.');
      return { sheet, boxes: [sel.box] } satisfies RangeTarget;
    });
  }
}

export class FakeWorksheetCollection extends FakeObject {
  private _items: FakeWorksheet[] | undefined;

  protected props(): Record<string, PropDef> {
    return {};
  }

  private book(): BookModel {
    return this._resolve() as BookModel;
  }

  get items(): FakeWorksheet[] {
    if (!this._items) throw notLoaded('items');
    return this._items;
  }

  override load(spec?: string | string[]): this {
    const paths = (Array.isArray(spec) ? spec : [spec ?? '']).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
    const itemProps = paths.map((p) => {
      if (!p.startsWith('items/')) throw unsupported(`loading WorksheetCollection.${p}`);
      return p.slice('items/'.length);
    });
    this.context._enqueue({ Load: this._id, Select: paths }, () => {
      const sheets = [...this.book().sheets];
      const snapshot = sheets.map((s) => ({ s, values: Object.fromEntries(itemProps.map((p) => [p, FakeWorksheet.readProp(s, p, this.context)])) }));
      this.context._respond({ Id: this._id, Value: snapshot.map((x) => x.values) }, () => {
        this._items = snapshot.map(({ s, values }) => {
          const w = new FakeWorksheet(this.context);
          w._state = 'ok';
          w._target = s;
          for (const [k, v] of Object.entries(values)) w._loaded.set(k, v);
          return w;
        });
      });
    });
    return this;
  }

  add(name: string): FakeWorksheet {
    return this.created(new FakeWorksheet(this.context), 'add', [name], () => {
      const book = this.book();
      if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new FakeOfficeError('InvalidArgument', `Invalid sheet name '${name}'`);
      if (book.sheet(name)) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named '${name}' already exists`);
      const s = new SheetModel(name);
      book.sheets.push(s);
      return s;
    });
  }

  getItem(name: string): FakeWorksheet {
    return this.created(new FakeWorksheet(this.context), 'getItem', [name], () => {
      const s = this.book().sheet(name);
      if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: '${name}'`);
      return s;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return this.created(new FakeWorksheet(this.context), 'getItemOrNullObject', [name], () => this.book().sheet(name) ?? NULL_TARGET, 4);
  }

  getActiveWorksheet(): FakeWorksheet {
    return this.created(new FakeWorksheet(this.context), 'getActiveWorksheet', [], () => {
      const book = this.book();
      const s = book.sheet(book.active);
      if (!s) throw new FakeOfficeError('ItemNotFound', 'No active sheet');
      return s;
    });
  }
}

export class FakeWorksheet extends FakeObject {
  static readProp(s: SheetModel, prop: string, ctx: FakeContext): unknown {
    if (prop === 'name') return s.name;
    if (prop === 'visibility') return s.visibility;
    if (prop === 'position') return ctx.excel.book.sheets.indexOf(s);
    throw unsupported(`loading Worksheet.${prop}`);
  }

  protected props(): Record<string, PropDef> {
    const ctx = this.context;
    return {
      name: { get: (s: SheetModel) => s.name },
      position: { get: (s: SheetModel) => ctx.excel.book.sheets.indexOf(s) },
      visibility: {
        get: (s: SheetModel) => s.visibility,
        setApi: 2,
        set: (s: SheetModel, v: unknown) => {
          if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw new FakeOfficeError('InvalidArgument', `visibility ${String(v)}`);
          const book = ctx.excel.book;
          if (v !== 'Visible' && book.sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0) {
            throw new FakeOfficeError('InvalidOperation', 'A workbook must keep at least one visible sheet');
          }
          s.visibility = v;
          if (v !== 'Visible' && book.active === s.name) book.active = book.sheets.find((x) => x.visibility === 'Visible')!.name;
        },
      },
    };
  }

  get name(): string {
    return this.read('name') as string;
  }
  get visibility(): string {
    return this.read('visibility') as string;
  }
  set visibility(v: string) {
    this.queueSet('visibility', v);
  }
  get position(): number {
    return this.read('position') as number;
  }

  private sheet(): SheetModel {
    return this._resolve() as SheetModel;
  }

  getRange(address?: string): FakeRange {
    return this.created(new FakeRange(this.context), 'getRange', address === undefined ? [] : [address], () => {
      const sheet = this.sheet();
      const box = address === undefined || address === '' ? { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 } : parseBox(address);
      return { sheet, boxes: [box] } satisfies RangeTarget;
    });
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    const args = valuesOnly === undefined ? [] : [valuesOnly];
    return this.created(
      new FakeRange(this.context),
      'getUsedRange',
      args,
      () => {
        if (valuesOnly !== undefined) this.context.excel.requireApi(2, 'Worksheet.getUsedRange(valuesOnly)');
        const sheet = this.sheet();
        return { sheet, boxes: [sheet.usedBox(valuesOnly === true) ?? { r0: 0, c0: 0, r1: 0, c1: 0 }] } satisfies RangeTarget;
      },
    );
  }

  getRanges(address: string): FakeRangeAreas {
    return this.created(
      new FakeRangeAreas(this.context),
      'getRanges',
      [address],
      () => {
        if (address.length > 8192) throw new FakeOfficeError('InvalidArgument', 'The address is longer than 8192 characters');
        return { sheet: this.sheet(), boxes: address.split(/[,;]/).map((a) => parseBox(a)) } satisfies RangeTarget;
      },
      9,
    );
  }

  activate(): void {
    this.queueMethod('activate', [], (s: SheetModel) => {
      if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'A hidden sheet cannot be activated');
      this.context.excel.book.active = s.name;
    });
  }

  delete(): void {
    this.queueMethod('delete', [], (s: SheetModel) => {
      const book = this.context.excel.book;
      if (book.sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0) throw new FakeOfficeError('InvalidOperation', 'Cannot delete the last visible sheet');
      book.sheets.splice(book.sheets.indexOf(s), 1);
      if (book.active === s.name) book.active = book.sheets.find((x) => x.visibility === 'Visible')!.name;
    });
  }

  get freezePanes(): FakeFreezePanes {
    return this.child('freezePanes', () => new FakeFreezePanes(this.context, () => this._resolve()));
  }

  get onChanged(): FakeEvent {
    return this.child('onChanged', () => new FakeEvent(this.context, () => this._resolve()));
  }
}

export class FakeFreezePanes extends FakeObject {
  protected props(): Record<string, PropDef> {
    return {};
  }
  freezeRows(count: number): void {
    this.queueMethod('freezeRows', [count], (s: SheetModel) => (s.frozenRows = count), 7);
  }
}

export class FakeEvent extends FakeObject {
  protected props(): Record<string, PropDef> {
    return {};
  }
  add(handler: (args: unknown) => unknown): { context: FakeContext; remove(): void } {
    const id = nextObjectId++;
    const ctx = this.context;
    this.queueMethod('add', [], (s: SheetModel) => s.handlers.push({ id, ctx, handler }), 7);
    return {
      context: ctx,
      remove: () => {
        // Queued on the context the handler was added with: only its sync removes it.
        ctx._enqueue({ RemoveHandler: id }, () => {
          for (const s of ctx.excel.book.sheets) s.handlers = s.handlers.filter((h) => h.id !== id);
        });
      },
    };
  }
}

export class FakeRange extends FakeObject {
  protected props(): Record<string, PropDef> {
    const book = () => this.context.excel.book;
    const changed = (t: RangeTarget) => this.context._change(t.sheet, single(t), 'RangeEdited');
    return {
      values: {
        get: (t: RangeTarget) => grid(single(t), (r, c) => t.sheet.get(r, c)?.v ?? ''),
        set: (t: RangeTarget, v: unknown) => {
          each2d(t, v, (r, c, x) => {
            if (book().input(t.sheet, r, c, x)) changed(t);
          });
        },
      },
      formulas: {
        get: (t: RangeTarget) => grid(single(t), (r, c) => t.sheet.get(r, c)?.f ?? t.sheet.get(r, c)?.v ?? ''),
        set: (t: RangeTarget, v: unknown) => {
          each2d(t, v, (r, c, x) => {
            if (book().input(t.sheet, r, c, x)) changed(t);
          });
        },
      },
      numberFormat: {
        get: (t: RangeTarget) => grid(single(t), (r, c) => t.sheet.get(r, c)?.nf ?? 'General'),
        set: (t: RangeTarget, v: unknown) => {
          each2d(t, v, (r, c, x) => {
            if (x === null || x === undefined) return;
            if (typeof x !== 'string') throw new FakeOfficeError('InvalidArgument', 'A number format is a string');
            t.sheet.cell(r, c).nf = x === '' ? 'General' : x;
          });
        },
      },
      address: { get: (t: RangeTarget) => `${quoteName(t.sheet.name)}!${boxAddress(single(t))}` },
      rowIndex: { get: (t: RangeTarget) => single(t).r0 },
      columnIndex: { get: (t: RangeTarget) => single(t).c0 },
      rowCount: { get: (t: RangeTarget) => single(t).r1 - single(t).r0 + 1 },
      columnCount: { get: (t: RangeTarget) => single(t).c1 - single(t).c0 + 1 },
    };
  }

  protected override navs(): Record<string, () => FakeObject> {
    return { format: () => this.format, worksheet: () => this.worksheet, dataValidation: () => this.dataValidation };
  }

  get values(): unknown[][] {
    return this.read('values') as unknown[][];
  }
  set values(v: unknown[][]) {
    this.queueSet('values', v);
  }
  get formulas(): unknown[][] {
    return this.read('formulas') as unknown[][];
  }
  set formulas(v: unknown[][]) {
    this.queueSet('formulas', v);
  }
  get numberFormat(): unknown[][] {
    return this.read('numberFormat') as unknown[][];
  }
  set numberFormat(v: unknown[][]) {
    this.queueSet('numberFormat', v);
  }
  get address(): string {
    return this.read('address') as string;
  }
  get rowIndex(): number {
    return this.read('rowIndex') as number;
  }
  get columnIndex(): number {
    return this.read('columnIndex') as number;
  }
  get rowCount(): number {
    return this.read('rowCount') as number;
  }
  get columnCount(): number {
    return this.read('columnCount') as number;
  }

  private target(): RangeTarget {
    return this._resolve() as RangeTarget;
  }

  get format(): FakeRangeFormat {
    return this.child('format', () => new FakeRangeFormat(this.context, () => this._resolve()));
  }
  get dataValidation(): FakeDataValidation {
    return this.child('dataValidation', () => new FakeDataValidation(this.context, () => this._resolve()));
  }
  get worksheet(): FakeWorksheet {
    return this.child('worksheet', () => new FakeWorksheet(this.context, () => this.target().sheet));
  }

  private derived(name: string, args: unknown[], f: (t: RangeTarget) => Box): FakeRange {
    return this.created(new FakeRange(this.context), name, args, () => {
      const t = this.target();
      return { sheet: t.sheet, boxes: [check(f(t), name)] } satisfies RangeTarget;
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.derived('getCell', [row, column], (t) => {
      const b = single(t);
      return { r0: b.r0 + row, c0: b.c0 + column, r1: b.r0 + row, c1: b.c0 + column };
    });
  }

  getRow(row: number): FakeRange {
    return this.derived('getRow', [row], (t) => {
      const b = single(t);
      if (row < 0 || row > b.r1 - b.r0) throw new FakeOfficeError('InvalidArgument', 'Row outside the range');
      return { r0: b.r0 + row, c0: b.c0, r1: b.r0 + row, c1: b.c1 };
    });
  }

  getLastRow(): FakeRange {
    return this.derived('getLastRow', [], (t) => {
      const b = single(t);
      return { r0: b.r1, c0: b.c0, r1: b.r1, c1: b.c1 };
    });
  }

  /** Same size, moved; outside the grid it fails like Excel ("forced outside the bounds of the worksheet grid"). */
  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derived('getOffsetRange', [rowOffset, columnOffset], (t) => {
      const b = single(t);
      const moved = { r0: b.r0 + rowOffset, c0: b.c0 + columnOffset, r1: b.r1 + rowOffset, c1: b.c1 + columnOffset };
      if (moved.r0 < 0 || moved.c0 < 0 || moved.r1 >= MAX_ROWS || moved.c1 >= MAX_COLS) {
        throw new FakeOfficeError('InvalidArgument', 'The resulting range is outside the bounds of the worksheet grid');
      }
      return moved;
    });
  }

  getBoundingRect(other: FakeRange): FakeRange {
    return this.derived('getBoundingRect', [other._id], (t) => {
      const a = single(t);
      const o = single(other._resolve() as RangeTarget);
      return { r0: Math.min(a.r0, o.r0), c0: Math.min(a.c0, o.c0), r1: Math.max(a.r1, o.r1), c1: Math.max(a.c1, o.c1) };
    });
  }

  getIntersection(other: FakeRange): FakeRange {
    return this.derived('getIntersection', [other._id], (t) => {
      const a = single(t);
      const o = single(other._resolve() as RangeTarget);
      const b = { r0: Math.max(a.r0, o.r0), c0: Math.max(a.c0, o.c0), r1: Math.min(a.r1, o.r1), c1: Math.min(a.c1, o.c1) };
      if (b.r0 > b.r1 || b.c0 > b.c1) throw new FakeOfficeError('ItemNotFound', 'The ranges do not intersect');
      return b;
    });
  }

  clear(applyTo: 'All' | 'Contents' | 'Formats' = 'All'): void {
    this.queueMethod('clear', [applyTo], (t: RangeTarget) => {
      for (const b of t.boxes) {
        for (const [r, c, cell] of t.sheet.existing(b)) {
          if (applyTo === 'All') t.sheet.delete(r, c);
          else if (applyTo === 'Contents') {
            cell.v = '';
            delete cell.f;
            delete cell.quote;
          } else {
            t.sheet.cell(r, c);
            for (const k of ['nf', 'fill', 'bold', 'wrap', 'hAlign', 'vAlign', 'borders', 'fontName'] as const) delete cell[k];
          }
        }
      }
    });
  }

  /**
   * Inserts cells in place of this range and shifts the cells below it down ('Down' only): values,
   * formats, validations and, for whole rows, row heights move; a validation the insertion falls
   * inside grows. Formulas are stored text and are not re-pointed. Returns the blank range.
   */
  insert(shift: 'Down' | 'Right'): FakeRange {
    return this.created(new FakeRange(this.context), 'insert', [shift], () => {
      if (shift !== 'Down') throw unsupported(`Range.insert('${shift}')`);
      const t = this.target();
      const b = single(t);
      const n = b.r1 - b.r0 + 1;
      const s = t.sheet;
      const moved: [number, number, CellModel][] = [];
      for (const [r, c, cell] of s.existing({ r0: b.r0, c0: b.c0, r1: MAX_ROWS - 1, c1: b.c1 })) {
        if (r + n >= MAX_ROWS && (cell.v !== '' || cell.f !== undefined)) throw new FakeOfficeError('InvalidOperation', 'Insert would push cells off the worksheet');
        moved.push([r, c, cell]);
      }
      for (const [r, c] of moved) s.delete(r, c);
      for (const [r, c, cell] of moved) if (r + n < MAX_ROWS) s.cells.set((r + n) * MAX_COLS + c, cell);
      const wholeRows = b.c0 === 0 && b.c1 === MAX_COLS - 1;
      for (const v of s.validations) {
        if (v.box.c1 < b.c0 || v.box.c0 > b.c1) continue;
        if (v.box.r0 >= b.r0) {
          v.box = { ...v.box, r0: v.box.r0 + n, r1: Math.min(MAX_ROWS - 1, v.box.r1 + n) };
        } else if (v.box.r1 >= b.r0) v.box = { ...v.box, r1: Math.min(MAX_ROWS - 1, v.box.r1 + n) };
      }
      if (wholeRows) {
        const heights = [...s.rowHeights].filter(([r]) => r >= b.r0);
        for (const [r] of heights) s.rowHeights.delete(r);
        for (const [r, h] of heights) s.rowHeights.set(r + n, h);
      }
      this.context._change(s, { r0: b.r0, c0: 0, r1: b.r1, c1: MAX_COLS - 1 }, wholeRows ? 'RowInserted' : 'CellInserted');
      return { sheet: s, boxes: [b] } satisfies RangeTarget;
    });
  }

  select(): void {
    this.queueMethod('select', [], (t: RangeTarget) => {
      const book = this.context.excel.book;
      if (t.sheet.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'Cannot select on a hidden sheet');
      book.active = t.sheet.name;
      book.selection = { sheet: t.sheet.name, box: single(t) };
    });
  }
}

export class FakeRangeAreas extends FakeObject {
  protected props(): Record<string, PropDef> {
    return {
      address: { get: (t: RangeTarget) => t.boxes.map((b) => `${quoteName(t.sheet.name)}!${boxAddress(b)}`).join(','), api: 9 },
      areaCount: { get: (t: RangeTarget) => t.boxes.length, api: 9 },
    };
  }
  get address(): string {
    return this.read('address') as string;
  }
  get format(): FakeRangeFormat {
    return this.child('format', () => new FakeRangeFormat(this.context, () => this._resolve()));
  }
}

export class FakeRangeFormat extends FakeObject {
  protected props(): Record<string, PropDef> {
    return {
      wrapText: { get: (t: RangeTarget) => uniform(t, (c) => c?.wrap ?? false), set: (t: RangeTarget, v: unknown) => eachCell(t, (c) => (c.wrap = v as boolean)) },
      horizontalAlignment: { get: (t: RangeTarget) => uniform(t, (c) => c?.hAlign ?? 'General'), set: (t: RangeTarget, v: unknown) => eachCell(t, (c) => (c.hAlign = v as string)) },
      verticalAlignment: { get: (t: RangeTarget) => uniform(t, (c) => c?.vAlign ?? 'Bottom'), set: (t: RangeTarget, v: unknown) => eachCell(t, (c) => (c.vAlign = v as string)) },
      columnWidth: {
        api: 2,
        get: (t: RangeTarget) => {
          const b = single(t);
          const w = t.sheet.columnWidths.get(b.c0) ?? 48;
          for (let c = b.c0; c <= b.c1; c++) if ((t.sheet.columnWidths.get(c) ?? 48) !== w) return null;
          return w;
        },
        set: (t: RangeTarget, v: unknown) => {
          if (typeof v !== 'number' || !(v >= 0)) throw new FakeOfficeError('InvalidArgument', 'columnWidth');
          for (const b of t.boxes) for (let c = b.c0; c <= b.c1; c++) t.sheet.columnWidths.set(c, v);
        },
      },
      rowHeight: {
        api: 2,
        get: (t: RangeTarget) => t.sheet.rowHeights.get(single(t).r0) ?? 15,
        set: (t: RangeTarget, v: unknown) => {
          for (const b of t.boxes) for (let r = b.r0; r <= b.r1; r++) t.sheet.rowHeights.set(r, v as number);
        },
      },
    };
  }
  protected override navs(): Record<string, () => FakeObject> {
    return { fill: () => this.fill, font: () => this.font };
  }
  get fill(): FakeRangeFill {
    return this.child('fill', () => new FakeRangeFill(this.context, () => this._resolve()));
  }
  get font(): FakeRangeFont {
    return this.child('font', () => new FakeRangeFont(this.context, () => this._resolve()));
  }
  get borders(): FakeBorders {
    return this.child('borders', () => new FakeBorders(this.context, () => this._resolve()));
  }
  get wrapText(): boolean {
    return this.read('wrapText') as boolean;
  }
  set wrapText(v: boolean) {
    this.queueSet('wrapText', v);
  }
  set horizontalAlignment(v: string) {
    this.queueSet('horizontalAlignment', v);
  }
  set verticalAlignment(v: string) {
    this.queueSet('verticalAlignment', v);
  }
  get columnWidth(): number {
    return this.read('columnWidth') as number;
  }
  set columnWidth(v: number) {
    this.queueSet('columnWidth', v);
  }
  set rowHeight(v: number) {
    this.queueSet('rowHeight', v);
  }
}

export class FakeRangeFill extends FakeObject {
  protected props(): Record<string, PropDef> {
    return {
      // Excel reports a cell without fill as white.
      color: {
        get: (t: RangeTarget) => uniform(t, (c) => c?.fill ?? '#FFFFFF'),
        set: (t: RangeTarget, v: unknown) => {
          if (typeof v !== 'string' || !/^#[0-9A-Fa-f]{6}$/.test(v)) throw new FakeOfficeError('InvalidArgument', `colour ${String(v)}`);
          eachCell(t, (c) => (c.fill = v.toUpperCase()));
        },
      },
      pattern: { api: 9, get: (t: RangeTarget) => uniform(t, (c) => (c?.fill ? 'Solid' : 'None')) },
    };
  }
  get color(): string {
    return this.read('color') as string;
  }
  set color(v: string) {
    this.queueSet('color', v);
  }
  get pattern(): string {
    return this.read('pattern') as string;
  }
  clear(): void {
    this.queueMethod('clear', [], (t: RangeTarget) => {
      for (const b of t.boxes) for (const [, , cell] of t.sheet.existing(b)) delete cell.fill;
    });
  }
}

export class FakeRangeFont extends FakeObject {
  protected props(): Record<string, PropDef> {
    return {
      bold: { get: (t: RangeTarget) => uniform(t, (c) => c?.bold ?? false), set: (t: RangeTarget, v: unknown) => eachCell(t, (c) => (c.bold = v as boolean)) },
      name: { get: (t: RangeTarget) => uniform(t, (c) => c?.fontName ?? 'Calibri'), set: (t: RangeTarget, v: unknown) => eachCell(t, (c) => (c.fontName = v as string)) },
    };
  }
  get bold(): boolean {
    return this.read('bold') as boolean;
  }
  set bold(v: boolean) {
    this.queueSet('bold', v);
  }
  set name(v: string) {
    this.queueSet('name', v);
  }
}

export class FakeBorders extends FakeObject {
  protected props(): Record<string, PropDef> {
    return {};
  }
  getItem(index: string): FakeBorder {
    const valid = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];
    return this.created(new FakeBorder(this.context), 'getItem', [index], () => {
      if (!valid.includes(index)) throw new FakeOfficeError('InvalidArgument', `border ${index}`);
      return { range: this._resolve() as RangeTarget, index };
    });
  }
}

export class FakeBorder extends FakeObject {
  protected props(): Record<string, PropDef> {
    const put = (key: 'style' | 'color') => (t: { range: RangeTarget; index: string }, v: unknown) =>
      eachCell(t.range, (c) => {
        c.borders ??= {};
        c.borders[t.index] = { ...c.borders[t.index], [key]: v as string };
      });
    return { style: { set: put('style') }, color: { set: put('color') } };
  }
  set style(v: string) {
    this.queueSet('style', v);
  }
  set color(v: string) {
    this.queueSet('color', v);
  }
}

export class FakeDataValidation extends FakeObject {
  private entry(t: RangeTarget): ValidationModel {
    const b = single(t);
    let v = t.sheet.validations.find((x) => x.box.r0 === b.r0 && x.box.c0 === b.c0 && x.box.r1 === b.r1 && x.box.c1 === b.c1);
    if (!v) {
      v = { box: b };
      t.sheet.validations.push(v);
    }
    return v;
  }

  protected props(): Record<string, PropDef> {
    const book = () => this.context.excel.book;
    return {
      rule: {
        api: 8,
        get: (t: RangeTarget) => this.entry(t).rule ?? null,
        set: (t: RangeTarget, v: unknown) => {
          const rule = v as ValidationModel['rule'];
          const source = rule?.list?.source;
          if (typeof source !== 'string') throw unsupported('a validation rule other than a list');
          if (source.startsWith('=')) {
            const ref = parseReference(source);
            if (ref.sheet && !book().sheet(ref.sheet)) throw new FakeOfficeError('InvalidArgument', `The list source refers to a missing sheet '${ref.sheet}'`);
          } else if (source.length > 255) {
            throw new FakeOfficeError('InvalidArgument', 'An inline list is limited to 255 characters');
          }
          this.entry(t).rule = rule;
        },
      },
      errorAlert: { api: 8, get: (t: RangeTarget) => this.entry(t).errorAlert ?? null, set: (t: RangeTarget, v: unknown) => (this.entry(t).errorAlert = v as ValidationModel['errorAlert']) },
      ignoreBlanks: { api: 8, get: (t: RangeTarget) => this.entry(t).ignoreBlanks ?? true, set: (t: RangeTarget, v: unknown) => (this.entry(t).ignoreBlanks = v as boolean) },
    };
  }
  get rule(): unknown {
    return this.read('rule');
  }
  set rule(v: unknown) {
    this.queueSet('rule', v);
  }
  set errorAlert(v: unknown) {
    this.queueSet('errorAlert', v);
  }
  set ignoreBlanks(v: boolean) {
    this.queueSet('ignoreBlanks', v);
  }
  clear(): void {
    this.queueMethod(
      'clear',
      [],
      (t: RangeTarget) => {
        const b = single(t);
        t.sheet.validations = t.sheet.validations.filter((x) => x.box.r1 < b.r0 || x.box.r0 > b.r1 || x.box.c1 < b.c0 || x.box.c0 > b.c1);
      },
      8,
    );
  }
}

export class FakeContext {
  readonly workbook: FakeWorkbook;
  _queue: Action[] = [];
  _created: FakeObject[] = [];
  /** Ranges the queued actions changed, in order: each fires a change event after the sync. */
  _changed: FakeChange[] = [];
  private _responses: { json: unknown; deliver: () => void }[] = [];

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this, () => excel.book);
  }

  /** Records a change (once per range and kind) for the events fired after this sync. */
  _change(sheet: SheetModel, box: Box, changeType: string): void {
    const same = this._changed.find((c) => c.sheet === sheet && c.changeType === changeType && c.box.r0 === box.r0 && c.box.c0 === box.c0 && c.box.r1 === box.r1 && c.box.c1 === box.c1);
    if (!same) this._changed.push({ sheet, box, changeType });
  }

  _enqueue(json: unknown, run: () => void): void {
    this._queue.push({ json, run });
  }

  _respond(json: unknown, deliver: () => void): void {
    this._responses.push({ json, deliver });
  }

  get pendingActions(): number {
    return this._queue.length;
  }

  async sync(): Promise<void> {
    // A round trip: the caller's code runs on only after the request came back.
    await Promise.resolve();
    const queue = this._queue;
    const created = this._created;
    this._queue = [];
    this._created = [];
    this._responses = [];
    this._changed = [];
    const excel = this.excel;
    const request = JSON.stringify({ Actions: queue.map((a, i) => ({ Id: i + 1, ...(a.json as object) })) });
    const record: SyncRecord = { requestBytes: Buffer.byteLength(request, 'utf8'), responseBytes: 0, actions: queue.length };
    excel.syncs.push(record);
    const fail = (e: unknown): never => {
      for (const o of created) if (o._state === 'pending') o._state = 'failed';
      record.error = (e as { code?: string }).code ?? String(e);
      throw e;
    };
    if (record.requestBytes > excel.payloadLimit) {
      fail(new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The request payload size (${record.requestBytes} bytes) has exceeded the limit.`));
    }
    try {
      for (const a of queue) a.run();
    } catch (e) {
      fail(e);
    } finally {
      this.fireChanges();
    }
    const responses = this._responses;
    this._responses = [];
    record.responseBytes = Buffer.byteLength(JSON.stringify(responses.map((r) => r.json)), 'utf8');
    if (record.responseBytes > excel.payloadLimit) {
      fail(new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `The response payload size (${record.responseBytes} bytes) has exceeded the limit.`));
    }
    for (const r of responses) r.deliver();
  }

  private fireChanges(): void {
    const changed = this._changed;
    this._changed = [];
    if (!this.excel.fireOnApiWrites) return;
    for (const c of changed) this.excel.fire(c.sheet, 'Local', { box: c.box, changeType: c.changeType, trigger: 'ThisLocalAddin' });
  }
}

export interface FakeStats {
  syncs: number;
  requestBytes: number;
  responseBytes: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
}

/** The fake host: one workbook, a requirement-set level, and the sync log. */
export class FakeExcel {
  readonly book = new BookModel();
  readonly syncs: SyncRecord[] = [];
  payloadLimit = DEFAULT_PAYLOAD_LIMIT;
  /** Excel fires onChanged for the add-in's own writes too. */
  fireOnApiWrites = true;
  /** How long after a change its event arrives (Excel delivers events asynchronously, after the request returns). */
  eventDelayMs = 0;
  readonly apiMinor: number;
  /** Batches whose queued actions were never synced (a gateway bug). */
  readonly unsynced: number[] = [];

  constructor(opts: { api?: string; sheets?: Record<string, readonly (readonly unknown[])[]> } = {}) {
    this.apiMinor = Number((opts.api ?? '1.9').split('.')[1]);
    for (const [name, rows] of Object.entries(opts.sheets ?? { Sheet1: [] })) this.book.addSheet(name, rows);
  }

  isSetSupported = (name: string, version: string): boolean => {
    if (name !== 'ExcelApi') return false;
    const [major, minor] = version.split('.').map(Number);
    return major === 1 && (minor ?? 0) <= this.apiMinor;
  };

  requireApi(minor: number, what: string): void {
    if (minor > this.apiMinor) throw new FakeOfficeError('ApiNotFound', `${what} needs ExcelApi 1.${minor}; this host has 1.${this.apiMinor}`);
  }

  /** Excel.run(batch) and Excel.run(context, batch). */
  run = async <T>(a: ((context: FakeContext) => Promise<T>) | FakeContext, b?: (context: FakeContext) => Promise<T>): Promise<T> => {
    const context = typeof a === 'function' ? new FakeContext(this) : a;
    const batch = typeof a === 'function' ? a : b!;
    const result = await batch(context);
    if (context.pendingActions) {
      this.unsynced.push(context.pendingActions);
      throw new Error(`FakeExcel: ${context.pendingActions} queued operations were never synced`);
    }
    return result;
  };

  sheet(name: string): SheetModel {
    const s = this.book.sheet(name);
    if (!s) throw new Error(`FakeExcel: no sheet ${name}`);
    return s;
  }

  /** A person typing into a cell (1-based): Excel's typing rules, then the change event. */
  userEdit(sheet: string, row: number, col: number, value: string | number | boolean): void {
    const s = this.sheet(sheet);
    this.book.input(s, row - 1, col - 1, value);
    this.fire(s, 'Local', { box: { r0: row - 1, c0: col - 1, r1: row - 1, c1: col - 1 }, trigger: 'Unknown' });
  }

  /** A person filling cells (1-based) with a colour of their own. */
  userFill(sheet: string, row: number, col: number, color: string | undefined): void {
    const cell = this.sheet(sheet).cell(row - 1, col - 1);
    if (color) cell.fill = color.toUpperCase();
    else delete cell.fill;
  }

  /**
   * Fires WorksheetChanged as Excel does, a moment later: the changed range's address, the kind of
   * change, and from ExcelApi 1.14 whether this add-in's own API call caused it (triggerSource).
   */
  fire(s: SheetModel, source: string, change: { box: Box; changeType?: string; trigger?: 'ThisLocalAddin' | 'Unknown' } = { box: { r0: 0, c0: 0, r1: 0, c1: 0 } }): void {
    const args = {
      type: 'WorksheetChanged',
      source,
      worksheetId: s.name,
      address: boxAddress(change.box),
      changeType: change.changeType ?? 'RangeEdited',
      ...(this.apiMinor >= 14 ? { triggerSource: change.trigger ?? 'Unknown' } : {}),
    };
    for (const h of [...s.handlers]) setTimeout(() => void h.handler(args), this.eventDelayMs);
  }

  resetStats(): void {
    this.syncs.length = 0;
  }

  stats(): FakeStats {
    return {
      syncs: this.syncs.length,
      requestBytes: this.syncs.reduce((n, s) => n + s.requestBytes, 0),
      responseBytes: this.syncs.reduce((n, s) => n + s.responseBytes, 0),
      maxRequestBytes: Math.max(0, ...this.syncs.map((s) => s.requestBytes)),
      maxResponseBytes: Math.max(0, ...this.syncs.map((s) => s.responseBytes)),
    };
  }

  /** Runs `f` and reports the syncs and bytes it took. */
  async measure<T>(f: () => Promise<T>): Promise<{ result: T } & FakeStats> {
    this.resetStats();
    const result = await f();
    return { result, ...this.stats() };
  }
}
