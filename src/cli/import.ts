/**
 * `ita-forms import`: fills o16/o17 from e-GP open data (CSV or datastore JSON), สขร.1 monthly
 * workbooks or an o16/o17 sheet of another layout; into a new workbook or appended to the one the
 * officer has. Exit status as `check`: 0 the imported rows have no error, 1 they have errors,
 * 2 unusable input — with one clear line in Thai and English.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { catalogue as builtInCatalogue, describeChoice, editionFor, importFills, type TemplateChoice } from '../domain/templates';
import type { AgencyProfile } from '../domain/check/types';
import type { SheetGrid } from '../domain/grid';
import { recognize } from '../domain/recognize';
import { formatThaiDate, parseFiscalYear } from '../domain/values/thaiDate';
import {
  describeOrigin,
  formatReportMonth,
  importProcurement,
  monthsOfWindow,
  unitChoices,
  wantedAgency,
  type AgencyNameField,
  type ImportCounts,
  type ImportResult,
  type ReportMonth,
  type TextEncodingName,
} from '../domain/import';
import type { Issue } from '../domain/check';
import { formatMoney } from '../domain/values/money';
import { loadWorkbook, type LoadedWorkbook } from '../xlsx/read';
import { readWorkbookFile } from '../xlsx/streamRead';
import { chainRecords, openSource, type OpenedSource, type SourceInfo } from '../xlsx/importSources';
import { appendImportedRows, maskPersonalIds, type WrittenList } from '../xlsx/importWrite';
import { writeImportedWorkbook, type StreamWriteOptions } from '../xlsx/importStreamWrite';
import { booleanOption, stringOption, UsageError, type ParsedArgs } from './args';
import { asOfOption } from './commands/options';
import { readAgency, Unusable } from './inputs';
import { EXIT_ERRORS, EXIT_OK, type Io } from './io';
import { checkOutputs, type CheckedOutput } from './outputs';
import { chooseTemplate } from './templateChoice';
import { inspectWorkbookFile } from '../xlsx/inspectFile';
import { writeFileAtomic, writeWorkbookAtomic } from '../xlsx/atomicWrite';
import { buildWorkbook } from '../xlsx/write';
import { catalogueFlag } from './catalogueFlag';
import type { Catalogue } from '../domain/templates/types';
import { checkWorkbook } from '../domain/check';
import { monthKey, monthName } from '../domain/check/monthlyTables';

function xlsxPath(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && !value.toLowerCase().endsWith('.xlsx')) {
    throw new UsageError(`${name} ต้องเป็นไฟล์ .xlsx`, `${name} must be an .xlsx file`);
  }
  return value;
}

interface Target {
  readonly wb: ExcelJS.Workbook;
  readonly loaded: LoadedWorkbook;
  readonly grid: SheetGrid;
}

/** The officer's workbook and its sheet of the chosen template. */
async function openTarget(file: string, choice: TemplateChoice): Promise<Target> {
  await inspectWorkbookFile(file);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch {
    throw new Unusable(`เปิดไฟล์ ${file} ไม่ได้ (ไม่พบไฟล์ หรือไม่ใช่ .xlsx ที่สมบูรณ์)`, `Cannot open ${file} (missing, or not a valid .xlsx)`);
  }
  const loaded = await loadWorkbook(wb);
  const grid = loaded.sheets.find((g) => {
    const b = loaded.meta.sheets[g.name];
    return recognize(g, b ? { templateId: b.template, edition: b.edition } : { edition: choice.edition.edition })?.template.id === choice.template.id;
  });
  if (!grid) {
    throw new Unusable(
      `${file}: ไม่พบแผ่นงานแบบ ${choice.edition.item} ${choice.template.name} ที่จะเพิ่มรายการลงไป`,
      `${file}: no ${choice.edition.item} sheet to append to`,
    );
  }
  return { wb, loaded, grid };
}

