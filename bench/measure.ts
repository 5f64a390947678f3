/** Shared by the benchmarks: a child process timed with its peak memory, and the median. */
import { spawnSync } from 'node:child_process';

export interface ChildRun {
  readonly ms: number;
  /** Peak resident memory reported by bench/rss-hook.cjs (NaN when the child did not load it). */
  readonly rssMb: number;
  /** CPU time of the child (user + system, all threads), ms; NaN without bench/rss-hook.cjs. */
  readonly cpuMs: number;
  readonly status: number | null;
  readonly out: string;
}

export function childWithStats(cwd: string, args: string[]): ChildRun {
  const t0 = performance.now();
  const res = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = performance.now() - t0;
  const m = /__RSS__(\d+(?:\.\d+)?)/.exec(res.stderr ?? '');
  const cpu = /__CPU__(\d+)/.exec(res.stderr ?? '');
  return { ms, rssMb: m ? Number(m[1]) : NaN, cpuMs: cpu ? Number(cpu[1]) : NaN, status: res.status, out: res.stdout };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
