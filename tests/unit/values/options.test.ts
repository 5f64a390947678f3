import type { CellValue } from '../../../src/domain/grid';
import { compileOptions, matcherFor, optionKey, type OptionList } from '../../../src/domain/values/options';

const SPECIFIC = 'วิธีเฉพาะเจาะจง';
const SELECTION = 'วิธีคัดเลือก';
const EBIDDING = 'ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)';
const INQUIRY = 'วิธีสอบราคา';

const methods: OptionList = {
  id: 'procurementMethod',
  options: [
    { value: EBIDDING, synonyms: ['e-bidding', 'ประกวดราคาอิเล็กทรอนิกส์', 'วิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)'] },
    { value: 'วิธีตลาดอิเล็กทรอนิกส์ (e-market)', synonyms: ['e-market', 'ตลาดอิเล็กทรอนิกส์'] },
    { value: SELECTION, synonyms: ['คัดเลือก'] },
    { value: SPECIFIC, synonyms: ['เฉพาะเจาะจง', 'เฉพาะเจาะจงตามมาตรา 56'] },
    { value: 'จ้างที่ปรึกษาโดยวิธีคัดเลือก' },
    { value: 'จ้างที่ปรึกษาโดยวิธีเฉพาะเจาะจง' },
    { value: INQUIRY, synonyms: ['สอบราคา'], legacy: true },
  ],
  ambiguous: [
    { text: 'วิธีพิเศษ', choices: [SELECTION, SPECIFIC] },
    { text: 'ตกลงราคา', choices: [SPECIFIC] },
  ],
};

const m = compileOptions(methods);

describe('optionKey', () => {
  it('ignores spacing, case, Thai digits and dash kinds', () => {
    expect(optionKey('วิธี เฉพาะ\nเจาะจง')).toBe('วิธีเฉพาะเจาะจง');
    expect(optionKey('E–Bidding')).toBe('e-bidding');
    expect(optionKey('เฉพาะเจาะจงตามมาตรา ๕๖')).toBe('เฉพาะเจาะจงตามมาตรา56');
    expect(optionKey('พ.ร.บ. งบประมาณรายจ่าย')).toBe('พ.ร.บ.งบประมาณรายจ่าย');
  });
});

