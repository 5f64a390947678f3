/**
 * The named cross-field rules. Templates list the rule names they use; each rule is a small
 * function that adds issues. Codes are stable: reports, tests and the task pane rely on them.
 */
import { formatMoney } from '../values/money';
import { formatThaiDate } from '../values/thaiDate';
import { projectNumberYear } from '../values/projectNumber';
import {
  METHODS_SPECIFIC,
  SPECIFIC_METHOD_LIMIT,
  STATUS_CANCELLED,
  STATUS_ENDED,
  STATUS_IN_CONTRACT,
  STATUS_NOT_SIGNED,
} from '../templates/options';
import { cellIssue, get, sheetIssue, type CheckedRecord, type RuleContext } from './context';
import type { Period, TaxIdValue } from './fields';
import type { Issue } from './types';

export type RecordRule = (r: CheckedRecord, ctx: RuleContext, out: Issue[]) => void;
export type SheetRule = (records: readonly CheckedRecord[], ctx: RuleContext, out: Issue[]) => void;

const money = formatMoney;
const SPECIFIC = new Set(METHODS_SPECIFIC);

const priceAboveBudget: RecordRule = (r, ctx, out) => {
  const budget = get<number>(ctx, r, 'budget');
  const price = get<number>(ctx, r, 'agreedPrice');
  if (budget === undefined || price === undefined) return;
  if (price > budget) {
    out.push(cellIssue(ctx, r, 'agreedPrice', 'error', 'price-above-budget',
      `ราคาที่ตกลงซื้อหรือจ้าง ${money(price)} บาท สูงกว่าวงเงินงบประมาณ ${money(budget)} บาท`,
      `Agreed price ${money(price)} is above the allocated budget ${money(budget)}`));
  }
};

const priceAboveMedian: RecordRule = (r, ctx, out) => {
  const median = get<number>(ctx, r, 'medianPrice');
  const price = get<number>(ctx, r, 'agreedPrice');
  if (median === undefined || price === undefined) return;
  if (price > median) {
    out.push(cellIssue(ctx, r, 'agreedPrice', 'warning', 'price-above-median',
      `ราคาที่ตกลงซื้อหรือจ้าง ${money(price)} บาท สูงกว่าราคากลาง ${money(median)} บาท`,
      `Agreed price ${money(price)} is above the median price ${money(median)}`));
  }
};

const medianAboveBudget: RecordRule = (r, ctx, out) => {
  const median = get<number>(ctx, r, 'medianPrice');
  const budget = get<number>(ctx, r, 'budget');
  if (median === undefined || budget === undefined) return;
  if (median > budget) {
    out.push(cellIssue(ctx, r, 'medianPrice', 'warning', 'median-above-budget',
      `ราคากลาง ${money(median)} บาท สูงกว่าวงเงินงบประมาณ ${money(budget)} บาท`,
      `Median price ${money(median)} is above the allocated budget ${money(budget)}`));
  }
};

const methodAmount: RecordRule = (r, ctx, out) => {
  const method = get<string>(ctx, r, 'method');
  const budget = get<number>(ctx, r, 'budget');
  if (method === undefined || budget === undefined) return;
  if (SPECIFIC.has(method) && budget > SPECIFIC_METHOD_LIMIT) {
    out.push(cellIssue(ctx, r, 'method', 'warning', 'method-amount',
      `${method} ใช้กับวงเงินไม่เกิน ${money(SPECIFIC_METHOD_LIMIT)} บาท (ม.56(2)(ข)) แต่วงเงินนี้ ${money(budget)} บาท: ตรวจสอบว่าเข้าเหตุอื่นตาม ม.56(2)`,
      `${method} is normally for amounts up to ${money(SPECIFIC_METHOD_LIMIT)} baht; this one is ${money(budget)}: check the ground under s.56(2)`));
  }
};

const endBeforeSigning: RecordRule = (r, ctx, out) => {
  const sign = get<Date>(ctx, r, 'signDate');
  const end = get<Date>(ctx, r, 'endDate');
  if (!sign || !end) return;
  if (end.getTime() < sign.getTime()) {
    out.push(cellIssue(ctx, r, 'endDate', 'error', 'end-before-signing',
      `วันสิ้นสุดสัญญา ${formatThaiDate(end)} อยู่ก่อนวันที่ลงนามในสัญญา ${formatThaiDate(sign)}`,
      `Contract end ${end.toISOString().slice(0, 10)} is before signing ${sign.toISOString().slice(0, 10)}`));
  }
};

