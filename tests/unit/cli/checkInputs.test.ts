/** What `check` makes of the names it is given: files, folders (recursively), patterns. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expandInputs } from '../../../src/cli/checkInputs';
import { issuesCsv } from '../../../src/cli/report/csv';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ita-forms-inputs-'));
  // A folder whose name holds glob characters, as officers name folders: it is a folder, not a pattern.
  for (const f of ['ITA [2567]/o16.xlsx', 'ITA [2567]/อำเภอ/o17.XLSX', 'ITA [2567]/สขร1.csv', 'ITA [2567]/~$o16.xlsx', 'ITA [2567]/.hidden/x.xlsx', 'อื่น/o14.xlsx']) {
    await fs.mkdir(path.dirname(path.join(dir, f)), { recursive: true });
    await fs.writeFile(path.join(dir, f), '');
  }
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const at = (f: string) => path.join(dir, f);

it('a folder: every .xlsx below it (any case), the rest listed as skipped with the reason', async () => {
  const r = await expandInputs([at('ITA [2567]')]);
  expect(r.files).toEqual([at('ITA [2567]/o16.xlsx'), at('ITA [2567]/อำเภอ/o17.XLSX')].sort((a, b) => a.localeCompare(b)));
  expect(r.skipped.map((s) => [path.basename(s.file), s.th])).toEqual(expect.arrayContaining([
    ['สขร1.csv', 'ไม่ใช่ไฟล์ .xlsx'],
    ['~$o16.xlsx', 'ไฟล์ล็อกของ Excel (มีคนเปิดสมุดงานนี้อยู่) ไม่ใช่สมุดงาน'],
  ]));
  expect(r.skipped).toHaveLength(2);
  expect(r.single).toBe(false);
});

it('patterns expand; a name matching nothing is missing; the same file twice is checked once', async () => {
  const r = await expandInputs([`${dir}/*/o1*.xlsx`, at('อื่น/o14.xlsx'), at('อื่น'), `${dir}/ไม่มี/*.xlsx`]);
  expect(r.files).toEqual([at('ITA [2567]/o16.xlsx'), at('อื่น/o14.xlsx')]);
  expect(r.missing).toEqual([`${dir}/ไม่มี/*.xlsx`]);
});

it('one file named alone is the one-file check, even when missing (it says the file is not there)', async () => {
  expect(await expandInputs([at('อื่น/o14.xlsx')])).toMatchObject({ files: [at('อื่น/o14.xlsx')], single: true });
  expect(await expandInputs([at('ไม่มี.xlsx')])).toMatchObject({ files: [at('ไม่มี.xlsx')], single: true, missing: [] });
});

it('leaves out the report being written into the folder checked', async () => {
  const r = await expandInputs([at('อื่น')], [at('อื่น/o14.xlsx')]);
  expect(r.files).toEqual([]);
  expect(r.missing).toEqual([]);
});

it('CSV: quotes what needs quoting and keeps a text from running as a formula in Excel', () => {
  const csv = issuesCsv([{ file: 'a,b.xlsx', agency: 'อบต. "ใหม่"', sheet: 'o16', cell: 'H2', severity: 'error', code: 'required', message: '=HYPERLINK("x")' }]);
  expect(csv).toBe('\uFEFFหน่วยงาน,ไฟล์,แผ่นงาน,เซลล์,ระดับ,รหัสปัญหา,รายละเอียด\r\n"อบต. ""ใหม่""","a,b.xlsx",o16,H2,ข้อผิดพลาด,required,"\'=HYPERLINK(""x"")"\r\n');
});
