/**
 * e-GP open data → source records: the bulk CSV and the API variant (by their headers, through
 * the table in egpColumns.ts), as CSV rows or as the datastore's JSON.
 */
import type { CellValue } from '../grid';
import { EGP_COLUMNS, EGP_REQUIRED, egpHeaderKey } from './egpColumns';
import { ImportError } from './importError';
import { familiesNamedBy } from './method';
import type { SourceField, SourceKind, SourceRecord, SourceValues } from './sourceRecord';
import { textOf } from './sourceRecord';

type EgpVariant = 'bulk' | 'api' | 'mixed';

export interface EgpHeaderMap {
  readonly variant: EgpVariant;
  /** Field → 0-based column index. */
  readonly columns: ReadonlyMap<SourceField, number>;
  /** Groups of EGP_REQUIRED with no column at all. */
  readonly missing: readonly (readonly SourceField[])[];
}

interface HeaderEntry {
  readonly field: SourceField;
  /** Which export's name this is; 'shared' when both exports use it, or it is an alias. */
  readonly variant: 'bulk' | 'api' | 'shared';
}

const HEADER_INDEX: ReadonlyMap<string, HeaderEntry> = (() => {
  const m = new Map<string, HeaderEntry>();
  for (const c of EGP_COLUMNS) {
    const bulk = egpHeaderKey(c.bulk);
    const api = c.api ? egpHeaderKey(c.api) : bulk;
    // Names that differ only in spacing ("ราคากลาง (บาท)" / "ราคากลาง(บาท)") say nothing about the export.
    m.set(bulk, { field: c.field, variant: api === bulk ? 'shared' : 'bulk' });
    if (api !== bulk) m.set(api, { field: c.field, variant: 'api' });
    for (const a of c.aliases ?? []) if (!m.has(egpHeaderKey(a))) m.set(egpHeaderKey(a), { field: c.field, variant: 'shared' });
  }
  return m;
})();

/** Which column holds which field; the first column wins when a header repeats. */
export function mapEgpHeader(headers: readonly string[]): EgpHeaderMap {
  const columns = new Map<SourceField, number>();
  let bulk = 0;
  let api = 0;
  headers.forEach((h, i) => {
    const e = HEADER_INDEX.get(egpHeaderKey(h));
    if (!e || columns.has(e.field)) return;
    columns.set(e.field, i);
    if (e.variant === 'bulk') bulk++;
    else if (e.variant === 'api') api++;
  });
  const missing = EGP_REQUIRED.filter((group) => !group.some((f) => columns.has(f)));
  // Many columns are named alike in both exports; the ones that differ tell which export this is.
  const variant: EgpVariant = api > 0 && bulk > 0 ? 'mixed' : api > 0 ? 'api' : 'bulk';
  return { variant, columns, missing };
}

const HEADER_SEARCH_ROWS = 5;
/**
 * Rows whose fields do not line up with the header are listed as unreadable; past this many the
 * file is broken (a stray delimiter or line break everywhere, another delimiter) and is refused.
 */
const RAGGED_LIMIT = 20;

function notEgp(source: string, map: EgpHeaderMap | undefined): ImportError {
  const wanted = (map?.missing ?? EGP_REQUIRED).map((g) => g.map(headerOf).join(' หรือ ')).join(', ');
  return new ImportError(
    'not-egp',
    `${source}: ไม่พบหัวคอลัมน์ของข้อมูล e-GP (ต้องมี ${wanted})`,
    `${source}: not an e-GP export (no columns for ${(map?.missing ?? EGP_REQUIRED).map((g) => g.join('/')).join(', ')})`,
  );
}

function headerOf(field: SourceField): string {
  return EGP_COLUMNS.find((c) => c.field === field)?.bulk ?? field;
}

/** Column index of every field (-1: the file has no such column), in one fixed order. */
interface FieldIndex {
  readonly [k: string]: number;
}

function at(row: readonly CellValue[], i: number): CellValue | undefined {
  if (i < 0) return undefined;
  const v = row[i];
  return v === '' || v === null ? undefined : v;
}

