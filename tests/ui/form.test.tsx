/** @jest-environment jsdom */
import './setup';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createTemplateSheet, choiceFor } from '../../src/app/workbookSession';
import { columnIndex } from '../../src/domain/grid';
import { utcDate } from '../../src/domain/values/thaiDate';
import { createDemoWorkbook, DEMO_AGENCY, DEMO_SHEET } from '../../src/preview/demoData';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { encodeMeta, META_SHEET } from '../../src/domain/workbookMeta';
import { renderPane } from './render';

/** A workbook with the agency saved and a fresh o16 sheet made by the pane's own use case. */
async function workbookWithNewO16(): Promise<{ wb: MemoryWorkbook; sheet: string }> {
  const wb = new MemoryWorkbook();
  wb.addSheet('Sheet1', []);
  wb.addSheet(META_SHEET, encodeMeta({ agency: DEMO_AGENCY, sheets: {} }), { hidden: true });
  const sheet = await createTemplateSheet(wb, choiceFor('o16', '2567'), DEMO_AGENCY, 0);
  return { wb, sheet };
}

const input = (label: string | RegExp) => screen.getByRole('textbox', { name: label });
const combo = (label: string | RegExp) => screen.getByRole('combobox', { name: label });

/** The text under a field (its validation message), found through the control's aria-describedby. */
/** Types a procurement record field by field, as an officer does; the last field ends with Enter. */
async function typeRecord(fields: { item: string; budget: string; source: string; method: string; median: string; agreed: string; taxId?: string; winner: string; projectNumber?: string; sign: string; end?: string }): Promise<void> {
  await userEvent.type(await screen.findByRole('textbox', { name: /งานที่ซื้อหรือจ้าง/ }), fields.item);
  await userEvent.type(input(/วงเงินงบประมาณที่ได้รับจัดสรร/), fields.budget);
  await userEvent.type(combo(/แหล่งที่มาของงบประมาณ/), fields.source);
  await userEvent.type(combo(/วิธีการจัดซื้อจัดจ้าง/), fields.method);
  await userEvent.type(input('ราคากลาง (บาท)'), fields.median);
  await userEvent.type(input('ราคาที่ตกลงซื้อหรือจ้าง (บาท)'), fields.agreed);
  if (fields.taxId) await userEvent.type(input('เลขประจำตัวผู้เสียภาษี'), fields.taxId);
  await userEvent.type(input('รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก'), fields.winner);
  if (fields.projectNumber) await userEvent.type(input('เลขที่โครงการ'), fields.projectNumber);
  // Enter in a field submits the form: keyboard only.
  if (fields.end === undefined) await userEvent.type(input('วันที่ลงนามในสัญญา'), `${fields.sign}{Enter}`);
  else {
    await userEvent.type(input('วันที่ลงนามในสัญญา'), fields.sign);
    await userEvent.type(input('วันสิ้นสุดสัญญา'), `${fields.end}{Enter}`);
  }
}

