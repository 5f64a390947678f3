import type { CellValue } from '../../../src/domain/grid';
import { parsePeriod, parseQuarter, quarterRange } from '../../../src/domain/values/period';

const iso = (d: Date) => d.toISOString().slice(0, 10);

function span(v: CellValue, fy?: number): string {
  const r = parsePeriod(v, fy);
  if (!r.ok) throw new Error(`${String(v)}: ${r.problem.code} ${r.problem.en}`);
  expect(r.warning).toBeUndefined();
  return `${iso(r.value.start)}..${iso(r.value.end)}`;
}

function problem(v: CellValue, fy?: number) {
  const r = parsePeriod(v, fy);
  if (r.ok) throw new Error(`${String(v)} was accepted`);
  return r.problem;
}

describe('parsePeriod: a day', () => {
  it.each<[CellValue, string]>([
    ['1 ต.ค. 2566', '2023-10-01..2023-10-01'],
    ['๑ ต.ค. ๖๖', '2023-10-01..2023-10-01'],
    ['18 พ.ย. 68', '2025-11-18..2025-11-18'],
    ['01/10/2566', '2023-10-01..2023-10-01'],
    [45200, '2023-10-01..2023-10-01'],
    ['45200', '2023-10-01..2023-10-01'],
    ['2023-10-01', '2023-10-01..2023-10-01'],
    [new Date(Date.UTC(2023, 9, 1)), '2023-10-01..2023-10-01'],
  ])('reads %j', (v, expected) => {
    expect(span(v)).toBe(expected);
  });
});

describe('parsePeriod: a month', () => {
  it.each<[string, string]>([
    ['ตุลาคม 2566', '2023-10-01..2023-10-31'],
    ['ต.ค. 66', '2023-10-01..2023-10-31'],
    ['ต.ค.2566', '2023-10-01..2023-10-31'],
    ['เดือน กุมภาพันธ์ ๒๕๖๗', '2024-02-01..2024-02-29'],
    ['ก.พ. พ.ศ. 2567', '2024-02-01..2024-02-29'],
    ['10/2566', '2023-10-01..2023-10-31'],
    ['๑๐/๖๖', '2023-10-01..2023-10-31'],
    ['October 2023', '2023-10-01..2023-10-31'],
  ])('reads %j', (v, expected) => {
    expect(span(v)).toBe(expected);
  });

  it('places a month without a year in the fiscal year', () => {
    expect(span('ธันวาคม', 2567)).toBe('2023-12-01..2023-12-31');
    expect(span('มี.ค.', 2567)).toBe('2024-03-01..2024-03-31');
  });

  it('warns about a CE year', () => {
    const r = parsePeriod('ตุลาคม 2023');
    expect(r).toMatchObject({ ok: true, warning: { code: 'date-ce-year' } });
    if (r.ok) expect(iso(r.value.start)).toBe('2023-10-01');
  });
});

describe('parsePeriod: a range of months', () => {
  it.each<[string, string]>([
    ['ต.ค. 66 - ธ.ค. 66', '2023-10-01..2023-12-31'],
    ['ตุลาคม - ธันวาคม 2566', '2023-10-01..2023-12-31'],
    ['ต.ค.66–มี.ค.67', '2023-10-01..2024-03-31'],
    ['ต.ค. - มี.ค. 2567', '2023-10-01..2024-03-31'],
    ['ม.ค.-มี.ค. ๖๗', '2024-01-01..2024-03-31'],
    ['ตุลาคม 2566 ถึง กันยายน 2567', '2023-10-01..2024-09-30'],
    ['1 ต.ค. 66 - 31 ธ.ค. 66', '2023-10-01..2023-12-31'],
    ['October - December 2023', '2023-10-01..2023-12-31'],
  ])('reads %j', (v, expected) => {
    expect(span(v)).toBe(expected);
  });

  it('places a yearless range in the fiscal year', () => {
    expect(span('ต.ค. - ธ.ค.', 2567)).toBe('2023-10-01..2023-12-31');
    expect(problem('ต.ค. - ธ.ค.').code).toBe('period-needs-year');
  });
});

