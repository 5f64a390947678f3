/**
 * The rules of the monthly สขร.1 tables (ITA 2569 O11/O12). Per record, the combined cells are read
 * like o16's own fields — the winner and agreed price, the contract number and signing date, the
 * bidders and their prices (import/combinedCells.ts) — and the amounts compared; per sheet, every
 * month of the window must have its table, and each table lists purchases or states that there
 * were none, with each contract under the month it was signed.
 */
import { formatMoney } from '../values/money';
import { formatThaiDate } from '../values/thaiDate';
import { parseTaxId } from '../values/taxId';
import { splitContractCell, splitWinnerCell } from '../import/combinedCells';
import { cellIssue, get, sheetIssue, sourceOf, type CheckedRecord, type RuleContext } from './context';
import { fiscalYearMonths, monthEnd, monthKey, monthName, monthOfDate, type Month, type MonthTable } from './monthlyTables';
import type { RecordRule, SheetRule } from './rules';
import type { Issue } from './types';

const money = formatMoney;

function text(ctx: RuleContext, r: CheckedRecord, key: string): string {
  const v = sourceOf(ctx, r, key);
  return v === null || v === undefined || v instanceof Date ? '' : String(v);
}

function header(ctx: RuleContext, key: string): string {
  return ctx.rec.template.columns[ctx.pos(key)]?.header ?? key;
}

/** The contract's signing date, when the cell gives a readable one (a real date cell, or the text's). */
function contractDate(ctx: RuleContext, r: CheckedRecord): Date | undefined {
  const v = sourceOf(ctx, r, 'contract');
  if (v instanceof Date) return v;
  return typeof v === 'string' ? splitContractCell(v).date : undefined;
}

/** Each bidder's line of the offers cell, with its price when it has one. */
function offerLines(cell: string): { name?: string; price?: number }[] {
  return cell
    .split(/\n|;|(?<=บาท)\s*,|(?<=บาท)\s+(?=\S)/)
    .map((s) => s.replace(/^\s*[0-9๐-๙]{1,2}[.)]\s*/, '').trim())
    .filter(Boolean)
    .map((s) => {
      const w = splitWinnerCell(s);
      return { name: w.winner, price: w.price };
    });
}

const squash = (s: string) => s.replace(/[\s.]/g, '');