async function save(wb: ExcelJS.Workbook, out: CheckedOutput): Promise<void> {
  try {
    await writeWorkbookAtomic(wb, out.writePath);
  } catch (e) {
    throw new Unusable(`เขียนไฟล์ ${out.file} ไม่ได้ (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}) ไฟล์เดิมยังอยู่ครบ`, `Cannot write ${out.file}; any previous file is intact`);
  }
}

async function saveStreamed(result: ImportResult, out: CheckedOutput, opts: StreamWriteOptions): Promise<{ list: WrittenList; masked: number }> {
  try {
    let written: { list: WrittenList; masked: number } | undefined;
    await writeFileAtomic(out.writePath, async (stream) => {
      written = await writeImportedWorkbook(result, stream, opts);
    });
    if (!written) throw new Error('nothing written');
    return written;
  } catch (e) {
    throw new Unusable(`เขียนไฟล์ ${out.file} ไม่ได้ (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}) ไฟล์เดิมยังอยู่ครบ`, `Cannot write ${out.file}; any previous file is intact`);
  }
}

interface ImportArgs {
  readonly sources: readonly string[];
  readonly choice: TemplateChoice;
  readonly out: CheckedOutput;
  readonly into?: string;
  readonly publicationCopy?: CheckedOutput;
  readonly agency?: AgencyProfile;
  readonly fiscalYear: number;
  readonly asOf?: Date;
  readonly unit?: string;
  readonly budgetSource?: string;
  readonly encoding?: TextEncodingName;
  readonly catalogue?: Catalogue;
}

function encodingFlag(value: string | undefined): TextEncodingName | undefined {
  if (value === undefined) return undefined;
  const e = value
    .toLowerCase()
    .replace(/^(tis-?620|cp874|windows874)$/, 'windows-874')
    .replace(/^utf8$/, 'utf-8')
    .replace(/^(utf-?16|utf16le|ucs-?2|unicode)$/, 'utf-16le')
    .replace(/^utf16be$/, 'utf-16be');
  if (e !== 'utf-8' && e !== 'windows-874' && e !== 'utf-16le' && e !== 'utf-16be') {
    throw new UsageError('--encoding ต้องเป็น utf-8, windows-874, utf-16le หรือ utf-16be', '--encoding must be utf-8, windows-874, utf-16le or utf-16be');
  }
  return e;
}

