// The import's collect and map phases as they were before they were fused (commit 6cf2b98): the
// oracle of legacyEquivalence.test.ts, which checks that the fused pipeline gives the same result.
// Not used by the product.
/**
 * One source record → one row of the template, in the template's column order: values parsed to
 * what the prescribed sheet stores (numbers, real dates, 13-digit IDs as text, official option
 * values), status derived from the dates at the as-of date, agency columns from the profile.
 * A value that does not parse is kept as written, so the check shows the officer what to fix.
 */
import type { CellValue } from '../../../../src/domain/grid';
import type { TemplateDef } from '../../../../src/domain/templates/types';
import type { AgencyProfile } from '../../../../src/domain/check/types';
import { statusFromDates } from '../../../../src/domain/check/rules';
import { agencyValues } from '../../../../src/domain/layout';
import { STATUS_CANCELLED, STATUS_NOT_SIGNED } from '../../../../src/domain/templates/options';
import type { OptionMatcher } from '../../../../src/domain/values/options';
import { parseMoney } from '../../../../src/domain/values/money';
import { parseThaiDate } from '../../../../src/domain/values/thaiDate';
import { compactTaxId, parseTaxId, taxIdCheckDigit } from '../../../../src/domain/values/taxId';
import { parseProjectNumber } from '../../../../src/domain/values/projectNumber';
import { normalizeSpaces } from '../../../../src/domain/values/thaiDigits';
import { CANCELLED_STATUS_WORDS } from '../../../../src/domain/import/egpColumns';
import type { MethodResolution } from '../../../../src/domain/import/method';
import type { SourceRecord, SourceValues } from '../../../../src/domain/import/sourceRecord';
import { textOf } from '../../../../src/domain/import/sourceRecord';

export interface RowContext {
  readonly template: TemplateDef;
  readonly agency?: AgencyProfile;
  /** Assessed fiscal year (BE). */
  readonly fiscalYear: number;
  readonly asOf: Date;
  /** Official budget source for rows whose source has none (`--budget-source`). */
  readonly budgetSource?: string;
  readonly resolveMethod: (name: CellValue | undefined, group: CellValue | undefined) => MethodResolution;
  readonly statusOptions: OptionMatcher;
  readonly budgetSourceOptions: OptionMatcher;
}

interface RowProblem {
  readonly code: string;
  readonly th: string;
  readonly en: string;
}

export type RowResult = { readonly ok: true; readonly values: CellValue[] } | { readonly ok: false; readonly problem: RowProblem };

function money(v: CellValue | undefined): CellValue {
  if (v === undefined || v === null || v === '') return null;
  const p = parseMoney(v);
  return p.ok ? p.value : typeof v === 'string' ? normalizeSpaces(v) : v;
}

const TWELVE_DIGITS = /^\d{12}$/;

/**
 * The winner's ID as the sheet stores it: 13 digits as text. A 12-digit text whose leading 0 was
 * lost on the way through Excel gets it back when the check digit then agrees.
 */
function taxId(v: CellValue | undefined): CellValue {
  if (v === undefined || v === null || v === '') return null;
  const p = parseTaxId(v);
  if (p.ok) return p.value.id;
  if (typeof v === 'string') {
    const c = compactTaxId(v.trim());
    if (TWELVE_DIGITS.test(c) && taxIdCheckDigit('0' + c.slice(0, 11)) === c.charCodeAt(11) - 48) return '0' + c;
    return normalizeSpaces(v);
  }
  return v;
}

function projectNumber(v: CellValue | undefined): CellValue {
  if (v === undefined || v === null || v === '') return null;
  const p = parseProjectNumber(v);
  return p.ok ? p.value : typeof v === 'string' ? normalizeSpaces(v) : v;
}

function date(v: CellValue | undefined): CellValue {
  if (v === undefined || v === null || v === '') return null;
  const p = parseThaiDate(v);
  return p.ok ? p.value : v;
}

/** Text as the source wrote it, trimmed: line breaks inside a name are the officer's to keep. */
function text(v: CellValue | undefined): CellValue {
  const s = textOf(v);
  return s ? s : null;
}

function isCancelled(values: SourceValues, statusOptions: OptionMatcher): boolean {
  for (const v of [values.projectStatus, values.contractStatus]) {
    const s = textOf(v);
    if (s && CANCELLED_STATUS_WORDS.some((w) => s.includes(w))) return true;
  }
  const st = values.status;
  if (st === undefined || st === null) return false;
  const m = statusOptions.match(st);
  return m.ok && m.value === STATUS_CANCELLED;
}

/** The status a source states (the officer's own, or e-GP's contract status), when it is one of the list. */
function statedStatus(values: SourceValues, statusOptions: OptionMatcher): string | undefined {
  for (const v of [values.status, values.contractStatus]) {
    if (v === undefined || v === null || v === '') continue;
    const m = statusOptions.match(v);
    if (m.ok) return m.value;
  }
  return undefined;
}

/**
 * Maps a record already known to belong to the agency and the window. `sign` is its parsed
 * signing date (undefined: not signed yet); `agreed` overrides the agreed price (one contract of
 * a project with several).
 */
export function toTemplateRow(rec: SourceRecord, sign: Date | undefined, ctx: RowContext, agencyName: string | undefined, agreed?: CellValue): RowResult {
  const v = rec.values;
  const item = text(v.item);
  const pn = projectNumber(v.projectNumber);
  if (item === null && pn === null) {
    return { ok: false, problem: { code: 'no-project', th: 'ไม่มีชื่อโครงการและเลขที่โครงการ', en: 'Neither a project name nor a project number' } };
  }
  const method = ctx.resolveMethod(v.method, v.methodGroup);
  if (!method.ok) return { ok: false, problem: { code: method.code, th: method.th, en: method.en } };

  const end = date(v.endDate);
  const endDate = end instanceof Date ? end : undefined;
  let status: string | undefined;
  if (isCancelled(v, ctx.statusOptions)) status = STATUS_CANCELLED;
  else if (!sign) status = STATUS_NOT_SIGNED;
  else status = statusFromDates(sign, endDate, ctx.asOf) ?? statedStatus(v, ctx.statusOptions);

  let budgetSource: CellValue = null;
  if (v.budgetSource !== undefined && v.budgetSource !== null && v.budgetSource !== '') {
    const m = ctx.budgetSourceOptions.match(v.budgetSource);
    budgetSource = m.ok ? m.value : text(v.budgetSource);
  } else if (ctx.budgetSource) {
    budgetSource = ctx.budgetSource;
  }

  const fields: Record<string, CellValue> = {
    item,
    budget: money(v.budget),
    budgetSource,
    status: status ?? null,
    method: method.value,
    medianPrice: money(v.medianPrice),
    agreedPrice: agreed !== undefined ? money(agreed) : money(v.agreedPrice),
    taxId: taxId(v.taxId),
    winner: text(v.winner),
    projectNumber: pn,
    signDate: sign ?? null,
    endDate: end,
  };
  // The profile fills the agency columns; what the source says is the fallback.
  const fallback: Record<string, CellValue> = {
    agencyName: agencyName ?? text(v.subAgencyName) ?? text(v.agencyName),
    district: text(v.district),
    province: text(v.province),
  };
  const agencyRow = agencyValues(ctx.template, ctx.agency, ctx.fiscalYear);
  const values = ctx.template.columns.map((c, i) => {
    if (c.agency) return agencyRow[i] ?? fallback[c.key] ?? null;
    return fields[c.key] ?? null;
  });
  return { ok: true, values };
}