const monthlyCells: RecordRule = (r, ctx, out) => {
  const winnerText = text(ctx, r, 'winner');
  const budget = get<number>(ctx, r, 'budget');
  const median = get<number>(ctx, r, 'medianPrice');
  let price: number | undefined;
  let winner: string | undefined;
  if (winnerText.trim()) {
    const w = splitWinnerCell(winnerText);
    price = w.price;
    winner = w.winner;
    if (!w.winner) {
      out.push(cellIssue(ctx, r, 'winner', 'error', 'winner-name-missing',
        `ช่อง "${header(ctx, 'winner')}" ไม่มีชื่อผู้ได้รับการคัดเลือก`, 'The winner cell names no winner'));
    }
    if (w.price === undefined) {
      out.push(cellIssue(ctx, r, 'winner', 'error', 'winner-price-missing',
        `ช่อง "${header(ctx, 'winner')}" ไม่มีราคาที่ตกลงซื้อหรือจ้าง (เขียน เช่น ห้างหุ้นส่วนจำกัด สีคิ้วก่อสร้าง ราคา 2,390,000 บาท)`,
        'The winner cell gives no agreed price (write e.g. "… ราคา 2,390,000 บาท")'));
    }
    if (w.taxId) {
      const t = parseTaxId(w.taxId);
      if (!t.ok) out.push(cellIssue(ctx, r, 'winner', t.problem.severity, t.problem.code, t.problem.th, t.problem.en));
    }
  }
  if (price !== undefined && budget !== undefined && price > budget) {
    out.push(cellIssue(ctx, r, 'winner', 'error', 'price-above-budget',
      `ราคาที่ตกลงซื้อหรือจ้าง ${money(price)} บาท สูงกว่าวงเงินที่จะซื้อหรือจ้าง ${money(budget)} บาท`,
      `Agreed price ${money(price)} is above the budget ${money(budget)}`));
  }
  if (price !== undefined && median !== undefined && price > median) {
    out.push(cellIssue(ctx, r, 'winner', 'warning', 'price-above-median',
      `ราคาที่ตกลงซื้อหรือจ้าง ${money(price)} บาท สูงกว่าราคากลาง ${money(median)} บาท`,
      `Agreed price ${money(price)} is above the median price ${money(median)}`));
  }
  if (median !== undefined && budget !== undefined && median > budget) {
    out.push(cellIssue(ctx, r, 'medianPrice', 'warning', 'median-above-budget',
      `ราคากลาง ${money(median)} บาท สูงกว่าวงเงินที่จะซื้อหรือจ้าง ${money(budget)} บาท`,
      `Median price ${money(median)} is above the budget ${money(budget)}`));
  }

  const offersText = text(ctx, r, 'offers');
  if (offersText.trim()) {
    const offers = offerLines(offersText);
    if (!offers.some((o) => o.price !== undefined)) {
      out.push(cellIssue(ctx, r, 'offers', 'error', 'offer-price-missing',
        `ช่อง "${header(ctx, 'offers')}" ไม่มีราคาที่เสนอ (เขียนชื่อผู้เสนอราคาแต่ละราย ตามด้วย ราคา … บาท)`,
        'The bidders cell gives no offered price'));
    } else if (winner && !offers.some((o) => o.name && (squash(o.name).includes(squash(winner!)) || squash(winner!).includes(squash(o.name))))) {
      out.push(cellIssue(ctx, r, 'winner', 'warning', 'winner-not-among-bidders',
        `ผู้ได้รับการคัดเลือก "${winner}" ไม่อยู่ในรายชื่อผู้เสนอราคา`, `The winner "${winner}" is not among the bidders`));
    }
  }

  const contractCell = sourceOf(ctx, r, 'contract');
  if (typeof contractCell === 'string' && contractCell.trim()) {
    const c = splitContractCell(contractCell);
    if (!c.number) {
      out.push(cellIssue(ctx, r, 'contract', 'error', 'contract-number-missing',
        `ช่อง "${header(ctx, 'contract')}" ไม่มีเลขที่สัญญาหรือข้อตกลง (เขียน เช่น สัญญาเลขที่ 12/2569 ลงวันที่ 15 ม.ค. 2569)`,
        'The contract cell gives no contract number'));
    }
    if (c.dateProblem) {
      out.push(cellIssue(ctx, r, 'contract', 'error', 'contract-date', c.dateProblem.th, c.dateProblem.en));
    } else if (!c.date) {
      out.push(cellIssue(ctx, r, 'contract', 'error', 'contract-date-missing',
        `ช่อง "${header(ctx, 'contract')}" ไม่มีวันที่ของสัญญาหรือข้อตกลง (เขียน เช่น ลงวันที่ 15 ม.ค. 2569)`,
        'The contract cell gives no date'));
    }
  }
  const signed = contractDate(ctx, r);
  const w = ctx.window;
  if (signed && w && (signed.getTime() < w.start.getTime() || signed.getTime() > w.end.getTime())) {
    out.push(cellIssue(ctx, r, 'contract', 'error', 'date-outside-window',
      `สัญญาลงวันที่ ${formatThaiDate(signed)} อยู่นอกช่วงที่แบบ ${ctx.rec.edition.item} กำหนด (${w.label})`,
      `Contract dated ${signed.toISOString().slice(0, 10)} is outside the window of ${ctx.rec.edition.item} (${w.label})`));
  }
};

/** The months a sheet must have a table for: the whole window, up to the last month ended by the as-of date. */
export function requiredMonths(ctx: Pick<RuleContext, 'fiscalYear' | 'rec' | 'asOf'>): Month[] {
  if (ctx.fiscalYear === undefined) return [];
  const fy = ctx.rec.edition.window === 'previousFiscalYear' ? ctx.fiscalYear - 1 : ctx.fiscalYear;
  return fiscalYearMonths(fy).filter((m) => monthEnd(m).getTime() <= ctx.asOf.getTime());
}

