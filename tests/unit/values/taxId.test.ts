import type { CellValue } from '../../../src/domain/grid';
import { compactTaxId, formatTaxId, parseTaxId, taxIdCheckDigit } from '../../../src/domain/values/taxId';

function problem(v: CellValue) {
  const r = parseTaxId(v);
  if (r.ok) throw new Error(`${String(v)} was accepted`);
  return r.problem;
}

describe('compactTaxId and the check digit', () => {
  it('compacts Thai digits, dashes, spaces and dots', () => {
    expect(compactTaxId('๐-๑๐๕๕-๔๓๐๐๘-๒๑-๙')).toBe('0105543008219');
    expect(compactTaxId(' 0 1055 43008 21 9 ')).toBe('0105543008219');
    expect(compactTaxId('0.1055.43008.21.9')).toBe('0105543008219');
  });
  it('computes the mod-11 check digit', () => {
    expect(taxIdCheckDigit('010554300821')).toBe(9);
    expect(taxIdCheckDigit('036552900004')).toBe(2);
    expect(taxIdCheckDigit('099300051063')).toBe(1);
    expect(taxIdCheckDigit('310060044563')).toBe(5);
  });
});

describe('parseTaxId: accepted', () => {
  it.each<[CellValue, string, string]>([
    ['0365529000042', '0365529000042', 'juristic'],
    ['0993000510631', '0993000510631', 'juristic'],
    ['0105543008219', '0105543008219', 'juristic'],
    ['0-1055-43008-21-9', '0105543008219', 'juristic'],
    ['๐๙๙๓๐๐๐๕๑๐๖๓๑', '0993000510631', 'juristic'],
    ['0 9930 00510 63 1', '0993000510631', 'juristic'],
    ['3100600445635', '3100600445635', 'personal'],
    ['3-1006-00445-63-5', '3100600445635', 'personal'],
    [3100600445635, '3100600445635', 'personal'],
  ])('reads %j', (v, id, kind) => {
    expect(parseTaxId(v)).toEqual({ ok: true, value: { id, kind } });
  });

  it('restores the leading 0 a number cell lost, with a warning', () => {
    const r = parseTaxId(105543008219);
    expect(r).toMatchObject({ ok: true, value: { id: '0105543008219', kind: 'juristic' }, warning: { code: 'tax-id-leading-zero' } });
    if (r.ok) expect(r.warning?.th).toContain('105543008219');
  });

  it('accepts a consortium ID with a warning', () => {
    const r = parseTaxId('D888869001507');
    expect(r).toMatchObject({ ok: true, value: { id: 'D888869001507', kind: 'consortium' }, warning: { code: 'tax-id-consortium' } });
    if (r.ok) expect(r.warning?.th).toContain('"D888869001507"');
    expect(parseTaxId('c-8888-69001-50-7')).toMatchObject({ ok: true, value: { id: 'C888869001507', kind: 'consortium' } });
  });

  it.each<[string, string]>([
    ['899680900xxxx', '899680900xxxx'],
    ['899680900XXXX', '899680900xxxx'],
    ['๘๙๙๖๘๐๙๐๐xxxx', '899680900xxxx'],
    ['8996809001***', '8996809001xxx'],
    ['3-1020-xxxxx-xx-1', '31020xxxxxxx1'],
  ])('accepts the masked ID %j with a warning', (v, id) => {
    const r = parseTaxId(v);
    expect(r).toMatchObject({ ok: true, value: { id, kind: 'masked' }, warning: { code: 'tax-id-masked', severity: 'warning' } });
    if (r.ok) expect(r.warning?.th).toContain(v);
  });
});

describe('parseTaxId: errors', () => {
  it('names the expected check digit', () => {
    const p = problem('0-1055-43008-21-8');
    expect(p.code).toBe('tax-id-checksum');
    expect(p.th).toContain('"0-1055-43008-21-8"');
    expect(p.th).toContain('ควรเป็น 9');
    expect(p.en).toContain('should be 9');
  });

  it('checks a restored 12-digit number too', () => {
    expect(problem(105543008218).code).toBe('tax-id-checksum');
  });

  it.each<[CellValue, number]>([
    ['010554300821', 12],
    ['01055430082199', 14],
    ['๑๒๓๔๕', 5],
    [12345, 5],
  ])('counts the digits of %j', (v, n) => {
    const p = problem(v);
    expect(p.code).toBe('tax-id-length');
    expect(p.th).toContain(`มี ${n} หลัก`);
    expect(p.th).toContain(String(v));
  });

  it.each<CellValue>(['บริษัท ก จำกัด', 'DD88869001507', '899680xxxxxxx', 'xxxxxxxxxxxxx', '3-1020-xxxxx-xx-x', '1xxxxxxxxxxx1', '0105543008219x', 1.5, -105543008219, true])('%j is not a tax ID', (v) => {
    expect(problem(v).code).toBe('tax-id-invalid');
  });

  it.each<CellValue>([null, '', '-'])('%j is blank', (v) => {
    expect(problem(v).code).toBe('blank');
  });
});

describe('formatTaxId', () => {
  it('groups 13 digits as on an ID card', () => {
    expect(formatTaxId('0105543008219')).toBe('0-1055-43008-21-9');
    expect(formatTaxId('3100600445635')).toBe('3-1006-00445-63-5');
  });
  it('leaves other forms alone', () => {
    expect(formatTaxId('D888869001507')).toBe('D888869001507');
    expect(formatTaxId('899680900xxxx')).toBe('899680900xxxx');
  });
});
