import { methodResolver } from '../../../src/domain/import/method';

const resolve = methodResolver();

describe('method names → the official list', () => {
  it.each([
    ['ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)', 'ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)'],
    ['ตลาดอิเล็กทรอนิกส์ (e-market)', 'วิธีตลาดอิเล็กทรอนิกส์ (e-market)'],
    ['เฉพาะเจาะจง', 'วิธีเฉพาะเจาะจง'],
    ['คัดเลือก', 'วิธีคัดเลือก'],
    ['สอบราคา', 'วิธีสอบราคา'],
  ])('%s → %s', (name, official) => {
    expect(resolve(name, 'วิธีการจัดหา ประกาศเชิญชวนทั่วไป คัดเลือก เฉพาะเจาะจง')).toEqual({ ok: true, value: official });
  });

  it('narrows งานจ้างที่ปรึกษา by a group that names one family', () => {
    expect(resolve('งานจ้างที่ปรึกษา', 'วิธีคัดเลือก')).toEqual({ ok: true, value: 'จ้างที่ปรึกษาโดยวิธีคัดเลือก' });
    expect(resolve('งานจ้างที่ปรึกษา', 'เฉพาะเจาะจง')).toEqual({ ok: true, value: 'จ้างที่ปรึกษาโดยวิธีเฉพาะเจาะจง' });
    expect(resolve('งานจ้างออกแบบและควบคุมงาน', 'ประกาศเชิญชวนทั่วไป')).toEqual({ ok: true, value: 'จ้างออกแบบหรือควบคุมงานก่อสร้างโดยวิธีประกาศเชิญชวนทั่วไป' });
  });

  it('leaves it ambiguous when the group names every family (the catch-all group)', () => {
    const r = resolve('งานจ้างที่ปรึกษา', 'วิธีการจัดหา ประกาศเชิญชวนทั่วไป คัดเลือก เฉพาะเจาะจง');
    expect(r).toMatchObject({ ok: false, code: 'method-ambiguous' });
    expect(!r.ok && r.th).toContain('จ้างที่ปรึกษาโดยวิธีคัดเลือก');
  });

  it('reads the datastore whose method and group columns are swapped', () => {
    expect(resolve('วิธีการจัดหา ประกาศเชิญชวนทั่วไป คัดเลือก เฉพาะเจาะจง', 'เฉพาะเจาะจง')).toEqual({ ok: true, value: 'วิธีเฉพาะเจาะจง' });
  });

  it('reports an unknown or missing method', () => {
    expect(resolve('วิธีพิเศษเฉพาะกิจ', undefined)).toMatchObject({ ok: false, code: 'method-unknown' });
    expect(resolve(undefined, null)).toMatchObject({ ok: false, code: 'method-missing' });
  });
});
