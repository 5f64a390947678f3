/**
 * A new workbook of imported rows written by streaming (exceljs's WorkbookWriter): each row goes
 * to the file as it is written, so memory stays the import's own, not a whole workbook model
 * besides it. The workbook is the one `buildImportedWorkbook` (importWrite.ts) makes — the
 * prescribed layout of `new` (column widths and formats, header style, drop-down validations,
 * frozen header, A4 landscape print setup with the header repeated, the summary, lists and
 * metadata sheets) — built small, without the rows, then copied sheet by sheet with the imported
 * rows streamed in. tests/integration/importStreamWrite.test.ts reads both back and compares.
 */
import { EventEmitter } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { AgencyProfile } from '../domain/check/types';
import { publishedValue, type ImportResult } from '../domain/import';
import { importTemplateWorkbook, type WrittenList } from './importWrite';

export interface StreamWriteOptions {
  readonly agency?: AgencyProfile;
  /** Personal IDs masked (the copy for the website). */
  readonly maskIds?: boolean;
}

/** The parts of exceljs's streaming writer used here that its typings leave out. */
interface StreamWorksheet {
  columns: Partial<ExcelJS.Column>[];
  dataValidations: { model: unknown };
  mergeCells(range: string): void;
  getRow(n: number): ExcelJS.Row;
  commit(): void;
}

interface StreamWorkbook {
  addWorksheet(name: string, options: object): StreamWorksheet;
  commit(): Promise<void>;
  addWorkbook(): Promise<void>;
  zip: { append(data: string, opts: { name: string }): void };
}

/**
 * exceljs's streaming writer drops the workbook's calculation properties; the summary formulas
 * rely on Excel recomputing them on open (fullCalcOnLoad), as the whole-workbook writer says.
 */
function keepFullCalcOnLoad(wb: StreamWorkbook): void {
  const WorkbookXform = require('exceljs/lib/xlsx/xform/book/workbook-xform') as new () => { prepare(m: object): void; toXml(m: object): string };
  const self = wb as unknown as { _worksheets: unknown[]; _definedNames: { model: unknown }; views: unknown };
  wb.addWorkbook = async () => {
    const model = { worksheets: self._worksheets.filter(Boolean), definedNames: self._definedNames.model, views: self.views, properties: {}, calcProperties: { fullCalcOnLoad: true } };
    const xform = new WorkbookXform();
    xform.prepare(model);
    wb.zip.append(xform.toXml(model), { name: '/xl/workbook.xml' });
  };
}

/** Rows written between two turns of the event loop (see compressorTurn). */
const YIELD_ROWS = 500;

/**
 * Waits until the zip has taken the sheet's XML written so far. exceljs pipes the sheet into the
 * zip's input stream and ignores its backpressure; a write loop that only yielded a turn would
 * still queue the sheet faster than zlib (on its own threads, a chunk per turn) compresses it —
 * about 170 MB for 250,000 rows. Without that stream (another exceljs), a turn of the event loop.
 */
async function compressorTurn(sw: StreamWorksheet): Promise<void> {
  // archiver's own stream (readable-stream): its state is read where Node's and readable-stream's agree.
  const input = (sw as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes?.[0] as QueuedInput | undefined;
  if (input?._writableState?.needDrain && input instanceof EventEmitter) {
    // Never waits for ever: were the zip busy elsewhere, the write only slows down.
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        input.off('drain', done);
        resolve();
      };
      const timer = setTimeout(done, DRAIN_WAIT_MS);
      input.once('drain', done);
    });
    return;
  }
  await new Promise((resolve) => setImmediate(resolve));
}

const DRAIN_WAIT_MS = 100;

interface QueuedInput {
  readonly _writableState?: { readonly needDrain: boolean };
}

/** One row of the template copied: values, styles, height. */
function copyRow(from: ExcelJS.Row, to: ExcelJS.Row): void {
  if (from.height) to.height = from.height;
  from.eachCell({ includeEmpty: true }, (cell, col) => {
    const c = to.getCell(col);
    c.value = cell.value;
    c.style = cell.style;
  });
}

