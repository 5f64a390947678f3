/**
 * `ita-forms check` over what it was given: one file (today's report, word for word), or many files,
 * folders and patterns checked in parallel on every core (piscina), with progress, a summary line
 * per file, an optional report file and an optional check of the published links.
 * Exit status: 2 if any input was unusable, else 1 if any errors, else 0.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { byPlace, type Issue, type SheetReport } from '../domain/check';
import { checkFile, reasonWithoutFile, type CheckedFile, type CheckFileOptions, type FileResult } from './checkFile';
import { expandInputs, type Skipped } from './checkInputs';
import { Unusable } from './inputs';
import { judgeLink, LinkChecker, linkIssue, type LinkCheckOptions } from './links';
import type { Io } from './io';
import { Progress, type ProgressSink } from './progress';
import { assertReportWritable, reportFormat, writeReport } from './report';
import { textReport } from './textReport';
import { UsageError } from './args';

const EXIT_OK = 0;
const EXIT_ERRORS = 1;
const EXIT_UNUSABLE = 2;

export interface CheckCommandOptions {
  readonly file: CheckFileOptions;
  readonly format: 'text' | 'json';
  /** `--report FILE.xlsx|.csv|.json|.html` */
  readonly report?: string;
  readonly force?: boolean;
  /** `--check-links`, with its settings. */
  readonly links?: LinkCheckOptions;
  /** Workers (default: every core). */
  readonly jobs?: number;
}

/** The worker bundle sits beside the bundled command (dist/checkWorker.js). */
function workerFile(): string {
  const f = path.join(__dirname, 'checkWorker.js');
  if (!existsSync(f)) {
    throw new Unusable('ยังไม่ได้ build ตัวตรวจแบบขนาน (รัน npm ci หรือ npm run build)', `The check worker is not built (${f}): run npm ci or npm run build`);
  }
  return f;
}

/** A one-file JSON document, exactly as `check FILE --format json` has always printed it. */
function fileDoc(r: CheckedFile) {
  return {
    file: r.file,
    errors: r.errors,
    warnings: r.warnings,
    sheets: r.sheets.map((s) => ({
      sheet: s.sheet,
      template: s.template,
      edition: s.edition,
      headerRow: s.headerRow,
      rows: s.rows,
      // Every issue, each with its English message and its automatic fix (value, number format, how it reads).
      issues: s.issues.map((i) => ({
        severity: i.severity, code: i.code, row: i.row, column: i.column, field: i.field, message: i.message, messageEn: i.messageEn,
        ...(i.fix ? { fix: { value: i.fix.value instanceof Date ? i.fix.value.toISOString().slice(0, 10) : i.fix.value, display: i.fix.display, ...(i.fix.numFmt ? { numFmt: i.fix.numFmt } : {}) } } : {}),
      })),
      // Derived values (the ITA overall score and level…), only where the template derives some.
      ...(s.figures ? { figures: s.figures.map((f) => ({ key: f.key, label: f.label, value: f.value })) } : {}),
    })),
  };
}


/** Adds the link problems to the sheets they were found on, recounting the file. */
function withIssues(r: CheckedFile, bySheet: Map<string, Issue[]>): CheckedFile {
  if (bySheet.size === 0) return r;
  let errors = r.errors;
  let warnings = r.warnings;
  const sheets: SheetReport[] = r.sheets.map((s) => {
    const extra = bySheet.get(s.sheet);
    if (!extra) return s;
    for (const i of extra) i.severity === 'error' ? errors++ : warnings++;
    const issues = [...s.issues, ...extra].sort(byPlace);
    return { ...s, issues };
  });
  return { ...r, errors, warnings, sheets };
}

/** Opens every collected address once and puts what fails on its cell. */
async function checkLinks(results: FileResult[], opts: LinkCheckOptions): Promise<FileResult[]> {
  const checker = new LinkChecker(opts);
  const timeoutMs = opts.timeoutMs ?? 15_000;
  return Promise.all(
    results.map(async (r) => {
      if (r.status !== 'checked' || !r.links?.length) return r;
      const bySheet = new Map<string, Issue[]>();
      await Promise.all(
        r.links.map(async (cell) => {
          const verdict = judgeLink(cell.url, await checker.fetch(cell.url), r.website, timeoutMs);
          if (!verdict) return;
          bySheet.set(cell.sheet, [...(bySheet.get(cell.sheet) ?? []), linkIssue(verdict, cell)]);
        }),
      );
      return withIssues(r, bySheet);
    }),
  );
}