/**
 * Builds records from rows. Every record gets the same object shape (all fields, undefined when
 * absent): the engine then creates 100,000 of them as cheaply as one.
 */
function recordMaker(map: EgpHeaderMap, kind: SourceKind, source: string): (row: readonly CellValue[], rowNumber: number) => SourceRecord {
  const ix: FieldIndex = Object.fromEntries(ALL_FIELDS.map((f) => [f, map.columns.get(f) ?? -1]));
  return (row, rowNumber) => ({
    origin: { kind, source, row: rowNumber },
    values: {
      item: at(row, ix.item), budget: at(row, ix.budget), medianPrice: at(row, ix.medianPrice), agreedPrice: at(row, ix.agreedPrice),
      taxId: at(row, ix.taxId), winner: at(row, ix.winner), projectNumber: at(row, ix.projectNumber), signDate: at(row, ix.signDate),
      endDate: at(row, ix.endDate), method: at(row, ix.method), status: at(row, ix.status), budgetSource: at(row, ix.budgetSource),
      methodGroup: at(row, ix.methodGroup), agencyName: at(row, ix.agencyName), subAgencyName: at(row, ix.subAgencyName),
      district: at(row, ix.district), province: at(row, ix.province), fiscalYear: at(row, ix.fiscalYear),
      contractNumber: at(row, ix.contractNumber), contractAmount: at(row, ix.contractAmount), announceDate: at(row, ix.announceDate),
      projectStatus: at(row, ix.projectStatus), contractStatus: at(row, ix.contractStatus),
    },
  });
}

const ALL_FIELDS: readonly SourceField[] = [
  'item', 'budget', 'medianPrice', 'agreedPrice', 'taxId', 'winner', 'projectNumber', 'signDate', 'endDate', 'method', 'status',
  'budgetSource', 'methodGroup', 'agencyName', 'subAgencyName', 'district', 'province', 'fiscalYear', 'contractNumber',
  'contractAmount', 'announceDate', 'projectStatus', 'contractStatus',
];

export interface EgpRead {
  /** Set once the header row is read. */
  header?: EgpHeaderMap;
  /** The file has the method under the group column and the group under the method column. */
  methodsSwapped?: boolean;
}

// A group text names a family of methods, often all of them at once; a method name does not.
const GROUP_WORD = 'วิธีการจัดหา';

function looksLikeGroup(v: CellValue | undefined): boolean {
  const t = textOf(v);
  return t !== '' && (t.includes(GROUP_WORD) || familiesNamedBy(t).length >= 2);
}

/** What one record says about the file's method columns, if anything. */
function orientationOf(r: SourceRecord): 'normal' | 'swapped' | undefined {
  const m = looksLikeGroup(r.values.method);
  const g = looksLikeGroup(r.values.methodGroup);
  if (m === g) return undefined;
  return m ? 'swapped' : 'normal';
}

function swapMethods(r: SourceRecord): SourceRecord {
  return { ...r, values: { ...r.values, method: r.values.methodGroup, methodGroup: r.values.method } };
}

/** How many records may be held back while looking for the first that tells the orientation. */
const ORIENTATION_LOOKAHEAD = 200;

function orientAll(records: SourceRecord[]): { records: SourceRecord[]; swapped: boolean } {
  let swapped = false;
  for (const r of records) {
    const o = orientationOf(r);
    if (o !== undefined) {
      swapped = o === 'swapped';
      break;
    }
  }
  return { records: swapped ? records.map(swapMethods) : records, swapped };
}

/**
 * Reads an e-GP CSV row by row: finds the header (the first of the top rows that has the needed
 * columns), makes records, and puts the method columns the right way round.
 *
 * The datastore files the method under "กลุ่มวิธีจัดซื้อฯ" and the group under "วิธีจัดซื้อฯ" (the
 * bulk CSV labels them right). Which way a file is shows in its rows: the first record whose one
 * column holds a group text decides for the whole file, so a single-family group such as
 * "วิธีคัดเลือก" in a later row is not mistaken for the method. Records before it are held back.
 */
