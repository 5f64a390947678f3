/** `ita-forms new`: a new prescribed workbook, written atomically, never over an existing file without --force. */
import { catalogue, describeChoice, editionFor } from '../../domain/templates';
import { catalogueFlag } from '../catalogueFlag';
import { writeWorkbookAtomic } from '../../xlsx/atomicWrite';
import { booleanOption, stringOption, UsageError } from '../args';
import type { Command } from '../command';
import { readAgency, Unusable } from '../inputs';
import { EXIT_OK } from '../io';
import { checkOutputs } from '../outputs';
import { chooseTemplate } from '../templateChoice';
import { AGENCY, CATALOGUE, EDITION, FISCAL_YEAR, fiscalYearOption, FORCE, oneOperand, WEBSITE, websiteOption } from './options';

const MAX_ROWS = 10000;

export const newCommand: Command = {
  name: 'new',
  operands: '<template>',
  summary: 'ita-forms new — สร้างไฟล์ Excel ตามแบบที่กำหนด พร้อมรายการให้เลือกและตัวตรวจ / write a new prescribed workbook',
  options: {
    edition: EDITION,
    'fiscal-year': FISCAL_YEAR,
    agency: AGENCY,
    website: WEBSITE,
    'prefill-rows': { type: 'string', value: 'N', help: `จำนวนแถวที่เติมข้อมูลหน่วยงานไว้ให้ (0–${MAX_ROWS}, ค่าเริ่มต้น 0) / rows pre-filled with the agency's columns (default 0)` },
    rows: { type: 'string', value: 'N', help: 'ชื่อเดิมของ --prefill-rows / the former name of --prefill-rows' },
    out: { type: 'string', value: 'FILE.xlsx', required: true, help: 'ไฟล์ที่จะสร้าง / the workbook to write' },
    catalogue: CATALOGUE,
    force: FORCE,
  },
  notes: [
    '<template>: an item of the edition — o11 | o12 | o25 | o26 (ITA 2569, the default), o12 | o13 | o27 | o28 (2568), o14 | o16 | o17 | o34 | o35 (2567) — or a template id (ita-forms templates)',
  ],
  async run(args, io) {
    const name = oneOperand('new', args.positional, { th: 'แบบที่ต้องการ เช่น ita-forms new o16 --out o16.xlsx', en: 'a template, e.g. ita-forms new o16 --out o16.xlsx' });
    const out = stringOption(args, 'out');
    if (!out) throw new UsageError('ระบุไฟล์ผลลัพธ์ด้วย --out FILE.xlsx', 'Give the output file with --out FILE.xlsx');
    if (!out.toLowerCase().endsWith('.xlsx')) throw new UsageError('ไฟล์ผลลัพธ์ต้องลงท้ายด้วย .xlsx', 'The output file must end in .xlsx');
    const website = websiteOption(stringOption(args, 'website'));
    const agencyPath = stringOption(args, 'agency');
    const rowsText = stringOption(args, 'prefill-rows') ?? stringOption(args, 'rows');
    const rowsAsked = rowsText === undefined ? undefined : Number(rowsText);
    if (rowsAsked !== undefined && (!Number.isInteger(rowsAsked) || rowsAsked < 0 || rowsAsked > MAX_ROWS)) {
      throw new UsageError(`--prefill-rows ต้องเป็นจำนวนเต็ม 0–${MAX_ROWS}`, `--prefill-rows must be an integer 0–${MAX_ROWS}`);
    }
    const [target] = await checkOutputs([{ role: '--out', file: out }], agencyPath ? [{ role: '--agency', file: agencyPath }] : [], booleanOption(args, 'force'));
    const agencyFile = await readAgency(agencyPath);
    // The website travels in the workbook's agency profile, for the checks of OIT URLs.
    const fromFiles = website ? { ...agencyFile, website } : agencyFile;
    const fiscalYear = fiscalYearOption(stringOption(args, 'fiscal-year')) ?? fromFiles?.fiscalYear;
    // The assessed year travels in the workbook too: sheets without a ปีงบประมาณ column need it for their windows.
    const agency = fiscalYear !== undefined && fromFiles?.fiscalYear === undefined ? { ...fromFiles, fiscalYear } : fromFiles;
    // The edition asked for, else the assessed year's own, else the latest.
    const loaded = await catalogueFlag(stringOption(args, 'catalogue'));
    const cat = loaded?.catalogue ?? catalogue;
    const choice = chooseTemplate(name, editionFor({ edition: stringOption(args, 'edition'), fiscalYear }, cat), cat);
    // Rows pre-filled with the agency columns only on request: unused, they would be published half empty.
    const rows = rowsAsked ?? 0;
    // exceljs is loaded only by the commands that touch a workbook: `templates` and `--help` start at once.
    const { buildWorkbook } = await import('../../xlsx/write');
    const wb = buildWorkbook(choice, { agency, fiscalYear, prefillRows: rows, ...(loaded ? { catalogue: cat, catalogueText: loaded.text } : {}) });
    try {
      await writeWorkbookAtomic(wb, target.writePath);
    } catch (e) {
      throw new Unusable(`เขียนไฟล์ ${out} ไม่ได้ (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, `Cannot write ${out}`);
    }
    io.out(`${target.exists ? 'แทนที่' : 'สร้าง'} ${describeChoice(choice)} แล้ว: ${out}`);
    return EXIT_OK;
  },
};