/** The options, and every output checked against the inputs and the disk, before any file is read. */
async function readArgs(args: ParsedArgs): Promise<ImportArgs> {
  const cat = (await catalogueFlag(stringOption(args, 'catalogue')))?.catalogue;
  const sources = args.positional;
  if (sources.length === 0) {
    throw new UsageError('ระบุไฟล์ข้อมูลที่จะนำเข้า เช่น ita-forms import egp.csv --template o16 --fiscal-year 2567 --out o16.xlsx', 'Name the source file; see ita-forms import --help');
  }
  const templateName = stringOption(args, 'template');
  if (!templateName) throw new UsageError('ระบุแบบด้วย --template o16 หรือ o17', 'Give the template with --template o16 or o17');
  const agencyPath = stringOption(args, 'agency');
  const agencyForYear = await readAgency(agencyPath);
  const fyText = stringOption(args, 'fiscal-year');
  let fiscalYear = agencyForYear?.fiscalYear;
  if (fyText !== undefined) {
    const p = parseFiscalYear(fyText);
    if (!p.ok) throw new UsageError(`--fiscal-year ไม่ถูกต้อง: ${p.problem.th}`, `Bad --fiscal-year: ${p.problem.en}`);
    fiscalYear = p.value;
  }
  if (fiscalYear === undefined) throw new UsageError('ระบุปีงบประมาณที่ประเมินด้วย --fiscal-year เช่น 2569', 'Give the assessed fiscal year with --fiscal-year, e.g. 2569');
  // The edition asked for, else the assessed year's own, else the latest.
  const edition = editionFor({ edition: stringOption(args, 'edition'), fiscalYear }, cat);
  const choice = chooseTemplate(templateName, edition, cat ?? builtInCatalogue);
  // The monthly สขร.1 items import through their own path (runMonthly), on the command line only.
  if (!importFills(choice.template)) {
    throw new UsageError(
      `นำเข้าได้เฉพาะแบบรายการผลการจัดซื้อจัดจ้าง (ITA 2569: o11, o12; ITA 2568: o12, o13; ITA 2567: o16, o17) ไม่ใช่ "${templateName}" ของ ITA ${edition}`,
      `Import fills the procurement result lists only (2569: o11/o12, 2568: o12/o13, 2567: o16/o17), not "${templateName}" of edition ${edition}`,
    );
  }
  const out = xlsxPath('--out', stringOption(args, 'out'));
  if (!out) throw new UsageError('ระบุไฟล์ผลลัพธ์ด้วย --out FILE.xlsx', 'Give the output file with --out FILE.xlsx');
  const into = xlsxPath('--into', stringOption(args, 'into'));
  const publicationCopy = xlsxPath('--publication-copy', stringOption(args, 'publication-copy'));
  const encoding = encodingFlag(stringOption(args, 'encoding'));
  const asOf = asOfOption(stringOption(args, 'as-of'));
  const outputs = [{ role: '--out', file: out }, ...(publicationCopy ? [{ role: '--publication-copy', file: publicationCopy }] : [])];
  const inputs = [
    ...sources.map((file) => ({ role: 'ไฟล์ต้นทาง/source', file })),
    ...(into ? [{ role: '--into', file: into }] : []),
    ...(agencyPath ? [{ role: '--agency', file: agencyPath }] : []),
  ];
  const [outChecked, pubChecked] = await checkOutputs(outputs, inputs, booleanOption(args, 'force'));
  const agency = agencyForYear;
  return {
    sources, choice, out: outChecked, into, publicationCopy: pubChecked, agency, fiscalYear, asOf,
    unit: stringOption(args, 'unit'), budgetSource: stringOption(args, 'budget-source'), encoding,
    ...(cat ? { catalogue: cat } : {}),
  };
}

/** The `import` command, its options already read (see commands/import.ts). */
export async function runImport(args: ParsedArgs, io: Io): Promise<number> {
  const parsed = await readArgs(args);
  if (parsed.choice.template.monthly) return runMonthly(parsed, io);
  const { sources, choice, out, into, publicationCopy: pub, agency, fiscalYear, asOf, unit, budgetSource, encoding, catalogue } = parsed;
  const target = into ? await openTarget(into, choice) : undefined;
  const wanted = wantedAgency({ unit, agency: agency ?? target?.loaded.meta.agency });
  const opened: OpenedSource[] = [];
  for (const s of sources) opened.push(await openSource(s, { encoding, agency: wanted }));

  const result = await importProcurement(chainRecords(opened), {
    choice,
    fiscalYear,
    today: io.today(),
    asOf,
    agency: agency ?? target?.loaded.meta.agency,
    unit,
    budgetSource,
    existing: target?.grid,
    existingHints: target ? hintsFor(target) : undefined,
    ...(catalogue ? { catalogue } : {}),
  });

  const infos = opened.map((o) => o.info);
  refuseWithoutUnit(result, infos, io);

  let list: WrittenList;
  let masked: number | undefined;
  if (target) {
    // --into: the officer's whole workbook, loaded, appended to and saved as a new file.
    const wb = target.wb;
    list = appendImportedRows(wb, result, target.loaded.meta);
    await save(wb, out);
    if (pub) {
      // The working copy is saved; the same workbook, masked, becomes the copy for the website.
      masked = maskPersonalIds(wb, list);
      await save(wb, pub);
    }
  } else {
    // A new workbook is streamed to disk row by row; the publication copy is streamed again, masked.
    ({ list } = await saveStreamed(result, out, { agency }));
    if (pub) ({ masked } = await saveStreamed(result, pub, { agency, maskIds: true }));
  }
  io.out(importReport(result, { sources: infos, out: out.file, into, publicationCopy: pub?.file, masked, describe: describeChoice(choice), sheet: list.sheet }));
  return result.errors > 0 ? EXIT_ERRORS : EXIT_OK;
}

