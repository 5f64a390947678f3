/**
 * Benchmark of `check` over a folder: 1,000 o16 workbooks of 200 realistic rows each (Thai text, BE
 * text dates, text amounts), checked with an .xlsx report, with one worker and with one per core.
 * Prints files/s, peak memory (the whole process, worker threads included) and the ratio; asserts
 * nothing. BENCH_FILES and BENCH_ROWS change the size.
 */
import { existsSync, mkdirSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { childWithStats, type ChildRun } from './measure';
import { realisticO16 } from '../tests/fixtures/o16Realistic';

const FILES = Number(process.env.BENCH_FILES ?? 1000);
const ROWS = Number(process.env.BENCH_ROWS ?? 200);
const ROOT = path.resolve('.');
// The version in the name makes a changed generator write new files instead of reusing old ones.
const DIR = path.resolve('.bench', `batch-${FILES}x${ROWS}-v1`);
const AGENCIES = ['เทศบาลตำบลชุมพล', 'องค์การบริหารส่วนตำบลหนองบัว', 'เทศบาลเมืองสีคิ้ว', 'องค์การบริหารส่วนตำบลโคกสูง', 'เทศบาลตำบลลาดบัวขาว', 'องค์การบริหารส่วนตำบลมิตรภาพ', 'เทศบาลตำบลคลองไผ่', 'องค์การบริหารส่วนตำบลวังโรงใหญ่'];

async function generate(): Promise<void> {
  if (existsSync(path.join(DIR, '.done'))) return;
  mkdirSync(DIR, { recursive: true });
  // One workbook per agency, copied: each copy is read and checked in full like any other file.
  const originals: string[] = [];
  for (const [k, name] of AGENCIES.entries()) {
    const rows = realisticO16({ rows: ROWS });
    for (let r = 4; r < 4 + ROWS; r++) rows[r][4] = name;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('o16');
    rows.forEach((row) => ws.addRow(row as ExcelJS.CellValue[]));
    const file = path.join(DIR, `agency-${k}.xlsx`);
    await wb.xlsx.writeFile(file);
    originals.push(file);
  }
  for (let i = 0; i < FILES; i++) {
    const sub = path.join(DIR, `อำเภอ-${String(i % 25).padStart(2, '0')}`);
    mkdirSync(sub, { recursive: true });
    await fs.copyFile(originals[i % originals.length], path.join(sub, `o16-${String(i).padStart(4, '0')}.xlsx`));
  }
  for (const f of originals) await fs.rm(f);
  await fs.writeFile(path.join(DIR, '.done'), ''); // a dot file: not among the files checked
}

function checkRun(jobs: number): ChildRun {
  const report = path.resolve('.bench', `batch-report-${jobs}.xlsx`);
  return childWithStats(ROOT, ['-r', path.join(ROOT, 'bench/rss-hook.cjs'), path.join(ROOT, 'bin/ita-forms.js'), 'check', DIR, '--jobs', String(jobs), '--report', report, '--force', '--format', 'json']);
}

async function main(): Promise<void> {
  await generate();
  const cores = os.availableParallelism();
  const one = checkRun(1);
  const all = checkRun(cores);
  for (const r of [one, all]) {
    if (r.status !== 1 && r.status !== 0) throw new Error(`check exited ${r.status}`);
    const totals = JSON.parse(r.out).totals;
    if (totals.checked !== FILES) throw new Error(`checked ${totals.checked} of ${FILES} files`);
  }
  const perS = (r: ChildRun) => FILES / (r.ms / 1000);
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const perHour = perS(all) * 3600;
  const national = 8_300 * 12;
  console.log(`batch check benchmark — ${fmt(FILES)} o16 workbooks × ${ROWS} rows, with an .xlsx report (${cores} cores, shared machine)`);
  const cpuPerFile = (r: ChildRun) => r.cpuMs / FILES;
  const line = (label: string, r: ChildRun) =>
    console.log(`  ${label.padEnd(16)} ${fmt(r.ms)} ms   ${perS(r).toFixed(1)} files/s   peak ${r.rssMb.toFixed(0)} MB   CPU ${cpuPerFile(r).toFixed(1)} ms/file`);
  line('1 worker', one);
  line(`${cores} workers`, all);
  console.log(`  ratio all / 1    ${(perS(all) / perS(one)).toFixed(2)}× files/s (load average now ${os.loadavg()[0].toFixed(1)} on ${cores} cores: the neighbours' share is not ours)`);
  console.log(`  one machine      ${fmt(perHour)} files/hour as measured → the national round (~8,300 agencies × 12 files = ${fmt(national)}) in ${(national / perHour).toFixed(1)} h`);
  // CPU time per file does not move with the neighbours' load: what the same cores give when they are ours.
  const idlePerHour = (3_600_000 / cpuPerFile(all)) * cores;
  console.log(`  cores to ourselves ${fmt(idlePerHour)} files/hour (${cores} cores ÷ ${cpuPerFile(all).toFixed(1)} ms CPU per file) → the national round in ${(national / idlePerHour).toFixed(1)} h`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
