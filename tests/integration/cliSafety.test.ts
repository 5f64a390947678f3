/**
 * Never lose an officer's work: no command replaces a file without --force, no output is ever one
 * of the inputs (by any name: symlink, hard link, letter case), output folders are checked before
 * the work, and every file is written whole or not at all — also when the process is killed
 * while writing.
 */
import { spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { run } from '../../src/cli/main';
import { writeFileAtomic } from '../../src/xlsx/atomicWrite';
import { CHUMPHON, egpCsv, egpRows } from '../fixtures/import/egp';
import { captureIo } from './cliIo';

const ROOT = path.resolve(__dirname, '../..');
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ita-forms-safety-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const file = (name: string) => path.join(dir, name);

async function cli(args: string[]) {
  const t = captureIo();
  const code = await run(args, t);
  return { code, out: t.text(), err: t.stderr };
}

async function bytes(p: string): Promise<Buffer> {
  return fs.readFile(p);
}

/** Files in the folder that are not the named ones: temporary files left behind. */
async function strays(): Promise<string[]> {
  return (await fs.readdir(dir)).filter((n) => n.includes('.ita-forms.tmp') || n.startsWith('.ita-forms-probe'));
}

const IMPORT = ['--template', 'o16', '--fiscal-year', '2567', '--unit', CHUMPHON, '--budget-source', 'เทศบัญญัติ'];

describe('no file is replaced without --force', () => {
  it('new: an existing --out is kept, with one line naming the file and --force; --force replaces it', async () => {
    const out = file('o16.xlsx');
    expect((await cli(['new', 'o16', '--edition', '2567', '--out', out])).code).toBe(0);
    const before = await bytes(out);
    const again = await cli(['new', 'o17', '--edition', '2567', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.err).toHaveLength(1);
    expect(again.err[0]).toContain(`มีไฟล์ ${out} อยู่แล้ว`);
    expect(again.err[0]).toContain('--force');
    expect(await bytes(out)).toEqual(before);
    const forced = await cli(['new', 'o17', '--edition', '2567', '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.out).toContain('แทนที่');
    expect(await bytes(out)).not.toEqual(before);
    expect(await strays()).toEqual([]);
  });

  it('import: a filled workbook at --out is not replaced by the import (the 34 records stay)', async () => {
    const out = file('filled.xlsx');
    await cli(['new', 'o16', '--edition', '2567', '--out', out, '--rows', '34']);
    const before = await bytes(out);
    const src = file('egp.csv');
    await fs.writeFile(src, egpCsv(egpRows()));
    const r = await cli(['import', src, ...IMPORT, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err[0]).toContain('already exists and was not overwritten');
    expect(r.out).toBe('');
    expect(await bytes(out)).toEqual(before);
  });
});

describe('an output is never an input, by any name', () => {
  let src: string;
  let into: string;
  beforeAll(async () => {
    src = file('source.csv');
    await fs.writeFile(src, egpCsv(egpRows()));
    into = file('into.xlsx');
    await cli(['new', 'o16', '--edition', '2567', '--out', into]);
  });

  it.each([
    ['the source itself', () => ['import', file('own.xlsx'), ...IMPORT, '--out', file('own.xlsx'), '--force']],
    ['--into as --out', () => ['import', src, ...IMPORT, '--into', into, '--out', into, '--force']],
    ['--publication-copy as --into', () => ['import', src, ...IMPORT, '--into', into, '--out', file('new1.xlsx'), '--publication-copy', into, '--force']],
    ['--into through a symlink to --out', () => ['import', src, ...IMPORT, '--into', file('link-to-into.xlsx'), '--out', into, '--force']],
    ['--out as a hard link of --into', () => ['import', src, ...IMPORT, '--into', into, '--out', file('hard.xlsx'), '--force']],
    ['--into named relative to the working folder, through ".."', () => ['import', src, ...IMPORT, '--into', path.relative(process.cwd(), path.join(dir, 'sub', '..', 'into.xlsx')), '--out', into, '--force']],
  ])('%s is refused before any work, even with --force', async (_label, args) => {
    await fs.copyFile(into, file('own.xlsx'));
    if (!existsSync(file('link-to-into.xlsx'))) await fs.symlink(into, file('link-to-into.xlsx'));
    if (!existsSync(file('hard.xlsx'))) await fs.link(into, file('hard.xlsx'));
    const before = await bytes(into);
    const r = await cli(args());
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/is the same file as|are the same file/);
    expect(r.out).toBe('');
    expect(await bytes(into)).toEqual(before);
  });

  it('--out and --publication-copy may not be one file', async () => {
    const r = await cli(['import', src, ...IMPORT, '--out', file('p.xlsx'), '--publication-copy', path.join(dir, '.', 'p.xlsx')]);
    expect(r.err[0]).toContain('--publication-copy and --out are the same file');
  });

  it('letter case: on a disk that ignores it, O16.xlsx is o16.xlsx; on one that does not, they are two files', async () => {
    const upper = file('CASE.xlsx');
    const lower = file('case.xlsx');
    await cli(['new', 'o16', '--edition', '2567', '--out', lower]);
    const caseInsensitive = existsSync(upper);
    const r = await cli(['import', src, ...IMPORT, '--into', lower, '--out', upper]);
    if (caseInsensitive) {
      expect(r.err[0]).toContain('is the same file as --into');
    } else {
      // Imported (exit 1: the rows lack the agency columns no profile gave), not refused.
      expect(r.err).toEqual([]);
      expect(r.code).not.toBe(2);
    }
  });
});

describe('output folders are checked before the work', () => {
  it('a missing folder is named at once, and nothing is read', async () => {
    const r = await cli(['import', file('no-such-source.csv'), ...IMPORT, '--out', file('missing/o16.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err[0]).toContain(`folder ${file('missing')} does not exist`);
  });

  it('a folder that takes no files is named at once', async () => {
    const ro = file('readonly');
    await fs.mkdir(ro);
    await fs.chmod(ro, 0o555);
    const r = await cli(['new', 'o16', '--edition', '2567', '--out', path.join(ro, 'o16.xlsx')]);
    await fs.chmod(ro, 0o755);
    // root writes anywhere: there the check passes and the file is written.
    if (process.getuid?.() === 0) expect(r.code).toBe(0);
    else expect(r.err[0]).toMatch(/cannot write into .*readonly/);
  });

  it('an --out that is a folder is refused', async () => {
    await fs.mkdir(file('folder.xlsx'));
    const r = await cli(['new', 'o16', '--edition', '2567', '--out', file('folder.xlsx'), '--force']);
    expect(r.err[0]).toContain('is a folder');
  });
});

describe('atomic writes', () => {
  it('a write that fails half way leaves the previous file and no temporary file', async () => {
    const target = file('atomic.txt');
    await fs.writeFile(target, 'previous');
    await expect(
      writeFileAtomic(target, async (out) => {
        out.write('half of the new');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await fs.readFile(target, 'utf8')).toBe('previous');
    expect(await strays()).toEqual([]);
    await writeFileAtomic(target, async (out) => void out.write('ใหม่'));
    expect(await fs.readFile(target, 'utf8')).toBe('ใหม่');
  });

  it('a temporary file left by a killed process is removed by the next write', async () => {
    const target = file('stale.txt');
    // A pid that is not running (pids stay far below this).
    const stale = path.join(dir, `.stale.txt.${2 ** 22 + 12345}-abcdef01.ita-forms.tmp`);
    await fs.writeFile(stale, 'half');
    await writeFileAtomic(target, async (out) => void out.write('whole'));
    expect(existsSync(stale)).toBe(false);
    expect(await fs.readFile(target, 'utf8')).toBe('whole');
  });
});

describe('killed while writing', () => {
  // A child process runs the bundled command on a big import; it is killed as soon as its
  // temporary file appears. Building and the big import take a while on a loaded machine.
  jest.setTimeout(300_000);
  let cliJs: string;
  let big: string;

  beforeAll(async () => {
    cliJs = path.join(ROOT, 'node_modules', '.cache', 'ita-forms-test', `cli-${process.pid}.js`);
    await build({ entryPoints: [path.join(ROOT, 'src/cli/bin.ts')], outfile: cliJs, bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['exceljs', 'iconv-lite'], logLevel: 'warning' });
    // 6,000 contracts of the agency, each its own project: a workbook that takes seconds to write.
    const base = egpRows()[0];
    const rows = Array.from({ length: 6000 }, (_, i) => ({ ...base, projectNumber: String(66100000000 + i), contractNumber: `${i + 1}/2567` }));
    big = file('big.csv');
    await fs.writeFile(big, egpCsv(rows));
  });
  afterAll(async () => {
    await fs.rm(cliJs, { force: true });
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('%s mid-write: the previous --out is intact and no temporary file is left', async (signal) => {
    const out = file(`killed-${signal}.xlsx`);
    await cli(['new', 'o16', '--edition', '2567', '--out', out]);
    const before = await bytes(out);
    const child = spawn(process.execPath, [cliJs, 'import', big, ...IMPORT, '--out', out, '--force'], { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
    let sawTemp = false;
    for (let i = 0; i < 12_000 && child.exitCode === null; i++) {
      if ((await fs.readdir(dir)).some((n) => n.startsWith(`.killed-${signal}.xlsx.`) && n.endsWith('.ita-forms.tmp'))) {
        sawTemp = true;
        child.kill(signal);
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    const sig = await exited;
    expect(sawTemp).toBe(true);
    expect(sig).toBe(signal);
    expect(await bytes(out)).toEqual(before);
    expect(await strays()).toEqual([]);
  });
});
