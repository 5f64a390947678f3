/**
 * The `ita-forms` command: list templates, write a new prescribed workbook, check a filled one.
 * Exit status: 0 no errors, 1 errors found, 2 unusable input — always one clear line, never a
 * stack trace.
 */
import { promises as fs } from 'node:fs';
import { catalogue, describeChoice, editionFor, resolveTemplate } from '../domain/templates';
import { checkWorkbook } from '../domain/check';
import { parseFiscalYear, parseIsoDate, utcDate } from '../domain/values/thaiDate';
import { buildWorkbook } from '../xlsx/write';
import { readWorkbookFile } from '../xlsx/read';
import { flag, parseArgs, UsageError } from './args';
import { readAgency, Unusable } from './inputs';
import { textReport } from './textReport';
import { catalogueFlag, catalogueText } from './catalogueFlag';

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_UNUSABLE = 2;

export interface Io {
  out(s: string): void;
  err(s: string): void;
  /** Today in Thailand, injected so tests are deterministic. */
  today(): Date;
}

const USAGE = `ita-forms — แบบ ITA (OIT) เป็นฟอร์มพร้อมตัวตรวจ / ITA workbooks as forms with validators

  ita-forms templates [--catalogue catalogue.json]
  ita-forms new <template> [--edition 2569] [--fiscal-year N] [--agency agency.json] [--website URL] [--rows N] [--catalogue FILE] --out FILE.xlsx
  ita-forms check <FILE.xlsx> [--as-of YYYY-MM-DD] [--fiscal-year N] [--edition E] [--agency agency.json] [--website URL] [--catalogue FILE] [--format text|json]
  ita-forms import <SOURCE.csv|.json|.xlsx>... --template o11|o12|o16|o17 --fiscal-year N [--agency agency.json] [--unit NAME] [--as-of YYYY-MM-DD] [--budget-source TEXT] [--into EXISTING.xlsx] [--publication-copy FILE.xlsx] [--catalogue FILE] --out FILE.xlsx

<template>: an item of the edition — o11 | o12 | o25 | o26 (ITA 2569, the default), o12 | o13 | o27 | o28 (2568),
  o14 | o16 | o17 | o34 | o35 (2567) — or a template id:
  ita-scores, measures-analysis, measures-report, oit-checklist … (ita-forms templates)
--edition: default the latest edition; --fiscal-year N alone selects edition N when there is one
--catalogue FILE: a catalogue file (JSON) adding or correcting an edition, e.g. ITA 2570 (see README)
--website: the agency's main website; OIT checklist URLs must be on it (else taken from the agency profile)`;

function todayInThailand(): Date {
  const now = new Date(Date.now() + 7 * 3600 * 1000);
  return utcDate(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
}

export const nodeIo: Io = {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
  today: todayInThailand,
};

/** "chumponcity.go.th" or "https://www.chumponcity.go.th": an http(s) address, or a clear error. */
function websiteFlag(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const url = /^https?:\/\//i.test(v.trim()) ? v.trim() : `https://${v.trim()}`;
  if (!/^https?:\/\/[^/\s]+\.[^/\s]+/i.test(url)) {
    throw new Unusable(`--website ต้องเป็นที่อยู่เว็บไซต์ เช่น https://www.chumponcity.go.th (ได้รับ "${v}")`, `--website must be a web address, got "${v}"`);
  }
  return url;
}

function fiscalYearFlag(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const p = parseFiscalYear(v);
  if (!p.ok) throw new UsageError(`--fiscal-year ไม่ถูกต้อง: ${p.problem.th}`, `Bad --fiscal-year: ${p.problem.en}`);
  return p.value;
}

async function cmdTemplates(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['catalogue']);
  const loaded = await catalogueFlag(flag(args, 'catalogue'));
  const cat = loaded?.catalogue ?? catalogue;
  if (loaded) {
    io.out(`แค็ตตาล็อก ${flag(args, 'catalogue')} เปลี่ยน / changes:`);
    for (const c of loaded.changes) io.out(`  ${c}`);
    io.out('');
  }
  io.out(`แบบที่มี / templates (ITA ${cat.defaultEdition} เป็นค่าเริ่มต้น / the default):`);
  for (const t of cat.templates) {
    io.out(`\n  ${t.id} — ${t.name} (${t.nameEn})`);
    for (const e of [...t.editions].sort((a, b) => Number(b.edition) - Number(a.edition))) io.out(`    ITA ${e.edition}: ${e.item}  ${e.title}`);
  }
  io.out('\nที่มาของข้อมูลแต่ละฉบับ / sources:');
  for (const e of [...cat.editions].reverse()) io.out(`  ITA ${e}: ${cat.sources?.[e] ?? '-'}`);
  return EXIT_OK;
}

