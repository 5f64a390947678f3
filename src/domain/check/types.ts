/** The check report: stable codes, Excel row and column letters, Thai and English messages. */
import type { CellValue } from '../grid';
import type { Severity } from '../values/problem';

export interface Fix {
  /** The value to write into the cell. */
  readonly value: CellValue;
  /** Number format to set with it (a date gets the Buddhist Era format). */
  readonly numFmt?: string;
  /** How the new value reads, for the preview ("31 มี.ค. 2567"). */
  readonly display: string;
}

export interface Issue {
  readonly severity: Severity;
  readonly code: string;
  /** Excel row number; null for a sheet-level issue. */
  readonly row: number | null;
  /** Excel column letters; null for a sheet- or row-level issue. */
  readonly column: string | null;
  /** Field key of the template; null when the issue is not about one field. */
  readonly field: string | null;
  readonly message: string;
  readonly messageEn: string;
  /** A safe automatic correction of this one cell, when there is one. */
  readonly fix?: Fix;
}

/** The agency profile (the `--agency` JSON, and what the task pane keeps in the workbook). */
export interface AgencyProfile {
  readonly name?: string;
  readonly district?: string;
  readonly province?: string;
  readonly ministry?: string;
  readonly agencyType?: string;
  readonly fiscalYear?: number;
  readonly website?: string;
}

export interface CheckOptions {
  /** Status and progress are judged as of this date (default: the window's end, or today). */
  readonly asOf?: Date;
  /** The assessed fiscal year (BE); otherwise read from the sheet's ปีงบประมาณ column. */
  readonly fiscalYear?: number;
  /** Today, passed in so the domain stays pure and tests deterministic. */
  readonly today: Date;
  readonly agency?: AgencyProfile;
  /** Edition to check against when the workbook does not say. */
  readonly edition?: string;
  /** The agency's main website, when not in the agency profile. */
  readonly website?: string;
}

export interface SheetReport {
  readonly sheet: string;
  readonly template: string | null;
  readonly edition: string | null;
  readonly item: string | null;
  readonly headerRow: number | null;
  /** The assessed fiscal year (BE) the sheet was checked for, when known. */
  readonly fiscalYear?: number;
  /** Number of records (blank rows and trailing notes are not records). */
  readonly rows: number;
  readonly issues: readonly Issue[];
  /** Per field: how many records have it filled, for the completeness figure. */
  readonly completeness?: readonly { readonly field: string; readonly header: string; readonly column: string | null; readonly filled: number; readonly total: number }[];
  /** The sheet says explicitly that there was no procurement. */
  readonly statesNone?: boolean;
  /** Values derived from the sheet (the ITA overall score, level, strengths…). */
  readonly figures?: readonly { readonly key: string; readonly label: string; readonly labelEn: string; readonly value: string; readonly valueEn?: string }[];
}

export interface WorkbookReport {
  readonly errors: number;
  readonly warnings: number;
  readonly sheets: readonly SheetReport[];
}
