/** The command line's input/output captured for a test: what it printed, on a fixed today. */
import type { Io } from '../../src/cli/io';
import { TODAY } from '../fixtures/agency';

export type CapturedIo = Io & { stdout: string[]; stderr: string[]; text(): string };

export function captureIo(): CapturedIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, text: () => stdout.join('\n'), out: (s) => stdout.push(s), err: (s) => stderr.push(s), today: () => TODAY };
}
