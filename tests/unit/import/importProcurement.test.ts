import { csvRows } from '../../../src/domain/import/csv';
import { egpCsvRecords } from '../../../src/domain/import/egp';
import { importProcurement, type ImportOptions, type ImportResult } from '../../../src/domain/import/importProcurement';
import type { SourceRecord } from '../../../src/domain/import/sourceRecord';
import { resolveTemplate } from '../../../src/domain/templates';
import type { CellValue, SheetGrid } from '../../../src/domain/grid';
import { utcDate } from '../../../src/domain/values/thaiDate';
import { CHUMPHON, egpCsv, egpRows, PERSONAL_ID, type EgpRow } from '../../fixtures/import/egp';

const AGENCY = {
  name: CHUMPHON, district: 'สีคิ้ว', province: 'นครราชสีมา', ministry: 'กระทรวงมหาดไทย', agencyType: 'องค์กรปกครองส่วนท้องถิ่น',
};
const o16 = resolveTemplate('o16', '2567')!;
const o17 = resolveTemplate('o17', '2567')!;
const today = utcDate(2024, 11, 1);

async function records(rows: EgpRow[] = egpRows()): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of egpCsvRecords(csvRows([egpCsv(rows)]), 'egp.csv')) out.push(r);
  return out;
}

function run(recs: SourceRecord[], opts: Partial<ImportOptions> = {}): Promise<ImportResult> {
  return importProcurement(recs, { choice: o16, fiscalYear: 2567, today, agency: AGENCY, budgetSource: 'เทศบัญญัติ', ...opts });
}

const col = (key: string) => o16.template.columns.findIndex((c) => c.key === key);
const field = (r: ImportResult, i: number, key: string) => r.rows[i].values[col(key)];

function asSheet(r: ImportResult): SheetGrid {
  return { name: 'o16', rows: [o16.template.columns.map((c) => c.header), ...r.rows.map((x) => [...x.values])] };
}

