/**
 * The template catalogue's shape. A template is data: its columns, their Thai headers exactly as
 * the official files write them, the aliases seen in real files, types and options; plus the
 * named rules that apply to it and, per ITA edition, the item number and the date window.
 */
import type { OptionList } from '../values/options';
import type { ResultScheme } from './itaIndicators';

type FieldType =
  | 'text'
  | 'longText'
  | 'money'
  | 'date'
  | 'period'
  | 'taxId'
  | 'projectNumber'
  | 'option'
  | 'fiscalYear'
  | 'integer'
  | 'score'
  | 'url';

/** The agency profile keys (also the JSON keys of `--agency` files). */
type AgencyKey = 'fiscalYear' | 'agencyType' | 'ministry' | 'name' | 'district' | 'province';

/**
 * When a field is required: always, or only once a contract exists (status neither
 * "not yet signed" nor "cancelled").
 */
type Requirement = 'always' | 'whenContracted' | 'optional';

export interface ColumnDef {
  /** Stable field key used in code, JSON reports and forms. */
  readonly key: string;
  /** The header exactly as the official file writes it. */
  readonly header: string;
  /** Other wordings seen in real files (compared after normalisation). */
  readonly aliases?: readonly string[];
  readonly type: FieldType;
  readonly required: Requirement;
  /** Option list id (type `option`). */
  readonly options?: string;
  /** Unknown option: an error (status, method) or only a warning (budget source). */
  readonly unknownOption?: 'error' | 'warning';
  /** Filled from the agency profile, the same on every row. */
  readonly agency?: AgencyKey;
  /** Column width in Excel character units. */
  readonly width: number;
  /** Excel number format. */
  readonly numFmt?: string;
  /** A short hint shown under the form field (Thai). */
  readonly hint?: string;
  /** The hint in English (the pane's English mode). */
  readonly hintEn?: string;
  /**
   * The form fills a cell left blank: `contractDates`, the procurement status the signing and end
   * dates give at the as-of date (a measure's or an OIT item's status is typed instead).
   */
  readonly filledWhenBlank?: 'contractDates';
  /**
   * The value may instead be ticked in one column per option (seed 000's OIT table: two columns
   * ดำเนินการแล้ว / ยังไม่ได้ดำเนินการ under one heading): a mark or a sentence in a column means its value.
   */
  readonly tickColumns?: readonly { readonly header: string; readonly aliases?: readonly string[]; readonly value: string }[];
  /**
   * The field may be left blank on a small purchase: below `amount` baht in the first of `fields`
   * that is filled (best known: an e-GP project number is not needed under 5,000 baht).
   */
  readonly exemptBelow?: { readonly fields: readonly string[]; readonly amount: number };
  /** The column may be absent from a sheet (not every official layout has it): no missing-column error. */
  readonly optionalColumn?: boolean;
  /** Computed from the row's other fields: written by `new` (as a formula), the form and the fixes; checked. */
  readonly derived?: DerivedKind;
  /**
   * The header may carry a BE year instead of "this year"/"last year" ("ผลคะแนน ปี ๒๕๖๒"): among
   * such headers the later year is the current column, the earlier the previous one.
   */
  readonly yearHeader?: 'previous' | 'current';
}

/** Derived values: score change (current − previous), strength/weakness (≥ 85), trend (rose/fell). */
export type DerivedKind = 'scoreChange' | 'strength' | 'trend';

/** Where a template's dates must lie, relative to the fiscal year being assessed. */
export type DateWindow =
  /** Signed from 1 Oct to 31 Mar of the fiscal year (o16). */
  | 'firstHalf'
  /** Inside the fiscal year. */
  | 'fiscalYear'
  /** Inside the previous fiscal year (o17: the annual report of last year). */
  | 'previousFiscalYear';

/** A summary sheet derived from the list (o17: count and budget by procurement method). */
export interface SummaryDef {
  readonly sheetName: string;
  readonly title: string;
  readonly headers: { readonly group: string; readonly count: string; readonly amount: string };
  /** Summary row labels, each the set of method option values it adds up. */
  readonly groups: readonly { readonly label: string; readonly methods: readonly string[] }[];
  readonly totalLabel: string;
  /** Which list field is added up for the amount column. */
  readonly amountField: string;
  readonly methodField: string;
  /** Rows with these status values are left out (cancelled procurements). */
  readonly statusField: string;
  readonly excludeStatuses: readonly string[];
  /** Labels of the free-text part (problems, suggestions). */
  readonly notes: readonly string[];
}

