/**
 * The procurement templates (o14, o16, o17 in ITA 2567) as data. Headers are the best-known
 * prescribed layout (DOMAIN.md): six agency columns on every row, then the item's fields.
 */
import type { ColumnDef, SummaryDef, TemplateDef } from './types';
import {
  METHODS_GENERAL,
  METHODS_SELECTION,
  METHODS_SPECIFIC,
  STATUS_CANCELLED,
} from './options';

/**
 * Spreadsheets show these dates in the Buddhist Era ("31 มี.ค. 2567") while storing real dates:
 * 07 = Thai Buddhist calendar, 041E = Thai locale. (Calc shows the newer "[$-th-TH,107]" form as
 * a bare serial number, so the LCID form is used.)
 */
export const DATE_FORMAT_BE = '[$-107041E]d mmm yyyy';
export const MONEY_FORMAT = '#,##0.00';

const AGENCY_COLUMNS: readonly ColumnDef[] = [
  { key: 'fiscalYear', header: 'ปีงบประมาณ', aliases: ['ปีงบประมาณ พ.ศ.', 'ปี งบประมาณ'], type: 'fiscalYear', required: 'always', agency: 'fiscalYear', width: 11, numFmt: '0' },
  { key: 'agencyType', header: 'ประเภทหน่วยงาน', type: 'option', options: 'agencyType', unknownOption: 'warning', required: 'always', agency: 'agencyType', width: 22 },
  { key: 'ministry', header: 'กระทรวง', aliases: ['สังกัดกระทรวง', 'กระทรวง/สังกัด'], type: 'text', required: 'always', agency: 'ministry', width: 18 },
  { key: 'agencyName', header: 'ชื่อหน่วยงาน', aliases: ['หน่วยงาน'], type: 'text', required: 'always', agency: 'name', width: 24 },
  { key: 'district', header: 'อำเภอ', aliases: ['เขต/อำเภอ', 'อำเภอ/เขต'], type: 'text', required: 'always', agency: 'district', width: 14 },
  { key: 'province', header: 'จังหวัด', type: 'text', required: 'always', agency: 'province', width: 14 },
];

