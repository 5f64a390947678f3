/**
 * How `new` lays out a monthly สขร.1 workbook (ITA 2569 O11/O12): a title naming the item, the
 * fiscal year and the agency, then per month a title ("สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน
 * ตุลาคม 2568"), the สขร.1 header and rows to fill, one sheet per quarter (agencies publish O11 per
 * quarter). Pure data; the xlsx face writes it.
 */
import type { AgencyProfile } from './check/types';
import { fiscalYearMonths, monthName, type Month } from './check/monthlyTables';
import type { TemplateChoice } from './templates';

interface MonthBlock {
  readonly month: Month;
  /** Excel rows: the month's title, its header, and its first and last rows to fill. */
  readonly titleRow: number;
  readonly headerRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
}

export interface QuarterSheetPlan {
  readonly name: string;
  /** Row 1: the item, the quarter, the fiscal year and the agency. */
  readonly title: string;
  readonly blocks: readonly MonthBlock[];
}

const QUARTERS = ['ไตรมาส 1 (ต.ค.–ธ.ค.)', 'ไตรมาส 2 (ม.ค.–มี.ค.)', 'ไตรมาส 3 (เม.ย.–มิ.ย.)', 'ไตรมาส 4 (ก.ค.–ก.ย.)'];

/** The fiscal year whose months the item's tables hold (O12: the previous one). */
function dataFiscalYear(choice: TemplateChoice, assessed: number): number {
  return choice.edition.window === 'previousFiscalYear' ? assessed - 1 : assessed;
}

/** Rows each month's table starts with, when the import brings none or few. */
const ROWS_PER_MONTH = 10;

export function planMonthlySheets(choice: TemplateChoice, opts: { fiscalYear: number; agency?: AgencyProfile; rowsOf?: (m: Month) => number }): QuarterSheetPlan[] {
  const monthly = choice.template.monthly;
  if (!monthly) throw new Error(`${choice.template.id} is not a monthly template`);
  const fy = dataFiscalYear(choice, opts.fiscalYear);
  const months = fiscalYearMonths(fy);
  // Room for what is imported, and a few rows more to type into.
  const rowsOf = (m: Month) => Math.max(ROWS_PER_MONTH, (opts.rowsOf?.(m) ?? 0) + 3);
  const agency = opts.agency?.name ? ` ${opts.agency.name}` : '';
  return QUARTERS.map((q, i) => {
    let r = 2;
    const blocks = months.slice(i * 3, i * 3 + 3).map((month) => {
      const b = { month, titleRow: r + 1, headerRow: r + 2, firstRow: r + 3, lastRow: r + 2 + rowsOf(month) };
      r = b.lastRow + 1;
      return b;
    });
    return {
      name: `${choice.edition.item.toUpperCase()} สขร.1 ไตรมาส ${i + 1}`,
      title: `${choice.edition.item.toUpperCase()} ${choice.edition.title} ${q} ปีงบประมาณ พ.ศ. ${fy}${agency}`,
      blocks,
    };
  });
}

/** "สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม 2568" */
export function monthTitle(choice: TemplateChoice, m: Month): string {
  return `${choice.template.monthly?.monthTitle ?? 'เดือน'} ${monthName(m)}`;
}
