/**
 * The Office.js gateway against the faithful fake host: the same behaviour as the in-memory
 * workbook, the round trips and payloads it promises, and what it still does on Office 2016.
 */
import { FakeExcel, MAX_ROWS } from './fakeExcel';
import { normalize, officeGateway, realisticHost } from './harness';
import { MemoryWorkbook, ERROR_FILL, WARNING_FILL } from '../../../src/workbook/memory/memoryWorkbook';
import { GatewayError, type WorkbookGateway } from '../../../src/workbook/gateway';
import { HIGHLIGHTS_SHEET, OfficeGateway, OWN_CHANGE_WINDOW_MS, type BatchRun, type ContextRun } from '../../../src/workbook/office/officeGateway';
import { chunkBySize, gridBytes, PAYLOAD_LIMIT, PAYLOAD_TARGET, utf8Length } from '../../../src/workbook/office/payload';
import { isDateFormat, parseAreas, toExcelInput, verticalRuns, widthToPoints } from '../../../src/workbook/office/cellConvert';
import { planSheet, planSummary } from '../../../src/domain/layout';
import { resolveTemplate } from '../../../src/domain/templates';
import { DATE_FORMAT_BE, MONEY_FORMAT, procurementAnnual } from '../../../src/domain/templates/procurement';
import { LISTS_SHEET, META_SHEET } from '../../../src/domain/workbookMeta';
import { utcDate } from '../../../src/domain/values/thaiDate';
import type { CellValue } from '../../../src/domain/grid';
import { createTemplateSheet, inspectActiveSheet, runCheck, saveAgency, writeSummary } from '../../../src/app/workbookSession';
import { addRecord } from '../../../src/app/recordForm';
import { recognize } from '../../../src/domain/recognize';
import { realisticO16 } from '../../fixtures/o16Realistic';
import { AGENCY } from '../../fixtures/agency';

const COL_ITEM = 8; // H in the realistic sheet

const today = utcDate(2024, 11, 1);

const o16 = () => resolveTemplate('o16', '2567')!;
const plan = (formRows?: number) => planSheet(o16(), { agency: AGENCY, fiscalYear: 2567, formRows });

/** Records in the o16 column order, with the values that trip a careless writer. */
function records(n: number): CellValue[][] {
  return Array.from({ length: n }, (_, i) => [
    2567, 'องค์กรปกครองส่วนท้องถิ่น', 'กระทรวงมหาดไทย', 'เทศบาลตำบลชุมพล', 'สีคิ้ว', 'นครราชสีมา',
    `จัดซื้อวัสดุสำนักงาน กองคลัง รายการที่ ${i + 1}`, 18_500 + i, 'เทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย',
    'สิ้นสุดระยะสัญญา', 'วิธีเฉพาะเจาะจง', 18_500, 18_000.5,
    '0105543008219', // a leading zero Excel would drop
    'บริษัท ซีพี ออลล์ จำกัด (มหาชน)',
    '05/11/2567', // text Excel would take for a date
    utcDate(2024, 3, 15 + (i % 10)), utcDate(2024, 4, 14),
  ]);
}

async function both(run: (gw: WorkbookGateway) => Promise<void>): Promise<{ mem: MemoryWorkbook; fake: FakeExcel; office: WorkbookGateway }> {
  const mem = new MemoryWorkbook();
  mem.addSheet('Sheet1');
  const fake = new FakeExcel();
  const office = officeGateway(fake);
  await run(mem);
  await run(office);
  return { mem, fake, office };
}

