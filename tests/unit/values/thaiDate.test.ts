import type { CellValue } from '../../../src/domain/grid';
import {
  THAI_MONTHS,
  dateToExcelSerial,
  excelSerialToDate,
  fiscalYearOf,
  fiscalYearRange,
  formatThaiDate,
  monthFromText,
  parseFiscalYear,
  parseIsoDate,
  parseThaiDate,
  utcDate,
} from '../../../src/domain/values/thaiDate';

const iso = (d: Date) => d.toISOString().slice(0, 10);

function date(v: CellValue): string {
  const r = parseThaiDate(v);
  if (!r.ok) throw new Error(`${String(v)}: ${r.problem.code} ${r.problem.en}`);
  expect(r.warning).toBeUndefined();
  return iso(r.value);
}

function problem(v: CellValue) {
  const r = parseThaiDate(v);
  if (r.ok) throw new Error(`${String(v)} was accepted as ${iso(r.value)}`);
  return r.problem;
}

describe('THAI_MONTHS', () => {
  it('lists the twelve months with their abbreviations', () => {
    expect(THAI_MONTHS).toHaveLength(12);
    expect(THAI_MONTHS[0]).toEqual({ full: 'มกราคม', abbr: 'ม.ค.' });
    expect(THAI_MONTHS[6]).toEqual({ full: 'กรกฎาคม', abbr: 'ก.ค.' });
    expect(THAI_MONTHS[11]).toEqual({ full: 'ธันวาคม', abbr: 'ธ.ค.' });
  });
  it.each<[string, number]>([
    ['มี.ค.', 2],
    ['มีค', 2],
    ['มี.ค', 2],
    ['ม. ค.', 0],
    ['พฤศจิกายน', 10],
    ['กรกฏาคม', 6],
    ['Jan', 0],
    ['January', 0],
    ['sept', 8],
  ])('knows %s', (w, i) => {
    expect(monthFromText(w)?.index).toBe(i);
  });
});

describe('excel serials', () => {
  it('converts both ways around the 1900 leap-year bug', () => {
    expect(iso(excelSerialToDate(1))).toBe('1900-01-01');
    expect(iso(excelSerialToDate(59))).toBe('1900-02-28');
    expect(iso(excelSerialToDate(61))).toBe('1900-03-01');
    expect(iso(excelSerialToDate(45382))).toBe('2024-03-31');
    expect(iso(excelSerialToDate(45382.75))).toBe('2024-03-31');
    expect(dateToExcelSerial(utcDate(2024, 3, 31))).toBe(45382);
    expect(dateToExcelSerial(utcDate(1900, 3, 1))).toBe(61);
    expect(dateToExcelSerial(utcDate(1900, 1, 1))).toBe(1);
    expect(dateToExcelSerial(utcDate(2025, 11, 18))).toBe(45979);
  });
});

describe('parseThaiDate: accepted forms', () => {
  it.each<[CellValue, string]>([
    ['31 มี.ค. 2567', '2024-03-31'],
    ['31 มีนาคม ๒๕๖๗', '2024-03-31'],
    ['๓๑ มี.ค. ๒๕๖๗', '2024-03-31'],
    ['31 มี.ค.67', '2024-03-31'],
    ['31มี.ค.2567', '2024-03-31'],
    ['29 ม.ค. 69', '2026-01-29'],
    ['18 พ.ย. 68', '2025-11-18'],
    ['๑ ต.ค. ๖๒', '2019-10-01'],
    ['1 มีค 2567', '2024-03-01'],
    ['1 ม. ค. 2567', '2024-01-01'],
    ['31/03/2567', '2024-03-31'],
    ['31/3/67', '2024-03-31'],
    ['31-03-2567', '2024-03-31'],
    ['31.03.2567', '2024-03-31'],
    ['๓๑/๐๓/๒๕๖๗', '2024-03-31'],
    ['2024-03-31', '2024-03-31'],
    ['2024-03-31T00:00:00.000Z', '2024-03-31'],
    ['วันที่ 31 มีนาคม พ.ศ. 2567', '2024-03-31'],
    ['วันที่ ๓๑ เดือน มีนาคม พ.ศ. ๒๕๖๗', '2024-03-31'],
    ['วันจันทร์ที่ 1 เมษายน 2567', '2024-04-01'],
    ['31 มี.ค. พ.ศ.2567', '2024-03-31'],
    ['18/11/2568 10:30', '2025-11-18'],
    ['18 พ.ย. 2568 เวลา 10.30 น.', '2025-11-18'],
    ['29 ก.พ. 2567', '2024-02-29'],
    ['31 Mar 2024', '2024-03-31'],
    ['31-Mar-2024', '2024-03-31'],
    ['March 31, 2024', '2024-03-31'],
    ['31 มีนาคม ค.ศ. 2024', '2024-03-31'],
    ['45382', '2024-03-31'],
    [45382, '2024-03-31'],
    [45382.5, '2024-03-31'],
    [new Date(Date.UTC(2024, 2, 31)), '2024-03-31'],
    [new Date(Date.UTC(2024, 2, 31, 17, 0)), '2024-03-31'],
  ])('reads %j', (v, expected) => {
    expect(date(v)).toBe(expected);
  });
});

