import { AgencyFilter, matchAgencyName, suggestAgencies } from '../../../src/domain/import/agencyFilter';

describe('agency names', () => {
  it('match exactly, or tolerantly (spacing, abbreviations, a location tail)', () => {
    expect(matchAgencyName('เทศบาลตำบลชุมพล', 'เทศบาลตำบลชุมพล')).toBe('exact');
    expect(matchAgencyName('เทศบาลตำบลชุมพล', 'เทศบาลตำบล ชุมพล')).toBe('exact');
    expect(matchAgencyName('เทศบาลตำบลชุมพล', 'ทต.ชุมพล')).toBe('exact');
    expect(matchAgencyName('องค์การบริหารส่วนตำบลหนองบัว', 'อบต. หนองบัว')).toBe('exact');
    expect(matchAgencyName('เทศบาลตำบลชุมพล', 'เทศบาลตำบลชุมพล อำเภอสีคิ้ว จังหวัดนครราชสีมา')).toBe('tolerant');
    expect(matchAgencyName('เทศบาลตำบลชุมพล', 'เทศบาลตำบลชุมพลบุรี')).toBeUndefined();
    expect(matchAgencyName('เทศบาลตำบลชุมพล', 'เทศบาลตำบลหนองบัว')).toBeUndefined();
  });

  it('keep a record when either ชื่อหน่วยงาน or ชื่อหน่วยงานย่อย matches, and count every name', () => {
    const f = new AgencyFilter('แขวงทางหลวงนครราชสีมาที่ 1');
    expect(f.test({ agencyName: 'กรมทางหลวง', subAgencyName: 'แขวงทางหลวงนครราชสีมาที่ 1' }, false)).toBe('แขวงทางหลวงนครราชสีมาที่ 1');
    expect(f.test({ agencyName: 'กรมทางหลวง', subAgencyName: 'แขวงทางหลวงนครราชสีมาที่ 2' }, false)).toBeUndefined();
    expect(f.test({}, true)).toBeNull();
    expect(f.test({}, false)).toBeUndefined();
    expect(f.names()).toEqual([
      { name: 'กรมทางหลวง', field: 'agencyName', rows: 2, matched: false },
      { name: 'แขวงทางหลวงนครราชสีมาที่ 1', field: 'subAgencyName', rows: 1, matched: true },
      { name: 'แขวงทางหลวงนครราชสีมาที่ 2', field: 'subAgencyName', rows: 1, matched: false },
    ]);
  });

  it('suggest the names that contain the wanted one first', () => {
    const names = [
      { name: 'กรมทางหลวง', field: 'agencyName' as const, rows: 900, matched: false },
      { name: 'เทศบาลตำบลชุมพลบุรี', field: 'agencyName' as const, rows: 3, matched: false },
    ];
    expect(suggestAgencies('เทศบาลตำบลชุมพล', names).map((n) => n.name)).toEqual(['เทศบาลตำบลชุมพลบุรี', 'กรมทางหลวง']);
  });
});
