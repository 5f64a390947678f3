/**
 * `ita-forms fix FILE --out FIXED.xlsx`: the safe fixes the task pane offers (official wording for
 * synonyms, text dates and amounts as real values, derived cells, status from the dates, agency
 * columns from the profile), written into a copy. The input file is never written; every change is
 * printed (cell, before → after); everything else in the workbook is carried over as it was.
 * Exit status: 0 written and no errors left, 1 written with errors left to fix by hand, 2 unusable.
 */
import { promises as fs } from 'node:fs';
import { planFixes } from '../app/workbookSession';
import type { CheckOptions } from '../domain/check';
import type { CellValue } from '../domain/grid';
import { formatThaiDate } from '../domain/values/thaiDate';
import { uncarriedParts, writeCellChanges } from '../xlsx/fixWorkbook';
import { booleanOption, stringOption, UsageError, type ParsedArgs } from './args';
import { asOfOption, fiscalYearOption, oneOperand, websiteOption } from './commands/options';
import { checkOutputs } from './outputs';
import { checkFile, readAndCheck } from './checkFile';
import { readAgency, Unusable } from './inputs';
import type { Io } from './io';
import { writeFileSafely } from './writeFileSafely';

function shown(v: CellValue): string {
  if (v === null || v === '') return '(ว่าง)';
  if (v instanceof Date) return formatThaiDate(v);
  return typeof v === 'string' ? `"${v}"` : String(v);
}

export async function runFix(args: ParsedArgs, io: Io): Promise<number> {
  const file = oneOperand('fix', args.positional, { th: 'ไฟล์เดียวที่จะแก้ เช่น ita-forms fix o16.xlsx --out o16-แก้แล้ว.xlsx', en: 'one file to fix, e.g. ita-forms fix o16.xlsx --out o16-fixed.xlsx' });
  const out = stringOption(args, 'out');
  if (!out) throw new UsageError('ระบุไฟล์ผลลัพธ์ด้วย --out FILE.xlsx (ไฟล์ต้นฉบับจะไม่ถูกแก้)', 'Give the output file with --out FILE.xlsx (the input is never written)');
  if (!out.toLowerCase().endsWith('.xlsx')) throw new UsageError('ไฟล์ผลลัพธ์ต้องลงท้ายด้วย .xlsx', 'The output file must end in .xlsx');
  const force = booleanOption(args, 'force');
  const agencyPath = stringOption(args, 'agency');
  // The input by any name (a link, another letter case) is refused, and so is an existing file without --force.
  const [target] = await checkOutputs([{ role: '--out', file: out }], [{ role: 'FILE', file }, ...(agencyPath ? [{ role: '--agency', file: agencyPath }] : [])], force);
  const only = stringOption(args, 'only')?.split(',').map((s) => s.trim()).filter(Boolean);
  const asOf = asOfOption(stringOption(args, 'as-of'));
  const fiscalYear = fiscalYearOption(stringOption(args, 'fiscal-year'));
  const website = websiteOption(stringOption(args, 'website'));
  const edition = stringOption(args, 'edition');
  const agencyFlag = await readAgency(agencyPath);

  // The same gate as `check` (missing, not .xlsx, corrupt, no template), and the one read and check.
  const base = { today: io.today(), asOf, fiscalYear, edition, agency: agencyFlag, website };
  const read = await readAndCheck(file, base);
  if (read.status === 'unusable') throw new Unusable(read.th, read.en);
  const { loaded, report } = read;
  const opts: CheckOptions = { ...base, agency: read.agency };
  const bytes = await fs.readFile(file);
  const dropped = uncarriedParts(bytes);
  if (dropped.length) {
    throw new Unusable(
      `${file} มี ${dropped.join(', ')} ซึ่ง ita-forms เขียนต่อไม่ได้ครบ: ไม่แก้ผ่านบรรทัดคำสั่งเพื่อไม่ให้ข้อมูลหาย (แก้ในบานหน้าต่าง ita-forms ใน Excel แทน)`,
      `${file} holds parts the command line cannot carry over (${dropped.join(', ')}): fix it in the task pane instead`,
    );
  }

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
  await writeFileSafely(target.writePath, fixed.bytes, { force });

  // What is left is for the officer: the same check on the file just written.
  const after = await checkFile(out, opts);
  const left = after.status === 'checked' ? after.errors : 0;
  io.out(`แก้ ${applied.length} เซลล์ เขียนไว้ที่ ${out} (ไฟล์ ${file} ไม่ถูกแก้)${left ? ` — ยังเหลือข้อผิดพลาด ${left} รายการที่ต้องแก้เอง (ita-forms check ${out})` : ' — ไม่เหลือข้อผิดพลาด'}`);
  return left > 0 ? 1 : 0;
}