const ITEM: ColumnDef = {
  key: 'item',
  header: 'งานที่ซื้อหรือจ้าง',
  aliases: ['งานจัดซื้อจัดจ้าง', 'งานที่จัดซื้อหรือจัดจ้าง', 'ชื่อโครงการ', 'รายการ', 'รายการงานที่ซื้อหรือจ้าง', 'งานที่จัดซื้อจัดจ้าง'],
  type: 'text',
  required: 'always',
  width: 42,
};
const BUDGET: ColumnDef = {
  key: 'budget',
  header: 'วงเงินงบประมาณที่ได้รับจัดสรร (บาท)',
  aliases: ['วงเงินงบประมาณที่ได้รับจัดสรร', 'วงเงินงบประมาณ', 'วงเงินงบประมาณ (บาท)', 'งบประมาณที่ได้รับจัดสรร'],
  type: 'money',
  required: 'always',
  width: 18,
  numFmt: MONEY_FORMAT,
};
const SOURCE: ColumnDef = {
  key: 'budgetSource',
  header: 'แหล่งที่มาของงบประมาณ',
  aliases: ['แหล่งที่มางบประมาณ', 'แหล่งงบประมาณ', 'ที่มาของงบประมาณ'],
  type: 'option',
  options: 'budgetSource',
  unknownOption: 'warning',
  required: 'always',
  width: 24,
};
const STATUS: ColumnDef = {
  key: 'status',
  header: 'สถานะการจัดซื้อจัดจ้าง',
  aliases: ['สถานะ', 'สถานะโครงการ', 'สถานะการจัดซื้อ'],
  type: 'option',
  options: 'procurementStatus',
  unknownOption: 'error',
  filledWhenBlank: 'contractDates',
  required: 'always',
  width: 22,
};
const METHOD: ColumnDef = {
  key: 'method',
  header: 'วิธีการจัดซื้อจัดจ้าง',
  aliases: ['วิธีจัดซื้อจัดจ้าง', 'วิธีการจัดหา', 'วิธีซื้อหรือจ้าง', 'วิธีการซื้อหรือจ้าง'],
  type: 'option',
  options: 'procurementMethod',
  unknownOption: 'error',
  required: 'always',
  width: 30,
};
const RESULT_FIELDS: readonly ColumnDef[] = [
  ITEM,
  BUDGET,
  SOURCE,
  STATUS,
  METHOD,
  { key: 'medianPrice', header: 'ราคากลาง (บาท)', aliases: ['ราคากลาง'], type: 'money', required: 'whenContracted', width: 16, numFmt: MONEY_FORMAT },
  {
    key: 'agreedPrice',
    header: 'ราคาที่ตกลงซื้อหรือจ้าง (บาท)',
    aliases: ['ราคาที่ตกลงซื้อหรือจ้าง', 'ราคาที่ตกลงซื้อจ้าง', 'ราคาที่ตกลงซื้อจ้าง (บาท)', 'ราคาที่ตกลงซื้อ/จ้าง', 'ราคาที่ตกลงซื้อ / จ้าง (บาท)'],
    type: 'money',
    required: 'whenContracted',
    width: 18,
    numFmt: MONEY_FORMAT,
  },
  {
    key: 'taxId',
    header: 'เลขประจำตัวผู้เสียภาษี',
    aliases: [
      'เลขประจำตัวผู้เสียภาษี/เลขประจำตัวประชาชนของผู้ประกอบการที่ได้รับการคัดเลือก',
      'เลขประจำตัวผู้เสียภาษี/เลขประจำตัวประชาชน',
      'เลขประจำตัวผู้เสียภาษีอากร',
      'เลขประจำตัวผู้เสียภาษีของผู้ประกอบการ',
      'เลขประจำตัวนิติบุคคล 13 หลัก',
      'เลขนิติบุคคล',
    ],
    type: 'taxId',
    required: 'whenContracted',
    width: 19,
    numFmt: '@',
  },
  {
    key: 'winner',
    header: 'รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก',
    aliases: ['ชื่อผู้ประกอบการที่ได้รับการคัดเลือก', 'รายชื่อผู้ประกอบการ', 'ผู้ได้รับการคัดเลือก', 'ชื่อผู้ชนะการเสนอราคา', 'ชื่อผู้ชนะ'],
    type: 'text',
    required: 'whenContracted',
    width: 30,
  },
  {
    key: 'projectNumber',
    header: 'เลขที่โครงการ',
    aliases: ['เลขที่โครงการ (e-GP)', 'เลขที่โครงการในระบบ e-GP', 'รหัสโครงการ', 'เลขโครงการ'],
    type: 'projectNumber',
    required: 'whenContracted',
    width: 15,
    numFmt: '@',
    hint: 'เลข 11 หลักจากระบบ e-GP', hintEn: 'The 11-digit number from e-GP',
    exemptBelow: { fields: ['agreedPrice', 'budget'], amount: 5_000 },
  },
  {
    key: 'signDate',
    header: 'วันที่ลงนามในสัญญา',
    aliases: ['วันที่ลงนามสัญญา', 'วันที่เริ่มต้นสัญญา', 'วันที่ทำสัญญา', 'วันลงนามในสัญญา'],
    type: 'date',
    required: 'whenContracted',
    width: 15,
    numFmt: DATE_FORMAT_BE,
  },
  {
    key: 'endDate',
    header: 'วันสิ้นสุดสัญญา',
    aliases: ['วันที่สิ้นสุดสัญญา', 'วันสิ้นสุดระยะสัญญา', 'กำหนดส่งมอบ'],
    type: 'date',
    required: 'whenContracted',
    width: 15,
    numFmt: DATE_FORMAT_BE,
  },
];

/** Rules of the result list (o16/o17), by name; the engine holds their code. */
const RESULT_RULES = [
  'price-above-budget',
  'price-above-median',
  'median-above-budget',
  'method-amount',
  'end-before-signing',
  'date-window',
  'status-dates',
  'duplicate-project-number',
  'agency-consistent',
  'project-number-year',
  'personal-id',
  'max-rows',
] as const;

export const ANNUAL_SUMMARY: SummaryDef = {
  sheetName: 'สรุปตามวิธี',
  title: 'รายงานสรุปผลการจัดซื้อจัดจ้างประจำปี จำแนกตามวิธีการจัดซื้อจัดจ้าง',
  headers: { group: 'วิธีการจัดซื้อจัดจ้าง', count: 'จำนวนรายการ', amount: 'งบประมาณ (บาท)' },
  groups: [
    { label: 'วิธีประกาศเชิญชวนทั่วไป (e-Market, e-Bidding, สอบราคา)', methods: METHODS_GENERAL },
    { label: 'วิธีคัดเลือก', methods: METHODS_SELECTION },
    { label: 'วิธีเฉพาะเจาะจง', methods: METHODS_SPECIFIC },
  ],
  totalLabel: 'รวมทั้งสิ้น',
  amountField: 'agreedPrice',
  methodField: 'method',
  statusField: 'status',
  excludeStatuses: [STATUS_CANCELLED],
  notes: ['ปัญหา อุปสรรค', 'ข้อเสนอแนะ'],
};

