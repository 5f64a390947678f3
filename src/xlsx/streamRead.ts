/**
 * An .xlsx file on disk → the domain's grids, streamed: the zip's central directory gives the
 * parts (zipEntries.ts); the workbook, relationships, styles and shared strings are read first,
 * then each sheet's XML is parsed as it inflates, straight into rows of plain values, without
 * exceljs's row and cell objects or its whole-workbook model. Memory is the grid itself.
 *
 * The grid is the one the whole-workbook reader (read.ts, `loadWorkbook`) gives, cell for cell:
 * - formulas give their cached result (a date when the cell has a date format; booleans and
 *   errors as exceljs reads them) and are listed in `formulas`, with or without a cached value;
 *   a cached 0, FALSE or "" is kept (read.ts reads it from the cell model, not `cell.value`);
 * - every cell of a merged range holds the value (and formula marks) of its top-left cell, as exceljs shows it;
 * - a number with a date format is a Date (1900 or 1904 date system), by exceljs's own rules;
 * - rows run to the last <row> of the sheet or merged range; empty rows are [].
 * tests/integration/streamRead.test.ts compares both readers on every workbook the tests make.
 *
 * exceljs's own streaming WorkbookReader is not used: it decodes each inflated chunk on its own
 * (a Thai character cut between chunks becomes U+FFFD), drops merges, keeps only the last run of
 * an inline rich text, and loses sheets when the shared strings come after them in the zip.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { CellValue, SheetGrid } from '../domain/grid';
import { columnIndex } from '../domain/grid';
import { decodeMeta, LISTS_SHEET, META_SHEET, type WorkbookMeta } from '../domain/workbookMeta';
import { withoutEmptyResults, type LoadedWorkbook } from './read';
import { entryBuffer, entryStream, ZipFormatError, zipEntries, type ZipEntry } from './zipEntries';

export type { LoadedWorkbook };

interface ExcelUtils {
  isDateFmt(fmt: string | undefined): boolean;
  excelToDate(v: number, date1904?: boolean): Date;
  xmlDecode(s: string): string;
}
interface StyleManager {
  parseStream(chunks: Iterable<Buffer>): Promise<unknown>;
  getStyleModel(id: number): { numFmt?: string } | null;
}

// exceljs's own date rules and styles reader, so a date reads as the whole-workbook reader reads it:
// those two modules only (a check that reads by streaming never loads the rest of exceljs).
let excel: { utils: ExcelUtils; Styles: new () => StyleManager } | undefined;
function excelInternals(): NonNullable<typeof excel> {
  excel ??= {
    utils: require('exceljs/lib/utils/utils') as ExcelUtils,
    Styles: require('exceljs/lib/xlsx/xform/style/styles-xform') as new () => StyleManager,
  };
  return excel;
}

/** Calls `on` for each tag and text of a streamed XML part, decoding UTF-8 across chunk edges. */
async function parseXml(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  on: { open?: (t: SaxesTagPlain) => void; text?: (s: string) => void; close?: (t: SaxesTagPlain) => void },
): Promise<void> {
  // No line/column tracking: a broken part is reported as unreadable, not by position.
  const parser = new SaxesParser({ position: false });
  let failure: Error | undefined;
  parser.on('error', (e) => (failure ??= e));
  if (on.open) parser.on('opentag', on.open as (t: unknown) => void);
  if (on.text) parser.on('text', on.text);
  if (on.close) parser.on('closetag', on.close as (t: unknown) => void);
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    parser.write(decoder.decode(chunk, { stream: true }));
    if (failure) throw failure;
  }
  parser.write(decoder.decode());
  parser.close();
  if (failure) throw failure;
}

interface BookSheet {
  readonly name: string;
  readonly id: number;
  readonly rId: string;
}

async function readBook(file: string, entry: ZipEntry): Promise<{ sheets: BookSheet[]; date1904: boolean }> {
  const sheets: BookSheet[] = [];
  let date1904 = false;
  await parseXml([await entryBuffer(file, entry)], {
    open: (t) => {
      if (t.name === 'sheet') sheets.push({ name: t.attributes.name, id: parseInt(t.attributes.sheetId, 10), rId: t.attributes['r:id'] });
      else if (t.name === 'workbookPr') date1904 = t.attributes.date1904 === '1' || t.attributes.date1904 === 'true';
    },
  });
  return { sheets, date1904 };
}

async function readRels(file: string, entry: ZipEntry | undefined): Promise<Map<string, string>> {
  const rels = new Map<string, string>();
  if (!entry) return rels;
  await parseXml([await entryBuffer(file, entry)], {
    open: (t) => {
      if (t.name === 'Relationship') rels.set(t.attributes.Id, t.attributes.Target);
    },
  });
  return rels;
}

