/** @jest-environment jsdom */
/**
 * The verdict is about the active sheet as it is now: re-checked after the pane's own writes on any
 * tab and after edits in the grid while another tab is open; other sheets never counted in it; no
 * verdict at all for a sheet that is no template. And the form applies the check's own rules.
 */
import './setup';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { choiceFor, createTemplateSheet } from '../../src/app/workbookSession';
import { encodeMeta, META_SHEET } from '../../src/domain/workbookMeta';
import { createDemoWorkbook, DEMO_AGENCY, DEMO_DEFECTS, DEMO_RECORDS, DEMO_SHEET } from '../../src/preview/demoData';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { renderPane } from './render';

const input = (label: string | RegExp) => screen.getByRole('textbox', { name: label });
const combo = (label: string | RegExp) => screen.getByRole('combobox', { name: label });
const counts = () => screen.getByTestId('verdict-counts').textContent ?? '';

describe('a verdict that is always current', () => {
  it('counts a record added on the form tab without "check again"', async () => {
    const wb = createDemoWorkbook();
    renderPane(wb, 'check');
    await waitFor(() => expect(counts()).toContain(`${DEMO_RECORDS} รายการ`));
    expect(screen.getByTestId('checked-at').textContent).toMatch(/^ตรวจล่าสุดเวลา \d{1,2}:\d\d:\d\d/);

    await userEvent.click(screen.getByRole('tab', { name: 'บันทึก' }));
    await userEvent.type(await screen.findByRole('textbox', { name: /งานที่ซื้อหรือจ้าง/ }), 'จ้างเหมาทำความสะอาด');
    await userEvent.type(input(/วงเงินงบประมาณที่ได้รับจัดสรร/), '9000');
    await userEvent.type(combo(/แหล่งที่มาของงบประมาณ/), 'เงินสะสม');
    await userEvent.type(combo(/วิธีการจัดซื้อจัดจ้าง/), 'เฉพาะเจาะจง');
    await userEvent.type(input('ราคากลาง (บาท)'), '9000');
    await userEvent.type(input('ราคาที่ตกลงซื้อหรือจ้าง (บาท)'), '8900');
    await userEvent.type(input('เลขประจำตัวผู้เสียภาษี'), '0105543008219');
    await userEvent.type(input('รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก'), 'บริษัท ซีพี ออลล์ จำกัด (มหาชน)');
    await userEvent.type(input('เลขที่โครงการ'), '67039549408');
    await userEvent.type(input('วันที่ลงนามในสัญญา'), '15 มี.ค. 2567');
    await userEvent.type(input('วันสิ้นสุดสัญญา'), '14/5/67{Enter}');
    await screen.findByText(/บันทึกลงแถวที่ 25/);

    await userEvent.click(screen.getByRole('tab', { name: 'ตรวจ' }));
    await waitFor(() => expect(counts()).toContain(`${DEMO_RECORDS + 1} รายการ`));
  });

  it('drops an issue corrected in the grid while another tab was open', async () => {
    const wb = createDemoWorkbook();
    renderPane(wb, 'check');
    await screen.findByText('ข้อผิดพลาด 4');
    expect(document.querySelector(`[data-cell="${DEMO_DEFECTS.impossibleDate}"]`)).not.toBeNull();
    await userEvent.click(screen.getByRole('tab', { name: 'หน่วยงาน' }));
    act(() => wb.setCellByUser(DEMO_SHEET, 16, 18, new Date(Date.UTC(2023, 11, 20))));
    // The re-check runs on the edit, not on coming back.
    await act(() => new Promise((r) => setTimeout(r, 1500)));
    await userEvent.click(screen.getByRole('tab', { name: 'ตรวจ' }));
    expect(await screen.findByText('ข้อผิดพลาด 3')).toBeTruthy();
    expect(document.querySelector(`[data-cell="${DEMO_DEFECTS.impossibleDate}"][data-issue="date-impossible"]`)).toBeNull();
  });

  it('where Excel cannot report edits (ExcelApi < 1.7), says the result may be out of date and re-checks on coming back', async () => {
    const wb = createDemoWorkbook();
    Object.assign(wb, { onChanged: async () => null });
    renderPane(wb, 'check');
    await screen.findByText('ข้อผิดพลาด 4');
    expect(await screen.findByText(/ผลนี้อาจไม่เป็นปัจจุบัน/)).toBeTruthy();
    act(() => wb.setCellByUser(DEMO_SHEET, 7, 15, '0105543008219'));
    // The officer clicks back into the pane after editing in the grid.
    act(() => void window.dispatchEvent(new Event('focus')));
    expect(await screen.findByText('ข้อผิดพลาด 3')).toBeTruthy();
  });

  it('after writing the o17 summary, the check no longer says it is missing, and the summary counts a record the form added', async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet(META_SHEET, encodeMeta({ agency: DEMO_AGENCY, sheets: {} }), { hidden: true });
    const sheet = await createTemplateSheet(wb, choiceFor('o17', '2567'), DEMO_AGENCY, 0);
    await wb.activateSheet(sheet);
    renderPane(wb, 'form');
    await userEvent.type(await screen.findByRole('textbox', { name: /งานที่ซื้อหรือจ้าง/ }), 'จัดซื้อวัสดุสำนักงาน');
    await userEvent.type(input(/วงเงินงบประมาณที่ได้รับจัดสรร/), '5000');
    await userEvent.type(combo(/แหล่งที่มาของงบประมาณ/), 'เงินสะสม');
    await userEvent.type(combo(/วิธีการจัดซื้อจัดจ้าง/), 'เฉพาะเจาะจง');
    await userEvent.type(input('ราคากลาง (บาท)'), '5000');
    await userEvent.type(input('ราคาที่ตกลงซื้อหรือจ้าง (บาท)'), '4900');
    await userEvent.type(input('เลขประจำตัวผู้เสียภาษี'), '0105543008219');
    await userEvent.type(input('รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก'), 'ร้านสมบูรณ์การไฟฟ้า');
    await userEvent.type(input('เลขที่โครงการ'), '66019549408');
    await userEvent.type(input('วันที่ลงนามในสัญญา'), '15 ม.ค. 2566');
    await userEvent.type(input('วันสิ้นสุดสัญญา'), '14/2/66{Enter}');
    await screen.findByText(/บันทึกลงแถวที่ 2/);
    await userEvent.click(screen.getByRole('tab', { name: 'ตรวจ' }));
    expect(await screen.findByText(/ไม่พบตารางสรุปจำนวนรายการ/)).toBeTruthy();
    await userEvent.click(screen.getByRole('tab', { name: 'สรุป' }));
    await waitFor(() => expect(screen.getAllByRole('row').some((r) => /วิธีเฉพาะเจาะจง\s*1\s*4,900\.00/.test(r.textContent ?? ''))).toBe(true));
    await userEvent.click(screen.getByRole('button', { name: 'สร้าง/ปรับปรุงแผ่นงานสรุป' }));
    await screen.findByText(/เขียนสรุปลงแผ่นงาน/);
    await userEvent.click(screen.getByRole('tab', { name: 'ตรวจ' }));
    await waitFor(() => expect(screen.queryByText(/ไม่พบตารางสรุปจำนวนรายการ/)).toBeNull());
  });

  it('judges a new o17 that states no procurement on its own, not on the o16 sheet beside it', async () => {
    const wb = createDemoWorkbook();
    const sheet = await createTemplateSheet(wb, choiceFor('o17', '2567'), DEMO_AGENCY, 0);
    wb.setCellByUser(sheet, 2, 1, 'ไม่มีการจัดซื้อจัดจ้าง');
    await wb.activateSheet(sheet);
    renderPane(wb, 'check');
    await screen.findByText(`ผลการตรวจแผ่นงาน "${sheet}"`);
    expect(await screen.findByText('ข้อผิดพลาด 0')).toBeTruthy();
    expect(screen.getByTestId('verdict').textContent).toBe('พร้อมเผยแพร่');
    // Nothing of the o16 sheet, counted or listed.
    expect(document.querySelector(`[data-cell="${DEMO_DEFECTS.taxIdChecksum}"]`)).toBeNull();
    expect(screen.queryByTestId('related-issues')).toBeNull();
  });

  it('lists the o34 sheet an o35 depends on apart, and does not count it', async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet(META_SHEET, encodeMeta({ agency: DEMO_AGENCY, sheets: {} }), { hidden: true });
    await createTemplateSheet(wb, choiceFor('measures-analysis', '2567'), DEMO_AGENCY, 0);
    const o35 = await createTemplateSheet(wb, choiceFor('measures-report', '2567'), DEMO_AGENCY, 0);
    await wb.activateSheet(o35);
    renderPane(wb, 'check');
    const related = await screen.findByTestId('related-issues');
    const relatedErrors = related.querySelectorAll('[data-issue]').length;
    expect(relatedErrors).toBeGreaterThan(0);
    const shown = /ข้อผิดพลาด (\d+)/.exec(counts())?.[1];
    const ownErrors = [...document.querySelectorAll('section[aria-labelledby="issues-title"] details')]
      .filter((d) => d.querySelector('[aria-label="ข้อผิดพลาด"]'))
      .reduce((n, d) => n + d.querySelectorAll('[data-issue]').length, 0);
    expect(Number(shown)).toBe(ownErrors);
    expect(screen.getByText(/แผ่นงานที่เกี่ยวข้องมีอีก \d+ รายการ/)).toBeTruthy();
  });

  it('gives a sheet that is no template no verdict, only the way to create or map one', async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet('บันทึกส่วนตัว', [['ชื่อ', 'เบอร์โทร'], ['สมชาย', '081']], { activate: true });
    renderPane(wb, 'check');
    await userEvent.click(await screen.findByRole('button', { name: 'สร้างหรือกำหนดแบบฟอร์ม' }));
    expect(screen.queryByTestId('verdict')).toBeNull();
    expect(screen.queryByText('พร้อมเผยแพร่')).toBeNull();
    expect(await screen.findByRole('button', { name: 'สร้างแผ่นงาน' })).toBeTruthy();
  });
});

