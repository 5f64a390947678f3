import { readMonthlySheet, recognizeMonthlySheet, reportMonth } from '../../../src/domain/import/monthlySheet';
import { readWorkbookSources } from '../../../src/domain/import/workbookSources';
import { utcDate } from '../../../src/domain/values/thaiDate';
import { january, november, october } from '../../fixtures/import/monthly';
import { realisticO16 } from '../../fixtures/o16Realistic';

describe('สขร.1 monthly sheets', () => {
  it('are recognised by their headers under the title, with the month read from the title in Thai digits', () => {
    const grid = { name: 'Sheet1', rows: october() };
    const rec = recognizeMonthlySheet(grid);
    expect(rec?.headerIndex).toBe(4);
    expect([...(rec?.columns.keys() ?? [])].sort()).toEqual(['budget', 'contract', 'item', 'medianPrice', 'method', 'offers', 'reason', 'seq', 'winner']);
    expect(reportMonth(rec!.title, grid.name)).toEqual({ year: 2566, month: 10 });
  });

  it('read the month from the sheet name when the title does not say it', () => {
    expect(reportMonth('สรุปผลการจัดซื้อจัดจ้าง', 'ธ.ค. 66')).toEqual({ year: 2566, month: 12 });
    expect(reportMonth('', 'มกราคม 2567')).toEqual({ year: 2567, month: 1 });
  });

  it('split the combined cells into winner, price, contract number and signing date; notes are not rows', () => {
    const grid = { name: 'ต.ค.66', rows: october() };
    const read = readMonthlySheet(grid, recognizeMonthlySheet(grid)!, 'skr1.xlsx');
    expect(read.statesNone).toBe(false);
    expect(read.records).toHaveLength(2);
    expect(read.records[0]).toEqual({
      origin: { kind: 'monthly-sheet', source: 'skr1.xlsx', sheet: 'ต.ค.66', row: 6 },
      periodDate: utcDate(2023, 10, 1),
      values: {
        item: 'จัดซื้อวัสดุสำนักงาน กองคลัง', budget: '18,500.00', medianPrice: '18,500.00', method: 'เฉพาะเจาะจง',
        winner: 'ร้านชุมพลพาณิชย์', agreedPrice: 18200, contractNumber: '45/2567', signDate: utcDate(2023, 10, 13),
      },
    });
    expect(read.records[1].values).toMatchObject({ winner: 'อู่ช่างเอก', agreedPrice: 12800, contractNumber: '12/2567', signDate: utcDate(2023, 10, 20) });
  });

  it('recognise a month that states there was no procurement', () => {
    const grid = { name: 'พ.ย.66', rows: november() };
    const read = readMonthlySheet(grid, recognizeMonthlySheet(grid)!, 'skr1.xlsx');
    expect(read).toMatchObject({ statesNone: true, records: [], month: { year: 2566, month: 11 } });
  });

  it('keep an unreadable contract date as written, for the import to report', () => {
    const grid = { name: 'ม.ค.67', rows: january() };
    const read = readMonthlySheet(grid, recognizeMonthlySheet(grid)!, 'skr1.xlsx');
    expect(read.records[1].values.signDate).toBe('32 ม.ค. 67');
  });

  it('a workbook: สขร.1 months, an o16 of another layout, and other sheets listed as ignored', () => {
    const wb = readWorkbookSources(
      [
        { name: 'ต.ค.66', rows: october() },
        { name: 'พ.ย.66', rows: november() },
        { name: 'o16 เดิม', rows: realisticO16({ rows: 3 }) },
        { name: 'หมายเหตุ', rows: [['ข้อความ']] },
      ],
      'mixed.xlsx',
    );
    expect(wb.sheets.map((s) => s.kind)).toEqual(['monthly', 'monthly', 'template', 'ignored']);
    expect(wb.records).toHaveLength(2 + 3);
    const fromO16 = wb.records[2];
    expect(fromO16.origin).toMatchObject({ kind: 'template-sheet', sheet: 'o16 เดิม', row: 5 });
    expect(fromO16.values).toMatchObject({ agencyName: 'เทศบาลตำบลชุมพล', budgetSource: 'เทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย' });
  });
});