/** Several agencies and none named, or the named one absent: the names present are listed, nothing is written. */
function refuseWithoutUnit(result: ImportResult, infos: readonly SourceInfo[], io: Io): void {
  if (!result.needsUnit && !result.unitNotFound) return;
  io.out(unitChoiceReport(result, infos));
  throw new Unusable(
    result.needsUnit
      ? 'ข้อมูลมีหลายหน่วยงาน ให้ระบุหน่วยงานด้วย --unit "ชื่อหน่วยงาน" หรือ --agency (ดูรายชื่อด้านบน)'
      : `ไม่พบข้อมูลของหน่วยงาน "${result.unit}" ให้เลือกชื่อจากรายการด้านบนแล้วระบุด้วย --unit`,
    result.needsUnit ? 'The data holds several agencies: choose one with --unit' : `No rows of agency "${result.unit}": choose a name listed above with --unit`,
  );
}

/**
 * ITA 2569's monthly สขร.1 items: the contracts of the agency in the window, each under the month
 * it was signed, into a new workbook (one sheet per quarter); the written workbook is then checked
 * as `check` would, so what e-GP cannot give (bidders, reasons, empty months) is listed to fill.
 */
async function runMonthly(args: ImportArgs, io: Io): Promise<number> {
  const { sources, choice, out, into, publicationCopy, agency, fiscalYear, asOf, unit, budgetSource, encoding, catalogue } = args;
  if (into || publicationCopy) {
    throw new UsageError(
      `แบบ ${choice.edition.item} (สขร.1 รายเดือน) นำเข้าได้เฉพาะเป็นไฟล์ใหม่ด้วย --out (ยังไม่รองรับ --into และ --publication-copy)`,
      `${choice.edition.item} (monthly สขร.1) imports into a new file with --out only (no --into, --publication-copy)`,
    );
  }
  const opened: OpenedSource[] = [];
  for (const s of sources) opened.push(await openSource(s, { encoding, agency: wantedAgency({ unit, agency }) }));
  const { importMonthly } = await import('../domain/import/importMonthly');
  const m = await importMonthly(chainRecords(opened), { choice, fiscalYear, today: io.today(), asOf, agency, unit, budgetSource, ...(catalogue ? { catalogue } : {}) });
  const result = m.result;
  const infos = opened.map((o) => o.info);
  refuseWithoutUnit(result, infos, io);
  const wb = buildWorkbook(choice, { agency, fiscalYear, monthlyRows: m.months, ...(catalogue ? { catalogue } : {}) });
  await save(wb, out);
  // The file as written, checked as `ita-forms check` checks it.
  const loaded = await readWorkbookFile(out.writePath);
  const report = checkWorkbook(loaded.sheets, { today: io.today(), asOf, fiscalYear, agency }, (sheet) => {
    const b = loaded.meta.sheets[sheet];
    return b ? { templateId: b.template, edition: b.edition } : {};
  }, catalogue);
  const lines: string[] = [`นำเข้า${describeChoice(choice)} ปีงบประมาณ ${fiscalYear}`, 'แหล่งข้อมูล:'];
  for (const s of infos) lines.push(...describeSource(s));
  const c = result.counts;
  lines.push('', `อ่านได้ ${num(c.read)} รายการ`, `  อยู่ในช่วงของแบบ (${result.window.label}) ${num(c.inWindow)} รายการ${c.outsideWindow ? `, นอกช่วง ${num(c.outsideWindow)} รายการ` : ''}`);
  const imported = [...m.months.values()].reduce((n, rows) => n + rows.length, 0);
  lines.push(`นำเข้า ${num(imported)} สัญญา → ${out.file} แยกตามเดือนที่ลงนาม:`);
  for (const month of m.monthList) lines.push(`  ${monthName(month)}: ${num(m.months.get(monthKey(month))?.length ?? 0)} รายการ`);
  const skipped = [...m.notContracted, ...result.skipped];
  if (result.duplicates.length) lines.push(`ซ้ำกัน จึงนำเข้าครั้งเดียว ${num(result.duplicates.length)} รายการ`);
  if (skipped.length) {
    lines.push(`ไม่ได้นำเข้า ${num(skipped.length)} รายการ:`);
    for (const s of skipped.slice(0, LIST_LIMIT)) lines.push(`  - ${describeOrigin(s.origin)} (${s.label}): ${s.message}`);
    lines.push(...more(skipped.length, LIST_LIMIT));
  }
  lines.push('', 'ข้อมูล e-GP ไม่มีรายชื่อผู้เสนอราคาและเหตุผลที่คัดเลือก: กรอกเองในไฟล์ผลลัพธ์; เดือนที่ไม่มีรายการให้กรอกรายการที่ขาด หรือระบุว่า "ไม่มีการจัดซื้อจัดจ้าง"');
  lines.push(`ผลการตรวจไฟล์ผลลัพธ์: ข้อผิดพลาด ${num(report.errors)}, คำเตือน ${num(report.warnings)}`);
  for (const s of report.sheets) {
    if (!s.issues.length) continue;
    lines.push(`  แผ่นงาน "${s.sheet}":`);
    lines.push(...issueLines(s.issues).map((l) => `  ${l}`));
  }
  io.out(lines.join('\n'));
  return report.errors > 0 ? EXIT_ERRORS : EXIT_OK;
}