async function cmdNew(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['edition', 'fiscal-year', 'agency', 'out', 'rows', 'website', 'catalogue']);
  const name = args.positional[0];
  if (!name) throw new UsageError('ระบุแบบที่ต้องการ เช่น ita-forms new o16 --out o16.xlsx', 'Name a template, e.g. ita-forms new o16 --out o16.xlsx');
  const out = flag(args, 'out');
  if (!out) throw new UsageError('ระบุไฟล์ผลลัพธ์ด้วย --out FILE.xlsx', 'Give the output file with --out FILE.xlsx');
  if (!out.toLowerCase().endsWith('.xlsx')) throw new UsageError('ไฟล์ผลลัพธ์ต้องลงท้ายด้วย .xlsx', 'The output file must end in .xlsx');
  const website = websiteFlag(flag(args, 'website'));
  const agencyFile = await readAgency(flag(args, 'agency'));
  // The website travels in the workbook's agency profile, for the checks of OIT URLs.
  const fromFiles = website ? { ...agencyFile, website } : agencyFile;
  const fiscalYear = fiscalYearFlag(flag(args, 'fiscal-year')) ?? fromFiles?.fiscalYear;
  // The assessed year travels in the workbook too: sheets without a ปีงบประมาณ column need it for their windows.
  const agency = fiscalYear !== undefined && fromFiles?.fiscalYear === undefined ? { ...fromFiles, fiscalYear } : fromFiles;
  // The edition asked for, else the assessed year's own, else the latest.
  const loaded = await catalogueFlag(flag(args, 'catalogue'));
  const cat = loaded?.catalogue ?? catalogue;
  const edition = editionFor({ edition: flag(args, 'edition'), fiscalYear }, cat);
  const choice = resolveTemplate(name, edition, cat);
  if (!choice) {
    throw new UsageError(`ไม่พบแบบ "${name}" ใน ITA ${edition} (ดูรายการด้วย ita-forms templates หรือระบุ --edition)`, `No template "${name}" in edition ${edition} (see ita-forms templates, or give --edition)`);
  }
  const rowsFlag = flag(args, 'rows');
  const rows = rowsFlag === undefined ? (agency || fiscalYear ? 100 : 0) : Number(rowsFlag);
  if (!Number.isInteger(rows) || rows < 0 || rows > 10000) throw new UsageError('--rows ต้องเป็นจำนวนเต็ม 0–10000', '--rows must be an integer 0–10000');
  const wb = buildWorkbook(choice, { agency, fiscalYear, prefillRows: rows, ...(loaded ? { catalogue: cat, catalogueText: loaded.text } : {}) });
  try {
    await wb.xlsx.writeFile(out);
  } catch (e) {
    throw new Unusable(`เขียนไฟล์ ${out} ไม่ได้ (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, `Cannot write ${out}`);
  }
  io.out(`สร้าง ${describeChoice(choice)} แล้ว: ${out}`);
  return EXIT_OK;
}

async function cmdCheck(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['as-of', 'fiscal-year', 'format', 'edition', 'agency', 'website', 'catalogue']);
  const loadedFlag = await catalogueFlag(flag(args, 'catalogue'));
  const website = websiteFlag(flag(args, 'website'));
  const file = args.positional[0];
  if (!file) throw new UsageError('ระบุไฟล์ที่จะตรวจ เช่น ita-forms check o16.xlsx', 'Name the file to check, e.g. ita-forms check o16.xlsx');
  const format = flag(args, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError('--format ต้องเป็น text หรือ json', '--format must be text or json');
  const asOfText = flag(args, 'as-of');
  const asOf = asOfText === undefined ? undefined : parseIsoDate(asOfText);
  if (asOf === null) throw new UsageError(`--as-of ต้องเป็นวันที่แบบ YYYY-MM-DD (ค.ศ.) ได้ "${asOfText}"`, `--as-of must be YYYY-MM-DD, got "${asOfText}"`);
  const fiscalYear = fiscalYearFlag(flag(args, 'fiscal-year'));
  const agencyFlag = await readAgency(flag(args, 'agency'));

  let head: Buffer;
  try {
    const fh = await fs.open(file, 'r');
    try {
      head = Buffer.alloc(4);
      await fh.read(head, 0, 4, 0);
    } finally {
      await fh.close();
    }
  } catch {
    throw new Unusable(`ไม่พบไฟล์หรือเปิดไม่ได้: ${file}`, `File not found or unreadable: ${file}`);
  }
  if (head[0] !== 0x50 || head[1] !== 0x4b) {
    throw new Unusable(`${file} ไม่ใช่ไฟล์ Excel .xlsx (ถ้าเป็น .xls ให้บันทึกเป็น .xlsx ก่อน)`, `${file} is not an .xlsx workbook (save .xls files as .xlsx first)`);
  }
  let loaded;
  try {
    loaded = await readWorkbookFile(file);
  } catch {
    throw new Unusable(`${file} เสียหายหรืออ่านไม่ได้`, `${file} is corrupt or cannot be read`);
  }
  const agency = agencyFlag ?? loaded.meta.agency;
  // The catalogue given, else the one the workbook keeps (a province's ITA 2570 file).
  const cat = loadedFlag?.catalogue ?? (loaded.meta.catalogue ? catalogueText(loaded.meta.catalogue, `${file} (ita-forms)`).catalogue : catalogue);
  const report = checkWorkbook(loaded.sheets, { today: io.today(), asOf, fiscalYear, agency, edition: flag(args, 'edition'), website }, (sheet) => {
    const b = loaded.meta.sheets[sheet];
    return b ? { templateId: b.template, edition: flag(args, 'edition') ?? b.edition } : {};
  }, cat);
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
}

export async function run(argv: readonly string[], io: Io = nodeIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'templates':
        return await cmdTemplates(rest, io);
      case 'new':
        return await cmdNew(rest, io);
      case 'check':
        return await cmdCheck(rest, io);
      case 'import': return await (await import('./import')).cmdImport(rest, io);
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.out(USAGE);
        return command === undefined ? EXIT_UNUSABLE : EXIT_OK;
      default:
        throw new UsageError(`ไม่รู้จักคำสั่ง "${command}"`, `Unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof Unusable || e instanceof UsageError) {
      io.err(`ita-forms: ${e.th} | ${e.en}`);
      return EXIT_UNUSABLE;
    }
    io.err(`ita-forms: เกิดข้อผิดพลาดที่ไม่คาดคิด | unexpected failure: ${(e as Error).message}`);
    return EXIT_UNUSABLE;
  }
}