describe('import e-GP rows into o16', () => {
  it('keeps the agency out of several, and the window (signed 1 Oct – 31 Mar), counting what it left out', async () => {
    const r = await run(await records());
    expect(r.counts).toEqual({ read: 12, matchedAgency: 10, otherAgencies: 2, inWindow: 7, outsideWindow: 2, imported: 6, skipped: 2, duplicates: 0, conflicts: 0 });
    // Every row read is in exactly one pile.
    const c = r.counts;
    expect(c.imported + c.otherAgencies + c.outsideWindow + c.skipped + c.duplicates + c.conflicts).toBe(c.read);
    expect(r.window.label).toBe('1 ต.ค. 2566 – 31 มี.ค. 2567');
    expect(r.asOf).toEqual(utcDate(2024, 3, 31));
    expect(r.agencies.filter((a) => a.matched).map((a) => a.name)).toEqual([CHUMPHON, CHUMPHON]);
    expect(r.agencies.map((a) => a.name)).toContain('แขวงทางหลวงนครราชสีมาที่ 1');
  });

  it('writes typed values in template order, sorted by signing date, with the status at the as-of date', async () => {
    const r = await run(await records());
    expect(r.rows.map((_, i) => field(r, i, 'projectNumber'))).toEqual([
      '66109234567', '66109123456', '66119456789', '67019345678', '67029567890', '67029567890',
    ]);
    const first = r.rows[1].values;
    expect(first).toEqual([
      2567, 'องค์กรปกครองส่วนท้องถิ่น', 'กระทรวงมหาดไทย', CHUMPHON, 'สีคิ้ว', 'นครราชสีมา',
      'โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3 บ้านหนองบัว, ตำบลชุมพล', 2450000, 'เทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย',
      'อยู่ระหว่างระยะสัญญา', 'ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)', 2445000, 2390000, '0365529000042', 'ห้างหุ้นส่วนจำกัด สีคิ้วก่อสร้าง',
      '66109123456', utcDate(2023, 12, 15), utcDate(2024, 6, 12),
    ]);
    expect(r.rows[1].outputRow).toBe(3);
    expect(r.rows[1].contractNumber).toBe('12/2567');
    expect(field(r, 0, 'status')).toBe('สิ้นสุดระยะสัญญา');
    // The consulting method narrowed by its group.
    expect(field(r, 2, 'method')).toBe('จ้างที่ปรึกษาโดยวิธีคัดเลือก');
  });

  it('gives each contract of a project with several its own amount, not the project total', async () => {
    const r = await run(await records());
    expect([field(r, 4, 'agreedPrice'), field(r, 5, 'agreedPrice')]).toEqual([190000, 100000]);
    expect([field(r, 4, 'winner'), field(r, 5, 'winner')]).toEqual(['บริษัท โคราชคอมพิวเตอร์ จำกัด', 'ร้านสมบูรณ์การไฟฟ้า']);
  });

  it('lists the rows it could not map, with the reason', async () => {
    const r = await run(await records());
    expect(r.skipped.map((s) => [s.origin.row, s.code])).toEqual([
      [10, 'method-unknown'],
      [11, 'sign-date-invalid'],
    ]);
    expect(r.skipped[1].message).toContain('31 ก.พ. 67');
    expect(r.skipped[0].message).toContain('วิธีพิเศษเฉพาะกิจ');
    expect(r.skipped[0].label).toContain('66129890123');
  });

  it('checks every imported row: no errors here, the personal ID and the shared project number are warnings', async () => {
    const r = await run(await records());
    expect(r.errors).toBe(0);
    const codes = r.issues.map((i) => `${i.code}@${i.column}${i.row}`);
    expect(codes).toContain('tax-id-personal@N2');
    expect(codes).toContain('project-number-shared@P7');
    expect(r.personalIds).toEqual([{ outputRow: 2, id: PERSONAL_ID }]);
  });

  it('without --budget-source, leaves แหล่งที่มาของงบประมาณ empty for the check to report', async () => {
    const r = await run(await records(), { budgetSource: undefined });
    expect(field(r, 0, 'budgetSource')).toBeNull();
    expect(r.issues.filter((i) => i.code === 'required' && i.field === 'budgetSource').map((i) => `${i.column}${i.row}`)).toEqual(['I2', 'I3', 'I4', 'I5', 'I6', 'I7']);
    expect(r.errors).toBe(6);
  });

  it('imports a project announced in the window but not signed yet as not signed, and a cancelled one as cancelled', async () => {
    const base = egpRows()[2];
    const unsigned: EgpRow = { ...base, projectNumber: '67029000001', item: 'จัดซื้อเครื่องพ่นหมอกควัน', announced: '5 มี.ค. 67', signed: '', ends: '', taxId: '', winner: '', contractNumber: '', agreed: '' };
    const cancelled: EgpRow = { ...unsigned, projectNumber: '67029000002', item: 'จ้างเหมาขุดลอกคลอง', projectStatus: 'ยกเลิกประกาศ' };
    const r = await run(await records([unsigned, cancelled]));
    expect(r.counts).toMatchObject({ imported: 2, skipped: 0 });
    expect(r.rows.map((_, i) => [field(r, i, 'projectNumber'), field(r, i, 'status'), field(r, i, 'signDate')])).toEqual([
      ['67029000001', 'ยังไม่ได้ลงนามในสัญญา', null],
      ['67029000002', 'ยกเลิกการดำเนินการ', null],
    ]);
    // Without a contract, the contract fields are not required.
    expect(r.errors).toBe(0);
  });

  it('asks for a unit when there is no filter and the export holds several agencies, and says when the unit is absent', async () => {
    const noFilter = await run(await records(), { agency: undefined });
    expect(noFilter.needsUnit).toBe(true);
    expect(noFilter.rows).toEqual([]);
    const absent = await run(await records(), { unit: 'เทศบาลตำบลชุมพลบุรี' });
    expect(absent.unitNotFound).toBe(true);
    expect(absent.counts.matchedAgency).toBe(0);
    const viaUnit = await run(await records(), { agency: undefined, unit: 'ทต.ชุมพล' });
    expect(viaUnit.counts.imported).toBe(6);
    // Without a profile the agency columns come from the source.
    expect(viaUnit.rows[0].values.slice(0, 6)).toEqual([2567, null, null, CHUMPHON, 'สีคิ้ว', 'นครราชสีมา']);
  });
});