describe('OptionMatcher.match', () => {
  it.each<CellValue>([SPECIFIC, EBIDDING, `  ${SPECIFIC} `, `${SPECIFIC}\n`])('accepts the official value %j', (v) => {
    const r = m.match(v);
    expect(r.ok && r.warning).toBeFalsy();
    expect(r).toMatchObject({ ok: true });
  });

  it.each<[string, string]>([
    ['วิธี เฉพาะเจาะจง', SPECIFIC],
    ['ประกวดราคาอิเล็กทรอนิกส์(E-Bidding)', EBIDDING],
    ['เฉพาะเจาะจง', SPECIFIC],
    ['เฉพาะเจาะจงตามมาตรา ๕๖', SPECIFIC],
    ['E-bidding', EBIDDING],
    ['e‑bidding', EBIDDING],
    ['คัดเลือก', SELECTION],
  ])('maps %j to the official wording with a warning', (v, official) => {
    const r = m.match(v);
    expect(r).toMatchObject({ ok: true, value: official, warning: { code: 'option-synonym', severity: 'warning' } });
    if (r.ok) {
      expect(r.warning?.th).toContain(`"${v}"`);
      expect(r.warning?.th).toContain(`"${official}"`);
      expect(r.warning?.en).toContain('official wording');
    }
  });

  it('accepts a legacy option with its own warning', () => {
    expect(m.match('สอบราคา')).toMatchObject({ ok: true, value: INQUIRY, warning: { code: 'option-legacy' } });
    expect(m.match(INQUIRY)).toMatchObject({ ok: true, value: INQUIRY, warning: { code: 'option-legacy' } });
  });

  it('lists the choices for an ambiguous text', () => {
    const r = m.match('วิธี พิเศษ');
    expect(r).toMatchObject({ ok: false, problem: { code: 'option-ambiguous', severity: 'error' } });
    if (!r.ok) {
      expect(r.problem.th).toContain('"วิธี พิเศษ"');
      expect(r.problem.th).toContain(SELECTION);
      expect(r.problem.th).toContain(SPECIFIC);
    }
    const one = m.match('ตกลงราคา');
    expect(one).toMatchObject({ ok: false, problem: { code: 'option-ambiguous' } });
    if (!one.ok) expect(one.problem.th).toContain(SPECIFIC);
  });

  it('names an unknown value and shows the first five current values', () => {
    const r = m.match('ซื้อออนไลน์');
    expect(r).toMatchObject({ ok: false, problem: { code: 'option-unknown' } });
    if (!r.ok) {
      expect(r.problem.th).toContain('"ซื้อออนไลน์"');
      expect(r.problem.th).toContain(EBIDDING);
      expect(r.problem.th).toContain('จ้างที่ปรึกษาโดยวิธีคัดเลือก');
      expect(r.problem.th).not.toContain('จ้างที่ปรึกษาโดยวิธีเฉพาะเจาะจง');
      expect(r.problem.th).not.toContain(INQUIRY);
      expect(r.problem.th).toContain('อีก 1 รายการ');
    }
  });

  it('treats two options claiming one synonym as ambiguous', () => {
    const list: OptionList = {
      id: 'x',
      options: [
        { value: 'เงินอุดหนุนทั่วไป', synonyms: ['อุดหนุน'] },
        { value: 'เงินอุดหนุนเฉพาะกิจ', synonyms: ['อุดหนุน'] },
      ],
    };
    expect(compileOptions(list).match('อุดหนุน')).toMatchObject({ ok: false, problem: { code: 'option-ambiguous' } });
  });

  it('reads numbers through their text', () => {
    const list: OptionList = { id: 'q', options: [{ value: '1' }, { value: '2', synonyms: ['๒'] }] };
    const qm = compileOptions(list);
    expect(qm.match(1)).toEqual({ ok: true, value: '1' });
    expect(qm.match('๒')).toMatchObject({ ok: true, value: '2', warning: { code: 'option-synonym' } });
  });

  it.each<CellValue>([null, '', ' ', '-'])('%j is blank', (v) => {
    expect(m.match(v)).toMatchObject({ ok: false, problem: { code: 'blank' } });
  });

  it('gives the same answer from its cache', () => {
    expect(m.match('เฉพาะเจาะจง')).toBe(m.match('เฉพาะเจาะจง'));
  });

  it('exposes the official values and compiles a list once', () => {
    expect(m.values[0]).toBe(EBIDDING);
    expect(matcherFor(methods)).toBe(matcherFor(methods));
  });
});

describe("the agencies' own wordings", () => {
  const withTails = compileOptions({
    ...methods,
    suffixes: ['(?:ตาม)?\\s*(?:ม\\.|มาตรา)\\s*5[56].*'],
  });
  const status = compileOptions({
    id: 'publishStatus',
    options: [{ value: 'ดำเนินการแล้ว' }, { value: 'ยังไม่ได้ดำเนินการ' }],
    phrases: [
      { text: 'ยังไม่ได้ดำเนินการ', value: 'ยังไม่ได้ดำเนินการ' },
      { text: '✓', value: 'ดำเนินการแล้ว' },
      { text: 'เผยแพร่', value: 'ดำเนินการแล้ว' },
    ],
  });

  it('a tail naming the legal ground is read as the method, with the official wording as a synonym', () => {
    expect(withTails.match('วิธีเฉพาะเจาะจง ม.56(2)(ข)')).toMatchObject({ ok: true, value: SPECIFIC, warning: { code: 'option-synonym' } });
    expect(withTails.match('เฉพาะเจาะจง ตามมาตรา ๕๖ (๒) (ข)')).toMatchObject({ ok: true, value: SPECIFIC });
    expect(withTails.match('ม.56(2)(ข)')).toMatchObject({ ok: false });
  });

  it('a sentence or a ticked box says the status, unflagged; an unticked box says nothing', () => {
    expect(status.match('✓ เปิดเผยแพร่ข้อมูลครบถ้วนตามองค์ประกอบที่กำหนด')).toEqual({ ok: true, value: 'ดำเนินการแล้ว' });
    expect(status.match('☐ ดำเนินการแล้ว ☑ ยังไม่ได้ดำเนินการ')).toEqual({ ok: true, value: 'ยังไม่ได้ดำเนินการ' });
    expect(status.match('☐ เผยแพร่')).toMatchObject({ ok: false, problem: { code: 'option-unknown' } });
  });
});
