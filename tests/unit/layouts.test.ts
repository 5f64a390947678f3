/**
 * Real layouts read as officers lay them out: headers over two rows with merged cells (read by a
 * reader that repeats a merged cell's text in every cell, or keeps it in the first cell only),
 * the header repeated over every printed page, a row of column numbers, invisible characters
 * pasted with the values, and text over Excel's cell limit.
 */
import { checkSheet, checkWorkbook, type Issue } from '../../src/domain/check';
import { recognize } from '../../src/domain/recognize';
import type { CellValue, SheetGrid } from '../../src/domain/grid';
import { utcDate } from '../../src/domain/values/thaiDate';
import { quote } from '../../src/domain/values/problem';
import { invisibleChars, revealInvisible, stripInvisible } from '../../src/domain/values/invisible';
import { COL, FIRST_DATA_ROW, HEADER, HEADER_ROW, TITLE_ROWS, realisticO16 } from '../fixtures/o16Realistic';

const today = utcDate(2024, 11, 1);

function grid(rows: CellValue[][], name = 'o16'): SheetGrid {
  return { name, rows };
}

function at(issues: readonly Issue[], cell: string): Issue[] {
  return issues.filter((i) => `${i.column}${i.row}` === cell);
}

const errors = (issues: readonly Issue[]) => issues.filter((i) => i.severity === 'error');

/** Column index of a header of the realistic layout. */
const col = (letter: string) => letter.charCodeAt(0) - 65;

/**
 * The realistic header over two rows: "ราคา" over ราคากลาง | ราคาที่ตกลงซื้อหรือจ้าง and
 * "วันที่" over ลงนามในสัญญา | สิ้นสุดสัญญา; every other header merged down both rows.
 * `filled`: the reader repeats a merged cell's text in each of its cells (exceljs's workbook
 * reader); otherwise only the first cell of a merge holds it (a streaming reader, Office).
 */
function twoRowHeader(filled: boolean): CellValue[][] {
  const top: CellValue[] = HEADER.map((h) => h);
  const bottom: CellValue[] = HEADER.map((h) => (filled ? h : null));
  top[col(COL.medianPrice)] = 'ราคา';
  top[col(COL.agreedPrice)] = filled ? 'ราคา' : null;
  bottom[col(COL.medianPrice)] = 'ราคากลาง';
  bottom[col(COL.agreedPrice)] = 'ราคาที่ตกลง\nซื้อหรือจ้าง';
  top[col(COL.signDate)] = 'วันที่';
  top[col(COL.endDate)] = filled ? 'วันที่' : null;
  bottom[col(COL.signDate)] = 'ลงนามในสัญญา';
  bottom[col(COL.endDate)] = 'สิ้นสุดสัญญา';
  return [top, bottom];
}

/** The realistic sheet with its header row replaced by `header` rows. */
function withHeader(header: CellValue[][], records = 34): CellValue[][] {
  const rows = realisticO16({ rows: records });
  rows.splice(HEADER_ROW - 1, 1, ...header);
  return rows;
}