function hintsFor(target: Target): { templateId?: string; edition?: string } {
  const b = target.loaded.meta.sheets[target.grid.name];
  return b ? { templateId: b.template, edition: b.edition } : {};
}

// ---------------------------------------------------------------------------------------------
// The report for people, in Thai.

const LIST_LIMIT = 20;
const CELLS_SHOWN = 6;

function num(n: number): string {
  return n.toLocaleString('en-US');
}

function more(total: number, shown: number): string[] {
  return total > shown ? [`    … และอีก ${num(total - shown)} รายการ`] : [];
}

function encodingName(info: SourceInfo): string {
  const e = info.encoding;
  if (!e) return '';
  if (e.encoding === 'windows-874') return 'Windows-874 (TIS-620)';
  if (e.encoding !== 'utf-8') return `${e.encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'} (Unicode text)${e.bom ? ' มี BOM' : ''}`;
  return e.bom ? 'UTF-8 มี BOM' : 'UTF-8';
}

function describeSource(info: SourceInfo): string[] {
  const name = path.basename(info.file);
  if (info.format !== 'xlsx') {
    const variant = info.egp?.header?.variant;
    const kind = variant === 'api' ? 'แบบ API' : variant === 'mixed' ? 'หัวคอลัมน์ผสมสองแบบ' : 'ชุดข้อมูลเต็ม';
    return [`  ${name}: ข้อมูล e-GP ${kind} (${info.format.toUpperCase()}, ${encodingName(info)})`];
  }
  const lines = [`  ${name}:`];
  for (const s of info.sheets ?? []) {
    if (s.kind === 'monthly') {
      const month = s.month ? formatReportMonth(s.month) : 'ไม่ทราบเดือน';
      lines.push(`    แผ่นงาน "${s.sheet}": แบบ สขร.1 เดือน ${month} — ${s.statesNone ? 'ระบุว่าไม่มีการจัดซื้อจัดจ้าง' : `${num(s.records)} รายการ`}`);
    } else if (s.kind === 'template') {
      lines.push(`    แผ่นงาน "${s.sheet}": แบบ ${s.item} (หัวตารางแถว ${s.headerRow}) — ${num(s.records)} รายการ`);
    } else {
      lines.push(`    ข้ามแผ่นงาน "${s.sheet}": ${s.reason}`);
    }
  }
  return lines;
}

