/**
 * A command loads exceljs only when it writes a workbook with it: `templates`, `--help` and a
 * `check` (which reads by streaming) start without its 500 modules (issue 12; the time is in
 * `npm run bench start`). Seen from outside: a preload hook in the built command's process lists
 * which exceljs files were loaded.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { buildCli, type BuiltCli } from './builtCli';

let cli: BuiltCli;
let hook: string;
let workbook: string;

beforeAll(async () => {
  cli = await buildCli();
  hook = path.join(cli.dir, 'exceljs-loads.cjs');
  // Prints, as the process exits, how many exceljs files it loaded and whether its entry was one.
  await fs.writeFile(hook, `process.on('exit', () => {
  const files = Object.keys(require.cache).filter((f) => /node_modules[\\\\/]exceljs[\\\\/]/.test(f));
  process.stderr.write('EXCELJS ' + files.length + ' ' + files.some((f) => /exceljs[\\\\/]excel\\.js$/.test(f)) + '\\n');
});
`);
  workbook = path.join(cli.dir, 'o16.xlsx');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('o16').addRow(['งานที่ซื้อหรือจ้าง', 'วงเงินงบประมาณที่ได้รับจัดสรร (บาท)', 'ราคาที่ตกลงซื้อหรือจ้าง (บาท)']);
  await wb.xlsx.writeFile(workbook);
}, 120_000);

afterAll(() => cli.remove());

async function exceljsLoaded(args: string[]): Promise<{ files: number; entry: boolean }> {
  const r = await cli.run(args, { env: { NODE_OPTIONS: `--require "${hook}"` } });
  const m = /EXCELJS (\d+) (true|false)/.exec(r.stderr);
  if (!m) throw new Error(`no report from the hook: ${r.stderr}`);
  return { files: Number(m[1]), entry: m[2] === 'true' };
}

describe('exceljs is loaded only by commands that write with it', () => {
  it.each([[['templates']], [['--help']], [['check', '--help']]])('%j loads none of it', async (args) => {
    expect(await exceljsLoaded(args)).toEqual({ files: 0, entry: false });
  });

  it('check of a workbook reads it without loading exceljs itself (only its date and style readers)', async () => {
    const r = await exceljsLoaded(['check', workbook, '--as-of', '2024-03-31']);
    expect(r.entry).toBe(false);
    expect(r.files).toBeLessThan(40);
  });

  it('new, which writes the workbook with exceljs, loads it', async () => {
    const out = path.join(cli.dir, 'new-o16.xlsx');
    expect((await exceljsLoaded(['new', 'o16', '--edition', '2567', '--out', out])).entry).toBe(true);
  });
});