/** Items an edition prescribes, each expected exactly once (the OIT checklist's o1…o35). */
interface CatalogueDef {
  /** The field holding the item's number. */
  readonly field: string;
  readonly items: readonly { readonly value: string; readonly label: string }[];
}

/** Topics an edition requires the sheet to cover (o34's seven issue areas). */
interface CoverageDef {
  /** The field whose text names the topic. */
  readonly field: string;
  readonly areas: readonly { readonly no: number; readonly title: string; readonly keywords: readonly string[] }[];
}

export interface EditionDef {
  /** ITA edition (BE year of the assessment), e.g. '2567'. */
  readonly edition: string;
  /** OIT item number in that edition, e.g. 'o16'. */
  readonly item: string;
  /** The item's title as that edition's checklist words it. */
  readonly title: string;
  readonly window: DateWindow;
  /** The o12 (2568) report lists at most this many rows. */
  readonly maxRows?: number;
  readonly catalogue?: CatalogueDef;
  readonly coverage?: CoverageDef;
  /** The overall result's wording (ITA score analysis); default: the edition's (itaIndicators). */
  readonly results?: ResultScheme;
  /** Which part of the item a template is, when several templates make one item (2569 O25). */
  readonly part?: string;
  /** Sheet name for `new` (≤ 31 characters), when the edition's title names it better than the template's. */
  readonly sheetName?: string;
  /** Rows `new` writes ready to complete (field key → value), e.g. every OIT item with its name. */
  readonly seedRows?: readonly Readonly<Record<string, string | number>>[];
  /**
   * Field key → how this edition alone words the column (a catalogue file's headers and aliases):
   * the template's own wording stays for every other edition (see editionTemplate).
   */
  readonly wording?: Readonly<Record<string, ColumnWording>>;
}

/** A column's header as one edition words it, and more wordings that edition's sheets use. */
export interface ColumnWording {
  readonly header?: string;
  readonly aliases?: readonly string[];
}

/** A template laid out as one สขร.1 table per month (ITA 2569's O11 and O12). */
export interface MonthlyDef {
  /** Title above each month's table, followed by the month and its BE year. */
  readonly monthTitle: string;
  /** Word that names a quarter in a sheet name or title ("ไตรมาส 1"). */
  readonly quarterTitle: string;
  /** What a month without procurement states. */
  readonly emptyMonth: string;
}

export interface TemplateDef {
  readonly id: string;
  /** Short Thai name shown in the task pane and CLI. */
  readonly name: string;
  readonly nameEn: string;
  /** Default sheet name for `new`. */
  readonly sheetName: string;
  readonly columns: readonly ColumnDef[];
  readonly editions: readonly EditionDef[];
  /** Named cross-field rules (see check/rules). */
  readonly rules: readonly string[];
  /** The date field the window applies to. */
  readonly windowField?: string;
  /** How bad a date outside the window is (default: an error for dates, a warning for periods). */
  readonly windowSeverity?: 'error' | 'warning';
  /** Text that states explicitly that there was nothing to report. */
  readonly emptyStatement?: string;
  /** Words in a sheet name or title that point to this template over a sibling with the same columns. */
  readonly titleHints: readonly string[];
  /**
   * What the agency's ปีงบประมาณ column holds: the assessed year itself, or the year the data
   * covers (o17 lists last year's procurements and agencies write that year).
   */
  readonly fiscalYearColumn: 'assessed' | 'data';
  readonly summary?: SummaryDef;
  /** Rules that look at another template's sheet in the same workbook (e.g. o34 → o35). */
  readonly crossRules?: readonly { readonly rule: string; readonly other: string; readonly sameFiscalYear?: boolean }[];
  /** Rows of wrapped paragraphs: `new` sets wrap text and taller rows. */
  readonly longText?: boolean;
  /** A row under the seeded rows holding the overall score (ITA: weighted 30/30/40) and its level. */
  readonly overallRow?: { readonly label: string; readonly labelField: string; readonly levelField: string };
  /** e-GP and สขร.1 contracts can be imported into it (the lists of procurement results). */
  readonly importable?: boolean;
  /** A numbered text alone in the first column ("1.มาตรการ…") heads a group of rows; it is not a record. */
  readonly groupHeadings?: boolean;
  /** One table per month (สขร.1): records, months and the month rules come from the tables. */
  readonly monthly?: MonthlyDef;
}

export interface Catalogue {
  readonly templates: readonly TemplateDef[];
  readonly optionLists: readonly OptionList[];
  /** Editions in order, newest last. */
  readonly editions: readonly string[];
  readonly defaultEdition: string;
  /** Where each edition's data comes from (edition → source), shown by `ita-forms templates`. */
  readonly sources?: Readonly<Record<string, string>>;
}