describe('a header over two rows, with merged cells', () => {
  it.each([
    ['merged cells repeated in every cell', true],
    ['merged cells in their first cell only', false],
  ])('%s: recognised as the header, every field mapped, not one record read from it', (_, filled) => {
    const rows = withHeader(twoRowHeader(filled));
    const rec = recognize(grid(rows));
    expect(rec?.template.id).toBe('procurement-progress');
    expect(rec?.headerRow).toBe(HEADER_ROW + 1);
    expect(rec?.headerStartIndex).toBe(HEADER_ROW - 1);
    expect(rec?.missing).toEqual([]);
    expect(rec?.indexOf.get('medianPrice')).toBe(col(COL.medianPrice));
    expect(rec?.indexOf.get('agreedPrice')).toBe(col(COL.agreedPrice));
    expect(rec?.indexOf.get('endDate')).toBe(col(COL.endDate));
    // The title stays the title: the fiscal year and agency lines, not the group header.
    expect(rec?.title).toContain('ประจำปีงบประมาณ พ.ศ. ๒๕๖๗');
    expect(rec?.title).not.toContain('ราคา');

    const { report } = checkSheet(grid(rows), { today });
    expect(report.rows).toBe(34);
    expect(errors(report.issues)).toEqual([]);
    expect(report.issues.filter((i) => i.row === HEADER_ROW || i.row === HEADER_ROW + 1)).toEqual([]);
  });

  it('the group wording joined with the sub-header ("ราคา" + "ที่ตกลงซื้อหรือจ้าง") names the column', () => {
    const [top, bottom] = twoRowHeader(false);
    bottom[col(COL.agreedPrice)] = 'ที่ตกลงซื้อหรือจ้าง';
    top[col(COL.agreedPrice)] = null;
    top[col(COL.medianPrice)] = 'ราคา';
    // Merged across both price columns: the streaming reader leaves the second cell empty, so
    // only a joined wording in the same column counts; put the group text over it as Excel
    // users do when they do not merge.
    top[col(COL.agreedPrice)] = 'ราคา';
    const rec = recognize(grid(withHeader([top, bottom])));
    expect(rec?.indexOf.get('agreedPrice')).toBe(col(COL.agreedPrice));
    expect(rec?.missing).toEqual([]);
  });
});

it('a header with invisible characters pasted in (U+200B, soft hyphen, BOM) is still the header', () => {
  const header = HEADER.map((h, i) => (typeof h !== 'string' ? h : i % 3 === 0 ? `${h}\u200B` : i % 3 === 1 ? `\uFEFF${h}` : h.replace('จัด', 'จัด\u00AD')));
  const rec = recognize(grid(withHeader([header])));
  expect(rec?.missing).toEqual([]);
  expect(rec?.headerRow).toBe(HEADER_ROW);
});

it('an agency block over the header ("ปีงบประมาณ | ๒๕๖๗ | ชื่อหน่วยงาน | …") stays in the title', () => {
  const rows = withHeader([['ปีงบประมาณ', '๒๕๖๗', 'ชื่อหน่วยงาน', 'เทศบาลตำบลชุมพล'], HEADER]);
  const rec = recognize(grid(rows));
  expect(rec?.headerRow).toBe(HEADER_ROW + 1);
  expect(rec?.headerStartIndex).toBe(HEADER_ROW);
  expect(rec?.title).toContain('ชื่อหน่วยงาน เทศบาลตำบลชุมพล');
});

