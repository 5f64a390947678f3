import { recognize } from '../../src/domain/recognize';
import type { CellValue } from '../../src/domain/grid';
import { checkSheet } from '../../src/domain/check';
import { utcDate } from '../../src/domain/values/thaiDate';

const OFFICIAL: string[] = [
  'ปีงบประมาณ', 'ประเภทหน่วยงาน', 'กระทรวง', 'ชื่อหน่วยงาน', 'อำเภอ', 'จังหวัด', 'งานที่ซื้อหรือจ้าง',
  'วงเงินงบประมาณที่ได้รับจัดสรร (บาท)', 'แหล่งที่มาของงบประมาณ', 'สถานะการจัดซื้อจัดจ้าง', 'วิธีการจัดซื้อจัดจ้าง',
  'ราคากลาง (บาท)', 'ราคาที่ตกลงซื้อหรือจ้าง (บาท)', 'เลขประจำตัวผู้เสียภาษี', 'รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก',
  'เลขที่โครงการ', 'วันที่ลงนามในสัญญา', 'วันสิ้นสุดสัญญา',
];

const letterOf = (r: ReturnType<typeof recognize>, key: string) => {
  const i = r?.indexOf.get(key);
  return i === undefined ? undefined : String.fromCharCode(65 + i);
};

describe('recognize', () => {
  it('the official layout: header on row 1, every field mapped in order', () => {
    const r = recognize({ name: 'Sheet1', rows: [OFFICIAL] });
    expect(r?.template.id).toBe('procurement-progress');
    expect(r?.edition.item).toBe('o16');
    expect(r?.headerRow).toBe(1);
    expect(r?.missing).toEqual([]);
    expect(letterOf(r, 'taxId')).toBe('N');
    expect(letterOf(r, 'endDate')).toBe('R');
  });

  it('a header under title rows, with ลำดับ first, line breaks, stray spaces and no "(บาท)"', () => {
    const header: CellValue[] = [
      'ลำดับ', ...OFFICIAL.map((h) => h.replace(' (บาท)', '')).map((h, i) => (i === 7 ? 'วงเงินงบประมาณ\nที่ได้รับจัดสรร' : i === 12 ? 'ราคาที่ตกลง\r\nซื้อหรือจ้าง  ' : `${h} `)),
    ];
    const rows: CellValue[][] = [['รายงานความก้าวหน้าการจัดซื้อจัดจ้าง'], ['ประจำปีงบประมาณ พ.ศ. ๒๕๖๗'], [], ['องค์การบริหารส่วนตำบลหนองบัว'], [], header];
    const r = recognize({ name: 'o16', rows });
    expect(r?.headerRow).toBe(6);
    expect(r?.seqIndex).toBe(0);
    expect(r?.missing).toEqual([]);
    expect(letterOf(r, 'fiscalYear')).toBe('B');
    expect(letterOf(r, 'budget')).toBe('I');
    expect(letterOf(r, 'agreedPrice')).toBe('N');
  });

  it('variant wordings seen in real files', () => {
    const variant = OFFICIAL.map((h) =>
      ({
        'งานที่ซื้อหรือจ้าง': 'งานจัดซื้อจัดจ้าง',
        'ราคาที่ตกลงซื้อหรือจ้าง (บาท)': 'ราคาที่ตกลงซื้อจ้าง',
        'วันที่ลงนามในสัญญา': 'วันที่เริ่มต้นสัญญา',
        'วันสิ้นสุดสัญญา': 'วันที่สิ้นสุดสัญญา',
        'เลขประจำตัวผู้เสียภาษี': 'เลขประจำตัวผู้เสียภาษี/เลขประจำตัวประชาชนของผู้ประกอบการที่ได้รับการคัดเลือก',
      })[h] ?? h,
    );
    const r = recognize({ name: 'x', rows: [variant] });
    expect(r?.missing).toEqual([]);
    expect(r?.matches.find((m) => m.column.key === 'signDate')?.header).toBe('วันที่เริ่มต้นสัญญา');
  });

  it('numbered headers "(1) งานที่ซื้อหรือจ้าง" and Thai digits', () => {
    const numbered = OFFICIAL.map((h, i) => (i >= 6 ? `(${'๐๑๒๓๔๕๖๗๘๙'[(i - 5) % 10]}) ${h}` : h));
    expect(recognize({ name: 'x', rows: [numbered] })?.missing).toEqual([]);
  });

  it('a sheet missing a few columns is still recognised, with the missing ones named', () => {
    const partial = OFFICIAL.filter((h) => h !== 'เลขที่โครงการ' && h !== 'ราคากลาง (บาท)');
    const r = recognize({ name: 'x', rows: [partial] });
    expect(r?.template.id).toBe('procurement-progress');
    expect(r?.missing.map((c) => c.key).sort()).toEqual(['medianPrice', 'projectNumber']);
  });

  it('o14 (the plan) by its own columns', () => {
    const plan = [...OFFICIAL.slice(0, 9), 'วิธีการที่จะดำเนินการจัดซื้อจัดจ้าง', 'ช่วงเวลาที่คาดว่าจะเริ่มดำเนินการ'];
    const r = recognize({ name: 'แผน', rows: [plan] });
    expect(r?.template.id).toBe('procurement-plan');
    expect(r?.edition.item).toBe('o14');
    expect(r?.missing).toEqual([]);
  });

  it('o17 and o16 share columns: the title decides, then the workbook’s own marker', () => {
    const titled = recognize({ name: 'Sheet1', rows: [['รายงานสรุปผลการจัดซื้อจัดจ้างประจำปี ๒๕๖๖'], OFFICIAL] });
    expect(titled?.template.id).toBe('procurement-annual');
    expect(titled?.edition.item).toBe('o17');
    const marked = recognize({ name: 'Sheet1', rows: [OFFICIAL] }, { templateId: 'procurement-annual', edition: '2567' });
    expect(marked?.template.id).toBe('procurement-annual');
  });

  it('the edition follows the fiscal year on the sheet (2568 → o12)', () => {
    const row: CellValue[] = [2568, ...new Array(17).fill('x')];
    const r = recognize({ name: 'x', rows: [OFFICIAL, row] });
    expect(r?.edition.edition).toBe('2568');
    expect(r?.edition.item).toBe('o12');
  });

  it('an unrelated sheet is not recognised', () => {
    expect(recognize({ name: 'x', rows: [['ชื่อ', 'ที่อยู่', 'เบอร์โทร', 'หมายเหตุ']] })).toBeUndefined();
  });
});

