/**
 * The preview's demo workbook: an o16 sheet of FY2567 written the way a เทศบาลตำบล procurement
 * officer writes it (title rows, a ที่ column, Thai digits, text amounts, BE dates typed as text,
 * dashed tax IDs, a signature block). The clean rows are also the tests' realistic o16
 * (tests/fixtures/o16Realistic.ts re-exports them): one source for both. On top of the clean rows
 * it seeds the defects the pane should find, one per row, so that each issue can be pointed at its cell.
 */
import type { CellValue } from '../domain/grid';
import type { AgencyProfile } from '../domain/check';
import { columnIndex } from '../domain/grid';
import { taxIdCheckDigit } from '../domain/values/taxId';
import { utcDate } from '../domain/values/thaiDate';
import { DATE_FORMAT_BE, MONEY_FORMAT } from '../domain/templates/procurement';
import { encodeMeta, META_SHEET } from '../domain/workbookMeta';
import { MemoryWorkbook } from '../workbook/memory/memoryWorkbook';

export const DEMO_SHEET = 'ความก้าวหน้า 2567';

export const DEMO_AGENCY: AgencyProfile = {
  name: 'เทศบาลตำบลชุมพล',
  district: 'สีคิ้ว',
  province: 'นครราชสีมา',
  ministry: 'กระทรวงมหาดไทย',
  agencyType: 'องค์กรปกครองส่วนท้องถิ่น',
  fiscalYear: 2567,
  website: 'https://www.chumphon-sikhio.go.th',
};

export const TITLE_ROWS: CellValue[][] = [
  ['แบบ สขร. ความก้าวหน้าการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๗'],
  ['เทศบาลตำบลชุมพล อำเภอสีคิ้ว จังหวัดนครราชสีมา'],
  ['ข้อมูล ณ วันที่ ๓๑ มีนาคม ๒๕๖๗'],
];

/** Headers as agencies really type them: line breaks, a trailing space, "(บาท)" here and not there. */
export const HEADER: CellValue[] = [
  'ที่', 'ปีงบประมาณ', 'ประเภทหน่วยงาน', 'กระทรวง', 'ชื่อหน่วยงาน', 'อำเภอ', 'จังหวัด', 'งานที่ซื้อหรือจ้าง',
  'วงเงินงบประมาณที่ได้รับ\nจัดสรร (บาท)', 'แหล่งที่มาของงบประมาณ ', 'สถานะการจัดซื้อจัดจ้าง', 'วิธีการจัดซื้อจัดจ้าง',
  'ราคากลาง', 'ราคาที่ตกลงซื้อหรือจ้าง\n(บาท)', 'เลขประจำตัวผู้เสียภาษี', 'รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก',
  'เลขที่โครงการ', 'วันที่ลงนามในสัญญา', 'วันสิ้นสุดสัญญา',
];

export const DEMO_HEADER_ROW = 4;
export const DEMO_FIRST_DATA_ROW = 5;
export const DEMO_RECORDS = 20;

/**
 * Where each seeded defect sits (Excel addresses), for tests and for anyone reading the demo.
 * The check must report each at exactly this cell.
 */
export const DEMO_DEFECTS = {
  /** Tax ID whose check digit is wrong (should end in 9). */
  taxIdChecksum: 'O7',
  /** Agreed price above the allocated budget. */
  priceAboveBudget: 'N9',
  /** Status says the contract runs, but it ended on 2 Dec 2566. */
  statusDates: 'K11',
  /** Amount typed as text with Thai digits: '๑,๒๐๐ บาท'. */
  moneyAsText: 'I12',
  /** e-GP's bare method name instead of the list's 'วิธีเฉพาะเจาะจง'. */
  methodSynonym: 'L14',
  /** A date that does not exist. */
  impossibleDate: 'R16',
} as const;

function taxId(first12: string): string {
  return first12 + String(taxIdCheckDigit(first12));
}

function dashed(id: string): string {
  return `${id[0]}-${id.slice(1, 5)}-${id.slice(5, 10)}-${id.slice(10, 12)}-${id[12]}`;
}

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
function thaiDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]);
}