const dateWindow: RecordRule = (r, ctx, out) => {
  const key = ctx.rec.template.windowField;
  const w = ctx.window;
  if (!key || !w) return;
  const v = get<Date | Period>(ctx, r, key);
  if (v === undefined) return;
  const isPeriod = !(v instanceof Date);
  const start = v instanceof Date ? v : v.start;
  const end = v instanceof Date ? v : v.end;
  if (start.getTime() >= w.start.getTime() && end.getTime() <= w.end.getTime()) return;
  const header = ctx.rec.template.columns[ctx.pos(key)]?.header ?? key;
  const shown = isPeriod ? `${formatThaiDate(start)} – ${formatThaiDate(end)}` : formatThaiDate(start);
  const severity = ctx.rec.template.windowSeverity ?? (isPeriod ? 'warning' : 'error');
  out.push(cellIssue(ctx, r, key, severity, 'date-outside-window',
    `${header} ${shown} อยู่นอกช่วงที่แบบ ${ctx.rec.edition.item} กำหนด (${w.label})`,
    `${key} ${start.toISOString().slice(0, 10)} is outside the window of ${ctx.rec.edition.item} (${w.label})`));
};

function sameDay(a: Date, b: Date): boolean {
  return a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth() && a.getUTCDate() === b.getUTCDate();
}

/** Status as the dates say it is at the as-of date. */
export function statusFromDates(sign: Date | undefined, end: Date | undefined, asOf: Date): string | undefined {
  if (!sign) return undefined;
  if (sign.getTime() > asOf.getTime()) return STATUS_NOT_SIGNED;
  if (!end) return undefined;
  return end.getTime() < asOf.getTime() ? STATUS_ENDED : STATUS_IN_CONTRACT;
}

const statusDates: RecordRule = (r, ctx, out) => {
  const status = get<string>(ctx, r, 'status');
  if (!status || status === STATUS_CANCELLED) return;
  const sign = get<Date>(ctx, r, 'signDate');
  const end = get<Date>(ctx, r, 'endDate');
  const expected = statusFromDates(sign, end, ctx.asOf);
  if (expected === undefined || expected === status) return;
  const asOf = formatThaiDate(ctx.asOf);
  if (status === STATUS_NOT_SIGNED) {
    if (sign && expected && expected !== STATUS_NOT_SIGNED) {
      out.push(cellIssue(ctx, r, 'status', 'error', 'status-dates',
        `สถานะ "${status}" แต่มีวันที่ลงนามในสัญญา ${formatThaiDate(sign)}: ณ ${asOf} ควรเป็น "${expected}"`,
        `Status says not signed but the contract was signed on ${sign.toISOString().slice(0, 10)}; as of ${ctx.asOf.toISOString().slice(0, 10)} it should be "${expected}"`,
        { value: expected, display: expected }));
    }
    return;
  }
  // A contract that ends on the as-of day (o17: a year-long contract ending 30 Sep) may be called ended.
  if (status === STATUS_ENDED && end && sameDay(end, ctx.asOf)) return;
  if (expected && expected !== status) {
    out.push(cellIssue(ctx, r, 'status', 'error', 'status-dates',
      `สถานะ "${status}" ไม่ตรงกับวันที่ในสัญญา: ณ ${asOf} ควรเป็น "${expected}"`,
      `Status "${status}" does not match the contract dates: as of ${ctx.asOf.toISOString().slice(0, 10)} it should be "${expected}"`,
      { value: expected, display: expected }));
  }
};

const projectNumberYearRule: RecordRule = (r, ctx, out) => {
  const pn = get<string>(ctx, r, 'projectNumber');
  const sign = get<Date>(ctx, r, 'signDate');
  if (!pn || !sign) return;
  const pYear = projectNumberYear(pn);
  const signYear = sign.getUTCFullYear() + 543;
  // e-GP numbers start with the BE year the project was announced: not after signing, and not long before.
  if (pYear > signYear || pYear < signYear - 2) {
    out.push(cellIssue(ctx, r, 'projectNumber', 'warning', 'project-number-year',
      `เลขที่โครงการ ${pn} ขึ้นต้นด้วยปี ${pYear} แต่ลงนามในสัญญาปี ${signYear}: ตรวจสอบเลขที่โครงการ`,
      `Project number ${pn} starts with year ${pYear} but the contract was signed in ${signYear}`));
  }
};

