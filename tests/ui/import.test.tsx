/** @jest-environment jsdom */
import './setup';
import { TextDecoder as NodeTextDecoder } from 'node:util';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { choiceFor, createTemplateSheet } from '../../src/app/workbookSession';
import { columnIndex, type CellValue } from '../../src/domain/grid';
import { utcDate } from '../../src/domain/values/thaiDate';
import { encodeMeta, META_SHEET } from '../../src/domain/workbookMeta';
import { createDemoWorkbook, DEMO_AGENCY, DEMO_SHEET } from '../../src/preview/demoData';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { CHUMPHON, egpCsv, egpDatastoreJson, egpRows, PERSONAL_ID } from '../fixtures/import/egp';
import { january, october } from '../fixtures/import/monthly';
import { renderPane } from './render';

// jsdom has no TextDecoder; browsers (and Node's, with full ICU) know Windows-874.
const g = globalThis as { TextDecoder?: unknown };
g.TextDecoder ??= NodeTextDecoder;

const O16 = 'ความก้าวหน้าการจัดซื้อจัดจ้าง';

/** A workbook with the agency profile saved and, unless `bare`, a fresh o16 sheet (active). */
async function workbook(opts: { bare?: boolean; agency?: boolean } = {}): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  wb.addSheet('Sheet1', []);
  wb.addSheet(META_SHEET, encodeMeta({ ...(opts.agency === false ? {} : { agency: DEMO_AGENCY }), sheets: {} }), { hidden: true });
  if (!opts.bare) await createTemplateSheet(wb, choiceFor('o16', '2567'), DEMO_AGENCY, 0);
  return wb;
}

const tis620Csv = () => new File([new Uint8Array(iconv.encode(egpCsv(egpRows()), 'windows-874'))], 'egp-874.csv', { type: 'text/csv' });

async function choose(file: File): Promise<void> {
  await userEvent.upload(await screen.findByLabelText('ไฟล์ข้อมูลที่จะนำเข้า'), file);
}

const at = (wb: MemoryWorkbook, sheet: string, address: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  return wb.cell(sheet, Number(m[2]), columnIndex(m[1]) + 1);
};

/** Lets the pane finish re-reading the workbook after a write (its refresh is debounced). */
/**
 * Reading a file, decoding it and planning the import takes seconds on a loaded two-core machine:
 * the officer waits for the text, so does the test — longer than testing-library's 1 s default.
 */
const AS_THE_OFFICER_WAITS = { timeout: 30_000 };

const settle = () => act(() => new Promise<void>((done) => setTimeout(done, 400)));

/** The preview's row for an Excel row, field by field. */
function rowOf(table: HTMLElement, row: number): Record<string, string> {
  const tr = table.querySelector(`tr[data-row="${row}"]`);
  if (!tr) throw new Error(`no row ${row} in the preview`);
  return Object.fromEntries([...tr.querySelectorAll('[data-field]')].map((el) => [el.getAttribute('data-field'), el.textContent ?? '']));
}

