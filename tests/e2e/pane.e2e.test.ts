/**
 * The task pane at 350 px in Debian's chromium (through playwright-core, no Office, no network), on
 * the preview's in-memory workbook: each defect of issue 9 as the officer meets it (the sequence,
 * then the screen), axe-core on every page state (no critical or serious violation), heading order,
 * and a screenshot of each state in tests/e2e/screenshots/ (gitignored) for a person to look at.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { headingJumps, seriousViolations } from './a11y';
import { describeInChromium, SHOTS, usePreviewSession } from './previewSession';

const DEMO_SHEET = 'ความก้าวหน้า 2567';
const PANE_WIDTH = 350;

/** The preview's workbook, as the page exposes it (MemoryWorkbook). */
interface PreviewWorkbook {
  addSheet(name: string, rows: unknown[][], opts?: { activate?: boolean }): unknown;
  setCellByUser(sheet: string, row: number, col: number, value: unknown): void;
  activateSheet(name: string): Promise<void>;
}

describeInChromium('task pane at 350 px', () => {
  const session = usePreviewSession({ width: 1100, height: 820 });
  const { consoleErrors, pane, grid } = session;
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  const onWorkbook = <A>(fn: (wb: PreviewWorkbook, arg: A) => unknown, arg: A) =>
    page.evaluate(
      ([body, a]) => {
        const wb = (window as unknown as { itaPreview: { workbook: PreviewWorkbook } }).itaPreview.workbook;
        return new Function('wb', 'arg', `return (${body})(wb, arg);`)(wb, a);
      },
      [fn.toString(), arg] as const,
    );

  /** A page state: axe finds nothing critical or serious in the pane, headings keep their order, and a picture is taken. */
  const state = async (name: string) => {
    // Let Fluent's transitions finish, or the picture catches them half-drawn.
    await page.waitForTimeout(250);
    await pane().screenshot({ path: join(SHOTS, `pane-${name}.png`) });
    expect({ name, violations: await seriousViolations(page, '#pane') }).toEqual({ name, violations: [] });
    expect({ name, jumps: await headingJumps(page, '#pane') }).toEqual({ name, jumps: [] });
  };
  const tab = (name: string) => pane().getByRole('tab', { name, exact: true });
  /** The element is inside the pane's visible part, without scrolling. */
  const inView = async (l: Locator) => {
    const [box, frame] = await Promise.all([l.boundingBox(), pane().boundingBox()]);
    return box !== null && frame !== null && box.y >= frame.y && box.y + box.height <= frame.y + frame.height + 1;
  };
  const counts = () => pane().getByTestId('verdict-counts');

  it('opens at 350 px with the demo sheet; header buttons stay readable on hover; the sheet name keeps its tone marks', async () => {
    await page.goto(`${session.url}/preview.html`);
    await page.addStyleTag({ content: `#pane { width: ${PANE_WIDTH}px !important; box-sizing: border-box; }` });
    await pane().getByTestId('recognised-template').waitFor();
    expect(Math.round((await pane().boundingBox())?.width ?? 0)).toBe(PANE_WIDTH);
    await state('01-template');

    const reload = pane().getByRole('button', { name: 'อ่านแผ่นงานอีกครั้ง' });
    await reload.hover();
    // Fluent eases the hover colour in: wait for it as the officer sees it settle.
    await page.waitForFunction((el) => getComputedStyle(el as Element).backgroundColor !== 'rgba(0, 0, 0, 0)', await reload.elementHandle());
    const colours = await reload.evaluate((el) => {
      const c = getComputedStyle(el);
      return { color: c.color, background: c.backgroundColor };
    });
    expect(colours.color).toBe('rgb(255, 255, 255)');
    expect(colours.background).not.toBe('rgba(0, 0, 0, 0)');
    await page.waitForTimeout(200);
    await pane().locator('header').screenshot({ path: join(SHOTS, 'pane-01b-header-hover.png') });
    // The line box is tall enough for a Thai consonant with a vowel above it and a tone mark on top.
    const sheetName = pane().getByTestId('active-sheet');
    const { height, fontSize } = await sheetName.evaluate((el) => ({ height: el.getBoundingClientRect().height, fontSize: parseFloat(getComputedStyle(el).fontSize) }));
    expect(height).toBeGreaterThanOrEqual(fontSize * 1.8);
    await page.mouse.move(0, 0);

    await tab('หน่วยงาน').click();
    await pane().getByRole('textbox', { name: 'ชื่อหน่วยงาน' }).waitFor();
    await state('02-agency');
  }, 240_000);

  it('check: a verdict about this sheet, issues grouped by kind with a count, an errors-only filter, fixes on the same tab', async () => {
    await tab('ตรวจ').click();
    await pane().getByTestId('verdict').filter({ hasText: 'ยังไม่พร้อม' }).waitFor();
    expect(await counts().textContent()).toContain('ข้อผิดพลาด 4');
    expect(await pane().getByTestId('checked-at').textContent()).toMatch(/^ตรวจล่าสุดเวลา \d{1,2}:\d\d:\d\d/);
    expect(await pane().getByRole('tab', { name: 'แก้ไขอัตโนมัติ' }).count()).toBe(0);
    await pane().getByRole('heading', { name: /^แก้ไขอัตโนมัติ \(\d+\)$/ }).waitFor();
    await state('03-check');

    await pane().getByRole('checkbox', { name: 'เฉพาะข้อผิดพลาด' }).check();
    expect(await pane().locator('section[aria-labelledby="issues-title"] [data-issue="money-as-text"]').count()).toBe(0);
    expect(await pane().locator('[data-cell="O7"][data-issue="tax-id-checksum"]').count()).toBe(1);
    await pane().getByRole('heading', { name: /^รายการที่ต้องตรวจสอบ/ }).scrollIntoViewIfNeeded();
    await state('04-errors-only');
    await pane().getByRole('checkbox', { name: 'เฉพาะข้อผิดพลาด' }).uncheck();
  }, 60_000);

  it('fixes: checkboxes named by cell and change, Esc cancels the confirmation, the verdict follows the fix', async () => {
    await pane().getByRole('button', { name: 'ไม่เลือกเลย' }).click();
    const k11 = pane().getByRole('checkbox', { name: 'K11: อยู่ระหว่างระยะสัญญา เป็น สิ้นสุดระยะสัญญา' });
    await k11.check();
    const apply = pane().getByRole('button', { name: 'แก้ไข 1 เซลล์ที่เลือก' });
    expect(await inView(apply)).toBe(true);
    await apply.click();
    const dialog = pane().getByRole('alertdialog');
    await dialog.waitFor();
    await state('05-fix-confirm');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // The focus is back on the button that asked, not lost to the page.
    expect(await apply.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await session.cell('K11').textContent()).toBe('อยู่ระหว่างระยะสัญญา');

    await apply.click();
    await pane().getByRole('button', { name: 'ยืนยันแก้ไข' }).click();
    await pane().getByText('แก้ไขแล้ว 1 เซลล์ ข้าม 0 เซลล์').waitFor();
    expect(await session.cell('K11').textContent()).toBe('สิ้นสุดระยะสัญญา');
    await pane().getByTestId('verdict-counts').filter({ hasText: 'ข้อผิดพลาด 3' }).waitFor();
    await state('06-fixed');
  }, 60_000);

  it('an edit in the grid while another tab is open leaves no stale issue', async () => {
    await tab('บันทึก').click();
    await pane().getByRole('heading', { name: 'เพิ่มรายการใหม่' }).waitFor();
    // The officer corrects the impossible date in R16 in the grid (Excel reports the change).
    await onWorkbook((wb, sheet) => wb.setCellByUser(sheet, 16, 18, new Date(Date.UTC(2023, 11, 20))), DEMO_SHEET);
    await session.cell('R16').filter({ hasText: '20 ธ.ค. 2566' }).waitFor();
    await tab('ตรวจ').click();
    await counts().filter({ hasText: 'ข้อผิดพลาด 2' }).waitFor();
    expect(await pane().locator('[data-cell="R16"][data-issue="date-impossible"]').count()).toBe(0);
  }, 60_000);

  it('form: the check\'s rules while typing, a live count, the save button in view; a new record counts at once', async () => {
    await tab('บันทึก').click();
    const save = pane().getByRole('button', { name: 'เพิ่มรายการ' });
    expect(await inView(save)).toBe(true);
    await pane().getByRole('textbox', { name: 'งานที่ซื้อหรือจ้าง' }).fill('จ้างเหมาทำความสะอาดอาคารสำนักงาน');
    await save.click();
    const count = pane().getByTestId('form-error-count');
    await count.waitFor();
    expect(await inView(count)).toBe(true);
    await state('07-form-needs-attention');
    const before = Number(/ยังมี (\d+)/.exec((await count.textContent()) ?? '')?.[1]);
    await pane().getByRole('textbox', { name: /วงเงินงบประมาณที่ได้รับจัดสรร/ }).fill('9,000');
    await count.filter({ hasText: `ยังมี ${before - 1} ช่อง` }).waitFor();

    await pane().getByRole('combobox', { name: /แหล่งที่มาของงบประมาณ/ }).fill('เงินสะสม');
    await pane().getByRole('combobox', { name: /วิธีการจัดซื้อจัดจ้าง/ }).fill('เฉพาะเจาะจง');
    await pane().getByRole('textbox', { name: 'ราคากลาง (บาท)' }).fill('9000');
    // Above the budget: the check's rule, said under the field as it is typed.
    await pane().getByRole('textbox', { name: 'ราคาที่ตกลงซื้อหรือจ้าง (บาท)' }).fill('9,500');
    await pane().getByText(/สูงกว่าวงเงินงบประมาณ/).first().waitFor();
    await pane().getByText(/สูงกว่าวงเงินงบประมาณ/).first().scrollIntoViewIfNeeded();
    await state('08-form-rule');
    await pane().getByRole('textbox', { name: 'ราคาที่ตกลงซื้อหรือจ้าง (บาท)' }).fill('8,900');
    await pane().getByRole('textbox', { name: 'รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก' }).fill('บริษัท ซีพี ออลล์ จำกัด (มหาชน)');
    await pane().getByRole('textbox', { name: 'วันที่ลงนามในสัญญา' }).fill('15 มี.ค. 2567');
    await save.click();
    // Signed: the check wants the contract's tax ID, project number and end date, and so does the form.
    await pane().getByText('ยังไม่ได้กรอก "เลขที่โครงการ"').waitFor();
    await pane().getByRole('textbox', { name: 'เลขประจำตัวผู้เสียภาษี' }).fill('0105543008219');
    await pane().getByRole('textbox', { name: 'เลขที่โครงการ' }).fill('67039549408');
    await pane().getByRole('textbox', { name: 'วันสิ้นสุดสัญญา' }).fill('14/5/67');
    await save.click();
    await pane().getByText(`บันทึกลงแถวที่ 25 ของแผ่นงาน "${DEMO_SHEET}" แล้ว`).waitFor();
    await tab('ตรวจ').click();
    await counts().filter({ hasText: '21 รายการ' }).waitFor();
  }, 90_000);

  it('form: editing a row shows its issues and writes only the changed field; Esc cancels the confirmation', async () => {
    await session.cell('N9').click();
    await tab('บันทึก').click();
    await pane().getByRole('button', { name: 'แก้ไขแถวที่เลือก' }).click();
    await pane().getByRole('heading', { name: 'แก้ไขแถวที่ 9' }).waitFor();
    await pane().getByTestId('row-issues').waitFor();
    const median = pane().getByRole('textbox', { name: 'ราคากลาง (บาท)' });
    await median.fill('');
    await pane().getByTestId('form-error-count').filter({ hasText: 'ยังมี 2 ช่อง' }).waitFor();
    await state('09-form-edit');
    await median.fill('72,000');
    await pane().getByRole('textbox', { name: 'ราคาที่ตกลงซื้อหรือจ้าง (บาท)' }).fill('63,000');
    await pane().getByRole('button', { name: 'ตรวจดูการเปลี่ยนแปลง' }).click();
    const confirm = pane().getByRole('alertdialog', { name: 'จะเปลี่ยน 2 เซลล์ในแถวที่ 9' });
    await confirm.waitFor();
    expect(await confirm.locator('[data-change="O9"]').count()).toBe(0);
    await state('10-form-edit-confirm');
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    await pane().getByRole('button', { name: 'ตรวจดูการเปลี่ยนแปลง' }).click();
    await pane().getByRole('button', { name: 'ยืนยันบันทึก' }).click();
    await pane().getByText('บันทึกการแก้ไขแล้ว 2 เซลล์').waitFor();
    expect(await session.cell('N9').textContent()).toBe('63,000.00');
  }, 60_000);

  it('English mode is English throughout, with plurals', async () => {
    await tab('ตรวจ').click();
    await pane().getByRole('button', { name: 'เปลี่ยนเป็นภาษาอังกฤษ' }).click();
    await pane().getByRole('tab', { name: 'Check', exact: true }).waitFor();
    await counts().filter({ hasText: /\d+ errors?/ }).waitFor();
    expect(await counts().textContent()).toMatch(/^(1 error|\d+ errors)(1 warning|\d+ warnings)21 records$/);
    await state('11-check-english');
    // No Thai in the pane's own words (cell values and official headers aside).
    const chrome = await pane().evaluate((el) =>
      [...el.querySelectorAll('button, [role="tab"], h1, h2, h3, label, [data-testid="checked-at"]')]
        .map((e) => e.textContent ?? '')
        .filter((s) => /[\u0E00-\u0E7F]/.test(s) && !/^(ภาษาไทย|Sheet: .*)$/.test(s.trim())),
    );
    expect(chrome.filter((s) => !/^Go to cell|^Row \d+|^[A-Z]+\d+/.test(s.trim()) && !s.includes('"'))).toEqual([]);
    await tab('Record').click();
    await pane().getByRole('heading', { name: 'New record' }).waitFor();
    await state('12-form-english');
    await pane().getByRole('button', { name: 'Switch to Thai' }).click();
    await tab('ตรวจ').waitFor();
  }, 60_000);

  it('a pre-filled OIT checklist opens on its items with a picker and previous/next', async () => {
    await tab('แบบฟอร์ม').click();
    await pane().getByRole('combobox', { name: 'แบบฟอร์ม' }).selectOption({ label: 'ตารางตรวจการเปิดเผยข้อมูลสาธารณะ OIT (ITA 2569)' });
    await pane().getByRole('button', { name: 'สร้างแผ่นงาน' }).click();
    await pane().getByText(/สร้างแผ่นงาน "OIT.*" แล้ว/).waitFor();
    await tab('บันทึก').click();
    const picker = pane().getByRole('combobox', { name: 'รายการในแผ่นงาน' });
    await picker.waitFor();
    // The latest edition is offered first: ITA 2569's checklist, O1–O26.
    await pane().getByText('รายการที่ 1 จาก 26').waitFor();
    expect(await pane().getByRole('textbox', { name: 'ข้อ', exact: true }).inputValue()).toBe('o1');
    await pane().getByRole('button', { name: /ถัดไป/ }).click();
    expect(await pane().getByRole('textbox', { name: 'ข้อ', exact: true }).inputValue()).toBe('o2');
    expect(await pane().getByRole('button', { name: 'เพิ่มรายการ' }).count()).toBe(0);
    await state('13-oit-picker');
  }, 60_000);

  it('a sheet that is no template gets no verdict, only the way to create or map one', async () => {
    await onWorkbook((wb) => wb.addSheet('รายชื่อผู้ติดต่อ', [['ชื่อ', 'โทรศัพท์'], ['สมชาย', '081-234-5678']], { activate: true }), null);
    await pane().getByTestId('active-sheet').filter({ hasText: 'รายชื่อผู้ติดต่อ' }).waitFor();
    await tab('ตรวจ').click();
    await pane().getByRole('button', { name: 'สร้างหรือกำหนดแบบฟอร์ม' }).waitFor();
    expect(await pane().getByTestId('verdict').count()).toBe(0);
    await state('14-no-template');
    await grid().getByRole('button', { name: DEMO_SHEET }).click();
    await pane().getByTestId('active-sheet').filter({ hasText: DEMO_SHEET }).waitFor();
  }, 60_000);

  it('the import page, and a retry after its chunk failed to load', async () => {
    await page.goto(`${session.url}/preview.html`);
    await page.addStyleTag({ content: `#pane { width: ${PANE_WIDTH}px !important; box-sizing: border-box; }` });
    let failures = 0;
    await page.route(/import-page/, (route) => (failures++ === 0 ? route.abort() : route.continue()));
    await pane().getByTestId('recognised-template').waitFor();
    await tab('นำเข้า').click();
    await pane().getByText(/โหลดหน้านำเข้าไม่สำเร็จ/).waitFor();
    await state('15-import-failed');
    await pane().getByRole('button', { name: 'ลองอีกครั้ง' }).click();
    await pane().getByRole('button', { name: 'เลือกไฟล์…' }).waitFor();
    await state('16-import');
    await page.unroute(/import-page/);
  }, 60_000);

  it('the form page is fetched when its tab is opened, with a retry after its chunk failed to load', async () => {
    await page.goto(`${session.url}/preview.html`);
    await page.addStyleTag({ content: `#pane { width: ${PANE_WIDTH}px !important; box-sizing: border-box; }` });
    let failures = 0;
    await page.route(/form-page/, (route) => (failures++ === 0 ? route.abort() : route.continue()));
    await pane().getByTestId('recognised-template').waitFor();
    await tab('บันทึก').click();
    await pane().getByText(/โหลดหน้านี้ไม่สำเร็จ/).waitFor();
    await state('17-form-failed');
    await pane().getByRole('button', { name: 'ลองอีกครั้ง' }).click();
    await pane().getByRole('heading', { name: 'เพิ่มรายการใหม่' }).waitFor();
    await page.unroute(/form-page/);
  }, 60_000);

  it('raised no script error in the page (the failed chunk aside)', () => {
    expect(consoleErrors.filter((e) => !/import-page|form-page|ERR_FAILED|Loading chunk/i.test(e))).toEqual([]);
  });
});

