/**
 * `ita-forms fix FILE --out FIXED.xlsx` on a real workbook: the safe fixes written into the copy and
 * printed cell by cell, the input never written, and everything the fixes did not touch carried over
 * as it was — compared cell by cell (values, formulas, styles and number formats, data validation)
 * on every sheet, hidden ones included.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import { utcDate } from '../../src/domain/values/thaiDate';
import { AGENCY, RECORD } from '../fixtures/agency';
import * as scores from '../fixtures/seeds/itaScores';
import { captureIo } from './cliIo';

let dir: string;
let input: string;
const SHEET = 'ความก้าวหน้าการจัดซื้อจัดจ้าง';
const NOTES = 'บันทึกผู้ตรวจ';

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ita-forms-fix-'));
  const agency = path.join(dir, 'agency.json');
  await fs.writeFile(agency, JSON.stringify(AGENCY));
  input = path.join(dir, 'o16 ชุมพล.xlsx');
  // Two rows pre-filled with the agency's columns, both used below (unused ones would be cleared by prefilled-unused fixes).
  expect(await run(['new', 'o16', '--agency', agency, '--prefill-rows', '2', '--out', input], captureIo())).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  const ws = wb.getWorksheet(SHEET)!;
  // Row 2 as an officer types it (RECORD: Thai digits, text amounts, BE text dates, a short method name);
  // its status says the contract still runs, though it ended on 30 Mar 2567.
  const r = RECORD;
  ws.getRow(2).getCell(7).value = r.item;
  Object.entries({ H: r.budget, I: 'เทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย', J: 'อยู่ระหว่างระยะสัญญา', K: r.method, L: r.medianPrice, M: r.agreedPrice, N: r.taxId, O: r.winner, P: r.projectNumber, Q: r.signDate, R: r.endDate })
    .forEach(([c, v]) => (ws.getCell(`${c}2`).value = v));
  // Row 3 entered correctly, except the agency name someone deleted; a bold, yellow item cell.
  Object.entries({ G: 'จ้างเหมาซ่อมแซมรถยนต์ส่วนกลาง', H: 12800, I: 'เทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย', J: 'สิ้นสุดระยะสัญญา', K: 'วิธีเฉพาะเจาะจง', L: 12800, M: 12500, N: '0105543008219', O: 'บริษัท ซีพี ออลล์ จำกัด (มหาชน)', P: '67019549408', Q: utcDate(2024, 1, 10), R: utcDate(2024, 2, 10) })
    .forEach(([c, v]) => (ws.getCell(`${c}3`).value = v));
  ws.getCell('D3').value = null;
  ws.getCell('G3').style = { ...ws.getCell('G3').style, font: { name: 'TH SarabunPSK', size: 14, bold: true }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } } };
  // An inspector's own sheet: formulas, a merged title, a number format, a list validation, a width.
  const notes = wb.addWorksheet(NOTES);
  notes.mergeCells('A1:C1');
  notes.getCell('A1').value = 'บันทึกการตรวจ ปีงบประมาณ ๒๕๖๗';
  notes.getCell('A1').font = { bold: true, size: 16 };
  notes.getCell('A2').value = 'จำนวนรายการ';
  notes.getCell('B2').value = { formula: `COUNTA('${SHEET}'!G2:G6)`, result: 2 } as ExcelJS.CellFormulaValue;
  notes.getCell('A3').value = 'วงเงินรวม';
  notes.getCell('B3').value = { formula: `SUM('${SHEET}'!H2:H6)`, result: 12800 } as ExcelJS.CellFormulaValue;
  notes.getCell('B3').numFmt = '#,##0.00';
  notes.getCell('C2').value = 'ผ่าน';
  notes.getCell('C2').dataValidation = { type: 'list', allowBlank: true, formulae: ['"ผ่าน,ไม่ผ่าน"'] };
  notes.getColumn(1).width = 30;
  await wb.xlsx.writeFile(input);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const sha = async (f: string) => createHash('sha256').update(await fs.readFile(f)).digest('hex');

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Everything a cell carries that a fix must leave alone. */
function cellState(c: ExcelJS.Cell) {
  return {
    value: c.value instanceof Date ? c.value.toISOString() : JSON.parse(JSON.stringify(c.value ?? null)),
    formula: c.formula ?? null,
    style: JSON.parse(JSON.stringify(c.style ?? {})),
    validation: JSON.parse(JSON.stringify(c.dataValidation ?? null)),
    merged: c.isMerged ? c.master.address : null,
  };
}