describe('import page', () => {
  it('reads a Windows-874 e-GP CSV and previews the rows, the rows it cannot map with the reason, and personal IDs', async () => {
    const wb = await workbook();
    renderPane(wb, 'import');
    await choose(tis620Csv());

    const table = await screen.findByRole('table', { name: 'รายการที่จะนำเข้า (6)' });
    expect(screen.getByTestId('import-source').textContent).toContain('ข้อมูล e-GP ชุดข้อมูลเต็ม (CSV, Windows-874 (TIS-620)) — 12 รายการ');
    expect(screen.getByTestId('import-counts').textContent).toBe('อ่านได้ 12 รายการ · ของหน่วยงาน 10 · อยู่ในช่วงของแบบ (1 ต.ค. 2566 – 31 มี.ค. 2567) 7 · นอกช่วง 2');
    expect(screen.getByText(`จะเพิ่ม 6 แถวใหม่ลงแผ่นงาน "${O16}" แถว 2–7 โดยไม่แก้ไขแถวเดิม`)).toBeTruthy();
    // Sorted by signing date: the e-bidding contract of 15 Dec 2566 is the second row.
    expect(rowOf(table, 3)).toEqual({
      item: 'โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3 บ้านหนองบัว, ตำบลชุมพล',
      winner: 'ห้างหุ้นส่วนจำกัด สีคิ้วก่อสร้าง',
      agreedPrice: '2,390,000.00',
      signDate: '15 ธ.ค. 2566',
      status: 'อยู่ระหว่างระยะสัญญา',
    });
    expect(rowOf(table, 2).status).toBe('สิ้นสุดระยะสัญญา');
    // Each contract of a two-contract project gets its own amount.
    expect(rowOf(table, 6).agreedPrice).toBe('190,000.00');

    const skipped = screen.getByTestId('import-skipped');
    expect(within(skipped).getByText('นำเข้าไม่ได้ 2 รายการ (แก้ข้อมูลต้นทางหรือกรอกเอง)')).toBeTruthy();
    expect(skipped.textContent).toContain('แถวที่ 10 ของ egp-874.csv');
    expect(skipped.textContent).toContain('วิธีการจัดซื้อจัดจ้าง "วิธีพิเศษเฉพาะกิจ" ไม่ตรงกับรายการของแบบ');
    expect(skipped.textContent).toContain('แถวที่ 11 ของ egp-874.csv');
    expect(skipped.textContent).toMatch(/อ่านวันที่ลงนามในสัญญาไม่ได้: .*31 ก\.พ\. 67/);

    // The sole trader's citizen ID: warned about, shown masked.
    const pdpa = screen.getByTestId('import-pdpa');
    expect(pdpa.textContent).toContain('ข้อมูลส่วนบุคคล (PDPA): 1 แถวใช้เลขประจำตัวประชาชนของบุคคล');
    expect(pdpa.textContent).toContain(`แถว 2: ${PERSONAL_ID.slice(0, 9)}xxxx`);
    expect(pdpa.textContent).not.toContain(PERSONAL_ID);

    // Nothing is written before the officer confirms.
    expect(wb.sheet(O16).rows).toHaveLength(1);
  });

  it('derives the status at the as-of date the officer types, Thai style', async () => {
    const wb = await workbook();
    renderPane(wb, 'import');
    await choose(tis620Csv());
    const table = await screen.findByRole('table', { name: 'รายการที่จะนำเข้า (6)' });
    // By default the end of the o16 period: the truck repair (29 ม.ค. – 28 ก.พ. 2567) has ended.
    expect(screen.getByText('เว้นว่าง = วันสิ้นสุดช่วงของแบบ หรือวันนี้ถ้ายังไม่ถึง (ใช้อยู่: 31 มี.ค. 2567)')).toBeTruthy();
    expect(rowOf(table, 5)).toMatchObject({ signDate: '29 ม.ค. 2567', status: 'สิ้นสุดระยะสัญญา' });
    await userEvent.type(screen.getByRole('textbox', { name: 'สถานะ ณ วันที่' }), '15/2/67');
    expect(await screen.findByText('อ่านได้เป็น 15 ก.พ. 2567')).toBeTruthy();
    await waitFor(() => expect(rowOf(screen.getByRole('table', { name: 'รายการที่จะนำเข้า (6)' }), 5).status).toBe('อยู่ระหว่างระยะสัญญา'));
  });

  it('writes the rows under the list on confirmation, agency columns filled and status derived, then checks the sheet', async () => {
    const wb = await workbook();
    renderPane(wb, 'import');
    await choose(tis620Csv());
    await screen.findByRole('table', { name: 'รายการที่จะนำเข้า (6)' });
    // The file has no budget source: the officer gives one for all rows.
    await userEvent.click(screen.getByRole('combobox', { name: 'แหล่งที่มาของงบประมาณ (สำหรับรายการที่ไฟล์ไม่ระบุ)' }));
    await userEvent.click(await screen.findByRole('option', { name: 'เทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย' }));
    await waitFor(() => expect(screen.getByTestId('import-check').textContent).toBe('ผลการตรวจรายการที่จะนำเข้า: ข้อผิดพลาด 0 คำเตือน 2'));

    await userEvent.click(screen.getByRole('button', { name: 'นำเข้า 6 แถว' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'ยืนยันการนำเข้า' });
    expect(dialog.textContent).toContain(`จะเขียน 6 แถวใหม่ลงแผ่นงาน "${O16}" แถว 2–7`);
    // The question has the focus: Enter confirms.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'ยืนยันนำเข้า' }));
    await userEvent.keyboard('{Enter}');

    expect(await screen.findByText(/นำเข้า 6 แถวลงแผ่นงาน "ความก้าวหน้าการจัดซื้อจัดจ้าง" แถว 2–7 แล้ว/)).toBeTruthy();
    await settle();
    expect(screen.getByText(/ตรวจแผ่นงานหลังนำเข้า: ข้อผิดพลาด 0 คำเตือน \d+/)).toBeTruthy();
    const cell = (a: string) => at(wb, O16, a);
    expect(['A', 'B', 'C', 'D', 'E', 'F'].map((c) => cell(`${c}3`))).toEqual([2567, 'องค์กรปกครองส่วนท้องถิ่น', 'กระทรวงมหาดไทย', CHUMPHON, 'สีคิ้ว', 'นครราชสีมา']);
    expect(['G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R'].map((c) => cell(`${c}3`))).toEqual([
      'โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3 บ้านหนองบัว, ตำบลชุมพล', 2_450_000, 'เทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย',
      'อยู่ระหว่างระยะสัญญา', 'ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)', 2_445_000, 2_390_000, '0365529000042',
      'ห้างหุ้นส่วนจำกัด สีคิ้วก่อสร้าง', '66109123456', utcDate(2023, 12, 15), utcDate(2024, 6, 12),
    ]);
    expect(cell('G2')).toBe('จัดซื้อวัสดุสำนักงาน "กองคลัง"\nประจำเดือนตุลาคม');
    expect(cell('N2')).toBe(PERSONAL_ID);
    expect(cell('J2')).toBe('สิ้นสุดระยะสัญญา');
    expect(cell('M6')).toBe(190_000);
    expect(cell('G7')).toBe('จัดซื้อครุภัณฑ์คอมพิวเตอร์ 2 รายการ');
    expect(cell('G8')).toBeNull();
    expect(wb.sheet(O16).numFmts.get(`2:${columnIndex('M')}`)).toBe('#,##0.00');
    // The officer is shown where the rows went.
    expect(wb.selected).toEqual({ sheet: O16, row: 2, col: columnIndex('G') + 1 });
  });

  it('adds nothing when the same file is imported twice', async () => {
    const wb = await workbook();
    renderPane(wb, 'import');
    await choose(tis620Csv());
    await userEvent.click(await screen.findByRole('button', { name: 'นำเข้า 6 แถว' }, AS_THE_OFFICER_WAITS));
    await userEvent.click(await screen.findByRole('button', { name: 'ยืนยันนำเข้า' }, AS_THE_OFFICER_WAITS));
    await screen.findByText(/นำเข้า 6 แถวลงแผ่นงาน/, {}, AS_THE_OFFICER_WAITS);
    // The rows are in the sheet (the officer sees them there) before the file is picked again.
    await waitFor(() => expect(at(wb, O16, 'G7')).not.toBeNull(), AS_THE_OFFICER_WAITS);
    const before = wb.sheet(O16).rows.map((r) => [...r]);

    await choose(tis620Csv());
    expect(await screen.findByText('ไม่มีรายการใหม่ที่จะนำเข้า', {}, AS_THE_OFFICER_WAITS)).toBeTruthy();
    const dup = screen.getByTestId('import-duplicates');
    expect(dup.textContent).toContain('ซ้ำกับที่มีอยู่แล้ว จึงไม่นำเข้าซ้ำ 6 รายการ');
    expect(dup.textContent).toContain('ซ้ำกับแถว 3 ของแผ่นงาน');
    expect(screen.queryByRole('button', { name: /^นำเข้า \d+ แถว$/ })).toBeNull();
    expect(screen.queryByRole('table', { name: /รายการที่จะนำเข้า/ })).toBeNull();
    expect(wb.sheet(O16).rows).toEqual(before);
  });

  it('creates the sheet when the open one is no o16/o17, only on confirmation', async () => {
    const wb = await workbook({ bare: true });
    renderPane(wb, 'import');
    expect(await screen.findByText(/แผ่นงานที่เปิดอยู่ไม่ใช่แบบการจัดซื้อจัดจ้างที่นำเข้าได้/)).toBeTruthy();
    await choose(new File([egpDatastoreJson(egpRows())], 'egp.json', { type: 'application/json' }));
    expect(await screen.findByText(`จะสร้างแผ่นงานใหม่ "${O16}" แล้วเพิ่ม 6 แถว (แถว 2–7)`)).toBeTruthy();
    expect(screen.getByTestId('import-source').textContent).toContain('ข้อมูล e-GP แบบ API (JSON, UTF-8)');
    expect(await wb.listSheets()).toEqual(['Sheet1']);
    await userEvent.click(screen.getByRole('button', { name: 'นำเข้า 6 แถว' }));
    await userEvent.click(await screen.findByRole('button', { name: 'ยืนยันนำเข้า' }));
    await screen.findByText(/นำเข้า 6 แถวลงแผ่นงาน "ความก้าวหน้าการจัดซื้อจัดจ้าง" แถว 2–7 แล้ว/);
    await settle();
    expect(await wb.listSheets()).toEqual(['Sheet1', O16]);
    expect(at(wb, O16, 'G3')).toBe('โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3 บ้านหนองบัว, ตำบลชุมพล');
    expect(at(wb, O16, 'G1')).toBe('งานที่ซื้อหรือจ้าง');
  });

  it('offers the agencies of the file when it holds several and no profile names one', async () => {
    const wb = await workbook({ agency: false });
    renderPane(wb, 'import');
    // No profile: no year either, until the officer gives it.
    const fy = await screen.findByRole('textbox', { name: 'ปีงบประมาณที่ประเมิน (พ.ศ.)' });
    expect(screen.getByText('ระบุปีงบประมาณที่ประเมิน เช่น 2567')).toBeTruthy();
    await userEvent.type(fy, '2567');
    await choose(tis620Csv());
    expect(await screen.findByText('ไฟล์นี้มีข้อมูลหลายหน่วยงาน: เลือกหน่วยงานของท่านด้านบน')).toBeTruthy();
    await userEvent.click(screen.getByRole('combobox', { name: 'หน่วยงาน (ชื่อที่มีในไฟล์)' }));
    await userEvent.click(await screen.findByRole('option', { name: `${CHUMPHON} (10 รายการ)` }));
    expect(await screen.findByRole('table', { name: 'รายการที่จะนำเข้า (6)' })).toBeTruthy();
  });

  it('never writes over a note under the list: says before confirming which rows move down and by how many, then inserts rows above it', async () => {
    const wb = createDemoWorkbook();
    const note = 'หมายเหตุ: ข้อมูลจากระบบ e-GP ณ วันที่ ๓๑ มีนาคม ๒๕๖๗';
    expect(wb.cell(DEMO_SHEET, 26, 1)).toBe(note);
    renderPane(wb, 'import');
    await choose(tis620Csv());
    // The demo's list ends at row 24; row 25 is free, the note at 26: 6 rows need 5 more.
    const shift = 'แถว 26 ลงไป (เช่น หมายเหตุหรือช่องลงชื่อใต้รายการ) จะเลื่อนลง 5 แถว: แทรกแถวใหม่เหนือแถว 26 ไม่เขียนทับข้อความเดิม';
    const willWrite = await screen.findByText(/จะเพิ่ม 6 แถวใหม่ลงแผ่นงาน "ความก้าวหน้า 2567" แถว 25–30/);
    expect(willWrite.textContent).toContain(shift);

    await userEvent.click(screen.getByRole('button', { name: 'นำเข้า 6 แถว' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'ยืนยันการนำเข้า' });
    expect(dialog.textContent).toContain(shift);
    // Asked, not done.
    expect(wb.cell(DEMO_SHEET, 26, 1)).toBe(note);
    expect(wb.cell(DEMO_SHEET, 25, columnIndex('H') + 1)).toBeNull();

    await userEvent.click(within(dialog).getByRole('button', { name: 'ยืนยันนำเข้า' }));
    const done = await screen.findByText(/นำเข้า 6 แถวลงแผ่นงาน "ความก้าวหน้า 2567" แถว 25–30 แล้ว/);
    expect(done.textContent).toContain('แถวเดิมตั้งแต่แถว 26 ลงไปเลื่อนลง 5 แถว (ตอนนี้เริ่มที่แถว 31)');
    await settle();
    // The note and the signature block below it moved down 5 rows, untouched.
    expect(wb.cell(DEMO_SHEET, 31, 1)).toBe(note);
    expect(at(wb, DEMO_SHEET, 'H32')).toBe('ลงชื่อ ................................ ผู้รายงาน');
    // The free row 25 and the 5 inserted rows hold the imported records, numbered on from 20.
    expect(at(wb, DEMO_SHEET, 'A25')).toBe(21);
    expect(at(wb, DEMO_SHEET, 'H25')).toBe('จัดซื้อวัสดุสำนักงาน "กองคลัง"\nประจำเดือนตุลาคม');
    expect(at(wb, DEMO_SHEET, 'A30')).toBe(26);
    expect(at(wb, DEMO_SHEET, 'H30')).toBe('จัดซื้อครุภัณฑ์คอมพิวเตอร์ 2 รายการ');
  });

  it('reads สขร.1 monthly sheets from an .xlsx', async () => {
    const book = new ExcelJS.Workbook();
    for (const [name, rows] of [['ต.ค.66', october()], ['ม.ค.67', january()]] as const) {
      const ws = book.addWorksheet(name);
      rows.forEach((r) => ws.addRow(r as CellValue[] as ExcelJS.CellValue[]));
    }
    const bytes = await book.xlsx.writeBuffer();
    const wb = await workbook();
    renderPane(wb, 'import');
    await choose(new File([bytes], 'skr1.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    const table = await screen.findByRole('table', { name: 'รายการที่จะนำเข้า (3)' }, { timeout: 10_000 });
    expect(screen.getByTestId('import-source').textContent).toContain('แผ่นงาน "ต.ค.66": แบบ สขร.1 เดือน ต.ค. 2566 — 2 รายการ');
    expect(rowOf(table, 4)).toEqual({
      item: 'โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ ๓ บ้านหนองบัว',
      winner: 'ห้างหุ้นส่วนจำกัด สีคิ้วก่อสร้าง',
      agreedPrice: '2,390,000.00',
      signDate: '15 ม.ค. 2567',
      status: '–',
    });
    expect(screen.getByTestId('import-skipped').textContent).toContain('แผ่นงาน "ม.ค.67" แถว 7 ของ skr1.xlsx');
    // สขร.1 has no end date: the status cannot be derived, and the check says what to add.
    expect(screen.getByTestId('import-check').textContent).toMatch(/ข้อผิดพลาด [1-9]/);
  });

  describe('bad input gets a clear Thai message, never a crash', () => {
    const cases: [string, () => File, RegExp][] = [
      ['an empty file', () => new File([], 'empty.csv'), /empty\.csv: ไฟล์ว่างเปล่า ไม่มีข้อมูล/],
      ['a CSV that is not e-GP', () => new File(['ชื่อ,นามสกุล\nสมชาย,ใจดี\n'], 'people.csv'), /people\.csv: ไม่พบหัวคอลัมน์ของข้อมูล e-GP/],
      ['broken JSON', () => new File(['{"result": '], 'egp.json'), /egp\.json: ไม่ใช่ไฟล์ JSON ที่ถูกต้อง/],
      ['an old .xls', () => new File(['x'], 'old.xls'), /old\.xls เป็นไฟล์ Excel แบบเก่า \(\.xls\)/],
      ['a damaged .xlsx', () => new File(['PK not really'], 'broken.xlsx'), /broken\.xlsx เสียหายหรืออ่านไม่ได้/],
    ];
    it.each(cases)('%s', async (_, file, message) => {
      const wb = await workbook();
      renderPane(wb, 'import');
      await choose(file());
      expect(await screen.findByText(message, {}, { timeout: 10_000 })).toBeTruthy();
      expect(screen.getByText('ทำรายการไม่สำเร็จ')).toBeTruthy();
      expect(screen.queryByRole('table', { name: /รายการที่จะนำเข้า/ })).toBeNull();
    });

    it('an as-of date it cannot read', async () => {
      const wb = await workbook();
      renderPane(wb, 'import');
      await userEvent.type(await screen.findByRole('textbox', { name: 'สถานะ ณ วันที่' }), '31 ก.พ. 2567');
      expect(await screen.findByText(/เดือนกุมภาพันธ์ 2567 มี 29 วัน/)).toBeTruthy();
    });

    it('no rows of the agency in the period', async () => {
      const wb = await workbook();
      renderPane(wb, 'import');
      const fy = await screen.findByRole('textbox', { name: 'ปีงบประมาณที่ประเมิน (พ.ศ.)' });
      await userEvent.clear(fy);
      await userEvent.type(fy, '2560');
      await choose(tis620Csv());
      expect(await screen.findByText('ไม่พบรายการของหน่วยงานนี้ในช่วงของแบบ (1 ต.ค. 2559 – 31 มี.ค. 2560): ตรวจดูปีงบประมาณ หน่วยงาน และไฟล์ที่เลือก')).toBeTruthy();
    });
  });
});
