/**
 * The records of a recognised sheet: the rows under the header that hold data. Blank rows, rows
 * that only carry a pre-printed sequence number, and trailing notes (หมายเหตุ, ลงชื่อ, ผู้จัดทำ …)
 * are not records.
 */
import type { CellValue, SheetGrid } from '../grid';
import { headerKey, type Recognition } from '../recognize';
import { isPlaceholder, toArabicDigits } from '../values/thaiDigits';

export interface SheetRecord {
  /** Excel row number. */
  readonly row: number;
  /** The sheet's row as it is (no copy: a 10,000-row check should not duplicate the sheet). */
  readonly source: readonly CellValue[];
}

const NOTE_START = /^\s*(\*|หมายเหตุ|ลงชื่อ|ลงนาม|ผู้จัดทำ|ผู้รายงาน|ผู้ตรวจสอบ|ผู้รับรอง|ผู้อนุมัติ|ที่มา|ข้อมูล ณ|รับรองข้อมูล|รับรองว่า|ตำแหน่ง|\(.+\)\s*$|รวม|รวมทั้งสิ้น|รวมทั้งหมด|ทั้งหมด)/;

/** Empty in the sense of the check: nothing, spaces, or only dashes and dots. */
export function isEmptyCell(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  // isPlaceholder is true for '' and for spaces, dashes and dots only; it stops at the first other character.
  if (typeof v === 'string') return isPlaceholder(v);
  return false;
}

const TOTAL_START = /^\s*(รวม|ยอดรวม)/;
/** "(ต่อ)มาตรการ…": the row above continues here after a page break (seed 003 prints them so). */
const CONTINUATION = /^\s*\(ต่อ\)/;
/** "1.มาตรการส่งเสริม…" alone in the first column: a heading over a group of measures. */
const GROUP_HEADING = /^\s*[0-9๐-๙]{1,2}\s*[.)]/;

/** The record above with the continuation's cells appended (a copy: the sheet's rows stay as they are). */
function mergeContinuation(prev: SheetRecord, row: readonly CellValue[]): SheetRecord {
  const n = Math.max(prev.source.length, row.length);
  const merged: CellValue[] = [];
  for (let i = 0; i < n; i++) {
    const a = prev.source[i];
    const b = row[i];
    if (isEmptyCell(b) || (typeof b === 'string' && CONTINUATION.test(b))) merged.push(a ?? null);
    else if (isEmptyCell(a)) merged.push(b);
    else if (typeof a === 'string' && typeof b === 'string') merged.push(a === b ? a : `${a}\n${b}`);
    else merged.push(a ?? null);
  }
  return { row: prev.row, source: merged };
}

function cellText(v: CellValue): string {
  return v === null || v === undefined ? '' : v instanceof Date ? '' : String(v);
}

/** Per sheet column, the header's keys: every header row's text, or the header the match names. */
function headerKeysOf(rec: Recognition): ReadonlyMap<number, readonly string[]> {
  if (rec.headerKeys) return rec.headerKeys;
  return new Map(rec.matches.map((m) => [m.index, [headerKey(m.header)]] as const));
}

/**
 * The header printed again (a sheet set to repeat its header on every printed page, or the
 * header copied above each page's rows): most of its cells are the header's texts in the same
 * columns, wording as loose as recognition's ("(บาท)", line breaks, numbering), and the rest text.
 */
function isHeaderRepeat(row: readonly CellValue[], keys: ReadonlyMap<number, readonly string[]>): boolean {
  // Most rows hold a number or a date somewhere: decided before any header key is computed.
  for (const v of row) if (v !== null && v !== undefined && typeof v !== 'string') return false;
  let same = 0;
  let other = 0;
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (isEmptyCell(v)) continue;
    if (typeof v !== 'string') return false;
    const ks = keys.get(i);
    // Header texts are short: a paragraph is a record's text, not worth a key.
    if (ks && v.length <= 200 && ks.includes(headerKey(v))) same++;
    else other++;
  }
  return same >= 2 && other * 2 <= same;
}

