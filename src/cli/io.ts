/**
 * What every command shares: where it prints, today's date, and the exit status. Its own module so
 * the commands and the dispatcher (main.ts) depend on it and not on each other.
 */
import { utcDate } from '../domain/values/thaiDate';
import { stderrSink, type ProgressSink } from './progress';

/** No error found. */
export const EXIT_OK = 0;
/** The officer's data has errors (the report says where). */
export const EXIT_ERRORS = 1;
/** The command could not do its work: unusable input, a wrong option, a file it may not write… */
export const EXIT_UNUSABLE = 2;

/** An error raised on purpose (UsageError, Unusable, WorkbookRefused…), with its Thai and English line. */
export function explained(e: unknown): e is { th: string; en: string } {
  return typeof e === 'object' && e !== null && typeof (e as { th?: unknown }).th === 'string' && typeof (e as { en?: unknown }).en === 'string';
}

export interface Io {
  out(s: string): void;
  err(s: string): void;
  /** Today in Thailand, injected so tests are deterministic. */
  today(): Date;
  /** Where `check` over many files shows its progress (a terminal gets a bar). */
  progress?: ProgressSink;
}

function todayInThailand(): Date {
  const now = new Date(Date.now() + 7 * 3600 * 1000);
  return utcDate(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
}

export const nodeIo: Io = {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
  today: todayInThailand,
  progress: stderrSink,
};