/** Compares two workbooks cell by cell, except the listed cells ("sheet!A1"). Returns the differences. */
function differences(a: ExcelJS.Workbook, b: ExcelJS.Workbook, except: ReadonlySet<string>): string[] {
  const diffs: string[] = [];
  const names = (wb: ExcelJS.Workbook) => wb.worksheets.map((w) => `${w.name}:${w.state}`);
  if (JSON.stringify(names(a)) !== JSON.stringify(names(b))) diffs.push(`sheets ${names(a)} → ${names(b)}`);
  for (const wa of a.worksheets) {
    const wb = b.getWorksheet(wa.name);
    if (!wb) continue;
    const rows = Math.max(wa.rowCount, wb.rowCount);
    const cols = Math.max(wa.columnCount, wb.columnCount);
    for (let r = 1; r <= rows; r++) {
      for (let c = 1; c <= cols; c++) {
        const ca = wa.getCell(r, c);
        if (except.has(`${wa.name}!${ca.address}`)) continue;
        const [x, y] = [JSON.stringify(cellState(ca)), JSON.stringify(cellState(wb.getCell(r, c)))];
        if (x !== y) diffs.push(`${wa.name}!${ca.address}: ${x} → ${y}`);
      }
    }
    for (let c = 1; c <= cols; c++) if (wa.getColumn(c).width !== wb.getColumn(c).width) diffs.push(`${wa.name} column ${c} width`);
    if (JSON.stringify(wa.views) !== JSON.stringify(wb.views)) diffs.push(`${wa.name} views`);
    if (JSON.stringify(wa.model.merges) !== JSON.stringify(wb.model.merges)) diffs.push(`${wa.name} merges`);
  }
  return diffs;
}

