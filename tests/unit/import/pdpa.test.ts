import { maskCitizenId, personalIdOf, publicationRows, publishedValue } from '../../../src/domain/import/pdpa';
import { parseTaxId } from '../../../src/domain/values/taxId';
import { PERSONAL_ID } from '../../fixtures/import/egp';

describe('PDPA: personal citizen IDs', () => {
  it('flags 13 digits not starting with 0, in any written form', () => {
    expect(personalIdOf(PERSONAL_ID)).toBe(PERSONAL_ID);
    expect(personalIdOf(`${PERSONAL_ID[0]}-${PERSONAL_ID.slice(1, 5)}-${PERSONAL_ID.slice(5, 10)}-${PERSONAL_ID.slice(10, 12)}-${PERSONAL_ID[12]}`)).toBe(PERSONAL_ID);
    expect(personalIdOf(Number(PERSONAL_ID))).toBe(PERSONAL_ID);
    expect(personalIdOf('0365529000042')).toBeUndefined();
    expect(personalIdOf('D888869001507')).toBeUndefined();
    expect(personalIdOf('899680900xxxx')).toBeUndefined();
  });

  it('masks the last 4 digits the way agencies publish them, a form the check accepts as masked', () => {
    expect(maskCitizenId('8996809001234')).toBe('899680900xxxx');
    const masked = publishedValue(PERSONAL_ID);
    expect(masked).toBe(PERSONAL_ID.slice(0, 9) + 'xxxx');
    const p = parseTaxId(masked);
    expect(p.ok && p.value.kind).toBe('masked');
    expect(publishedValue('0365529000042')).toBe('0365529000042');
  });

  it('leaves the working rows intact', () => {
    const working = [['a', PERSONAL_ID], ['b', '0365529000042']];
    const pub = publicationRows(working, 1);
    expect(pub).toEqual([['a', PERSONAL_ID.slice(0, 9) + 'xxxx'], ['b', '0365529000042']]);
    expect(working[0][1]).toBe(PERSONAL_ID);
  });
});
