/** @jest-environment jsdom */
import './setup';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TextDecoder as NodeTextDecoder } from 'node:util';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { freeSheetName } from '../../src/app/workbookSession';
import { createDemoWorkbook, DEMO_SHEET } from '../../src/preview/demoData';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { renderPane } from './render';

/** The create list: a native list, so the officer's own system draws it. */
const templatePicker = () => screen.getByRole('combobox', { name: 'แบบฟอร์ม' }) as HTMLSelectElement;

describe('template page', () => {
  it('names the template and edition of the active sheet and maps its columns', async () => {
    renderPane(createDemoWorkbook(), 'template');
    expect((await screen.findByTestId('recognised-template')).textContent).toBe('แบบ o16 ความก้าวหน้าการจัดซื้อจัดจ้าง (ITA 2567)');
    expect(screen.getByText('หัวตารางอยู่แถวที่ 4')).toBeTruthy();
    expect(screen.getByText('พบครบทุกคอลัมน์ที่แบบกำหนด')).toBeTruthy();
    const row = document.querySelector<HTMLElement>('[data-field="taxId"]');
    expect(row?.textContent).toContain('O');
    // The header as the agency typed it (line break) is shown under the prescribed one.
    expect(document.querySelector('[data-field="budget"]')?.textContent).toContain('วงเงินงบประมาณที่ได้รับ จัดสรร (บาท)');
  });

  it('flags prescribed columns the sheet lacks', async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet('o16', [['งานที่ซื้อหรือจ้าง', 'วงเงินงบประมาณ', 'วิธีการจัดซื้อจัดจ้าง', 'สถานะการจัดซื้อจัดจ้าง', 'แหล่งที่มาของงบประมาณ', 'ราคากลาง', 'ราคาที่ตกลงซื้อหรือจ้าง']]);
    renderPane(wb, 'template');
    expect(await screen.findByText(/ขาดคอลัมน์ที่แบบกำหนด \d+ คอลัมน์/)).toBeTruthy();
    expect(within(document.querySelector<HTMLElement>('[data-field="taxId"]')!).getByText('ไม่พบ')).toBeTruthy();
  });

  it('creates a template as a new sheet, never over an existing one', async () => {
    const wb = createDemoWorkbook();
    renderPane(wb, 'template');
    await screen.findByTestId('recognised-template');
    // The latest edition is offered first: ITA 2569's O11.
    expect(templatePicker().selectedOptions[0].textContent).toBe('แบบ o11 สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน (ITA 2569)');
    // This test means ITA 2567's o16.
    await userEvent.selectOptions(templatePicker(), screen.getByRole('option', { name: 'แบบ o16 ความก้าวหน้าการจัดซื้อจัดจ้าง (ITA 2567)' }));
    await userEvent.click(screen.getByRole('button', { name: 'สร้างแผ่นงาน' }));
    expect(await screen.findByText('สร้างแผ่นงาน "ความก้าวหน้าการจัดซื้อจัดจ้าง" แล้ว')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'สร้างแผ่นงาน' }));
    // Excel allows 31 characters: the second name is made free within that limit.
    const second = freeSheetName('ความก้าวหน้าการจัดซื้อจัดจ้าง', [DEMO_SHEET, 'ความก้าวหน้าการจัดซื้อจัดจ้าง']);
    expect(await screen.findByText(`สร้างแผ่นงาน "${second}" แล้ว`)).toBeTruthy();
    expect(await wb.listSheets()).toEqual([DEMO_SHEET, 'ความก้าวหน้าการจัดซื้อจัดจ้าง', second]);
    expect(wb.sheet(second).rows[0][6]).toBe('งานที่ซื้อหรือจ้าง');
    // The demo sheet is untouched.
    expect(wb.cell(DEMO_SHEET, 4, 8)).toBe('งานที่ซื้อหรือจ้าง');
  });

  it('offers every template in every edition', async () => {
    renderPane(createDemoWorkbook(), 'template');
    await screen.findByTestId('recognised-template');
    const options = within(templatePicker()).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(expect.arrayContaining([
      'แบบ o11 สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน (ITA 2569)',
      'แบบ o12 รายงานสรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุของหน่วยงาน (ITA 2569)',
      'แบบ o14 แผนการจัดซื้อจัดจ้าง / รายงานการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ (ITA 2567)',
      'แบบ o25 การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร — ผลการวิเคราะห์คะแนน (ITA 2569)',
      'แบบ o25 การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร — มาตรการจากผลการวิเคราะห์ (ITA 2569)',
      'ตารางตรวจการเปิดเผยข้อมูลสาธารณะ OIT (ITA 2569)',
      'แบบ o16 ความก้าวหน้าการจัดซื้อจัดจ้าง (ITA 2567)',
      'แบบ o12 รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ (ITA 2568)',
      'แบบ o17 รายงานสรุปผลการจัดซื้อจัดจ้างประจำปี (ITA 2567)',
    ]));
    // Each edition's items are named by that edition's title, the latest edition first.
    const editions = options.map((o) => Number(/\(ITA (\d{4})\)$/.exec(o ?? '')?.[1]));
    expect(editions).toEqual([...editions].sort((a, b) => b - a));
  });
});

