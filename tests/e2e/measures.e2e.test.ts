/**
 * The measures templates in the preview, in a real browser (Debian's chromium through
 * playwright-core, no Office, no network): create an o35 report sheet, write a measure with
 * numbered steps on several lines marked done but without its outcome, and see the check point at
 * the outcome cell; create the OIT checklist (o1–o35 pre-filled) and see its required and status
 * errors by row and column. Screenshots of the pane go to tests/e2e/screenshots/ (gitignored).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describeInChromium, SHOTS, usePreviewSession } from './previewSession';

const O35_SHEET = 'รายงานผล o35';
const OIT_SHEET = 'OIT';

describeInChromium('measures templates in the preview (chromium)', () => {
  // Tall, so a screenshot of the pane (380 px wide, as narrow as Excel's) holds a whole form.
  const session = usePreviewSession({ width: 1400, height: 1500 });
  const consoleErrors = session.consoleErrors;
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  const { pane, grid, cell } = session;
  const paneShot = async (name: string) => {
    await page.waitForTimeout(300);
    await pane().screenshot({ path: join(SHOTS, `${name}.png`) });
  };

  /** Creates a sheet of the template the drop-down names so, through the Template tab. */
  const create = async (label: string, sheet: string) => {
    await pane().getByRole('tab', { name: 'แบบฟอร์ม' }).click();
    await pane().getByRole('combobox', { name: 'แบบฟอร์ม' }).selectOption({ label });
    await pane().getByRole('button', { name: 'สร้างแผ่นงาน' }).click();
    await pane().getByText(`สร้างแผ่นงาน "${sheet}" แล้ว`).waitFor();
    await grid().getByRole('button', { name: sheet, exact: true }).waitFor();
    await page.getByTestId('recognised-template').filter({ hasText: label }).waitFor();
  };

  it('lists the measures templates and creates an o35 report sheet', async () => {
    await page.goto(`${session.url}/preview.html`);
    await pane().getByTestId('recognised-template').waitFor();
    const options = await pane().getByRole('combobox', { name: 'แบบฟอร์ม' }).locator('option').allTextContents();
    expect(options).toEqual(expect.arrayContaining([
      'การวิเคราะห์ผลคะแนน ITA (ITA 2567)',
      'แบบ o34 มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (ITA 2567)',
      'แบบ o35 รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (ITA 2567)',
      'ตารางตรวจการเปิดเผยข้อมูลสาธารณะ OIT (ITA 2567)',
    ]));
    await page.keyboard.press('Escape');
    await create('แบบ o35 รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (ITA 2567)', O35_SHEET);
    expect(await cell('A1').textContent()).toBe('มาตรการ/กิจกรรม');
    expect(await cell('G1').textContent()).toBe('ผลลัพธ์หรือความสำเร็จในการดำเนินการ');
  }, 90_000);

  it('writes a measure with its steps on separate lines, done but without an outcome, and the check points at the outcome cell', async () => {
    await pane().getByRole('tab', { name: 'บันทึก' }).click();
    const measure = pane().getByRole('textbox', { name: /^มาตรการ\/กิจกรรม/ });
    await measure.click();
    // Enter in the textarea starts a new line; it does not submit the form.
    await measure.pressSequentially('มาตรการป้องกันการรับสินบน');
    await measure.press('Enter');
    await measure.pressSequentially('๑. ประกาศนโยบายไม่รับของขวัญ (No Gift Policy)');
    await measure.press('Enter');
    await measure.pressSequentially('๒. อบรมเจ้าหน้าที่ทุกกอง');
    expect(await measure.inputValue()).toBe('มาตรการป้องกันการรับสินบน\n๑. ประกาศนโยบายไม่รับของขวัญ (No Gift Policy)\n๒. อบรมเจ้าหน้าที่ทุกกอง');
    expect(await grid().locator('td[data-cell="A2"]').textContent()).toBe('');
    await pane().getByRole('textbox', { name: 'ขั้นตอน/วิธีการปฏิบัติ' }).fill('๑. จัดทำประกาศ\n๒. เผยแพร่บนเว็บไซต์\n๓. รายงานผลต่อผู้บริหาร');
    await pane().getByRole('textbox', { name: 'ผู้รับผิดชอบ' }).fill('สำนักปลัด');
    await pane().getByRole('textbox', { name: 'ระยะเวลาดำเนินการ' }).fill('ต.ค. 66 - มี.ค. 67');
    await pane().getByRole('combobox', { name: /^สถานะ/ }).click();
    await page.getByRole('option', { name: 'ดำเนินการ', exact: true }).click();
    await pane().getByRole('textbox', { name: 'สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม' }).fill('จัดอบรมแล้ว ๒ ครั้ง ผู้เข้าร่วม ๔๕ คน');
    await pane().getByRole('textbox', { name: 'ขั้นตอน/วิธีการปฏิบัติ' }).scrollIntoViewIfNeeded();
    await page.locator('#pane').evaluate((el) => el.scrollTo(0, 0));
    await paneShot('o35-form');

    await pane().getByRole('button', { name: 'เพิ่มรายการ' }).click();
    // The form applies the check's rule: a measure carried out needs its outcome.
    await pane().getByText(/"ผลลัพธ์หรือความสำเร็จในการดำเนินการ"/).first().waitFor();
    expect(await grid().locator('td[data-cell="A2"]').textContent()).toBe('');
    await pane().getByRole('textbox', { name: 'ผลลัพธ์หรือความสำเร็จในการดำเนินการ' }).fill('เจ้าหน้าที่ผ่านการอบรมร้อยละ ๙๕');
    await pane().getByRole('button', { name: 'เพิ่มรายการ' }).click();
    await pane().getByText(`บันทึกลงแถวที่ 2 ของแผ่นงาน "${O35_SHEET}" แล้ว`).waitFor();
    // The line breaks reach the cell.
    expect(await cell('A2').textContent()).toBe('มาตรการป้องกันการรับสินบน\n๑. ประกาศนโยบายไม่รับของขวัญ (No Gift Policy)\n๒. อบรมเจ้าหน้าที่ทุกกอง');
    expect(await cell('E2').textContent()).toBe('ดำเนินการ');
    // Later the officer empties the outcome in the grid: the check, on the edit, flags it.
    await cell('G2').dblclick();
    await grid().getByLabel('แก้ไขเซลล์ G2').fill('');
    await grid().getByLabel('แก้ไขเซลล์ G2').press('Enter');
    expect(await cell('G2').textContent()).toBe('');

    await pane().getByRole('tab', { name: 'ตรวจ' }).click();
    await pane().getByTestId('verdict').filter({ hasText: 'ยังไม่พร้อม' }).waitFor();
    const issue = pane().locator('[data-cell="G2"][data-issue="done-without-result"]');
    expect(await issue.getByRole('button').getAttribute('aria-label')).toContain('มาตรการที่ดำเนินการแล้วต้องมี "ผลลัพธ์หรือความสำเร็จในการดำเนินการ"');
    await issue.getByRole('button').click();
    await page.getByTestId('name-box').filter({ hasText: /^G2$/ }).waitFor();
    await paneShot('o35-check');
  }, 90_000);

  it('creates the OIT checklist pre-filled with o1–o35 and lists its required and status errors by row and column', async () => {
    await create('ตารางตรวจการเปิดเผยข้อมูลสาธารณะ OIT (ITA 2567)', OIT_SHEET);
    expect(await cell('A2').textContent()).toBe('o1');
    expect(await cell('A36').textContent()).toBe('o35');
    expect(await cell('B2').textContent()).toBe('โครงสร้าง');
    // The item's components are a list of lines, wrapped in the grid as Excel shows them.
    expect(await cell('C2').getAttribute('class')).toContain('wrap');
    await grid().locator('.grid-scroll').evaluate((el) => el.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, 'oit-grid.png'), clip: { x: 0, y: 0, width: 1020, height: 700 } });

    await pane().getByRole('tab', { name: 'ตรวจ' }).click();
    await pane().getByTestId('verdict').filter({ hasText: 'ยังไม่พร้อม' }).waitFor();
    // Every item lacks its responsible unit (D) and its publication status (F).
    for (const row of [2, 20, 36]) {
      expect(await pane().locator(`[data-cell="D${row}"][data-issue="required"]`).count()).toBe(1);
      expect(await pane().locator(`[data-cell="F${row}"][data-issue="required"]`).count()).toBe(1);
    }
    // Grouped by what is wrong, with a count: one line for the 35 empty statuses.
    const statuses = pane().locator('details', { has: page.locator('[data-cell="F2"]') }).locator('summary');
    expect(await statuses.textContent()).toContain('ยังไม่ได้กรอก "สถานะการเผยแพร่"35 แถว');
    await pane().evaluate((el) => el.scrollTo(0, 0));
    await paneShot('oit-check');

    // Marking an item not published is an error at its status cell.
    await cell('F3').dblclick();
    await grid().getByLabel('แก้ไขเซลล์ F3').fill('ยังไม่ได้ดำเนินการ');
    await grid().getByLabel('แก้ไขเซลล์ F3').press('Enter');
    await pane().locator('[data-cell="F3"][data-issue="item-unpublished"]').waitFor({ timeout: 10_000 });
  }, 90_000);

  it('raised no script error in the page', () => {
    expect(consoleErrors).toEqual([]);
  });
});