/** The title rows printed again over a page's rows: every text of the row is one of the title's. */
function isTitleRepeat(row: readonly CellValue[], titleTexts: ReadonlySet<string>): boolean {
  if (titleTexts.size === 0) return false;
  let n = 0;
  for (const v of row) {
    if (isEmptyCell(v)) continue;
    if (typeof v !== 'string' || !titleTexts.has(v.trim())) return false;
    n++;
  }
  return n > 0;
}

function titleTextsOf(grid: SheetGrid, rec: Recognition): Set<string> {
  const texts = new Set<string>();
  const end = Math.min(rec.headerStartIndex ?? rec.headerIndex, rec.headerIndex);
  for (let r = 0; r < end; r++) for (const v of grid.rows[r] ?? []) if (typeof v === 'string' && !isEmptyCell(v)) texts.add(v.trim());
  return texts;
}

/** How far above a repeated header a one-line title may sit. */
const TITLE_ROWS_ABOVE = 3;

/** Words of a part's or a page's title; a record's lone text (an item with nothing else yet) has none. */
const PART_TITLE = /ไตรมาส|ตาราง|แบบ\s*สขร|รายงาน|ประจำปี|ปีงบประมาณ|ประจำเดือน|เดือน|หน้า(?:ที่)?\s*[0-9๐-๙]|\(ต่อ\)|^\s*ต่อ/;

/** One title text and nothing else: "ไตรมาสที่ ๒ (ม.ค. – มี.ค. ๒๕๖๗)", "(ต่อ)". */
function isTitleLine(row: readonly CellValue[]): boolean {
  let text = '';
  for (const v of row) {
    if (isEmptyCell(v)) continue;
    if (typeof v !== 'string' || text) return false;
    text = v;
  }
  return text !== '' && PART_TITLE.test(text);
}

const COLUMN_NUMBER = /^\(?([0-9]{1,3})\)?$/;

/** The row of column numbers many official layouts print under the header: (1) (2) (3) … */
function isColumnNumbers(row: readonly CellValue[]): boolean {
  let count = 0;
  let last = 0;
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (isEmptyCell(v)) continue;
    let n: number;
    if (typeof v === 'number') n = v;
    else if (typeof v === 'string') {
      const m = COLUMN_NUMBER.exec(toArabicDigits(v).trim());
      if (!m) return false;
      n = Number(m[1]);
    } else return false;
    if (count > 0 && n !== last + 1) return false;
    last = n;
    count++;
  }
  return count >= 3;
}

/** Spaces removed: "ไม่มีการจัดซื้อ จัดจ้าง" still says it. */
const squash = (s: string) => s.replace(/[\s\u200B]+/g, '');

export interface ExtractedRecords {
  readonly records: SheetRecord[];
  readonly statesNone: boolean;
  readonly emptyStatementRow?: number;
  /**
   * Rows holding only the agency columns (pre-filled by `new` or copied down, never completed):
   * not records, but published as half-empty rows. Excel row number → the sheet columns filled.
   */
  readonly prefilledOnly: ReadonlyMap<number, readonly number[]>;
}

export interface ExtractOptions {
  /** Stop before this 0-based grid row (a summary table under the list). */
  readonly endIndex?: number;
}

