/**
 * Benchmark of `import` on generated e-GP bulk CSVs of 100,000 and 1,000,000 rows (25 agencies, Thai
 * text, UTF-8 with BOM, 2-digit BE dates), generated once into .bench/, in two shapes: one agency
 * keeps a small share of the rows (41,670 of 1,000,000, as a large agency in a province's export:
 * the byte-level filter skips decoding the rest), and every row is the agency's (nothing to skip:
 * every row decoded, mapped, checked and written). For each: the domain pipeline in this process
 * (stream → bytes split → agency filter → decode kept rows → records → map → check), and the
 * whole command in a fresh process writing the .xlsx, paired with a baseline run of the same file:
 * a bare streamed read, decoded and split into CSV rows (what reading every row as text costs) —
 * rows/s by wall time and by CPU time, CPU ratio per pair and peak memory, each as min/median/max
 * over the runs. Prints figures; asserts nothing. Targets (issue 12): ≤ 300 MB and ≥ 60,000
 * rows/s at 1,000,000 rows.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fmt, fmtSpread, paired, RUNS, spread } from './measure';
import { isUtf8 } from 'node:buffer';
import { csvSourceRecords, importProcurement } from '../src/domain/import';
import { resolveTemplate } from '../src/domain/templates';
import { taxIdCheckDigit } from '../src/domain/values/taxId';
import { THAI_MONTHS, utcDate } from '../src/domain/values/thaiDate';
import { BULK_HEADER } from '../tests/fixtures/import/egp';

const SIZES = (process.env.BENCH_ROWS ?? '100000,1000000').split(',').map(Number);
const OUT = path.resolve('.bench');
/** How many rows are the agency's: a small share (41,670 per 1,000,000, spread evenly), or all. */
type Shape = 'share' | 'all';
const SHARE = 41_670 / 1_000_000;
// The version in the name makes a changed generator write a new file instead of reusing the old one.
const fileFor = (rows: number, shape: Shape) => path.join(OUT, `egp-${rows}-${shape}-v3.csv`);
const ROOT = path.resolve('.');
const TARGET = 'เทศบาลตำบลชุมพล';

const AGENCIES = [
  TARGET, 'เทศบาลตำบลหนองบัว', 'เทศบาลเมืองปากช่อง', 'เทศบาลนครนครราชสีมา', 'องค์การบริหารส่วนจังหวัดนครราชสีมา',
  'องค์การบริหารส่วนตำบลหนองบัว', 'องค์การบริหารส่วนตำบลลาดบัวขาว', 'องค์การบริหารส่วนตำบลกุดน้อย', 'องค์การบริหารส่วนตำบลคลองไผ่',
  'องค์การบริหารส่วนตำบลบ้านหัน', 'เทศบาลตำบลสีคิ้ว', 'เทศบาลตำบลมิตรภาพ', 'เทศบาลตำบลโคกกรวด', 'เทศบาลตำบลจอหอ', 'เทศบาลตำบลหัวทะเล',
  'องค์การบริหารส่วนตำบลวังโรงใหญ่', 'องค์การบริหารส่วนตำบลดอนเมือง', 'องค์การบริหารส่วนตำบลมิตรภาพ', 'โรงพยาบาลสีคิ้ว', 'สำนักงานสาธารณสุขอำเภอสีคิ้ว',
];
const DEPARTMENTS: [string, string][] = [
  ['กรมทางหลวง', 'แขวงทางหลวงนครราชสีมาที่ 1'],
  ['กรมทางหลวงชนบท', 'สำนักงานทางหลวงชนบทจังหวัดนครราชสีมา'],
  ['กรมชลประทาน', 'โครงการชลประทานนครราชสีมา'],
  ['กรมส่งเสริมการเกษตร', 'สำนักงานเกษตรจังหวัดนครราชสีมา'],
  ['สำนักงานปลัดกระทรวงสาธารณสุข', 'โรงพยาบาลมหาราชนครราชสีมา'],
];
const WORKS = [
  ['โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ ', 'จ้างก่อสร้าง'],
  ['จัดซื้อวัสดุสำนักงาน กองคลัง ครั้งที่ ', 'ซื้อ'],
  ['จ้างเหมาซ่อมแซมรถยนต์ส่วนกลาง ทะเบียน กข ', 'จ้างทำของ/จ้างเหมาบริการ'],
  ['จัดซื้ออาหารเสริม (นม) โรงเรียน ภาคเรียนที่ ', 'ซื้อ'],
  ['โครงการวางท่อระบายน้ำ คสล. พร้อมบ่อพัก หมู่ที่ ', 'จ้างก่อสร้าง'],
  ['จ้างเหมาบริการรักษาความปลอดภัยสำนักงาน, งวดที่ ', 'จ้างทำของ/จ้างเหมาบริการ'],
  ['จัดซื้อครุภัณฑ์คอมพิวเตอร์ "แบบที่ 1" จำนวน ', 'ซื้อ'],
];
const METHODS = ['เฉพาะเจาะจง', 'เฉพาะเจาะจง', 'เฉพาะเจาะจง', 'ตลาดอิเล็กทรอนิกส์ (e-market)', 'ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)', 'คัดเลือก'];
const SUPPLIERS = ['ห้างหุ้นส่วนจำกัด สีคิ้วก่อสร้าง', 'บริษัท โคราชคอมพิวเตอร์ จำกัด', 'ร้านชุมพลพาณิชย์', 'บริษัท ทรัพย์ทวีคอนกรีต จำกัด', 'ห้างหุ้นส่วนจำกัด เอ็น.เค.เซอร์วิส'];

