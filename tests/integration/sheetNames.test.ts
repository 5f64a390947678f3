/**
 * Sheet names as Excel has them: at most 31 characters, unique regardless of case. A long Thai
 * name is shortened between whole characters (a consonant keeps its vowel and tone marks).
 */
import { freeSheetName } from '../../src/app/workbookSession';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { GatewayError } from '../../src/workbook/gateway';
import { planSheet } from '../../src/domain/layout';
import { resolveTemplate } from '../../src/domain/templates';

const graphemes = (s: string) => Array.from(new Intl.Segmenter('th', { granularity: 'grapheme' }).segment(s), (x) => x.segment);

describe('freeSheetName', () => {
  it('cuts a long Thai name between whole characters, never between a consonant and its marks', () => {
    // Character 31 is ส of ส่ง: a cut by code units keeps ส and drops its tone mark.
    const name = freeSheetName('รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม', []);
    expect(name).toBe('รายงานผลการดำเนินการตามมาตรการ');
    // With a suffix: ที่ stays whole or goes whole.
    const second = freeSheetName('แบบรายงานการจัดซื้อจัดจ้างที่สิ้นสุดแล้ว', ['แบบรายงานการจัดซื้อจัดจ้างที่']);
    expect(second).toBe('แบบรายงานการจัดซื้อจัดจ้าง (2)');
    for (const n of [name, second]) {
      expect(n.length).toBeLessThanOrEqual(31);
      // Every character of the result is a whole character of the wanted name.
      expect(graphemes(n.replace(/ \(\d+\)$/, '')).every((g) => graphemes('รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม แบบรายงานการจัดซื้อจัดจ้างที่สิ้นสุดแล้ว').includes(g))).toBe(true);
    }
  });

  it('treats names that differ only in case as taken, as Excel does', () => {
    expect(freeSheetName('Sheet1', ['SHEET1'])).toBe('Sheet1 (2)');
    expect(freeSheetName('ITA Scores', ['ita scores', 'ITA SCORES (2)'])).toBe('ITA Scores (3)');
  });

  it('never cuts a surrogate pair, and trims a space left at the cut', () => {
    expect(freeSheetName(`${'a'.repeat(30)}😀b`, [])).toBe('a'.repeat(30));
    expect(freeSheetName(`${'ก'.repeat(26)} ขขขขขขขข`, [`${'ก'.repeat(26)} ขขขข`])).toBe(`${'ก'.repeat(26)} (2)`);
  });

  it('without Intl.Segmenter still cuts between code points', () => {
    const intl = Intl as { Segmenter?: unknown };
    const saved = intl.Segmenter;
    try {
      intl.Segmenter = undefined;
      expect(freeSheetName(`${'a'.repeat(30)}😀b`, [])).toBe('a'.repeat(30));
      expect(freeSheetName('Sheet1', ['sheet1'])).toBe('Sheet1 (2)');
    } finally {
      intl.Segmenter = saved;
    }
  });
});

describe('MemoryWorkbook sheet names, regardless of case', () => {
  it('finds a sheet whatever its case, and refuses a new sheet whose name differs only in case', async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet('Sheet1', [['x']]);
    expect(wb.cell('SHEET1', 1, 1)).toBe('x');
    expect((await wb.readSheet('sheet1')).rows).toEqual([['x']]);
    const plan = planSheet(resolveTemplate('o16', '2567')!, { sheetName: 'SHEET1' });
    await expect(wb.createSheet({ plan, prefillRows: 0 })).rejects.toBeInstanceOf(GatewayError);
    expect(await wb.listSheets()).toEqual(['Sheet1']);
    await wb.activateSheet('sheet1');
    expect(await wb.activeSheet()).toBe('Sheet1');
  });
});
