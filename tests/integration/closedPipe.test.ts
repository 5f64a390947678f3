/**
 * `ita-forms check x.xlsx | head -1`: the reader closes the pipe after the first line; the command
 * ends quietly with its own status (1: the check found errors; 0 for `templates`), no stack trace.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { realisticO16 } from '../fixtures/o16Realistic';

const exec = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/ita-forms.js');

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ita-forms-pipe-'));
  await exec(process.execPath, [path.join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT });
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Runs `command | head -1` in bash; gives head's line, the command's exit status and its stderr. */
async function intoHead(args: string[]): Promise<{ first: string; status: number; stderr: string }> {
  const errFile = path.join(dir, 'stderr.txt');
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const { stdout } = await exec('bash', ['-c', `${quoted} 2>'${errFile}' | head -1; echo "status=\${PIPESTATUS[0]}"`], { cwd: ROOT });
  const [first, statusLine] = stdout.trimEnd().split('\n');
  return { first, status: Number(statusLine.replace('status=', '')), stderr: await fs.readFile(errFile, 'utf8') };
}

test('check piped into head -1: the first line, the check\'s own status, nothing on stderr', async () => {
  // Far more report than a pipe holds, so the command is still writing when head has gone.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('o16');
  realisticO16({ rows: 3000 }).forEach((r) => ws.addRow(r as ExcelJS.CellValue[]));
  const file = path.join(dir, 'o16.xlsx');
  await wb.xlsx.writeFile(file);
  const r = await intoHead(['check', file, '--as-of', '2024-11-01']);
  expect(r.first).toContain('o16.xlsx');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(1);
});

test('templates piped into head -1 exits 0', async () => {
  const r = await intoHead(['templates']);
  expect(r.first).toContain('templates');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});