function messageOf(el: HTMLElement): string {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('record form', () => {
  it('reads a Thai date as typed and shows it in the Buddhist Era', async () => {
    const { wb } = await workbookWithNewO16();
    renderPane(wb, 'form');
    const sign = await screen.findByRole('textbox', { name: 'วันที่ลงนามในสัญญา' });
    await userEvent.type(sign, '31/3/67');
    await waitFor(() => expect(messageOf(sign)).toContain('อ่านได้เป็น 31 มี.ค. 2567'));
    expect(sign.getAttribute('aria-invalid')).not.toBe('true');
    await userEvent.clear(sign);
    await userEvent.type(sign, '15 มี.ค. 2567');
    await waitFor(() => expect(messageOf(sign)).toContain('15 มี.ค. 2567'));
  });

  it('says when a tax ID check digit is wrong, and accepts the right one', async () => {
    const { wb } = await workbookWithNewO16();
    renderPane(wb, 'form');
    const tax = await screen.findByRole('textbox', { name: 'เลขประจำตัวผู้เสียภาษี' });
    await userEvent.type(tax, '0-1055-43008-21-8');
    await waitFor(() => expect(messageOf(tax)).toContain('ควรเป็น 9 แต่เขียนไว้ 8'));
    expect(tax.getAttribute('aria-invalid')).toBe('true');
    await userEvent.clear(tax);
    await userEvent.type(tax, '0105543008219');
    await waitFor(() => expect(messageOf(tax)).toContain('0-1055-43008-21-9'));
    expect(tax.getAttribute('aria-invalid')).not.toBe('true');
  });

  it('writes the record into the next empty row with typed values, agency columns and the derived status', async () => {
    const { wb, sheet } = await workbookWithNewO16();
    renderPane(wb, 'form');
    await typeRecord({
      item: 'จัดซื้อวัสดุคอมพิวเตอร์', budget: '๑๒,๐๐๐', source: 'เงินสะสม', method: 'เฉพาะเจาะจง', median: '12000', agreed: '11,500.50',
      taxId: '0105543008219', winner: 'บริษัท ซีพี ออลล์ จำกัด (มหาชน)', projectNumber: '67039549408', sign: '15 มี.ค. 2567', end: '14/5/67',
    });

    expect(await screen.findByText(`บันทึกลงแถวที่ 2 ของแผ่นงาน "${sheet}" แล้ว`)).toBeTruthy();
    const at = (letter: string) => wb.cell(sheet, 2, columnIndex(letter) + 1);
    expect([at('A'), at('B'), at('C'), at('D'), at('E'), at('F')]).toEqual([2567, 'องค์กรปกครองส่วนท้องถิ่น', 'กระทรวงมหาดไทย', 'เทศบาลตำบลชุมพล', 'สีคิ้ว', 'นครราชสีมา']);
    expect(at('G')).toBe('จัดซื้อวัสดุคอมพิวเตอร์');
    expect(at('H')).toBe(12_000);
    expect(at('I')).toBe('เงินสะสม');
    // As of the end of the o16 window (31 Mar 2567) the contract runs.
    expect(at('J')).toBe('อยู่ระหว่างระยะสัญญา');
    expect(at('K')).toBe('วิธีเฉพาะเจาะจง');
    expect(at('L')).toBe(12_000);
    expect(at('M')).toBe(11_500.5);
    expect(at('N')).toBe('0105543008219');
    expect(at('P')).toBe('67039549408');
    expect(at('Q')).toEqual(utcDate(2024, 3, 15));
    expect(at('R')).toEqual(utcDate(2024, 5, 14));
    // The form is cleared for the next record.
    expect((input(/งานที่ซื้อหรือจ้าง/) as HTMLInputElement).value).toBe('');
  });

  it('says that a row was inserted above the note right under the list, and the note moved down', async () => {
    const { wb, sheet } = await workbookWithNewO16();
    const note = 'หมายเหตุ: ข้อมูล ณ วันที่ 31 มี.ค. 2567';
    await wb.writeRows(sheet, 2, [[null, null, null, null, null, null, note]]);
    renderPane(wb, 'form');
    await typeRecord({
      item: 'จ้างเหมาทำความสะอาด', budget: '9000', source: 'เงินสะสม', method: 'เฉพาะเจาะจง', median: '9000', agreed: '8,900',
      taxId: '0105543008219', winner: 'บริษัท ซีพี ออลล์ จำกัด (มหาชน)', projectNumber: '67039549408', sign: '15 มี.ค. 2567', end: '14/5/67',
    });

    expect(
      await screen.findByText(`บันทึกลงแถวที่ 2 ของแผ่นงาน "${sheet}" แล้ว (แทรกแถวใหม่เหนือหมายเหตุใต้รายการ แถวด้านล่างเลื่อนลง 1 แถว หมายเหตุอยู่ที่แถว 3)`),
    ).toBeTruthy();
    expect(wb.cell(sheet, 2, columnIndex('G') + 1)).toBe('จ้างเหมาทำความสะอาด');
    expect(wb.cell(sheet, 3, columnIndex('G') + 1)).toBe(note);
  });

  it('says nothing of inserted rows when the record went into an empty row', async () => {
    const wb = createDemoWorkbook();
    renderPane(wb, 'form');
    await typeRecord({
      item: 'จ้างเหมาทำความสะอาด', budget: '9000', source: 'เงินสะสม', method: 'เฉพาะเจาะจง', median: '9000', agreed: '8900',
      taxId: '0105543008219', winner: 'บริษัท ซีพี ออลล์ จำกัด (มหาชน)', projectNumber: '67039549408', sign: '15 มี.ค. 2567', end: '14/5/67',
    });
    // The demo's row 25 is empty: the note at 26 stays where it is.
    expect(await screen.findByText(`บันทึกลงแถวที่ 25 ของแผ่นงาน "${DEMO_SHEET}" แล้ว`)).toBeTruthy();
    expect(wb.cell(DEMO_SHEET, 26, 1)).toBe('หมายเหตุ: ข้อมูลจากระบบ e-GP ณ วันที่ ๓๑ มีนาคม ๒๕๖๗');
  });

  it('does not write when a required field is empty, and says which', async () => {
    const { wb, sheet } = await workbookWithNewO16();
    renderPane(wb, 'form');
    await userEvent.type(await screen.findByRole('textbox', { name: /งานที่ซื้อหรือจ้าง/ }), 'จ้างเหมาทำความสะอาด{Enter}');
    expect(await screen.findByText('ยังมี 3 ช่องที่ต้องแก้ไขก่อนบันทึก')).toBeTruthy();
    expect(messageOf(input(/วงเงินงบประมาณที่ได้รับจัดสรร/))).toContain('ต้องกรอกช่องนี้');
    expect(wb.sheet(sheet).rows.length).toBe(1);
  });

  it('edits the selected row only after the officer confirms the listed changes', async () => {
    const wb = createDemoWorkbook();
    await wb.selectCell(DEMO_SHEET, { row: 9, col: 3 });
    renderPane(wb, 'form');
    await userEvent.click(await screen.findByRole('button', { name: 'แก้ไขแถวที่เลือก' }));
    expect(await screen.findByText('แก้ไขแถวที่ 9')).toBeTruthy();
    const agreed = input('ราคาที่ตกลงซื้อหรือจ้าง (บาท)') as HTMLInputElement;
    expect(agreed.value).toBe('72500');
    await userEvent.clear(agreed);
    await userEvent.type(agreed, '63,000');
    await userEvent.click(screen.getByRole('button', { name: 'ตรวจดูการเปลี่ยนแปลง' }));

    // Only what the officer changed: the dashed tax ID the row holds is not rewritten.
    const confirm = await screen.findByRole('alertdialog', { name: 'จะเปลี่ยน 1 เซลล์ในแถวที่ 9' });
    expect(within(confirm).getByText('N9')).toBeTruthy();
    expect(within(confirm).getByText('63000')).toBeTruthy();
    expect(within(confirm).queryByText('O9')).toBeNull();
    // Listed, not written.
    expect(wb.cell(DEMO_SHEET, 9, 14)).toBe(72_500);
    const taxId = wb.cell(DEMO_SHEET, 9, 15);
    await userEvent.click(within(confirm).getByRole('button', { name: 'ยืนยันบันทึก' }));
    expect(await screen.findByText('บันทึกการแก้ไขแล้ว 1 เซลล์')).toBeTruthy();
    expect(wb.cell(DEMO_SHEET, 9, 15)).toBe(taxId);
    expect(wb.cell(DEMO_SHEET, 9, 14)).toBe(63_000);
  });

  it('refuses to edit the header or a row of another sheet', async () => {
    const wb = createDemoWorkbook();
    await act(() => wb.selectCell(DEMO_SHEET, { row: 4, col: 8 }));
    renderPane(wb, 'form');
    await userEvent.click(await screen.findByRole('button', { name: 'แก้ไขแถวที่เลือก' }));
    expect(await screen.findByText('กรุณาเลือกเซลล์ในแถวข้อมูลใต้หัวตาราง (ตั้งแต่แถวที่ 5)')).toBeTruthy();
  });
});
