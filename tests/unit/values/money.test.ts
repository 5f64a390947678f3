import { formatMoney, parseMoney } from '../../../src/domain/values/money';
import type { CellValue } from '../../../src/domain/grid';

function value(v: CellValue): number {
  const r = parseMoney(v);
  if (!r.ok) throw new Error(`${String(v)}: ${r.problem.code}`);
  expect(r.warning).toBeUndefined();
  return r.value;
}

function problem(v: CellValue) {
  const r = parseMoney(v);
  if (r.ok) throw new Error(`${String(v)} was accepted`);
  return r.problem;
}

describe('parseMoney', () => {
  it.each<[CellValue, number]>([
    [1234567.5, 1234567.5],
    [0, 0],
    [0.1 + 0.2, 0.3],
    ['1,234,567.50', 1234567.5],
    ['๑,๒๓๔ บาท', 1234],
    ['๑,๒๐๐ บาท', 1200],
    ['1234567', 1234567],
    ['12,000.-', 12000],
    ['45,800,-', 45800],
    ['๔๕,๘๐๐,- บาท', 45800],
    ['12,000.- บาท', 12000],
    ['฿ 5,000', 5000],
    ['฿1,500.25', 1500.25],
    ['350 บ.', 350],
    ['307,300 บาท', 307300],
    ['๓๐๗,๓๐๐.๐๐', 307300],
    ['  ๔๙๙,๐๐๐ บาทถ้วน ', 499000],
    ['1,234.500', 1234.5],
    ['100.', 100],
    ['9999999999.99', 9999999999.99],
    [9999999999.99, 9999999999.99],
  ])('reads %j as %d', (v, n) => {
    expect(value(v)).toBe(n);
  });

  it('rounds more than two decimals with a warning', () => {
    const r = parseMoney('1,234.567');
    expect(r).toMatchObject({ ok: true, value: 1234.57, warning: { code: 'money-decimals', severity: 'warning' } });
    if (r.ok) expect(r.warning?.th).toContain('"1,234.567"');
    expect(parseMoney(10.125)).toMatchObject({ ok: true, warning: { code: 'money-decimals' } });
  });

  it.each<CellValue>(['-500', '(1,000)', '−๒๐๐ บาท', -1])('rejects the negative amount %j', (v) => {
    const p = problem(v);
    expect(p.code).toBe('money-negative');
    expect(p.severity).toBe('error');
    expect(p.th).toContain(String(v));
  });

  it.each<CellValue>(['abc', '1,23,4', '12,34', '1.5 ล้านบาท', 'หนึ่งพันบาท', '1 234', '1e5', NaN, Infinity, true, new Date(0)])(
    'rejects %j as not money',
    (v) => {
      expect(problem(v).code).toBe('money-invalid');
    },
  );

  it('names the value in the Thai message', () => {
    expect(problem('abc').th).toContain('ไม่ใช่จำนวนเงิน: "abc"');
  });

  it.each<CellValue>([null, '', '  ', '-', '...'])('reports %j as blank', (v) => {
    expect(problem(v).code).toBe('blank');
  });
});

describe('formatMoney', () => {
  it.each<[number, string]>([
    [1234567.5, '1,234,567.50'],
    [0, '0.00'],
    [999, '999.00'],
    [1000, '1,000.00'],
    [100000, '100,000.00'],
    [307300, '307,300.00'],
    [0.1 + 0.2, '0.30'],
    [-1234.5, '-1,234.50'],
    [9999999999.99, '9,999,999,999.99'],
  ])('formats %d as %s', (n, s) => {
    expect(formatMoney(n)).toBe(s);
  });
});