describe('the form applies the check\'s rules', () => {
  it('refuses to empty the median price of a signed contract, as the check would, with a live count', async () => {
    const wb = createDemoWorkbook();
    await wb.selectCell(DEMO_SHEET, { row: 9, col: 3 });
    renderPane(wb, 'form');
    await userEvent.click(await screen.findByRole('button', { name: 'แก้ไขแถวที่เลือก' }));
    await screen.findByText('แก้ไขแถวที่ 9');
    // Row 9's price is above its budget already: the form shows what the check says of the row.
    expect((await screen.findByTestId('form-error-count')).textContent).toBe('ยังมี 1 ช่องที่ต้องแก้ไขก่อนบันทึก');
    expect(within(screen.getByTestId('row-issues')).getByText(/N9: .*สูงกว่าวงเงินงบประมาณ/)).toBeTruthy();
    const median = input('ราคากลาง (บาท)') as HTMLInputElement;
    await userEvent.clear(median);
    // Required once a contract exists: the check's rule (M9), said under the field.
    const describedBy = median.getAttribute('aria-describedby') ?? '';
    const message = describedBy.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    expect(message).toContain('ราคากลาง');
    expect(screen.getByTestId('form-error-count').textContent).toBe('ยังมี 2 ช่องที่ต้องแก้ไขก่อนบันทึก');
    await userEvent.click(screen.getByRole('button', { name: 'ตรวจดูการเปลี่ยนแปลง' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(wb.cell(DEMO_SHEET, 9, 13)).not.toBe('');
    // Filled again: the count goes at once.
    await userEvent.type(median, '75000');
    await waitFor(() => expect(screen.getByTestId('form-error-count').textContent).toBe('ยังมี 1 ช่องที่ต้องแก้ไขก่อนบันทึก'));
  });

  it('opens a pre-filled OIT checklist on its first item, with previous and next', async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet(META_SHEET, encodeMeta({ agency: DEMO_AGENCY, sheets: {} }), { hidden: true });
    await createTemplateSheet(wb, choiceFor('oit-checklist', '2567'), DEMO_AGENCY, 0);
    renderPane(wb, 'form');
    const picker = (await screen.findByRole('combobox', { name: 'รายการในแผ่นงาน' })) as HTMLSelectElement;
    expect(picker.options.length).toBe(35);
    expect(screen.getByText('รายการที่ 1 จาก 35')).toBeTruthy();
    expect((input('ข้อ') as HTMLInputElement).value).toBe('o1');
    await userEvent.click(screen.getByRole('button', { name: /ถัดไป/ }));
    expect((input('ข้อ') as HTMLInputElement).value).toBe('o2');
    await userEvent.selectOptions(picker, '36');
    expect((input('ข้อ') as HTMLInputElement).value).toBe('o35');
    expect((screen.getByRole('button', { name: /ถัดไป/ }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'เพิ่มรายการ' })).toBeNull();
  });
});