export class EgpCsvReader {
  private make: ((row: readonly CellValue[], n: number) => SourceRecord) | undefined;
  private best: EgpHeaderMap | undefined;
  private n = 0;
  private swapped: boolean | undefined;
  private readonly held: SourceRecord[] = [];
  private width = 0;
  private ragged = 0;
  private firstRagged = 0;

  constructor(
    private readonly source: string,
    readonly info: EgpRead = {},
  ) {}

  /** Reads rows; finished records are appended to `out`. Throws ImportError when the top rows hold no e-GP header. */
  push(rows: readonly (readonly string[])[], out: SourceRecord[]): void {
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k];
      this.n++;
      if (!this.make) {
        this.readHeader(row);
        continue;
      }
      const rec = this.fits(row) ? this.make(row, this.n) : this.raggedRecord(row);
      if (this.swapped === undefined) this.orient(rec, out);
      else out.push(this.swapped ? swapMethods(rec) : rec);
    }
  }

  /** The header is read: rows are records from now on. */
  get ready(): boolean {
    return this.make !== undefined;
  }

  /** The header's number of fields (0 before it is read). */
  get fields(): number {
    return this.width;
  }

  /** The method columns' orientation is not told yet: every record still counts (see orient). */
  get orienting(): boolean {
    return this.swapped === undefined;
  }

  /**
   * A row that lines up with the header and that a reader of bytes found to be another agency's
   * (csvBytes.ts): it is numbered and counted like any record, with only the values given — its
   * agency names, for the filter to tally, and its method columns while they tell the orientation.
   */
  pushOther(values: SourceValues, out: SourceRecord[]): void {
    this.n++;
    const rec: SourceRecord = { origin: { kind: 'egp-csv', source: this.source, row: this.n }, values };
    if (this.swapped === undefined) this.orient(rec, out);
    else out.push(rec);
  }

  /** Ends the input: records still held back are appended as they are. */
  end(out: SourceRecord[]): void {
    if (!this.make) throw notEgp(this.source, this.best);
    for (const h of this.held) out.push(h);
    this.held.length = 0;
  }

  /** The row has the header's fields: trailing empty ones may be missing or extra, nothing else. */
  private fits(row: readonly string[]): boolean {
    if (row.length === this.width) return true;
    if (row.length > this.width) {
      for (let i = this.width; i < row.length; i++) if (row[i].trim() !== '') return false;
      return true;
    }
    return false;
  }

  private raggedRecord(row: readonly string[]): SourceRecord {
    this.ragged++;
    if (this.ragged === 1) this.firstRagged = this.n;
    if (this.ragged > RAGGED_LIMIT) {
      throw new ImportError(
        'csv-ragged',
        `${this.source}: มีแถวที่จำนวนช่องไม่ตรงกับหัวคอลัมน์ (${this.width} ช่อง) เกิน ${RAGGED_LIMIT} แถว เริ่มที่แถวที่ ${this.firstRagged}: ไฟล์น่าจะเสียหาย หรือมีตัวคั่น/การขึ้นบรรทัดที่ไม่อยู่ในเครื่องหมายคำพูด`,
        `${this.source}: more than ${RAGGED_LIMIT} rows do not have the header's ${this.width} fields, the first at row ${this.firstRagged}: the file is damaged (stray delimiters or line breaks)`,
      );
    }
    return {
      origin: { kind: 'egp-csv', source: this.source, row: this.n },
      values: {},
      unreadable: {
        code: 'source-row-ragged',
        th: `มี ${row.length} ช่อง แต่หัวคอลัมน์มี ${this.width} ช่อง ข้อมูลจึงไม่ตรงคอลัมน์ (ตัวคั่นหรือการขึ้นบรรทัดเกินมา)`,
        en: `has ${row.length} fields where the header has ${this.width}: its values do not line up (a stray delimiter or line break)`,
      },
    };
  }

  private readHeader(row: readonly string[]): void {
    const map = mapEgpHeader(row);
    if (map.missing.length === 0) {
      this.info.header = map;
      // Trailing empty header cells (a trailing delimiter) are no columns.
      let w = row.length;
      while (w > 0 && row[w - 1].trim() === '') w--;
      this.width = w;
      this.make = recordMaker(map, 'egp-csv', this.source);
      return;
    }
    if (!this.best || map.columns.size > this.best.columns.size) this.best = map;
    if (this.n >= HEADER_SEARCH_ROWS) throw notEgp(this.source, this.best);
  }

  private orient(rec: SourceRecord, out: SourceRecord[]): void {
    const o = orientationOf(rec);
    if (o === undefined && this.held.length < ORIENTATION_LOOKAHEAD) {
      this.held.push(rec);
      return;
    }
    const swapped = o === 'swapped';
    this.swapped = swapped;
    this.info.methodsSwapped = swapped;
    for (const h of this.held) out.push(swapped ? swapMethods(h) : h);
    this.held.length = 0;
    out.push(swapped ? swapMethods(rec) : rec);
  }
}