describe('ita-forms fix', () => {
  it('writes the safe fixes into the copy, prints each change, leaves the input and everything else as it was', async () => {
    const before = await sha(input);
    const out = path.join(dir, 'o16 แก้แล้ว.xlsx');
    const t = captureIo();
    const code = await run(['fix', input, '--out', out], t);
    expect(t.stderr).toEqual([]);
    expect(t.stdout).toEqual([
      `แผ่นงาน "${SHEET}"`,
      '  H2: "๑,๒๐๐ บาท" → 1200  [money-as-text]',
      '  J2: "อยู่ระหว่างระยะสัญญา" → "สิ้นสุดระยะสัญญา"  [status-dates]',
      '  K2: "เฉพาะเจาะจง" → "วิธีเฉพาะเจาะจง"  [option-synonym]',
      '  L2: "1,200" → 1200  [money-as-text]',
      '  M2: "1,150.00" → 1150  [money-as-text]',
      '  Q2: "15 มี.ค. 2567" → 15 มี.ค. 2567  [date-as-text]',
      '  R2: "30/3/67" → 30 มี.ค. 2567  [date-as-text]',
      '  D3: (ว่าง) → "เทศบาลตำบลชุมพล"  [required]',
      `แก้ 8 เซลล์ เขียนไว้ที่ ${out} (ไฟล์ ${input} ไม่ถูกแก้) — ไม่เหลือข้อผิดพลาด`,
    ]);
    expect(code).toBe(0);
    expect(await sha(input)).toBe(before);

    const [a, b] = [await load(input), await load(out)];
    const ws = b.getWorksheet(SHEET)!;
    expect(ws.getCell('H2').value).toBe(1200);
    expect(ws.getCell('Q2').value).toEqual(utcDate(2024, 3, 15));
    expect(ws.getCell('Q2').numFmt).toBe(a.getWorksheet(SHEET)!.getCell('Q2').numFmt);
    expect(ws.getCell('K2').value).toBe('วิธีเฉพาะเจาะจง');
    // The fixed cells keep their drop-down lists.
    expect(ws.getCell('K2').dataValidation).toEqual(a.getWorksheet(SHEET)!.getCell('K2').dataValidation);
    const changed = new Set(['D3', 'H2', 'J2', 'K2', 'L2', 'M2', 'Q2', 'R2'].map((c) => `${SHEET}!${c}`));
    expect(differences(a, b, changed)).toEqual([]);
    // The comparison sees what it must: the notes sheet's formulas and validation are really there.
    expect(b.getWorksheet(NOTES)!.getCell('B3').formula).toBe(`SUM('${SHEET}'!H2:H6)`);
    expect(b.getWorksheet(NOTES)!.getCell('C2').dataValidation.formulae).toEqual(['"ผ่าน,ไม่ผ่าน"']);
    expect(differences(a, b, new Set())).toHaveLength(8);

    // The copy checks clean of everything fixed.
    const again = captureIo();
    expect(await run(['check', out, '--format', 'json'], again)).toBe(0);
    expect(JSON.parse(again.stdout[0]).warnings).toBe(0);
  });

  it('--only restricts the fixes to the codes named', async () => {
    const out = path.join(dir, 'only-dates.xlsx');
    const t = captureIo();
    expect(await run(['fix', input, '--out', out, '--only', 'date-as-text,option-synonym'], t)).toBe(1);
    expect(t.stdout.slice(1, 4)).toEqual([
      '  K2: "เฉพาะเจาะจง" → "วิธีเฉพาะเจาะจง"  [option-synonym]',
      '  Q2: "15 มี.ค. 2567" → 15 มี.ค. 2567  [date-as-text]',
      '  R2: "30/3/67" → 30 มี.ค. 2567  [date-as-text]',
    ]);
    expect(t.stdout.at(-1)).toContain('ยังเหลือข้อผิดพลาด 2 รายการที่ต้องแก้เอง');
    const [a, b] = [await load(input), await load(out)];
    expect(differences(a, b, new Set(['K2', 'Q2', 'R2'].map((c) => `${SHEET}!${c}`)))).toEqual([]);
  });

  it('never writes the input, nor an existing file without --force', async () => {
    const before = await sha(input);
    const same = captureIo();
    expect(await run(['fix', input, '--out', input], same)).toBe(2);
    expect(same.stderr[0]).toContain('ไฟล์ต้นฉบับจะไม่ถูกเขียนทับ');
    expect(same.stderr[0]).toContain(`--out ${input} is the same file as FILE ${input}`);
    // The same file through another name (a hard link) is refused too.
    const link = path.join(dir, 'link.xlsx');
    await fs.link(input, link);
    expect(await run(['fix', input, '--out', link, '--force'], captureIo())).toBe(2);
    expect(await sha(input)).toBe(before);

    const existing = path.join(dir, 'ของเดิม.xlsx');
    await fs.writeFile(existing, 'งานเดิม');
    const t = captureIo();
    expect(await run(['fix', input, '--out', existing], t)).toBe(2);
    expect(t.stderr[0]).toContain(`มีไฟล์ ${existing} อยู่แล้ว จึงไม่เขียนทับ`);
    expect(t.stderr[0]).toContain('--force');
    expect(await fs.readFile(existing, 'utf8')).toBe('งานเดิม');
    expect(await run(['fix', input, '--out', existing, '--force'], captureIo())).toBe(0);
    expect((await load(existing)).getWorksheet(SHEET)!.getCell('H2').value).toBe(1200);
  });

  it('fills derived cells an officer typed over or cleared, and leaves the formulas to themselves', async () => {
    const file = path.join(dir, 'ita.xlsx');
    expect(await run(['new', 'ita-scores', '--edition', '2563', '--out', file], captureIo())).toBe(0);
    const wb = await load(file);
    const ws = wb.getWorksheet('ผลคะแนน ITA')!;
    scores.rows.slice(2, 12).forEach((r, k) => {
      ws.getCell(`D${k + 2}`).value = r[2] as number;
      ws.getCell(`E${k + 2}`).value = r[3] as number;
    });
    ws.getCell('G2').value = 'จุดอ่อน'; // 88.99 is a strength: typed over the formula, wrongly
    ws.getCell('G3').value = null; // the formula deleted
    await wb.xlsx.writeFile(file);
    const out = path.join(dir, 'ita-fixed.xlsx');
    const t = captureIo();
    expect(await run(['fix', file, '--out', out], t)).toBe(0);
    expect(t.stdout.slice(0, 3)).toEqual([
      'แผ่นงาน "ผลคะแนน ITA"',
      '  G2: "จุดอ่อน" → "จุดแข็ง"  [derived-wrong]',
      '  G3: (ว่าง) → "จุดอ่อน"  [derived-missing]',
    ]);
    const [a, b] = [await load(file), await load(out)];
    expect(differences(a, b, new Set(['ผลคะแนน ITA!G2', 'ผลคะแนน ITA!G3']))).toEqual([]);
    expect(b.getWorksheet('ผลคะแนน ITA')!.getCell('G4').formula).toBe('IF(E4="","",IF(E4>=85,"จุดแข็ง","จุดอ่อน"))');
  });

  it('refuses a workbook with parts it cannot carry over (a chart), and says so', async () => {
    // A workbook whose zip lists a chart part: exceljs would drop it on rewriting.
    const bytes = await fs.readFile(input);
    const withChart = path.join(dir, 'chart.xlsx');
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(bytes);
    zip.file('xl/charts/chart1.xml', '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
    await fs.writeFile(withChart, await zip.generateAsync({ type: 'nodebuffer' }));
    const t = captureIo();
    expect(await run(['fix', withChart, '--out', path.join(dir, 'chart-fixed.xlsx')], t)).toBe(2);
    expect(t.stderr[0]).toContain('แผนภูมิ');
    await expect(fs.stat(path.join(dir, 'chart-fixed.xlsx'))).rejects.toThrow();
  });
});
