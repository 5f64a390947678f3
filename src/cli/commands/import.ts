/**
 * `ita-forms import`: its options, declared here; the work is in ../import.ts, loaded only when
 * the command runs.
 */
import type { Command } from '../command';
import { AGENCY, AS_OF, CATALOGUE, EDITION, FISCAL_YEAR, FORCE } from './options';

export const importCommand: Command = {
  name: 'import',
  operands: '<SOURCE.csv|.txt|.json|.xlsx>...',
  summary: 'ita-forms import — เติม o16/o17 จากข้อมูล e-GP, แบบ สขร.1 หรือรายการรูปแบบอื่น / fill the procurement lists (2569 o11/o12, 2567 o16/o17…) from e-GP data, สขร.1 sheets or another list',
  options: {
    template: { type: 'string', value: 'o11|o12|o16|o17', required: true, help: 'แบบที่จะเติม / the template to fill' },
    edition: EDITION,
    'fiscal-year': { ...FISCAL_YEAR, required: true },
    agency: AGENCY,
    unit: { type: 'string', value: 'NAME', help: 'ชื่อหน่วยงานในข้อมูล e-GP / the agency name in the e-GP data' },
    'as-of': { ...AS_OF, help: 'สถานะการจัดซื้อจัดจ้าง ณ วันที่ (ค.ศ.) / procurement status as of this date' },
    'budget-source': { type: 'string', value: 'TEXT', help: 'แหล่งที่มาของงบประมาณ / the budget source for every row' },
    into: { type: 'string', value: 'EXISTING.xlsx', help: 'เพิ่มต่อท้ายไฟล์ที่มีอยู่ (ไฟล์เดิมไม่ถูกแก้) / append to this workbook (left unchanged)' },
    'publication-copy': { type: 'string', value: 'FILE.xlsx', help: 'สำเนาสำหรับเผยแพร่ที่ปิดเลขประจำตัวประชาชน / a copy with citizen IDs masked' },
    encoding: { type: 'string', value: 'utf-8|windows-874|utf-16le|utf-16be', help: 'การเข้ารหัสของ CSV (ปกติตรวจเอง) / the CSV encoding (detected when absent)' },
    catalogue: CATALOGUE,
    out: { type: 'string', value: 'FILE.xlsx', required: true, help: 'ไฟล์ผลลัพธ์ / the workbook to write' },
    force: FORCE,
  },
  notes: ['Exit status: 0 รายการที่นำเข้าไม่มีข้อผิดพลาด / no errors, 1 มีข้อผิดพลาด / errors, 2 ใช้ข้อมูลไม่ได้ / unusable input'],
  async run(args, io) {
    return (await import('../import')).runImport(args, io);
  },
};
