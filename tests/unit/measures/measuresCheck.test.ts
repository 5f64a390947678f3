/**
 * The measures workbooks checked from the seeds' real content: each seed as a complete, correct
 * sheet, then with omissions seeded at known cells.
 */
import { checkSheet, checkWorkbook, type Issue } from '../../../src/domain/check';
import type { CellValue, SheetGrid } from '../../../src/domain/grid';
import { analyseScores, resultOf } from '../../../src/domain/itaScore';
import { RESULT_LETTERS, RESULT_WORDS } from '../../../src/domain/templates/itaIndicators';
import { utcDate } from '../../../src/domain/values/thaiDate';
import * as scores from '../../fixtures/seeds/itaScores';
import * as o34 from '../../fixtures/seeds/measures2567';
import * as o35 from '../../fixtures/seeds/measuresReport';
import * as oit from '../../fixtures/seeds/oitChecklist2567';
import * as oit66 from '../../fixtures/seeds/oitChecklist2566';

const today = utcDate(2024, 11, 1);
const copy = (rows: readonly (readonly CellValue[])[]): CellValue[][] => rows.map((r) => [...r]);
const grid = (name: string, rows: CellValue[][]): SheetGrid => ({ name, rows });
const errors = (issues: readonly Issue[]) => issues.filter((i) => i.severity === 'error');
const at = (issues: readonly Issue[], cell: string) => issues.filter((i) => `${i.column}${i.row}` === cell);
const figure = (r: { figures?: readonly { key: string; value: string }[] }, key: string) => r.figures?.find((f) => f.key === key)?.value;

