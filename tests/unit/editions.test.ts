/** The edition catalogue as data: 2568 and 2569 complete, each edition with its source, the latest by default. */
import { catalogue, editionFor, resolveTemplate } from '../../src/domain/templates';
import { OIT_ITEMS_2568, OIT_ITEMS_2569 } from '../../src/domain/templates/oitItemsRecent';
import { resultSchemeOf } from '../../src/domain/templates/itaIndicators';

describe('editions as data', () => {
  it('the OIT checklists of 2568 (28 items) and 2569 (26 items) are numbered in order', () => {
    expect(OIT_ITEMS_2568.map((i) => i.no)).toEqual(Array.from({ length: 28 }, (_, i) => `o${i + 1}`));
    expect(OIT_ITEMS_2569.map((i) => i.no)).toEqual(Array.from({ length: 26 }, (_, i) => `o${i + 1}`));
    for (const i of [...OIT_ITEMS_2568, ...OIT_ITEMS_2569]) expect(i.name.trim()).not.toBe('');
  });

  it('every edition names its source; the latest is the default', () => {
    for (const e of catalogue.editions) expect(catalogue.sources?.[e]).toBeTruthy();
    expect(catalogue.defaultEdition).toBe('2569');
  });

  it.each([
    ['2568', 'o12', 'procurement-progress', 'fiscalYear'],
    ['2568', 'o13', 'procurement-annual', 'previousFiscalYear'],
    ['2568', 'o27', 'measures-analysis', 'fiscalYear'],
    ['2568', 'o28', 'measures-report', 'previousFiscalYear'],
    ['2569', 'o11', 'procurement-monthly', 'fiscalYear'],
    ['2569', 'o12', 'procurement-monthly-annual', 'previousFiscalYear'],
    ['2569', 'o25', 'ita-scores', 'fiscalYear'],
    ['2569', 'o26', 'measures-report', 'previousFiscalYear'],
    ['2567', 'o16', 'procurement-progress', 'firstHalf'],
  ])('ITA %s %s is %s with window %s', (edition, item, template, window) => {
    const c = resolveTemplate(item, edition);
    expect(c?.template.id).toBe(template);
    expect(c?.edition).toMatchObject({ edition, item, window });
  });

  it('an assessed fiscal year N means edition N when there is one, else the latest', () => {
    expect(editionFor({})).toBe('2569');
    expect(editionFor({ fiscalYear: 2568 })).toBe('2568');
    expect(editionFor({ fiscalYear: 2571 })).toBe('2569');
    expect(editionFor({ fiscalYear: 2568, edition: '2567' })).toBe('2567');
    expect(resolveTemplate('o16')).toBeUndefined(); // o16 is ITA 2567's number: 2569 has no such item
  });

  it('result wording: words from 2566, letters before', () => {
    expect(resultSchemeOf('2569').bands.map((b) => b.label)).toEqual(['ผ่านดีเยี่ยม', 'ผ่านดี', 'ผ่าน', 'ต้องปรับปรุง', 'ต้องปรับปรุงโดยด่วน']);
    expect(resultSchemeOf('2563').bands[0].label).toBe('ระดับ AA');
  });
});