describe('the header printed again on every page', () => {
  /** The sheet with its header (and optionally the title) copied before every `every` records. */
  function repeated(header: CellValue[][], every: number, withTitle = false): { rows: CellValue[][]; repeats: number[] } {
    const rows = withHeader(header);
    const first = HEADER_ROW - 1 + header.length;
    const out = rows.slice(0, first);
    const repeats: number[] = [];
    rows.slice(first).forEach((r, i) => {
      if (i > 0 && i < 34 && i % every === 0) {
        if (withTitle) out.push(...TITLE_ROWS.map((t) => [...t]));
        repeats.push(out.length + 1);
        out.push(...header.map((h) => [...h]));
      }
      out.push(r);
    });
    return { rows: out, repeats };
  }

  it('one-row header repeated every 10 rows: 34 records, no error, nothing at the repeated rows', () => {
    const { rows, repeats } = repeated([HEADER], 10);
    expect(repeats).toHaveLength(3);
    const { report } = checkSheet(grid(rows), { today });
    expect(report.rows).toBe(34);
    expect(errors(report.issues)).toEqual([]);
    for (const r of repeats) expect(report.issues.filter((i) => i.row === r)).toEqual([]);
  });

  it('a near copy (line breaks and "(บาท)" differ, a page number beside it) is still the header', () => {
    const copy = HEADER.map((h) => (typeof h === 'string' ? h.replace(/\n/g, ' ').replace(' (บาท)', '') : h));
    copy.push('หน้า ๒');
    const rows = withHeader([HEADER]);
    rows.splice(FIRST_DATA_ROW + 9, 0, copy);
    const { report } = checkSheet(grid(rows), { today });
    expect(report.rows).toBe(34);
    expect(errors(report.issues)).toEqual([]);
  });

  it.each([true, false])('a two-row merged header (filled %s) with the title rows, repeated every 12 rows', (filled) => {
    const { rows, repeats } = repeated(twoRowHeader(filled), 12, true);
    const { report } = checkSheet(grid(rows), { today });
    expect(report.rows).toBe(34);
    expect(errors(report.issues)).toEqual([]);
    for (const r of repeats) expect(report.issues.filter((i) => i.row !== null && i.row >= r - 3 && i.row <= r + 1)).toEqual([]);
  });

  const thai = (n: number) => String(n).replace(/[0-9]/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)]);
  it.each<[string, (i: number) => CellValue]>([
    ['(๑) (๒) (๓) …', (i) => `(${thai(i + 1)})`],
    ['1 2 3 … as numbers', (i) => i + 1],
  ])('the row of column numbers under the header, %s, is not a record', (_, numberOf) => {
    const rows = withHeader([HEADER, HEADER.map((__, i) => numberOf(i))]);
    const { report } = checkSheet(grid(rows), { today });
    expect(report.rows).toBe(34);
    expect(errors(report.issues)).toEqual([]);
    expect(report.issues.filter((i) => i.row === HEADER_ROW + 1)).toEqual([]);
  });

  it('a record that happens to share two words with the header is still a record', () => {
    const rows = withHeader([HEADER], 3);
    const r = rows[FIRST_DATA_ROW - 1];
    r[col(COL.item)] = 'งานที่ซื้อหรือจ้าง';
    r[col(COL.winner)] = 'รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก';
    const { report } = checkSheet(grid(rows), { today });
    expect(report.rows).toBe(3);
  });
});