describe('o14: the procurement plan', () => {
  const header = [...OFFICIAL.slice(0, 9), 'วิธีการที่จะดำเนินการจัดซื้อจัดจ้าง', 'ช่วงเวลาที่คาดว่าจะเริ่มดำเนินการ'];
  const agency = [2567, 'องค์กรปกครองส่วนท้องถิ่น', 'กระทรวงมหาดไทย', 'เทศบาลตำบลชุมพล', 'สีคิ้ว', 'นครราชสีมา'];
  const today = utcDate(2024, 11, 1);

  it('accepts months, ranges and quarters inside the fiscal year', () => {
    const rows: CellValue[][] = [
      header,
      [...agency, 'ก่อสร้างถนน คสล. หมู่ ๓', '๒,๔๕๐,๐๐๐', 'เทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย', 'e-bidding', 'ธันวาคม 2566'],
      [...agency, 'จัดซื้อรถบรรทุกขยะ', 2_500_000, 'เงินอุดหนุน', 'ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)', 'ต.ค. 66 - ธ.ค. 66'],
      [...agency, 'จัดซื้อครุภัณฑ์สำนักงาน', 45_000, 'เทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย', 'วิธีเฉพาะเจาะจง', 'ไตรมาส ๒'],
    ];
    const { report } = checkSheet({ name: 'แผน', rows }, { today });
    expect(report.template).toBe('procurement-plan');
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('warns about a start outside the fiscal year and errors on an unreadable period', () => {
    const rows: CellValue[][] = [
      header,
      [...agency, 'ก่อสร้างถนน', 100_000, 'เงินสะสม', 'วิธีเฉพาะเจาะจง', 'ตุลาคม 2567'],
      [...agency, 'ซ่อมอาคาร', 100_000, 'เงินสะสม', 'วิธีเฉพาะเจาะจง', 'เร็วๆ นี้'],
    ];
    const issues = checkSheet({ name: 'แผน', rows }, { today }).report.issues;
    expect(issues.find((i) => i.row === 2 && i.column === 'K')).toMatchObject({ code: 'date-outside-window', severity: 'warning' });
    expect(issues.find((i) => i.row === 3 && i.column === 'K')).toMatchObject({ code: 'period-invalid', severity: 'error' });
  });
});