function sinkFor(io: Io): ProgressSink {
  return io.progress ?? { isTTY: false, write: (s) => io.err(s.replace(/\n$/, '')) };
}

/** Checks the files on a pool of workers, in any order; results come back in the order given. */
async function checkInPool(files: readonly string[], options: CheckFileOptions, jobs: number, progress: Progress): Promise<FileResult[]> {
  const { Piscina } = await import('piscina');
  const threads = Math.max(1, Math.min(jobs, files.length));
  const pool = new Piscina({ filename: workerFile(), minThreads: threads, maxThreads: threads, idleTimeout: 1000 });
  try {
    return await Promise.all(
      files.map(async (file): Promise<FileResult> => {
        let r: FileResult;
        try {
          r = (await pool.run({ file, options })) as FileResult;
        } catch (e) {
          // A workbook that breaks the reader or a worker is this file's problem, not the batch's.
          r = { status: 'unusable', file, th: `${file}: ตรวจไม่สำเร็จ (${(e as Error).message})`, en: `${file}: the check failed (${(e as Error).message})` };
        }
        progress.fileDone({ file, errors: r.status === 'checked' ? r.errors : 0, warnings: r.status === 'checked' ? r.warnings : 0, unusable: r.status === 'unusable' });
        return r;
      }),
    );
  } finally {
    await pool.destroy();
  }
}

function verdictWord(r: FileResult): string {
  if (r.status === 'unusable') return 'ตรวจไม่ได้';
  return r.errors === 0 ? 'พร้อมเผยแพร่' : 'ยังไม่พร้อมเผยแพร่';
}

function batchText(results: readonly FileResult[], skipped: readonly Skipped[], io: Io): void {
  io.out(`ตรวจ ${results.length} ไฟล์${skipped.length ? ` (ข้าม ${skipped.length} ไฟล์)` : ''}`);
  for (const r of results) {
    if (r.status === 'unusable') {
      io.out(`! ${r.file} — ตรวจไม่ได้: ${reasonWithoutFile(r)}`);
      continue;
    }
    const templates = r.sheets.filter((s) => s.template).map((s) => s.item ?? s.template).join(', ');
    io.out(`${r.errors ? '✗' : '✓'} ${r.file} — ${r.agency} (${templates}): ข้อผิดพลาด ${r.errors}, คำเตือน ${r.warnings} — ${verdictWord(r)}`);
  }
  for (const s of skipped) io.out(`- ข้าม ${s.file}: ${s.th}`);
  const checked = results.filter((r): r is CheckedFile => r.status === 'checked');
  const ready = checked.filter((r) => r.errors === 0).length;
  const errors = checked.reduce((n, r) => n + r.errors, 0);
  const warnings = checked.reduce((n, r) => n + r.warnings, 0);
  io.out('');
  io.out(`สรุป: ${results.length} ไฟล์ — พร้อมเผยแพร่ ${ready}, ยังไม่พร้อม ${checked.length - ready}, ตรวจไม่ได้ ${results.length - checked.length}; ข้อผิดพลาด ${errors}, คำเตือน ${warnings}`);
}

function batchJson(results: readonly FileResult[], skipped: readonly Skipped[], io: Io): void {
  const checked = results.filter((r): r is CheckedFile => r.status === 'checked');
  io.out(JSON.stringify({
    files: results.map((r) => (r.status === 'checked'
      ? { status: r.status, agency: r.agency, ...fileDoc(r) }
      : { status: r.status, file: r.file, message: r.th, messageEn: r.en })),
    skipped: skipped.map((s) => ({ file: s.file, reason: s.th, reasonEn: s.en })),
    totals: {
      files: results.length, checked: checked.length, unusable: results.length - checked.length, skipped: skipped.length,
      errors: checked.reduce((n, r) => n + r.errors, 0), warnings: checked.reduce((n, r) => n + r.warnings, 0),
    },
  }, null, 2));
}