describe('OfficeGateway behaves like the in-memory workbook', () => {
  it('creates a template sheet, writes rows with Thai text and dates, and reads them back equal', async () => {
    const p = plan();
    const numFmts = p.columns.map((c) => c.numFmt);
    const { mem, office, fake } = await both(async (gw) => {
      await gw.createSheet({ plan: p, prefillRows: 2 });
      await gw.writeRows(p.name, 4, records(3), numFmts);
      await gw.writeCells(p.name, [
        { row: 4, col: 7, value: 'แก้ไขแล้ว' },
        { row: 5, col: 18, value: utcDate(2024, 9, 30) },
        { row: 6, col: 8, value: null },
      ]);
    });
    const fromOffice = await office.readSheet(p.name);
    const fromMemory = await mem.readSheet(p.name);
    expect(fromOffice.firstRow ?? 1).toBe(1);
    expect(normalize(fromOffice.rows)).toEqual(normalize(fromMemory.rows));
    // The values a careless writer would lose.
    expect(fromOffice.rows[3][13]).toBe('0105543008219');
    expect(fromOffice.rows[3][15]).toBe('05/11/2567');
    expect(fromOffice.rows[4][17]).toEqual(utcDate(2024, 9, 30));
    // Dates are stored as serials with the BE format, never as bare numbers.
    const s = fake.sheet(p.name);
    expect(typeof s.value(4, 17)).toBe('number');
    expect(s.numberFormat(4, 17)).toBe(DATE_FORMAT_BE);
    expect(s.numberFormat(5, 18)).toBe(DATE_FORMAT_BE);
    expect(await office.listSheets()).toEqual(await mem.listSheets());
    expect(await office.activeSheet()).toBe(await mem.activeSheet());
  });

  it('lays the sheet out: bold filled header, frozen, widths, formats over the form rows, lists and validation', async () => {
    const p = plan(1000);
    const { fake, office } = await both((gw) => gw.createSheet({ plan: p, prefillRows: 1 }));
    const s = fake.sheet(p.name);
    expect(s.get(0, 0)).toMatchObject({ bold: true, fill: '#D9E2F3', wrap: true });
    expect(s.frozenRows).toBe(1);
    expect(s.columnWidths.get(6)).toBeGreaterThan(s.columnWidths.get(0)!);
    const dateCol = p.columns.findIndex((c) => c.numFmt === DATE_FORMAT_BE) + 1;
    expect(s.numberFormat(2, dateCol)).toBe(DATE_FORMAT_BE);
    expect(s.numberFormat(1001, dateCol)).toBe(DATE_FORMAT_BE);
    expect(s.numberFormat(1002, dateCol)).toBe('General');
    // Prefilled agency row.
    expect(s.value(2, 1)).toBe(2567);
    expect(s.value(2, 4)).toBe('เทศบาลตำบลชุมพล');
    // The lists sheet, hidden, and validation pointing at it over the form rows only.
    const lists = fake.sheet(LISTS_SHEET);
    expect(lists.visibility).toBe('Hidden');
    for (const l of p.lists) {
      const col = l.letter.charCodeAt(0) - 64;
      expect(lists.value(1, col)).toBe(l.listId);
      expect(l.values.map((_, i) => lists.value(i + 2, col))).toEqual(l.values);
    }
    expect(s.validations).toHaveLength(p.validations.length);
    for (const v of p.validations) {
      const found = s.validations.find((x) => x.rule?.list?.source === `=${v.source}`)!;
      expect(found).toBeDefined();
      expect(found.box.r0).toBe(1);
      expect(found.box.r1).toBe(1000);
      expect(found.box.r1).toBeLessThan(MAX_ROWS - 1);
      expect(found.errorAlert?.style).toBe(v.strict ? 'Stop' : 'Warning');
    }
    expect(await office.listSheets()).toEqual(['Sheet1', p.name]);
  });

  it('writes seed rows under the header before the agency rows, and wraps paragraph templates', async () => {
    const base = plan(20);
    const seed = (item: string) => base.columns.map((c, i) => (c.key === 'item' ? item : base.agencyRow[i]));
    const p = { ...base, seedRows: [seed('๑. ขั้นตอนแรก'), seed('๒. ขั้นตอนที่สอง')], wrap: true };
    const { mem, office, fake } = await both((gw) => gw.createSheet({ plan: p, prefillRows: 2 }));
    expect(normalize((await office.readSheet(p.name)).rows)).toEqual(normalize((await mem.readSheet(p.name)).rows));
    const s = fake.sheet(p.name);
    expect(s.get(1, 0)).toMatchObject({ wrap: true, vAlign: 'Top' });
    expect(s.get(20, p.headers.length - 1)).toMatchObject({ wrap: true });
    expect(s.get(21, 0)?.wrap).toBeUndefined();
  });

  it('refuses an existing sheet name, in Thai and English, whatever its case', async () => {
    const fake = new FakeExcel({ sheets: { Sheet1: [], ความก้าวหน้า: [] } });
    const gw = officeGateway(fake);
    const p = { ...plan(), name: 'SHEET1' };
    const err = await gw.createSheet({ plan: p, prefillRows: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect((err as GatewayError).th).toContain('มีแผ่นงานชื่อ');
    expect((err as GatewayError).en).toContain('already exists');
    await expect(gw.createSheet({ plan: { ...plan(), name: 'a/b' }, prefillRows: 0 })).rejects.toBeInstanceOf(GatewayError);
    await expect(gw.readSheet('ไม่มี')).rejects.toMatchObject({ en: 'No sheet "ไม่มี"' });
    expect(fake.book.sheets.map((s) => s.name)).toEqual(['Sheet1', 'ความก้าวหน้า']);
  });

  it('keeps the meta on a hidden sheet: missing → empty, then a round trip, rewritten in place', async () => {
    for (const api of ['1.9', '1.1']) {
      const fake = new FakeExcel({ api });
      const gw = officeGateway(fake);
      expect(await gw.readMeta()).toEqual({ sheets: {} });
      const meta = { agency: AGENCY, sheets: { 'ความก้าวหน้าการจัดซื้อจัดจ้าง': { template: 'procurement-progress', edition: '2567' }, '2567': { template: 'x', edition: '2566' } } };
      await gw.writeMeta(meta);
      const mem = new MemoryWorkbook();
      await mem.writeMeta(meta);
      expect(await gw.readMeta()).toEqual(await mem.readMeta());
      await gw.writeMeta({ sheets: {} });
      expect(await gw.readMeta()).toEqual({ sheets: {} });
      expect(fake.sheet(META_SHEET).visibility).toBe(api === '1.1' ? 'Visible' : 'Hidden');
      // Never listed, even where Excel 2016 cannot hide it.
      expect(await gw.listSheets()).toEqual(['Sheet1']);
    }
  });

  it('writes the summary sheet with formulas, bold labels, formats and widths, and rewrites it cleanly', async () => {
    const def = procurementAnnual.summary!;
    const cells = planSummary(def, 'ผลการจัดซื้อจัดจ้างประจำปี', procurementAnnual, 1001, MONEY_FORMAT);
    const { fake, mem } = await both((gw) => gw.writeDerivedSheet(def.sheetName, cells, [52, 16, 22]));
    const s = fake.sheet(def.sheetName);
    for (const c of cells) {
      const cell = s.get(c.row - 1, c.col - 1);
      if (c.formula) expect(cell?.f).toBe(`=${c.formula}`);
      else expect(cell?.v).toBe(c.value);
      if (c.bold) expect(cell?.bold).toBe(true);
      if (c.numFmt) expect(cell?.nf).toBe(c.numFmt);
      if (!c.formula) expect(cell?.v).toBe(mem.cell(def.sheetName, c.row, c.col));
    }
    expect(s.columnWidths.get(0)).toBeGreaterThan(s.columnWidths.get(1)!);
    const gw = officeGateway(fake);
    fake.resetStats();
    await gw.writeDerivedSheet(def.sheetName, [{ row: 1, col: 1, value: 'ใหม่' }], [20]);
    expect(fake.syncs.length).toBeLessThanOrEqual(3);
    expect(s.value(1, 1)).toBe('ใหม่');
    expect(s.get(3, 1)).toBeUndefined();
  });

  it('runs the task pane flows: template sheet, add a record from the form, check, summary', async () => {
    const fake = new FakeExcel();
    const gw = officeGateway(fake);
    await saveAgency(gw, AGENCY);
    const name = await createTemplateSheet(gw, o16(), AGENCY);
    const active = await inspectActiveSheet(gw);
    expect(active.sheet).toBe(name);
    expect(active.recognition?.edition.item).toBe('o16');
    const input = {
      item: 'จัดซื้อวัสดุคอมพิวเตอร์ กองคลัง', budget: '๑,๒๐๐ บาท', budgetSource: 'เทศบัญญัติ', method: 'เฉพาะเจาะจง',
      medianPrice: '1,200', agreedPrice: '1,150.00', taxId: '0-1055-43008-21-9', winner: 'บริษัท ซีพี ออลล์ จำกัด (มหาชน)',
      projectNumber: '67039549408', signDate: '15 มี.ค. 2567', endDate: '30/3/67',
    };
    fake.resetStats();
    const row = await addRecord(gw, name, active.recognition!, input, AGENCY, today);
    expect(fake.syncs.length).toBe(2); // one read, one write
    expect(row).toBe(2);
    const s = fake.sheet(name);
    expect(s.value(2, 14)).toBe('0105543008219');
    expect(s.value(2, 17)).toBe(45366); // 15 Mar 2024
    const run = await runCheck(gw, await inspectActiveSheet(gw), { today });
    expect(run.sheet?.report.issues.filter((i) => i.severity === 'error')).toEqual([]);

    const annual = await createTemplateSheet(gw, resolveTemplate('o17', '2567')!, AGENCY);
    const summary = await writeSummary(gw, await inspectActiveSheet(gw));
    expect(await gw.listSheets()).toEqual(['Sheet1', name, annual, summary]);
    expect(fake.sheet(summary).get(3, 1)?.f).toMatch(/^=SUMPRODUCT\(COUNTIFS\(/);
  });

  it('selects, activates and reports the selection', async () => {
    const fake = new FakeExcel({ sheets: { A: [], B: [] } });
    const gw = officeGateway(fake);
    await gw.selectCell('B', { row: 12, col: 11 });
    expect(await gw.activeSheet()).toBe('B');
    expect(await gw.selection()).toEqual({ sheet: 'B', row: 12, col: 11 });
    await gw.activateSheet('A');
    expect(await gw.activeSheet()).toBe('A');
    await expect(gw.activateSheet('C')).rejects.toBeInstanceOf(GatewayError);
  });
});

describe('OfficeGateway round trips and payloads', () => {
  it('reads 2,000 realistic Thai rows × 19 columns in at most 3 syncs (one, in fact)', async () => {
    const { fake, sheet, data } = realisticHost(2000);
    const gw = officeGateway(fake);
    const m = await fake.measure(() => gw.readSheet(sheet));
    expect(m.syncs).toBeLessThanOrEqual(3);
    expect(m.syncs).toBe(1);
    expect(m.maxResponseBytes).toBeLessThan(PAYLOAD_LIMIT);
    expect(m.result.rows).toHaveLength(data.length);
    expect(normalize(m.result.rows)).toEqual(normalize(data));
  });

  it('reads 10,000 rows in syncs that grow with the payload (~one per 2.5 MB), every request and response under 5 MB', async () => {
    const { fake, sheet, data } = realisticHost(10_000);
    const gw = officeGateway(fake);
    const m = await fake.measure(() => gw.readSheet(sheet));
    const bytes = m.requestBytes + m.responseBytes;
    expect(m.syncs).toBeLessThanOrEqual(Math.ceil(bytes / PAYLOAD_TARGET) + 2);
    expect(m.syncs).toBeGreaterThan(1);
    expect(m.maxResponseBytes).toBeLessThan(PAYLOAD_LIMIT);
    expect(m.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT);
    expect(normalize(m.result.rows)).toEqual(normalize(data));
  });

  it('recovers when even the first rows are over the limit (very long cells)', async () => {
    const long = 'รายละเอียดโครงการก่อสร้างถนนคอนกรีตเสริมเหล็กพร้อมวางท่อระบายน้ำ '.repeat(12);
    const rows = Array.from({ length: 1500 }, (_, i) => [i + 1, ...Array.from({ length: 6 }, () => long)]);
    const fake = new FakeExcel({ sheets: { big: rows } });
    const gw = officeGateway(fake);
    const m = await fake.measure(() => gw.readSheet('big'));
    expect(fake.syncs[0].error).toBe('ResponsePayloadSizeLimitExceeded');
    expect(fake.syncs.filter((s) => !s.error).every((s) => s.responseBytes < PAYLOAD_LIMIT)).toBe(true);
    expect(m.result.rows).toHaveLength(1500);
    expect(m.result.rows[1499][6]).toBe(long);
  });

  it('pads the columns left of the used range and reports where the used range starts', async () => {
    const fake = new FakeExcel({ sheets: { S: [[], [], [null, null, 'หัว', 'ตาราง'], [null, null, 1, utcDate(2024, 1, 2)]] } });
    const grid = await officeGateway(fake).readSheet('S');
    expect(grid.firstRow).toBe(3);
    expect(grid.rows).toEqual([[null, null, 'หัว', 'ตาราง'], [null, null, 1, utcDate(2024, 1, 2)]]);
    expect((await officeGateway(fake).readSheet('Sheet1').catch(() => null))).toBeNull();
    const empty = new FakeExcel();
    expect((await officeGateway(empty).readSheet('Sheet1')).rows).toEqual([]);
  });

  it('adds one row in one sync, and creates a template sheet in at most 3', async () => {
    const { fake, sheet } = realisticHost(2000);
    const gw = officeGateway(fake);
    let m = await fake.measure(() => gw.writeRows(sheet, 2009, records(1)));
    expect(m.syncs).toBe(1);
    m = await fake.measure(() => gw.createSheet({ plan: plan(), prefillRows: 5 }));
    expect(m.syncs).toBeLessThanOrEqual(3);
    expect(m.maxRequestBytes).toBeLessThan(PAYLOAD_TARGET);
  });

  it('adds a record to a 10,000-row sheet in 2 syncs: its last rows in one, the row in the other', async () => {
    const { fake, sheet, data } = realisticHost(10_000);
    const gw = officeGateway(fake);
    const rec = recognize(await gw.readSheet(sheet))!;
    const input = {
      item: 'จัดซื้อวัสดุคอมพิวเตอร์ กองคลัง', budget: '1,200', budgetSource: 'เทศบัญญัติ', method: 'เฉพาะเจาะจง', medianPrice: '1,200',
      agreedPrice: '1,150.00', taxId: '0105543008219', winner: 'บริษัท ซีพี ออลล์ จำกัด (มหาชน)', projectNumber: '67039549408', signDate: '15 มี.ค. 2567', endDate: '30/3/67',
    };
    const m = await fake.measure(() => addRecord(gw, sheet, rec, input, AGENCY, today));
    expect(m.syncs).toBe(2);
    // Far less than the sheet (~9 MB): only the last rows were read.
    expect(m.responseBytes).toBeLessThan(PAYLOAD_TARGET / 4);
    // Right after the last record (row 10,004), in the blank row above the notes; ที่ numbered on.
    expect(m.result).toBe(10_005);
    const s = fake.sheet(sheet);
    expect(s.value(10_005, COL_ITEM)).toBe(input.item);
    expect(s.value(10_005, 1)).toBe(10_001);
    expect(s.value(10_006, 1)).toBe(data[10_005][0]);
    // A record right under a note-free list on a small sheet: still 2.
    const small = realisticHost(50);
    const sgw = officeGateway(small.fake);
    const srec = recognize(await sgw.readSheet(small.sheet))!;
    expect((await small.fake.measure(() => addRecord(sgw, small.sheet, srec, input, AGENCY, today))).syncs).toBe(2);
  });

  it('reads the last rows of a sheet in one sync, as the in-memory workbook does; whole when the sheet is shorter', async () => {
    const rows = realisticO16({ rows: 300 });
    const fake = new FakeExcel({ sheets: { S: rows } });
    const mem = new MemoryWorkbook();
    mem.addSheet('S', rows);
    const gw = officeGateway(fake);
    for (const n of [1, 7, 200, 400]) {
      const m = await fake.measure(() => gw.readTail('S', n));
      expect(m.syncs).toBe(1);
      const want = await mem.readTail('S', n);
      expect(m.result.firstRow).toBe(want.firstRow);
      expect(normalize(m.result.rows)).toEqual(normalize(want.rows));
    }
    expect((await gw.readTail('S', 400)).firstRow).toBe(1);
    expect((await gw.readTail('S', 7)).firstRow).toBe(rows.length - 6);
  });

  it('reads the last rows of a sheet used to the grid’s end in a second try, and Excel 2016’s formatted empty rows read empty', async () => {
    const fake = new FakeExcel({ sheets: { S: [['หัว'], ['ก']] } });
    fake.sheet('S').cell(MAX_ROWS - 3, 0).v = 'ท้าย';
    const m = await fake.measure(() => officeGateway(fake).readTail('S', 10));
    expect(m.syncs).toBe(3); // the one that could not move below, the size, the rows
    expect(m.result.firstRow).toBe(MAX_ROWS - 11);
    expect(m.result.rows[m.result.rows.length - 1]).toEqual(['ท้าย']);
    // ExcelApi 1.1: a new sheet's used range runs to its last formatted row (1001); its last rows hold nothing.
    const old = new FakeExcel({ api: '1.1' });
    const gw = officeGateway(old);
    await gw.createSheet({ plan: plan(1000), prefillRows: 0 });
    const empty = await gw.readTail(plan().name, 200);
    expect(empty.rows).toEqual([]);
    // So adding a record there reads the sheet after all: one more round trip, the record still on row 2.
    await saveAgency(gw, AGENCY);
    const rec = (await inspectActiveSheet(gw)).recognition!;
    const input = { item: 'จัดซื้อวัสดุ', budget: '1,200', budgetSource: 'เทศบัญญัติ', method: 'เฉพาะเจาะจง', status: 'ยังไม่ได้ลงนามในสัญญา' };
    const add = await old.measure(() => addRecord(gw, plan().name, rec, input, AGENCY, today));
    expect(add.result).toBe(2);
    expect(add.syncs).toBe(3);
  });

  it('splits a large write by payload size, never by row', async () => {
    const fake = new FakeExcel({ sheets: { S: [] } });
    const gw = officeGateway(fake);
    const rows = records(10_000);
    const m = await fake.measure(() => gw.writeRows('S', 1, rows));
    expect(m.syncs).toBeGreaterThan(1);
    expect(m.syncs).toBeLessThanOrEqual(Math.ceil(m.requestBytes / PAYLOAD_TARGET) + 1);
    expect(m.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT);
    const back = await gw.readSheet('S');
    expect(normalize(back.rows)).toEqual(normalize(rows));
  });

  it('writes scattered cells in one sync', async () => {
    const { fake, sheet } = realisticHost(200);
    const gw = officeGateway(fake);
    const cells = Array.from({ length: 300 }, (_, i) => ({ row: 5 + (i % 200), col: 1 + (i % 19), value: `แก้ ${i}` as CellValue }));
    cells.push({ row: 5, col: 1, value: 'ล่าสุด' }, { row: 6, col: 18, value: utcDate(2024, 2, 29) });
    const m = await fake.measure(() => gw.writeCells(sheet, cells));
    expect(m.syncs).toBe(1);
    const s = fake.sheet(sheet);
    expect(s.value(5, 1)).toBe('ล่าสุด'); // the later write of a cell wins
    expect(s.value(204, 10)).toBe('แก้ 199');
    expect(s.numberFormat(6, 18)).toBe(DATE_FORMAT_BE);
  });
});

describe('OfficeGateway on older Excel', () => {
  it('Office 2016 (ExcelApi 1.1): forms, reads, writes and highlights work; events and validation degrade', async () => {
    const fake = new FakeExcel({ api: '1.1' });
    const gw = officeGateway(fake);
    expect(gw.capabilities()).toEqual({ events: false, dataValidation: false, rangeAreas: false, conditionalFormats: false });
    const p = plan(1000);
    await gw.createSheet({ plan: p, prefillRows: 1 });
    const s = fake.sheet(p.name);
    expect(s.get(0, 0)).toMatchObject({ bold: true });
    expect(s.frozenRows).toBe(0);
    expect(s.validations).toEqual([]);
    expect(fake.book.sheet(LISTS_SHEET)).toBeUndefined();
    await gw.writeRows(p.name, 3, records(2), p.columns.map((c) => c.numFmt));
    const mem = new MemoryWorkbook({ events: false, dataValidation: false, rangeAreas: false, conditionalFormats: false });
    mem.addSheet('Sheet1');
    await mem.createSheet({ plan: p, prefillRows: 1 });
    await mem.writeRows(p.name, 3, records(2), p.columns.map((c) => c.numFmt));
    // The used range runs to row 1001 (formatted rows); the read trims it to the data.
    const grid = await gw.readSheet(p.name);
    expect(normalize(grid.rows)).toEqual(normalize((await mem.readSheet(p.name)).rows));
    expect(await gw.onChanged(p.name, () => undefined)).toBeNull();
    fake.userFill(p.name, 3, 2, '#00B050');
    await gw.highlight(p.name, [{ row: 3, col: 2, severity: 'error' }, { row: 4, col: 2, severity: 'warning' }]);
    expect(s.fill(3, 2)).toBe(ERROR_FILL);
    expect(s.fill(4, 2)).toBe(WARNING_FILL);
    await gw.clearHighlights(p.name);
    expect(s.fill(3, 2)).toBe('#00B050');
    expect(s.fill(4, 2)).toBeUndefined();
    expect(await gw.listSheets()).toEqual(['Sheet1', p.name]);
  });

  it('Office 2019 (ExcelApi 1.7): events and freeze, no validation; highlights as ranges in one write', async () => {
    const { fake, sheet } = realisticHost(50, { api: '1.7' });
    const gw = officeGateway(fake);
    expect(gw.capabilities()).toMatchObject({ events: true, dataValidation: false, rangeAreas: false, conditionalFormats: true });
    const cells = Array.from({ length: 100 }, (_, i) => ({ row: 5 + (i % 50), col: 1 + Math.floor(i / 50) * 3, severity: 'error' as const }));
    const m = await fake.measure(() => gw.highlight(sheet, cells));
    expect(m.syncs).toBeLessThanOrEqual(3);
    expect(fake.sheet(sheet).fill(54, 4)).toBe(ERROR_FILL);
  });
});

describe('OfficeGateway highlights never lose the user’s formatting', () => {
  it('restores the user’s own fill, clears ours, and lets an error outrank a warning', async () => {
    const { fake, sheet } = realisticHost(10);
    const gw = officeGateway(fake);
    fake.userFill(sheet, 5, 3, '#00B050');
    fake.userFill(sheet, 8, 2, '#FFFFFF'); // an explicit white fill
    await gw.highlight(sheet, [
      { row: 5, col: 3, severity: 'error' },
      { row: 6, col: 3, severity: 'warning' },
      { row: 6, col: 3, severity: 'error' },
      { row: 7, col: 4, severity: 'warning' },
      { row: 8, col: 2, severity: 'warning' },
    ]);
    const s = fake.sheet(sheet);
    expect([s.fill(5, 3), s.fill(6, 3), s.fill(7, 4)]).toEqual([ERROR_FILL, ERROR_FILL, WARNING_FILL]);
    expect(fake.sheet(HIGHLIGHTS_SHEET).visibility).toBe('Hidden');
    // A second pass: warnings do not repaint errors, a warning turned error is repainted.
    await gw.highlight(sheet, [{ row: 5, col: 3, severity: 'warning' }, { row: 7, col: 4, severity: 'error' }]);
    expect([s.fill(5, 3), s.fill(7, 4)]).toEqual([ERROR_FILL, ERROR_FILL]);
    await gw.clearHighlights(sheet);
    expect([s.fill(5, 3), s.fill(6, 3), s.fill(7, 4), s.fill(8, 2)]).toEqual(['#00B050', undefined, undefined, '#FFFFFF']);
    expect(await gw.listSheets()).toEqual([sheet]);
  });

  it('keeps a colour the user set after the highlight, and restores after the pane was reloaded', async () => {
    const { fake, sheet } = realisticHost(10);
    fake.userFill(sheet, 5, 5, '#FFC000');
    await officeGateway(fake).highlight(sheet, [{ row: 5, col: 5, severity: 'error' }, { row: 6, col: 5, severity: 'error' }]);
    fake.userFill(sheet, 6, 5, '#0070C0');
    // A new gateway (the pane reopened, or the workbook saved and reopened).
    const later = officeGateway(fake);
    await later.clearHighlights(sheet);
    const s = fake.sheet(sheet);
    expect(s.fill(5, 5)).toBe('#FFC000');
    expect(s.fill(6, 5)).toBe('#0070C0');
    // Nothing left to restore: clearing again changes nothing.
    await later.clearHighlights(sheet);
    expect(s.fill(5, 5)).toBe('#FFC000');
  });

  it('fills many cells through RangeAreas in few requests and few syncs', async () => {
    const { fake, sheet } = realisticHost(2000);
    const gw = officeGateway(fake);
    const cells = Array.from({ length: 3000 }, (_, i) => ({ row: 5 + ((i * 7) % 2000), col: 1 + (i % 19), severity: (i % 3 ? 'warning' : 'error') as 'error' | 'warning' }));
    let m = await fake.measure(() => gw.highlight(sheet, cells));
    expect(m.syncs).toBeLessThanOrEqual(3);
    expect(m.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT);
    const writes = fake.syncs[fake.syncs.length - 1];
    expect(writes.actions).toBeLessThan(cells.length / 2);
    m = await fake.measure(() => gw.clearHighlights(sheet));
    expect(m.syncs).toBeLessThanOrEqual(4);
    expect([...fake.sheet(sheet).cells.values()].filter((c) => c.fill).length).toBe(0);
  });

  it('highlights only cells on the named sheet and leaves other sheets’ records', async () => {
    const fake = new FakeExcel({ sheets: { A: [[1]], B: [[2]] } });
    const gw = officeGateway(fake);
    await gw.highlight('A', [{ row: 1, col: 1, severity: 'error' }]);
    await gw.highlight('B', [{ row: 1, col: 1, severity: 'warning' }]);
    await gw.clearHighlights('A');
    expect(fake.sheet('A').fill(1, 1)).toBeUndefined();
    expect(fake.sheet('B').fill(1, 1)).toBe(WARNING_FILL);
    await gw.clearHighlights('B');
    expect(fake.sheet('B').fill(1, 1)).toBeUndefined();
  });
});

describe('OfficeGateway change events', () => {
  it('calls back on edits and stops after unsubscribing through the same context', async () => {
    const { fake, sheet } = realisticHost(5);
    const gw = officeGateway(fake);
    let calls = 0;
    const off = await gw.onChanged(sheet, () => calls++);
    expect(off).not.toBeNull();
    fake.userEdit(sheet, 6, 8, 'แก้');
    await new Promise((r) => setTimeout(r, 5));
    expect(calls).toBe(1);
    await off!();
    expect(fake.sheet(sheet).handlers).toHaveLength(0);
    fake.userEdit(sheet, 6, 8, 'อีก');
    await new Promise((r) => setTimeout(r, 5));
    expect(calls).toBe(1);
  });
});

describe('OfficeGateway ignores the change events of its own writes', () => {
  const settle = () => new Promise((r) => setTimeout(r, 10));
  const input = {
    item: 'จัดซื้อวัสดุคอมพิวเตอร์ กองคลัง', budget: '1,200', budgetSource: 'เทศบัญญัติ', method: 'เฉพาะเจาะจง', medianPrice: '1,200',
    agreedPrice: '1,150.00', taxId: '0105543008219', winner: 'บริษัท ซีพี ออลล์ จำกัด (มหาชน)', projectNumber: '67039549408', signDate: '15 มี.ค. 2567', endDate: '30/3/67',
  };

  it('one save (a record added, a row inserted, an edit, highlights) triggers no re-check; the user’s edits still do', async () => {
    const { fake, sheet } = realisticHost(20);
    const gw = officeGateway(fake);
    let calls = 0;
    const off = await gw.onChanged(sheet, () => calls++);
    const rec = recognize(await gw.readSheet(sheet))!;
    const row = await addRecord(gw, sheet, rec, input, AGENCY, today);
    await settle();
    expect(fake.sheet(sheet).value(row, COL_ITEM)).toBe(input.item);
    expect(calls).toBe(0);
    // The list now runs into the note: the next record gets a row inserted for it.
    const next = await addRecord(gw, sheet, rec, { ...input, projectNumber: '67039549409' }, AGENCY, today);
    expect(next).toBe(row + 1);
    await gw.writeCells(sheet, [{ row: 5, col: COL_ITEM, value: 'แก้ไขแล้ว' }, { row: 6, col: 2, value: '' }]);
    await gw.highlight(sheet, [{ row: 7, col: 3, severity: 'error' }]);
    await gw.clearHighlights(sheet);
    await settle();
    expect(calls).toBe(0);
    // The officer types, on another cell and on one the add-in just wrote: both are theirs.
    fake.userEdit(sheet, 9, 3, 'พิมพ์เอง');
    await settle();
    expect(calls).toBe(1);
    await gw.writeRows(sheet, 8, [[null, 'ก']]);
    fake.userEdit(sheet, 30, 5, 'อีก');
    await settle();
    expect(calls).toBe(2);
    // A co-author's change is never ours, even on cells we wrote a moment ago.
    fake.fire(fake.sheet(sheet), 'Remote', { box: { r0: 7, c0: 1, r1: 7, c1: 1 } });
    await settle();
    expect(calls).toBe(3);
    await off!();
  });

  it('counts on Excel’s own word where it has it (ExcelApi 1.14), and lets an echo that comes late through elsewhere', async () => {
    for (const api of ['1.14', '1.9']) {
      const { fake, sheet } = realisticHost(5, { api });
      let clock = 1_000_000;
      const gw = new OfficeGateway(fake.run as unknown as BatchRun, fake.isSetSupported, { runInContext: fake.run as unknown as ContextRun, now: () => clock });
      let calls = 0;
      await gw.onChanged(sheet, () => calls++);
      fake.eventDelayMs = 5;
      await gw.writeRows(sheet, 12, [['ก']]);
      clock += OWN_CHANGE_WINDOW_MS + 1; // the event arrives after the window
      await new Promise((r) => setTimeout(r, 20));
      // 1.14 says whose change it was; before it, a late echo costs one redundant re-check.
      expect([api, calls]).toEqual([api, api === '1.14' ? 0 : 1]);
      fake.userEdit(sheet, 12, 1, 'ข');
      await new Promise((r) => setTimeout(r, 20));
      expect([api, calls]).toEqual([api, api === '1.14' ? 1 : 2]);
    }
  });
});

describe('cell conversion', () => {
  it('reads the areas of an event address', () => {
    expect(parseAreas('Sheet1!$B$2:$C$4')).toEqual([{ row1: 2, col1: 2, row2: 4, col2: 3 }]);
    expect(parseAreas("'ความก้าวหน้า'!K12")).toEqual([{ row1: 12, col1: 11, row2: 12, col2: 11 }]);
    expect(parseAreas('8:9, A:B')).toEqual([{ row1: 8, col1: 1, row2: 9, col2: 16_384 }, { row1: 1, col1: 1, row2: 1_048_576, col2: 2 }]);
    expect(parseAreas('')).toBeNull();
    expect(parseAreas('A1,ไม่ใช่')).toBeNull();
  });

  it('knows date formats from number formats', () => {
    for (const f of [DATE_FORMAT_BE, '[$-th-TH,107]d mmm yyyy', 'd/m/yyyy', 'dd/mm/bbbb', 'mmm-yy', 'd/m/yyyy h:mm', 'yyyy-mm-dd']) expect(isDateFormat(f)).toBe(true);
    for (const f of ['General', '@', '0', '#,##0.00', '0.00E+00', 'h:mm', '[h]:mm', 'mm:ss', '"วันที่"0', '0%']) expect(isDateFormat(f)).toBe(false);
  });

  it('keeps as text what Excel would coerce, and dates become serials', () => {
    expect(toExcelInput('0105543008219')).toBe("'0105543008219");
    expect(toExcelInput('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(toExcelInput('๒๕๖๗')).toBe("'๒๕๖๗");
    expect(toExcelInput('TRUE')).toBe("'TRUE");
    expect(toExcelInput('จัดซื้อ 5 รายการ')).toBe('จัดซื้อ 5 รายการ');
    expect(toExcelInput(utcDate(2024, 3, 15))).toBe(45366);
    expect(toExcelInput(null)).toBe('');
    expect(toExcelInput(null, true)).toBeNull();
  });

  it('estimates JSON payload as UTF-8 (Thai is 3 bytes a character), never below the real size', () => {
    expect(utf8Length('กขค')).toBe(9);
    expect(utf8Length('a😀')).toBe(5);
    const rows = [['ราคากลาง (บาท)', 'abc', 12.5, true, null, 'a"b\n'], ['๒๕๖๗', -1, false, '', null, null]];
    const real = Buffer.byteLength(JSON.stringify(rows), 'utf8');
    expect(gridBytes(rows)).toBeGreaterThanOrEqual(real);
    expect(gridBytes(rows)).toBeLessThan(real * 1.2);
    expect(chunkBySize([5, 5, 5, 20, 1], (n) => n, 10)).toEqual([[5, 5], [5], [20], [1]]);
  });

  it('groups scattered cells into column runs, and converts widths to points', () => {
    const runs = verticalRuns([{ row: 3, col: 11 }, { row: 2, col: 11 }, { row: 4, col: 11 }, { row: 7, col: 11 }, { row: 2, col: 12 }, { row: 2, col: 12 }]);
    expect(runs.map((r) => r.address)).toEqual(['K2:K4', 'K7', 'L2']);
    expect(widthToPoints(10)).toBe(52.5);
  });
});
