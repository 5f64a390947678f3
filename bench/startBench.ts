/**
 * Start-up and bundle sizes: `ita-forms templates` and `--help` paired with a bare `node -e 0`
 * (CPU time ratio, min/median/max over the runs; target ≤ 2×), a 10-row `check`, the CLI bundle,
 * and the task pane's start bundle (the scripts taskpane.html loads, gzipped; target ≤ 180 KB) with
 * the chunks it loads later. Set BENCH_PANE=0 to skip the pane build (webpack, about a minute).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { fmt, fmtSpread, paired, RUNS, spread } from './measure';
import { realisticO16 } from '../tests/fixtures/o16Realistic';

const ROOT = path.resolve('.');
const OUT = path.resolve('.bench');
const BIN = path.join(ROOT, 'bin/ita-forms.js');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function smallWorkbook(): Promise<string> {
  const file = path.join(OUT, 'o16-10-rows.xlsx');
  if (existsSync(file)) return file;
  mkdirSync(OUT, { recursive: true });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('o16');
  realisticO16({ rows: 10 }).forEach((r) => ws.addRow(r as ExcelJS.CellValue[]));
  await wb.xlsx.writeFile(file);
  return file;
}

function paneSizes(): void {
  const out = path.join(OUT, 'pane');
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  const r = spawnSync(process.execPath, [cli, '--config', path.join(ROOT, 'webpack.config.js'), '--mode', 'production', '--env', `outDir=${out}`], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) {
    console.log(`  task pane build failed: ${(r.stderr || r.stdout).split('\n').slice(0, 3).join(' ')}`);
    return;
  }
  const html = readFileSync(path.join(out, 'taskpane.html'), 'utf8');
  const start = [...html.matchAll(/<script[^>]*src=["']?([^"' >]+\.js)/g)].map((m) => m[1]).filter((f) => !/^https?:/.test(f));
  const gz = (f: string) => gzipSync(readFileSync(path.join(out, f)), { level: 9 }).length;
  const startGz = start.reduce((n, f) => n + gz(f), 0);
  console.log(`  task pane start bundle         ${kb(startGz)} gzipped (${start.join(', ')})   (target ≤ 180 KB)`);
  const later = readdirSync(out).filter((f) => f.endsWith('.js') && !start.includes(f) && !/^(commands|preview)\./.test(f));
  // Named chunks say when the pane fetches them; numbered ones are shared parts of the pages.
  const when = (f: string): string => {
    if (/^check\./.test(f)) return 'fetched at start while the sheet is read (the check engine)';
    if (/^check-page\./.test(f)) return 'prefetched when the browser is idle (the check tab)';
    if (/^strings-en\./.test(f)) return 'only when the pane runs in English';
    return 'when a page needs it';
  };
  for (const f of later.sort((a, b) => when(a).localeCompare(when(b)))) console.log(`    ${f.padEnd(30)} ${kb(gz(f)).padStart(9)} gzipped   ${when(f)}`);
  const engine = later.filter((f) => /^check\./.test(f)).reduce((n, f) => n + gz(f), 0);
  console.log(`  start bundle + check engine    ${kb(startGz + engine)} gzipped (what a check of the first sheet needs)`);
}

async function main(): Promise<void> {
  console.log(`start-up benchmark — ${RUNS} paired runs each (baseline: node -e 0, a bare Node start)`);
  for (const [label, args] of [['ita-forms templates', ['templates']], ['ita-forms --help', ['--help']]] as const) {
    const p = paired(ROOT, RUNS, ['-e', '0'], [BIN, ...args]);
    console.log(`  ${label.padEnd(28)}   CPU ${fmtSpread(spread(p.subject.map((s) => s.cpuMs)), 0, ' ms')}   ratio to node -e 0: ${fmtSpread(p.cpuRatio)}× CPU, ${fmtSpread(p.wallRatio)}× wall   (target ≤ 2×)`);
  }
  const small = await smallWorkbook();
  const c = paired(ROOT, RUNS, ['-e', '0'], [BIN, 'check', small, '--as-of', '2024-03-31']);
  console.log(`  ita-forms check (10 rows)      CPU ${fmtSpread(spread(c.subject.map((s) => s.cpuMs)), 0, ' ms')}   ratio to node -e 0: ${fmtSpread(c.cpuRatio)}× CPU`);
  console.log('\nbundles');
  console.log(`  dist/cli.js                    ${kb(statSync(path.join(ROOT, 'dist/cli.js')).size)} (${kb(gzipSync(readFileSync(path.join(ROOT, 'dist/cli.js'))).length)} gzipped; exceljs loaded on demand)`);
  if (process.env.BENCH_PANE !== '0') paneSizes();
  void fmt;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