describe('invisible characters', () => {
  it('are found, removed and shown by code point', () => {
    expect(invisibleChars('๐๑๐๕๕\u200B๔๓๐๐๘๒๑๙\uFEFF')).toEqual([0x200b, 0xfeff]);
    expect(invisibleChars('วิธีเฉพาะเจาะจง')).toEqual([]);
    expect(invisibleChars('๑,๒๐๐\u00A0บาท')).toEqual([]); // NBSP shows as a space: read as one
    expect(stripInvisible('วิธีเฉพาะ\u00ADเจาะ\u200Dจง')).toBe('วิธีเฉพาะเจาะจง');
    expect(revealInvisible('๖๗\u200C๐๓')).toBe('๖๗⟨U+200C⟩๐๓');
    expect(quote('วิธีเฉพาะ\u200Bเจาะจง')).toBe('"วิธีเฉพาะ⟨U+200B⟩เจาะจง"');
  });

  function checkWith(edit: (rows: CellValue[][]) => void): readonly Issue[] {
    const rows = realisticO16();
    edit(rows);
    return checkSheet(grid(rows), { today }).report.issues;
  }
  const set = (rows: CellValue[][], row: number, letter: string, v: CellValue) => {
    rows[row - 1][col(letter)] = v;
  };

  it.each<[string, string, CellValue, string, CellValue]>([
    ['a tax ID in Thai digits with a zero-width space', COL.taxId, '๐-๑๐๕๕-๔๓๐๐๘-๒๑-๙\u200B', 'U+200B', '๐-๑๐๕๕-๔๓๐๐๘-๒๑-๙'],
    ['a tax ID with a BOM in front', COL.taxId, '\uFEFF0105543008219', 'U+FEFF', '0105543008219'],
    ['a method with a zero-width space inside', COL.method, 'วิธีเฉพาะ\u200Bเจาะจง', 'U+200B', 'วิธีเฉพาะเจาะจง'],
    ['a method with a soft hyphen', COL.method, 'วิธีเฉพาะ\u00ADเจาะจง', 'U+00AD', 'วิธีเฉพาะเจาะจง'],
    ['a project number with a ZWNJ', COL.projectNumber, '๖๗๐๓๙๕\u200C๔๙๔๐๘', 'U+200C', '๖๗๐๓๙๕๔๙๔๐๘'],
    ['a BE date with a ZWJ', COL.signDate, '๑๕ มี.ค. ๒๕๖๗\u200D', 'U+200D', '๑๕ มี.ค. ๒๕๖๗'],
  ])('%s: read, named in a warning at its cell, the clean text offered', (_, letter, value, code, cleaned) => {
    const issues = checkWith((rows) => set(rows, FIRST_DATA_ROW + 2, letter, value));
    const cell = at(issues, `${letter}${FIRST_DATA_ROW + 2}`);
    const inv = cell.find((i) => i.code === 'invisible-char');
    expect(inv?.severity).toBe('warning');
    expect(inv?.message).toContain(`มีอักขระที่มองไม่เห็น ${code}`);
    expect(inv?.messageEn).toContain(code);
    // The value is read: no error at the cell, and no message shows two same-looking texts.
    expect(errors(cell)).toEqual([]);
    expect(cell.filter((i) => i.code === 'option-synonym' || i.code === 'option-unknown')).toEqual([]);
    if (letter !== COL.signDate) expect(inv?.fix).toEqual({ value: cleaned, display: cleaned });
  });

  it('an amount with an invisible character keeps the money-as-text fix (the number), named once', () => {
    const issues = checkWith((rows) => set(rows, FIRST_DATA_ROW, COL.budget, '๑,๒๐๐\u200B บาท'));
    const cell = at(issues, `${COL.budget}${FIRST_DATA_ROW}`);
    expect(cell.map((i) => i.code).sort()).toEqual(['invisible-char', 'money-as-text']);
    expect(cell.find((i) => i.code === 'invisible-char')?.fix).toBeUndefined();
    expect(cell.find((i) => i.code === 'money-as-text')?.fix?.value).toBe(1200);
  });

  it('a wrong tax ID with a zero-width space: the error shows the digits without it', () => {
    const issues = checkWith((rows) => set(rows, FIRST_DATA_ROW, COL.taxId, '0105543008218\u200B'));
    const err = at(issues, `${COL.taxId}${FIRST_DATA_ROW}`).find((i) => i.code === 'tax-id-checksum');
    expect(err?.message).toContain('"0105543008218"');
    expect(err?.message).not.toContain('\u200B');
  });

  it('free text keeps its zero-width spaces (Thai word processors put them between words)', () => {
    const issues = checkWith((rows) => set(rows, FIRST_DATA_ROW, COL.item, 'จัดซื้อ\u200Bวัสดุ\u200Bสำนักงาน'));
    expect(at(issues, `${COL.item}${FIRST_DATA_ROW}`)).toEqual([]);
  });
});

describe('text over Excel\'s cell limit', () => {
  it('a 40,000-character description is an error at its cell; 32,767 is fine', () => {
    const rows = realisticO16();
    rows[FIRST_DATA_ROW - 1][col(COL.item)] = 'จัดซื้อวัสดุ'.repeat(4000).slice(0, 40000);
    rows[FIRST_DATA_ROW][col(COL.item)] = 'ก'.repeat(32767);
    const issues = checkSheet(grid(rows), { today }).report.issues;
    const err = at(issues, `${COL.item}${FIRST_DATA_ROW}`);
    expect(err.map((i) => i.code)).toEqual(['text-too-long']);
    expect(err[0].severity).toBe('error');
    expect(err[0].message).toContain('40,000 ตัวอักษร');
    expect(err[0].message).toContain('32,767');
    expect(at(issues, `${COL.item}${FIRST_DATA_ROW + 1}`)).toEqual([]);
  });
});

