/**
 * `ita-forms fix FILE --out FIXED.xlsx`: its options, declared here; the work is in ../fix.ts,
 * loaded only when the command runs.
 */
import type { Command } from '../command';
import { AGENCY, AS_OF, EDITION, FISCAL_YEAR, FORCE, WEBSITE } from './options';

export const fixCommand: Command = {
  name: 'fix',
  operands: '<FILE.xlsx>',
  summary: 'ita-forms fix — เขียนการแก้ที่ปลอดภัยลงในสำเนา ไม่แก้ไฟล์ต้นฉบับ / write the safe fixes into a copy, never the input',
  options: {
    out: { type: 'string', value: 'FIXED.xlsx', required: true, help: 'ไฟล์ใหม่ที่จะเขียน / the new workbook to write' },
    only: { type: 'string', value: 'CODE,...', help: 'แก้เฉพาะรหัสเหล่านี้ / only these issue codes' },
    force: FORCE,
    'as-of': AS_OF,
    'fiscal-year': FISCAL_YEAR,
    edition: EDITION,
    agency: AGENCY,
    website: WEBSITE,
  },
  notes: ['Exit status: 0 ไม่เหลือข้อผิดพลาด / no errors left, 1 ยังมีข้อผิดพลาดที่ต้องแก้เอง / errors left to fix by hand, 2 ใช้ไฟล์ไม่ได้ / unusable input'],
  async run(args, io) {
    return (await import('../fix')).runFix(args, io);
  },
};
