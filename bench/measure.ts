/**
 * Shared by the benchmarks: a child process timed with its peak memory and CPU time, and paired
 * comparisons. On a machine shared with other work, wall time moves with the neighbours' load;
 * CPU time of the process itself, compared with a baseline run right before it, does not (much).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export interface ChildRun {
  readonly ms: number;
  /** Peak resident memory reported by bench/rss-hook.cjs (NaN when the child did not load it). */
  readonly rssMb: number;
  /** User + system CPU time of the child (NaN without the hook). */
  readonly cpuMs: number;
  readonly status: number | null;
  readonly out: string;
  /** What the child wrote on stderr, without the memory report. */
  readonly err: string;
}

const HOOK = path.resolve('bench/rss-hook.cjs');

export function childWithStats(cwd: string, args: string[], opts: { hook?: boolean } = {}): ChildRun {
  const argv = opts.hook === false ? args : ['-r', HOOK, ...args];
  const t0 = performance.now();
  const res = spawnSync(process.execPath, argv, { cwd, encoding: 'utf8', maxBuffer: 256 << 20 });
  const ms = performance.now() - t0;
  const m = /__RSS__(\d+(?:\.\d+)?)__CPU__(\d+(?:\.\d+)?)/.exec(res.stderr ?? '');
  return { ms, rssMb: m ? Number(m[1]) : NaN, cpuMs: m ? Number(m[2]) : NaN, status: res.status, out: res.stdout, err: (res.stderr ?? '').replace(/__RSS__.*$/, '') };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** min / median / max of a list of figures. */
export interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

export function spread(xs: readonly number[]): Spread {
  return { min: Math.min(...xs), median: median(xs), max: Math.max(...xs) };
}

export function fmtSpread(s: Spread, digits = 2, unit = ''): string {
  return `${s.median.toFixed(digits)}${unit} (min ${s.min.toFixed(digits)}, max ${s.max.toFixed(digits)})`;
}

export interface Paired {
  readonly baseline: ChildRun[];
  readonly subject: ChildRun[];
  /** subject / baseline CPU time, per pair. */
  readonly cpuRatio: Spread;
  readonly wallRatio: Spread;
}

/** Runs baseline then subject, `runs` times, alternating, and compares each pair's CPU time. */
export function paired(cwd: string, runs: number, baselineArgs: string[], subjectArgs: string[], opts: { baselineHook?: boolean } = {}): Paired {
  const baseline: ChildRun[] = [];
  const subject: ChildRun[] = [];
  for (let i = 0; i < runs; i++) {
    baseline.push(childWithStats(cwd, baselineArgs, { hook: opts.baselineHook }));
    subject.push(childWithStats(cwd, subjectArgs));
  }
  return {
    baseline,
    subject,
    cpuRatio: spread(subject.map((s, i) => s.cpuMs / baseline[i].cpuMs)),
    wallRatio: spread(subject.map((s, i) => s.ms / baseline[i].ms)),
  };
}

export const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

export const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 5));
