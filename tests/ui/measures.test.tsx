/** @jest-environment jsdom */
import './setup';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { choiceFor, createTemplateSheet } from '../../src/app/workbookSession';
import { analyseScores } from '../../src/domain/itaScore';
import { encodeMeta, META_SHEET } from '../../src/domain/workbookMeta';
import { DEMO_AGENCY } from '../../src/preview/demoData';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { renderPane } from './render';

/** A workbook with the agency saved and a new sheet of `template` made by the pane's own use case. */
async function workbookWith(template: string): Promise<{ wb: MemoryWorkbook; sheet: string }> {
  const wb = new MemoryWorkbook();
  wb.addSheet('Sheet1', []);
  wb.addSheet(META_SHEET, encodeMeta({ agency: DEMO_AGENCY, sheets: {} }), { hidden: true });
  const sheet = await createTemplateSheet(wb, choiceFor(template, '2567'), DEMO_AGENCY, 0);
  return { wb, sheet };
}

const headerColumn = (wb: MemoryWorkbook, sheet: string, header: string): number => {
  const c = wb.sheet(sheet).rows[0].indexOf(header);
  if (c < 0) throw new Error(`no column "${header}"`);
  return c + 1;
};

/** A measure's summary and outcome: the check requires them of every measure, and so does the form. */
async function fillResult(): Promise<void> {
  await userEvent.type(screen.getByRole('textbox', { name: /^สรุปผลการดำเนินการ/ }), 'ดำเนินการครบทุกขั้นตอน');
  await userEvent.type(screen.getByRole('textbox', { name: /^ผลลัพธ์หรือความสำเร็จ/ }), 'เจ้าหน้าที่ผ่านการอบรมร้อยละ ๙๕');
}