/**
 * Writes the new workbook of `result` into `stream` by streaming (the caller writes it atomically). Returns where the list sits and how
 * many personal IDs were masked (with `maskIds`).
 */
export async function writeImportedWorkbook(result: ImportResult, stream: Writable, opts: StreamWriteOptions = {}): Promise<{ list: WrittenList; masked: number }> {
  const { wb: template, list } = importTemplateWorkbook(result, { agency: opts.agency });
  const out = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    // Texts written in their cells (as reportWorkbook.ts does), not in a shared table: the table
    // holds every distinct text until the end and is then built as one string — at 250,000 rows
    // (two IDs a row, all distinct) about 360 MB of the import's peak. The cells read the same
    // (exceljs, Excel and streamRead.ts read `t="str"`); the file is about a quarter larger.
    useSharedStrings: false,
    creator: template.creator,
    created: template.created,
    // Light compression: a third faster to write than the default, for a file a few percent larger.
    zip: { zlib: { level: 1 } },
  } as unknown as ExcelJS.stream.xlsx.WorkbookStreamWriterOptions) as unknown as StreamWorkbook;
  keepFullCalcOnLoad(out);
  const t = result.choice.template;
  const taxColumn = list.taxIdColumn;
  let masked = 0;

  for (const ws of template.worksheets) {
    const sw = out.addWorksheet(ws.name, { state: ws.state, views: ws.views, pageSetup: ws.pageSetup, properties: ws.properties, headerFooter: ws.headerFooter });
    sw.columns = ws.columns.map((c) => ({ key: c.key, width: c.width, hidden: c.hidden, style: c.style }));
    sw.dataValidations.model = (ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model;
    for (const range of (ws.model as { merges?: string[] }).merges ?? []) sw.mergeCells(range);

    const imported = ws.name === list.sheet ? result.rows : [];
    let next = 0;
    // The cell takes its column's style (money, BE date, text ID), as in the whole workbook. One style
    // object per column, shared by its cells: exceljs then finds its style number by identity
    // instead of serialising the style again for every cell (most of the write's time otherwise).
    const styles: Partial<ExcelJS.Style>[] = [];
    const maskedStyles: Partial<ExcelJS.Style>[] = [];
    const dateStyles: Partial<ExcelJS.Style>[] = [];
    const writeImported = async (before: number) => {
      for (; next < imported.length && imported[next].outputRow < before; next++) {
        // exceljs hands each row's XML on to the zip without waiting: a loop that never yields
        // would queue the whole sheet, uncompressed, before the compressor sees any of it.
        if (next % YIELD_ROWS === 0 && next > 0) await compressorTurn(sw);
        const r = imported[next];
        const row = sw.getRow(r.outputRow);
        for (let i = 0; i < t.columns.length; i++) {
          let v = r.values[i] ?? null;
          const cell = row.getCell(i + 1);
          // exceljs's cell, not an Office.js range: nothing to load before reading its style.
          // eslint-disable-next-line office-addins/call-sync-before-read
          styles[i] ??= cell.style;
          // exceljs numbers a style by its first cell's type where the column has no number format
          // (a date gets a date format): a date shares only with dates.
          let style = v instanceof Date ? (dateStyles[i] ??= { ...styles[i] }) : styles[i];
          if (opts.maskIds && i + 1 === taxColumn && (typeof v === 'string' || typeof v === 'number')) {
            const shown = publishedValue(v);
            if (shown !== v) {
              masked++;
              v = shown;
              style = maskedStyles[i] ??= { ...styles[i], numFmt: '@' };
            }
          }
          cell.style = style;
          cell.value = v;
        }
        row.commit();
      }
    };
    const templateRows: [number, ExcelJS.Row][] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => templateRows.push([n, row]));
    for (const [n, row] of templateRows) {
      await writeImported(n);
      // An imported row and a template row never share a number: the template has only its header,
      // and the imported rows start below it.
      copyRow(row, sw.getRow(n));
      sw.getRow(n).commit();
    }
    await writeImported(Number.POSITIVE_INFINITY);
    sw.commit();
  }
  await out.commit();
  return { list, masked };
}
