/** @jest-environment jsdom */
/**
 * The Import page on an ITA 2569 O11 sheet (monthly สขร.1): the officer sees, per month, where the
 * contracts go and what moves before confirming; then the contracts are in their months' tables,
 * the officer's own rows untouched, and the sheet is checked again.
 */
import './setup';
import { TextDecoder as NodeTextDecoder } from 'node:util';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { o11Workbook as workbook, O11_SHEET as SHEET, OCTOBER_TYPED } from '../fixtures/o11Sheet';
import { egpCsv } from '../fixtures/import/egp';
import { egpRows2569 } from '../fixtures/import/egp2569';
import { renderPane } from './render';

const g = globalThis as { TextDecoder?: unknown };
g.TextDecoder ??= NodeTextDecoder;

const AS_THE_OFFICER_WAITS = { timeout: 30_000 };


const csv = () => new File([Buffer.from(egpCsv(egpRows2569()), 'utf8')], 'egp-2569.csv', { type: 'text/csv' });

describe('import page on a monthly สขร.1 sheet (ITA 2569 O11)', () => {
  it('shows per month where the contracts go and what moves, then writes them into their months and checks', async () => {
    const wb = await workbook();
    renderPane(wb, 'import');
    expect(await screen.findByRole('radio', { name: `แผ่นงานนี้ "${SHEET}"` })).toBeTruthy();
    await userEvent.upload(await screen.findByLabelText('ไฟล์ข้อมูลที่จะนำเข้า'), csv());

    const months = await screen.findByTestId('import-months', {}, AS_THE_OFFICER_WAITS);
    expect(within(months).getByText('จะลง 7 สัญญา แต่ละสัญญาในตารางของเดือนที่ลงนาม เฉพาะแถวว่าง:')).toBeTruthy();
    const october = months.querySelector('[data-month="ตุลาคม 2568"]') as HTMLElement;
    expect(october.textContent).toContain(`ตุลาคม 2568: 1 รายการ → แผ่นงาน "${SHEET}" แถว 8–8`);
    expect(october.textContent).toContain('• จัดซื้อวัสดุสำนักงาน "กองคลัง"');
    expect(october.textContent).toContain('ตารางเดือนนี้มีแถวว่างไม่พอ: จะแทรก 1 แถวเหนือแถว 8 ทุกอย่างตั้งแต่แถว 8 ลงไป (เช่น ชื่อตารางเดือนถัดไป) เลื่อนลง 1 แถว');
    expect((months.querySelector('[data-month="ธันวาคม 2568"]') as HTMLElement).textContent).toContain(`ธันวาคม 2568: 2 รายการ → แผ่นงาน "${SHEET}" แถว 16–17`);
    expect(screen.getByText(/ข้อมูล e-GP ไม่มีรายชื่อผู้เสนอราคาและเหตุผลที่คัดเลือก/)).toBeTruthy();
    // The method e-GP words otherwise is listed with its reason, never dropped.
    expect(screen.getByTestId('import-skipped').textContent).toContain('วิธีพิเศษเฉพาะกิจ');
    // Nothing written yet.
    expect(wb.sheet(SHEET).rows[7][0]).toBe('สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน พฤศจิกายน 2568');

    await userEvent.click(screen.getByRole('button', { name: 'นำเข้า 7 สัญญา' }));
    const confirm = screen.getByRole('alertdialog', { name: 'ยืนยันการนำเข้า' });
    expect(confirm.textContent).toContain('จะเขียน 7 สัญญาลงตาราง 5 เดือนตามรายการด้านบน เฉพาะแถวว่าง และแทรกแถวใหม่ 1 แถว');
    await userEvent.click(within(confirm).getByRole('button', { name: 'ยืนยันนำเข้า' }));

    const done = await screen.findByText(/นำเข้า 7 สัญญาลงตารางรายเดือน 5 เดือนแล้ว/, {}, AS_THE_OFFICER_WAITS);
    expect(done.textContent).toMatch(/ตรวจแผ่นงานหลังนำเข้า: ข้อผิดพลาด \d+ คำเตือน \d+/);
    const rows = wb.sheet(SHEET).rows;
    for (let k = 0; k < 5; k++) expect(rows[2 + k].slice(0, 8)).toEqual(OCTOBER_TYPED[k]);
    expect(rows[7].slice(0, 4)).toEqual(['จัดซื้อวัสดุสำนักงาน "กองคลัง"\nประจำเดือนตุลาคม', 18500, 18500, 'วิธีเฉพาะเจาะจง']);
    expect(rows[7][7]).toBe('สัญญาเลขที่ ซ 1/2569 ลงวันที่ 8 ต.ค. 2568');
    expect(rows[8][0]).toBe('สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน พฤศจิกายน 2568');
  });
});
