/** What the rules see: the template, where each field is, the fiscal window and the as-of date. */
import { columnLetter } from '../grid';
import type { Recognition } from '../recognize';
import type { CellValue } from '../grid';
import type { FieldValue } from './fields';
import type { AgencyProfile, Issue } from './types';
import type { MonthlyTables } from './monthlyTables';

export interface DateWindow {
  readonly start: Date;
  readonly end: Date;
  /** "1 ต.ค. 2566 – 31 มี.ค. 2567" */
  readonly label: string;
}

export interface CheckedRecord {
  readonly row: number;
  /** The sheet's row (index = sheet column). */
  readonly source: readonly CellValue[];
  /** Parsed values by template column position; undefined when blank or unreadable. */
  readonly values: readonly (FieldValue | undefined)[];
}

export interface RuleContext {
  readonly rec: Recognition;
  /** Assessed fiscal year (BE), when known. */
  readonly fiscalYear?: number;
  readonly window?: DateWindow;
  readonly asOf: Date;
  readonly agency?: AgencyProfile;
  /** The agency's main website (profile or --website), for the OIT URLs. */
  readonly website?: string;
  /** Template column position of a field key (-1 when the template has no such field). */
  pos(key: string): number;
  /** The field's cell holds a formula (its value is the spreadsheet's, maybe not computed yet). */
  isFormula(r: CheckedRecord, key: string): boolean;
  /** The sheet's cell of a field at an Excel row (rows that are not records too). */
  cellAt(row: number, key: string): CellValue | undefined;
  /** What sheet rules derive for the reader (the ITA overall score and level…), in order. */
  readonly figures: Figure[];
  /** The month tables of a monthly (สขร.1) sheet. */
  readonly monthly?: MonthlyTables;
}

/** A derived figure shown with the report: "คะแนนรวม: 60.88 (ระดับ D)". */
export interface Figure {
  readonly key: string;
  readonly label: string;
  readonly labelEn: string;
  readonly value: string;
  /** The value in English where it carries words ("93.50 (level AA)"). */
  readonly valueEn?: string;
}

export function makePos(rec: Recognition): (key: string) => number {
  const m = new Map(rec.template.columns.map((c, i) => [c.key, i] as const));
  return (key) => m.get(key) ?? -1;
}

/** The sheet's cell of a field in a record (undefined when the column is not on the sheet). */
export function sourceOf(ctx: RuleContext, r: CheckedRecord, key: string): CellValue | undefined {
  const i = ctx.rec.indexOf.get(key);
  return i === undefined ? undefined : r.source[i];
}

function letterOf(rec: Recognition, key: string): string | null {
  const i = rec.indexOf.get(key);
  return i === undefined ? null : columnLetter(i);
}

export function get<T extends FieldValue>(ctx: RuleContext, r: CheckedRecord, key: string): T | undefined {
  const p = ctx.pos(key);
  return p < 0 ? undefined : (r.values[p] as T | undefined);
}

type Sev = Issue['severity'];

export function cellIssue(
  ctx: RuleContext,
  r: CheckedRecord,
  key: string,
  severity: Sev,
  code: string,
  message: string,
  messageEn: string,
  fix?: Issue['fix'],
): Issue {
  const issue: Issue = { severity, code, row: r.row, column: letterOf(ctx.rec, key), field: key, message, messageEn };
  return fix ? { ...issue, fix } : issue;
}

export function sheetIssue(severity: Sev, code: string, message: string, messageEn: string, field: string | null = null): Issue {
  return { severity, code, row: null, column: null, field, message, messageEn };
}