/** Records of an e-GP CSV, one batch per batch of rows (a streamed file: one per chunk read). */
export async function* egpCsvRecordBatches(batches: AsyncIterable<readonly (readonly string[])[]>, source: string, info: EgpRead = {}): AsyncGenerator<SourceRecord[]> {
  const reader = new EgpCsvReader(source, info);
  for await (const rows of batches) {
    const out: SourceRecord[] = [];
    reader.push(rows, out);
    if (out.length) yield out;
  }
  const out: SourceRecord[] = [];
  reader.end(out);
  if (out.length) yield out;
}

/** Records of an e-GP CSV, one by one. `info` tells the header found and the method orientation. */
export async function* egpCsvRecords(rows: AsyncIterable<string[]>, source: string, info: EgpRead = {}): AsyncGenerator<SourceRecord> {
  const reader = new EgpCsvReader(source, info);
  const out: SourceRecord[] = [];
  for await (const row of rows) {
    reader.push([row], out);
    for (const r of out) yield r;
    out.length = 0;
  }
  reader.end(out);
  for (const r of out) yield r;
}

function isRecordArray(v: unknown): v is Record<string, unknown>[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'object' && x !== null && !Array.isArray(x));
}

/** Finds the records in the shapes the datastore and its copies use. */
function findRecords(doc: unknown): Record<string, unknown>[] | undefined {
  if (isRecordArray(doc)) return doc;
  if (typeof doc !== 'object' || doc === null) return undefined;
  const o = doc as Record<string, unknown>;
  const result = o.result;
  if (typeof result === 'object' && result !== null && isRecordArray((result as Record<string, unknown>).records)) {
    return (result as { records: Record<string, unknown>[] }).records;
  }
  if (isRecordArray(o.records)) return o.records;
  return undefined;
}

function cell(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

/**
 * Records of the e-GP datastore JSON (`{result: {records: [...]}}`, `{records: [...]}` or a bare
 * array), keyed with either export's names. Throws ImportError when it is not that.
 */
export function egpJsonRecords(text: string, source: string): { records: SourceRecord[]; header: EgpHeaderMap; methodsSwapped: boolean } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ImportError('json-invalid', `${source}: ไม่ใช่ไฟล์ JSON ที่ถูกต้อง (${(e as Error).message})`, `${source}: not valid JSON (${(e as Error).message})`);
  }
  const recs = findRecords(doc);
  if (!recs) {
    throw new ImportError('json-shape', `${source}: ไม่พบรายการข้อมูล (ต้องเป็น {"result": {"records": [...]}} ตามที่ data.go.th ให้มา)`, `${source}: no records found (expected {"result": {"records": [...]}})`);
  }
  // The keys of all records, in first-seen order, stand for the header row.
  const keys: string[] = [];
  const keyIndex = new Map<string, number>();
  for (const r of recs) {
    for (const k of Object.keys(r)) {
      if (!keyIndex.has(k)) {
        keyIndex.set(k, keys.length);
        keys.push(k);
      }
    }
  }
  const header = mapEgpHeader(keys);
  if (recs.length > 0 && header.missing.length > 0) throw notEgp(source, header);
  const make = recordMaker(header, 'egp-json', source);
  const oriented = orientAll(recs.map((r, i) => make(keys.map((k) => cell(r[k])), i + 1)));
  return { records: oriented.records, header, methodsSwapped: oriented.swapped };
}