export const procurementPlan: TemplateDef = {
  id: 'procurement-plan',
  name: 'แผนการจัดซื้อจัดจ้าง',
  nameEn: 'Procurement plan',
  sheetName: 'แผนการจัดซื้อจัดจ้าง',
  columns: [
    ...AGENCY_COLUMNS,
    ITEM,
    BUDGET,
    SOURCE,
    { ...METHOD, key: 'method', header: 'วิธีการที่จะดำเนินการจัดซื้อจัดจ้าง', aliases: ['วิธีการที่จะจัดซื้อจัดจ้าง', 'วิธีการจัดซื้อจัดจ้าง', 'วิธีจัดซื้อจัดจ้าง'] },
    {
      key: 'expectedStart',
      header: 'ช่วงเวลาที่คาดว่าจะเริ่มดำเนินการ',
      aliases: ['ช่วงเวลาที่คาดว่าจะเริ่มดำเนินการจัดซื้อจัดจ้าง', 'กำหนดเวลาที่คาดว่าจะเริ่มดำเนินการ', 'ระยะเวลาที่คาดว่าจะเริ่มดำเนินการ'],
      type: 'period',
      required: 'always',
      width: 22,
      hint: 'เช่น ต.ค. 2566 หรือ ไตรมาส 1', hintEn: 'e.g. ต.ค. 2566 (Oct 2566) or ไตรมาส 1 (quarter 1)',
    },
  ],
  editions: [{ edition: '2567', item: 'o14', title: 'แผนการจัดซื้อจัดจ้าง / รายงานการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ', window: 'fiscalYear' }],
  rules: ['method-amount', 'date-window', 'agency-consistent', 'plan-item-duplicate', 'capital-budget-only'],
  windowField: 'expectedStart',
  emptyStatement: 'ไม่มีการจัดซื้อจัดจ้าง',
  titleHints: ['แผนการจัดซื้อจัดจ้าง', 'แผนจัดซื้อ', 'o14'],
  fiscalYearColumn: 'assessed',
};

export const procurementProgress: TemplateDef = {
  id: 'procurement-progress',
  name: 'ความก้าวหน้าการจัดซื้อจัดจ้าง',
  nameEn: 'Procurement progress',
  sheetName: 'ความก้าวหน้าการจัดซื้อจัดจ้าง',
  columns: [...AGENCY_COLUMNS, ...RESULT_FIELDS],
  importable: true,
  editions: [
    { edition: '2567', item: 'o16', title: 'ความก้าวหน้าการจัดซื้อจัดจ้าง', window: 'firstHalf' },
    {
      edition: '2568',
      item: 'o12',
      title: 'รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ',
      window: 'fiscalYear',
      maxRows: 100,
      sheetName: 'O12 รายการและความก้าวหน้า',
    },
    // ITA 2569 has no o16 layout: its O11/O12 are the monthly สขร.1 tables (monthly.ts).
  ],
  rules: [...RESULT_RULES],
  windowField: 'signDate',
  emptyStatement: 'ไม่มีการจัดซื้อจัดจ้าง',
  titleHints: ['ความก้าวหน้า', 'o16', 'o12'],
  // A signed contract of the capital budget should be in the plan (o14) of the same fiscal year.
  crossRules: [{ rule: 'contracts-in-plan', other: 'procurement-plan', sameFiscalYear: true }],
  fiscalYearColumn: 'assessed',
};

export const procurementAnnual: TemplateDef = {
  id: 'procurement-annual',
  name: 'รายงานสรุปผลการจัดซื้อจัดจ้างประจำปี',
  nameEn: 'Annual procurement report',
  sheetName: 'ผลการจัดซื้อจัดจ้างประจำปี',
  columns: [...AGENCY_COLUMNS, ...RESULT_FIELDS],
  importable: true,
  editions: [
    { edition: '2567', item: 'o17', title: 'รายงานสรุปผลการจัดซื้อจัดจ้างประจำปี', window: 'previousFiscalYear' },
    { edition: '2568', item: 'o13', title: 'รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี', window: 'previousFiscalYear', sheetName: 'O13 ผลจัดซื้อจัดจ้างประจำปี' },
  ],
  rules: [...RESULT_RULES, 'summary-matches'],
  windowField: 'signDate',
  emptyStatement: 'ไม่มีการจัดซื้อจัดจ้าง',
  titleHints: ['ประจำปี', 'สรุปผล', 'o17', 'o13', 'รายงานผล'],
  fiscalYearColumn: 'data',
  summary: ANNUAL_SUMMARY,
};
