/**
 * The record form against both gateways (in memory, and Office.js on the fake Excel host): where a
 * new record lands, what an edit writes, and what a written null or '' does to a cell.
 */
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import type { WorkbookGateway } from '../../src/workbook/gateway';
import { applyFixes, createTemplateSheet, inspectActiveSheet, saveAgency } from '../../src/app/workbookSession';
import { addRecord, planEdit, rowToInput } from '../../src/app/recordForm';
import { resolveTemplate } from '../../src/domain/templates';
import { planSheet } from '../../src/domain/layout';
import { utcDate } from '../../src/domain/values/thaiDate';
import type { AgencyProfile } from '../../src/domain/check';
import type { CellValue } from '../../src/domain/grid';
import { FakeExcel } from './office/fakeExcel';
import { officeGateway } from './office/harness';

const AGENCY: AgencyProfile = {
  name: 'เทศบาลตำบลชุมพล', district: 'สีคิ้ว', province: 'นครราชสีมา', ministry: 'กระทรวงมหาดไทย',
  agencyType: 'องค์กรปกครองส่วนท้องถิ่น', fiscalYear: 2567, website: 'https://www.chumponcity.go.th',
};
const today = utcDate(2024, 11, 1);

const RECORD = {
  item: 'จัดซื้อวัสดุคอมพิวเตอร์ กองคลัง',
  budget: '๑,๒๐๐ บาท',
  budgetSource: 'เทศบัญญัติ',
  method: 'เฉพาะเจาะจง',
  medianPrice: '1,200',
  agreedPrice: '1,150.00',
  taxId: '0-1055-43008-21-9',
  winner: 'บริษัท ซีพี ออลล์ จำกัด (มหาชน)',
  projectNumber: '67039549408',
  signDate: '15 มี.ค. 2567',
  endDate: '30/3/67',
};

interface Host {
  readonly label: string;
  readonly gw: WorkbookGateway;
  /** What a person sees in a cell (1-based); an empty cell is null. */
  cell(sheet: string, row: number, col: number): CellValue | string | number | boolean;
}

function hosts(): Host[] {
  const mem = new MemoryWorkbook();
  mem.addSheet('Sheet1');
  const fake = new FakeExcel();
  return [
    { label: 'memory', gw: mem, cell: (s, r, c) => mem.cell(s, r, c) },
    { label: 'office', gw: officeGateway(fake), cell: (s, r, c) => { const v = fake.sheet(s).value(r, c); return v === '' ? null : v; } },
  ];
}

describe.each(hosts().map((h) => [h.label, h] as const))('on the %s gateway', (_label, host) => {
  const { gw } = host;

  it('writeRows: null leaves a cell as it is, \'\' empties it; writeCells the same', async () => {
    await gw.createSheet({ plan: planSheet(resolveTemplate('o16')!, { sheetName: 'S' }), prefillRows: 0 });
    await gw.writeRows('S', 2, [['ก', 'ข', 'ค', 'ง']]);
    await gw.writeRows('S', 2, [['ใหม่', null, '']]);
    expect([1, 2, 3, 4].map((c) => host.cell('S', 2, c))).toEqual(['ใหม่', 'ข', null, 'ง']);
    await gw.writeCells('S', [{ row: 2, col: 2, value: null }, { row: 2, col: 4, value: '' }]);
    expect([1, 2, 3, 4].map((c) => host.cell('S', 2, c))).toEqual(['ใหม่', 'ข', null, null]);
  });

  it('editing a row and emptying a field empties that cell, and only that cell', async () => {
    await saveAgency(gw, AGENCY);
    const name = await createTemplateSheet(gw, resolveTemplate('o16')!, AGENCY);
    let active = await inspectActiveSheet(gw);
    const row = await addRecord(gw, name, active.recognition!, RECORD, AGENCY, today);
    const projectCol = active.recognition!.indexOf.get('projectNumber')! + 1;
    expect(host.cell(name, row, projectCol)).toBe('67039549408');
    active = await inspectActiveSheet(gw);
    const before = active.grid.rows[row - 1].map((_, c) => host.cell(name, row, c + 1));
    // The officer loads the row into the form and clears the project number.
    const input = { ...rowToInput(active.grid, active.recognition!, row), projectNumber: '' };
    const plan = planEdit(active.grid, active.recognition!, name, row, input, AGENCY, today);
    expect(plan.errors).toEqual([]);
    expect(plan.changes.map((c) => [c.address, c.from, c.to])).toEqual([[`P${row}`, '67039549408', '']]);
    const r = await applyFixes(gw, plan.changes);
    expect(r.applied).toBe(1);
    expect(host.cell(name, row, projectCol)).toBeNull();
    const after = before.map((_, c) => host.cell(name, row, c + 1));
    expect(after).toEqual(before.map((v, c) => (c === projectCol - 1 ? null : v)));
    // Nothing left to change: an empty field over an empty cell is no change.
    const again = planEdit((await inspectActiveSheet(gw)).grid, active.recognition!, name, row, input, AGENCY, today);
    expect(again.changes).toEqual([]);
  });
});
