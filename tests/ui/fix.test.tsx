/** @jest-environment jsdom */
import './setup';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createDemoWorkbook, DEMO_DEFECTS, DEMO_SHEET } from '../../src/preview/demoData';
import { ERROR_FILL } from '../../src/workbook/memory/memoryWorkbook';
import { renderPane } from './render';

const change = (address: string): HTMLElement => {
  const el = document.querySelector<HTMLElement>(`[data-change="${address}"]`);
  if (!el) throw new Error(`no change listed for ${address}`);
  return el;
};

describe('fix preview', () => {
  it('lists each change (cell, current, new, reason) before writing anything', async () => {
    const wb = createDemoWorkbook();
    renderPane(wb, 'check');
    await screen.findByText(/เลือกแล้ว \d+ จาก \d+ เซลล์/);
    const money = change(DEMO_DEFECTS.moneyAsText);
    expect(money.textContent).toContain('๑,๒๐๐ บาท');
    expect(money.textContent).toContain('1,200.00');
    expect(money.textContent).toContain('เป็นข้อความ ควรเป็นตัวเลข');
    expect(change(DEMO_DEFECTS.statusDates).textContent).toContain('สิ้นสุดระยะสัญญา');
    expect(change(DEMO_DEFECTS.methodSynonym).textContent).toContain('วิธีเฉพาะเจาะจง');
    // Errors with no safe fix are not offered.
    expect(document.querySelector(`[data-change="${DEMO_DEFECTS.taxIdChecksum}"]`)).toBeNull();
    expect(wb.cell(DEMO_SHEET, 12, 9)).toBe('๑,๒๐๐ บาท');
  });

  it('applies only the ticked cells, after confirmation, and reports the count', async () => {
    const wb = createDemoWorkbook();
    renderPane(wb, 'check');
    await screen.findByText(/เลือกแล้ว \d+ จาก \d+ เซลล์/);
    await userEvent.click(screen.getByRole('button', { name: 'ไม่เลือกเลย' }));
    await userEvent.click(within(change(DEMO_DEFECTS.statusDates)).getByRole('checkbox'));
    await userEvent.click(within(change(DEMO_DEFECTS.methodSynonym)).getByRole('checkbox'));
    await userEvent.click(screen.getByRole('button', { name: 'แก้ไข 2 เซลล์ที่เลือก' }));

    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain(`จะเขียนค่าใหม่ลง 2 เซลล์ในแผ่นงาน "${DEMO_SHEET}"`);
    // Nothing written while the question is open.
    expect(wb.cell(DEMO_SHEET, 11, 11)).toBe('อยู่ระหว่างระยะสัญญา');
    await userEvent.click(within(dialog).getByRole('button', { name: 'ยืนยันแก้ไข' }));

    expect(await screen.findByText('แก้ไขแล้ว 2 เซลล์ ข้าม 0 เซลล์')).toBeTruthy();
    expect(wb.cell(DEMO_SHEET, 11, 11)).toBe('สิ้นสุดระยะสัญญา');
    expect(wb.cell(DEMO_SHEET, 14, 12)).toBe('วิธีเฉพาะเจาะจง');
    // Unticked: untouched.
    expect(wb.cell(DEMO_SHEET, 12, 9)).toBe('๑,๒๐๐ บาท');
    expect(wb.cell(DEMO_SHEET, 6, 18)).toBe('8 ต.ค. 2566');
    // The check ran again: the fixed cells are no longer listed.
    await waitFor(() => expect(document.querySelector(`[data-change="${DEMO_DEFECTS.statusDates}"]`)).toBeNull());
    expect(change(DEMO_DEFECTS.moneyAsText)).toBeTruthy();
  });

  it('cancelling the confirmation writes nothing', async () => {
    const wb = createDemoWorkbook();
    renderPane(wb, 'check');
    await screen.findByText(/เลือกแล้ว \d+ จาก \d+ เซลล์/);
    await userEvent.click(screen.getByRole('button', { name: /^แก้ไข \d+ เซลล์ที่เลือก$/ }));
    await userEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'ยกเลิก' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(wb.cell(DEMO_SHEET, 11, 11)).toBe('อยู่ระหว่างระยะสัญญา');
    expect(wb.cell(DEMO_SHEET, 12, 9)).toBe('๑,๒๐๐ บาท');
  });

  it('skips a cell changed since the check instead of overwriting it', async () => {
    const wb = createDemoWorkbook();
    renderPane(wb, 'check');
    await screen.findByText(/เลือกแล้ว \d+ จาก \d+ เซลล์/);
    await userEvent.click(screen.getByRole('button', { name: 'ไม่เลือกเลย' }));
    await userEvent.click(within(change(DEMO_DEFECTS.moneyAsText)).getByRole('checkbox'));
    await userEvent.click(screen.getByRole('button', { name: 'แก้ไข 1 เซลล์ที่เลือก' }));
    const dialog = await screen.findByRole('alertdialog');
    // Someone types into the cell while the dialog is open (no event: an Excel without events).
    wb.sheet(DEMO_SHEET).rows[11][8] = '1,250';
    await userEvent.click(within(dialog).getByRole('button', { name: 'ยืนยันแก้ไข' }));
    expect(await screen.findByText(/แก้ไขแล้ว 0 เซลล์ ข้าม 1 เซลล์/)).toBeTruthy();
    expect(wb.cell(DEMO_SHEET, 12, 9)).toBe('1,250');
  });
});

describe('highlights and fixes together', () => {
  it('re-colours after a fix, so a fixed cell does not stay red', async () => {
    const wb = createDemoWorkbook();
    renderPane(wb, 'check');
    await screen.findByText('ยังไม่พร้อม');
    await userEvent.click(screen.getByRole('button', { name: 'ระบายสีเซลล์ที่มีปัญหา' }));
    await waitFor(() => expect(wb.sheet(DEMO_SHEET).fills.get('10:10')).toBe(ERROR_FILL)); // K11

    // The fixes are on the check tab itself.
    await screen.findByText(/เลือกแล้ว \d+ จาก \d+ เซลล์/);
    await userEvent.click(screen.getByRole('button', { name: 'ไม่เลือกเลย' }));
    await userEvent.click(within(change(DEMO_DEFECTS.statusDates)).getByRole('checkbox'));
    await userEvent.click(screen.getByRole('button', { name: 'แก้ไข 1 เซลล์ที่เลือก' }));
    await userEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'ยืนยันแก้ไข' }));
    await screen.findByText('แก้ไขแล้ว 1 เซลล์ ข้าม 0 เซลล์');

    await waitFor(() => expect(wb.sheet(DEMO_SHEET).fills.has('10:10')).toBe(false));
    expect(wb.sheet(DEMO_SHEET).fills.get('6:14')).toBe(ERROR_FILL); // O7 still wrong
  });
});
