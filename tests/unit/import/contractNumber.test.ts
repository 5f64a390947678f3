import { compactContractNumber } from '../../../src/domain/import/contractNumber';
import { csvRows } from '../../../src/domain/import/csv';
import { egpCsvRecords } from '../../../src/domain/import/egp';
import { importProcurement } from '../../../src/domain/import/importProcurement';
import { readMonthlySheet, recognizeMonthlySheet } from '../../../src/domain/import/monthlySheet';
import type { SourceRecord } from '../../../src/domain/import/sourceRecord';
import type { CellValue } from '../../../src/domain/grid';
import { resolveTemplate } from '../../../src/domain/templates';
import { utcDate } from '../../../src/domain/values/thaiDate';
import { CHUMPHON, egpCsv, egpRows } from '../../fixtures/import/egp';
import { october, SKR1_HEADER } from '../../fixtures/import/monthly';

const AGENCY = { name: CHUMPHON, district: 'สีคิ้ว', province: 'นครราชสีมา', ministry: 'กระทรวงมหาดไทย', agencyType: 'องค์กรปกครองส่วนท้องถิ่น' };
const o16 = resolveTemplate('o16', '2567')!;

async function egpRecords(): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of egpCsvRecords(csvRows([egpCsv(egpRows())]), 'egp.csv')) out.push(r);
  return out;
}

function monthly(name: string, rows: CellValue[][]): SourceRecord[] {
  const grid = { name, rows };
  return [...readMonthlySheet(grid, recognizeMonthlySheet(grid)!, 'skr1.xlsx').records];
}

/** ธันวาคม ๒๕๖๖ as the officer typed it: two contracts e-GP also has, written otherwise. */
function december(): CellValue[][] {
  return [
    ['แบบ สขร.๑'],
    ['สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ธันวาคม ๒๕๖๖'],
    ['เทศบาลตำบลชุมพล อำเภอสีคิ้ว จังหวัดนครราชสีมา'],
    [],
    SKR1_HEADER,
    [
      '๑', 'ก่อสร้างถนน คสล. หมู่ ๓ บ้านหนองบัว', 2450000, 2445000, 'e-bidding', 'หจก.สีคิ้วก่อสร้าง 2,390,000 บาท',
      'ห้างหุ้นส่วนจำกัด สีคิ้วก่อสร้าง ราคา 2,390,000 บาท', 'ราคาต่ำสุด', 'สัญญาเลขที่ ๑๒ / ๒๕๖๗ ลงวันที่ ๑๕ ธันวาคม ๒๕๖๖',
    ],
    [
      '๒', 'จัดซื้อวัสดุคอมพิวเตอร์', 5000, 5000, 'เฉพาะเจาะจง', 'บริษัท ซีพี ออลล์ จำกัด (มหาชน) ราคา 4,800 บาท',
      'บริษัท ซีพี ออลล์ จำกัด (มหาชน) ราคา 4,800 บาท', 'ราคาเหมาะสม', 'ใบสั่งซื้อเลขที่ ท2/2567 ลว. 20 ธ.ค. 66',
    ],
  ];
}

describe('contract numbers', () => {
  it('compare without Thai digits, spaces or letter case', () => {
    expect(compactContractNumber('ซ ๑๐ / ๒๕๖๗')).toBe(compactContractNumber('ซ10/2567'));
    expect(compactContractNumber('PO-12/2567')).toBe(compactContractNumber('po - 12/2567'));
    expect(compactContractNumber(' ')).toBe('');
    expect(compactContractNumber(undefined)).toBe('');
  });
});

describe('the same contracts from e-GP and from a สขร.1 sheet in one import', () => {
  it('are imported once: the contract number and signing date match, though the สขร.1 row has no project number', async () => {
    const records = [...(await egpRecords()), ...monthly('ธ.ค.66', december())];
    const r = await importProcurement(records, { choice: o16, fiscalYear: 2567, today: utcDate(2024, 11, 1), agency: AGENCY, budgetSource: 'เทศบัญญัติ' });
    // The six e-GP rows, and nothing of December again.
    expect(r.counts).toMatchObject({ imported: 6, duplicates: 2 });
    expect(r.duplicates.map((d) => [d.origin.kind, d.origin.row, d.earlier?.kind])).toEqual([
      ['monthly-sheet', 6, 'egp-csv'],
      ['monthly-sheet', 7, 'egp-csv'],
    ]);
    // The e-GP row is the one kept: it has the project number and the tax ID.
    const pn = o16.template.columns.findIndex((c) => c.key === 'projectNumber');
    expect(r.rows.filter((x) => x.values[pn] === '66109123456')).toHaveLength(1);
  });

  it('are two contracts when the signing dates differ: numbering restarts per series', async () => {
    // October's ใบสั่งจ้าง ๑๒/๒๕๖๗ of 20 Oct 66 is not e-GP's สัญญา 12/2567 of 15 Dec 66.
    const records = [...(await egpRecords()), ...monthly('ต.ค.66', october())];
    const r = await importProcurement(records, { choice: o16, fiscalYear: 2567, today: utcDate(2024, 11, 1), agency: AGENCY, budgetSource: 'เทศบัญญัติ' });
    expect(r.counts).toMatchObject({ imported: 8, duplicates: 0 });
    const sign = o16.template.columns.findIndex((c) => c.key === 'signDate');
    expect(r.rows.some((x) => (x.values[sign] as Date).getTime() === utcDate(2023, 10, 20).getTime())).toBe(true);
  });
});