const MONTH_ABBR = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];

const SUPPLIERS: [string, string][] = [
  ['ห้างหุ้นส่วนจำกัด สีคิ้วก่อสร้าง', '0365529000042'],
  ['บริษัท โตโยต้านครราชสีมา จำกัด', '0993000510631'],
  ['บริษัท ซีพี ออลล์ จำกัด (มหาชน)', '0105543008219'],
  ['ร้านชุมพลพาณิชย์', taxId('030553001234')],
  ['ห้างหุ้นส่วนจำกัด ทรัพย์ทวีคอนกรีต', taxId('030554300112')],
  ['บริษัท โคราชคอมพิวเตอร์ จำกัด', taxId('010555612345')],
  ['ร้านสมบูรณ์การไฟฟ้า', taxId('030556100871')],
  ['ห้างหุ้นส่วนจำกัด เอ็น.เค.เซอร์วิส', taxId('030556200345')],
];

/** item, budget, method, budget source */
const WORKS: [string, number, string, string][] = [
  ['โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ ๓ บ้านหนองบัว', 2_450_000, 'ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)', 'เทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย'],
  ['จัดซื้อรถบรรทุกขยะ แบบอัดท้าย ขนาด ๖ ตัน', 2_500_000, 'ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)', 'เงินอุดหนุน'],
  ['จัดซื้อวัสดุสำนักงาน กองคลัง', 18_500, 'วิธีเฉพาะเจาะจง', 'เทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย'],
  ['จ้างเหมาซ่อมแซมรถยนต์ส่วนกลาง ทะเบียน กข ๑๒๓๔', 12_800, 'วิธีเฉพาะเจาะจง', 'เทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย'],
  ['จัดซื้อเครื่องคอมพิวเตอร์ สำหรับงานประมวลผล แบบที่ ๑', 66_000, 'วิธีเฉพาะเจาะจง', 'เทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย'],
  ['โครงการวางท่อระบายน้ำ คสล. หมู่ที่ ๗', 480_000, 'วิธีเฉพาะเจาะจง', 'เงินสะสม'],
  ['จัดซื้อครุภัณฑ์การเกษตร เครื่องสูบน้ำ', 35_000, 'วิธีเฉพาะเจาะจง', 'เทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย'],
  ['จัดซื้ออาหารเสริม (นม) โรงเรียน ภาคเรียนที่ ๒/๒๕๖๖', 612_345.5, 'วิธีตลาดอิเล็กทรอนิกส์ (e-market)', 'เงินอุดหนุน'],
  ['โครงการปรับปรุงซ่อมแซมอาคารศูนย์พัฒนาเด็กเล็ก', 1_200_000, 'ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)', 'เทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย'],
  ['จ้างเหมาบริการรักษาความปลอดภัยสำนักงาน', 96_000, 'วิธีเฉพาะเจาะจง', 'เทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย'],
];

