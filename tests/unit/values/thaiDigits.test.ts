import { cellText, isPlaceholder, normalizeSpaces, toArabicDigits } from '../../../src/domain/values/thaiDigits';

describe('toArabicDigits', () => {
  it('turns Thai digits into ASCII digits', () => {
    expect(toArabicDigits('๑,๒๓๔ บาท')).toBe('1,234 บาท');
    expect(toArabicDigits('๐๑๒๓๔๕๖๗๘๙')).toBe('0123456789');
    expect(toArabicDigits('ปีงบประมาณ ๒๕๖๗')).toBe('ปีงบประมาณ 2567');
  });
  it('returns the same string when there is no Thai digit', () => {
    const s = '31 มี.ค. 2567';
    expect(toArabicDigits(s)).toBe(s);
  });
});

describe('normalizeSpaces', () => {
  it('trims and collapses NBSP, tabs, line breaks and zero-width spaces', () => {
    expect(normalizeSpaces('  วิธี\u00A0เฉพาะ\tเจาะจง \r\n ')).toBe('วิธี เฉพาะ เจาะจง');
    expect(normalizeSpaces('ตลาด\u200Bอิเล็กทรอนิกส์')).toBe('ตลาด อิเล็กทรอนิกส์');
    expect(normalizeSpaces('a    b')).toBe('a b');
  });
  it('removes joiners and the BOM', () => {
    expect(normalizeSpaces('\uFEFFสิ้นสุด\u200Dสัญญา')).toBe('สิ้นสุดสัญญา');
  });
  it('leaves clean text alone', () => {
    expect(normalizeSpaces('อยู่ระหว่างระยะสัญญา')).toBe('อยู่ระหว่างระยะสัญญา');
    expect(normalizeSpaces('')).toBe('');
  });
});

describe('cellText', () => {
  it('shows each kind of cell value', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText('  ๑,๒๐๐ บาท\n')).toBe('๑,๒๐๐ บาท');
    expect(cellText(1234.5)).toBe('1234.5');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(false)).toBe('FALSE');
    expect(cellText(new Date(Date.UTC(2024, 2, 31)))).toBe('2024-03-31');
  });
});

describe('isPlaceholder', () => {
  it.each(['-', '--', '...', '–', '—', ' - ', '…', '-\u00A0-', '', '   '])('%j counts as empty', (s) => {
    expect(isPlaceholder(s)).toBe(true);
  });
  it.each(['0', 'ไม่มี', '12,000.-', '-5', 'a'])('%j is data', (s) => {
    expect(isPlaceholder(s)).toBe(false);
  });
});

describe('toArabicDigits on long text', () => {
  it('converts text longer than the fast path handles', () => {
    const long = '๑'.repeat(5000);
    expect(toArabicDigits(long)).toBe('1'.repeat(5000));
    expect(toArabicDigits('ก'.repeat(10) + '๙')).toBe('ก'.repeat(10) + '9');
  });
});
