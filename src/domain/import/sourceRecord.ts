/**
 * One procurement as a source gives it, before it becomes a template row: the e-GP CSV or
 * datastore JSON, a สขร.1 monthly sheet, or an o16/o17 sheet of another layout all read into this
 * shape, so filtering, mapping, de-duplication and the check are written once.
 */
import type { CellValue } from '../grid';

/**
 * The fields a source can give. Keys shared with the template (item, budget, …) carry the same
 * meaning; the others are what the importer needs for matching, filtering and status.
 */
export type SourceField =
  | 'item'
  | 'budget'
  | 'medianPrice'
  | 'agreedPrice'
  | 'taxId'
  | 'winner'
  | 'projectNumber'
  | 'signDate'
  | 'endDate'
  | 'method'
  | 'status'
  | 'budgetSource'
  /** e-GP ชื่อกลุ่มวิธีการจัดซื้อจัดจ้าง: narrows a method name that alone is ambiguous. */
  | 'methodGroup'
  /** e-GP ชื่อหน่วยงาน (or the sheet's ชื่อหน่วยงาน column). */
  | 'agencyName'
  /** e-GP ชื่อหน่วยงานย่อย. */
  | 'subAgencyName'
  | 'district'
  | 'province'
  | 'fiscalYear'
  /** เลขที่สัญญา: not a template column, but it tells contracts of one project apart. */
  | 'contractNumber'
  /** วงเงินในสัญญา: the agreed price of one contract when a project has several. */
  | 'contractAmount'
  /** e-GP วันที่ประกาศ: places a not-yet-signed project in the fiscal year. */
  | 'announceDate'
  | 'projectStatus'
  | 'contractStatus';

export type SourceKind = 'egp-csv' | 'egp-json' | 'monthly-sheet' | 'template-sheet';

/** Where a record came from, to name it in messages ("แถวที่ 125 ของ egp.csv"). */
export interface SourceOrigin {
  readonly kind: SourceKind;
  /** File name (or what the caller calls the source). */
  readonly source: string;
  /** Sheet name, for workbook sources. */
  readonly sheet?: string;
  /** Row number: the CSV record number counting the header as 1, the JSON record number, or the Excel row. */
  readonly row: number;
}

export type SourceValues = { readonly [K in SourceField]?: CellValue };

export interface SourceRecord {
  readonly origin: SourceOrigin;
  readonly values: SourceValues;
  /**
   * A date that places the record in a fiscal period when it has no signing date: the month a
   * สขร.1 sheet reports on.
   */
  readonly periodDate?: Date;
  /**
   * The source row could not be read as a record (e.g. its fields do not line up with the
   * header): the importer counts it as unreadable and lists it, never drops it silently.
   */
  readonly unreadable?: { readonly code: string; readonly th: string; readonly en: string };
}

/** "แถวที่ 125 ของ egp.csv", "แผ่นงาน ต.ค.66 แถว 7 ของ skr1.xlsx" */
export function describeOrigin(o: SourceOrigin): string {
  switch (o.kind) {
    case 'egp-csv':
      return `แถวที่ ${o.row} ของ ${o.source}`;
    case 'egp-json':
      return `รายการที่ ${o.row} ของ ${o.source}`;
    default:
      return `แผ่นงาน "${o.sheet ?? ''}" แถว ${o.row} ของ ${o.source}`;
  }
}

export function describeOriginEn(o: SourceOrigin): string {
  switch (o.kind) {
    case 'egp-csv':
      return `row ${o.row} of ${o.source}`;
    case 'egp-json':
      return `record ${o.row} of ${o.source}`;
    default:
      return `sheet "${o.sheet ?? ''}" row ${o.row} of ${o.source}`;
  }
}

/** The text of a value, trimmed; '' for blank. */
export function textOf(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v);
}

/**
 * A copy of a string that no longer points into the text it was cut from. Engines keep a
 * substring as a view of its parent: a kept CSV field would hold its whole chunk (256 KB) alive,
 * and the agency's rows, spread through a big export, would keep most of the file in memory.
 * Concatenating forces a fresh copy; slicing the added character off keeps only that copy.
 */
export function detached(s: string): string {
  return (' ' + s).slice(1);
}
