/**
 * Benchmark of `check` on generated o16 workbooks of 1,000, 10,000 and 100,000 rows: the domain
 * check alone (rows/s), and the whole command in a fresh process paired with a bare streaming read
 * of the same file (exceljs's WorkbookReader iterating every row: the baseline) — CPU time ratio
 * per pair, min/median/max over the runs, and each process's peak memory. Prints figures; asserts
 * nothing. Targets (issue 12): ≤ 1.25× the baseline at 10k and 100k rows, ≤ 350 MB at 100k, CPU
 * growing linearly with rows.
 */
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { childWithStats, fmt, fmtSpread, median, paired, RUNS, spread } from './measure';
import { checkSheet } from '../src/domain/check';
import { readWorkbookFile } from '../src/xlsx/streamRead';
import { planSheet } from '../src/domain/layout';
import { encodeMeta, META_SHEET } from '../src/domain/workbookMeta';
import { resolveTemplate } from '../src/domain/templates';
import { utcDate } from '../src/domain/values/thaiDate';
import { realisticO16 } from '../tests/fixtures/o16Realistic';

const SIZES = (process.env.BENCH_ROWS ?? '1000,10000,100000').split(',').map(Number);
const OUT = path.resolve('.bench');
const ROOT = path.resolve('.');
const SHEET = 'ความก้าวหน้าการจัดซื้อจัดจ้าง';
// The sample's statuses were written as of this day (tests/fixtures/o16Realistic.ts): checked as of
// then, the file has an officer's usual findings (amounts typed as text), not an error on every row.
const AS_OF = '2024-03-31';

/** The version in the name makes a changed generator write a new file instead of reusing the old one. */
const fileFor = (rows: number) => path.join(OUT, `o16-${rows}-v3.xlsx`);

/** An o16 as an officer fills it (realistic rows: Thai text, BE text dates, Thai digits), streamed out. */
async function generate(rows: number): Promise<string> {
  const file = fileFor(rows);
  if (existsSync(file)) return file;
  mkdirSync(OUT, { recursive: true });
  const choice = resolveTemplate('o16')!;
  const plan = planSheet(choice, {});
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: `${file}.part`, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...plan.headers]).commit();
  const sample = realisticO16({ rows: 200 }).slice(4, 204).map((r) => r.slice(1));
  for (let i = 0; i < rows; i++) {
    const row = [...sample[i % sample.length]];
    // Unique project numbers that keep the sample's year prefix (the BE year the project was
    // announced, which the check compares with the signing date), as e-GP numbers them.
    row[15] = `${String(row[15] ?? '67').slice(0, 2)}${String(100_000_000 + i).slice(-9)}`;
    ws.addRow(row as ExcelJS.CellValue[]).commit();
  }
  ws.commit();
  const meta = wb.addWorksheet(META_SHEET, { state: 'hidden' });
  for (const r of encodeMeta({ sheets: { [SHEET]: { template: choice.template.id, edition: choice.edition.edition } } })) meta.addRow(r).commit();
  meta.commit();
  await wb.commit();
  renameSync(`${file}.part`, file);
  return file;
}

const BARE = `const E=require('exceljs');(async()=>{let n=0;for await(const ws of new E.stream.xlsx.WorkbookReader(process.argv[1],{}))for await(const r of ws)n++;})()`;

async function domainFigures(file: string): Promise<{ rows: number; median: number; best: number }> {
  const loaded = await readWorkbookFile(file);
  const grid = loaded.sheets.find((s) => s.name === SHEET)!;
  const today = utcDate(2024, 3, 31);
  for (let i = 0; i < 3; i++) checkSheet(grid, { today });
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    rows = checkSheet(grid, { today }).report.rows;
    times.push(performance.now() - t0);
  }
  return { rows, median: median(times), best: Math.min(...times) };
}

async function main(): Promise<void> {
  console.log(`check benchmark — o16 workbooks, ${RUNS} paired runs each (baseline: exceljs stream.xlsx.WorkbookReader reading every row of the same file, in its own process)`);
  const perRow: { rows: number; cpu: number }[] = [];
  for (const size of SIZES) {
    const file = await generate(size);
    const sizeMb = statSync(file).size / 1e6;
    const check = [path.join(ROOT, 'bin/ita-forms.js'), 'check', file, '--format', 'json', '--as-of', AS_OF];
    const p = paired(ROOT, RUNS, ['-e', BARE, file], check);
    const cpu = spread(p.subject.map((s) => s.cpuMs));
    const base = spread(p.baseline.map((s) => s.cpuMs));
    perRow.push({ rows: size, cpu: cpu.median });
    console.log(`\n  ${fmt(size)} rows (${sizeMb.toFixed(1)} MB .xlsx)`);
    if (size <= 10_000) {
      const d = await domainFigures(file);
      console.log(`    domain check alone          ${d.median.toFixed(1)} ms   ${fmt(d.rows / (d.median / 1000))} rows/s median, ${fmt(d.rows / (d.best / 1000))} best   (target ≥ 200,000)`);
    }
    console.log(`    \`ita-forms check\` CPU       ${fmtSpread(cpu, 0, ' ms')}   ${fmt(size / (cpu.median / 1000))} rows/CPU-s   exit ${p.subject[0].status}`);
    console.log(`    baseline CPU                ${fmtSpread(base, 0, ' ms')}`);
    console.log(`    ratio check / baseline CPU  ${fmtSpread(p.cpuRatio)}×   (target ≤ 1.25× at 10k and 100k)   wall ${fmtSpread(p.wallRatio)}×`);
    console.log(`    peak memory                 check ${fmtSpread(spread(p.subject.map((s) => s.rssMb)), 0, ' MB')}   baseline ${fmtSpread(spread(p.baseline.map((s) => s.rssMb)), 0, ' MB')}${size >= 100_000 ? '   (target ≤ 350 MB at 100k)' : ''}`);
    if (size === 10_000) {
      // For the record: the whole-workbook load check used before issue 12.
      const whole = childWithStats(ROOT, ['-e', `const E=require('exceljs');new E.Workbook().xlsx.readFile(process.argv[1])`, file]);
      console.log(`    (exceljs whole-workbook load of the same file: CPU ${fmt(whole.cpuMs)} ms, peak ${whole.rssMb.toFixed(0)} MB — 1 run)`);
    }
  }
  if (perRow.length > 1) {
    // Linear growth: the same extra CPU per 1,000 rows from one size to the next (start-up cancels out).
    console.log('\n  growth (median CPU; marginal = extra CPU per 1,000 more rows between consecutive sizes, about equal when growth is linear):');
    perRow.forEach((r, i) => {
      const prev = perRow[i - 1];
      const marginal = prev ? `   marginal ${((r.cpu - prev.cpu) / ((r.rows - prev.rows) / 1000)).toFixed(1)} ms/1k rows` : '';
      console.log(`    ${fmt(r.rows).padStart(8)} rows  ${fmt(r.cpu)} ms${marginal}`);
    });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