describe('parseThaiDate: warnings', () => {
  it.each<[string, string]>([
    ['31/03/2024', '2024-03-31'],
    ['31 มี.ค. 2024', '2024-03-31'],
  ])('takes the CE year in %j with a warning', (v, expected) => {
    const r = parseThaiDate(v);
    expect(r).toMatchObject({ ok: true, warning: { code: 'date-ce-year', severity: 'warning' } });
    if (r.ok) {
      expect(iso(r.value)).toBe(expected);
      expect(r.warning?.th).toContain(v);
    }
  });

  it('fixes a BE year that Excel stored as CE', () => {
    const r = parseThaiDate(new Date(Date.UTC(2567, 2, 31)));
    expect(r).toMatchObject({ ok: true, warning: { code: 'date-be-stored-as-ce' } });
    if (r.ok) expect(iso(r.value)).toBe('2024-03-31');
  });
});

describe('parseThaiDate: errors', () => {
  it.each(['31 ก.พ. 2567', '30/02/2567', '32/01/2567', '31/13/2567', '29 ก.พ. 2566', '31 เม.ย. 67'])('%j is an impossible date', (v) => {
    const p = problem(v);
    expect(p.code).toBe('date-impossible');
    expect(p.th).toContain(`"${v}"`);
  });

  it('says how many days February has', () => {
    expect(problem('30/02/2567').th).toContain('29 วัน');
  });

  it('suggests a swap for month/day order', () => {
    expect(problem('03/31/2567').th).toContain('สลับวันกับเดือน');
  });

  it.each<CellValue>([2567, '๒๕๖๗', 25670331, '25670331', 0, -5, 3000000, 'abc', 'มีนาคม 2567', '31 ธันวา', '31/03/256', true, new Date(NaN), 'ปีหน้า'])(
    '%j is not a date',
    (v) => {
      expect(problem(v).code).toBe('date-invalid');
    },
  );

  it('hints that a year is not a date', () => {
    expect(problem(2567).th).toContain('ดูเหมือนเป็นปี');
    expect(problem(25670331).th).toContain('ติดกัน');
  });

  it.each(['31/03/2300', '31 มี.ค. 2800', '1 ม.ค. พ.ศ. 2024'])('%j has a year out of range', (v) => {
    const p = problem(v);
    expect(p.code).toBe('date-invalid');
    expect(p.th).toContain(v);
  });

  it.each<CellValue>([null, '', ' - '])('%j is blank', (v) => {
    expect(problem(v).code).toBe('blank');
  });
});

describe('formatThaiDate', () => {
  it('writes BE dates in short and long form', () => {
    const d = utcDate(2024, 3, 31);
    expect(formatThaiDate(d)).toBe('31 มี.ค. 2567');
    expect(formatThaiDate(d, 'short')).toBe('31 มี.ค. 2567');
    expect(formatThaiDate(d, 'long')).toBe('31 มีนาคม 2567');
    expect(formatThaiDate(utcDate(2025, 11, 18))).toBe('18 พ.ย. 2568');
  });
  it('round-trips with parseThaiDate', () => {
    for (const d of [utcDate(2023, 10, 1), utcDate(2024, 2, 29), utcDate(2026, 1, 29)]) {
      expect(date(formatThaiDate(d))).toBe(iso(d));
      expect(date(formatThaiDate(d, 'long'))).toBe(iso(d));
    }
  });
});

describe('fiscal years', () => {
  it('finds the BE fiscal year of a date', () => {
    expect(fiscalYearOf(utcDate(2023, 10, 1))).toBe(2567);
    expect(fiscalYearOf(utcDate(2024, 9, 30))).toBe(2567);
    expect(fiscalYearOf(utcDate(2024, 10, 1))).toBe(2568);
    expect(fiscalYearOf(utcDate(2024, 1, 1))).toBe(2567);
  });
  it('gives the range of a fiscal year', () => {
    const r = fiscalYearRange(2567);
    expect(iso(r.start)).toBe('2023-10-01');
    expect(iso(r.end)).toBe('2024-09-30');
  });

  it.each<CellValue>(['2567', '๒๕๖๗', 2567, 'ปีงบประมาณ 2567', 'ปีงบประมาณ ๒๕๖๗', 'พ.ศ. 2567', 'ปีงบประมาณ พ.ศ. ๒๕๖๗', 'ปีงบ 67', ' 2567 '])(
    'reads the fiscal year %j',
    (v) => {
      expect(parseFiscalYear(v)).toEqual({ ok: true, value: 2567 });
    },
  );

  it.each<CellValue>([2024, '2024', 'ค.ศ. 2024', 'FY2024'])('converts the CE year %j with a warning', (v) => {
    const r = parseFiscalYear(v);
    expect(r).toMatchObject({ ok: true, value: 2567, warning: { code: 'fiscal-year-ce' } });
    if (r.ok) expect(r.warning?.th).toContain(String(v));
  });

  it.each<CellValue>(['abc', 1999, 2567.5, '256', 'ปีงบประมาณ', 3000, true])('rejects %j', (v) => {
    const r = parseFiscalYear(v);
    expect(r).toMatchObject({ ok: false, problem: { code: 'fiscal-year-invalid' } });
    if (!r.ok) expect(r.problem.th).toContain(String(v));
  });
});

describe('parseIsoDate', () => {
  it('reads strict YYYY-MM-DD', () => {
    expect(iso(parseIsoDate('2024-03-31') as Date)).toBe('2024-03-31');
  });
  it.each(['2024-3-31', '2024-02-30', '31/03/2567', '2024-03-31T00:00', ''])('rejects %j', (s) => {
    expect(parseIsoDate(s)).toBeNull();
  });
});