export async function checkCommand(inputs: readonly string[], o: CheckCommandOptions, io: Io): Promise<number> {
  if (inputs.length === 0) throw new UsageError('ระบุไฟล์หรือโฟลเดอร์ที่จะตรวจ เช่น ita-forms check o16.xlsx', 'Name the files or folders to check, e.g. ita-forms check o16.xlsx');
  // A report that cannot be written is said before an hour of checking, not after.
  if (o.report) {
    reportFormat(o.report);
    await assertReportWritable(o.report, o.force ?? false);
  }
  const options: CheckFileOptions = o.links ? { ...o.file, collectLinks: true } : o.file;
  const expanded = await expandInputs(inputs, o.report ? [o.report] : []);
  if (o.report && expanded.files.some((f) => path.resolve(f) === path.resolve(o.report!))) {
    throw new UsageError('--report ต้องเป็นไฟล์ใหม่ ไม่ใช่ไฟล์ที่ตรวจ', '--report must be a new file, not one of the files checked');
  }

  if (expanded.files.length === 0 && expanded.missing.length === 0) {
    // Nothing checked is never "no errors": exit 2, with what was skipped.
    if (o.format === 'text') for (const s of expanded.skipped) io.out(`- ข้าม ${s.file}: ${s.th}`);
    throw new Unusable(`ไม่พบไฟล์ .xlsx ให้ตรวจใน ${inputs.join(', ')}`, `No .xlsx workbook to check in ${inputs.join(', ')}`);
  }
  let results: FileResult[];
  if (expanded.single) {
    const r = await checkFile(expanded.files[0], options);
    // One file named alone: an unusable one is the command's failure, as it always was.
    if (r.status === 'unusable') throw new Unusable(r.th, r.en);
    results = [r];
  } else {
    const progress = new Progress(expanded.files.length, sinkFor(io));
    results = expanded.files.length ? await checkInPool(expanded.files, options, o.jobs ?? os.availableParallelism(), progress) : [];
    progress.finish();
    for (const m of expanded.missing) results.push({ status: 'unusable', file: m, th: `ไม่พบไฟล์ โฟลเดอร์ หรือไฟล์ที่ตรงกับ ${m}`, en: `No file, folder or match for ${m}` });
  }
  if (o.links) {
    if (!expanded.single) {
      const cells = results.flatMap((r) => (r.status === 'checked' ? r.links ?? [] : []));
      io.err(`ตรวจลิงก์ ${new Set(cells.map((c) => c.url)).size} ที่อยู่ (${cells.length} เซลล์)…`);
    }
    results = await checkLinks(results, o.links);
  }

  if (expanded.single) {
    const r = results[0] as CheckedFile;
    io.out(o.format === 'json' ? JSON.stringify(fileDoc(r), null, 2) : textReport(r.file, r));
  } else {
    for (const r of results) if (r.status === 'unusable') io.err(`ita-forms: ${r.th} | ${r.en}`);
    if (o.format === 'json') batchJson(results, expanded.skipped, io);
    else batchText(results, expanded.skipped, io);
  }
  if (o.report) {
    await writeReport(o.report, { results, skipped: expanded.skipped, generatedAt: new Date(), asOf: o.file.asOf, linksChecked: Boolean(o.links) }, o.force ?? false);
    io.err(`เขียนรายงานแล้ว: ${o.report}`);
  }
  if (results.some((r) => r.status === 'unusable')) return EXIT_UNUSABLE;
  return results.some((r) => r.status === 'checked' && r.errors > 0) ? EXIT_ERRORS : EXIT_OK;
}

export function jobsFlag(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError('--jobs ต้องเป็นจำนวนเต็ม 1–256', '--jobs must be an integer 1–256');
  return n;
}

export function linkTimeoutFlag(v: string | undefined): number {
  if (v === undefined) return 15_000;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > 300) throw new UsageError('--link-timeout ต้องเป็นจำนวนวินาที มากกว่า 0 ไม่เกิน 300', '--link-timeout must be seconds, > 0 and ≤ 300');
  return n * 1000;
}