/** The shared strings as plain text (rich text runs joined, phonetic guides left out, _xHHHH_ escapes decoded). */
async function readSharedStrings(file: string, entry: ZipEntry | undefined): Promise<string[]> {
  const out: string[] = [];
  if (!entry) return out;
  let parts: string[] = [];
  let text: string[] | undefined;
  let phonetic = 0;
  await parseXml(await entryStream(file, entry), {
    open: (t) => {
      if (t.name === 'si') parts = [];
      else if (t.name === 'rPh') phonetic++;
      else if (t.name === 't' && phonetic === 0) text = [];
    },
    text: (s) => text?.push(s),
    close: (t) => {
      if (t.name === 't' && text) {
        parts.push(text.join(''));
        text = undefined;
      } else if (t.name === 'rPh') phonetic--;
      else if (t.name === 'si') out.push(parts.join('').replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
    },
  });
  return out;
}

/** Reads a workbook file by streaming: what `check` reads. Throws when the file is not a readable .xlsx. */
export async function readWorkbookFile(file: string): Promise<LoadedWorkbook> {
  const { utils, Styles } = excelInternals();
  const entries = await zipEntries(file);
  const bookEntry = entries.get('xl/workbook.xml');
  if (!bookEntry) throw new ZipFormatError('no xl/workbook.xml: not an .xlsx workbook');
  const book = await readBook(file, bookEntry);
  const rels = await readRels(file, entries.get('xl/_rels/workbook.xml.rels'));
  const shared = await readSharedStrings(file, entries.get('xl/sharedStrings.xml'));
  const styles = new Styles();
  const stylesEntry = entries.get('xl/styles.xml');
  if (stylesEntry) await styles.parseStream([await entryBuffer(file, stylesEntry)]);
  const context: SheetContext = { shared, styles, utils, date1904: book.date1904 };

  // Sheets in the order exceljs numbers them (sheetId), each from its part.
  const ordered = [...book.sheets].sort((a, b) => a.id - b.id);
  const sheets: SheetGrid[] = [];
  let meta: WorkbookMeta = { sheets: {} };
  for (const s of ordered) {
    if (s.name === LISTS_SHEET) continue;
    const target = rels.get(s.rId);
    if (!target) continue;
    const entry = entries.get(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    if (!entry) continue;
    const grid = await readSheet(await entryStream(file, entry), context);
    if (s.name === META_SHEET) meta = decodeMeta(grid.rows);
    else if (!grid.formulas.size) sheets.push({ name: s.name, rows: grid.rows });
    else if (!grid.uncomputed.size) sheets.push({ name: s.name, rows: grid.rows, formulas: grid.formulas });
    else sheets.push({ name: s.name, rows: grid.rows, formulas: grid.formulas, uncomputed: grid.uncomputed });
  }
  return { sheets: withoutEmptyResults(sheets), meta };
}

interface SheetContext {
  readonly shared: readonly string[];
  readonly styles: StyleManager;
  readonly utils: ExcelUtils;
  readonly date1904: boolean;
}

interface MutableGrid {
  rows: CellValue[][];
  formulas: Set<string>;
  /** Formula cells that store no computed result. */
  uncomputed: Set<string>;
}

async function readSheet(chunks: AsyncIterable<Uint8Array>, { shared, styles, utils, date1904 }: SheetContext): Promise<MutableGrid> {
  const dateStyle = new Map<number, boolean>();
  const isDateStyle = (s: number): boolean => {
    let d = dateStyle.get(s);
    if (d === undefined) {
      d = utils.isDateFmt(styles.getStyleModel(s)?.numFmt ?? undefined);
      dateStyle.set(s, d);
    }
    return d;
  };
  const number = (text: string, s: number): CellValue => {
    const n = parseFloat(text);
    return s && isDateStyle(s) ? utils.excelToDate(n, date1904) : n;
  };

  const rows: CellValue[][] = [];
  const formulas = new Set<string>();
  const uncomputed = new Set<string>();
  const merges: string[] = [];
  let lastRow = 0;
  let inData = false;
  let row: CellValue[] | null = null;
  let rowIndex = -1;
  let nextRowNumber = 1;
  let nextCol = 0;
  // The cell being read.
  let ref: string | undefined;
  let type: string | undefined;
  let style = 0;
  let value: string | undefined;
  let formula: string | undefined;
  let shareType: string | undefined;
  let runs: string[] | undefined;
  let inRun = false;
  let reading: 'v' | 't' | 'f' | undefined;

  const onOpen = (tag: SaxesTagPlain): void => {
    switch (tag.name) {
      case 'sheetData':
        inData = true;
        return;
      case 'row':
        if (inData) {
          const r = tag.attributes.r ? parseInt(tag.attributes.r, 10) : nextRowNumber;
          nextRowNumber = r + 1;
          nextCol = 0;
          rowIndex = r - 1;
          row = [];
          if (r > lastRow) lastRow = r;
        }
        return;
      case 'c':
        if (row) {
          ref = tag.attributes.r;
          type = tag.attributes.t;
          style = tag.attributes.s ? parseInt(tag.attributes.s, 10) : 0;
          value = formula = shareType = runs = undefined;
        }
        return;
      case 'f':
        if (row) {
          reading = 'f';
          shareType = tag.attributes.t;
          formula ??= '';
        }
        return;
      case 'v':
      case 't':
        if (row) reading = tag.name;
        return;
      case 'r':
        if (row && reading === undefined) {
          (runs ??= []).push('');
          inRun = true;
        }
        return;
      case 'mergeCell':
        if (tag.attributes.ref) merges.push(tag.attributes.ref);
        return;
    }
  };

  const onText = (text: string): void => {
    if (reading === 'f') formula = formula === undefined ? text : formula + text;
    else if (reading !== undefined) {
      if (inRun && runs) runs[runs.length - 1] += text;
      else value = value === undefined ? text : value + text;
    }
  };

  const cellValue = (col: number): CellValue | undefined => {
    if (formula !== undefined && (formula !== '' || shareType !== undefined)) {
      formulas.add(`${rowIndex}:${col}`);
      if (value === undefined) {
        uncomputed.add(`${rowIndex}:${col}`);
        return null;
      }
      // The cached result, typed as exceljs types it.
      if (type === 'str') return utils.xmlDecode(value);
      if (type === 'b') return parseInt(value, 10) !== 0;
      if (type === 'e') return value;
      return number(value, style);
    }
    if (runs !== undefined) return runs.join('');
    if (value === undefined) return undefined;
    switch (type) {
      case 's':
        return shared[parseInt(value, 10)] ?? null;
      case 'str':
        return utils.xmlDecode(value);
      case 'inlineStr':
        return value;
      case 'b':
        return parseInt(value, 10) !== 0;
      case 'e':
        // Excel's error values (#N/A, #REF!) as their text, as read.ts's plainValue gives them.
        return value;
      default:
        return number(value, style);
    }
  };

  const onClose = (tag: SaxesTagPlain): void => {
    switch (tag.name) {
      case 'f':
      case 'v':
      case 't':
        reading = undefined;
        return;
      case 'r':
        inRun = false;
        return;
      case 'c': {
        if (!row) return;
        const col = ref ? refColumn(ref) : nextCol;
        nextCol = col + 1;
        const v = cellValue(col);
        if (v !== undefined) {
          while (row.length < col) row.push(null);
          row[col] = v;
        }
        return;
      }
      case 'row':
        if (row) {
          rows[rowIndex] = row;
          row = null;
        }
        return;
      case 'sheetData':
        inData = false;
        return;
    }
  };

  await parseXml(chunks, { open: onOpen, text: onText, close: onClose });

  applyMerges(rows, formulas, uncomputed, merges);
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  for (let i = rows.length; i < lastRow; i++) rows.push([]);
  return { rows, formulas, uncomputed };
}

/** 0-based column of a cell reference such as "AB12". */
function refColumn(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function decodeRef(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref.toUpperCase());
  return m ? { col: columnIndex(m[1]), row: parseInt(m[2], 10) - 1 } : undefined;
}

/** Each cell of a merged range shows its top-left cell's value (and formula marks), as exceljs does. */
function applyMerges(rows: CellValue[][], formulas: Set<string>, uncomputed: Set<string>, merges: readonly string[]): void {
  for (const range of merges) {
    const [a, b = a] = range.split(':');
    const tl = decodeRef(a);
    const br = decodeRef(b);
    if (!tl || !br) continue;
    const top = Math.min(tl.row, br.row);
    const bottom = Math.max(tl.row, br.row);
    const left = Math.min(tl.col, br.col);
    const right = Math.max(tl.col, br.col);
    const master = rows[top]?.[left] ?? null;
    const masterFormula = formulas.has(`${top}:${left}`);
    const masterUncomputed = uncomputed.has(`${top}:${left}`);
    for (let r = top; r <= bottom; r++) {
      const row = (rows[r] ??= []);
      for (let c = left; c <= right; c++) {
        if (r === top && c === left) continue;
        while (row.length < c) row.push(null);
        row[c] = master;
        if (masterFormula) formulas.add(`${r}:${c}`);
        else formulas.delete(`${r}:${c}`);
        if (masterUncomputed) uncomputed.add(`${r}:${c}`);
        else uncomputed.delete(`${r}:${c}`);
      }
    }
  }
}