describe('ITA score analysis (seed 002: 2562 → 2563; seed 000: 2567)', () => {
  it("recognises seed 002's table and derives what the report states: 84.09 (B) → 60.89 (D)", () => {
    const { report } = checkSheet(grid('ผลคะแนน', copy(scores.rows)), { today });
    expect(report).toMatchObject({ template: 'ita-scores', edition: '2563', headerRow: 2, rows: 11 });
    expect(errors(report.issues)).toEqual([]);
    expect(figure(report, 'overall')).toBe('60.89 (ระดับ D)');
    expect(figure(report, 'previousOverall')).toBe('84.09 (ระดับ B)');
    expect(figure(report, 'weaknesses')).toMatch(/^2 การใช้งบประมาณ, 3 การใช้อำนาจ, 4 .*, 5 .*, 9 การเปิดเผยข้อมูล, 10 การป้องกันการทุจริต$/);
    expect(figure(report, 'strengths')).toMatch(/^1 .*, 6 .*, 7 .*, 8 /);
    expect(figure(report, 'fell')).toMatch(/^4 .*, 5 .*, 7 .*, 9 .*, 10 /);
  });

  it("keeps the announced 60.88 (the NACC figure) when the total row states it, level D", () => {
    const rows = copy(scores.rows);
    rows[12][scores.COL.current] = '๖๐.๘๘';
    const { report } = checkSheet(grid('ผลคะแนน', rows), { today });
    expect(errors(report.issues)).toEqual([]);
    expect(figure(report, 'overall')).toBe('60.88 (ระดับ D)');
  });

  it('reports a total that disagrees with the indicators at its cell', () => {
    const rows = copy(scores.rows);
    rows[12][scores.COL.current] = 70.5;
    const { report } = checkSheet(grid('ผลคะแนน', rows), { today });
    expect(at(report.issues, 'D13')).toEqual([expect.objectContaining({ code: 'overall-mismatch', message: expect.stringContaining('60.89') })]);
  });

  it('reports a missing score, a missing indicator and a wrong tool where they are', () => {
    const rows = copy(scores.rows);
    rows[10][scores.COL.current] = null; // indicator 9, Excel row 11
    rows[5][scores.COL.indicator] = 'ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ (EIT)'; // row 6: IIT, not EIT
    rows.splice(8, 1); // indicator 7 (row 9) gone
    const { report } = checkSheet(grid('ผลคะแนน', rows), { today });
    expect(at(report.issues, 'D10')).toEqual([expect.objectContaining({ code: 'required' })]); // indicator 9 moved up to row 10
    expect(at(report.issues, 'B6')).toEqual([expect.objectContaining({ code: 'tool-mismatch', message: 'ตัวชี้วัดที่ 4 วัดด้วย IIT ไม่ใช่ EIT' })]);
    expect(report.issues).toContainEqual(expect.objectContaining({ code: 'indicator-missing', row: null, message: 'ไม่มีตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร' }));
    expect(figure(report, 'overall')).toBe('60.89 (ระดับ D)'); // the stated total, no longer checkable
  });

  it("derives seed 000's 2567 result: 93.09 with IIT 97.62 and OIT 89.65", () => {
    // Seed 000's table names no year: it is ITA 2567's, say so.
    const { report } = checkSheet(grid('สรุปผล', copy(scores.SEED_000_ROWS)), { today, edition: '2567' });
    expect(report).toMatchObject({ template: 'ita-scores', edition: '2567', rows: 10 });
    expect(errors(report.issues)).toEqual([]);
    expect(figure(report, 'overall')).toBe('93.09 (ผ่านดี)'); // seed 000: "๙๓.๐๙ คะแนน ระดับผ่านดี"
    expect(figure(report, 'tools')).toBe('IIT 97.62, EIT 93.14, OIT 89.65');
    expect(figure(report, 'weaknesses')).toBe('9 การเปิดเผยข้อมูล');
  });

  it('levels follow the bands kept as data: letters before 2566', () => {
    expect([94.99, 95, 85, 84.99, 75, 64.99, 55, 54.99, 50, 49.99].map((s) => resultOf(s, RESULT_LETTERS).replace('ระดับ ', ''))).toEqual(['A', 'AA', 'A', 'B', 'B', 'D', 'D', 'E', 'E', 'F']);
    const a = analyseScores(scores.rows.slice(2, 12).map((r) => ({ no: Number(r[0]), previous: Number(r[2]), current: Number(r[3]) })), '2563');
    expect([a.previousOverall, a.overall, a.previousLevel, a.level]).toEqual([84.09, 60.89, 'ระดับ B', 'ระดับ D']);
  });

  it('words the result from ITA 2566 on, with the per-tool condition', () => {
    const all = (n: number) => ({ IIT: n, EIT: n, OIT: n });
    expect(resultOf(96, RESULT_WORDS, all(96))).toBe('ผ่านดีเยี่ยม');
    expect(resultOf(96, RESULT_WORDS, { IIT: 99, EIT: 99, OIT: 93 })).toBe('ผ่านดี'); // one tool under 95
    expect(resultOf(93.09, RESULT_WORDS, { IIT: 97.62, EIT: 93.14, OIT: 89.65 })).toBe('ผ่านดี');
    expect(resultOf(90.42, RESULT_WORDS, { IIT: 98, EIT: 92, OIT: 80 })).toBe('ผ่าน'); // seed 003's level, OIT under 85
    expect(resultOf(84.99, RESULT_WORDS, all(90))).toBe('ต้องปรับปรุง');
    expect(resultOf(70, RESULT_WORDS, all(70))).toBe('ต้องปรับปรุง');
    expect(resultOf(69.99, RESULT_WORDS, all(70))).toBe('ต้องปรับปรุงโดยด่วน');
  });

  it('checks derived cells: a wrong strength word is an error with the right value offered', () => {
    const rows: CellValue[][] = [
      ['ตัวชี้วัดที่', 'ตัวชี้วัด', 'เครื่องมือ', 'คะแนนปีที่แล้ว', 'คะแนนปีนี้', 'ผลต่าง', 'จุดแข็ง/จุดอ่อน', 'แนวโน้ม'],
      ...scores.rows.slice(2, 12).map((r) => [r[0], String(r[1]).replace(/^ตัวชี้วัดที่ \S+ /, '').replace(/ \(\w+\)$/, ''), null, r[2], r[3], null, null, null] as CellValue[]),
    ];
    rows[1][6] = 'จุดอ่อน'; // indicator 1 scores 88.99: a strength
    rows[1][5] = 0.08;
    rows[1][7] = 'เพิ่มขึ้น';
    const { report } = checkSheet(grid('ITA', rows), { today, fiscalYear: 2563 });
    expect(at(report.issues, 'G2')).toEqual([expect.objectContaining({ code: 'derived-wrong', fix: expect.objectContaining({ value: 'จุดแข็ง' }) })]);
    expect(at(report.issues, 'F2')).toEqual([]);
    expect(at(report.issues, 'H2')).toEqual([]);
    expect(at(report.issues, 'H3')).toEqual([expect.objectContaining({ code: 'derived-missing', fix: expect.objectContaining({ value: 'เพิ่มขึ้น' }) })]);
  });
});

