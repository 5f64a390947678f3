/**
 * The integrity-measures templates as data: the ITA score analysis, the o34 measures analysis,
 * the o35 measures report and the OIT checklist. The wordings come from the seeds (see
 * integrityIssues.ts, oitItems.ts, itaIndicators.ts); this file only arranges them into columns,
 * editions and rules, so the command line and the task pane serve them like any other template.
 */
import type { ColumnDef, EditionDef, TemplateDef } from './types';
import { INTEGRITY_ISSUES_2567, MEASURE_COMPONENTS, MEASURE_ISSUE_COLUMN, MEASURE_REPORT_COLUMNS, type ColumnWording } from './integrityIssues';
import { ITA_INDICATORS } from './itaIndicators';
import { OIT_ITEMS } from './oitItems';
import { NOT_PUBLISHED, PUBLISHED } from './measureOptions';
import { OIT_ITEMS_RECENT } from './oitItemsRecent';

/** Scores are shown with two decimals, as NACC publishes them. */
const SCORE_FORMAT = '0.00';

function wording(w: ColumnWording, rest: Omit<ColumnDef, 'key' | 'header' | 'aliases'>): ColumnDef {
  return { key: w.key, header: w.header, aliases: w.aliases, ...rest };
}

function component(key: string): ColumnWording {
  const c = MEASURE_COMPONENTS.find((x) => x.key === key);
  if (!c) throw new Error(`no measure component ${key}`);
  return c;
}

function reportColumn(key: string): ColumnWording {
  const c = MEASURE_REPORT_COLUMNS.find((x) => x.key === key);
  if (!c) throw new Error(`no report column ${key}`);
  return c;
}

// ---------------------------------------------------------------------------------------------
// ITA score analysis (seed 002's table; seed 000's single-year table)

/** The level and strength words written into derived cells (Thai, as the seeds word them). */
export const ITA_WORDS = {
  strength: 'จุดแข็ง',
  weakness: 'จุดอ่อน',
  rose: 'เพิ่มขึ้น',
  fell: 'ลดลง',
  same: 'เท่าเดิม',
  overall: 'คะแนนรวม',
  level: 'ระดับ',
} as const;

const ITA_SCORE_COLUMNS: readonly ColumnDef[] = [
  { key: 'no', header: 'ตัวชี้วัดที่', aliases: ['ตัวชี้วัด ที่'], type: 'integer', required: 'optional', optionalColumn: true, width: 10, numFmt: '0' },
  { key: 'indicator', header: 'ตัวชี้วัด', aliases: ['รายละเอียดตัวชี้วัด', 'ชื่อตัวชี้วัด', 'ตัวชี้วัดการประเมิน'], type: 'text', required: 'always', width: 38 },
  { key: 'tool', header: 'เครื่องมือ', aliases: ['เครื่องมือการประเมิน', 'แบบวัด'], type: 'option', options: 'itaTool', unknownOption: 'error', required: 'optional', optionalColumn: true, width: 12 },
  {
    key: 'previous', header: 'คะแนนปีที่แล้ว', aliases: ['คะแนนปีก่อน', 'ผลคะแนนปีที่แล้ว', 'ผลคะแนนปีก่อน'],
    yearHeader: 'previous', type: 'score', required: 'optional', optionalColumn: true, width: 14, numFmt: SCORE_FORMAT,
    hint: 'คะแนนของตัวชี้วัดนี้ในการประเมินปีก่อน (ถ้ามี)', hintEn: 'This indicator\'s score in last year\'s assessment (if any)',
  },
  {
    key: 'current', header: 'คะแนนปีนี้', aliases: ['คะแนน', 'ผลคะแนน', 'คะแนนที่ได้', 'ผลคะแนนปีนี้'],
    yearHeader: 'current', type: 'score', required: 'always', width: 14, numFmt: SCORE_FORMAT,
  },
  { key: 'change', header: 'ผลต่าง', aliases: ['เพิ่มขึ้น/ลดลง', 'ผลต่างคะแนน'], type: 'score', derived: 'scoreChange', required: 'optional', width: 10, numFmt: SCORE_FORMAT },
  { key: 'assessment', header: 'จุดแข็ง/จุดอ่อน', aliases: ['ผลการวิเคราะห์', 'จุดแข็งหรือจุดอ่อน'], type: 'text', derived: 'strength', required: 'optional', width: 14 },
  { key: 'trend', header: 'แนวโน้ม', aliases: ['เทียบกับปีที่แล้ว'], type: 'text', derived: 'trend', required: 'optional', width: 12 },
];

