/** A catalogue file merged into the built-in catalogue: corrections of an existing edition, option lists, result bands. */
import { catalogue, resolveTemplate } from '../../src/domain/templates';
import { applyCatalogueFile, CatalogueFileError } from '../../src/domain/catalogue/catalogueFile';
import { parseCatalogueFile } from '../../src/app/catalogueLoader';
import { checkSheet } from '../../src/domain/check';
import { compileOptions } from '../../src/domain/values/options';
import { optionList } from '../../src/domain/templates';
import { utcDate } from '../../src/domain/values/thaiDate';
import { SEED_000_ROWS } from '../fixtures/seeds/itaScores';

describe('applyCatalogueFile', () => {
  it('corrects an existing edition item by item, keeping its other items and the default', () => {
    const { catalogue: cat, changes } = applyCatalogueFile(catalogue, {
      catalogue: 1,
      editions: [{ edition: '2569', source: 'หนังสือจังหวัด ที่ นม 0023/ว 123', items: [{ template: 'procurement-monthly', item: 'o11', title: 'สรุปผลการจัดซื้อจัดจ้างรายเดือน (ฉบับแก้ไข)', window: 'fiscalYear' }] }],
    });
    expect(cat.defaultEdition).toBe('2569');
    expect(cat.sources?.['2569']).toBe('หนังสือจังหวัด ที่ นม 0023/ว 123');
    expect(resolveTemplate('o11', '2569', cat)?.edition.title).toBe('สรุปผลการจัดซื้อจัดจ้างรายเดือน (ฉบับแก้ไข)');
    expect(resolveTemplate('o26', '2569', cat)?.template.id).toBe('measures-report');
    expect(changes[0]).toBe('ITA 2569 (แก้ไข) — ที่มา: หนังสือจังหวัด ที่ นม 0023/ว 123');
    // The built-in catalogue is left as it was.
    expect(resolveTemplate('o11', '2569')?.edition.title).toBe('สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน');
  });

  it('replaces an option list; a former value is still read, as a legacy wording', () => {
    const { catalogue: cat } = applyCatalogueFile(catalogue, { catalogue: 1, optionLists: { budgetSource: ['เทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย', 'เงินสะสม'] } });
    const m = compileOptions(optionList('budgetSource', cat));
    expect(m.values.slice(0, 2)).toEqual(['เทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย', 'เงินสะสม']);
    const legacy = m.match('เงินกู้');
    expect(legacy.ok && legacy.value).toBe('เงินกู้');
  });

  it("sets an edition's result bands, which the score check then uses", () => {
    const { catalogue: cat } = applyCatalogueFile(catalogue, {
      catalogue: 1,
      editions: [{ edition: '2570', source: 'ทดลอง', results: [{ label: 'ผ่านเกณฑ์', min: 85 }, { label: 'ไม่ผ่านเกณฑ์', min: 0 }] }],
    });
    const { report } = checkSheet({ name: 'ผลคะแนน', rows: SEED_000_ROWS.map((r) => [...r]) }, { today: utcDate(2026, 12, 1), edition: '2570' }, {}, cat);
    expect(report.edition).toBe('2570');
    expect(report.figures?.find((f) => f.key === 'overall')?.value).toBe('93.09 (ผ่านเกณฑ์)');
  });

  it('names the key at fault', () => {
    expect(() => applyCatalogueFile(catalogue, { catalogue: 1, editions: [{ edition: '2570', source: 'x', items: [{ template: 'procurement-monthly', item: 'o10', title: 't', window: 'fiscalYear', headers: { winnerName: 'ผู้ชนะ' } }] }] }))
      .toThrow(new CatalogueFileError('editions[0].items[0].headers.winnerName', '', 'template procurement-monthly has no field "winnerName"'));
    expect(() => parseCatalogueFile('{"catalogue":1,"editions":[{"edition":"70","source":"x"}]}')).toThrow(/editions\[0\]\.edition/);
  });
});
