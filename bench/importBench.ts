/**
 * Benchmark of `import` on a generated 100,000-row e-GP bulk CSV (25 agencies, Thai text, UTF-8
 * with BOM, 2-digit BE dates), generated once into .bench/: the domain pipeline in this process
 * (stream → decode → CSV → records → filter to one agency → map → check), and the whole command
 * in a fresh process (also writing the .xlsx), each with its peak memory. Prints figures; asserts
 * nothing. Targets: ≥ 50,000 rows/s, < 400 MB.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { childWithStats, median, type ChildRun } from './measure';
import { csvRowBatches, decodeByteChunks, egpCsvRecordBatches, importProcurement } from '../src/domain/import';
import { resolveTemplate } from '../src/domain/templates';
import { taxIdCheckDigit } from '../src/domain/values/taxId';
import { THAI_MONTHS, utcDate } from '../src/domain/values/thaiDate';
import { BULK_HEADER } from '../tests/fixtures/import/egp';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const OUT = path.resolve('.bench');
// The version in the name makes a changed generator write a new file instead of reusing the old one.
const FILE = path.join(OUT, `egp-${ROWS}-v2.csv`);
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

async function generate(): Promise<void> {
  if (existsSync(FILE)) return;
  mkdirSync(OUT, { recursive: true });
  const rnd = prng(2567);
  const out = createWriteStream(FILE);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('\uFEFF' + BULK_HEADER.join(',') + '\r\n');
  const start = utcDate(2022, 10, 1).getTime();
  const span = utcDate(2024, 9, 30).getTime() - start;
  let buf = '';
  for (let i = 0; i < ROWS; i++) {
    // One row in twelve is the target agency's; the rest spread over the others.
    const own = i % 12 === 0;
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
}

async function* fileBytes(file: string): AsyncGenerator<Uint8Array> {
  for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 })) yield chunk as Buffer;
}

async function domainRun(): Promise<{ ms: number; read: number; imported: number; errors: number }> {
  const t0 = performance.now();
  const records = egpCsvRecordBatches(csvRowBatches(decodeByteChunks(fileBytes(FILE))), path.basename(FILE));
  const r = await importProcurement(records, {
    choice: resolveTemplate('o16')!,
    fiscalYear: 2567,
    today: utcDate(2024, 11, 1),
    unit: TARGET,
    budgetSource: 'เทศบัญญัติ',
    agency: { name: TARGET, district: 'สีคิ้ว', province: 'นครราชสีมา', ministry: 'กระทรวงมหาดไทย', agencyType: 'องค์กรปกครองส่วนท้องถิ่น' },
  });
  return { ms: performance.now() - t0, read: r.counts.read, imported: r.counts.imported, errors: r.errors };
}

async function main(): Promise<void> {
  await generate();
  const sizeMb = statSync(FILE).size / 1e6;
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

  // Warm up once (JIT), then time three runs of the domain pipeline over the streamed file.
  await domainRun();
  const runs: Awaited<ReturnType<typeof domainRun>>[] = [];
  for (let i = 0; i < 3; i++) runs.push(await domainRun());
  const ms = median(runs.map((r) => r.ms));
  const { read, imported, errors } = runs[0];
  const inProcessRss = process.resourceUsage().maxRSS / 1024;

  spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT, stdio: 'inherit' });
  const outXlsx = path.join(OUT, 'import-out.xlsx');
  const agencyFile = path.join(OUT, 'import-agency.json');
  writeFileSync(agencyFile, JSON.stringify({ name: TARGET, district: 'สีคิ้ว', province: 'นครราชสีมา', ministry: 'กระทรวงมหาดไทย', agencyType: 'องค์กรปกครองส่วนท้องถิ่น' }));
  const whole: ChildRun[] = [];
  for (let i = 0; i < 3; i++) {
    whole.push(childWithStats(ROOT, [
      path.join(ROOT, 'bin/ita-forms.js'), 'import', FILE,
      '--template', 'o16', '--fiscal-year', '2567', '--agency', agencyFile, '--budget-source', 'เทศบัญญัติ', '--out', outXlsx,
    ]));
  }
  const wholeMs = median(whole.map((w) => w.ms));
  const wholeRss = Math.max(...whole.map((w) => w.rssMb));

  console.log(`import benchmark — ${fmt(read)} e-GP rows (${sizeMb.toFixed(1)} MB CSV, UTF-8 BOM, ${AGENCIES.length + DEPARTMENTS.length} agencies), to "${TARGET}", o16 FY2567`);
  console.log(`  imported ${fmt(imported)} rows of the window (check errors ${errors})`);
  console.log(`  domain pipeline (stream → decode → CSV → filter → map → check)  ${fmt(ms)} ms   ${fmt(read / (ms / 1000))} rows/s   (target ≥ 50,000)`);
  console.log(`  this process peak (maxRSS, 4 runs)                                  ${inProcessRss.toFixed(0)} MB   (target < 400)`);
  console.log(`  whole \`ita-forms import\` (fresh process, writes .xlsx)            ${fmt(wholeMs)} ms   ${fmt(read / (wholeMs / 1000))} rows/s   peak ${wholeRss.toFixed(0)} MB (target < 400)   exit ${whole[0].status}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