/** The clean rows (every one passes the check), title and signature block included. */
export function cleanO16Rows(records = DEMO_RECORDS): CellValue[][] {
  const out: CellValue[][] = TITLE_ROWS.map((r) => [...r]);
  out.push([...HEADER]);
  const asOf = utcDate(2024, 3, 31);
  for (let i = 0; i < records; i++) {
    const [item, budget, method, source] = WORKS[i % WORKS.length];
    const [winner, id] = SUPPLIERS[i % SUPPLIERS.length];
    // Signed between 2 Oct 2023 and 29 Mar 2024 (FY2567, first half).
    const day = 1 + ((i * 5) % 178);
    const sign = new Date(Date.UTC(2023, 9, 2) + day * 86400000);
    const durationDays = i % 3 === 0 ? 30 : i % 3 === 1 ? 90 : 240;
    const end = new Date(sign.getTime() + durationDays * 86400000);
    const status = end.getTime() < asOf.getTime() ? 'สิ้นสุดระยะสัญญา' : 'อยู่ระหว่างระยะสัญญา';
    const agreed = Math.round(budget * (0.9 + (i % 7) * 0.01) * 100) / 100;
    const be = sign.getUTCFullYear() + 543;
    const projectNumber = `${String(be).slice(2)}${String(100_000_000 + i * 7919).slice(-9)}`;
    // Four writing styles, as different officers (or the same one on different days) write.
    const style = i % 4;
    out.push([
      style === 1 ? thaiDigits(String(i + 1)) : i + 1,
      style === 2 ? '๒๕๖๗' : 2567,
      'องค์กรปกครองส่วนท้องถิ่น',
      'กระทรวงมหาดไทย',
      'เทศบาลตำบลชุมพล',
      'สีคิ้ว',
      'นครราชสีมา',
      item,
      style === 3 ? `${thaiDigits(budget.toLocaleString('en-US'))} บาท` : budget,
      source,
      status,
      method,
      budget,
      agreed,
      style === 0 ? dashed(id) : id,
      winner,
      projectNumber,
      style === 1 ? `${sign.getUTCDate()} ${MONTH_ABBR[sign.getUTCMonth()]} ${be}` : sign,
      style === 2 ? `${String(end.getUTCDate()).padStart(2, '0')}/${String(end.getUTCMonth() + 1).padStart(2, '0')}/${end.getUTCFullYear() + 543}` : end,
    ]);
  }
  out.push([]);
  out.push(['หมายเหตุ: ข้อมูลจากระบบ e-GP ณ วันที่ ๓๑ มีนาคม ๒๕๖๗']);
  out.push([null, null, null, null, null, null, null, 'ลงชื่อ ................................ ผู้รายงาน']);
  out.push([null, null, null, null, null, null, null, '(นางสาวสมใจ ใจดี)']);
  return out;
}

function put(rows: CellValue[][], address: string, v: CellValue): void {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`Bad address ${address}`);
  rows[Number(m[2]) - 1][columnIndex(m[1])] = v;
}

/** The demo sheet: the clean rows plus the seeded defects. */
function demoO16Rows(): CellValue[][] {
  const rows = cleanO16Rows();
  const d = DEMO_DEFECTS;
  put(rows, d.taxIdChecksum, '0-1055-43008-21-8');
  put(rows, d.priceAboveBudget, 72_500);
  put(rows, d.statusDates, 'อยู่ระหว่างระยะสัญญา');
  // A small purchase typed the old way: the whole row is consistent, only the amount is text.
  put(rows, 'H12', 'จัดซื้อน้ำดื่มสำหรับบริการประชาชน');
  put(rows, d.moneyAsText, '๑,๒๐๐ บาท');
  put(rows, 'L12', 'วิธีเฉพาะเจาะจง');
  put(rows, 'M12', 1_200);
  put(rows, 'N12', 1_150);
  put(rows, d.methodSynonym, 'เฉพาะเจาะจง');
  put(rows, d.impossibleDate, '31 ก.พ. 2567');
  return rows;
}

/** A workbook holding the demo sheet (active), with the agency profile already saved in it. */
export function createDemoWorkbook(): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  const sheet = wb.addSheet(DEMO_SHEET, demoO16Rows(), { activate: true });
  sheet.frozenRows = DEMO_HEADER_ROW;
  sheet.widths = [5, 10, 20, 15, 17, 9, 11, 40, 16, 24, 20, 28, 13, 15, 18, 30, 14, 14, 14];
  HEADER.forEach((_, c) => sheet.bold.add(`${DEMO_HEADER_ROW - 1}:${c}`));
  sheet.bold.add('0:0');
  // Number formats as the agency's file has them, so the grid shows money and BE dates as Excel would.
  for (let r = DEMO_FIRST_DATA_ROW - 1; r < DEMO_FIRST_DATA_ROW - 1 + DEMO_RECORDS; r++) {
    for (const c of ['I', 'M', 'N']) sheet.numFmts.set(`${r}:${columnIndex(c)}`, MONEY_FORMAT);
    for (const c of ['R', 'S']) sheet.numFmts.set(`${r}:${columnIndex(c)}`, DATE_FORMAT_BE);
  }
  // Added after the demo sheet so that the demo sheet stays the active one.
  wb.addSheet(META_SHEET, encodeMeta({ agency: DEMO_AGENCY, sheets: {} }), { hidden: true });
  return wb;
}
