/**
 * Finds which template a sheet holds by its headers, wherever the header row is, and maps each
 * field to its actual column. Tolerant of what real files do: title rows above, a leading
 * ที่/ลำดับ column, line breaks and stray spaces in headers, "(บาท)" present or not, numbered
 * headers "(1) ...", and the variant wordings kept as aliases in the catalogue.
 */
import type { CellValue, SheetGrid } from './grid';
import { catalogue as defaultCatalogue, editionTemplate, type TemplateChoice } from './templates';
import type { Catalogue, ColumnDef, EditionDef, TemplateDef } from './templates/types';
import { toArabicDigits } from './values/thaiDigits';
import { stripInvisible } from './values/invisible';
import { parseFiscalYear } from './values/thaiDate';

/** How many rows from the top may hold titles, notes and logos before the header row. */
const HEADER_SEARCH_ROWS = 100;

interface ColumnMatch {
  readonly column: ColumnDef;
  /** 0-based column index in the sheet. */
  readonly index: number;
  /** The header text as the sheet has it. */
  readonly header: string;
  /** The editions whose own wording this header is (a catalogue file's); absent: every edition's. */
  readonly editions?: readonly string[];
}

export interface Recognition extends TemplateChoice {
  /** 0-based index into grid.rows of the header row. */
  readonly headerIndex: number;
  /** Excel row number of the header row. */
  readonly headerRow: number;
  readonly matches: readonly ColumnMatch[];
  /** field key → 0-based column index */
  readonly indexOf: ReadonlyMap<string, number>;
  readonly missing: readonly ColumnDef[];
  /** The ที่/ลำดับ column, if any. */
  readonly seqIndex?: number;
  /** Text of the rows above the header (titles), joined. */
  readonly title: string;
  /**
   * 0-based index of the header's first row: below headerIndex when the header takes several rows
   * (a group header "ราคา" over "ราคากลาง | ราคาที่ตกลง", cells merged down across both rows).
   */
  readonly headerStartIndex?: number;
  /** Per sheet column, the header keys (headerKey) of every header row: to know a repeated header. */
  readonly headerKeys?: ReadonlyMap<number, readonly string[]>;
}

export interface RecognizeHints {
  /** Template id stored by ita-forms in the workbook for this sheet. */
  readonly templateId?: string;
  readonly edition?: string;
}