describe('agency page', () => {
  it('validates and saves the profile in the workbook', async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet('Sheet1', []);
    renderPane(wb, 'agency');
    await userEvent.type(await screen.findByRole('textbox', { name: 'ชื่อหน่วยงาน' }), 'องค์การบริหารส่วนตำบลหนองบัว');
    await userEvent.type(screen.getByRole('textbox', { name: 'จังหวัด' }), 'ขอนแก่น');
    await userEvent.click(screen.getByRole('combobox', { name: 'ประเภทหน่วยงาน' }));
    await userEvent.click(screen.getByRole('option', { name: 'องค์กรปกครองส่วนท้องถิ่น' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'ปีงบประมาณ (พ.ศ.)' }), 'ปีงบ 67');
    await userEvent.type(screen.getByRole('textbox', { name: 'เว็บไซต์หลักของหน่วยงาน' }), 'nongbua.go.th');
    expect(await screen.findByText(/"website" ต้องเป็นที่อยู่เว็บไซต์/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'บันทึกข้อมูลหน่วยงาน' }));
    expect((await wb.readMeta()).agency).toBeUndefined();

    const web = screen.getByRole('textbox', { name: 'เว็บไซต์หลักของหน่วยงาน' });
    await userEvent.clear(web);
    await userEvent.type(web, 'https://www.nongbua.go.th');
    await userEvent.click(screen.getByRole('button', { name: 'บันทึกข้อมูลหน่วยงาน' }));
    expect(await screen.findByText('บันทึกข้อมูลหน่วยงานลงในไฟล์แล้ว')).toBeTruthy();
    expect((await wb.readMeta()).agency).toEqual({
      name: 'องค์การบริหารส่วนตำบลหนองบัว', province: 'ขอนแก่น', agencyType: 'องค์กรปกครองส่วนท้องถิ่น',
      fiscalYear: 2567, website: 'https://www.nongbua.go.th',
    });
  });
});

// jsdom has no TextDecoder; the Office webviews do.
const g = globalThis as { TextDecoder?: unknown };
g.TextDecoder ??= NodeTextDecoder;

describe('catalogue file in the pane', () => {
  it('loads a catalogue file, keeps it in the workbook, and offers its edition first', async () => {
    const wb = createDemoWorkbook();
    renderPane(wb, 'template');
    await screen.findByTestId('recognised-template');
    const text = readFileSync(path.resolve(__dirname, '../../examples/catalogue-2570.json'), 'utf8');
    await userEvent.upload(screen.getByLabelText('โหลดไฟล์แค็ตตาล็อก', { selector: 'input' }), new File([text], 'catalogue-2570.json', { type: 'application/json' }));
    expect(await screen.findByText('บันทึกแค็ตตาล็อกลงในไฟล์แล้ว:')).toBeTruthy();
    expect(screen.getByText(/ITA 2570 \(เพิ่มใหม่\)/)).toBeTruthy();
    expect((await wb.readMeta()).catalogue).toBe(text);
    const options = within(templatePicker()).getAllByRole('option').map((o) => o.textContent);
    expect(options[0]).toBe('แบบ o10 สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน (ITA 2570)');
  });

  it('a broken catalogue file is named at its key and nothing is kept', async () => {
    const wb = createDemoWorkbook();
    renderPane(wb, 'template');
    await screen.findByTestId('recognised-template');
    const bad = JSON.stringify({ catalogue: 1, editions: [{ edition: '2570', source: 'x', items: [{ template: 'procurement-monthly', item: 'o10', title: 't', window: 'รายเดือน' }] }] });
    await userEvent.upload(screen.getByLabelText('โหลดไฟล์แค็ตตาล็อก', { selector: 'input' }), new File([bad], 'bad.json', { type: 'application/json' }));
    expect(await screen.findByText(/editions\[0\]\.items\[0\]\.window: ต้องเป็นค่าใดค่าหนึ่งของ/)).toBeTruthy();
    expect((await wb.readMeta()).catalogue).toBeUndefined();
  });
});