describe('measures templates in the pane', () => {
  it('writes a long-text field from a textarea with its line breaks kept', async () => {
    const { wb, sheet } = await workbookWith('measures-report');
    renderPane(wb, 'form');
    const measure = await screen.findByRole('textbox', { name: /^มาตรการ\/กิจกรรม/ });
    const steps = screen.getAllByRole('textbox').filter((el) => el.tagName === 'TEXTAREA');
    // Every paragraph column of o35 is a textarea, the measure among them.
    expect(measure.tagName).toBe('TEXTAREA');
    expect(steps.length).toBeGreaterThanOrEqual(5);
    // Enter in a textarea is a new line, not a submit.
    await userEvent.type(measure, 'มาตรการป้องกันการรับสินบน{Enter}๑. ประกาศนโยบาย{Enter}๒. อบรมเจ้าหน้าที่');
    expect((measure as HTMLTextAreaElement).value).toBe('มาตรการป้องกันการรับสินบน\n๑. ประกาศนโยบาย\n๒. อบรมเจ้าหน้าที่');
    expect(wb.sheet(sheet).rows.length).toBe(1);
    await fillResult();
    await userEvent.click(screen.getByRole('button', { name: 'เพิ่มรายการ' }));
    expect(await screen.findByText(`บันทึกลงแถวที่ 2 ของแผ่นงาน "${sheet}" แล้ว`)).toBeTruthy();
    const col = headerColumn(wb, sheet, 'มาตรการ/กิจกรรม');
    expect(wb.cell(sheet, 2, col)).toBe('มาตรการป้องกันการรับสินบน\n๑. ประกาศนโยบาย\n๒. อบรมเจ้าหน้าที่');
  });

  it('keeps a measure status as typed: no procurement status is derived into it', async () => {
    const { wb, sheet } = await workbookWith('measures-report');
    renderPane(wb, 'form');
    const measure = await screen.findByRole('textbox', { name: /^มาตรการ\/กิจกรรม/ });
    await userEvent.type(measure, 'มาตรการเปิดเผยข้อมูล');
    await fillResult();
    await userEvent.click(screen.getByRole('button', { name: 'เพิ่มรายการ' }));
    await screen.findByText(`บันทึกลงแถวที่ 2 ของแผ่นงาน "${sheet}" แล้ว`);
    const status = wb.sheet(sheet).rows[0].findIndex((h) => typeof h === 'string' && h.startsWith('สถานะ'));
    expect(status).toBeGreaterThanOrEqual(0);
    expect(wb.sheet(sheet).rows[1][status] ?? null).toBeNull();
  });

  it('pre-fills the OIT checklist with every item, o1 to o35', async () => {
    const { wb, sheet } = await workbookWith('oit-checklist');
    const rows = wb.sheet(sheet).rows;
    expect(rows.slice(1).map((r) => r[0])).toEqual(Array.from({ length: 35 }, (_, i) => `o${i + 1}`));
    // Each item's components are a list of lines in one cell.
    expect(String(rows[1][2])).toContain('\n');
  });

  it('shows derived score columns read-only and writes them computed from the scores', async () => {
    const { wb, sheet } = await workbookWith('ita-scores');
    renderPane(wb, 'form');
    // The ten indicators are there already: the form opens on the first, not on a new record.
    expect(await screen.findByRole('heading', { name: 'แก้ไขแถวที่ 2' })).toBeTruthy();
    const change = (await screen.findByRole('textbox', { name: 'ผลต่าง' })) as HTMLInputElement;
    expect(change.readOnly).toBe(true);
    expect((screen.getByRole('textbox', { name: /^ตัวชี้วัด\s*\*?$/ }) as HTMLInputElement).value).toContain('การปฏิบัติหน้าที่');
    expect(screen.queryByRole('button', { name: 'เพิ่มรายการ' })).toBeNull();
    await userEvent.type(screen.getByRole('textbox', { name: 'คะแนนปีที่แล้ว' }), '๙๐.๕๐');
    await userEvent.type(screen.getByRole('textbox', { name: /คะแนนปีนี้/ }), '84.25');
    await waitFor(() => expect(change.value).toBe('-6.25'));
    expect((screen.getByRole('textbox', { name: 'จุดแข็ง/จุดอ่อน' }) as HTMLInputElement).value).toBe('จุดอ่อน');
    expect((screen.getByRole('textbox', { name: 'แนวโน้ม' }) as HTMLInputElement).value).toBe('ลดลง');
    await userEvent.click(screen.getByRole('button', { name: 'ตรวจดูการเปลี่ยนแปลง' }));
    await userEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'ยืนยันบันทึก' }));
    await screen.findByText(/บันทึกการแก้ไขแล้ว \d+ เซลล์/, undefined, { timeout: 5000 });
    const row = 2;
    const at = (header: string) => wb.cell(sheet, row, headerColumn(wb, sheet, header));
    expect(at('คะแนนปีที่แล้ว')).toBe(90.5);
    expect(at('ผลต่าง')).toBe(-6.25);
    expect(at('จุดแข็ง/จุดอ่อน')).toBe('จุดอ่อน');
    expect(at('แนวโน้ม')).toBe('ลดลง');
  });

  it('lists the figures the check derives from an ITA score sheet', async () => {
    const { wb, sheet } = await workbookWith('ita-scores');
    const current = headerColumn(wb, sheet, wb.sheet(sheet).rows[0].find((h) => typeof h === 'string' && h.startsWith('คะแนนปีนี้')) as string);
    const scores = [92.1, 88.4, 79.5, 95, 90.25, 86, 84.5, 91, 75.5, 88];
    scores.forEach((s, i) => wb.setCellByUser(sheet, i + 2, current, s));
    renderPane(wb, 'check');
    const figures = await screen.findByRole('region', { name: 'ผลที่คำนวณจากแผ่นงาน' });
    const overall = analyseScores(scores.map((s, i) => ({ no: i + 1, current: s })), '2567').overall;
    expect(overall).toBeDefined();
    const row = figures.querySelector<HTMLElement>('[data-figure="overall"]');
    expect(within(row!).getByText('คะแนนรวม')).toBeTruthy();
    expect(row?.textContent).toContain((overall as number).toFixed(2));
    expect(figures.querySelector('[data-figure="weaknesses"]')?.textContent).toContain('3 ');
  });
});