/** Months of the window without a สขร.1 sheet, when monthly sheets were the source. */
function missingMonths(result: ImportResult, infos: readonly SourceInfo[]): ReportMonth[] {
  const monthly = infos.flatMap((i) => (i.sheets ?? []).filter((s) => s.kind === 'monthly'));
  if (monthly.length === 0) return [];
  const have = new Set(monthly.map((s) => (s.kind === 'monthly' && s.month ? `${s.month.year}-${s.month.month}` : '')));
  return monthsOfWindow(result.window).filter((m) => !have.has(`${m.year}-${m.month}`));
}

function issueLines(issues: readonly Issue[]): string[] {
  const groups = new Map<string, Issue[]>();
  for (const i of issues) {
    const k = `${i.severity}|${i.code}|${i.field ?? ''}`;
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  }
  const sorted = [...groups.values()].sort((a, b) => (a[0].severity === b[0].severity ? b.length - a.length : a[0].severity === 'error' ? -1 : 1));
  return sorted.map((g) => {
    const first = g[0];
    const mark = first.severity === 'error' ? '✗ ผิดพลาด' : '! คำเตือน';
    const cells = g.filter((i) => i.row !== null).map((i) => `${i.column ?? ''}${i.row}`);
    const where = cells.length === 0 ? '' : ` — ${num(g.length)} แถว: ${cells.slice(0, CELLS_SHOWN).join(', ')}${cells.length > CELLS_SHOWN ? ', …' : ''}`;
    return `  ${mark} ${first.message}${where} [${first.code}]`;
  });
}

/**
 * Where every row read went, summing to the rows read: nothing is dropped without being counted
 * (the lists below name the skipped, duplicate and conflicting rows).
 */
export function accountingLine(c: ImportCounts): string {
  const parts: [string, number][] = [
    ['นำเข้า', c.imported],
    ['ของหน่วยงานอื่น', c.otherAgencies],
    ['นอกช่วงของแบบ', c.outsideWindow],
    ['ข้าม/อ่านไม่ได้', c.skipped],
    ['ซ้ำ', c.duplicates],
    ['ไม่ตรงกับแถวเดิม', c.conflicts],
  ];
  const sum = parts.reduce((n, [, k]) => n + k, 0);
  const shown = parts.filter(([, k], i) => i === 0 || k > 0).map(([label, k]) => `${label} ${num(k)}`);
  const check = sum === c.read ? 'ครบทุกแถว' : `ไม่ครบ: ขาด ${num(c.read - sum)} แถว`;
  return `แถวที่อ่าน ${num(c.read)} = ${shown.join(' + ')} (${check})`;
}

function rowsRange(result: ImportResult): string {
  const rows = result.rows;
  if (rows.length === 0) return '';
  return rows.length === 1 ? `แถว ${rows[0].outputRow}` : `แถว ${rows[0].outputRow}–${rows[rows.length - 1].outputRow}`;
}

export interface ReportContext {
  readonly sources: readonly SourceInfo[];
  readonly out: string;
  readonly into?: string;
  readonly publicationCopy?: string;
  readonly masked?: number;
  readonly describe: string;
  readonly sheet: string;
}