/** A small deterministic generator: the file is the same on every machine. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function thaiDate(d: Date): string {
  return `${d.getUTCDate()} ${THAI_MONTHS[d.getUTCMonth()].abbr} ${String(d.getUTCFullYear() + 543).slice(2)}`;
}

function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

async function generate(ROWS: number, shape: Shape): Promise<string> {
  const FILE = fileFor(ROWS, shape);
  if (existsSync(FILE)) return FILE;
  mkdirSync(OUT, { recursive: true });
  const rnd = prng(2567);
  const out = createWriteStream(FILE);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('\uFEFF' + BULK_HEADER.join(',') + '\r\n');
  const start = utcDate(2022, 10, 1).getTime();
  const span = utcDate(2024, 9, 30).getTime() - start;
  let buf = '';
  for (let i = 0; i < ROWS; i++) {
    // The target agency's rows spread evenly through the file; the rest spread over the others.
    const own = shape === 'all' || Math.floor((i + 1) * SHARE) > Math.floor(i * SHARE);
    const [agency, sub] = own ? [TARGET, TARGET] : rnd() < 0.25 ? DEPARTMENTS[Math.floor(rnd() * DEPARTMENTS.length)] : ((a) => [a, a])(AGENCIES[1 + Math.floor(rnd() * (AGENCIES.length - 1))]);
    const [work, type] = WORKS[Math.floor(rnd() * WORKS.length)];
    const method = METHODS[Math.floor(rnd() * METHODS.length)];
    const signed = new Date(start + Math.floor((rnd() * span) / 86_400_000) * 86_400_000);
    const ends = new Date(signed.getTime() + (15 + Math.floor(rnd() * 200)) * 86_400_000);
    const announced = new Date(signed.getTime() - 20 * 86_400_000);
    const budget = Math.round(5_000 + rnd() * 480_000);
    const median = budget;
    const agreed = Math.round(budget * (0.9 + rnd() * 0.1));
    const be = signed.getUTCFullYear() + 543;
    const first12 = '0' + String(30_000_000_000 + Math.floor(rnd() * 9_999_999_999)).slice(0, 11);
    const taxId = first12 + String(taxIdCheckDigit(first12));
    const fy = signed.getUTCMonth() >= 9 ? be + 1 : be;
    const row = [
      String(i + 1), `${String(be).slice(2)}${String(100_000_000 + i).slice(-9)}`, `${work}${1 + (i % 12)}`, type, agency, sub, method,
      'วิธีการจัดหา ประกาศเชิญชวนทั่วไป คัดเลือก เฉพาะเจาะจง', thaiDate(announced), String(budget), String(median), String(agreed), String(fy),
      thaiDate(signed), 'นครราชสีมา', 'สีคิ้ว', 'ชุมพล', 'ระหว่างดำเนินการ', '', '', '', taxId, SUPPLIERS[i % SUPPLIERS.length],
      // Contract numbers are unique, as an agency numbers its contracts (a number and date that repeat
      // are one contract to the import's de-duplication).
      `${i + 1}/${fy}`, thaiDate(signed), thaiDate(ends), String(agreed), 'ระหว่างดำเนินการ',
    ];
    buf += row.map(csvField).join(',') + '\r\n';
    if (buf.length > 1 << 16) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise<void>((r) => out.end(() => r()));
  return FILE;
}

async function* fileBytes(file: string): AsyncGenerator<Uint8Array> {
  for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 })) yield chunk as Buffer;
}

async function domainRun(FILE: string): Promise<{ ms: number; read: number; imported: number; errors: number }> {
  const t0 = performance.now();
  // As the command reads it: split in bytes, only the agency's rows decoded whole.
  const records = csvSourceRecords({ file: FILE, format: 'csv' }, fileBytes(FILE), { agency: TARGET, isUtf8 });
  const r = await importProcurement(records, {
    choice: resolveTemplate('o16', '2567')!,
    fiscalYear: 2567,
    today: utcDate(2024, 11, 1),
    unit: TARGET,
    budgetSource: 'เทศบัญญัติ',
    agency: { name: TARGET, district: 'สีคิ้ว', province: 'นครราชสีมา', ministry: 'กระทรวงมหาดไทย', agencyType: 'องค์กรปกครองส่วนท้องถิ่น' },
  });
  return { ms: performance.now() - t0, read: r.counts.read, imported: r.counts.imported, errors: r.errors };
}

// The baseline: the file streamed, decoded and split into CSV rows, nothing more.
const BASELINE = path.join(OUT, 'csv-baseline.cjs');

async function main(): Promise<void> {
  const agencyFile = path.join(OUT, 'import-agency.json');
  mkdirSync(OUT, { recursive: true });
  writeFileSync(agencyFile, JSON.stringify({ name: TARGET, district: 'สีคิ้ว', province: 'นครราชสีมา', ministry: 'กระทรวงมหาดไทย', agencyType: 'องค์กรปกครองส่วนท้องถิ่น' }));
  spawnSync(process.execPath, ['-e', `require('esbuild').buildSync({stdin:{contents:${JSON.stringify(BASELINE_SOURCE)},resolveDir:'.',loader:'ts'},bundle:true,platform:'node',format:'cjs',outfile:${JSON.stringify(BASELINE)},logLevel:'warning'})`], { cwd: ROOT, stdio: 'inherit' });
  console.log(`import benchmark — e-GP bulk CSV (UTF-8 BOM, ${AGENCIES.length + DEPARTMENTS.length} agencies), to "${TARGET}", o16 FY2567, ${RUNS} paired runs each`);
  console.log('  baseline: the same file streamed, decoded and split into CSV rows in its own process (decodeByteChunks + csvRowBatches)');
  for (const size of SIZES) {
    for (const shape of ['share', 'all'] as const) {
      const FILE = await generate(size, shape);
      const sizeMb = statSync(FILE).size / 1e6;
      const kept = shape === 'all' ? size : Math.floor(size * SHARE);
      console.log(`\n  ${fmt(size)} rows (${sizeMb.toFixed(0)} MB CSV), ${shape === 'all' ? 'every row the agency\'s' : `${fmt(kept)} of them the agency's`}`);
      if (size <= 100_000) {
        await domainRun(FILE);
        const d = await domainRun(FILE);
        console.log(`    domain pipeline (in process)   ${fmt(d.ms)} ms   ${fmt(d.read / (d.ms / 1000))} rows/s   imported ${fmt(d.imported)} rows (check errors ${d.errors})`);
      }
      const outXlsx = path.join(OUT, `import-out-${size}-${shape}.xlsx`);
      const p = paired(ROOT, RUNS, [BASELINE, FILE], [
        path.join(ROOT, 'bin/ita-forms.js'), 'import', FILE, '--template', 'o16', '--fiscal-year', '2567', '--agency', agencyFile, '--budget-source', 'เทศบัญญัติ', '--out', outXlsx, '--force',
      ]);
      const failed = p.subject.find((s) => s.status !== 0 && s.status !== 1);
      if (failed) {
        console.log(`    import failed (exit ${failed.status}): ${failed.err.trim().split('\n')[0]}`);
        continue;
      }
      const cpu = spread(p.subject.map((s) => s.cpuMs));
      const wall = spread(p.subject.map((s) => s.ms));
      const perSecond = (ms: readonly number[]) => fmtRate(spread(ms.map((m) => size / (m / 1000))));
      console.log(`    \`ita-forms import\` wall        ${fmtSpread(wall, 0, ' ms')}`);
      console.log(`      rows/s by wall time          ${perSecond(p.subject.map((s) => s.ms))}   (target ≥ 60,000 at 1M)`);
      console.log(`    \`ita-forms import\` CPU         ${fmtSpread(cpu, 0, ' ms')}`);
      console.log(`      rows per CPU-second          ${perSecond(p.subject.map((s) => s.cpuMs))}`);
      console.log(`    baseline CPU                   ${fmtSpread(spread(p.baseline.map((s) => s.cpuMs)), 0, ' ms')}`);
      console.log(`    ratio import / baseline CPU    ${fmtSpread(p.cpuRatio)}×   wall ${fmtSpread(p.wallRatio)}×`);
      console.log(`    peak memory                    import ${fmtSpread(spread(p.subject.map((s) => s.rssMb)), 0, ' MB')}   baseline ${fmtSpread(spread(p.baseline.map((s) => s.rssMb)), 0, ' MB')}   (target ≤ 300 MB at 1M)`);
    }
  }
}

/** A rate's median, min and max, rounded for reading. */
function fmtRate(s: { min: number; median: number; max: number }): string {
  return `${fmt(s.median)} (min ${fmt(s.min)}, max ${fmt(s.max)})`;
}

const BASELINE_SOURCE = `
import { createReadStream } from 'node:fs';
import { csvRowBatches } from './src/domain/import/csv';
import { decodeByteChunks } from './src/domain/import/encoding';
async function* bytes(file: string) { for await (const c of createReadStream(file, { highWaterMark: 256 * 1024 })) yield c as Buffer; }
(async () => { let n = 0; for await (const b of csvRowBatches(decodeByteChunks(bytes(process.argv[2])))) n += b.length; process.stdout.write(String(n)); })();
`;

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
