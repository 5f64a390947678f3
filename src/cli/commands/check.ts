/** `ita-forms check`: the report of a filled workbook, in Thai (or JSON), with its exit status. */
import { checkWorkbook } from '../../domain/check';
import { inspectWorkbookFile } from '../../xlsx/inspectFile';
import { stringOption, UsageError } from '../args';
import type { Command } from '../command';
import { readAgency, Unusable } from '../inputs';
import { EXIT_ERRORS, EXIT_OK } from '../io';
import { textReport } from '../textReport';
import { AGENCY, AS_OF, asOfOption, EDITION, FISCAL_YEAR, fiscalYearOption, oneOperand, WEBSITE, websiteOption } from './options';

export const checkCommand: Command = {
  name: 'check',
  operands: '<FILE.xlsx>',
  summary: 'ita-forms check — ตรวจไฟล์ที่กรอกแล้วว่าครบและถูกต้องก่อนเผยแพร่ / check a filled workbook before publishing',
  options: {
    'as-of': AS_OF,
    'fiscal-year': FISCAL_YEAR,
    edition: EDITION,
    agency: AGENCY,
    website: { ...WEBSITE, help: 'เว็บไซต์หลักของหน่วยงาน: ลิงก์ใน OIT ต้องอยู่บนเว็บนี้ / OIT checklist URLs must be on it' },
    format: { type: 'string', value: 'text|json', help: 'รูปแบบรายงาน / report format (default text)' },
  },
  notes: ['Exit status: 0 ไม่มีข้อผิดพลาด / no errors, 1 มีข้อผิดพลาด / errors found, 2 ใช้ไฟล์ไม่ได้ / unusable input'],
  async run(args, io) {
    const website = websiteOption(stringOption(args, 'website'));
    const file = oneOperand('check', args.positional, { th: 'ไฟล์ที่จะตรวจ เช่น ita-forms check o16.xlsx', en: 'the file to check, e.g. ita-forms check o16.xlsx' });
    const format = stringOption(args, 'format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError('--format ต้องเป็น text หรือ json', '--format must be text or json');
    const asOf = asOfOption(stringOption(args, 'as-of'));
    const fiscalYear = fiscalYearOption(stringOption(args, 'fiscal-year'));
    const edition = stringOption(args, 'edition');
    const agencyFlag = await readAgency(stringOption(args, 'agency'));

    // What the file is, and whether it is safe to inflate, before any of it is read.
    await inspectWorkbookFile(file);
    let loaded;
    try {
      // exceljs is loaded only by the commands that touch a workbook.
      const { readWorkbookFile } = await import('../../xlsx/streamRead');
      loaded = await readWorkbookFile(file);
    } catch {
      throw new Unusable(`${file} เสียหายหรืออ่านไม่ได้`, `${file} is corrupt or cannot be read`);
    }
    const agency = agencyFlag ?? loaded.meta.agency;
    const report = checkWorkbook(loaded.sheets, { today: io.today(), asOf, fiscalYear, agency, edition, website }, (sheet) => {
      const b = loaded.meta.sheets[sheet];
      return b ? { templateId: b.template, edition: edition ?? b.edition } : {};
    });
    if (!report.sheets.some((s) => s.template)) {
      throw new Unusable(`${file}: ไม่พบแบบที่รู้จักในแผ่นงานใดเลย (หัวตารางไม่ตรงกับแบบใดในรายการ ita-forms templates)`, `${file}: no sheet holds a recognised template`);
    }
    if (format === 'json') {
      const doc = {
        file,
        errors: report.errors,
        warnings: report.warnings,
        sheets: report.sheets.map((s) => ({
          sheet: s.sheet,
          template: s.template,
          edition: s.edition,
          headerRow: s.headerRow,
          rows: s.rows,
          issues: s.issues.map((i) => ({ severity: i.severity, code: i.code, row: i.row, column: i.column, field: i.field, message: i.message })),
          // Derived values (the ITA overall score and level…), only where the template derives some.
          ...(s.figures ? { figures: s.figures.map((f) => ({ key: f.key, label: f.label, value: f.value })) } : {}),
        })),
      };
      io.out(JSON.stringify(doc, null, 2));
    } else {
      io.out(textReport(file, report));
    }
    return report.errors > 0 ? EXIT_ERRORS : EXIT_OK;
  },
};