describe('parsePeriod: a fiscal quarter', () => {
  it.each<[string, string]>([
    ['ไตรมาส 1/2567', '2023-10-01..2023-12-31'],
    ['ไตรมาสที่ ๒/2567', '2024-01-01..2024-03-31'],
    ['ไตรมาส 3 ปีงบประมาณ 2567', '2024-04-01..2024-06-30'],
    ['ไตรมาสที่ ๔ ปีงบประมาณ พ.ศ. ๒๕๖๗', '2024-07-01..2024-09-30'],
    ['ไตรมาส 2/67', '2024-01-01..2024-03-31'],
    ['Q1 2568', '2024-10-01..2024-12-31'],
  ])('reads %j', (v, expected) => {
    expect(span(v)).toBe(expected);
  });

  it('uses the form fiscal year for a quarter without a year', () => {
    expect(span('ไตรมาส 1', 2567)).toBe('2023-10-01..2023-12-31');
    expect(span('ไตรมาสที่ ๔', 2568)).toBe('2025-07-01..2025-09-30');
  });

  it('needs a year when neither the value nor the form gives one', () => {
    const p = problem('ไตรมาส 1');
    expect(p.code).toBe('period-needs-year');
    expect(p.th).toContain('"ไตรมาส 1"');
  });

  it('reads a whole fiscal year', () => {
    expect(span('ปีงบประมาณ 2567')).toBe('2023-10-01..2024-09-30');
  });

  it('reads what plans write: a span of quarters, "by a month", all year round', () => {
    expect(span('ไตรมาส ๑-๔', 2567)).toBe('2023-10-01..2024-09-30');
    expect(span('ไตรมาสที่ 2 - 3/2567')).toBe('2024-01-01..2024-06-30');
    expect(span('ภายในเดือนมีนาคม 2567')).toBe('2024-03-01..2024-03-31');
    expect(span('ภายใน ธ.ค. ๒๕๖๖')).toBe('2023-12-01..2023-12-31');
    expect(span('เดือน ต.ค. 66')).toBe('2023-10-01..2023-10-31');
    expect(span('ทุกเดือน', 2567)).toBe('2023-10-01..2024-09-30');
    expect(span('ทุกไตรมาส', 2567)).toBe('2023-10-01..2024-09-30');
    expect(problem('ทุกเดือน').code).toBe('period-needs-year');
    expect(problem('ไตรมาส 3-1', 2567).code).toBe('period-invalid');
    expect(problem('ภายในเดือนหน้า', 2567).code).toBe('period-invalid');
  });

  it('helps with quarter numbers', () => {
    expect(parseQuarter('ไตรมาสที่ ๓')).toBe(3);
    expect(parseQuarter('ตุลาคม')).toBeNull();
    const q = quarterRange(1, 2568);
    expect(iso(q.start)).toBe('2024-10-01');
    expect(iso(q.end)).toBe('2024-12-31');
  });
});

describe('parsePeriod: errors', () => {
  it.each<CellValue>(['ไม่ทราบ', '2567', 'ไตรมาส 5/2567', '13/2567', 'ธ.ค. 66 - ต.ค. 66', 'ตุลาคม 2900', 'abc - def', true])('%j is not a period', (v) => {
    const p = problem(v);
    expect(p.code).toBe('period-invalid');
    expect(p.th).toContain(String(v));
  });

  it('reports an impossible day as such', () => {
    expect(problem('31 ก.พ. 2567').code).toBe('date-impossible');
  });

  it('reports a month without a year', () => {
    expect(problem('ตุลาคม').code).toBe('period-needs-year');
  });

  it.each<CellValue>([null, '', '-'])('%j is blank', (v) => {
    expect(problem(v).code).toBe('blank');
  });
});

describe('parsePeriod: number cells', () => {
  it('explains a year-like number under the period code', () => {
    const p = problem(2567);
    expect(p.code).toBe('period-invalid');
    expect(p.th).toContain('2567');
  });
});