function indicatorRows(edition: string): EditionDef['seedRows'] {
  return (ITA_INDICATORS[edition] ?? []).map((i) => ({ no: i.no, indicator: i.name, tool: i.tool }));
}

const itaScores: TemplateDef = {
  id: 'ita-scores',
  name: 'การวิเคราะห์ผลคะแนน ITA',
  nameEn: 'ITA score analysis',
  sheetName: 'ผลคะแนน ITA',
  columns: ITA_SCORE_COLUMNS,
  editions: [
    // ITA 2569 O25: the analysis of last year's scores and what the agency does about it.
    { edition: '2569', item: 'o25', title: 'การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร', part: 'ผลการวิเคราะห์คะแนน', window: 'fiscalYear', seedRows: indicatorRows('2569'), sheetName: 'O25 ผลคะแนน ITA' },
    { edition: '2568', item: 'ita', title: 'ผลการประเมินคุณธรรมและความโปร่งใสรายตัวชี้วัด', window: 'fiscalYear', seedRows: indicatorRows('2568') },
    { edition: '2567', item: 'ita', title: 'ผลการประเมินคุณธรรมและความโปร่งใสรายตัวชี้วัด', window: 'fiscalYear', seedRows: indicatorRows('2567') },
    { edition: '2563', item: 'ita', title: 'ผลการประเมินคุณธรรมและความโปร่งใสรายตัวชี้วัด', window: 'fiscalYear', seedRows: indicatorRows('2563') },
  ],
  rules: ['ita-scores'],
  overallRow: { label: 'คะแนนรวม (IIT 30% EIT 30% OIT 40%)', labelField: 'indicator', levelField: 'assessment' },
  titleHints: ['ผลการประเมิน', 'ผลคะแนน', 'ITA', 'ตัวชี้วัด'],
  fiscalYearColumn: 'assessed',
};

// ---------------------------------------------------------------------------------------------
// o34 measures analysis (seed 000's table)

/** The issue text of the row that holds the analysis of the agency's limitations. */
const LIMITATIONS_LABEL = 'ข้อจำกัดของหน่วยงานในการดำเนินการประเมินคุณธรรมและความโปร่งใส';
/** An issue text that names the limitations, however the agency words the rest. */
export const LIMITATIONS_WORD = /ข้อจำกัด/;

const MEASURES_ANALYSIS_COLUMNS: readonly ColumnDef[] = [
  wording(MEASURE_ISSUE_COLUMN, { type: 'longText', required: 'always', width: 34, hint: 'ประเด็นที่ ๑–๗ ของ ITA 2567 หรือข้อจำกัดของหน่วยงาน', hintEn: 'Issue area 1–7 of ITA 2567, or the agency\'s limitations' }),
  wording(component('action'), { type: 'longText', required: 'optional', width: 40 }),
  wording(component('responsible'), { type: 'longText', required: 'optional', width: 24 }),
  wording(component('steps'), { type: 'longText', required: 'optional', width: 60, hint: 'เขียนเป็นขั้น ๑. ๒. ๓. แต่ละขั้นขึ้นบรรทัดใหม่', hintEn: 'Write steps 1. 2. 3., each on a new line' }),
  wording(component('period'), { type: 'period', required: 'optional', width: 20, hint: 'เช่น ตลอดปีงบประมาณ, ต.ค. 66 - มี.ค. 67, ไตรมาส 2', hintEn: 'e.g. ตลอดปีงบประมาณ (whole fiscal year), ต.ค. 66 - มี.ค. 67, ไตรมาส 2 (quarter 2)' }),
];

const AREA_SEEDS = INTEGRITY_ISSUES_2567.map((a) => ({ issue: `(${a.no}) ${a.title}` }));