export function extractRecords(grid: SheetGrid, rec: Recognition, opts: ExtractOptions = {}): ExtractedRecords {
  const cols = rec.template.columns;
  const positions = cols.map((c) => rec.indexOf.get(c.key));
  // Per sheet column: 0 unmapped, 1 a field, 2 an agency column (pre-filled on empty rows of a new
  // sheet, so alone they do not make a record), 3 the ที่/ลำดับ column.
  const width = Math.max(0, ...positions.map((p) => (p ?? -1) + 1), (rec.seqIndex ?? -1) + 1);
  const kind = new Uint8Array(width);
  cols.forEach((c, i) => {
    const p = positions[i];
    if (p !== undefined) kind[p] = c.agency ? 2 : 1;
  });
  if (rec.seqIndex !== undefined) kind[rec.seqIndex] = 3;
  const firstRow = grid.firstRow ?? 1;
  const records: SheetRecord[] = [];
  const statement = rec.template.emptyStatement;
  let statesNone = false;
  let emptyStatementRow: number | undefined;

  // A statement of "nothing to report" may sit in the title too.
  const said = statement ? squash(statement) : '';
  const saidHead = said.slice(0, 4);
  // Cell by cell: the title joins cells, and two cells must not make the statement between them.
  for (let r = 0; r < rec.headerIndex && said && !statesNone; r++) {
    if ((grid.rows[r] ?? []).some((v) => typeof v === 'string' && squash(v).includes(said))) statesNone = true;
  }
  const prefilledOnly = new Map<number, number[]>();
  const end = Math.min(grid.rows.length, opts.endIndex ?? grid.rows.length);
  const keys = headerKeysOf(rec);
  const titleTexts = titleTextsOf(grid, rec);

  for (let r = rec.headerIndex + 1; r < end; r++) {
    const row = grid.rows[r];
    if (!row) continue;
    let filledMapped = 0;
    let filledFields = 0;
    let filledOther = 0;
    let stating = 0;
    let firstText = '';
    let statingAnywhere = false;
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (isEmptyCell(v)) continue;
      const k = i < width ? kind[i] : 0;
      // (The cheap test first: a 10,000-row sheet has 180,000 cells and almost none says it.)
      const states = said !== '' && typeof v === 'string' && v.includes(saidHead) && squash(v).includes(said);
      if (states) statingAnywhere = true;
      if (k === 3) continue;
      if (k === 0) filledOther++;
      else {
        filledMapped++;
        if (k === 1) filledFields++;
      }
      if (states && k !== 2) stating++;
      if (!firstText) firstText = cellText(v);
    }
    // "ไม่มีการจัดซื้อจัดจ้าง" in any cell (the ที่ column too) of a row that holds nothing else but
    // the agency columns (pre-filled by `new`) and at most one other mark ("-", a zero).
    if (statingAnywhere && filledFields + filledOther - stating <= 1) {
      statesNone = true;
      emptyStatementRow = firstRow + r;
      continue;
    }
    if (filledMapped === 0 && filledOther === 0) continue;
    if (filledMapped === 0) continue; // text outside the table's columns: a note
    if (filledFields === 0) {
      // Only the pre-filled agency columns.
      if (filledOther === 0) {
        const cells: number[] = [];
        for (let i = 0; i < Math.min(row.length, width); i++) if (kind[i] === 2 && !isEmptyCell(row[i])) cells.push(i);
        prefilledOnly.set(firstRow + r, cells);
      }
      continue;
    }
    if (filledMapped + filledOther >= 2 && (isHeaderRepeat(row, keys) || isColumnNumbers(row))) {
      // A one-cell line just above the header again is that page's (or that part's) title.
      while (records.length > 0) {
        const last = records[records.length - 1];
        if (firstRow + r - last.row > TITLE_ROWS_ABOVE || !isTitleLine(last.source)) break;
        records.pop();
      }
      continue;
    }
    if (filledMapped + filledOther <= 3 && isTitleRepeat(row, titleTexts)) continue;
    if (filledMapped + filledOther === 1 && NOTE_START.test(firstText)) continue;
    if (CONTINUATION.test(firstText) && records.length > 0) {
      records[records.length - 1] = mergeContinuation(records[records.length - 1], row);
      continue;
    }
    if (rec.template.groupHeadings && filledMapped === 1 && filledOther === 0 && GROUP_HEADING.test(firstText)) continue;
    // A totals line under the list ("รวม 12 รายการ | 1,234,000") is not a procurement.
    if (TOTAL_START.test(firstText) && filledMapped <= 4) continue;
    records.push({ row: firstRow + r, source: row });
  }
  return { records, statesNone, emptyStatementRow, prefilledOnly };
}
