/**
 * The preview in a real browser (Debian's chromium through playwright-core, no Office, no network):
 * create an o16 sheet through the pane, add a record with a Thai date and see it in the grid;
 * check the demo sheet, see the seeded errors at their cells, apply a fix and see the cell change.
 * Screenshots go to tests/e2e/screenshots/ (gitignored) for a person to look at.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describeInChromium, SHOTS, usePreviewSession } from './previewSession';

const DEMO_SHEET = 'ความก้าวหน้า 2567';

describeInChromium('preview in chromium', () => {
  const session = usePreviewSession({ width: 1600, height: 900 });
  const consoleErrors = session.consoleErrors;
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  const { pane, grid, cell } = session;
  const shot = async (name: string) => {
    // Let Fluent's focus and scroll transitions finish, or the picture catches them half-drawn.
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  };

  it('opens with the demo sheet recognised', async () => {
    await page.goto(`${session.url}/preview.html`);
    await pane().getByTestId('recognised-template').waitFor();
    expect(await pane().getByTestId('recognised-template').textContent()).toBe('แบบ o16 ความก้าวหน้าการจัดซื้อจัดจ้าง (ITA 2567)');
    expect(await cell('H5').textContent()).toContain('โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก');
    await shot('01-recognised');
    await pane().getByRole('tab', { name: 'หน่วยงาน' }).click();
    await pane().getByRole('textbox', { name: 'ชื่อหน่วยงาน' }).waitFor();
    expect(await pane().getByRole('textbox', { name: 'ชื่อหน่วยงาน' }).inputValue()).toBe('เทศบาลตำบลชุมพล');
    await shot('01b-agency');
    await pane().getByRole('tab', { name: 'แบบฟอร์ม' }).click();
  }, 60_000);

  it('creates an o16 sheet and adds a record with a Thai date through the form', async () => {
    // The latest edition (ITA 2569) is offered first; this test means ITA 2567's o16.
    await pane().getByRole('combobox', { name: 'แบบฟอร์ม' }).selectOption({ label: 'แบบ o16 ความก้าวหน้าการจัดซื้อจัดจ้าง (ITA 2567)' });
    await pane().getByRole('button', { name: 'สร้างแผ่นงาน' }).click();
    await pane().getByText('สร้างแผ่นงาน "ความก้าวหน้าการจัดซื้อจัดจ้าง" แล้ว').waitFor();
    await grid().getByRole('button', { name: 'ความก้าวหน้าการจัดซื้อจัดจ้าง', exact: true }).waitFor();
    expect(await cell('G1').textContent()).toBe('งานที่ซื้อหรือจ้าง');

    await pane().getByRole('tab', { name: 'บันทึก' }).click();
    await pane().getByRole('textbox', { name: 'งานที่ซื้อหรือจ้าง' }).fill('จัดซื้อวัสดุไฟฟ้า สำหรับซ่อมแซมไฟฟ้าสาธารณะ');
    await pane().getByRole('textbox', { name: /วงเงินงบประมาณที่ได้รับจัดสรร/ }).fill('๔๕,๐๐๐');
    await pane().getByRole('combobox', { name: /แหล่งที่มาของงบประมาณ/ }).click();
    await page.getByRole('option', { name: 'เทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย' }).click();
    await pane().getByRole('combobox', { name: /วิธีการจัดซื้อจัดจ้าง/ }).click();
    await page.getByRole('option', { name: 'วิธีเฉพาะเจาะจง', exact: true }).click();
    await pane().getByRole('textbox', { name: 'ราคากลาง (บาท)' }).fill('45000');
    await pane().getByRole('textbox', { name: 'ราคาที่ตกลงซื้อหรือจ้าง (บาท)' }).fill('44,500');
    await pane().getByRole('textbox', { name: 'เลขประจำตัวผู้เสียภาษี' }).fill('0-1055-43008-21-8');
    await pane().getByText(/ไม่ถูกต้อง: หลักสุดท้าย \(เลขตรวจสอบ\) ควรเป็น/).waitFor();
    await pane().getByText(/ไม่ถูกต้อง: หลักสุดท้าย \(เลขตรวจสอบ\) ควรเป็น/).scrollIntoViewIfNeeded();
    await shot('02a-tax-id-error');
    await pane().getByRole('textbox', { name: 'เลขประจำตัวผู้เสียภาษี' }).fill('0105543008219');
    await pane().getByRole('textbox', { name: 'รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก' }).fill('ร้านสมบูรณ์การไฟฟ้า');
    await pane().getByRole('textbox', { name: 'เลขที่โครงการ' }).fill('67039549408');
    await pane().getByRole('textbox', { name: 'วันที่ลงนามในสัญญา' }).fill('15 มี.ค. 2567');
    await pane().getByText('อ่านได้เป็น 15 มี.ค. 2567').waitFor();
    await pane().getByRole('textbox', { name: 'วันสิ้นสุดสัญญา' }).fill('14/5/67');
    await pane().getByText('อ่านได้เป็น 14 พ.ค. 2567').waitFor();
    await shot('02-form-filled');
    await pane().getByRole('textbox', { name: 'วันสิ้นสุดสัญญา' }).press('Enter');

    await pane().getByText('บันทึกลงแถวที่ 2 ของแผ่นงาน "ความก้าวหน้าการจัดซื้อจัดจ้าง" แล้ว').waitFor();
    expect(await cell('G2').textContent()).toBe('จัดซื้อวัสดุไฟฟ้า สำหรับซ่อมแซมไฟฟ้าสาธารณะ');
    expect(await cell('H2').textContent()).toBe('45,000.00');
    expect(await cell('Q2').textContent()).toBe('15 มี.ค. 2567');
    expect(await cell('D2').textContent()).toBe('เทศบาลตำบลชุมพล');
    await shot('03-record-added');
  }, 90_000);

  it('checks the demo sheet: seeded errors at their cells; clicking one selects it', async () => {
    await grid().getByRole('button', { name: DEMO_SHEET }).click();
    await page.getByTestId('active-sheet').filter({ hasText: DEMO_SHEET }).waitFor();
    await pane().getByRole('tab', { name: 'ตรวจ' }).click();
    await pane().getByTestId('verdict').filter({ hasText: 'ยังไม่พร้อม' }).waitFor();

    const taxIssue = pane().locator('[data-cell="O7"][data-issue="tax-id-checksum"]');
    expect(await taxIssue.getByRole('button').getAttribute('aria-label')).toContain('ควรเป็น 9 แต่เขียนไว้ 8');
    expect(await pane().locator('[data-cell="N9"][data-issue="price-above-budget"]').count()).toBe(1);
    expect(await pane().locator('[data-cell="K11"][data-issue="status-dates"]').count()).toBe(1);
    expect(await pane().locator('[data-cell="R16"][data-issue="date-impossible"]').count()).toBe(1);

    await taxIssue.getByRole('button').click();
    await page.getByTestId('name-box').filter({ hasText: /^O7$/ }).waitFor();
    await pane().getByRole('button', { name: 'ระบายสีเซลล์ที่มีปัญหา' }).click();
    await cell('O7').and(page.locator('[data-fill]')).waitFor();
    await shot('04-check');
  }, 60_000);

  it('applies a fix after confirmation and the cell changes in the grid', async () => {
    // The fixes are on the check tab, under the verdict.
    await pane().getByText(/เลือกแล้ว \d+ จาก \d+ เซลล์/).waitFor();
    await pane().getByRole('button', { name: 'ไม่เลือกเลย' }).click();
    await pane().locator('[data-change="K11"]').getByRole('checkbox').check();
    await pane().locator('[data-change="I12"]').getByRole('checkbox').check();
    await shot('05-fix-preview');
    await pane().getByRole('button', { name: 'แก้ไข 2 เซลล์ที่เลือก' }).click();
    await pane().getByRole('alertdialog').waitFor();
    expect(await cell('K11').textContent()).toBe('อยู่ระหว่างระยะสัญญา');
    await pane().getByRole('button', { name: 'ยืนยันแก้ไข' }).click();
    await pane().getByText('แก้ไขแล้ว 2 เซลล์ ข้าม 0 เซลล์').waitFor();
    expect(await cell('K11').textContent()).toBe('สิ้นสุดระยะสัญญา');
    expect(await cell('I12').textContent()).toBe('1,200.00');
    await shot('06-fixed');
  }, 60_000);

  it('raised no script error in the page', () => {
    expect(consoleErrors).toEqual([]);
  });
});
