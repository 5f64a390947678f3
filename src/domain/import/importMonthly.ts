/**
 * The import into ITA 2569's monthly สขร.1 tables (O11/O12): the same sources, agency filter,
 * window and de-duplication as the o16 import (importProcurement, run on the o16 fields with the
 * monthly item's window), then each contract written in the สขร.1 columns — the winner and agreed
 * price in one cell, the contract number and date in another — under the month it was signed.
 * What e-GP does not hold (the bidders and their prices, the reason for the choice) is left empty
 * for the officer: the check reports it; a month without imported contracts is left empty too
 * (e-GP lacks the smallest purchases), never stated as "ไม่มีการจัดซื้อจัดจ้าง" on the officer's behalf.
 */
import type { CellValue } from '../grid';
import type { TemplateChoice } from '../templates';
import { procurementProgress } from '../templates/procurement';
import { formatMoney } from '../values/money';
import { formatThaiDate } from '../values/thaiDate';
import { STATUS_CANCELLED, STATUS_NOT_SIGNED } from '../templates/options';
import { monthKey, monthOfDate, type Month } from '../check/monthlyTables';
import { importProcurement, type ImportOptions, type ImportResult, type RecordStream, type SkippedRecord } from './importProcurement';
import type { SourceOrigin } from './sourceRecord';

export interface MonthlyImport {
  readonly result: ImportResult;
  /** Month key (2568-10) → the month's rows, in the monthly template's column order. */
  readonly months: ReadonlyMap<string, readonly (readonly CellValue[])[]>;
  /** Month key → where each of the month's rows was read (same order as `months`). */
  readonly origins: ReadonlyMap<string, readonly SourceOrigin[]>;
  readonly monthList: readonly Month[];
  /** Contracts left out: not signed yet, or cancelled. */
  readonly notContracted: readonly SkippedRecord[];
}

/** "ห้างหุ้นส่วนจำกัด สีคิ้วก่อสร้าง ราคา 475,000.00 บาท" */
function winnerCell(winner: string | undefined, price: number | undefined): string | undefined {
  if (!winner && price === undefined) return undefined;
  return [winner, price === undefined ? undefined : `ราคา ${formatMoney(price)} บาท`].filter(Boolean).join(' ');
}

/** "สัญญาเลขที่ 2/2569 ลงวันที่ 28 ต.ค. 2568" */
function contractCell(number: string | undefined, signed: Date | undefined): string | undefined {
  if (!number && !signed) return undefined;
  return [number ? `สัญญาเลขที่ ${number}` : undefined, signed ? `ลงวันที่ ${formatThaiDate(signed)}` : undefined].filter(Boolean).join(' ');
}

export async function importMonthly(records: RecordStream, opts: ImportOptions & { choice: TemplateChoice }): Promise<MonthlyImport> {
  const monthlyChoice = opts.choice;
  // The o16 fields, with the monthly item's window: the shared import keeps the agency's contracts.
  const proxy: TemplateChoice = { template: procurementProgress, edition: monthlyChoice.edition };
  const result = await importProcurement(records, { ...opts, choice: proxy, existing: undefined });
  const o16 = new Map(procurementProgress.columns.map((c, i) => [c.key, i] as const));
  const cols = monthlyChoice.template.columns;
  const months = new Map<string, CellValue[][]>();
  const origins = new Map<string, SourceOrigin[]>();
  const monthList: Month[] = [];
  const notContracted: SkippedRecord[] = [];
  for (const r of result.rows) {
    const get = (k: string) => r.values[o16.get(k) ?? -1];
    const status = get('status');
    const signed = get('signDate');
    const label = String(get('item') ?? '');
    if (status === STATUS_NOT_SIGNED || status === STATUS_CANCELLED || !(signed instanceof Date)) {
      notContracted.push({
        origin: r.origin, code: 'not-contracted', label,
        message: 'ยังไม่มีสัญญา (ยังไม่ได้ลงนามหรือยกเลิก) จึงยังไม่ลงในสรุปผลรายเดือน',
        messageEn: 'No contract yet (not signed or cancelled): not in the monthly summary',
      });
      continue;
    }
    const price = get('agreedPrice');
    const winner = get('winner');
    const values: Record<string, CellValue | undefined> = {
      item: get('item'),
      budget: get('budget'),
      medianPrice: get('medianPrice'),
      method: get('method'),
      winner: winnerCell(typeof winner === 'string' ? winner : undefined, typeof price === 'number' ? price : undefined),
      contract: contractCell(r.contractNumber, signed),
    };
    const m = monthOfDate(signed);
    const key = monthKey(m);
    if (!months.has(key)) {
      months.set(key, []);
      origins.set(key, []);
      monthList.push(m);
    }
    months.get(key)!.push(cols.map((c) => values[c.key] ?? null));
    origins.get(key)!.push(r.origin);
  }
  return { result, months, origins, monthList, notContracted };
}