const personalId: RecordRule = (r, ctx, out) => {
  const id = get<TaxIdValue>(ctx, r, 'taxId');
  if (id?.kind !== 'personal') return;
  out.push(cellIssue(ctx, r, 'taxId', 'warning', 'tax-id-personal',
    `เลข ${id.id} เป็นเลขประจำตัวประชาชนของบุคคลธรรมดา เป็นข้อมูลส่วนบุคคลตาม พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล: พิจารณาปกปิดบางส่วนก่อนเผยแพร่`,
    `${id.id} is a personal citizen ID (personal data under the PDPA): consider masking it in the published copy`));
};

const duplicateProjectNumber: SheetRule = (records, ctx, out) => {
  const seen = new Map<string, CheckedRecord>();
  for (const r of records) {
    const pn = get<string>(ctx, r, 'projectNumber');
    if (!pn) continue;
    const first = seen.get(pn);
    if (!first) {
      seen.set(pn, r);
      continue;
    }
    // One e-GP project may hold several contracts (lots) with different winners: that is a warning.
    const sameWinner = get<TaxIdValue>(ctx, r, 'taxId')?.id === get<TaxIdValue>(ctx, first, 'taxId')?.id;
    out.push(cellIssue(ctx, r, 'projectNumber', sameWinner ? 'error' : 'warning', sameWinner ? 'duplicate-project-number' : 'project-number-shared',
      sameWinner
        ? `เลขที่โครงการ ${pn} ซ้ำกับแถว ${first.row}`
        : `เลขที่โครงการ ${pn} ใช้ซ้ำกับแถว ${first.row} (ผู้ประกอบการต่างราย): ตรวจสอบว่าเป็นหลายสัญญาในโครงการเดียวกัน`,
      sameWinner ? `Project number ${pn} repeats row ${first.row}` : `Project number ${pn} is also on row ${first.row} with another supplier`));
  }
};

const agencyConsistent: SheetRule = (records, ctx, out) => {
  for (const col of ctx.rec.template.columns) {
    if (!col.agency) continue;
    const p = ctx.pos(col.key);
    // Usually every row holds the same value: find out with plain comparisons before counting.
    let first: unknown;
    let mixed = false;
    for (const r of records) {
      const v = r.values[p];
      if (v === undefined) continue;
      if (first === undefined) first = v;
      else if (v !== first) {
        mixed = true;
        break;
      }
    }
    if (!mixed) continue;
    // Agency values are strings or numbers: they key the map as they are.
    const counts = new Map<unknown, number>();
    for (const r of records) {
      const v = r.values[p];
      if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const majority = [...counts.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
    const shown = String(majority);
    for (const r of records) {
      const v = r.values[p];
      if (v === undefined || v === majority) continue;
      out.push(cellIssue(ctx, r, col.key, 'warning', 'agency-inconsistent',
        `${col.header} "${String(v)}" ไม่เหมือนแถวอื่น ("${shown}"): คอลัมน์หน่วยงานต้องเหมือนกันทุกแถว`,
        `${col.key} "${String(v)}" differs from the other rows ("${shown}")`,
        { value: majority as string | number, display: shown }));
    }
  }
};

const maxRows: SheetRule = (records, ctx, out) => {
  const max = ctx.rec.edition.maxRows;
  if (max !== undefined && records.length > max) {
    out.push(sheetIssue('warning', 'too-many-rows',
      `แบบ ${ctx.rec.edition.item} (ITA ${ctx.rec.edition.edition}) แสดงได้ไม่เกิน ${max} รายการ แต่มี ${records.length} รายการ: เรียงงบลงทุนก่อน วงเงินมากก่อน และตัดรายการที่ยกเลิก`,
      `${ctx.rec.edition.item} lists at most ${max} rows; this sheet has ${records.length}`));
  }
};

export const RECORD_RULES: Readonly<Record<string, RecordRule>> = {
  'price-above-budget': priceAboveBudget,
  'price-above-median': priceAboveMedian,
  'median-above-budget': medianAboveBudget,
  'method-amount': methodAmount,
  'end-before-signing': endBeforeSigning,
  'date-window': dateWindow,
  'status-dates': statusDates,
  'project-number-year': projectNumberYearRule,
  'personal-id': personalId,
};

export const SHEET_RULES: Readonly<Record<string, SheetRule>> = {
  'duplicate-project-number': duplicateProjectNumber,
  'agency-consistent': agencyConsistent,
  'max-rows': maxRows,
};
