/**
 * A catalogue file adding an imaginary ITA 2570 (examples/catalogue-2570.json): `templates`
 * shows what it changes, `new` takes 2570 as the latest edition and keeps the file in the
 * workbook, `check` reads a filled sheet against it; a broken file is exit 2 and one line.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import { captureIo } from './cliIo';

const EXAMPLE = path.resolve(__dirname, '../../examples/catalogue-2570.json');
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ita-forms-cat-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('catalogue file: ITA 2570 as data', () => {
  it('templates --catalogue shows what the file changes', async () => {
    const out = captureIo();
    expect(await run(['templates', '--catalogue', EXAMPLE], out)).toBe(0);
    const text = out.text();
    expect(text).toContain('ITA 2570 (เพิ่มใหม่)');
    expect(text).toContain('o10 สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน → procurement-monthly');
    expect(text).toContain('หัวคอลัมน์ "เหตุผลที่คัดเลือกโดยสรุป" → "เหตุผลที่คัดเลือก"');
    expect(text).toContain('ตาราง OIT: 5 ข้อ (o1–o11)');
    expect(text).toContain('(ITA 2570 เป็นค่าเริ่มต้น / the default)');
  });

  it('templates --catalogue shows a header override against ITA 2570 only', async () => {
    const out = captureIo();
    expect(await run(['templates', '--catalogue', EXAMPLE], out)).toBe(0);
    const text = out.text();
    expect(text).toContain('procurement-monthly (ITA 2570 เท่านั้น): หัวคอลัมน์ "เหตุผลที่คัดเลือกโดยสรุป" → "เหตุผลที่คัดเลือก"');
    // In the listing, under the 2570 item and not under 2569's.
    const lines = text.split('\n');
    const at2570 = lines.findIndex((l) => l.includes('ITA 2570: o10'));
    const at2569 = lines.findIndex((l) => l.includes('ITA 2569: o11'));
    expect(lines[at2570 + 1]).toBe('      หัวคอลัมน์ของ ITA 2570: "เหตุผลที่คัดเลือก" (แทน "เหตุผลที่คัดเลือกโดยสรุป")');
    expect(lines[at2569 + 1]).not.toContain('หัวคอลัมน์');
    expect(lines.filter((l) => l.includes('หัวคอลัมน์ของ ITA'))).toHaveLength(1);
  });

  it('new o11 --edition 2569 with the 2570 catalogue keeps the 2569 header wording, and checks as before', async () => {
    const file = path.join(dir, 'o11-2569.xlsx');
    const out = captureIo();
    expect(await run(['new', 'o11', '--edition', '2569', '--fiscal-year', '2569', '--catalogue', EXAMPLE, '--out', file], out)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const headers = (wb.getWorksheet('O11 สขร.1 ไตรมาส 1')!.getRow(4).values as ExcelJS.CellValue[]).slice(1);
    expect(headers).toContain('เหตุผลที่คัดเลือกโดยสรุป');
    expect(headers).not.toContain('เหตุผลที่คัดเลือก');
    const checked = captureIo();
    await run(['check', file, '--catalogue', EXAMPLE, '--format', 'json', '--as-of', '2025-09-30'], checked);
    const report = JSON.parse(checked.stdout.join('')) as { sheets: { edition: string | null; issues: { code: string }[] }[] };
    expect(report.sheets[0].edition).toBe('2569');
    expect(report.sheets.flatMap((s) => s.issues).filter((i) => i.code === 'missing-column')).toEqual([]);
  });

  it('new o10 makes the 2570 item, and check reads a filled month against the file kept in the workbook', async () => {
    const file = path.join(dir, 'o10.xlsx');
    const out = captureIo();
    expect(await run(['new', 'o10', '--fiscal-year', '2570', '--catalogue', EXAMPLE, '--out', file], out)).toBe(0);
    expect(out.text()).toContain('แบบ o10 สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน (ITA 2570)');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('O10 สขร.1 ไตรมาส 1')!;
    expect(ws.getCell('A3').value).toBe('สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม 2569');
    expect(ws.getCell('H4').value).toBe('เหตุผลที่คัดเลือก');
    ['๑', 'จ้างเหมาซ่อมแซมรถบรรทุกน้ำ', '๔๕,๐๐๐', 45000, 'วิธีเฉพาะเจาะจง', 'อู่ช่างเอกการช่าง ราคา ๔๔,๕๐๐ บาท', 'อู่ช่างเอกการช่าง ราคา ๔๔,๕๐๐ บาท', 'เสนอราคาต่ำสุด', 'ใบสั่งจ้างเลขที่ ๓/๒๕๗๐ ลงวันที่ ๒๑ ต.ค. ๒๕๖๙']
      .forEach((v, c) => (ws.getCell(5, c + 1).value = v));
    ws.getCell(18, 2).value = 'ไม่มีการจัดซื้อจัดจ้าง'; // November
    await wb.xlsx.writeFile(file);

    // No --catalogue: the workbook keeps it.
    const chk = captureIo();
    const code = await run(['check', file, '--format', 'json', '--as-of', '2026-12-05'], chk);
    expect(chk.stderr).toEqual([]);
    const report = JSON.parse(chk.stdout.join('')) as { sheets: { sheet: string; template: string; edition: string; rows: number; issues: { code: string; severity: string; row: number | null; message: string }[] }[] };
    const q1 = report.sheets.find((s) => s.sheet === 'O10 สขร.1 ไตรมาส 1')!;
    expect(q1).toMatchObject({ template: 'procurement-monthly', edition: '2570', rows: 1 });
    expect(q1.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(code).toBe(0);
  });

  it('a broken catalogue: exit 2 and one line naming the key at fault', async () => {
    const cases: [unknown, RegExp][] = [
      [{ catalogue: 1, editions: [{ edition: '2570', source: 'x', items: [{ template: 'procurement-monthly', item: 'o10', title: 't', window: 'monthly' }] }] }, /editions\[0\]\.items\[0\]\.window: ต้องเป็นค่าใดค่าหนึ่งของ firstHalf, fiscalYear, previousFiscalYear/],
      [{ catalogue: 1, editions: [{ edition: '2570', source: 'x', items: [{ template: 'o99-plan', item: 'o10', title: 't', window: 'fiscalYear' }] }] }, /editions\[0\]\.items\[0\]\.template: ไม่มีแบบ "o99-plan"/],
      [{ catalogue: 1, editions: [{ edition: '2570' }] }, /editions\[0\]\.source: ต้องมีคีย์นี้/],
      [{ catalogue: 1, optionLists: { procurementMethod: ['วิธีเฉพาะเจาะจง'] }, extra: true }, /extra: ไม่รู้จักคีย์นี้/],
    ];
    for (const [content, line] of cases) {
      const f = path.join(dir, 'bad.json');
      await fs.writeFile(f, JSON.stringify(content));
      const out = captureIo();
      expect(await run(['templates', '--catalogue', f], out)).toBe(2);
      expect(out.stderr).toHaveLength(1);
      expect(out.stderr[0]).toMatch(line);
    }
    await fs.writeFile(path.join(dir, 'notjson.json'), '{ "catalogue": 1,');
    const out = captureIo();
    expect(await run(['new', 'o11', '--catalogue', path.join(dir, 'notjson.json'), '--out', path.join(dir, 'n.xlsx')], out)).toBe(2);
    expect(out.stderr).toHaveLength(1);
    expect(out.stderr[0]).toMatch(/ไม่ใช่ JSON ที่ถูกต้อง/);
  });
});