describe('importing again', () => {
  it('adds nothing the sheet already has', async () => {
    const first = await run(await records());
    const again = await run(await records(), { existing: asSheet(first) });
    expect(again.counts).toMatchObject({ imported: 0, duplicates: 6, conflicts: 0 });
    expect(again.duplicates.map((d) => d.existingRow)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(again.issues).toEqual([]);
  });

  it('appends only the new rows, under the last one, and lists a changed row as a conflict without touching it', async () => {
    const first = await run(await records(egpRows().slice(0, 3)));
    const sheet = asSheet(first);
    const rows = sheet.rows as CellValue[][];
    rows[2][col('agreedPrice')] = 2_400_000; // the officer's own figure for the e-bidding contract
    const again = await run(await records(), { existing: sheet });
    expect(again.counts).toMatchObject({ imported: 3, duplicates: 2, conflicts: 1 });
    expect(again.conflicts[0]).toMatchObject({
      existingRow: 3,
      differences: [{ field: 'agreedPrice', header: 'ราคาที่ตกลงซื้อหรือจ้าง (บาท)', existing: '2,400,000.00', incoming: '2,390,000.00' }],
    });
    expect(again.placement).toMatchObject({ firstRow: 5, insert: false });
    expect(again.rows.map((r) => r.outputRow)).toEqual([5, 6, 7]);
  });

  it('finds a row the officer wrote without project number or ID by its name and date', async () => {
    const first = await run(await records(egpRows().slice(0, 1)));
    const rows = asSheet(first).rows.map((r) => [...r]);
    rows[1][col('projectNumber')] = null;
    rows[1][col('taxId')] = null;
    const again = await run(await records(egpRows().slice(0, 1)), { existing: { name: 'o16', rows } });
    expect(again.counts).toMatchObject({ imported: 0, conflicts: 1 });
    expect(again.conflicts[0].differences.map((d) => d.field)).toEqual(['taxId', 'projectNumber']);
  });

  it('appends into another layout (a ที่ column, title rows, a signature below) in its own column order', async () => {
    const header = ['ที่', ...o16.template.columns.map((c) => c.header)];
    const first = await run(await records(egpRows().slice(0, 1)));
    const existing: SheetGrid = {
      name: 'ความก้าวหน้า',
      rows: [['แบบ o16 เทศบาลตำบลชุมพล'], header, [1, ...first.rows[0].values], [], [null, 'ลงชื่อ ...... ผู้รายงาน']],
    };
    const r = await run(await records(egpRows().slice(0, 3)), { existing });
    expect(r.counts).toMatchObject({ imported: 2, duplicates: 1 });
    expect(r.placement).toMatchObject({ headerRow: 2, firstRow: 4, insert: true, seqColumn: 0, firstSeq: 2 });
    expect(r.placement?.columns[col('taxId')]).toBe(col('taxId') + 1);
    // Issues point at the sheet's own columns and rows (tax ID in column O of this layout).
    expect(r.issues.map((i) => `${i.code}@${i.column}${i.row}`)).toContain('tax-id-personal@O4');
  });
});

describe('o17: last fiscal year, with its summary', () => {
  it('imports the previous fiscal year and sums by method', async () => {
    const r = await run(await records(), { choice: o17 });
    expect(r.window.label).toBe('1 ต.ค. 2565 – 30 ก.ย. 2566');
    expect(r.counts).toMatchObject({ imported: 1, outsideWindow: 8 });
    expect(r.rows[0].values[0]).toBe(2566);
    expect(field(r, 0, 'status')).toBe('สิ้นสุดระยะสัญญา');
    expect(r.summary?.lines.map((l) => [l.count, l.amount])).toEqual([[1, 2450000], [0, 0], [0, 0]]);
    expect(r.summary?.total).toMatchObject({ label: 'รวมทั้งสิ้น', count: 1, amount: 2450000 });
  });
});