const measuresAnalysis: TemplateDef = {
  id: 'measures-analysis',
  name: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
  nameEn: 'Integrity and transparency measures (analysis)',
  sheetName: 'มาตรการ o34',
  columns: MEASURES_ANALYSIS_COLUMNS,
  editions: [
    {
      edition: '2567', item: 'o34', title: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', window: 'fiscalYear',
      coverage: { field: 'issue', areas: INTEGRITY_ISSUES_2567 },
      seedRows: [...AREA_SEEDS, { issue: LIMITATIONS_LABEL }],
    },
    { edition: '2566', item: 'o42', title: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', window: 'fiscalYear' },
    {
      // ITA 2568 O27: o34's counterpart (best known: the same seven issues and the limitations).
      edition: '2568', item: 'o27', title: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', window: 'fiscalYear',
      coverage: { field: 'issue', areas: INTEGRITY_ISSUES_2567 },
      seedRows: [...AREA_SEEDS, { issue: LIMITATIONS_LABEL }],
      sheetName: 'มาตรการ O27',
    },
    {
      // ITA 2569 has no separate measures item: the measures drawn from the score analysis are part of O25.
      edition: '2569', item: 'o25', title: 'การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร', part: 'มาตรการจากผลการวิเคราะห์', window: 'fiscalYear',
      sheetName: 'O25 การพัฒนาองค์กร',
    },
  ],
  rules: ['coverage', 'measure-components', 'limitations-stated', 'date-window'],
  windowField: 'period',
  windowSeverity: 'error',
  titleHints: ['มาตรการส่งเสริมคุณธรรม', 'ข้อบกพร่อง', 'วิเคราะห์', 'o34', 'o27'],
  fiscalYearColumn: 'assessed',
  longText: true,
};

// ---------------------------------------------------------------------------------------------
// o35 measures report (seeds 000, 003, 004)

const MEASURES_REPORT_COLUMNS: readonly ColumnDef[] = [
  wording(reportColumn('measure'), { type: 'longText', required: 'always', width: 36 }),
    // o35 prescribes the measure, its summary and its outcome; the rest are what the seeds add.
  wording(reportColumn('steps'), { type: 'longText', required: 'optional', optionalColumn: true, width: 48 }),
  wording(reportColumn('responsible'), { type: 'longText', required: 'optional', optionalColumn: true, width: 22 }),
  wording(reportColumn('period'), { type: 'period', required: 'optional', optionalColumn: true, width: 18 }),
  wording(reportColumn('status'), { type: 'option', options: 'measureStatus', unknownOption: 'error', required: 'optional', optionalColumn: true, width: 18, hint: 'ไม่มีคอลัมน์นี้ก็ได้: ใช้ช่อง ☑ ดำเนินการ / ☐ ยังไม่ได้ดำเนินการ ในช่องสรุปผล', hintEn: 'This column may be absent: tick ☑ ดำเนินการ (done) / ☐ ยังไม่ได้ดำเนินการ (not done) in the result instead' }),
  { ...wording(reportColumn('result'), { type: 'longText', required: 'optional', width: 48 }), key: 'summary' },
  wording(reportColumn('outcome'), { type: 'longText', required: 'optional', width: 40 }),
  {
    key: 'note', header: 'เหตุผลที่ยังไม่ได้ดำเนินการ', aliases: ['เหตุผล', 'ปัญหาอุปสรรค', 'ปัญหา/อุปสรรค'],
    type: 'longText', required: 'optional', optionalColumn: true, width: 30, hint: 'กรอกเมื่อสถานะเป็น "ยังไม่ได้ดำเนินการ"', hintEn: 'Fill in when the status is "ยังไม่ได้ดำเนินการ" (not done)',
  },
];

const measuresReport: TemplateDef = {
  id: 'measures-report',
  name: 'รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
  nameEn: 'Integrity and transparency measures (report)',
  sheetName: 'รายงานผล o35',
  columns: MEASURES_REPORT_COLUMNS,
  editions: [
    { edition: '2567', item: 'o35', title: 'รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', window: 'fiscalYear' },
    { edition: '2566', item: 'o43', title: 'การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', window: 'fiscalYear' },
    // From ITA 2568 the report is of the previous fiscal year's measures.
    { edition: '2568', item: 'o28', title: 'รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', window: 'previousFiscalYear', sheetName: 'รายงานผล O28' },
    { edition: '2569', item: 'o26', title: 'รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', window: 'previousFiscalYear', sheetName: 'รายงานผล O26' },
  ],
  rules: ['done-needs-result', 'date-window'],
  windowField: 'period',
  windowSeverity: 'warning',
  titleHints: ['รายงานผล', 'ผลการดำเนินการ', 'o35', 'o28', 'o26'],
  fiscalYearColumn: 'assessed',
  crossRules: [{ rule: 'measures-in-report', other: 'measures-analysis' }],
  longText: true,
  groupHeadings: true,
};

// ---------------------------------------------------------------------------------------------
// OIT checklist / responsibility matrix (seeds 000 and 001)

const OIT_COLUMNS: readonly ColumnDef[] = [
  { key: 'no', header: 'ข้อ', aliases: ['ข้อที่', 'ตัวชี้วัดที่', 'รหัส'], type: 'text', required: 'always', width: 7 },
  // Seed 000 writes number and name in one cell ("๐๑ โครงสร้าง"): the name column may be absent.
  { key: 'name', header: 'ข้อมูล', aliases: ['หัวข้อ', 'ชื่อข้อมูล', 'ประเด็นการตรวจ'], type: 'text', required: 'always', optionalColumn: true, width: 34 },
  { key: 'components', header: 'องค์ประกอบด้านข้อมูล', aliases: ['องค์ประกอบ', 'รายละเอียดข้อมูล'], type: 'longText', required: 'optional', optionalColumn: true, width: 60 },
  { key: 'responsible', header: 'ส่วนราชการที่รับผิดชอบ', aliases: ['ผู้รับผิดชอบ', 'หน่วยงานที่รับผิดชอบ', 'หน่วยงานผู้รับผิดชอบ', 'ส่วนราชการผู้รับผิดชอบ'], type: 'text', required: 'always', width: 22 },
  { key: 'method', header: 'วิธีดำเนินการ', aliases: ['วิธีการดำเนินการ', 'การดำเนินการ'], type: 'longText', required: 'optional', optionalColumn: true, width: 34 },
  {
    key: 'status', header: 'สถานะการเผยแพร่', aliases: ['สถานะ', 'ผลการดำเนินการ', 'การเผยแพร่', 'ดำเนินการเผยแพร่ข้อมูลบนเว็บไซต์', 'การดำเนินการเผยแพร่ข้อมูลบนเว็บไซต์'],
    type: 'option', options: 'publishStatus', unknownOption: 'error', required: 'always', width: 18,
    tickColumns: [
      { header: PUBLISHED, aliases: ['เผยแพร่แล้ว', 'ดำเนินการเผยแพร่ข้อมูลบนเว็บไซต์ดำเนินการแล้ว'], value: PUBLISHED },
      { header: NOT_PUBLISHED, aliases: ['ยังไม่ดำเนินการ', 'ยังไม่เผยแพร่', 'ดำเนินการเผยแพร่ข้อมูลบนเว็บไซต์ยังไม่ได้ดำเนินการ'], value: NOT_PUBLISHED },
    ],
  },
  {
    key: 'url', header: 'ตำแหน่งข้อมูลบนเว็บไซต์ (URL)',
    aliases: ['ตำแหน่งข้อมูลบนเว็บไซต์หน่วยงาน', 'ตำแหน่งข้อมูลบนเว็บไซต์', 'URL', 'ลิงก์', 'ที่อยู่เว็บไซต์', 'ตำแหน่งข้อมูลบนเว็บไซต์หน่วยงาน (URL)'],
    type: 'url', required: 'optional', width: 44,
  },
];

function oitEdition(edition: string): EditionDef {
  const items = OIT_ITEMS[edition] ?? OIT_ITEMS_RECENT[edition] ?? [];
  return {
    edition,
    item: 'oit',
    title: 'การเปิดเผยข้อมูลสาธารณะ (OIT)',
    window: 'fiscalYear',
    catalogue: { field: 'no', items: items.map((i) => ({ value: i.no, label: i.name })) },
    seedRows: items.map((i) => ({ no: i.no, name: i.name, components: i.components.map((c) => `- ${c}`).join('\n') })),
  };
}

const oitChecklist: TemplateDef = {
  id: 'oit-checklist',
  name: 'ตารางตรวจการเปิดเผยข้อมูลสาธารณะ OIT',
  nameEn: 'OIT publication checklist',
  sheetName: 'OIT',
  columns: OIT_COLUMNS,
  editions: [oitEdition('2569'), oitEdition('2568'), oitEdition('2567'), oitEdition('2566')],
  rules: ['catalogue-complete', 'published-needs-url', 'website-known'],
  titleHints: ['OIT', 'เปิดเผยข้อมูล', 'ผู้รับผิดชอบ'],
  fiscalYearColumn: 'assessed',
  longText: true,
};

export const MEASURE_TEMPLATES: readonly TemplateDef[] = [itaScores, measuresAnalysis, measuresReport, oitChecklist];