describeInChromium('taskpane.html before the pane: Office.js loading, failed inside Excel, outside Excel', () => {
  const session = usePreviewSession({ width: PANE_WIDTH, height: 640 });
  const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
  const INSIDE_EXCEL = '?_host_Info=Excel$Win32$16.01$th-TH$$$$0';
  const root = () => session.page.locator('#root');
  const state = async (name: string) => {
    await session.page.waitForTimeout(250);
    await session.page.screenshot({ path: join(SHOTS, `boot-${name}.png`) });
    expect({ name, violations: await seriousViolations(session.page, '#root') }).toEqual({ name, violations: [] });
  };

  afterEach(() => session.page.unroute(OFFICE_JS));

  it('shows a loading screen while Office.js starts', async () => {
    // An Office.js that loads but whose host never answers (a slow or blocked connection to Excel).
    await session.page.route(OFFICE_JS, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: 'window.Office = { onReady: () => new Promise(() => {}), HostType: { Excel: "Excel" }, context: {} };' }),
    );
    await session.page.goto(`${session.url}/taskpane.html${INSIDE_EXCEL}`);
    await root().getByText('กำลังเชื่อมต่อกับ Excel (โหลด Office.js)…').waitFor();
    await state('loading');
  }, 240_000);

  it('inside Excel, Office.js that cannot load gets its own message, not "outside Excel"', async () => {
    await session.page.route(OFFICE_JS, (route) => route.abort('internetdisconnected'));
    await session.page.goto(`${session.url}/taskpane.html${INSIDE_EXCEL}`);
    await root().getByText('โหลด Office.js ไม่ได้ จึงยังทำงานกับสมุดงานนี้ไม่ได้').waitFor();
    expect(await root().getByText('หน้านี้เปิดอยู่นอก Excel').count()).toBe(0);
    await root().getByRole('button', { name: 'โหลดหน้าต่างนี้ใหม่' }).waitFor();
    await state('office-failed');
  }, 60_000);

  it('opened in a plain browser, says so and points to the preview', async () => {
    await session.page.route(OFFICE_JS, (route) => route.abort('internetdisconnected'));
    await session.page.goto(`${session.url}/taskpane.html`);
    await root().getByText('หน้านี้เปิดอยู่นอก Excel').waitFor();
    await state('outside-excel');
  }, 60_000);
});