export function importReport(result: ImportResult, ctx: ReportContext): string {
  const c = result.counts;
  const lines: string[] = [];
  lines.push(`นำเข้า${ctx.describe} ปีงบประมาณ ${result.fiscalYear}`);
  lines.push('แหล่งข้อมูล:');
  for (const s of ctx.sources) lines.push(...describeSource(s));
  const missing = missingMonths(result, ctx.sources);
  if (missing.length) lines.push(`  ยังไม่มีรายงาน สขร.1 ของเดือน: ${missing.map(formatReportMonth).join(', ')}`);
  lines.push('');
  lines.push(`อ่านได้ ${num(c.read)} รายการ`);
  if (result.unit !== undefined) {
    const names = [...new Set(result.agencies.filter((a) => a.matched).map((a) => a.name))];
    const shown = names.length ? ` (ชื่อในข้อมูล: ${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''})` : '';
    lines.push(`  เป็นของหน่วยงาน "${result.unit}" ${num(c.matchedAgency)} รายการ${shown}`);
  }
  lines.push(`  อยู่ในช่วงของแบบ (${result.window.label}) ${num(c.inWindow)} รายการ${c.outsideWindow ? `, นอกช่วง ${num(c.outsideWindow)} รายการ` : ''}`);
  lines.push(`  สถานะการจัดซื้อจัดจ้างคิดจากวันที่ในสัญญา ณ วันที่ ${formatThaiDate(result.asOf)}`);
  const dest = ctx.into ? `${ctx.out} (ไฟล์เดิม ${ctx.into} บวกรายการใหม่)` : ctx.out;
  lines.push(c.imported > 0 ? `นำเข้า ${num(c.imported)} รายการ → ${dest} แผ่นงาน "${ctx.sheet}" ${rowsRange(result)}` : `ไม่มีรายการใหม่ที่จะนำเข้า → ${dest}`);
  if (result.placement?.insert && c.imported > 0) lines.push(`  (แทรกแถวใหม่ใต้รายการเดิม ข้อความที่อยู่ใต้ตารางถูกเลื่อนลงไป ไม่ได้ลบ)`);
  if (result.placement?.missingColumns.length) {
    lines.push(`  แผ่นงานเดิมไม่มีคอลัมน์ ${result.placement.missingColumns.map((h) => `"${h}"`).join(', ')} จึงไม่ได้ใส่ค่าของคอลัมน์เหล่านี้`);
  }
  if (result.existingStatesNone && c.imported > 0) lines.push('  แผ่นงานเดิมระบุว่า "ไม่มีการจัดซื้อจัดจ้าง": ลบข้อความนั้นออก เพราะตอนนี้มีรายการแล้ว');
  lines.push(accountingLine(c));

  if (result.duplicates.length) {
    lines.push(`ซ้ำกับที่มีอยู่แล้ว จึงไม่นำเข้าซ้ำ ${num(result.duplicates.length)} รายการ`);
    for (const d of result.duplicates.slice(0, LIST_LIMIT)) {
      const what = d.existingRow !== undefined ? `ซ้ำกับแถว ${d.existingRow} ของไฟล์เดิม` : `ซ้ำกับ${describeOrigin(d.earlier ?? d.origin)}`;
      lines.push(`  - ${describeOrigin(d.origin)} (${d.label}): ${what}`);
    }
    lines.push(...more(result.duplicates.length, LIST_LIMIT));
  }
  if (result.conflicts.length) {
    lines.push(`ข้อมูลไม่ตรงกับแถวที่มีอยู่ ${num(result.conflicts.length)} รายการ — ไม่ได้แก้แถวเดิม ให้ตรวจสอบแล้วแก้เองถ้าข้อมูลใหม่ถูกต้อง:`);
    for (const k of result.conflicts.slice(0, LIST_LIMIT)) {
      lines.push(`  - แถว ${k.existingRow} ของไฟล์เดิม กับ${describeOrigin(k.origin)} (${k.label})`);
      for (const d of k.differences) lines.push(`      ${d.header}: เดิม ${d.existing} / ใหม่ ${d.incoming}`);
    }
    lines.push(...more(result.conflicts.length, LIST_LIMIT));
  }
  if (result.skipped.length) {
    lines.push(`ข้ามไป ไม่ได้นำเข้า ${num(result.skipped.length)} รายการ (แก้ข้อมูลต้นทางหรือกรอกเอง):`);
    for (const s of result.skipped.slice(0, LIST_LIMIT)) lines.push(`  - ${describeOrigin(s.origin)} (${s.label}): ${s.message}`);
    lines.push(...more(result.skipped.length, LIST_LIMIT));
  }
  if (result.personalIds.length) {
    const rows = result.personalIds.map((p) => p.outputRow);
    lines.push(`ข้อมูลส่วนบุคคล: ผู้ได้รับการคัดเลือก ${num(rows.length)} รายใช้เลขประจำตัวประชาชน (แถว ${rows.slice(0, 10).join(', ')}${rows.length > 10 ? ', …' : ''})`);
    if (ctx.publicationCopy) {
      lines.push(`  สำเนาสำหรับเผยแพร่ ${ctx.publicationCopy} ปิดเลข 4 หลักท้ายแล้ว (${num(ctx.masked ?? 0)} เซลล์) ส่วน ${ctx.out} ยังเก็บเลขเต็มไว้ใช้งาน`);
    } else {
      lines.push('  ก่อนเผยแพร่ให้ปิดบังเลขเหล่านี้ หรือสร้างสำเนาสำหรับเผยแพร่ด้วย --publication-copy FILE.xlsx');
    }
  } else if (ctx.publicationCopy) {
    lines.push(`สำเนาสำหรับเผยแพร่: ${ctx.publicationCopy} (ไม่มีเลขประจำตัวประชาชนที่ต้องปิดบัง${ctx.masked ? `; ปิดบังในแถวเดิม ${num(ctx.masked)} เซลล์` : ''})`);
  }
  if (result.summary) {
    lines.push(`สรุปตามวิธีการจัดซื้อจัดจ้าง (${result.choice.edition.item} ปีงบประมาณ ${result.fiscalYear - 1}):`);
    for (const l of [...result.summary.lines, result.summary.total]) {
      lines.push(`  ${l.label}: ${num(l.count)} รายการ ${formatMoney(l.amount)} บาท`);
    }
  }
  lines.push('');
  lines.push(`ผลการตรวจรายการที่นำเข้า: ข้อผิดพลาด ${num(result.errors)}, คำเตือน ${num(result.warnings)}`);
  lines.push(...issueLines(result.issues));
  if (result.issues.some((i) => i.code === 'required' && i.field === 'budgetSource')) {
    lines.push('  (ข้อมูล e-GP ไม่มีแหล่งที่มาของงบประมาณ: กรอกเอง หรือระบุด้วย --budget-source เช่น "เทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย")');
  }
  lines.push('');
  lines.push(result.errors === 0 ? 'สรุป: รายการที่นำเข้าไม่มีข้อผิดพลาด — พร้อมตรวจทานและเผยแพร่' : 'สรุป: ยังมีข้อผิดพลาด ให้แก้ในไฟล์ผลลัพธ์ก่อนเผยแพร่ (ตรวจซ้ำด้วย ita-forms check)');
  return lines.join('\n');
}

/** When the agency filter matched nothing, or there was none and the data holds several agencies. */
export function unitChoiceReport(result: ImportResult, infos: readonly SourceInfo[]): string {
  const lines: string[] = [];
  lines.push('แหล่งข้อมูล:');
  for (const s of infos) lines.push(...describeSource(s));
  lines.push(`อ่านได้ ${num(result.counts.read)} รายการ`);
  lines.push(result.needsUnit ? 'ข้อมูลนี้มีหลายหน่วยงาน' : `ไม่พบข้อมูลของหน่วยงาน "${result.unit}"`);
  lines.push('ชื่อหน่วยงานที่มีในข้อมูล (ระบุด้วย --unit "ชื่อ"):');
  // A name found under both ชื่อหน่วยงาน and ชื่อหน่วยงานย่อย is one choice.
  const { choices, total } = unitChoices(result.agencies, result.unit);
  const field = (f: AgencyNameField) => (f === 'subAgencyName' ? 'ชื่อหน่วยงานย่อย' : 'ชื่อหน่วยงาน');
  for (const a of choices) lines.push(`  ${a.name}  (${a.fields.map(field).join('/')}, ${num(a.rows)} รายการ)`);
  lines.push(...more(total, choices.length));
  return lines.join('\n');
}
