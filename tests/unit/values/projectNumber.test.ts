import type { CellValue } from '../../../src/domain/grid';
import { parseProjectNumber, projectNumberYear } from '../../../src/domain/values/projectNumber';

describe('parseProjectNumber', () => {
  it.each<[CellValue, string]>([
    ['67039549408', '67039549408'],
    ['68099218030', '68099218030'],
    [67039549408, '67039549408'],
    ['๖๗๐๓๙๕๔๙๔๐๘', '67039549408'],
    [' 6703 9549 408 ', '67039549408'],
    ['670-3954-9408', '67039549408'],
  ])('reads %j', (v, id) => {
    expect(parseProjectNumber(v)).toEqual({ ok: true, value: id });
  });

  it.each<[CellValue, number]>([
    ['6703954940', 10],
    ['670395494081', 12],
    ['๖๗๐๓๙', 5],
    ['67O39549408', 10],
    ['เลขที่ 67039549408', 11],
    [6703954940.8, 11],
    [true, 0],
  ])('rejects %j naming the digit count', (v, n) => {
    const r = parseProjectNumber(v);
    expect(r).toMatchObject({ ok: false, problem: { code: 'project-number-invalid', severity: 'error' } });
    if (!r.ok) {
      expect(r.problem.th).toContain(String(v));
      expect(r.problem.th).toContain(`มี ${n} หลัก`);
    }
  });

  it.each<CellValue>([null, '', '-'])('%j is blank', (v) => {
    expect(parseProjectNumber(v)).toMatchObject({ ok: false, problem: { code: 'blank' } });
  });
});

describe('projectNumberYear', () => {
  it('reads the BE year from the first two digits', () => {
    expect(projectNumberYear('67039549408')).toBe(2567);
    expect(projectNumberYear('68099218030')).toBe(2568);
  });
});
