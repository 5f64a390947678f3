/**
 * Importing twice must not list a procurement twice, and must never change what the officer
 * already has. Inside one import, a contract is its project number + contract number (e-GP gives
 * one row per contract). Against an existing sheet — which has no contract-number column — a row
 * is its project number + winner's ID + signing date, matched one to one (two contracts of one
 * project signed the same day with the same winner match two existing rows, not one). Rows the
 * officer wrote without a project number or ID (or incoming rows without them, from a สขร.1 sheet)
 * are matched by name + signing date instead. Inside one import, a contract number with the same
 * signing date is also the same contract, whatever the project number (see contractKeys).
 * A match with the same values is a duplicate; with other values, a conflict to confirm.
 */
import type { CellValue } from '../grid';
import type { ColumnDef, TemplateDef } from '../templates/types';
import type { FieldValue } from '../check/fields';
import { formatMoney } from '../values/money';
import { formatThaiDate } from '../values/thaiDate';
import { compactTaxId } from '../values/taxId';
import { normalizeSpaces } from '../values/thaiDigits';
import { compactContractNumber } from './contractNumber';

/** Fields compared to tell a duplicate from a conflict (status follows the as-of date; agency columns and budget source are the officer's). */
const COMPARED_FIELDS = ['item', 'budget', 'method', 'medianPrice', 'agreedPrice', 'taxId', 'winner', 'projectNumber', 'signDate', 'endDate'] as const;

type Comparable = string | undefined;

/** A value in one comparable form, from a parsed sheet value or a produced cell. */
function comparable(col: ColumnDef, v: FieldValue | CellValue | undefined): Comparable {
  if (v === undefined || v === null || v === '') return undefined;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 10);
  if (typeof v === 'number') return col.type === 'money' ? v.toFixed(2) : String(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'object') return 'id' in v ? v.id : v.start.toISOString().slice(0, 10);
  const s = normalizeSpaces(v);
  if (col.type === 'taxId' || col.type === 'projectNumber') return compactTaxId(s);
  return s;
}

/** How a compared value reads in the conflict list. */
function display(col: ColumnDef, v: FieldValue | CellValue | undefined): string {
  if (v === undefined || v === null || v === '') return '(ว่าง)';
  if (v instanceof Date) return formatThaiDate(v);
  if (typeof v === 'number') return col.type === 'money' ? formatMoney(v) : String(v);
  if (typeof v === 'object' && !(v instanceof Date)) return 'id' in v ? v.id : formatThaiDate(v.start);
  return String(v);
}

export interface Keyed {
  /** Project number + ID + signing date. */
  readonly key: string;
  /** Name + signing date, for rows the officer wrote without a project number or ID. */
  readonly looseKey: string;
  readonly hasStrongParts: boolean;
  /** Compared values in COMPARED_FIELDS order. */
  readonly compared: readonly Comparable[];
}

export function keyed(template: TemplateDef, get: (key: string) => FieldValue | CellValue | undefined): Keyed {
  const col = (k: string) => template.columns.find((c) => c.key === k) as ColumnDef;
  const compared = COMPARED_FIELDS.map((k) => comparable(col(k), get(k)));
  const [item, , , , , taxId, , pn, sign] = compared;
  return {
    key: `${pn ?? ''}|${taxId ?? ''}|${sign ?? ''}`,
    looseKey: `${(item ?? '').replace(/\s/g, '')}|${sign ?? ''}`,
    hasStrongParts: pn !== undefined || taxId !== undefined,
    compared,
  };
}

export interface Difference {
  readonly field: string;
  readonly header: string;
  readonly existing: string;
  readonly incoming: string;
}

export function differences(template: TemplateDef, a: Keyed, b: Keyed, getA: (k: string) => FieldValue | CellValue | undefined, getB: (k: string) => FieldValue | CellValue | undefined): Difference[] {
  const out: Difference[] = [];
  COMPARED_FIELDS.forEach((k, i) => {
    if (a.compared[i] === b.compared[i]) return;
    const col = template.columns.find((c) => c.key === k) as ColumnDef;
    out.push({ field: k, header: col.header, existing: display(col, getA(k)), incoming: display(col, getB(k)) });
  });
  return out;
}

/** Existing rows, consumed as incoming rows match them. */
export class ExistingIndex {
  private readonly byKey = new Map<string, number[]>();
  private readonly byLoose = new Map<string, number[]>();
  private readonly used = new Set<number>();

  constructor(private readonly rows: readonly Keyed[]) {
    rows.forEach((r, i) => {
      push(this.byKey, r.key, i);
      push(this.byLoose, r.looseKey, i);
    });
  }

  /** The index of the existing row this one matches, consuming it. */
  take(r: Keyed): number | undefined {
    let i = first(this.byKey.get(r.key), this.used);
    // By name only when one side has neither project number nor ID: two rows that both have them
    // and differ there are two procurements.
    if (i === undefined) i = first(this.byLoose.get(r.looseKey), this.used, (j) => !r.hasStrongParts || !this.rows[j].hasStrongParts);
    if (i !== undefined) this.used.add(i);
    return i;
  }
}

function push(m: Map<string, number[]>, k: string, i: number): void {
  const list = m.get(k);
  if (list) list.push(i);
  else m.set(k, [i]);
}

function first(list: number[] | undefined, used: Set<number>, accept: (i: number) => boolean = () => true): number | undefined {
  if (!list) return undefined;
  for (const i of list) if (!used.has(i) && accept(i)) return i;
  return undefined;
}

/**
 * The keys of a contract inside one import: a row whose key another row already has is that
 * contract again. e-GP gives project number + contract number. A สขร.1 sheet has no project
 * number, so the same contract read from it and from e-GP would never meet on that key: the
 * contract number with the signing date is a second key both sources have. The date is part of
 * it because numbering restarts per series (ใบสั่งจ้าง 12/2567 is not สัญญา 12/2567).
 */
export function contractKeys(k: Keyed, contractNumber: string | undefined): string[] {
  const cn = compactContractNumber(contractNumber);
  // Without a contract number, only identical rows are the same contract.
  if (!cn) return [`=${k.compared.join('\u0001')}`];
  const sign = k.compared[COMPARED_FIELDS.indexOf('signDate')];
  const byProject = `${k.compared[7] ?? k.compared[0] ?? ''}#${cn}`;
  return sign === undefined ? [byProject] : [byProject, `@${sign}#${cn}`];
}