describe('several tables on one sheet', () => {
  const PLAN_HEADER: CellValue[] = [
    'ปีงบประมาณ', 'ประเภทหน่วยงาน', 'กระทรวง', 'ชื่อหน่วยงาน', 'อำเภอ', 'จังหวัด', 'งานที่ซื้อหรือจ้าง',
    'วงเงินงบประมาณที่ได้รับจัดสรร (บาท)', 'แหล่งที่มาของงบประมาณ', 'วิธีการที่จะดำเนินการจัดซื้อจัดจ้าง', 'ช่วงเวลาที่คาดว่าจะเริ่มดำเนินการ',
  ];
  const agency: CellValue[] = [2567, 'องค์กรปกครองส่วนท้องถิ่น', 'กระทรวงมหาดไทย', 'เทศบาลตำบลชุมพล', 'สีคิ้ว', 'นครราชสีมา'];

  it('an o14 plan under the o16 list: the list ends above it, the plan is checked at its own cells, a warning names where it starts', () => {
    const rows = realisticO16({ rows: 10 }).slice(0, HEADER_ROW + 10);
    rows.push([], ['แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๘'], PLAN_HEADER);
    const planHeaderRow = rows.length;
    rows.push([...agency, 'ก่อสร้างถนน คสล. หมู่ ๓', '๒,๔๕๐,๐๐๐', 'เทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย', 'e-bidding', 'ธันวาคม 2566']);
    rows.push([...agency, 'ซ่อมอาคาร', 100_000, 'เงินสะสม', 'วิธีเฉพาะเจาะจง', 'เร็วๆ นี้']);
    const { report } = checkSheet(grid(rows), { today });
    expect(report.template).toBe('procurement-progress');
    expect(report.rows).toBe(12);
    const note = report.issues.find((i) => i.code === 'several-tables');
    expect(note).toMatchObject({ severity: 'warning', row: planHeaderRow, column: 'A' });
    expect(note?.message).toContain('o14');
    expect(note?.message).toContain(`A${planHeaderRow}`);
    // The plan's own problem, at its cell; nothing from the plan read as an o16 record.
    expect(at(report.issues, `K${planHeaderRow + 2}`).map((i) => i.code)).toContain('period-invalid');
    expect(errors(report.issues).filter((i) => i.code !== 'period-invalid')).toEqual([]);
  });

  it('two o16 lists side by side: both checked, the right one at its own column letters', () => {
    const left = realisticO16({ rows: 6 }).slice(0, HEADER_ROW + 6);
    const right = realisticO16({ rows: 4 }).slice(0, HEADER_ROW + 4);
    const gap = HEADER.length + 1; // one empty column between them
    const rows = left.map((r, i) => {
      const out: CellValue[] = [...r];
      while (out.length < gap) out.push(null);
      if (i >= HEADER_ROW - 1 && right[i]) out.push(...right[i]);
      return out;
    });
    // A wrong tax ID in the right list's second record: column O shifted by `gap` is AI.
    rows[FIRST_DATA_ROW][gap + col(COL.taxId)] = '0105543008218';
    const { report } = checkSheet(grid(rows), { today });
    expect(report.rows).toBe(10);
    expect(report.issues.find((i) => i.code === 'several-tables')).toMatchObject({ row: HEADER_ROW, column: 'U' });
    expect(at(report.issues, `AI${FIRST_DATA_ROW + 1}`).map((i) => i.code)).toEqual(['tax-id-checksum']);
    expect(errors(report.issues).map((i) => `${i.column}${i.row}`)).toEqual([`AI${FIRST_DATA_ROW + 1}`]);
  });

  it('the same list continued under a part title ("ไตรมาสที่ ๒") and its header again: one list, the title not a record', () => {
    const rows = realisticO16({ rows: 12 }).slice(0, HEADER_ROW + 12);
    // The title centred over the table: its text sits in a field column (H), not in ที่.
    const title: CellValue[] = [];
    title[col(COL.item)] = 'ไตรมาสที่ ๒ (มกราคม – มีนาคม ๒๕๖๗)';
    rows.splice(HEADER_ROW + 6, 0, [], title, [...HEADER]);
    const { report } = checkSheet(grid(rows), { today });
    expect(report.rows).toBe(12);
    expect(report.issues.filter((i) => i.code === 'several-tables')).toEqual([]);
    expect(errors(report.issues)).toEqual([]);
  });

  it('a record begun (only its item typed) just above a page\'s header stays a record, with its blanks reported', () => {
    const rows = realisticO16({ rows: 12 }).slice(0, HEADER_ROW + 12);
    const partial: CellValue[] = [];
    partial[col(COL.item)] = 'จัดซื้อวัสดุไฟฟ้า';
    rows.splice(HEADER_ROW + 6, 0, partial, [...HEADER]);
    const { report } = checkSheet(grid(rows), { today });
    expect(report.rows).toBe(13);
    expect(report.issues.filter((i) => i.row === HEADER_ROW + 7 && i.code === 'required').length).toBeGreaterThan(3);
  });
});