/** Seed 000's o34 table with the seed's own gaps filled, plus the limitations row. */
function completeO34(): CellValue[][] {
  const rows = copy(o34.rows);
  for (const r of rows.slice(3)) if (r[4] === null) r[4] = 'ตลอดปีงบประมาณ';
  rows.push(['ข้อจำกัดของหน่วยงาน', 'บุคลากรมีจำนวนจำกัดและมีภาระงานหลายด้าน ทำให้การเผยแพร่ข้อมูลล่าช้า', null, null, null]);
  return rows;
}

describe('o34 measures analysis (seed 000)', () => {
  it('a complete table: seven areas, four parts each, periods in FY 2567, limitations stated', () => {
    const { report } = checkSheet(grid('o34', completeO34()), { today });
    expect(report).toMatchObject({ template: 'measures-analysis', item: 'o34', edition: '2567', headerRow: 3, rows: 8 });
    expect(report.issues).toEqual([]);
  });

  it("the seed as printed: its empty periods and the missing limitations are reported at their cells", () => {
    const { report } = checkSheet(grid('o34', copy(o34.rows)), { today });
    expect(errors(report.issues).map((i) => `${i.code} ${i.column ?? ''}${i.row ?? ''}`)).toEqual([
      'limitations-missing ', 'measure-part-missing E5', 'measure-part-missing E9', 'measure-part-missing E10',
    ]);
    expect(at(report.issues, 'E5')[0].message).toBe('ประเด็น "๒. การให้บริการและระบบ E-Service" ยังไม่มี "ระยะเวลาดำเนินการ"');
  });

  it('an area left out, a step missing, a period outside the fiscal year', () => {
    const rows = completeO34();
    rows.splice(5, 1); // area 3 (row 6)
    rows[5][3] = '-'; // area 4's steps, now row 6: only a dash
    rows[6][4] = 'ต.ค. ๒๕๖๘ - ธ.ค. ๒๕๖๘'; // area 5, now row 7
    const { report } = checkSheet(grid('o34', rows), { today });
    expect(report.issues).toContainEqual(expect.objectContaining({ code: 'area-missing', row: null, message: 'ยังไม่มีมาตรการสำหรับประเด็นที่ 3 ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ' }));
    expect(at(report.issues, 'D6')).toEqual([expect.objectContaining({ code: 'measure-part-missing' })]);
    expect(at(report.issues, 'E7')).toEqual([expect.objectContaining({ code: 'date-outside-window', severity: 'error' })]);
  });
});

