/**
 * `ita-forms fix FILE --out FIXED.xlsx`: the safe fixes the task pane offers (official wording for
 * synonyms, text dates and amounts as real values, derived cells, status from the dates, agency
 * columns from the profile), written into a copy. The input file is never written; every change is
 * printed (cell, before → after); everything else in the workbook is carried over as it was.
 * Exit status: 0 written and no errors left, 1 written with errors left to fix by hand, 2 unusable.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { planFixes } from '../app/workbookSession';
import { checkWorkbook, type CheckOptions } from '../domain/check';
import type { CellValue } from '../domain/grid';
import { parseFiscalYear, parseIsoDate, formatThaiDate } from '../domain/values/thaiDate';
import { readWorkbookFile, type LoadedWorkbook } from '../xlsx/read';
import { uncarriedParts, writeCellChanges } from '../xlsx/fixWorkbook';
import { flag, parseArgs, UsageError } from './args';
import { checkFile } from './checkFile';
import { readAgency, Unusable } from './inputs';
import type { Io } from './main';
import { fileExistsError, writeFileSafely } from './writeFileSafely';

function shown(v: CellValue): string {
  if (v === null || v === '') return '(ว่าง)';
  if (v instanceof Date) return formatThaiDate(v);
  return typeof v === 'string' ? `"${v}"` : String(v);
}

async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [sa, sb] = await Promise.all([fs.stat(a).catch(() => undefined), fs.stat(b).catch(() => undefined)]);
  // The same file by another name (a link, another case on a case-insensitive disk).
  return sa !== undefined && sb !== undefined && sa.dev === sb.dev && sa.ino === sb.ino;
}

export async function cmdFix(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['out', 'only', 'as-of', 'fiscal-year', 'edition', 'agency', 'website'], ['force']);
  const file = args.positional[0];
  if (!file || args.positional.length > 1) throw new UsageError('ระบุไฟล์เดียวที่จะแก้ เช่น ita-forms fix o16.xlsx --out o16-แก้แล้ว.xlsx', 'Name one file to fix, e.g. ita-forms fix o16.xlsx --out o16-fixed.xlsx');
  const out = flag(args, 'out');
  if (!out) throw new UsageError('ระบุไฟล์ผลลัพธ์ด้วย --out FILE.xlsx (ไฟล์ต้นฉบับจะไม่ถูกแก้)', 'Give the output file with --out FILE.xlsx (the input is never written)');
  if (!out.toLowerCase().endsWith('.xlsx')) throw new UsageError('ไฟล์ผลลัพธ์ต้องลงท้ายด้วย .xlsx', 'The output file must end in .xlsx');
  if (await sameFile(file, out)) throw new UsageError('--out ต้องเป็นไฟล์ใหม่ ไม่ใช่ไฟล์ต้นฉบับ: ita-forms ไม่เขียนทับไฟล์ที่ตรวจ', '--out must be a new file, not the input: fix never writes its input');
  const force = args.flags.get('force') === true;
  if (!force && (await fs.stat(out).then(() => true, () => false))) throw fileExistsError(out);
  const only = flag(args, 'only')?.split(',').map((s) => s.trim()).filter(Boolean);
  const asOfText = flag(args, 'as-of');
  const asOf = asOfText === undefined ? undefined : parseIsoDate(asOfText);
  if (asOf === null) throw new UsageError(`--as-of ต้องเป็นวันที่แบบ YYYY-MM-DD (ค.ศ.) ได้ "${asOfText}"`, `--as-of must be YYYY-MM-DD, got "${asOfText}"`);
  const fyText = flag(args, 'fiscal-year');
  const fy = fyText === undefined ? undefined : parseFiscalYear(fyText);
  if (fy && !fy.ok) throw new UsageError(`--fiscal-year ไม่ถูกต้อง: ${fy.problem.th}`, `Bad --fiscal-year: ${fy.problem.en}`);
  const site = flag(args, 'website')?.trim();
  const website = site && !/^https?:\/\//i.test(site) ? `https://${site}` : site;
  const edition = flag(args, 'edition');
  const agencyFlag = await readAgency(flag(args, 'agency'));

  // The same gate as `check`: a file that is missing, not .xlsx, corrupt or holds no template.
  const base = { today: io.today(), asOf, fiscalYear: fy?.ok ? fy.value : undefined, edition, agency: agencyFlag, website };
  const gate = await checkFile(file, base);
  if (gate.status === 'unusable') throw new Unusable(gate.th, gate.en);
  const bytes = await fs.readFile(file);
  const dropped = uncarriedParts(bytes);
  if (dropped.length) {
    throw new Unusable(
      `${file} มี ${dropped.join(', ')} ซึ่ง ita-forms เขียนต่อไม่ได้ครบ: ไม่แก้ผ่านบรรทัดคำสั่งเพื่อไม่ให้ข้อมูลหาย (แก้ในบานหน้าต่าง ita-forms ใน Excel แทน)`,
      `${file} holds parts the command line cannot carry over (${dropped.join(', ')}): fix it in the task pane instead`,
    );
  }

  const loaded: LoadedWorkbook = await readWorkbookFile(file);
  const opts: CheckOptions = { ...base, agency: agencyFlag ?? loaded.meta.agency };
  const report = checkWorkbook(loaded.sheets, opts, (sheet) => {
    const b = loaded.meta.sheets[sheet];
    return b ? { templateId: b.template, edition: edition ?? b.edition } : {};
  });
  const offered = planFixes({ report, sheet: undefined }, loaded.sheets);
  if (only) {
    const offeredCodes = new Set(offered.map((c) => c.code));
    const unknown = only.filter((c) => !offeredCodes.has(c));
    if (unknown.length) io.err(`ไม่มีการแก้อัตโนมัติสำหรับรหัส ${unknown.join(', ')} ในไฟล์นี้ (มี: ${[...offeredCodes].join(', ') || 'ไม่มี'})`);
  }
  const chosen = only ? offered.filter((c) => only.includes(c.code)) : offered;
  if (chosen.length === 0) {
    io.out(`${file}: ไม่มีสิ่งที่แก้ได้อัตโนมัติ${only ? ` สำหรับ ${only.join(', ')}` : ''} — ไม่ได้เขียน ${out}`);
    return report.errors > 0 ? 1 : 0;
  }

  const fixed = await writeCellChanges(bytes, chosen);
  const { applied, formulas } = fixed;
  let sheet = '';
  for (const c of applied) {
    if (c.sheet !== sheet) {
      sheet = c.sheet;
      io.out(`แผ่นงาน "${sheet}"`);
    }
    io.out(`  ${c.address}: ${shown(c.from)} → ${shown(c.to)}  [${c.code}]`);
  }
  for (const c of formulas) io.out(`  ${c.address}: มีสูตร ไม่แก้ (${c.reason}) [${c.code}]`);
  await writeFileSafely(out, fixed.bytes, { force });

  // What is left is for the officer: the same check on the file just written.
  const after = await checkFile(out, opts);
  const left = after.status === 'checked' ? after.errors : 0;
  io.out(`แก้ ${applied.length} เซลล์ เขียนไว้ที่ ${out} (ไฟล์ ${file} ไม่ถูกแก้)${left ? ` — ยังเหลือข้อผิดพลาด ${left} รายการที่ต้องแก้เอง (ita-forms check ${out})` : ' — ไม่เหลือข้อผิดพลาด'}`);
  return left > 0 ? 1 : 0;
}
