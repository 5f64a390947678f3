/**
 * `npm run bench limits`: the memory budget of README ("Limits and memory"), measured. A
 * generated 200,000-row o16 checked by the command in a fresh process with a 2 GB heap (Node's
 * default on an 8 GB PC); zip bombs (one whose directory declares 2 GB, one that claims 1 KB and
 * inflates past the ceiling) refused before anything is held; a broken 200 MB one-line CSV refused
 * at its line. Each with its time and peak memory. Prints figures; asserts nothing.
 */
import { existsSync, mkdirSync, createWriteStream, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { childWithStats } from './measure';
import { buildWorkbook } from '../src/xlsx/write';
import { resolveTemplate } from '../src/domain/templates';
import { MAX_LIMITS } from '../src/xlsx/limits';
import { realisticO16 } from '../tests/fixtures/o16Realistic';
import { bombXlsx } from '../tests/fixtures/damaged';
import { egpCsv } from '../tests/fixtures/import/egp';

const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
const OUT = path.resolve('.bench');
const ROOT = path.resolve('.');
const FILE = path.join(OUT, `o16-${ROWS}-v2.xlsx`);
const HEAP_8GB_PC = 2048;

async function generate(): Promise<void> {
  if (existsSync(FILE)) return;
  mkdirSync(OUT, { recursive: true });
  // The rows of checkBench's generator (same name and version: either bench reuses the file).
  const wb = buildWorkbook(resolveTemplate('o16')!, {});
  const ws = wb.getWorksheet('ความก้าวหน้าการจัดซื้อจัดจ้าง')!;
  const sample = realisticO16({ rows: 200 }).slice(4, 204).map((r) => r.slice(1));
  for (let i = 0; i < ROWS; i++) {
    const row = [...sample[i % sample.length]];
    row[15] = `${String(row[15] ?? '67').slice(0, 2)}${String(100_000_000 + i).slice(-9)}`;
    ws.getRow(i + 2).values = row as ExcelJS.CellValue[];
  }
  await wb.xlsx.writeFile(FILE);
}

function runCli(label: string, heapMb: number, args: string[]): void {
  const r = childWithStats(ROOT, [`--max-old-space-size=${heapMb}`, '-r', path.join(ROOT, 'bench/rss-hook.cjs'), path.join(ROOT, 'bin/ita-forms.js'), ...args]);
  // A refusal is its one stderr line; a finished check, its verdict.
  const last = (r.err.trim() || (r.out.trim().split('\n').pop() ?? '')).split(' | ').pop() ?? '';
  console.log(`${label.padEnd(52)} ${(r.ms / 1000).toFixed(1).padStart(6)} s  peak ${r.rssMb.toFixed(0).padStart(5)} MB  exit ${r.status}  ${last.slice(0, 110)}`);
}

async function oneLineCsv(file: string, megabytes: number): Promise<void> {
  if (existsSync(file)) return;
  const out = createWriteStream(file);
  out.write(egpCsv([]).split('\r\n')[0] + '\n');
  const chunk = 'ข้อมูลที่ไม่มีการขึ้นบรรทัดใหม่ '.repeat(10_000);
  for (let written = 0; written < megabytes * 1024 * 1024; written += Buffer.byteLength(chunk)) {
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}

async function main(): Promise<void> {
  await generate();
  console.log(`limits: ${ROWS.toLocaleString('en-US')}-row o16 (${(statSync(FILE).size / 1e6).toFixed(1)} MB .xlsx), heap ${HEAP_8GB_PC} MB as on an 8 GB PC`);
  runCli(`check ${ROWS.toLocaleString('en-US')} rows (2 GB heap)`, HEAP_8GB_PC, ['check', FILE, '--as-of', '2024-11-01']);

  const declared = path.join(OUT, 'bomb-declared-2gb.xlsx');
  writeFileSync(declared, bombXlsx(2, { claimedSize: 2000 * 1024 * 1024 }));
  runCli(`zip bomb, directory says 2 GB (${statSync(declared).size} B)`, HEAP_8GB_PC, ['check', declared]);
  const liarMb = MAX_LIMITS.sheetXmlBytes / (1024 * 1024) + 200;
  const liar = path.join(OUT, `bomb-liar-${liarMb}mb.xlsx`);
  writeFileSync(liar, bombXlsx(liarMb, { claimedSize: 1024 }));
  runCli(`zip bomb, claims 1 KB, inflates ${liarMb} MB (${(statSync(liar).size / 1024).toFixed(0)} KB)`, HEAP_8GB_PC, ['check', liar]);

  const oneLine = path.join(OUT, 'one-line-200mb.csv');
  await oneLineCsv(oneLine, 200);
  runCli('import of a 200 MB CSV with no line breaks', HEAP_8GB_PC, ['import', oneLine, '--template', 'o16', '--fiscal-year', '2567', '--out', path.join(OUT, 'never.xlsx')]);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
