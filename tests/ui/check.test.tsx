/** @jest-environment jsdom */
import './setup';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createDemoWorkbook, DEMO_DEFECTS, DEMO_SHEET } from '../../src/preview/demoData';
import { ERROR_FILL } from '../../src/workbook/memory/memoryWorkbook';
import { renderPane } from './render';

/** The issue's group and item as read aloud: its message is in the group title or the item's name. */
const issueText = (item: HTMLElement): string => `${item.closest('details')?.querySelector('summary')?.textContent ?? ''} ${item.querySelector('button')?.getAttribute('aria-label') ?? item.textContent}`;

function issueAt(cell: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`[data-cell="${cell}"]`);
  if (!el) throw new Error(`no issue listed at ${cell}`);
  return el;
}

describe('check page on the demo sheet', () => {
  it('shows the verdict and every seeded defect at its cell with a Thai message', async () => {
    const wb = createDemoWorkbook();
    renderPane(wb, 'check');
    expect(await screen.findByText('ยังไม่พร้อม')).toBeTruthy();
    expect(screen.getByText('ข้อผิดพลาด 4')).toBeTruthy();

    const expectations: [string, string, string][] = [
      [DEMO_DEFECTS.taxIdChecksum, 'tax-id-checksum', 'เลขตรวจสอบ'],
      [DEMO_DEFECTS.priceAboveBudget, 'price-above-budget', 'สูงกว่าวงเงินงบประมาณ'],
      [DEMO_DEFECTS.statusDates, 'status-dates', 'ไม่ตรงกับวันที่ในสัญญา'],
      [DEMO_DEFECTS.moneyAsText, 'money-as-text', '๑,๒๐๐ บาท'],
      [DEMO_DEFECTS.methodSynonym, 'option-synonym', 'วิธีเฉพาะเจาะจง'],
      [DEMO_DEFECTS.impossibleDate, 'date-impossible', 'ไม่มีวันที่นี้ในปฏิทิน'],
    ];
    for (const [cell, code, words] of expectations) {
      const items = [...document.querySelectorAll<HTMLElement>(`[data-cell="${cell}"]`)];
      const item = items.find((i) => i.dataset.issue === code);
      expect(item).toBeDefined();
      expect(item?.textContent).toContain(cell);
      expect(issueText(item!)).toContain(words);
    }
  });

  it('selects the cell of a clicked issue in the workbook', async () => {
    const wb = createDemoWorkbook();
    renderPane(wb, 'check');
    await screen.findByText('ยังไม่พร้อม');
    await userEvent.click(within(issueAt(DEMO_DEFECTS.taxIdChecksum)).getByRole('button'));
    await waitFor(() => expect(wb.selected).toEqual({ sheet: DEMO_SHEET, row: 7, col: 15 }));
  });

  it('highlights problem cells and removes the highlights again', async () => {
    const wb = createDemoWorkbook();
    renderPane(wb, 'check');
    await screen.findByText('ยังไม่พร้อม');
    await userEvent.click(screen.getByRole('button', { name: 'ระบายสีเซลล์ที่มีปัญหา' }));
    await waitFor(() => expect(wb.sheet(DEMO_SHEET).fills.get('6:14')).toBe(ERROR_FILL)); // O7
    await userEvent.click(screen.getByRole('button', { name: 'ล้างสีที่ระบาย' }));
    await waitFor(() => expect(wb.sheet(DEMO_SHEET).fills.size).toBe(0));
  });

  it('re-checks by itself after an edit (debounced), where the host reports edits', async () => {
    const wb = createDemoWorkbook();
    renderPane(wb, 'check');
    await screen.findByText('ข้อผิดพลาด 4');
    expect(await screen.findByText('ตรวจใหม่ให้อัตโนมัติเมื่อมีการแก้ไขแผ่นงาน')).toBeTruthy();
    act(() => wb.setCellByUser(DEMO_SHEET, 7, 15, '0105543008219'));
    expect(await screen.findByText('ข้อผิดพลาด 3', undefined, { timeout: 3000 })).toBeTruthy();
  });

  it('offers only a "check again" button where the host has no change events', async () => {
    const wb = createDemoWorkbook();
    // Office 2016 (ExcelApi 1.1): no events.
    Object.defineProperty(wb, 'capabilities', { value: () => ({ events: false, dataValidation: false, rangeAreas: false, conditionalFormats: false }) });
    const noEvents = Object.assign(wb, { onChanged: async () => null });
    renderPane(noEvents, 'check');
    await screen.findByText('ข้อผิดพลาด 4');
    expect(await screen.findByText(/แจ้งการแก้ไขให้ add-in ไม่ได้/)).toBeTruthy();
    act(() => wb.setCellByUser(DEMO_SHEET, 7, 15, '0105543008219'));
    // Longer than the re-check delay: nothing may have happened by itself.
    await act(() => new Promise((r) => setTimeout(r, 1200)));
    expect(screen.getByText('ข้อผิดพลาด 4')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'ตรวจอีกครั้ง' }));
    expect(await screen.findByText('ข้อผิดพลาด 3')).toBeTruthy();
  });

  it('switches to English messages', async () => {
    const wb = createDemoWorkbook();
    renderPane(wb, 'check');
    await screen.findByText('ยังไม่พร้อม');
    await userEvent.click(screen.getByRole('button', { name: 'เปลี่ยนเป็นภาษาอังกฤษ' }));
    expect(await screen.findByText('Not ready')).toBeTruthy();
    expect(issueText(issueAt(DEMO_DEFECTS.priceAboveBudget))).toContain('is above the allocated budget');
  });
});