const SEQ_HEADERS = new Set(['ที่', 'ลำดับ', 'ลำดับที่', 'no', 'no.']);
const LEADING_NUMBER = /^\(?[0-9]{1,2}[).]\s*/;
const BAHT = /\(?บาท\)?/g;
const NON_KEY = /[\s()（）*:："'“”]/g;

/** The comparison key of a header: digits, spaces, line breaks, "(บาท)" and numbering removed. */
export function headerKey(text: string): string {
  // Invisible characters pasted with a header (U+200B, soft hyphen…) do not make another header.
  let s = toArabicDigits(stripInvisible(text)).trim().toLowerCase();
  s = s.replace(LEADING_NUMBER, '');
  s = s.replace(BAHT, '');
  return s.replace(NON_KEY, '').replace(/[–—]/g, '-');
}

function cellString(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return '';
  return String(v);
}

interface HeaderIndexEntry {
  readonly template: TemplateDef;
  readonly column: ColumnDef;
  /** Only these editions word the header so (EditionDef.wording); absent: every edition. */
  editions?: string[];
}

type HeaderIndex = Map<string, HeaderIndexEntry[]>;

/** Every template column under the keys of its header and aliases (`keyOf` null: not indexed). */
function buildIndex(cat: Catalogue, keyOf: (text: string, column: ColumnDef) => string | null): HeaderIndex {
  const idx: HeaderIndex = new Map();
  const add = (template: TemplateDef, column: ColumnDef, text: string, edition?: string) => {
    const key = keyOf(text, column);
    if (key === null) return;
    const list = idx.get(key) ?? [];
    const known = list.find((e) => e.template === template && e.column === column);
    if (!known) list.push(edition === undefined ? { template, column } : { template, column, editions: [edition] });
    else if (known.editions && edition === undefined) delete known.editions;
    else if (known.editions && edition !== undefined && !known.editions.includes(edition)) known.editions.push(edition);
    idx.set(key, list);
  };
  for (const template of cat.templates) {
    for (const column of template.columns) {
      for (const text of [column.header, ...(column.aliases ?? [])]) add(template, column, text);
    }
    // An edition's own wording (a catalogue file's ITA 2570 header) names that edition only.
    for (const edition of template.editions) {
      for (const [key, w] of Object.entries(edition.wording ?? {})) {
        const column = template.columns.find((c) => c.key === key);
        if (!column) continue;
        for (const text of [...(w.header === undefined ? [] : [w.header]), ...(w.aliases ?? [])]) add(template, column, text, edition.edition);
      }
    }
  }
  return idx;
}

function cached(cache: WeakMap<Catalogue, HeaderIndex>, cat: Catalogue, build: () => HeaderIndex): HeaderIndex {
  let idx = cache.get(cat);
  if (!idx) cache.set(cat, (idx = build()));
  return idx;
}

const indexCache = new WeakMap<Catalogue, HeaderIndex>();

function headerIndex(cat: Catalogue): HeaderIndex {
  return cached(indexCache, cat, () => buildIndex(cat, (text) => headerKey(text)));
}

/** "ผลคะแนน ปี ๒๕๖๒" → stem "ผลคะแนน", year 2562. */
const YEAR_TAIL = /^(.+?)(?:ปี)?(?:พศ)?(25[0-9]{2})$/;
const RELATIVE_YEAR_TAIL = /(?:ปีนี้|ปีที่แล้ว|ปีก่อน|ปีปัจจุบัน)$/;

const yearIndexCache = new WeakMap<Catalogue, HeaderIndex>();

/** Stems of the headers that may carry a year instead of "this year"/"last year". */
function yearHeaderIndex(cat: Catalogue): HeaderIndex {
  return cached(yearIndexCache, cat, () =>
    buildIndex(cat, (text, column) => (column.yearHeader ? headerKey(text).replace(RELATIVE_YEAR_TAIL, '') : null)));
}

interface Candidate {
  readonly template: TemplateDef;
  readonly rowIndex: number;
  readonly matches: ColumnMatch[];
  readonly seqIndex?: number;
  /** First header row (rowIndex unless the header takes several rows). */
  readonly top: number;
}

/** Header rows hold text: a row with a number or a date is data (or a row of column numbers). */
function onlyText(row: readonly CellValue[] | undefined): boolean {
  if (!row) return false;
  for (const v of row) if (v !== null && v !== undefined && typeof v !== 'string') return false;
  return true;
}

/** How many rows a header may take (a group row over sub-headers, sometimes two). */
const MAX_HEADER_ROWS = 3;

/**
 * Rows top..bottom read as one header row: per column the lowest text (the sub-header under a
 * group header, or the text of a cell merged down), or the texts joined ("ราคา" + "ราคากลาง")
 * when only the joined wording is a known header. A merged cell's text may be in its first cell
 * only or repeated in every cell, depending on the reader; both read the same here.
 */
function stackRows(rows: readonly (readonly CellValue[] | undefined)[], top: number, bottom: number, idx: HeaderIndex): CellValue[] {
  const width = Math.max(0, ...rows.slice(top, bottom + 1).map((r) => r?.length ?? 0));
  const text = (r: number, c: number) => cellString(rows[r]?.[c] ?? null).trim();
  // A group header merged across columns sits in its first cell: the cells to its right that
  // are empty over a sub-header belong to it too.
  const group: string[][] = [];
  for (let r = top; r < bottom; r++) {
    const line: string[] = [];
    for (let c = 0; c < width; c++) {
      const own = text(r, c);
      const under = own ? '' : text(r + 1, c);
      line.push(own || (c > 0 && under && text(r + 1, c - 1) ? line[c - 1] : ''));
    }
    group.push(line);
  }
  const out: CellValue[] = new Array<CellValue>(width).fill(null);
  for (let c = 0; c < width; c++) {
    const texts: string[] = [];
    for (let r = top; r <= bottom; r++) {
      const t = r < bottom ? group[r - top][c] : text(r, c);
      if (t && texts[texts.length - 1] !== t) texts.push(t);
    }
    if (texts.length === 0) continue;
    const lowest = text(bottom, c) || texts[texts.length - 1];
    const joined = texts.join(' ');
    out[c] = texts.length > 1 && !idx.has(headerKey(lowest)) && idx.has(headerKey(joined)) ? joined : lowest;
  }
  return out;
}

function matchRow(row: readonly CellValue[], rowIndex: number, cat: Catalogue): Candidate[] {
  const idx = headerIndex(cat);
  const byTemplate = new Map<TemplateDef, { matches: ColumnMatch[]; used: Set<string> }>();
  const yearHeaders = new Map<TemplateDef, { year: number; index: number; header: string }[]>();
  let seqIndex: number | undefined;
  row.forEach((cell, i) => {
    const text = cellString(cell);
    if (!text.trim()) return;
    const key = headerKey(text);
    if (SEQ_HEADERS.has(key) && seqIndex === undefined) {
      seqIndex = i;
      return;
    }
    const entries = idx.get(key);
    if (!entries) {
      const y = YEAR_TAIL.exec(key);
      const templates = new Set(((y && yearHeaderIndex(cat).get(y[1])) || []).map((e) => e.template));
      for (const template of templates) {
        const list = yearHeaders.get(template) ?? [];
        list.push({ year: Number(y?.[2]), index: i, header: normalizeHeaderText(text) });
        yearHeaders.set(template, list);
      }
      return;
    }
    for (const { template, column, editions } of entries) {
      const t = byTemplate.get(template) ?? { matches: [], used: new Set<string>() };
      // First column wins when a header repeats; the second is left unmapped.
      if (!t.used.has(column.key)) {
        t.used.add(column.key);
        t.matches.push({ column, index: i, header: normalizeHeaderText(text), ...(editions ? { editions: [...editions] } : {}) });
      }
      byTemplate.set(template, t);
    }
  });
  // Year headers: the later year is this year's column, an earlier one last year's.
  for (const [template, list] of yearHeaders) {
    const t = byTemplate.get(template) ?? { matches: [], used: new Set<string>() };
    const sorted = [...list].sort((a, b) => b.year - a.year);
    const roles: ('current' | 'previous')[] = ['current', 'previous'];
    sorted.slice(0, 2).forEach((h, n) => {
      const column = template.columns.find((c) => c.yearHeader === roles[n]);
      if (!column || t.used.has(column.key)) return;
      t.used.add(column.key);
      t.matches.push({ column, index: h.index, header: h.header });
    });
    byTemplate.set(template, t);
  }
  return [...byTemplate.entries()].map(([template, t]) => ({ template, rowIndex, matches: t.matches, seqIndex, top: rowIndex }));
}

function normalizeHeaderText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function isAcceptable(c: Candidate): boolean {
  // Agency columns and derived columns (computed by ita-forms) are not what identifies a sheet.
  const counts = (col: ColumnDef) => !col.agency && !col.derived;
  const fieldCols = c.template.columns.filter(counts).length;
  const fieldMatches = c.matches.filter((m) => counts(m.column)).length;
  return fieldMatches >= Math.min(3, fieldCols) && fieldMatches * 2 >= fieldCols;
}

function hintScore(template: TemplateDef, haystack: string): number {
  const h = haystack.toLowerCase();
  return template.titleHints.reduce((n, hint) => (h.includes(hint.toLowerCase()) ? n + 1 : n), 0);
}

/**
 * Picks the edition: an explicit one, else the one the fiscal year on the sheet points to, else
 * the catalogue default (or the template's first edition when it has no default edition).
 */
function chooseEdition(template: TemplateDef, grid: SheetGrid, rec: Candidate, cat: Catalogue, hint: string | undefined, title: string): EditionDef | undefined {
  if (hint) return template.editions.find((x) => x.edition === hint);
  // A header only some editions word so (a catalogue file's ITA 2570 wording) names one of them.
  let allowed: Set<string> | undefined;
  for (const m of rec.matches) {
    if (!m.editions) continue;
    allowed = new Set(allowed ? m.editions.filter((e) => allowed!.has(e)) : m.editions);
  }
  const editions = allowed ? template.editions.filter((x) => allowed!.has(x.edition)) : template.editions;
  if (editions.length === 0) return undefined;
  const find = (e: string | undefined) => (e ? editions.find((x) => x.edition === e) : undefined);
  const fyMatch = rec.matches.find((m) => m.column.type === 'fiscalYear');
  if (fyMatch) {
    for (let r = rec.rowIndex + 1; r < Math.min(grid.rows.length, rec.rowIndex + 6); r++) {
      const v = grid.rows[r]?.[fyMatch.index];
      if (v === null || v === undefined || v === '') continue;
      const fy = parseFiscalYear(v);
      if (fy.ok) {
        const assessed = template.fiscalYearColumn === 'data' ? fy.value + 1 : fy.value;
        const e = find(String(assessed));
        if (e) return e;
      }
      break;
    }
  }
  // An item catalogue that fits the rows better than the default edition's names the year.
  if (template.editions.some((e) => e.catalogue)) {
    const scored = editions.map((e) => ({ e, n: catalogueScore(e, grid, rec) }));
    const best = scored.reduce((a, b) => (b.n > a.n ? b : a));
    if (best.n > 0) return best.e;
  }
  // The year in the title ("ประจำปีงบประมาณ พ.ศ. ๒๕๖๖") picks that edition where there is one.
  const fy = titleFiscalYear(title);
  if (fy !== undefined) {
    const e = find(String(template.fiscalYearColumn === 'data' ? fy + 1 : fy));
    if (e) return e;
  }
  return find(cat.defaultEdition) ?? (allowed ? [...editions].sort((a, b) => Number(b.edition) - Number(a.edition))[0] : editions[0]);
}

/**
 * "o 1", "O1", "๑", "ข้อ o1", "๐๑" (the letter o printed as a Thai zero, as seed 000 does) and
 * "๐๑ โครงสร้าง" all name item o1.
 */
export function itemKey(v: string): string {
  const k = toArabicDigits(v).toLowerCase().replace(/^ข้อ\s*/, '').replace(/[\s.]/g, '');
  // The item's name may follow its number in the same cell ("๐๑ โครงสร้าง", as seed 000 writes it).
  const m = /^[o0]?0*([0-9]+)(?![0-9])/.exec(k);
  return m ? `o${Number(m[1])}` : k;
}

/** Rows whose item number and name are those of the edition's catalogue (an OIT checklist's year). */
function catalogueScore(edition: EditionDef, grid: SheetGrid, rec: Candidate): number {
  const cat = edition.catalogue;
  const noIdx = cat && rec.matches.find((m) => m.column.key === cat.field)?.index;
  if (!cat || noIdx === undefined) return 0;
  const nameIdx = rec.matches.find((m) => m.column.key === 'name')?.index;
  const squash = (s: string) => s.replace(/\s+/g, '');
  const items = new Map(cat.items.map((i) => [itemKey(i.value), squash(i.label)] as const));
  let n = 0;
  for (let r = rec.rowIndex + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    const label = items.get(itemKey(cellString(row?.[noIdx] ?? null)));
    if (label === undefined) continue;
    const name = nameIdx === undefined ? '' : squash(cellString(row?.[nameIdx] ?? null));
    if (nameIdx === undefined || (name && (name.includes(label) || label.includes(name)))) n++;
  }
  return n;
}

const TITLE_FY = /(?:ปีงบประมาณ|ประจำปี)\s*(?:พ\.?\s*ศ\.?)?\s*([0-9๐-๙]{4})/;

/** "ประจำปีงบประมาณ พ.ศ. ๒๕๖๗", "ประจำปี ๒๕๖๗" in the title rows. */
export function titleFiscalYear(title: string): number | undefined {
  const m = TITLE_FY.exec(title);
  if (!m) return undefined;
  const p = parseFiscalYear(m[1]);
  return p.ok ? p.value : undefined;
}

/** Recognises the sheet's template, or returns undefined when no template's headers are there. */
export function recognize(grid: SheetGrid, hints: RecognizeHints = {}, cat: Catalogue = defaultCatalogue): Recognition | undefined {
  const limit = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  const candidates: Candidate[] = [];
  for (let r = 0; r < limit; r++) {
    const row = grid.rows[r];
    if (!row) continue;
    for (const c of matchRow(row, r, cat)) if (isAcceptable(c)) candidates.push(c);
  }
  // Headers over several rows, after the single rows: on equal scores one row is the simpler reading.
  const idx = headerIndex(cat);
  for (let r = 1; r < limit; r++) {
    if (!onlyText(grid.rows[r])) continue;
    for (let top = r - 1; top >= Math.max(0, r - MAX_HEADER_ROWS + 1); top--) {
      if (!onlyText(grid.rows[top])) break;
      for (const c of matchRow(stackRows(grid.rows, top, r, idx), r, cat)) if (isAcceptable(c)) candidates.push({ ...c, top });
    }
  }
  if (candidates.length === 0) return undefined;

  const titleOf = (c: Candidate) =>
    grid.rows
      .slice(0, c.top)
      .map((row) => row.map(cellString).filter((s) => s.trim()).join(' '))
      .filter(Boolean)
      .join(' ');
  const score = (c: Candidate) => {
    const marker = hints.templateId === c.template.id ? 1000 : 0;
    return marker + c.matches.length * 10 + hintScore(c.template, `${grid.name} ${titleOf(c)}`);
  };
  // Stable: equal scores keep catalogue order (progress before annual).
  const best = withGroupRows(grid, candidates.reduce((a, b) => (score(b) > score(a) ? b : a)), cat);
  const edition = chooseEdition(best.template, grid, best, cat, hints.edition, titleOf(best));
  if (!edition) return undefined;
  // The template as this edition words it; a header only another edition words so is no match.
  const template = editionTemplate(best.template, edition);
  const matches = best.matches
    .filter((m) => !m.editions || m.editions.includes(edition.edition))
    .map(({ editions: _, ...m }) => ({ ...m, column: template.columns.find((c) => c.key === m.column.key) ?? m.column }));

  const indexOf = new Map<string, number>();
  for (const m of matches) indexOf.set(m.column.key, m.index);
  const missing = template.columns.filter((c) => !indexOf.has(c.key));
  const firstRow = grid.firstRow ?? 1;
  return {
    template,
    edition,
    headerIndex: best.rowIndex,
    headerRow: firstRow + best.rowIndex,
    matches: matches.sort((a, b) => a.index - b.index),
    indexOf,
    missing,
    seqIndex: best.seqIndex,
    title: titleOf(best),
    headerStartIndex: best.top,
    headerKeys: headerKeysOf(grid, best),
  };
}

/**
 * A header read from its last row alone (a reader that repeats a merged cell's text in every cell
 * of the merge makes the last row complete) still starts at the group row above it: a row just
 * above whose header texts of the same template repeat in the cells under them (cells merged down
 * across both rows) belongs to the header, not to the title.
 */
function withGroupRows(grid: SheetGrid, best: Candidate, cat: Catalogue): Candidate {
  let top = best.top;
  while (top > 0 && best.rowIndex - top < MAX_HEADER_ROWS - 1) {
    const above = grid.rows[top - 1];
    if (!onlyText(above)) break;
    const same = matchRow(above, top - 1, cat).find((c) => c.template === best.template);
    const below = grid.rows[top];
    const mergedDown = (i: number) => cellString(above[i]).trim() === cellString(below?.[i] ?? null).trim();
    const n = (same?.matches.filter((m) => mergedDown(m.index)).length ?? 0) + (same?.seqIndex !== undefined && mergedDown(same.seqIndex) ? 1 : 0);
    if (n < 2) break;
    top--;
  }
  return top === best.top ? best : { ...best, top };
}

function headerKeysOf(grid: SheetGrid, best: Candidate): Map<number, string[]> {
  const keys = new Map<number, string[]>();
  for (let r = best.top; r <= best.rowIndex; r++) {
    grid.rows[r]?.forEach((v, c) => {
      const text = cellString(v);
      if (!text.trim()) return;
      const list = keys.get(c) ?? [];
      const key = headerKey(text);
      if (!list.includes(key)) list.push(key);
      keys.set(c, list);
    });
  }
  return keys;
}

/**
 * The templates whose header is at row `r` (alone, or with the row under it as a two-row header),
 * with the columns it takes: to find a second table on a sheet.
 */
export function headersAt(rows: readonly (readonly CellValue[] | undefined)[], r: number, cat: Catalogue = defaultCatalogue): { template: TemplateDef; columns: number[]; bottom: number }[] {
  const row = rows[r];
  if (!row) return [];
  const found = (cs: Candidate[], bottom: number) =>
    cs.filter(isAcceptable).map((c) => ({ template: c.template, columns: [...c.matches.map((m) => m.index), ...(c.seqIndex === undefined ? [] : [c.seqIndex])], bottom }));
  const single = found(matchRow(row, r, cat), r);
  if (single.length || r + 1 >= rows.length) return single;
  return found(matchRow(stackRows(rows, r, r + 1, headerIndex(cat)), r + 1, cat), r + 1);
}