export function monthMissingIssue(m: Month, item: string): Issue {
  return sheetIssue('error', 'month-missing',
    `ไม่มีตารางของเดือน ${monthName(m)} (แบบ ${item} ต้องมีตารางสรุปผลการจัดซื้อจัดจ้างทุกเดือน เดือนที่ไม่มีให้ระบุว่า "ไม่มีการจัดซื้อจัดจ้าง")`,
    `No table for ${monthKey(m)} (every month needs its table, or a statement that there was no procurement)`);
}

const monthlyTables: SheetRule = (_records, ctx, out) => {
  const m = ctx.monthly;
  if (!m) return;
  const item = ctx.rec.edition.item;
  const months = new Set(fiscalYearMonths(ctx.fiscalYear === undefined ? 0 : ctx.rec.edition.window === 'previousFiscalYear' ? ctx.fiscalYear - 1 : ctx.fiscalYear).map(monthKey));
  const seen = new Map<string, MonthTable>();
  for (const t of m.tables) {
    const hasContent = t.records.length > 0 || t.statesNone;
    if (!t.month) {
      if (hasContent) {
        out.push({ severity: 'error', code: 'month-unknown', row: t.row, column: null, field: null,
          message: 'ไม่ทราบว่าตารางนี้เป็นของเดือนใด (ให้มีชื่อตาราง เช่น "สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม 2568" เหนือตาราง)',
          messageEn: 'The month of this table is unknown (give it a title naming its month)' });
      }
      continue;
    }
    const key = monthKey(t.month);
    if (ctx.fiscalYear !== undefined && !months.has(key)) {
      out.push({ severity: 'error', code: 'month-outside-window', row: t.row, column: null, field: null,
        message: `ตารางเดือน ${monthName(t.month)} อยู่นอกปีงบประมาณที่แบบ ${item} กำหนด${ctx.window ? ` (${ctx.window.label})` : ''}`,
        messageEn: `The table of ${key} is outside the fiscal year of ${item}` });
    }
    const before = seen.get(key);
    if (before) {
      out.push({ severity: 'warning', code: 'month-duplicate', row: t.row, column: null, field: null,
        message: `เดือน ${monthName(t.month)} มีตารางซ้ำ (ตารางแรกอยู่ที่แถว ${before.row})`,
        messageEn: `${key} has a second table (the first is at row ${before.row})` });
    } else {
      seen.set(key, t);
    }
    // A month still running (or to come) may be empty yet.
    const ended = monthEnd(t.month).getTime() <= ctx.asOf.getTime();
    if (ended && !hasContent && !(before && (before.records.length > 0 || before.statesNone))) {
      out.push({ severity: 'error', code: 'month-empty', row: t.row, column: null, field: null,
        message: `ตารางเดือน ${monthName(t.month)} ไม่มีรายการ และไม่ได้ระบุว่า "ไม่มีการจัดซื้อจัดจ้าง"`,
        messageEn: `The table of ${key} lists nothing and does not state that there was no procurement` });
    }
    if (t.records.length > 0 && t.statesNone) {
      out.push({ severity: 'warning', code: 'states-none-with-records', row: t.row, column: null, field: null,
        message: `ตารางเดือน ${monthName(t.month)} ระบุว่า "ไม่มีการจัดซื้อจัดจ้าง" แต่มี ${t.records.length} รายการ`,
        messageEn: `The table of ${key} says there was no procurement but lists ${t.records.length} rows` });
    }
    for (const r of t.records) {
      const signed = contractDate(ctx, r as CheckedRecord);
      if (!signed) continue;
      const sm = monthOfDate(signed);
      if (monthKey(sm) !== key) {
        out.push(cellIssue(ctx, r as CheckedRecord, 'contract', 'warning', 'wrong-month',
          `สัญญาลงวันที่ ${formatThaiDate(signed)} (เดือน ${monthName(sm)}) แต่อยู่ในตารางเดือน ${monthName(t.month)}`,
          `Contract dated ${signed.toISOString().slice(0, 10)} is filed under ${key}`));
      }
    }
  }
  for (const req of requiredMonths(ctx)) if (!seen.has(monthKey(req))) out.push(monthMissingIssue(req, item));
};

export const MONTHLY_RECORD_RULES: Readonly<Record<string, RecordRule>> = { 'monthly-cells': monthlyCells };
export const MONTHLY_SHEET_RULES: Readonly<Record<string, SheetRule>> = { 'monthly-tables': monthlyTables };
