/**
 * The command as installed: bundled by scripts/build-cli.mjs (cli.js and its worker) into a folder
 * of the test's own, so parallel test files never rebuild each other's copy, and run in a child
 * process (not a terminal: progress comes as plain lines).
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface BuiltCli {
  run(args: readonly string[], opts?: { cwd?: string; env?: NodeJS.ProcessEnv }): Promise<CliRun>;
  remove(): Promise<void>;
  /** The folder the bundle was built into (removed by `remove`). */
  readonly dir: string;
}

/** Builds inside the repository so that the bundle finds node_modules (exceljs, piscina). */
export async function buildCli(): Promise<BuiltCli> {
  const dir = await fs.mkdtemp(path.join(ROOT, '.test-cli-'));
  await exec(process.execPath, [path.join(ROOT, 'scripts/build-cli.mjs'), dir], { cwd: ROOT });
  const cli = path.join(dir, 'cli.js');
  return {
    async run(args, opts = {}) {
      try {
        const { stdout, stderr } = await exec(process.execPath, [cli, ...args], { cwd: opts.cwd ?? ROOT, maxBuffer: 64 << 20, env: { ...process.env, ...opts.env } });
        return { code: 0, stdout, stderr };
      } catch (e) {
        const err = e as { code?: number; stdout?: string; stderr?: string };
        if (typeof err.code !== 'number') throw e;
        return { code: err.code, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
      }
    },
    dir,
    remove: () => fs.rm(dir, { recursive: true, force: true }),
  };
}
