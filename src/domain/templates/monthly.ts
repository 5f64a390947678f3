/**
 * ITA 2569's procurement items as data: O11 สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน (the
 * current fiscal year) and O12 รายงานสรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุของหน่วยงาน (the previous
 * fiscal year, plus the summary by method) — both the monthly แบบ สขร.1 tables, one table per month
 * under a title naming the month (DOMAIN.md "Editions 2568 and 2569", best known). Headers are e-GP's
 * สขร.1 wording (import/monthlyColumns.ts keeps the same wording for the import).
 */
import type { ColumnDef, MonthlyDef, SummaryDef, TemplateDef } from './types';
import { ANNUAL_SUMMARY, MONEY_FORMAT } from './procurement';

const MONTHLY_FIELDS: readonly ColumnDef[] = [
  {
    key: 'item', header: 'งานที่จัดซื้อหรือจัดจ้าง',
    aliases: ['งานที่จัดซื้อจัดจ้าง', 'รายการงานที่จัดซื้อหรือจัดจ้าง', 'งานจัดซื้อหรือจัดจ้าง'],
    type: 'longText', required: 'always', width: 36,
  },
  {
    key: 'budget', header: 'วงเงินที่จะซื้อหรือจ้าง (บาท)',
    aliases: ['วงเงินที่จะซื้อหรือจ้าง', 'วงเงินที่จะซื้อจ้าง', 'วงเงินงบประมาณที่จะซื้อหรือจ้าง'],
    type: 'money', required: 'always', width: 16, numFmt: MONEY_FORMAT,
  },
  { key: 'medianPrice', header: 'ราคากลาง (บาท)', aliases: ['ราคากลาง'], type: 'money', required: 'always', width: 16, numFmt: MONEY_FORMAT },
  {
    key: 'method', header: 'วิธีซื้อหรือจ้าง', aliases: ['วิธีการซื้อหรือจ้าง', 'วิธีจัดซื้อจัดจ้าง', 'วิธีการจัดซื้อจัดจ้าง'],
    type: 'option', options: 'procurementMethod', unknownOption: 'error', required: 'always', width: 22,
  },
  {
    key: 'offers', header: 'รายชื่อผู้เสนอราคาและราคาที่เสนอ',
    aliases: ['รายชื่อผู้เสนอราคา และราคาที่เสนอ', 'ผู้เสนอราคาและราคาที่เสนอ', 'รายชื่อผู้ยื่นข้อเสนอและราคาที่เสนอ'],
    type: 'longText', required: 'always', width: 34, hint: 'ชื่อผู้เสนอราคาแต่ละราย ตามด้วย ราคา … บาท (รายละบรรทัด)',
  },
  {
    key: 'winner', header: 'ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง',
    aliases: ['ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง (บาท)', 'ผู้ที่ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง', 'ผู้ได้รับคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง'],
    type: 'longText', required: 'always', width: 34, hint: 'เช่น ห้างหุ้นส่วนจำกัด สีคิ้วก่อสร้าง ราคา 2,390,000 บาท',
  },
  {
    key: 'reason', header: 'เหตุผลที่คัดเลือกโดยสรุป', aliases: ['เหตุผลที่คัดเลือก', 'เหตุผลที่คัดเลือกโดยสังเขป'],
    type: 'text', required: 'always', width: 26,
  },
  {
    key: 'contract', header: 'เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง',
    aliases: ['เลขที่และวันที่ของสัญญาหรือข้อตกลง', 'เลขที่และวันที่ของสัญญา', 'เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อจ้าง'],
    type: 'text', required: 'always', width: 30, hint: 'เช่น สัญญาเลขที่ 12/2569 ลงวันที่ 15 ม.ค. 2569',
  },
];

/** The title of each month's table, as e-GP's สขร.1 words it ("… ในรอบเดือน ตุลาคม 2568"). */
const MONTHLY: MonthlyDef = {
  monthTitle: 'สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน',
  quarterTitle: 'ไตรมาส',
  emptyMonth: 'ไม่มีการจัดซื้อจัดจ้าง',
};

const MONTHLY_RULES = ['monthly-cells', 'monthly-tables'] as const;

export const procurementMonthly: TemplateDef = {
  id: 'procurement-monthly',
  name: 'สรุปผลการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.1)',
  nameEn: 'Monthly procurement summary (สขร.1)',
  sheetName: 'สขร.1 รายเดือน',
  columns: MONTHLY_FIELDS,
  editions: [
    { edition: '2569', item: 'o11', title: 'สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน', window: 'fiscalYear', sheetName: 'O11 สขร.1 รายเดือน' },
  ],
  rules: [...MONTHLY_RULES],
  emptyStatement: 'ไม่มีการจัดซื้อจัดจ้าง',
  titleHints: ['รายเดือน', 'สขร', 'o11', 'ในรอบเดือน'],
  fiscalYearColumn: 'assessed',
  monthly: MONTHLY,
};

/** O12's summary: the same groups as o17's, adding up the amounts of the monthly tables. */
const MONTHLY_ANNUAL_SUMMARY: SummaryDef = {
  ...ANNUAL_SUMMARY,
  sheetName: 'สรุปตามวิธี',
  amountField: 'budget',
  statusField: '',
  excludeStatuses: [],
};

export const procurementMonthlyAnnual: TemplateDef = {
  id: 'procurement-monthly-annual',
  name: 'รายงานสรุปผลการจัดซื้อจัดจ้างของหน่วยงาน (สขร.1 ทั้งปี)',
  nameEn: 'Annual procurement report (twelve สขร.1 months)',
  sheetName: 'สขร.1 ทั้งปี',
  columns: MONTHLY_FIELDS,
  editions: [
    { edition: '2569', item: 'o12', title: 'รายงานสรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุของหน่วยงาน', window: 'previousFiscalYear', sheetName: 'O12 สขร.1 ปีที่ผ่านมา' },
  ],
  rules: [...MONTHLY_RULES, 'summary-matches'],
  emptyStatement: 'ไม่มีการจัดซื้อจัดจ้าง',
  titleHints: ['ของหน่วยงาน', 'ทั้งปี', 'ปีที่ผ่านมา', 'o12', 'รายงานสรุปผล'],
  fiscalYearColumn: 'data',
  summary: MONTHLY_ANNUAL_SUMMARY,
  monthly: MONTHLY,
};
