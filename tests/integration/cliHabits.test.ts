/**
 * The command line behaves as people expect: --help and -h on every command, --version, `--`,
 * every option in the usage, and a suggestion for each near miss — one line, exit 2.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { version } from '../../package.json';
import { closest, editDistance } from '../../src/cli/args';
import { COMMANDS, run } from '../../src/cli/main';
import { captureIo } from './cliIo';

async function cli(args: string[]) {
  const t = captureIo();
  const code = await run(args, t);
  return { code, out: t.text(), err: t.stderr };
}

describe('help and version', () => {
  it.each(COMMANDS.map((c) => c.name))('%s --help and -h print its options and exit 0', async (name) => {
    for (const flag of ['--help', '-h']) {
      const r = await cli([name, flag]);
      expect(r.code).toBe(0);
      expect(r.err).toEqual([]);
      expect(r.out).toContain(`ita-forms ${name}`);
      const command = COMMANDS.find((c) => c.name === name)!;
      for (const option of Object.keys(command.options)) expect(r.out).toContain(`--${option}`);
      expect(r.out).toContain('-h, --help');
    }
  });

  it('check -h is help, not a file named "-h"', async () => {
    const r = await cli(['check', '-h']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('--format text|json');
  });

  it('the usage names every option of every command (import\'s --encoding, --edition, --force…)', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const c of COMMANDS) for (const option of Object.keys(c.options)) expect(r.out).toMatch(new RegExp(`ita-forms ${c.name} .*--${option}\\b`));
    expect(r.out).toContain('--encoding utf-8|windows-874|utf-16le|utf-16be');
    expect((await cli(['help', 'import'])).out).toContain('--publication-copy FILE.xlsx');
  });

  it('--version prints the package version', async () => {
    const r = await cli(['--version']);
    expect(r).toEqual({ code: 0, out: version, err: [] });
  });

  it('no command at all prints the usage on stderr with exit 2', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.err[0]).toContain('ita-forms import');
  });
});

describe('near misses get a suggestion', () => {
  it('an unknown command points to the closest one and to --help', async () => {
    const r = await cli(['chek', 'o16.xlsx']);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toContain('unknown command "chek" (did you mean check?); see ita-forms --help');
    expect((await cli(['frobnicate'])).err[0]).toContain('see ita-forms --help');
  });

  it('an unknown option names the closest option of that command', async () => {
    const r = await cli(['import', 'egp.csv', '--fiscalyear', '2567']);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toContain('หมายถึง --fiscal-year หรือไม่');
    expect(r.err[0]).toContain('unknown option --fiscalyear for import (did you mean --fiscal-year?); see ita-forms import --help');
    expect((await cli(['new', 'o16', '--ouput', 'x.xlsx'])).err[0]).toContain('did you mean --out?');
    expect((await cli(['check', 'x.xlsx', '--zzz'])).err[0]).toContain('unknown option --zzz for check; see ita-forms check --help');
  });

  it('new o12 of an edition without it: o12 is an item of 2568 and 2569, add --edition', async () => {
    // Without --edition, o12 is the default edition's (2569) own: the near miss is an edition that lacks it.
    const r = await cli(['new', 'o12', '--edition', '2567', '--out', path.join(os.tmpdir(), 'never-written.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/o12 is an item of ITA 2568 or 2569, not of 2567: add --edition 2568 or --edition 2569/);
    expect((await cli(['new', 'o61', '--out', 'x.xlsx'])).err[0]).toContain('did you mean o16?');
  });

  it('an option without its value, a switch with one, an option twice', async () => {
    expect((await cli(['new', 'o16', '--out'])).err[0]).toContain('option --out needs a value: --out FILE.xlsx');
    expect((await cli(['new', 'o16', '--out', '--force'])).err[0]).toContain('option --out needs a value');
    expect((await cli(['new', 'o16', '--out', 'a.xlsx', '--force=yes'])).err[0]).toContain('option --force takes no value');
    expect((await cli(['new', 'o16', '--out', 'a.xlsx', '--out', 'b.xlsx'])).err[0]).toContain('option --out given twice');
    expect((await cli(['fix', 'a.xlsx', 'b.xlsx', '--out', 'c.xlsx'])).err[0]).toContain('fix takes one file, got 2');
    // check takes many files: each one is named, not the count.
    const many = await cli(['check', 'a.xlsx', 'b.xlsx']);
    expect(many.code).toBe(2);
    expect(many.err).toEqual([expect.stringContaining('No file, folder or match for a.xlsx'), expect.stringContaining('No file, folder or match for b.xlsx')]);
  });

  it('closest() takes typos and prefixes, not unrelated words', () => {
    expect(editDistance('chekc', 'check')).toBe(1);
    expect(closest('temp', ['templates', 'new'])).toBe('templates');
    expect(closest('xyz', ['templates', 'new', 'check', 'import'])).toBeUndefined();
  });
});

describe('-- ends the options', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ita-forms-dashdash-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('a file named like an option is read as a file after --', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const made = await cli(['new', 'o16', '--out', '-o16.xlsx']);
      // `--out -o16.xlsx` reads as a missing value: the file name must come after --.
      expect(made.err[0]).toContain('needs a value');
      expect((await cli(['new', 'o16', '--edition', '2567', '--out=-o16.xlsx'])).code).toBe(0);
      const r = await cli(['check', '--format', 'json', '--', '-o16.xlsx']);
      expect(r.err).toEqual([]);
      expect(JSON.parse(r.out).file).toBe('-o16.xlsx');
    } finally {
      process.chdir(cwd);
    }
  });
});
