/**
 * The `ita-forms` command: list templates, write a new prescribed workbook, check a filled one.
 * Exit status: 0 no errors, 1 errors found, 2 unusable input — always one clear line, never a
 * stack trace.
 */
import { catalogue, describeChoice, resolveTemplate } from '../domain/templates';
import { parseFiscalYear, parseIsoDate, utcDate } from '../domain/values/thaiDate';
import { buildWorkbook } from '../xlsx/write';
import { flag, parseArgs, UsageError } from './args';
import { readAgency, Unusable } from './inputs';
import { stderrSink, type ProgressSink } from './progress';

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_UNUSABLE = 2;

export interface Io {
  out(s: string): void;
  err(s: string): void;
  /** Today in Thailand, injected so tests are deterministic. */
  today(): Date;
  /** Where `check` over many files shows its progress (a terminal gets a bar). */
  progress?: ProgressSink;
}

const USAGE = `ita-forms — แบบ ITA (OIT) เป็นฟอร์มพร้อมตัวตรวจ / ITA workbooks as forms with validators

  ita-forms templates
  ita-forms new <template> [--edition 2567] [--fiscal-year N] [--agency agency.json] [--website URL] [--rows N] --out FILE.xlsx
  ita-forms check <FILE.xlsx|FOLDER|PATTERN>... [--as-of YYYY-MM-DD] [--fiscal-year N] [--edition E] [--agency agency.json] [--website URL] [--format text|json]
        [--report REPORT.xlsx|.csv|.json|.html] [--force] [--check-links [--link-timeout SECONDS]] [--jobs N]
  ita-forms fix <FILE.xlsx> --out FIXED.xlsx [--only CODE,...] [--as-of YYYY-MM-DD] [--fiscal-year N] [--agency agency.json] [--website URL]
  ita-forms import <SOURCE.csv|.json|.xlsx>... --template o16|o17 --fiscal-year N [--agency agency.json] [--unit NAME] [--as-of YYYY-MM-DD] [--budget-source TEXT] [--into EXISTING.xlsx] [--publication-copy FILE.xlsx] --out FILE.xlsx

<template>: o14 | o16 | o17 | o34 | o35 (ITA 2567), o12 | o13 (2568), o11 | o12 (2569), or a template id:
  ita-scores, measures-analysis, measures-report, oit-checklist … (ita-forms templates)
--website: the agency's main website; OIT checklist URLs must be on it (else taken from the agency profile)
check: many files, folders (all .xlsx inside) and patterns ("จังหวัด/**/*.xlsx") are checked on every core;
  exit 0 no errors, 1 errors, 2 some input unusable. --check-links opens every published URL (the only network use).
fix: writes the check's safe fixes into a copy; the input file is never written`;

function todayInThailand(): Date {
  const now = new Date(Date.now() + 7 * 3600 * 1000);
  return utcDate(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
}

export const nodeIo: Io = {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
  today: todayInThailand,
  progress: stderrSink,
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

function cmdTemplates(io: Io): number {
  io.out('แบบที่มี / templates:');
  for (const t of catalogue.templates) {
    io.out(`\n  ${t.id} — ${t.name} (${t.nameEn})`);
    for (const e of t.editions) io.out(`    ITA ${e.edition}: ${e.item}  ${e.title}`);
  }
  return EXIT_OK;
}

async function cmdNew(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['edition', 'fiscal-year', 'agency', 'out', 'rows', 'website']);
  const name = args.positional[0];
  if (!name) throw new UsageError('ระบุแบบที่ต้องการ เช่น ita-forms new o16 --out o16.xlsx', 'Name a template, e.g. ita-forms new o16 --out o16.xlsx');
  const out = flag(args, 'out');
  if (!out) throw new UsageError('ระบุไฟล์ผลลัพธ์ด้วย --out FILE.xlsx', 'Give the output file with --out FILE.xlsx');
  if (!out.toLowerCase().endsWith('.xlsx')) throw new UsageError('ไฟล์ผลลัพธ์ต้องลงท้ายด้วย .xlsx', 'The output file must end in .xlsx');
  const edition = flag(args, 'edition');
  const choice = resolveTemplate(name, edition);
  if (!choice) {
    throw new UsageError(`ไม่พบแบบ "${name}"${edition ? ` ใน ITA ${edition}` : ''} (ดูรายการด้วย ita-forms templates)`, `No template "${name}"${edition ? ` in edition ${edition}` : ''} (see ita-forms templates)`);
  }
  const website = websiteFlag(flag(args, 'website'));
  const agencyFile = await readAgency(flag(args, 'agency'));
  // The website travels in the workbook's agency profile, for the checks of OIT URLs.
  const agency = website ? { ...agencyFile, website } : agencyFile;
  const fiscalYear = fiscalYearFlag(flag(args, 'fiscal-year')) ?? agency?.fiscalYear;
  const rowsFlag = flag(args, 'rows');
  const rows = rowsFlag === undefined ? (agency || fiscalYear ? 100 : 0) : Number(rowsFlag);
  if (!Number.isInteger(rows) || rows < 0 || rows > 10000) throw new UsageError('--rows ต้องเป็นจำนวนเต็ม 0–10000', '--rows must be an integer 0–10000');
  const wb = buildWorkbook(choice, { agency, fiscalYear, prefillRows: rows });
  try {
    await wb.xlsx.writeFile(out);
  } catch (e) {
    throw new Unusable(`เขียนไฟล์ ${out} ไม่ได้ (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, `Cannot write ${out}`);
  }
  io.out(`สร้าง ${describeChoice(choice)} แล้ว: ${out}`);
  return EXIT_OK;
}

async function cmdCheck(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['as-of', 'fiscal-year', 'format', 'edition', 'agency', 'website', 'report', 'jobs', 'link-timeout'], ['force', 'check-links']);
  const website = websiteFlag(flag(args, 'website'));
  const format = flag(args, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError('--format ต้องเป็น text หรือ json', '--format must be text or json');
  const asOfText = flag(args, 'as-of');
  const asOf = asOfText === undefined ? undefined : parseIsoDate(asOfText);
  if (asOf === null) throw new UsageError(`--as-of ต้องเป็นวันที่แบบ YYYY-MM-DD (ค.ศ.) ได้ "${asOfText}"`, `--as-of must be YYYY-MM-DD, got "${asOfText}"`);
  const fiscalYear = fiscalYearFlag(flag(args, 'fiscal-year'));
  const agency = await readAgency(flag(args, 'agency'));
  const { checkCommand, jobsFlag, linkTimeoutFlag } = await import('./checkMany');
  return checkCommand(args.positional, {
    file: { today: io.today(), asOf, fiscalYear, agency, edition: flag(args, 'edition'), website },
    format,
    report: flag(args, 'report'),
    force: args.flags.get('force') === true,
    links: args.flags.get('check-links') === true ? { timeoutMs: linkTimeoutFlag(flag(args, 'link-timeout')) } : undefined,
    jobs: jobsFlag(flag(args, 'jobs')),
  }, io);
}

export async function run(argv: readonly string[], io: Io = nodeIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'templates':
        return cmdTemplates(io);
      case 'new':
        return await cmdNew(rest, io);
      case 'check':
        return await cmdCheck(rest, io);
      case 'import': return await (await import('./import')).cmdImport(rest, io);
      case 'fix': return await (await import('./fix')).cmdFix(rest, io);
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
