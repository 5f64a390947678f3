/**
 * `ita-forms check`: one workbook, or many files, folders and patterns checked on every core, with
 * an optional report across them and an opt-in check of the published links. The work is in
 * ../checkMany.ts, loaded only when the command runs.
 */
import { booleanOption, stringOption, UsageError } from '../args';
import type { Command } from '../command';
import { catalogueFlag } from '../catalogueFlag';
import { readAgency } from '../inputs';
import { AGENCY, AS_OF, CATALOGUE, asOfOption, EDITION, FISCAL_YEAR, fiscalYearOption, FORCE, WEBSITE, websiteOption } from './options';

export const checkCommand: Command = {
  name: 'check',
  operands: '<FILE.xlsx|FOLDER|PATTERN>...',
  summary: 'ita-forms check — ตรวจไฟล์ที่กรอกแล้วว่าครบและถูกต้องก่อนเผยแพร่ / check filled workbooks before publishing',
  options: {
    'as-of': AS_OF,
    'fiscal-year': FISCAL_YEAR,
    edition: EDITION,
    agency: AGENCY,
    website: { ...WEBSITE, help: 'เว็บไซต์หลักของหน่วยงาน: ลิงก์ใน OIT ต้องอยู่บนเว็บนี้ / OIT checklist URLs must be on it' },
    format: { type: 'string', value: 'text|json', help: 'รูปแบบรายงาน / report format (default text)' },
    report: { type: 'string', value: 'REPORT.xlsx|.csv|.json|.html', help: 'เขียนรายงานรวมทุกไฟล์ / write a report across the files' },
    force: { ...FORCE, help: 'แทนที่ไฟล์รายงานที่มีอยู่แล้ว / replace an existing report file' },
    'check-links': { type: 'boolean', help: 'เปิดทุกลิงก์ที่เผยแพร่ (ใช้เครือข่าย) / open every published URL (uses the network)' },
    'link-timeout': { type: 'string', value: 'SECONDS', help: 'เวลารอแต่ละลิงก์ (ค่าเริ่มต้น 15) / time limit per link (default 15)' },
    catalogue: CATALOGUE,
    jobs: { type: 'string', value: 'N', help: 'จำนวนงานตรวจพร้อมกัน (ค่าเริ่มต้น ทุกแกน) / files checked at once (default: every core)' },
  },
  notes: [
    'Many files, folders (every .xlsx inside) and patterns ("จังหวัด/**/*.xlsx") are checked on every core.',
    'Exit status: 0 ไม่มีข้อผิดพลาด / no errors, 1 มีข้อผิดพลาด / errors found, 2 ใช้ไฟล์ไม่ได้ / some input unusable',
  ],
  async run(args, io) {
    const website = websiteOption(stringOption(args, 'website'));
    const format = stringOption(args, 'format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError('--format ต้องเป็น text หรือ json', '--format must be text or json');
    const asOf = asOfOption(stringOption(args, 'as-of'));
    const fiscalYear = fiscalYearOption(stringOption(args, 'fiscal-year'));
    const agency = await readAgency(stringOption(args, 'agency'));
    // A broken catalogue file is one line before any file is checked.
    const catalogueFile = stringOption(args, 'catalogue');
    const loaded = await catalogueFlag(catalogueFile);
    const { checkCommand: checkMany, jobsFlag, linkTimeoutFlag } = await import('../checkMany');
    return checkMany(args.positional, {
      file: { today: io.today(), asOf, fiscalYear, agency, edition: stringOption(args, 'edition'), website, ...(loaded && catalogueFile ? { catalogue: { text: loaded.text, file: catalogueFile } } : {}) },
      format,
      report: stringOption(args, 'report'),
      force: booleanOption(args, 'force'),
      links: booleanOption(args, 'check-links') ? { timeoutMs: linkTimeoutFlag(stringOption(args, 'link-timeout')) } : undefined,
      jobs: jobsFlag(stringOption(args, 'jobs')),
    }, io);
  },
};
