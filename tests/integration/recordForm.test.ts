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
import type { CellValue } from '../../src/domain/grid';
import { FakeExcel } from './office/fakeExcel';
import { officeGateway } from './office/harness';
import { cleanO16Rows, DEMO_SHEET } from '../../src/preview/demoData';
import { DATE_FORMAT_BE } from '../../src/domain/templates/procurement';
import { AGENCY, RECORD } from '../fixtures/agency';

const today = utcDate(2024, 11, 1);


interface Host {
  readonly label: string;
  readonly gw: WorkbookGateway;
  /** What a person sees in a cell (1-based); an empty cell is null; a date is its day. */
  cell(sheet: string, row: number, col: number): CellValue;
  /** Rows 1..n of a sheet as a person reads them. */
  rows(sheet: string, n: number): CellValue[][];
}

function host(label: 'memory' | 'office', sheets: Record<string, CellValue[][]> = { Sheet1: [] }): Host {
  let cell: Host['cell'];
  let gw: WorkbookGateway;
  if (label === 'memory') {
    const mem = new MemoryWorkbook();
    for (const [name, rows] of Object.entries(sheets)) mem.addSheet(name, rows);
    gw = mem;
    cell = (s, r, c) => {
      const v = mem.cell(s, r, c);
      return v instanceof Date ? serial(v) : v;
    };
  } else {
    const fake = new FakeExcel({ sheets: {} });
    for (const [name, rows] of Object.entries(sheets)) fake.book.addSheet(name, rows, DATE_FORMAT_BE);
    gw = officeGateway(fake);
    cell = (s, r, c) => {
      const v = fake.sheet(s).value(r, c);
      return v === '' ? null : v;
    };
  }
  return {
    label, gw, cell,
    rows: (s, n) => Array.from({ length: n }, (_, r) => {
      const row = Array.from({ length: 19 }, (_, c) => cell(s, r + 1, c + 1));
      while (row.length && row[row.length - 1] === null) row.pop();
      return row;
    }),
  };
}

/** A date as Excel stores it (days since 1899-12-30), to compare memory with Excel. */
const serial = (d: Date) => Math.round((d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);

function hosts(): Host[] {
  return [host('memory'), host('office')];
}

describe.each(hosts().map((h) => [h.label, h] as const))('on the %s gateway', (_label, host) => {
  const { gw } = host;

  it('writeRows: null leaves a cell as it is, \'\' empties it; writeCells the same', async () => {
    await gw.createSheet({ plan: planSheet(resolveTemplate('o16', '2567')!, { sheetName: 'S' }), prefillRows: 0 });
    await gw.writeRows('S', 2, [['ก', 'ข', 'ค', 'ง']]);
    await gw.writeRows('S', 2, [['ใหม่', null, '']]);
    expect([1, 2, 3, 4].map((c) => host.cell('S', 2, c))).toEqual(['ใหม่', 'ข', null, 'ง']);
    await gw.writeCells('S', [{ row: 2, col: 2, value: null }, { row: 2, col: 4, value: '' }]);
    expect([1, 2, 3, 4].map((c) => host.cell('S', 2, c))).toEqual(['ใหม่', 'ข', null, null]);
  });

  it('editing a row and emptying a field empties that cell, and only that cell', async () => {
    await saveAgency(gw, AGENCY);
    const name = await createTemplateSheet(gw, resolveTemplate('o16', '2567')!, AGENCY);
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

/** The demo's o16 list: title rows, header at row 4, records from row 5, then a blank row, a note and a signature block. */
function o16Sheet(records: number): CellValue[][] {
  return cleanO16Rows(records);
}

const ITEM = 8; // column H

describe.each(['memory', 'office'] as const)('a new record on the %s gateway goes right after the last record', (label) => {
  it('above the notes and the signature block, into the empty row under the list (not below the signature)', async () => {
    const rows = o16Sheet(20); // records on rows 5–24, blank row 25, note 26, signature 27–28
    const h = host(label, { [DEMO_SHEET]: rows });
    const before = h.rows(DEMO_SHEET, 28);
    const active = await inspectActiveSheet(h.gw);
    const row = await addRecord(h.gw, DEMO_SHEET, active.recognition!, RECORD, AGENCY, today);
    expect(row).toBe(25);
    expect(h.cell(DEMO_SHEET, 25, ITEM)).toBe(RECORD.item);
    expect(h.cell(DEMO_SHEET, 25, 1)).toBe(21); // ที่ follows the last record's
    // Every other row is as it was: the note and the signature did not move and were not touched.
    const after = h.rows(DEMO_SHEET, 29);
    expect(after.filter((_, i) => i !== 24)).toEqual([...before.filter((_, i) => i !== 24), []]);
  });

  it('a note right under the last record: a row is inserted for the record, the note and signature move down intact', async () => {
    const rows = o16Sheet(3); // records on rows 5–7
    rows.splice(7, 1); // no blank row: the note follows at once on row 8
    const h = host(label, { [DEMO_SHEET]: rows });
    const before = h.rows(DEMO_SHEET, rows.length);
    const active = await inspectActiveSheet(h.gw);
    const row = await addRecord(h.gw, DEMO_SHEET, active.recognition!, RECORD, AGENCY, today);
    expect(row).toBe(8);
    expect(h.cell(DEMO_SHEET, 8, ITEM)).toBe(RECORD.item);
    const after = h.rows(DEMO_SHEET, rows.length + 1);
    expect(after.slice(0, 7)).toEqual(before.slice(0, 7));
    expect(after.slice(8)).toEqual(before.slice(7));
    expect(String(h.cell(DEMO_SHEET, 9, 1))).toMatch(/^หมายเหตุ/);
  });

  it('a continuation line under the last record belongs to it: the record goes below it', async () => {
    const rows = o16Sheet(3);
    rows.splice(7, 1, [null, null, null, null, null, null, null, '(ต่อ) พร้อมติดตั้งและทดสอบระบบ']);
    const h = host(label, { [DEMO_SHEET]: rows });
    const active = await inspectActiveSheet(h.gw);
    const row = await addRecord(h.gw, DEMO_SHEET, active.recognition!, RECORD, AGENCY, today);
    expect(row).toBe(9);
    expect(h.cell(DEMO_SHEET, 8, ITEM)).toBe('(ต่อ) พร้อมติดตั้งและทดสอบระบบ');
    expect(h.cell(DEMO_SHEET, 9, ITEM)).toBe(RECORD.item);
    expect(String(h.cell(DEMO_SHEET, 10, 1))).toMatch(/^หมายเหตุ/);
  });

  it('rows pre-filled with the agency values are used in order, and their values are left as they are', async () => {
    const h = host(label);
    await saveAgency(h.gw, AGENCY);
    const name = await createTemplateSheet(h.gw, resolveTemplate('o16', '2567')!, AGENCY, 3);
    const rec = (await inspectActiveSheet(h.gw)).recognition!;
    expect(await addRecord(h.gw, name, rec, RECORD, AGENCY, today)).toBe(2);
    expect(await addRecord(h.gw, name, rec, { ...RECORD, projectNumber: '67039549409' }, AGENCY, today)).toBe(3);
    expect(h.cell(name, 3, 7)).toBe(RECORD.item);
    expect(h.cell(name, 4, 4)).toBe(AGENCY.name);
    expect(h.cell(name, 4, 7)).toBeNull();
  });
});
