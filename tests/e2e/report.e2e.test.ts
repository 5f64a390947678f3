/**
 * The HTML report of `check --report` in a real browser (Debian's chromium): opened from disk with
 * no request beyond the file itself, its Thai text drawn with a Thai font, its table sorted by a
 * click; a screenshot for people to look at (tests/e2e/screenshots/report.png).
 */
import { mkdirSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import type { FileResult } from '../../src/cli/checkFile';
import { writeReport } from '../../src/cli/report';

const SHOTS = path.join(__dirname, 'screenshots');
let dir: string;
let browser: Browser;

const sheet = (name: string, errors: number, warnings: number) => ({
  sheet: name, template: 'procurement-progress', edition: '2567', item: 'o16', headerRow: 4, rows: 40, fiscalYear: 2567,
  issues: [
    ...Array.from({ length: errors }, (_, i) => ({ severity: 'error' as const, code: 'required', row: 5 + i, column: 'H', field: 'item', message: 'ยังไม่ได้กรอก "งานที่ซื้อหรือจ้าง"', messageEn: 'empty' })),
    ...Array.from({ length: warnings }, (_, i) => ({ severity: 'warning' as const, code: 'date-as-text', row: 5 + i, column: 'R', field: 'signDate', message: 'วันที่ "8 ต.ค. 2566" เป็นข้อความ ควรเป็นวันที่จริง (8 ต.ค. 2566)', messageEn: 'text date' })),
  ],
});

const file = (f: string, agency: string, errors: number, warnings: number): FileResult => ({
  status: 'checked', file: f, agency, agencySource: 'profile', errors, warnings, sheets: [sheet('o16', errors, warnings)],
});

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ita-forms-report-'));
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

it('opens from disk alone, draws Thai with a Thai font, sorts by a click', async () => {
  const report = path.join(dir, 'รายงาน.html');
  await writeReport(report, {
    results: [
      file('นครราชสีมา/ชุมพล/o16.xlsx', 'เทศบาลตำบลชุมพล', 0, 12),
      file('นครราชสีมา/หนองบัว/o16.xlsx', 'องค์การบริหารส่วนตำบลหนองบัว', 7, 3),
      file('นครราชสีมา/สีคิ้ว/o16.xlsx', 'เทศบาลเมืองสีคิ้ว', 2, 0),
      { status: 'unusable', file: 'นครราชสีมา/เสีย.xlsx', th: 'นครราชสีมา/เสีย.xlsx เสียหายหรืออ่านไม่ได้', en: 'corrupt' },
    ],
    skipped: [{ file: 'นครราชสีมา/อ่านก่อน.txt', th: 'ไม่ใช่ไฟล์ .xlsx', en: 'not an .xlsx file' }],
    generatedAt: new Date(Date.UTC(2024, 2, 31, 3, 0)),
    linksChecked: false,
  }, false);

  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'th-TH' });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  const url = pathToFileURL(report).href;
  await page.goto(url);
  await page.getByRole('heading', { name: 'รายงานผลการตรวจแบบ ITA' }).waitFor();
  await page.getByText('สร้างเมื่อ 31 มี.ค. 2567 10:00 น.').waitFor();

  // The Thai heading is drawn with a Thai font the machine has (no boxes in place of letters).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'h1' });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  expect(fonts.map((f) => f.familyName).join(',')).toMatch(/Loma|Garuda|Sarabun|Noto Sans Thai|Kinnari|Norasi|Umpush|Waree|Tlwg/i);

  // Bars: the agency with most errors first.
  await expect(page.locator('#h-agency ~ .bars .label').allTextContents()).resolves.toEqual(['องค์การบริหารส่วนตำบลหนองบัว', 'เทศบาลเมืองสีคิ้ว', 'เทศบาลตำบลชุมพล']);
  // A click on คำเตือน sorts the table by it, a second click reverses it.
  const warningsHeader = page.locator('#sheets th').nth(9);
  await warningsHeader.getByRole('button').click();
  await page.locator('#sheets th[aria-sort="ascending"]').waitFor();
  await warningsHeader.getByRole('button').click();
  await page.locator('#sheets th[aria-sort="descending"]').waitFor();
  const agencies = await page.locator('#sheets tbody tr td:first-child').allTextContents();
  expect(agencies.slice(0, 3)).toEqual(['เทศบาลตำบลชุมพล', 'องค์การบริหารส่วนตำบลหนองบัว', 'เทศบาลเมืองสีคิ้ว']);
  // Searching keeps the matching rows.
  await page.getByRole('searchbox', { name: 'ค้นหาในตารางผลการตรวจ' }).fill('สีคิ้ว');
  await expect(page.locator('#sheets tbody tr:not([hidden])').count()).resolves.toBe(1);
  await page.getByRole('searchbox', { name: 'ค้นหาในตารางผลการตรวจ' }).fill('');

  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'report.png'), fullPage: true });
  expect(requests).toEqual([url]);
  expect(errors).toEqual([]);
  await page.close();
});