describe('o35 measures report (seeds 000 and 003)', () => {
  it("seed 003: headings and '(ต่อ)' page continuations are not measures; seven complete measures", () => {
    // Seed 003 reports the measures of FY 2568 (its title's year): ITA 2569's O26, whose window is
    // the previous fiscal year.
    const { report } = checkSheet(grid('o35', copy(o35.rows)), { today, fiscalYear: 2569, edition: '2569' });
    expect(report).toMatchObject({ template: 'measures-report', edition: '2569', item: 'o26', headerRow: 3, rows: 7 });
    expect(report.issues).toEqual([]);
  });

  it("seed 000's combined table: the measure whose outcome the seed left empty (area 5, G8)", () => {
    const { report } = checkSheet(grid('o35', copy(o34.FULL_ROWS)), { today });
    expect(report.template).toBe('measures-report');
    expect(errors(report.issues).map((i) => `${i.code} ${i.column}${i.row}`)).toEqual(['done-without-result G8']);
  });

  it('with a status column: done needs summary and outcome; not done needs a reason', () => {
    const rows: CellValue[][] = [
      ['มาตรการ/กิจกรรม', 'ผู้รับผิดชอบ', 'ระยะเวลาดำเนินการ', 'สถานะ', 'สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม', 'ผลลัพธ์หรือความสำเร็จในการดำเนินการ', 'เหตุผลที่ยังไม่ได้ดำเนินการ'],
      ['ประชาสัมพันธ์ระบบ E-Service', 'สำนักปลัด', 'ตลอดปีงบประมาณ', 'ดำเนินการแล้ว', '๑. ประชาสัมพันธ์ทางเว็บไซต์\n๒. จัดอบรม', null, null],
      ['จัดทำคู่มือการใช้ทรัพย์สินของราชการ', 'กองคลัง', 'ไตรมาส ๓', 'ยังไม่ดำเนินการ', null, null, '-'],
      ['ทบทวนขั้นตอนการให้บริการ', 'ทุกกอง', 'ไตรมาส ๑', 'ยังไม่ได้ดำเนินการ', null, null, 'รอผลการประชุมคณะทำงาน'],
    ];
    const { report } = checkSheet(grid('o35', rows), { today, fiscalYear: 2567 });
    expect(errors(report.issues).map((i) => `${i.code} ${i.column}${i.row}`)).toEqual(['done-without-result F2', 'not-done-without-reason G3']);
  });

  it("warns for each o34 measure the report leaves out", () => {
    const report = copy(o34.FULL_ROWS);
    report.splice(6, 1); // area 4's measure (row 7) not reported
    const wb = checkWorkbook([grid('o34', completeO34()), grid('o35', report)], { today });
    const missing = wb.sheets[1].issues.filter((i) => i.code === 'measure-not-reported');
    expect(missing).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('(แผ่นงาน o34 แถว 7)') })]);
    expect(wb.sheets[0].issues).toEqual([]);
  });
});

describe('OIT checklist (seed 000: 2567 o1–o35; seed 001: 2566, 43 items)', () => {
  it('the 2567 checklist: every item once, every URL on the agency site but o22 (as the seed has it)', () => {
    const { report } = checkSheet(grid('OIT', copy(oit.rows)), { today, website: oit.WEBSITE });
    expect(report).toMatchObject({ template: 'oit-checklist', edition: '2567', headerRow: 3, rows: 35 });
    expect(report.issues.map((i) => `${i.code} ${i.column}${i.row}`)).toEqual(['url-other-domain G25']);
    expect(report.issues[0].message).toContain('www.chumphoncity.go.th');
  });

  it('omissions: an item left out, one unpublished, one without a unit, one without a URL', () => {
    const rows = copy(oit.rows);
    rows.splice(7, 1); // o5 (row 8)
    rows[10][5] = 'ยังไม่ได้ดำเนินการ'; // o9, now row 11
    rows[11][3] = null; // o10, now row 12
    rows[12][6] = null; // o11, now row 13
    rows[23][6] = 'https://www.chumponcity.go.th/front/menu/7/79'; // o22 fixed, now row 24
    const { report } = checkSheet(grid('OIT', rows), { today, website: 'chumponcity.go.th' });
    expect(report.issues.map((i) => `${i.code} ${i.column ?? ''}${i.row ?? ''}`)).toEqual([
      'item-missing ', 'item-unpublished F11', 'required D12', 'published-without-url G13',
    ]);
    expect(report.issues[0].message).toBe('ไม่มีข้อ o5 ข่าวประชาสัมพันธ์');
    expect(report.issues[1].message).toMatch(/^ข้อ ๐๙ .* ยังไม่ได้เผยแพร่/);
  });

  it('without the agency website the URLs cannot be judged: a warning says so', () => {
    const { report } = checkSheet(grid('OIT', copy(oit.rows)), { today });
    expect(report.issues).toEqual([expect.objectContaining({ code: 'website-unknown', severity: 'warning' })]);
  });

  it("recognises the 2566 checklist by its items (43, o36–o43 included)", () => {
    const { report } = checkSheet(grid('OIT 2566', copy(oit66.rows)), { today, website: oit66.WEBSITE });
    expect(report).toMatchObject({ template: 'oit-checklist', edition: '2566', rows: 43 });
    expect(report.issues.filter((i) => i.code.startsWith('item-'))).toEqual([]);
  });
});
