/** @jest-environment jsdom */
import './setup';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { addRecord } from '../../src/app/recordForm';
import { choiceFor, createTemplateSheet, inspectActiveSheet } from '../../src/app/workbookSession';
import { utcDate } from '../../src/domain/values/thaiDate';
import { encodeMeta, META_SHEET } from '../../src/domain/workbookMeta';
import { DEMO_AGENCY, createDemoWorkbook } from '../../src/preview/demoData';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { renderPane } from './render';

async function o17Workbook(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  wb.addSheet(META_SHEET, encodeMeta({ agency: DEMO_AGENCY, sheets: {} }), { hidden: true });
  await createTemplateSheet(wb, choiceFor('o17', '2567'), DEMO_AGENCY, 0);
  const active = await inspectActiveSheet(wb);
  const rec = active.recognition!;
  const asOf = utcDate(2023, 9, 30);
  const base = { budgetSource: 'เงินสะสม', taxId: '0105543008219', winner: 'บริษัท ซีพี ออลล์ จำกัด (มหาชน)', projectNumber: '66039549408', signDate: '1 ธ.ค. 2565', endDate: '31 ธ.ค. 2565' };
  await addRecord(wb, active.sheet, rec, { ...base, item: 'จัดซื้อวัสดุสำนักงาน', budget: '20000', method: 'วิธีเฉพาะเจาะจง', medianPrice: '20000', agreedPrice: '19500' }, DEMO_AGENCY, asOf);
  await addRecord(wb, active.sheet, rec, { ...base, item: 'ก่อสร้างถนน คสล.', budget: '2,000,000', method: 'ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)', medianPrice: '2000000', agreedPrice: '1,850,000', projectNumber: '66039549409' }, DEMO_AGENCY, asOf);
  return wb;
}

describe('summary page (o17)', () => {
  it('shows the count and budget by method, and writes the summary sheet', async () => {
    const wb = await o17Workbook();
    renderPane(wb, 'summary');
    expect(await screen.findByText('1,869,500.00')).toBeTruthy();
    expect(screen.getByText('วิธีประกาศเชิญชวนทั่วไป (e-Market, e-Bidding, สอบราคา)')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'สร้าง/ปรับปรุงแผ่นงานสรุป' }));
    expect(await screen.findByText('เขียนสรุปลงแผ่นงาน "สรุปตามวิธี" แล้ว')).toBeTruthy();
    expect(wb.cell('สรุปตามวิธี', 7, 1)).toBe('รวมทั้งสิ้น');
    expect(wb.cell('สรุปตามวิธี', 7, 2)).toBe(2);
  });

  it('is not offered for a template without a summary (o16)', async () => {
    renderPane(createDemoWorkbook(), 'check');
    await screen.findByText('ยังไม่พร้อม');
    expect(screen.queryByRole('tab', { name: 'สรุป' })).toBeNull();
  });
});