describe('o17 with its summary by method on the same sheet', () => {
  /** The realistic list as last year's annual report (FY2566), 6 records, no notes under it. */
  function annualRows(): CellValue[][] {
    const rows = realisticO16({ rows: 6 }).slice(0, HEADER_ROW + 6).map((r) => [...r]);
    rows[0] = ['รายงานสรุปผลการจัดซื้อจัดจ้างประจำปี ๒๕๖๖'];
    for (let r = FIRST_DATA_ROW; r < FIRST_DATA_ROW + 6; r++) {
      const row = rows[r - 1];
      row[col(COL.fiscalYear)] = 2566;
      row[col(COL.signDate)] = utcDate(2022, 11, r);
      row[col(COL.endDate)] = utcDate(2023, 1, r);
      row[col(COL.status)] = 'สิ้นสุดระยะสัญญา';
      row[col(COL.projectNumber)] = `6501234567${r % 10}`;
    }
    return rows;
  }

  /** The summary table as the list adds up (from the check of the list alone). */
  function summaryRows(): CellValue[][] {
    const sum = checkWorkbook([{ name: 'o17', rows: annualRows() }], { today }).checks[0].summary;
    if (!sum) throw new Error('no summary');
    return [
      ['สรุปผลการจัดซื้อจัดจ้างตามวิธีการ'],
      ['วิธีการจัดซื้อจัดจ้าง', 'จำนวนรายการ', 'งบประมาณ (บาท)'],
      ...[...sum.lines, sum.total].map((l): CellValue[] => [l.label, l.count, l.amount]),
    ];
  }

  /** The problems/suggestions part o17 asks for, as officers write it under the summary. */
  const notesRows = (): CellValue[][] => [[], ['ปัญหา อุปสรรค'], ['ไม่มี'], ['ข้อเสนอแนะ'], ['ไม่มี']];

  it('under the list: compared with the list there, its rows not read as records, no "summary missing"', () => {
    const rows = [...annualRows(), [], ...summaryRows(), ...notesRows()];
    const rep = checkWorkbook([{ name: 'o17', rows }], { today });
    const s = rep.sheets[0];
    expect(s.template).toBe('procurement-annual');
    expect(s.rows).toBe(6);
    expect(errors(s.issues)).toEqual([]);
    expect(s.issues.filter((i) => i.code === 'several-tables')).toEqual([]);
    // Without the problems/suggestions part, that part is what is missing, not the summary.
    const bare = checkWorkbook([{ name: 'o17', rows: [...annualRows(), [], ...summaryRows()] }], { today }).sheets[0];
    expect(errors(bare.issues).map((i) => i.code)).toEqual(['summary-notes-missing']);
  });

  it('under the list, a wrong amount is a summary-mismatch at its cell', () => {
    const summary = summaryRows();
    const totalAt = summary.length - 1;
    summary[totalAt][2] = 1;
    const rows = [...annualRows(), [], ...summary, ...notesRows()];
    const s = checkWorkbook([{ name: 'o17', rows }], { today }).sheets[0];
    expect(errors(s.issues).map((i) => `${i.code}@${i.column}${i.row}`)).toEqual([`summary-mismatch@C${HEADER_ROW + 6 + 1 + totalAt + 1}`]);
  });

  it('above the list (over the title): compared, and the list still read', () => {
    const rows = [...summaryRows(), ...notesRows(), [], ...annualRows()];
    const s = checkWorkbook([{ name: 'o17', rows }], { today }).sheets[0];
    expect(s.template).toBe('procurement-annual');
    expect(s.rows).toBe(6);
    expect(errors(s.issues)).toEqual([]);
  });
});
